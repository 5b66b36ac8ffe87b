"""``--format json``: the whole ranking as one indented JSON document, written one candidate at a time.

The output is byte for byte what ``json.dumps(ranking_to_dict(...), indent=2)`` gives, but no more than
one candidate's data exists at once, so memory does not grow with the folder while writing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from jobmatch.models import Ranking
from jobmatch.render.data import (
    candidate_to_dict,
    posting_to_dict,
    run_to_dict,
    select_top,
    skipped_to_dict,
    sorted_skipped,
)
from jobmatch.sanitize import escape_json_text

INDENT = 2


def _dumps(value: Any, level: int) -> str:
    """``value`` as it appears nested ``level`` deep inside an indent-2 document."""
    text = escape_json_text(json.dumps(value, ensure_ascii=False, indent=INDENT, allow_nan=False))
    return text.replace("\n", "\n" + " " * (INDENT * level))


def _write_list(out: TextIO, key: str, items: Iterable[Any], last: bool) -> None:
    pad = " " * INDENT
    out.write(f'{pad}"{key}": [')
    first = True
    for item in items:
        out.write(("\n" if first else ",\n") + pad * 2 + _dumps(item, 2))
        first = False
    out.write(("]" if first else "\n" + pad + "]") + ("\n" if last else ",\n"))


def render_json(ranking: Ranking, out: TextIO, *, top: int | None, color: bool, width: int | None) -> None:
    del color, width  # machine formats never carry colour or wrap
    pad = " " * INDENT
    out.write("{\n")
    for key, value in run_to_dict(ranking).items():
        out.write(f"{pad}{_dumps(key, 1)}: {_dumps(value, 1)},\n")
    posting = posting_to_dict(ranking.posting, ranking.posting_sha256)
    out.write(f'{pad}"posting": {_dumps(posting, 1)},\n')
    out.write(f'{pad}"total_candidates": {len(ranking.candidates)},\n')
    _write_list(out, "candidates", (candidate_to_dict(c) for c in select_top(ranking.candidates, top)), False)
    _write_list(out, "skipped", (skipped_to_dict(s) for s in sorted_skipped(ranking.skipped)), True)
    out.write("}\n")
