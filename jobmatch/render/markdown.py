"""``--format markdown``: the ranking as a Markdown table, to paste into an e-mail, a ticket or a wiki.

Untrusted text is data here too: every ASCII punctuation character Markdown could read as syntax (``|``,
``*``, ``[``, ``<`` …) is backslash-escaped, which CommonMark allows for any ASCII punctuation, so a
résumé cannot add a link, an image, HTML or a column.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import TextIO

from jobmatch.models import Ranking
from jobmatch.render.data import main_gap, select_top, sorted_skipped
from jobmatch.render.table import NONE_MARK, key_signals, posting_heading
from jobmatch.sanitize import clean_display

# Emphasis, code, links and images ([ escaped, so ]( and ![ are inert), HTML and entities (< and &),
# columns (|), strikethrough (~). Inside a cell the rest starts nothing, and escaping it would only make
# names hard to read. A leading "+" or "-" could still start a list item and is escaped on its own.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]<>|~&])")
_LEADING_MARK = re.compile(r"^([+\-])")
COLUMNS = ("Rank", "Candidate", "File", "Score", "Met", "Key signals", "Main gap")
ALIGN = ("---:", ":---", ":---", "---:", "---:", ":---", ":---")


def md_text(text: str) -> str:
    """One line of untrusted text, inert in Markdown."""
    escaped = _MARKDOWN_PUNCTUATION.sub(r"\\\1", clean_display(text))
    return _LEADING_MARK.sub(r"\\\1", escaped)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |\n"


def render_markdown(
    ranking: Ranking, out: TextIO, *, top: int | None, color: bool, width: int | None
) -> None:
    del color, width  # Markdown is plain text; the reader's viewer lays it out
    out.write(f"## {md_text(posting_heading(ranking.posting).plain)}\n\n")
    candidates = select_top(ranking.candidates, top)
    if candidates:
        out.write(_row(list(COLUMNS)))
        out.write(_row(list(ALIGN)))
        for candidate in candidates:
            gap = main_gap(candidate)
            name = candidate.name or PurePath(candidate.file).name
            out.write(
                _row(
                    [
                        str(candidate.rank) if candidate.rank > 0 else "",
                        md_text(name),
                        md_text(candidate.file)
                        + "".join(f"; also {md_text(f)}" for f in candidate.duplicates),
                        f"{candidate.score:.1f}",
                        f"{candidate.met}/{len(candidate.matches)}",
                        md_text(key_signals(candidate)),
                        md_text(f"{gap.requirement.id} {gap.requirement.text}") if gap else NONE_MARK,
                    ]
                )
            )
    else:
        out.write("No candidates.\n")
    if len(candidates) < len(ranking.candidates):
        out.write(f"\nShowing top {len(candidates)} of {len(ranking.candidates)} candidates.\n")
    if ranking.skipped:
        count = len(ranking.skipped)
        out.write(f"\n{count} file{'s' if count != 1 else ''} skipped:\n\n")
        for skipped in sorted_skipped(ranking.skipped):
            out.write(f"- {md_text(skipped.file)}: {md_text(skipped.reason)}\n")
