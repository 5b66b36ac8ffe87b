"""``jobmatch match``: candidates × postings, best fit first, as table, json, jsonl or csv."""

from __future__ import annotations

import csv
import json
from pathlib import PurePath
from typing import Any, TextIO

from rich import box
from rich.table import Table
from rich.text import Text

from jobmatch.matrix import MatchRow, MatchTable
from jobmatch.render.console import DEFAULT_WIDTH, console_for, score_style, untrusted
from jobmatch.render.data import (
    SCHEMA_VERSION,
    JSONDict,
    file_fields,
    number,
    posting_to_dict,
    safe,
    skipped_to_dict,
    sorted_skipped,
)
from jobmatch.render.table import posting_heading, shown_path
from jobmatch.sanitize import clean_display, csv_cell, escape_json_text
from jobmatch.weights import scale_sentence

SCALE_NOTE = scale_sentence()


def _run_dict(table: MatchTable) -> JSONDict:
    from jobmatch import __version__

    return {"schema_version": SCHEMA_VERSION, "jobmatch_version": __version__, "as_of": safe(table.as_of)}


def _posting_dict(table: MatchTable, index: int) -> JSONDict:
    posting = table.postings[index]
    return {"key": safe(table.keys[index]), **posting_to_dict(posting)}


def row_to_dict(table: MatchTable, row: MatchRow) -> JSONDict:
    return {
        **file_fields(row.file),
        "name": safe(row.name),
        "best": {
            "posting": safe(table.keys[row.best]),
            "score": number(row.scores[row.best], 1),
            "met": row.met,
            "total": row.total,
        },
        "scores": {safe(key): number(score, 1) for key, score in zip(table.keys, row.scores, strict=True)},
    }


def match_to_dict(table: MatchTable) -> JSONDict:
    return {
        **_run_dict(table),
        "scale": SCALE_NOTE,
        "postings": [_posting_dict(table, i) for i in range(len(table.postings))],
        "best_fit_counts": dict(table.best_counts()),
        "candidates": [row_to_dict(table, row) for row in table.rows],
        "skipped": [skipped_to_dict(s) for s in sorted_skipped(table.skipped)],
    }


def _dumps(value: Any, **options: Any) -> str:
    return escape_json_text(json.dumps(value, ensure_ascii=False, allow_nan=False, **options))


def render_match_json(table: MatchTable, out: TextIO, *, color: bool, width: int | None) -> None:
    del color, width
    out.write(_dumps(match_to_dict(table), indent=2) + "\n")


def render_match_jsonl(table: MatchTable, out: TextIO, *, color: bool, width: int | None) -> None:
    """One line per posting (the first with the run's versions and the scale), per candidate, per skip."""
    del color, width
    compact = {"separators": (",", ":")}
    for index in range(len(table.postings)):
        head = {**_run_dict(table), "scale": SCALE_NOTE} if index == 0 else {}
        out.write(_dumps({"type": "posting", **head, **_posting_dict(table, index)}, **compact) + "\n")
    for row in table.rows:
        out.write(_dumps({"type": "candidate", **row_to_dict(table, row)}, **compact) + "\n")
    for skipped in sorted_skipped(table.skipped):
        out.write(_dumps({"type": "skipped", **skipped_to_dict(skipped)}, **compact) + "\n")


def render_match_csv(table: MatchTable, out: TextIO, *, color: bool, width: int | None) -> None:
    """One row per candidate: best posting and score, then one score column per posting."""
    del color, width
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    header = ["file", "name", "best_posting", "best_score", "best_met", "best_total"]
    writer.writerow([csv_cell(h) for h in [*header, *(f"{key} score" for key in table.keys)]])
    for row in table.rows:
        cells: list[object] = [row.file, row.name, table.keys[row.best], number(row.scores[row.best], 1)]
        cells += [row.met, row.total, *(number(score, 1) for score in row.scores)]
        writer.writerow([csv_cell(c) for c in cells])


def render_match_table(table: MatchTable, out: TextIO, *, color: bool, width: int | None) -> None:
    width = width or DEFAULT_WIDTH
    with console_for(out, color=color, width=width) as console:
        console.print(
            Text(f"{len(table.rows)} candidate(s) × {len(table.postings)} posting(s)", style="bold")
        )
        for key, posting in zip(table.keys, table.postings, strict=True):
            line = Text(f"  {clean_display(key)}: ")
            line.append(posting_heading(posting))
            line.append(Text(f"  {clean_display(PurePath(posting.path).name)}", style="dim"))
            console.print(line)
        console.print(Text(SCALE_NOTE, style="dim"))
        if table.rows:
            grid = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
            grid.add_column("Candidate", overflow="fold", ratio=2)
            grid.add_column("Best fit", overflow="fold", ratio=1)
            for key in table.keys:
                grid.add_column(clean_display(key), justify="right", overflow="fold")
            for row in table.rows:
                name = clean_display(row.name) or clean_display(PurePath(row.file).name)
                cell = Text(name).append("\n").append(Text(shown_path(row.file, 40), style="dim"))
                best = Text(clean_display(table.keys[row.best])).append(
                    Text(f"\n{row.met}/{row.total} met", style="dim")
                )
                scores = []
                for index, score in enumerate(row.scores):
                    style = score_style(score) + (" bold" if index == row.best else "")
                    scores.append(Text(f"{score:.1f}", style=style))
                grid.add_row(cell, best, *scores)
            console.print(grid)
        else:
            console.print(Text("No candidates."))
        counts = ", ".join(f"{clean_display(key)} {count}" for key, count in table.best_counts())
        console.print(Text(f"Best fit: {counts}"))
        if table.skipped:
            count = len(table.skipped)
            console.print(Text(f"{count} file{'s' if count != 1 else ''} skipped:"))
            for skipped in sorted_skipped(table.skipped):
                console.print(
                    Text("  ")
                    .append(untrusted(skipped.file))
                    .append(": ")
                    .append(untrusted(skipped.reason, style="dim"))
                )
