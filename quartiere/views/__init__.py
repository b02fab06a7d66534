"""Views of the quarters app, by subject: city structure and quarters, analysis, infrastructure."""
