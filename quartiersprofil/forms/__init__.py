"""Forms of the quarter profile, split like the views."""
