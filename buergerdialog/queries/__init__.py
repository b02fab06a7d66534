"""Every non-trivial read of the citizen dialogue."""
