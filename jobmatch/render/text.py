"""``jobmatch text FILE``: the cleaned lines of a résumé with the page and line numbers that quotes cite
("p1 L49" in ``explain`` is page 1, line 49 here)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from jobmatch.models import Document
from jobmatch.render.data import file_fields
from jobmatch.sanitize import clean_display, escape_json_text, strip_unsafe


def render_text(document: Document, out: TextIO) -> None:
    """``p1 L1  Kevin Tran``, one line each; the reader's warnings last, on lines starting with ``#``."""
    label_width = max((len(f"p{line.page} L{line.number}") for line in document.lines), default=0)
    for line in document.lines:
        label = f"p{line.page} L{line.number}"
        out.write(f"{label:<{label_width}}  {clean_display(line.text)}\n")
    for warning in document.warnings:
        out.write(f"# {clean_display(warning)}\n")


def text_json(document: Document) -> dict[str, Any]:
    return {
        **file_fields(document.path),
        "kind": document.kind,
        "pages": document.pages,
        "lines": [{"page": x.page, "line": x.number, "text": strip_unsafe(x.text)} for x in document.lines],
        "warnings": [strip_unsafe(w) for w in document.warnings],
    }


def render_text_json(document: Document, out: TextIO) -> None:
    out.write(escape_json_text(json.dumps(text_json(document), ensure_ascii=False, indent=2)) + "\n")
