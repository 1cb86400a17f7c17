"""Programme exports: Markdown, JSON, CSV and Word, each optionally redacted for the public.

``redaction`` turns an outline into its public version; ``markdown``, ``json_export``,
``csv_export`` and ``docx_export`` render an outline; ``atomic`` writes files safely;
``render`` ties them together for the CLI and the TUI.
"""
