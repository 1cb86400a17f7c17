"""The click command-line face of catalogue: a few lines per command over catalogue.core."""
