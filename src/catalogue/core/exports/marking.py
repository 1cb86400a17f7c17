"""What every marked document says about itself: its classification marking, version, date,
author and what it is (typed; no python-docx here).

The marking is **not invented**: a document's content has levels in the organisation's local
sensitivity scheme (public < restricted < confidential, from the modules and disciplines it
holds); the highest of them, or a floor the document kind sets in a data file, is mapped to a
Government Security Classifications marking (OFFICIAL, OFFICIAL-SENSITIVE) by
``data/sensitivity.toml``, whose source and date every document shows. A public (redacted)
version holds only public material and says that it is the redacted public version.

How another document uses it (the OSJA record, the IPAB pack, the outline)::

    from catalogue.core.exports.marking import derive_marking, document_info
    from catalogue.core.sensitivity import sensitivity_scheme

    marking = derive_marking(sensitivity_scheme(store), ["restricted", "confidential"],
                             basis="the modules of request 12",
                             floor="restricted", floor_why="OSJA reasoning (local practice)")
    info = document_info("OSJA assessment", "Request 12: Kenya", "Request 12",
                         marking, content=the_plain_data_rendered, author=None)

then ``docx_marked.marked_document(info)`` gives a python-docx Document with the marking in
header and footer, page X of Y, and a document-control table; ``docx_marked.add_table`` draws
tables with shaded repeated header rows and columns fitted to their content; and
``markdown_marked.marked_markdown(info, lines)`` wraps Markdown lines the same way.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from catalogue.core.sensitivity import Scheme

#: Where the mapping lives, for the reader of a document.
MAPPING_FILE = "data/sensitivity.toml"


@dataclass(frozen=True)
class Marking:
    """A document's classification marking and why it has it."""

    classification: str  # the Government Security Classifications marking, e.g. OFFICIAL
    level: str  # the local sensitivity level it was mapped from (an id)
    level_label: str
    basis: str  # what set the level, in words
    source: str  # the classification policy the mapping follows, with its date
    public_version: bool = False  # the redacted public version of a document

    @property
    def banner(self) -> str:
        """What the header and footer of every page say."""
        if self.public_version:
            return f"{self.classification} - PUBLIC VERSION (REDACTED)"
        return self.classification

    @property
    def explanation(self) -> str:
        """One sentence: the marking, the local level behind it, and the mapping's source."""
        text = (f"Marked {self.classification}: {self.basis} is {self.level_label} in the "
                f"organisation's local sensitivity scheme, which the organisation maps to "
                f"{self.classification} under the {self.source} ({MAPPING_FILE}); local "
                f"levels are not themselves Government Security Classifications.")
        if self.public_version:
            text += (" This is the redacted public version: details are withheld under the "
                     "disclosure rules and listed at the end.")
        return text


@dataclass(frozen=True)
class DocumentInfo:
    """What a marked document says about itself on every page and in its control table."""

    kind: str  # "Training programme outline", "IPAB submission draft" ...
    title: str
    reference: str  # "Programme 3", "Request 12"
    version: str  # "draft 3fa2c1d0": changes whenever the content changes
    date: str  # the day it was produced, YYYY-MM-DD (UTC)
    author: str
    marking: Marking

    def control_rows(self) -> list[tuple[str, str]]:
        """The document-control table: (label, value)."""
        return [("Classification", self.marking.banner),
                ("Marking basis", self.marking.explanation),
                ("Document", f"{self.kind}, {self.reference}"),
                ("Version", self.version),
                ("Date", self.date),
                ("Author", self.author)]


def level_order(scheme: Scheme) -> list[str]:
    """The local levels, least sensitive first (the data file's order)."""
    return list(scheme["levels"])


def derive_marking(scheme: Scheme, levels: Iterable[str | None], *, basis: str,
                   floor: str | None = None, floor_why: str | None = None,
                   public_version: bool = False) -> Marking:
    """The marking for content at ``levels`` (local level ids; None and unknown ids count as
    the most sensitive level, so nothing unrecognised is under-marked).

    ``floor``: the lowest level this kind of document carries whatever its content, with
    ``floor_why`` (the organisation's practice, from its data file). A public version is
    marked from the public level only: everything above it has been withheld.
    """
    order = level_order(scheme)
    top = order[-1]
    if public_version:
        chosen, why = order[0], f"{basis} (public version: only public material)"
    else:
        ranks = [order.index(x) if x in order else len(order) - 1 for x in levels]
        rank = max(ranks, default=0)
        chosen, why = order[rank], f"the most sensitive content of {basis}"
        if floor is not None:
            floor_rank = order.index(floor) if floor in order else len(order) - 1
            if floor_rank > rank:
                chosen = order[floor_rank]
                why = f"this kind of document ({floor_why or 'local practice'})"
    level = scheme["levels"].get(chosen) or scheme["levels"][top]
    return Marking(classification=level["marking"], level=level["id"],
                   level_label=level["label"], basis=why, source=scheme["source"],
                   public_version=public_version)


def fingerprint(content: Any) -> str:
    """Eight hex digits of the content's SHA-256: the same content gives the same version."""
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def default_author() -> str:
    """The signed-in user of a served session, else the OS login (core/identity.py)."""
    from catalogue.core.identity import current_actor

    return current_actor().person


def document_info(kind: str, title: str, reference: str, marking: Marking, *, content: Any,
                  author: str | None = None, today: datetime | None = None) -> DocumentInfo:
    """A document's details: version from the content's fingerprint (a generated document is
    a draft until someone approves it), today's date, the named author or the login."""
    from catalogue.core.names import printable

    named = printable((author or "").strip())[:200]
    return DocumentInfo(kind=kind, title=title, reference=reference,
                        version=f"draft {fingerprint(content)}",
                        date=(today or datetime.now(UTC)).date().isoformat(),
                        author=named or default_author(), marking=marking)
