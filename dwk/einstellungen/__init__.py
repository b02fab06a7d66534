"""The settings of ``dwk/settings.py`` by subject; ``dwk.settings`` imports every module here."""
