"""Panes that fit the person: keys move the split between list and detail, the width is
remembered in config.toml (written atomically, comments kept), bad values are refused with a
clear message, and the disciplines pane shows whole names at 140 columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.tui.config import ConfigError, load_config
from catalogue.tui.config_write import save_setting
from catalogue.tui.screens.board import BoardScreen
from catalogue.tui.screens.builder import BuilderScreen
from catalogue.tui.screens.explorer import ExplorerScreen
from catalogue.tui.widgets.discipline_tree import DisciplineTree
from programme_helpers import make_programme
from tui.helpers import SIZE, ready, settle, wait_for

MY_FILE = '# my settings\ntheme = "nord"  # dark\n\n[keymap]\n"app.help" = "f1"\n'


def _config(tmp_path: Path, text: str = MY_FILE) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "message"), [
    ("[panes]\nexplorer = 'wide'\n", r"panes: explorer must be a whole number of columns "
                                     r"from 16 to 120, e\.g\. explorer = 40 \(got 'wide'\)"),
    ("[panes]\nboard = 500\n", "panes: board must be a whole number of columns"),
    ("[panes]\nroster = 3.5\n", "panes: roster must be a whole number"),
    ("[panes]\nbuilder = true\n", "panes: builder must be a whole number"),
    ("[panes]\nmap = 30\n", "unknown screen 'map'; screens with a moving split: explorer, "
                            "board, builder, roster"),
    ("panes = 40\n", "'panes' must be a table"),
])
def test_a_bad_pane_width_is_a_clear_message(tmp_path: Path, text: str, message: str) -> None:
    path = _config(tmp_path, text)
    with pytest.raises(ConfigError, match=message) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}: ")


def test_the_cli_refuses_a_bad_width_before_the_app_starts(tmp_path: Path, db_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from catalogue.cli.main import cli

    monkeypatch.setenv("CATALOGUE_CONFIG", str(_config(tmp_path, "[panes]\nexplorer = -4\n")))
    result = CliRunner().invoke(cli, ["--db", str(db_path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "panes: explorer must be a whole number of columns from 16 to 120" in result.output


def test_saving_a_width_keeps_the_rest_of_the_file(tmp_path: Path) -> None:
    path = _config(tmp_path)
    save_setting(path, "panes", "explorer", 44)
    save_setting(path, "panes", "board", 30)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(MY_FILE)  # comments, order and keymap as they were
    assert load_config(path).panes == {"explorer": 44, "board": 30}
    save_setting(path, "panes", "explorer", None)  # forgotten
    save_setting(path, "panes", "board", None)
    assert load_config(path).panes == {} and "[panes]" not in path.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]  # no temporary left


def test_saving_creates_the_file_and_follows_a_link(tmp_path: Path) -> None:
    fresh = tmp_path / "new" / "config.toml"
    save_setting(fresh, "panes", "roster", 40)
    assert load_config(fresh).panes == {"roster": 40}
    real = _config(tmp_path)
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    save_setting(link, "panes", "builder", 50)
    assert link.is_symlink() and load_config(real).panes == {"builder": 50}


def test_a_file_broken_meanwhile_is_left_alone(tmp_path: Path) -> None:
    path = _config(tmp_path, "theme = \n")
    with pytest.raises(ConfigError, match=r"not valid TOML.*nothing was saved"):
        save_setting(path, "panes", "explorer", 40)
    assert path.read_text(encoding="utf-8") == "theme = \n"


def _width(app: object, selector: str) -> int:
    return app.screen.query_one(selector).outer_size.width  # type: ignore[attr-defined]


async def test_keys_move_the_split_and_the_width_is_remembered(make_app, tmp_path: Path) -> None:
    path = _config(tmp_path)
    app = make_app(path=path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, ExplorerScreen)
        before = _width(app, "#disciplines-pane")
        await pilot.press("ctrl+left", "ctrl+left", "ctrl+left")
        await settle(pilot)
        assert _width(app, "#disciplines-pane") == before - 6
        await pilot.press("greater_than_sign")
        await wait_for(pilot, lambda: load_config(path).panes.get("explorer") == before - 4,
                       what="saved")
        assert _width(app, "#disciplines-pane") == before - 4
        assert path.read_text(encoding="utf-8").startswith(MY_FILE)

        await pilot.press("f4")  # the board: its states pane
        await wait_for(pilot, lambda: isinstance(app.screen, BoardScreen), what="board")
        await settle(pilot)
        states = _width(app, "#states")
        await pilot.press("ctrl+right")
        await wait_for(pilot, lambda: load_config(path).panes.get("board") == states + 2,
                       what="board saved")
        assert _width(app, "#states") == states + 2

    again = make_app(path=path, panes=load_config(path).panes)
    async with again.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert _width(again, "#disciplines-pane") == before - 4
        await pilot.press("equals_sign")  # back to the shipped layout, and forgotten
        await wait_for(pilot, lambda: "explorer" not in load_config(path).panes, what="reset")
        assert _width(again, "#disciplines-pane") == before


async def test_the_builder_summary_is_on_the_right(make_app, store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    programme = make_programme(store, ["cmd-decision-logs"])
    app = make_app(path=_config(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        app.open_builder(programme_id=programme)
        await wait_for(pilot, lambda: isinstance(app.screen, BuilderScreen)
                       and app.screen.outline is not None, what="outline")
        side = _width(app, "#side")
        await pilot.press("ctrl+left")  # the split moves left: the summary grows
        await settle(pilot)
        assert _width(app, "#side") == side + 2


async def test_a_width_too_large_for_the_terminal_leaves_room(make_app, tmp_path: Path) -> None:
    app = make_app(path=_config(tmp_path), panes={"explorer": 120})
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert _width(app, "#disciplines-pane") == 80 - 30
        await pilot.press("ctrl+right")  # already as wide as it may be: stays
        await settle(pilot)
        assert _width(app, "#disciplines-pane") == 50


async def test_whole_discipline_names_at_140_columns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await ready(pilot)
        tree = app.screen.query_one(DisciplineTree)
        await wait_for(pilot, lambda: tree.natural_width > 0, what="tree")
        await settle(pilot)
        longest = max(node.label.cell_len for node in tree.root.children)
        assert longest >= len("Police search and security coordination")
        assert tree.scrollable_content_region.width >= longest + 2  # "▶ " and the label
    narrow = make_app()
    async with narrow.run_test(size=(80, 24)) as pilot:  # too narrow: the style sheet's 24
        await ready(pilot)
        await settle(pilot)
        assert _width(narrow, "#disciplines-pane") == 24



async def test_the_split_keys_can_be_remapped(make_app, tmp_path: Path) -> None:
    app = make_app(path=_config(tmp_path), keymap={"panes.left": "ctrl+b"})
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        before = _width(app, "#disciplines-pane")
        await pilot.press("ctrl+left")  # no longer bound
        await settle(pilot)
        assert _width(app, "#disciplines-pane") == before
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert _width(app, "#disciplines-pane") == before - 2


async def test_a_resize_before_the_panes_are_mounted_waits_for_them(make_app) -> None:  # type: ignore[no-untyped-def]
    """A resize (or a screen resumed) can reach a split screen before its children are
    mounted: the split is applied once they are, not refused with a missing pane."""
    app = make_app(panes={"board": 40})
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        early = BoardScreen()  # not yet pushed: nothing in it is mounted
        early.apply_split()
        early.action_move_split(1)
        await app.push_screen(early)
        await settle(pilot)
        assert early.split_pane() is not None
        assert early.split_pane().styles.width is not None
        assert early.split_pane().styles.width.value == 40
