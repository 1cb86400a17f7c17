"""docs/reliability.md: every guarantee links to a test that exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "reliability.md"
LINK = re.compile(r"\[([^\]]+)\]\(\.\./(tests/[^)#]+)\)")


def test_every_linked_test_exists() -> None:
    links = LINK.findall(DOC.read_text(encoding="utf-8"))
    assert len(links) > 40
    missing = []
    for text, path in links:
        source = (ROOT / path).read_text(encoding="utf-8")
        name = text.split("::", 1)[1] if "::" in text else None
        if name and not re.search(rf"^(async )?def {re.escape(name)}\(", source, re.MULTILINE):
            missing.append(f"{path}::{name}")
    assert missing == []


def test_every_hardening_test_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for path in sorted(ROOT.glob("tests/test_hardening_*.py")):
        for name in re.findall(r"^def (test_\w+)\(", path.read_text(encoding="utf-8"), re.M):
            assert f"::{name}]" in text, f"{path.name}::{name} is not in docs/reliability.md"
