"""Writes of the reports app; see the modules: ``berichte`` (save, consult, release, OParl),
``rendern`` (WeasyPrint in a child process with limits), ``pdf_bericht`` (the report as one PDF
and its background jobs)."""
