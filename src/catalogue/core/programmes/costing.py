"""Cost estimates: trainer days at a day rate, per-diem and travel, plus a risk uplift.

Rates live in ``data/costing.toml`` (validated on load, ``file:line`` on any mistake) and
are seeded as the ``costing`` reference table. Every figure is labelled an estimate, and
every estimate says where its rates come from (the file's ``source``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from catalogue.core.counting import plural
from catalogue.core.data.textfiles import TextFile, parse_toml, read_text
from catalogue.core.programmes.model import DELIVERY_MODES, OSJA_GRADES

if TYPE_CHECKING:
    from catalogue.core.store import Store

COSTING_FILE = "costing.toml"
MAX_AMOUNT = 1_000_000
LABEL = "estimate"


def _line_of(file: TextFile, section: str | None, key: str) -> int | None:
    """The line of ``key = ...`` inside ``[section]`` (or before any section)."""
    current: str | None = None
    pattern = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
    for number, line in enumerate(file.text.splitlines(), start=1):
        header = re.match(r"^\s*\[([^\]]+)\]", line)
        if header:
            current = header.group(1).strip()
        elif current == section and pattern.match(line):
            return number
    return None


def _section_line(file: TextFile, section: str) -> int | None:
    for number, line in enumerate(file.text.splitlines(), start=1):
        if re.match(r"^\s*\[\s*" + re.escape(section) + r"\s*\]", line):
            return number
    return None


def _amount(file: TextFile, table: dict[str, Any], section: str | None, key: str,
            high: float = MAX_AMOUNT) -> float:
    where = f"[{section}] " if section else ""
    value = table.get(key)
    line = _line_of(file, section, key)
    if value is None:
        raise file.fail(_section_line(file, section) if section else None,
                        f"{where}is missing {key!r}")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise file.fail(line, f"{where}{key!r} must be a number without quotes")
    if not 0 <= value <= high:
        raise file.fail(line, f"{where}{key!r} is {value}; expected 0 to {high:g}")
    return float(value)


def _section(file: TextFile, doc: dict[str, Any], name: str, keys: tuple[str, ...],
             high: float = MAX_AMOUNT) -> dict[str, float]:
    table = doc.get(name)
    if not isinstance(table, dict):
        raise file.fail(None, f"missing the [{name}] table")
    for key in table:
        if key not in keys:
            raise file.fail(_line_of(file, name, key),
                            f"[{name}] has unknown key {key!r} (expected: {', '.join(keys)})")
    return {key: _amount(file, table, name, key, high) for key in keys}


def load_rates(root: Path) -> dict[str, Any]:
    """Read and check ``data/costing.toml``."""
    file = read_text(root / COSTING_FILE, root)
    doc = parse_toml(file)
    allowed = {"currency", "source", "hours_per_day", "day_rate", "per_diem", "travel",
               "risk_uplift"}
    for key in doc:
        if key not in allowed:
            raise file.fail(_line_of(file, None, key) or _line_of(file, key, key),
                            f"unknown setting {key!r} (allowed: {', '.join(sorted(allowed))})")
    currency = doc.get("currency")
    if not isinstance(currency, str) or not re.fullmatch(r"[A-Z]{3}", currency.strip()):
        raise file.fail(_line_of(file, None, "currency"),
                        "'currency' must be a three-letter code in quotes, like \"GBP\"")
    source = doc.get("source")
    if not isinstance(source, str) or not source.strip():
        raise file.fail(_line_of(file, None, "source"),
                        "'source' must say where the rates come from, in quotes, like "
                        "\"agreed by Finance, March 2027\"")
    hours_per_day = _amount(file, doc, None, "hours_per_day", 12)
    if hours_per_day <= 0:
        raise file.fail(_line_of(file, None, "hours_per_day"), "'hours_per_day' must be above 0")
    return {
        "currency": currency.strip(),
        "source": " ".join(source.split()),
        "hours_per_day": hours_per_day,
        "day_rate": _amount(file, doc, None, "day_rate"),
        "per_diem": _section(file, doc, "per_diem", DELIVERY_MODES),
        "travel": _section(file, doc, "travel", DELIVERY_MODES),
        "risk_uplift": _section(file, doc, "risk_uplift", OSJA_GRADES, 500),
    }


def costing_tables(root: Path) -> list[Any]:
    """Seeder: the rates as the one-row ``costing`` reference table."""
    from catalogue.core.ref_table import RefTable

    return [RefTable("costing", [{"key": "rates", "value": json.dumps(load_rates(root))}],
                     pk="key")]


def stored_rates(store: Store) -> dict[str, Any]:
    raw = store.scalar("SELECT value FROM costing WHERE key = 'rates'")
    if raw is None:
        from catalogue.core.errors import DatabaseError

        raise DatabaseError(f"{store.path} has no costing rates; run 'catalogue db reseed'")
    rates: dict[str, Any] = json.loads(raw)
    return rates


def estimate(rates: dict[str, Any], *, trainers: int, scheduled_days: int, delivery_mode: str,
             grade: str | None, grade_source: str | None) -> dict[str, Any]:
    """The cost estimate for ``trainers`` working ``scheduled_days`` each.

    Fees are trainer days × day rate; the risk uplift (percentage by OSJA grade) applies to
    the fees; per-diem is per trainer day and travel per trainer, by delivery mode.
    """
    trainer_days = trainers * scheduled_days
    fees = trainer_days * rates["day_rate"]
    uplift_percent = rates["risk_uplift"].get(grade, 0.0) if grade else 0.0
    uplift = fees * uplift_percent / 100
    per_diem_rate = rates["per_diem"][delivery_mode]
    travel_rate = rates["travel"][delivery_mode]
    per_diem = trainer_days * per_diem_rate
    travel = trainers * travel_rate
    cur = rates["currency"]
    lines = [
        {"item": "Trainer fees", "amount": round(fees, 2),
         "basis": f"{plural(trainers, 'trainer')} × {plural(scheduled_days, 'day')} × {cur} "
                  f"{rates['day_rate']:,.2f}"},
        {"item": "Risk uplift", "amount": round(uplift, 2),
         "basis": (f"{uplift_percent:g}% of fees for risk grade {grade} ({grade_source}, "
                   "local practice)" if grade else
                   "no risk grade recorded for pricing (the programme's OSJA grade): no "
                   "uplift applied")},
        {"item": "Per-diem", "amount": round(per_diem, 2),
         "basis": f"{plural(trainer_days, 'trainer day')} × {cur} {per_diem_rate:,.2f} "
                  f"({delivery_mode})"},
        {"item": "Travel", "amount": round(travel, 2),
         "basis": f"{plural(trainers, 'trainer')} × {cur} {travel_rate:,.2f} ({delivery_mode})"},
    ]
    return {
        "label": LABEL,
        "currency": cur,
        "rates_source": rates["source"],
        "trainers": trainers,
        "scheduled_days": scheduled_days,
        "trainer_days": trainer_days,
        "day_rate": rates["day_rate"],
        "osja_grade": grade,
        "grade_source": grade_source,
        "uplift_percent": uplift_percent,
        "lines": lines,
        "total": round(fees + uplift + per_diem + travel, 2),
    }
