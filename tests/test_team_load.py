"""Ten app sessions on one shared register at once, each as its own OS account (as root),
each logging and advancing requests through the app's dialogs: nothing lost or duplicated,
every audit row attributed to its session's OS account. The timings are in
docs/performance.md (benchmarks/team_load.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import team_load

pytestmark = pytest.mark.slow


def test_ten_sessions_lose_and_duplicate_nothing_and_every_row_names_its_login() -> None:
    report = team_load.run(sessions=10, rounds=1, baseline=False, writes=0)
    assert report["problems"] == []
    assert report["requests"] == 10
    accounts = team_load.accounts(10)
    if report["group"] is not None and accounts is not None \
            and team_load.interpreter_for(accounts[0]) is not None:
        assert len(report["accounts"]) == 10  # ten OS accounts, one per session
