"""Every write of the citizen dialogue (events and checklist, catalogues, results)."""
