"""The catalogue core: data model, lookup, rules, outlines and store.

This package imports neither textual nor click; the CLI and the TUI are thin faces over it.
Heavy libraries (sqlite_utils, pycountry, rapidfuzz) are imported lazily, only on the paths
that need them, so the quick country lookup stays fast.
"""
