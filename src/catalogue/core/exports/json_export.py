"""An outline as JSON: the documented shape of ``docs/programme.schema.json``.

Keys are stable and always present (``null`` when a value is unset); new keys may be added
in a later ``format_version``, existing ones keep their meaning.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from catalogue.core.programmes.outline import ProgrammeOutline

_C1_CONTROLS = re.compile("[\x7f-\x9f]")


def render_json(outline: ProgrammeOutline) -> str:
    """Indented UTF-8 JSON; control characters are escaped, so it is safe on a terminal."""
    text = json.dumps(outline, ensure_ascii=False, indent=2)
    return _C1_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
