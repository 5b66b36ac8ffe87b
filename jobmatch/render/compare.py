"""``jobmatch compare A B``: where two candidates differ on one posting, with both quotes side by side."""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import TextIO

from rich import box
from rich.table import Table
from rich.text import Text

from jobmatch.comparison import (
    ADJUSTMENTS_KEY,
    ROLE_FIT_KEY,
    WORDING_KEY,
    Comparison,
    Difference,
    Side,
    status_of,
)
from jobmatch.models import CandidateResult
from jobmatch.render.console import DEFAULT_WIDTH, console_for, untrusted
from jobmatch.render.data import JSONDict, evidence_to_dict, file_fields, number, posting_to_dict, safe
from jobmatch.render.explain import STATUS_MARKS, excerpt
from jobmatch.render.table import posting_heading
from jobmatch.sanitize import clean_display, escape_json_text

QUOTE_CHARS = 90  # of each quote in the side-by-side table; explain shows them whole


def _label(candidate: CandidateResult) -> str:
    return clean_display(candidate.name) or clean_display(PurePath(candidate.file).name)


def _side_json(side: Side) -> JSONDict:
    return {
        "status": safe(side.status) or None,
        "score": number(side.score, 3),
        "points": number(side.points, 2),
        "explanation": safe(side.explanation),
        "evidence": [evidence_to_dict(e) for e in side.evidence],
    }


def _candidate_json(candidate: CandidateResult) -> JSONDict:
    return {**file_fields(candidate.file), "name": safe(candidate.name), "score": number(candidate.score, 1)}


def comparison_to_dict(comparison: Comparison) -> JSONDict:
    upper, lower = ("a", "b") if comparison.a_above else ("b", "a")
    return {
        "posting": posting_to_dict(comparison.posting),
        "a": _candidate_json(comparison.a),
        "b": _candidate_json(comparison.b),
        "above": upper,
        "below": lower,
        "gap": number(abs(comparison.gap), 1),
        "deciding": [safe(k) for k in comparison.deciding],
        "differences": [
            {
                "key": safe(d.key),
                "text": safe(d.requirement.text) if d.requirement is not None else "",
                "kind": str(d.requirement.kind) if d.requirement is not None else None,
                "points": number(d.points, 2),
                "deciding": d.deciding,
                "a": _side_json(d.a),
                "b": _side_json(d.b),
            }
            for d in comparison.differences
        ],
        "same": [safe(k) for k in comparison.same],
    }


def render_compare_json(comparison: Comparison, out: TextIO, *, color: bool, width: int | None) -> None:
    del color, width
    text = json.dumps(comparison_to_dict(comparison), ensure_ascii=False, indent=2, allow_nan=False)
    out.write(escape_json_text(text) + "\n")


def _side_cell(difference: Difference, side: Side) -> Text:
    status = status_of(side)
    if status is not None:
        mark, style = STATUS_MARKS.get(status, (clean_display(side.status), ""))
        cell = Text(mark, style=style).append(f" {side.score:.2f}")
    elif difference.key in (ROLE_FIT_KEY, WORDING_KEY):
        cell = Text(f"{side.score:.2f}")
    else:
        cell = Text(f"{side.points:+.1f} points")
    if side.evidence:
        quote = side.evidence[0]
        text = excerpt(clean_display(quote.text), clean_display(quote.matched), QUOTE_CHARS)
        cell.append(Text(f'\np{quote.page} L{quote.line} "{text}"', style="dim"))
    elif side.explanation:
        cell.append(Text("\n").append(untrusted(side.explanation[:QUOTE_CHARS], style="dim italic")))
    return cell


def render_compare_table(comparison: Comparison, out: TextIO, *, color: bool, width: int | None) -> None:
    a, b = comparison.a, comparison.b
    upper, lower = (a, b) if comparison.a_above else (b, a)
    with console_for(out, color=color, width=width or DEFAULT_WIDTH) as console:
        console.print(Text("Posting: ").append(posting_heading(comparison.posting)))
        for letter, candidate in (("A", a), ("B", b)):
            line = Text(f"{letter}  {candidate.score:5.1f}  ", style="bold").append(
                untrusted(_label(candidate))
            )
            console.print(line.append(Text(f"  {clean_display(candidate.file)}", style="dim")))
        gap = abs(comparison.gap)
        if gap == 0:
            console.print(Text(f"{_label(upper)} and {_label(lower)} score the same; file names order them."))
        else:
            console.print(
                Text(f"{_label(upper)} is above {_label(lower)} by {gap:.1f} points.", style="bold")
            )
        if comparison.deciding:
            sign = 1 if comparison.a_above else -1
            parts = [
                f"{clean_display(d.key)} ({sign * d.points:+.1f})"
                for d in comparison.differences
                if d.deciding
            ]
            console.print(
                Text(
                    "Decided by: " + ", ".join(parts) + "  (the biggest differences in "
                    f"{_label(upper)}'s favour that make up the gap)"
                )
            )
        if comparison.differences:
            grid = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
            grid.add_column("Requirement", ratio=2, overflow="fold")
            grid.add_column(f"A  {_label(a)}", ratio=3, overflow="fold")
            grid.add_column(f"B  {_label(b)}", ratio=3, overflow="fold")
            grid.add_column("A−B", justify="right", no_wrap=True)
            for difference in comparison.differences:
                requirement = difference.requirement
                head = Text(
                    ("▶ " if difference.deciding else "  ") + clean_display(difference.key), style="bold"
                )
                if requirement is not None:
                    head.append(f" [{clean_display(str(requirement.kind))}]")
                    head.append(Text("\n").append(untrusted(requirement.text[:QUOTE_CHARS], style="dim")))
                elif difference.key == ADJUSTMENTS_KEY:
                    head.append(Text("\nnot explained by the points", style="dim"))
                grid.add_row(
                    head,
                    _side_cell(difference, difference.a),
                    _side_cell(difference, difference.b),
                    Text(f"{difference.points:+.1f}"),
                )
            console.print(grid)
        else:
            console.print(Text("They do not differ on any requirement."))
        if comparison.same:
            console.print(
                Text("Same on: " + ", ".join(clean_display(k) for k in comparison.same), style="dim")
            )
