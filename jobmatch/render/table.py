"""``--format table``: the ranking as a rich table for people."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from pathlib import PurePath
from typing import TextIO

from rich import box
from rich.table import Table
from rich.text import Text

from jobmatch.models import CandidateResult, Category, Posting, Ranking, RequirementMatch, Status
from jobmatch.render.console import DEFAULT_WIDTH, console_for, score_style, untrusted
from jobmatch.render.data import all_warnings, main_gap, select_top, sorted_skipped
from jobmatch.sanitize import clean_display

NONE_MARK = "—"
SIGNAL_SEPARATOR = " · "
MAX_TERMS = 2  # keep the key-signals cell short; explain shows them all
HIDDEN_TEXT_WARNING = "hidden text"  # how the readers' warning starts (e.g. "hidden text ignored (white)")
HIDDEN_TEXT_FLAG = "⚠ hidden text ignored"
NARROW_BELOW = 100  # columns: under this the six-column table would wrap every cell

DEGREE_LABELS = {
    "high_school": "High school",
    "associate": "Associate",
    "bachelor": "Bachelor's",
    "master": "Master's",
    "doctorate": "Doctorate",
}


def posting_heading(posting: Posting) -> Text:
    """``Title (ID)``, falling back to the posting's file name when it has no title."""
    title = clean_display(posting.title) or clean_display(PurePath(posting.path).name)
    job_id = clean_display(posting.id)
    return Text(f"{title} ({job_id})" if job_id else title, style="bold")


def degree_label(level: str, field: str, in_progress: bool = False) -> str:
    """``Bachelor's in Marketing (in progress)``; "" for an unknown level."""
    label = DEGREE_LABELS.get(level, "")
    if not label:
        return ""
    shown = clean_display(field)
    text = f"{label} in {shown}" if shown else label
    return f"{text} (in progress)" if in_progress else text


def match_summary(match: RequirementMatch) -> str:
    """A few words on what a met or partial requirement rests on: the matcher's summary, else the terms
    its evidence matched."""
    if match.summary:
        return clean_display(match.summary)
    terms = list(dict.fromkeys(e.term for e in match.evidence if e.term))
    shown = [clean_display(t) for t in terms[:MAX_TERMS]]
    more = len(terms) - MAX_TERMS
    return ", ".join(shown) + (f" +{more}" if more > 0 else "")


# Soft skills are in every résumé's words: they stay in explain, not in the table's key signals.
_SOFT_CONCEPTS = frozenset({"communication", "organization", "customer_focus"})


def _is_soft(match: RequirementMatch) -> bool:
    return match.requirement.category is Category.SOFT_SKILL or match.concept in _SOFT_CONCEPTS


def _hinted_logistics(match: RequirementMatch) -> bool:
    """Logistics carry no weight: only an arrangement the résumé plainly shows is worth a key signal, not
    a related one ("holidays" for Saturdays), which stays in explain."""
    return match.requirement.category is Category.LOGISTICS and match.status is Status.PARTIAL


def key_signals(candidate: CandidateResult) -> str:
    """What the candidate's met and partial requirements rest on, in the posting's order, e.g.

    ``Bachelor's in Accounting · 4.5y accounts payable · Excel, pivot tables · QuickBooks``
    """
    parts = [
        match_summary(m)
        for m in candidate.matches
        if m.status in (Status.MET, Status.PARTIAL)
        and m.requirement.source != "skills"
        and not _is_soft(m)
        and not _hinted_logistics(m)
    ]
    return SIGNAL_SEPARATOR.join(dict.fromkeys(p for p in parts if p)) or NONE_MARK


def shown_path(file: str, limit: int) -> str:
    """``file`` for a person: relative to the working folder when it is inside it, and when longer than
    ``limit`` its leading folders replaced by "…/" so the file's own name stays whole."""
    text = clean_display(file)
    if os.path.isabs(file):
        with contextlib.suppress(ValueError, OSError):
            relative = os.path.relpath(file)
            if not relative.startswith(".."):
                text = clean_display(relative)
    if len(text) <= limit:
        return text
    parts = text.split("/")
    tail = parts[-1]
    for part in reversed(parts[:-1]):
        if len(part) + 1 + len(tail) + 2 > limit:
            break
        tail = f"{part}/{tail}"
    return f"…/{tail}"  # a name longer than the column is cut at its end by the table, with "…"


def _candidate_cell(candidate: CandidateResult, path_limit: int) -> Text:
    name = clean_display(candidate.name) or clean_display(PurePath(candidate.file).name)
    cell = Text(name)
    cell.append("\n")
    cell.append(Text(shown_path(candidate.file, path_limit), style="dim"))
    if any(w.startswith(HIDDEN_TEXT_WARNING) for w in all_warnings(candidate)):
        # Text a human reader cannot see was left out of the score: say so beside the name (details: explain).
        cell.append("\n")
        cell.append(HIDDEN_TEXT_FLAG, style="yellow")
    if candidate.duplicates:
        # The same person sent again (another format or version): shown once, the files named under the table.
        count = len(candidate.duplicates)
        cell.append("\n")
        cell.append(Text(f"+ {count} more file{'s' if count != 1 else ''}", style="dim"))
    return cell


def duplicate_notes(candidates: Sequence[CandidateResult]) -> list[Text]:
    """One line per candidate shown for several files: ``Rank 7 Ann Lee also sent as: a.docx, b.pdf``."""
    notes = []
    for candidate in candidates:
        if candidate.duplicates:
            name = clean_display(candidate.name) or clean_display(PurePath(candidate.file).name)
            line = Text(f"Rank {candidate.rank} {name} also sent as: ", style="dim")
            line.append(", ".join(clean_display(f) for f in candidate.duplicates))
            notes.append(line)
    return notes


def _gap_text(candidate: CandidateResult) -> str:
    gap = main_gap(candidate)
    if gap is None:
        return NONE_MARK
    return f"{clean_display(gap.requirement.id)} {clean_display(gap.requirement.text)}"


def _candidate_width(candidates: Sequence[CandidateResult], cap: int) -> int:
    """Wide enough for the longest path (up to ``cap``) and the longest word of a name."""
    widest = 9  # "Candidate"
    for candidate in candidates:
        widest = max(widest, len(shown_path(candidate.file, cap)))
        widest = max(widest, *(len(w) for w in (clean_display(candidate.name) or "x").split()))
    return min(widest, cap)


# Rows laid out at a time in a long ranking (``table_in_chunks``).
ROWS_PER_CHUNK = 500


def _table(
    candidates: Sequence[CandidateResult],
    narrow: bool,
    candidate_width: int,
    widths: tuple[int, int],
    *,
    header: bool,
    spread: bool = False,
) -> Table:
    rank_width, met_width = widths
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, show_header=header, expand=spread)
    table.add_column("Rank" if not narrow else "#", justify="right", no_wrap=True, width=rank_width)
    table.add_column("Candidate", width=candidate_width, overflow="ellipsis")
    table.add_column("Score", justify="right", no_wrap=True, width=5 if not narrow else max(5, met_width))
    if not narrow:
        table.add_column("Met", justify="right", no_wrap=True, width=met_width)
        table.add_column("Key signals", ratio=3, overflow="fold")
        table.add_column("Main gap", ratio=2, overflow="fold")
    else:
        # Too narrow for six columns: the met count goes under the score and the main gap under
        # the key signals, so each row stays a few lines instead of wrapping every column.
        table.add_column("Key signals · main gap", overflow="fold")
    for candidate in candidates:
        score = Text(f"{candidate.score:.1f}", style=score_style(candidate.score))
        met = f"{candidate.met}/{len(candidate.matches)}"
        cells = [
            Text(str(candidate.rank) if candidate.rank > 0 else ""),
            _candidate_cell(candidate, candidate_width),
        ]
        if not narrow:
            cells += [score, Text(met), Text(key_signals(candidate)), Text(_gap_text(candidate))]
        else:
            signals = Text(key_signals(candidate))
            if main_gap(candidate) is not None:
                signals.append("\n")
                signals.append(Text(f"gap: {_gap_text(candidate)}", style="dim"))
            cells += [score.append(f"\n{met}", style=""), signals]
        table.add_row(*cells)
    return table


def render_table(ranking: Ranking, out: TextIO, *, top: int | None, color: bool, width: int | None) -> None:
    width = width or DEFAULT_WIDTH
    narrow = width < NARROW_BELOW
    with console_for(out, color=color, width=width) as console:
        candidates = select_top(ranking.candidates, top)
        console.print(posting_heading(ranking.posting))
        if candidates:
            cap = max(16, width // (3 if narrow else 5))
            candidate_width = _candidate_width(candidates, cap)
            total = len(candidates[0].matches) if len(candidates) else 0
            widths = (
                max(1 if narrow else 4, len(str(max((c.rank for c in candidates), default=0)))),
                max(3, len(f"{total}/{total}")),
            )
            # ``table_in_chunks``: past ROWS_PER_CHUNK candidates the rows are laid out that many at a time,
            # in columns whose widths come from the terminal's, not from the rows (a table spread to the
            # full width), so memory stays flat however many candidates there are and the chunks line up as
            # one table. A shorter ranking is one table sized to its content, as before.
            spread = len(candidates) > ROWS_PER_CHUNK
            chunk: list[CandidateResult] = []
            first = True
            for candidate in candidates:
                chunk.append(candidate)
                if len(chunk) >= ROWS_PER_CHUNK and spread:
                    console.print(_table(chunk, narrow, candidate_width, widths, header=first, spread=True))
                    chunk, first = [], False
            if chunk or first:
                console.print(_table(chunk, narrow, candidate_width, widths, header=first, spread=spread))
            for note in duplicate_notes(candidates):
                console.print(note, soft_wrap=True)  # one line whatever its length: the names stay whole
        else:
            console.print(Text("No candidates."))
        if len(candidates) < len(ranking.candidates):
            console.print(
                Text(f"Showing top {len(candidates)} of {len(ranking.candidates)} candidates.", style="dim")
            )
        if ranking.skipped:
            count = len(ranking.skipped)
            console.print(Text(f"{count} file{'s' if count != 1 else ''} skipped:"))
            for skipped in sorted_skipped(ranking.skipped):
                line = Text("  ")
                line.append(untrusted(skipped.file))
                line.append(": ")
                line.append(untrusted(skipped.reason, style="dim"))
                console.print(line)
