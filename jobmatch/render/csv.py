"""``--format csv``: one table — a row per candidate, then a row per skipped file (rank empty)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import TextIO

from jobmatch.models import CandidateResult, Ranking, RoleSignal
from jobmatch.render.data import all_warnings, main_gap, number, select_top, sorted_skipped
from jobmatch.sanitize import csv_cell

LEADING_COLUMNS = ("rank", "file", "name", "score", "met", "total")
TRAILING_COLUMNS = (
    "degree_level",
    "degree_field",
    "microsoft_office",
    "sales_support_years",
    "customer_service_years",
    "cosmetics",
    "crm",
    "main_gap",
    "role_fit",
    "warnings",
    "skipped",
)
LIST_SEPARATOR = "; "


def _years(signal: RoleSignal) -> float | None:
    return number(signal.years, 1) if signal.present else None


def _candidate_row(candidate: CandidateResult, requirement_ids: Sequence[str]) -> list[object]:
    matches = {m.requirement.id: m for m in candidate.matches}
    signals = candidate.signals
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
        row.append(f"{match.status} {match.score:.2f}" if match is not None else None)
    row += [
        signals.degree.level,
        signals.degree.field,
        LIST_SEPARATOR.join(signals.microsoft_office.terms),
        _years(signals.sales_support),
        _years(signals.customer_service),
        LIST_SEPARATOR.join(signals.cosmetics.terms) if signals.cosmetics.present else "",
        LIST_SEPARATOR.join(signals.crm.terms),
        gap.requirement.id if gap is not None else None,
        number(candidate.role_fit.score, 2),
        LIST_SEPARATOR.join(all_warnings(candidate)),
        None,
    ]
    return row


def render_csv(ranking: Ranking, out: TextIO, *, top: int | None, color: bool, width: int | None) -> None:
    del color, width  # machine formats never carry colour or wrap
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    requirement_ids = [r.id for r in ranking.posting.requirements]
    header = [*LEADING_COLUMNS, *requirement_ids, *TRAILING_COLUMNS]
    writer.writerow([csv_cell(h) for h in header])
    for candidate in select_top(ranking.candidates, top):
        writer.writerow([csv_cell(v) for v in _candidate_row(candidate, requirement_ids)])
    for skipped in sorted_skipped(ranking.skipped):
        row: list[object] = [None] * len(header)
        row[1] = skipped.file
        row[-1] = skipped.reason
        writer.writerow([csv_cell(v) for v in row])
