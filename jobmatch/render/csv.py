"""``--format csv``: a row per candidate, then a row per skipped file (rank empty).

The columns follow the posting: per requirement a numeric score (0–1) and a status, headed by the
requirement's id and the start of its text, so a spreadsheet can sort and filter on either.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import TextIO

from jobmatch.models import CandidateResult, Ranking, Requirement
from jobmatch.render.data import all_warnings, main_gap, number, select_top, sorted_skipped
from jobmatch.sanitize import clean_display, csv_cell

LEADING_COLUMNS = ("rank", "file", "name", "score", "met", "total")
TRAILING_COLUMNS = ("main_gap", "role_fit", "warnings", "skipped")
LIST_SEPARATOR = "; "
HEADER_TEXT_WORDS = 6  # words of a requirement's text in its column header


def requirement_headers(requirement: Requirement) -> tuple[str, str]:
    """``R1 score: Associate's or Bachelor's degree in accounting…`` and the same for its status."""
    words = clean_display(requirement.text).split()
    short = " ".join(words[:HEADER_TEXT_WORDS]) + ("…" if len(words) > HEADER_TEXT_WORDS else "")
    return f"{requirement.id} score: {short}", f"{requirement.id} status"


def _candidate_row(candidate: CandidateResult, requirement_ids: Sequence[str]) -> list[object]:
    matches = {m.requirement.id: m for m in candidate.matches}
    gap = main_gap(candidate)
    row: list[object] = [
        candidate.rank if candidate.rank > 0 else None,
        candidate.file,
        candidate.name,
        number(candidate.score, 1),
        candidate.met,
        len(candidate.matches),
    ]
    for requirement_id in requirement_ids:
        match = matches.get(requirement_id)
        row += [number(match.score, 2), str(match.status)] if match is not None else [None, None]
    row += [
        gap.requirement.id if gap is not None else None,
        number(candidate.role_fit.score, 2),
        LIST_SEPARATOR.join(all_warnings(candidate)),
        None,
    ]
    return row


def render_csv(ranking: Ranking, out: TextIO, *, top: int | None, color: bool, width: int | None) -> None:
    del color, width  # machine formats never carry colour or wrap
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    requirements = ranking.posting.requirements
    requirement_ids = [r.id for r in requirements]
    header = [*LEADING_COLUMNS, *(h for r in requirements for h in requirement_headers(r)), *TRAILING_COLUMNS]
    writer.writerow([csv_cell(h) for h in header])
    for candidate in select_top(ranking.candidates, top):
        writer.writerow([csv_cell(v) for v in _candidate_row(candidate, requirement_ids)])
    for skipped in sorted_skipped(ranking.skipped):
        row: list[object] = [None] * len(header)
        row[1] = skipped.file
        row[-1] = skipped.reason
        writer.writerow([csv_cell(v) for v in row])
