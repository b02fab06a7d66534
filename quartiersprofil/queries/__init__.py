"""Every read of the quarter profile that is more than a one-line queryset method, by subject
(the app's second door; writes are in ``services``)."""
