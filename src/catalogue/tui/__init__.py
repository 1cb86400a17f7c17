"""The Textual face of catalogue. Importing this package does not import textual;
``catalogue.tui.app`` does (only ``catalogue`` with no command and ``catalogue tui`` load it)."""
