"""``--format csv`` and ``--format tsv``: one row per ranked candidate, nothing else.

The columns follow the posting: per requirement a numeric score (0–1) and a status, headed by the
requirement's id and the start of its text, so a spreadsheet can sort and filter on either. Skipped files
never mix into the candidate rows: ``--skipped-csv FILE`` writes them to a file of their own
(:func:`render_skipped_csv`). CSV is written as UTF-8 with a byte-order mark (the output stream's job, see
``render.stream``) so Excel on Windows reads "Estée" as written; TSV, for scripts, has none.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from typing import TextIO

from jobmatch.models import CandidateResult, Ranking, Requirement
from jobmatch.render.data import all_warnings, main_gap, number, select_top, sorted_skipped
from jobmatch.sanitize import clean_display, csv_cell

LEADING_COLUMNS = ("rank", "file", "name", "score", "met", "total")
TRAILING_COLUMNS = ("main_gap", "role_fit", "wording", "warnings", "duplicates")
SKIPPED_COLUMNS = ("file", "reason")
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
        number(candidate.wording.score, 2),
        LIST_SEPARATOR.join(all_warnings(candidate)),
        LIST_SEPARATOR.join(candidate.duplicates),
    ]
    return row


def rows(ranking: Ranking, top: int | None) -> Iterator[list[str]]:
    """The header, then one row per candidate, every cell made safe for a spreadsheet."""
    requirements = ranking.posting.requirements
    requirement_ids = [r.id for r in requirements]
    header = [*LEADING_COLUMNS, *(h for r in requirements for h in requirement_headers(r)), *TRAILING_COLUMNS]
    yield [csv_cell(h) for h in header]
    for candidate in select_top(ranking.candidates, top):
        yield [csv_cell(v) for v in _candidate_row(candidate, requirement_ids)]


def render_csv(ranking: Ranking, out: TextIO, *, top: int | None, color: bool, width: int | None) -> None:
    del color, width  # machine formats never carry colour or wrap
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    for row in rows(ranking, top):
        writer.writerow(row)


def tsv_cell(cell: str) -> str:
    """A TSV field has no quoting: a tab or line break inside it would start a new field or row."""
    return cell.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def render_tsv(ranking: Ranking, out: TextIO, *, top: int | None, color: bool, width: int | None) -> None:
    del color, width
    for row in rows(ranking, top):
        out.write("\t".join(tsv_cell(c) for c in row) + "\n")


def render_skipped_csv(ranking: Ranking, out: TextIO) -> None:
    """``--skipped-csv FILE``: every skipped file and why, by file name."""
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(SKIPPED_COLUMNS)
    for skipped in sorted_skipped(ranking.skipped):
        writer.writerow([csv_cell(skipped.file), csv_cell(skipped.reason)])
