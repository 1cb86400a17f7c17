"""Remembering a choice made in the app in the settings file (``config.toml``).

Only the one value changes: the file is read with tomlkit, which keeps the user's comments,
order and layout, the value is set, and the whole file is written atomically (a temporary file
in the same folder, flushed, then renamed over it: :func:`catalogue.core.exports.atomic.
write_atomic`), so a crash leaves the old file or the new one, never half of one. A settings
file reached through a symbolic link is written where the link points. No textual import:
called from a worker thread.
"""

from __future__ import annotations

from pathlib import Path

from catalogue.tui.config import ConfigError, config_path


def save_setting(path: Path | None, table: str, key: str, value: int | None) -> Path:
    """Set ``[table] key = value`` (None: remove it) in the settings file; returns its path.

    A missing file (and folder) is created. A file that is no longer valid TOML is left as
    it is: ConfigError says where and why."""
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    from catalogue.core.errors import OutputError
    from catalogue.core.exports.atomic import write_atomic

    target = (path or config_path()).expanduser()
    if target.is_symlink():
        target = target.resolve()
    try:
        text = target.read_text(encoding="utf-8") if target.exists() else ""
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise ConfigError(f"cannot read config file {target} ({reason}); nothing was saved") \
            from None
    try:
        doc = tomlkit.parse(text)
    except TOMLKitError as exc:
        raise ConfigError(f"{target}: not valid TOML ({exc}); nothing was saved") from None
    section = doc.get(table)
    if section is None:
        if value is None:
            return target
        section = tomlkit.table()
        doc[table] = section
    elif not isinstance(section, dict):
        raise ConfigError(f"{target}: '{table}' must be a table; nothing was saved")
    if value is None:
        section.pop(key, None)
        if not section:
            doc.pop(table)
    else:
        section[key] = value
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(target, tomlkit.dumps(doc).encode("utf-8"), force=True)
    except OSError as exc:
        raise ConfigError(f"cannot write config file {target} ({exc.strerror or exc}); "
                          "nothing was saved") from None
    except OutputError as exc:
        raise ConfigError(f"{exc}") from None
    return target
