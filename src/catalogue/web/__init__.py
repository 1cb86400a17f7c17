"""The team's web faces: the app in a browser (textual-serve) and the read-only web view of
the public copy (Datasette). Both need the optional extra: pip install 'catalogue[web]'."""
