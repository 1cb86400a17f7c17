"""The settings file: location, parsing, clear errors; keymap and theme applied by the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.binding import Binding

from catalogue.tui.app import CatalogueApp
from catalogue.tui.bindings import all_binding_ids, binding_sections
from catalogue.tui.config import (
    CONFIG_ENV,
    ConfigError,
    TuiConfig,
    config_path,
    load_config,
)
from catalogue.tui.dialogs.choose import ChooseDialog
from catalogue.tui.screens.help import HelpScreen
from tui.helpers import SIZE, ready, settle


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_location_is_the_user_config_dir_unless_overridden(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    home_config = Path(str(config_path()))
    assert home_config.name == "config.toml" and home_config.parent.name == "catalogue"
    assert load_config() == TuiConfig()  # no file: defaults
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "mine.toml"))
    assert config_path() == tmp_path / "mine.toml"
    with pytest.raises(ConfigError, match="does not exist"):
        load_config()


def test_a_good_file(tmp_path: Path) -> None:
    path = _write(tmp_path, 'theme = "nord"\npage_size = 50\nuser = "J. Smith"\n'
                            '[keymap]\n"explorer.filter-region" = "g"\n'
                            '"app.help" = " f1 , ctrl+h "\n')
    config = load_config(path)
    assert config == TuiConfig(theme="nord", page_size=50, user="J. Smith", path=path,
                               keymap={"explorer.filter-region": "g", "app.help": "f1,ctrl+h"})


@pytest.mark.parametrize(("text", "message"), [
    ("theme = \n", "not valid TOML"),
    ("colour = 'red'\n", "unknown setting 'colour'"),
    ("theme = 3\n", "'theme' must be a theme name"),
    ("page_size = 5\n", "'page_size' must be a whole number"),
    ("page_size = true\n", "'page_size' must be a whole number"),
    ("keymap = 'x'\n", "'keymap' must be a table"),
    ("[keymap]\n'app.help' = ''\n", "keymap entry 'app.help' must be a key"),
    ("user = ''\n", "'user' must be a name"),
])
def test_bad_files_say_what_is_wrong(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError, match=message) as caught:
        load_config(path)
    assert str(path) in str(caught.value)


def test_unknown_binding_ids_and_themes_are_refused_before_the_app_runs(db_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no binding with id 'explorer\.frobnicate'"):
        CatalogueApp(db_path, TuiConfig(keymap={"explorer.frobnicate": "f"}))
    with pytest.raises(ConfigError, match=r"unknown theme 'no-such-theme'.*nord"):
        CatalogueApp(db_path, TuiConfig(theme="no-such-theme"))


def test_every_binding_has_an_id_and_a_description() -> None:
    seen: dict[str, str] = {}
    for where, bindings in binding_sections():
        assert bindings, where
        for binding in bindings:
            assert isinstance(binding, Binding)
            assert binding.id, f"{where}: {binding.key} has no id"
            assert binding.description and binding.tooltip, f"{binding.id} is not described"
            assert seen.setdefault(binding.id, binding.action) == binding.action, binding.id


async def test_keymap_and_theme_from_the_config_are_applied(make_app) -> None:
    app = make_app(theme="nord", keymap={"explorer.filter-region": "g"})
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.theme == "nord"
        await pilot.press("r")
        await settle(pilot)
        assert not isinstance(app.screen, ChooseDialog)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, ChooseDialog)


async def test_help_lists_every_binding_with_the_users_keys(make_app) -> None:
    app = make_app(keymap={"explorer.filter-region": "g"})
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-table")
        rows = [[str(cell).strip() for cell in table.get_row_at(i)]
                for i in range(table.row_count)]
        assert {row[2] for row in rows if row[2]} == all_binding_ids()
        region = next(row for row in rows if row[2] == "explorer.filter-region")
        assert region[0] == "g"
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)


def test_docs_list_every_binding_id_and_theme() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "tui.md").read_text(encoding="utf-8")
    missing = sorted(i for i in all_binding_ids() if f"`{i}`" not in docs)
    assert not missing, f"docs/tui.md does not list {missing}"
    assert "CATALOGUE_CONFIG" in docs and "[keymap]" in docs
