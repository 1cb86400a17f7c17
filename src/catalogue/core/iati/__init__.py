"""IATI 2.03 activity XML from the public version of programmes (docs/programmes.md)."""
