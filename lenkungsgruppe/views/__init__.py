"""Views of the steering group, by subject."""
