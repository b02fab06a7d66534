"""Pages of the citizen dialogue, one module per concept."""
