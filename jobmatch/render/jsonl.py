"""``--format jsonl``: one compact object per line — the posting (with the schema version, the tool's
version and the as-of date), then each candidate, then each skipped file."""

from __future__ import annotations

import json
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


def _line(kind: str, data: dict[str, Any]) -> str:
    record = {"type": kind, **data}
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return escape_json_text(text) + "\n"


def render_jsonl(ranking: Ranking, out: TextIO, *, top: int | None, color: bool, width: int | None) -> None:
    del color, width  # machine formats never carry colour or wrap
    # The first line says what follows: the schema, the run, then the posting itself.
    posting = posting_to_dict(ranking.posting, ranking.posting_sha256)
    out.write(_line("posting", {**run_to_dict(ranking), **posting}))
    for candidate in select_top(ranking.candidates, top):
        out.write(_line("candidate", candidate_to_dict(candidate)))
    for skipped in sorted_skipped(ranking.skipped):
        out.write(_line("skipped", skipped_to_dict(skipped)))
