"""Reads of the reports app (committee reports, their consultation and versions)."""
