"""A marked Word document to draw on, for the tests of docx_marked.py."""

from __future__ import annotations

from typing import Any

from catalogue.core.exports.docx_marked import marked_document
from catalogue.core.exports.marking import derive_marking, document_info
from catalogue.core.sensitivity import sensitivity_scheme
from catalogue.core.store import Store


def blank_marked_document(store: Store) -> Any:
    marking = derive_marking(sensitivity_scheme(store), [], basis="nothing")
    return marked_document(document_info("Test document", "Title", "Ref 1", marking,
                                         content=None, author="tester"))
