"""Statistics: the figures officials report, the county's measures and the
home dashboard's aggregates, computed once here for the dashboard, the PDF,
the .xlsx and ``credit-desk stats`` alike (docs/stats.md)."""
