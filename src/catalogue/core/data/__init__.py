"""Reading and validating the human-editable files in ``data/``.

Every problem is reported as ``file:line: what is wrong`` (a :class:`DataFileError`).
"""
