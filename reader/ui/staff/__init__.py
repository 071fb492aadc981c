"""The staff area of the app (``quan-tri``): pages that only draw; the work is in ``reader.staff``."""
