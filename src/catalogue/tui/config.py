"""The app's settings file: theme, keymap, page size and pane widths, read from TOML.

Location: ``$CATALOGUE_CONFIG`` if set, else ``config.toml`` in the platform's user config
directory (``~/.config/catalogue/config.toml`` on Linux). A missing file means defaults; a
malformed one is a :class:`ConfigError` naming the file and line, never a traceback.

This module does not import textual, so the CLI can report a bad file before the app starts.
Checking binding ids and theme names against the app happens in :func:`check_config`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalogue.core.errors import InvalidInputError

APP_NAME = "catalogue"
CONFIG_ENV = "CATALOGUE_CONFIG"
CONFIG_FILENAME = "config.toml"
DEFAULT_THEME = "catalogue"
DEFAULT_PAGE_SIZE = 200
MIN_PAGE_SIZE = 20
MAX_PAGE_SIZE = 5000
#: Seconds a search box waits after the last keystroke before it searches.
SEARCH_DELAY = 0.15
KNOWN_KEYS = {"theme", "page_size", "keymap", "user", "export_dir", "panes"}
#: The screens whose split between list and detail moves (``[panes]``: screen = columns).
PANE_SCREENS = ("explorer", "board", "builder", "roster")
MIN_PANE = 16
MAX_PANE = 120


class ConfigError(InvalidInputError):
    """The settings file cannot be used; the message says where and why."""


@dataclass(frozen=True)
class TuiConfig:
    theme: str = DEFAULT_THEME
    keymap: dict[str, str] = field(default_factory=dict)
    page_size: int = DEFAULT_PAGE_SIZE
    user: str | None = None  # who makes changes, for the audit trail (default: login name)
    path: Path | None = None  # the file it came from, if one existed
    #: Where exports go unless the user types another path (default: the documents folder).
    export_dir: Path | None = None
    #: The width (columns) chosen for each screen's moving pane (tui/screens/split.py).
    panes: dict[str, int] = field(default_factory=dict)

    def exports_folder(self) -> Path:
        """``export_dir``, else the user's documents folder (``~/Documents`` on most systems)."""
        if self.export_dir is not None:
            return self.export_dir
        from platformdirs import user_documents_path

        return user_documents_path()


def config_dir() -> Path:
    """The platform's user config directory for catalogue."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def config_path() -> Path:
    """``$CATALOGUE_CONFIG`` if set, else ``config.toml`` in :func:`config_dir`."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    return config_dir() / CONFIG_FILENAME


def load_config(path: Path | None = None) -> TuiConfig:
    """Read the settings file; defaults when it does not exist."""
    import tomllib

    target = path or config_path()
    if not target.exists():
        if path is not None or os.environ.get(CONFIG_ENV):
            raise ConfigError(f"config file {target} does not exist (set by {CONFIG_ENV})")
        return TuiConfig()
    try:
        text = target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise ConfigError(f"cannot read config file {target} ({reason})") from None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{target}: not valid TOML: {exc}") from None
    return parse_config(doc, target)


def parse_config(doc: dict[str, Any], where: Path) -> TuiConfig:
    unknown = sorted(set(doc) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown setting {unknown[0]!r}; "
                          f"known settings: {', '.join(sorted(KNOWN_KEYS))}")
    theme = doc.get("theme", DEFAULT_THEME)
    if not isinstance(theme, str) or not theme.strip():
        raise ConfigError(f"{where}: 'theme' must be a theme name, e.g. theme = \"nord\"")
    page_size = doc.get("page_size", DEFAULT_PAGE_SIZE)
    if (not isinstance(page_size, int) or isinstance(page_size, bool)
            or not MIN_PAGE_SIZE <= page_size <= MAX_PAGE_SIZE):
        raise ConfigError(f"{where}: 'page_size' must be a whole number from {MIN_PAGE_SIZE} "
                          f"to {MAX_PAGE_SIZE}")
    user = doc.get("user")
    if user is not None and (not isinstance(user, str) or not user.strip()):
        raise ConfigError(f"{where}: 'user' must be a name, e.g. user = \"J. Smith\"")
    export_dir = doc.get("export_dir")
    if export_dir is not None and (not isinstance(export_dir, str) or not export_dir.strip()):
        raise ConfigError(f"{where}: 'export_dir' must be a folder, e.g. "
                          "export_dir = \"~/Documents/exports\"")
    keymap_doc = doc.get("keymap", {})
    if not isinstance(keymap_doc, dict):
        raise ConfigError(f"{where}: 'keymap' must be a table: [keymap] then "
                          "binding-id = \"key\" lines")
    keymap: dict[str, str] = {}
    for binding_id, keys in keymap_doc.items():
        if not isinstance(keys, str) or not keys.strip():
            raise ConfigError(f"{where}: keymap entry {binding_id!r} must be a key such as "
                              "\"ctrl+f\" (several keys: \"f5,ctrl+r\")")
        keymap[binding_id] = ",".join(k.strip() for k in keys.split(",") if k.strip())
    return TuiConfig(theme=theme.strip(), keymap=keymap, page_size=page_size,
                     user=user.strip() if user else None, path=where,
                     export_dir=Path(export_dir.strip()).expanduser() if export_dir else None,
                     panes=_panes(doc.get("panes", {}), where))


def _panes(doc: Any, where: Path) -> dict[str, int]:
    if not isinstance(doc, dict):
        raise ConfigError(f"{where}: 'panes' must be a table: [panes] then screen = columns "
                          "lines, e.g. explorer = 40")
    panes: dict[str, int] = {}
    for screen, width in doc.items():
        if screen not in PANE_SCREENS:
            raise ConfigError(f"{where}: panes: unknown screen {screen!r}; screens with a "
                              f"moving split: {', '.join(PANE_SCREENS)}")
        if isinstance(width, bool) or not isinstance(width, int) \
                or not MIN_PANE <= width <= MAX_PANE:
            raise ConfigError(f"{where}: panes: {screen} must be a whole number of columns "
                              f"from {MIN_PANE} to {MAX_PANE}, e.g. {screen} = 40 "
                              f"(got {str(width)[:20]!r})")
        panes[screen] = width
    return panes


def current_user() -> str:
    """The signed-in user (``catalogue serve``) or the OS login: what the "by" fields start with."""
    from catalogue.core.identity import default_name

    return default_name()


def check_config(config: TuiConfig, binding_ids: Iterable[str], themes: Iterable[str]) -> None:
    """Raise ConfigError if the keymap names an unknown binding or the theme does not exist."""
    where = config.path or config_path()
    known_ids = set(binding_ids)
    for binding_id in config.keymap:
        if binding_id not in known_ids:
            raise ConfigError(f"{where}: keymap: no binding with id {binding_id!r}; "
                              f"the ids are listed by F1 in the app and in docs/tui.md")
    theme_names = sorted(themes)
    if config.theme not in theme_names:
        raise ConfigError(f"{where}: unknown theme {config.theme!r}; choose one of: "
                          f"{', '.join(theme_names)}")
