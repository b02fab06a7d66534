"""The read door of ``uebersichten``: the city-wide Kommunalprofil (``kommunalprofil``) and the
progress report to the programme (``sachstand``). Both only collect from the other apps' queries."""
