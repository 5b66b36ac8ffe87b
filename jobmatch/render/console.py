"""The one way render/ builds a rich Console: markup, emoji and highlighting off, so output is predictable."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.text import Text

from jobmatch.sanitize import clean_display

DEFAULT_WIDTH = 120  # when the output is not a terminal and COLUMNS does not say: a file, a pipe, a test
MIN_WIDTH = 40  # below this no layout is readable; narrower terminals wrap what we print


def output_width(stream: TextIO) -> int:
    """The width to lay human output out for: ``COLUMNS`` when set (what people and scripts use to ask
    for a width), else the terminal's own width when ``stream`` is one, else :data:`DEFAULT_WIDTH`."""
    import os

    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return max(MIN_WIDTH, int(columns))
    try:
        if stream.isatty():
            return max(MIN_WIDTH, os.get_terminal_size(stream.fileno()).columns)
    except (OSError, ValueError, AttributeError):
        pass
    return DEFAULT_WIDTH


def make_console(out: TextIO, *, color: bool, width: int | None) -> Console:
    """A console writing to ``out``. Without ``color`` it emits no escape codes at all, TTY or not."""
    return Console(
        file=out,
        color_system="auto" if color else None,
        force_terminal=color,
        force_interactive=False,
        force_jupyter=False,
        legacy_windows=False,
        width=width or DEFAULT_WIDTH,
        highlight=False,
        markup=False,
        emoji=False,
    )


@contextmanager
def console_for(out: TextIO, *, color: bool, width: int | None) -> Iterator[Console]:
    """A console whose output reaches ``out`` at the end, without the trailing spaces rich pads lines with.

    Trailing padding makes golden files and ``diff`` noisy and carries no information.
    """
    buffer = io.StringIO()
    yield make_console(buffer, color=color, width=width)
    out.write("\n".join(line.rstrip(" ") for line in buffer.getvalue().split("\n")))


def untrusted(text: str, style: str = "") -> Text:
    """Untrusted text as a rich ``Text``: one clean line, never parsed as markup."""
    return Text(clean_display(text), style=style)


def score_style(score: float) -> str:
    """Colour band for a 0-100 score."""
    if score >= 70:  # most requirements met with direct evidence: a strong shortlist candidate
        return "green"
    if score >= 40:  # some requirements met: worth a look
        return "yellow"
    return "red"
