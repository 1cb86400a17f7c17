"""Reusable widgets: paged tables, filter chips, the disciplines tree, detail cards."""
