"""Helpers for the IATI tests: the organisation's settings as a deployment would set them."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from lxml import etree

from catalogue.core.data.location import shipped_data_dir
from catalogue.core.iati.settings import IatiSettings, stored_settings
from catalogue.core.store import Store

SCHEMA_DIR = shipped_data_dir() / "iati-schema" / "2.03"
ORG = {"ref": "GB-GOV-99", "name": "Example Police Training", "type": "15"}


def configure(store: Store, *, budget: str = "withheld", **org: str) -> IatiSettings:
    """Store settings with an organisation filled in (as data/iati.toml would, once edited)."""
    current = stored_settings(store)
    chosen = dataclasses.replace(current.org, **{**ORG, **org})
    settings = dataclasses.replace(current, org=chosen, budget_report=budget)
    store.conn.execute("UPDATE iati_settings SET value = ? WHERE key = 'settings'",
                       (settings.to_json(),))
    store.conn.commit()
    return settings


def schema() -> etree.XMLSchema:
    """The vendored official schema, loaded here independently of the program's own copy."""
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "iati-activities-schema.xsd")))


def parse_valid(data: bytes) -> etree._Element:
    """Parse an IATI file and assert it is valid against the 2.03 schema."""
    root = etree.fromstring(data)
    checker = schema()
    assert checker.validate(root), checker.error_log
    return root


def values(root: etree._Element, xpath: str) -> list[Any]:
    return list(root.xpath(xpath))


def data_copy(tmp_path: Path, changes: dict[str, str], name: str = "iati.toml") -> Path:
    """A copy of data/ with text replaced in one file (old -> new)."""
    import shutil

    root = tmp_path / "data"
    shutil.copytree(shipped_data_dir(), root, ignore=shutil.ignore_patterns("iati-schema"))
    path = root / name
    text = path.read_text(encoding="utf-8")
    for old, new in changes.items():
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return root
