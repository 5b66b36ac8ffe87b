"""``posting``: what the posting parser understood — header fields, sections, numbered requirements."""

from __future__ import annotations

from typing import TextIO

from rich.text import Text

from jobmatch.models import Posting
from jobmatch.render.console import console_for, untrusted
from jobmatch.render.table import posting_heading
from jobmatch.sanitize import clean_display

SECTION_PREVIEW = 200  # characters of each section shown; the full text is in the posting file
INDENT = "    "


def render_posting(posting: Posting, out: TextIO, *, color: bool, width: int | None) -> None:
    with console_for(out, color=color, width=width) as console:
        console.print(posting_heading(posting))
        console.print(Text("File: ").append(untrusted(posting.path)))
        for key, value in posting.fields:
            console.print(Text(f"{clean_display(key)}: ", style="bold").append(untrusted(value)))
        if posting.sections:
            console.print()
            console.print(Text("Sections", style="bold underline"))
            for name, text in posting.sections:
                preview = clean_display(text)
                if len(preview) > SECTION_PREVIEW:
                    preview = preview[:SECTION_PREVIEW].rstrip() + "…"
                console.print(Text(f"{clean_display(name)}", style="bold"))
                console.print(Text(INDENT + preview))
        console.print()
        console.print(Text(f"Requirements ({len(posting.requirements)})", style="bold underline"))
        for requirement in posting.requirements:
            line = Text(
                f"{clean_display(requirement.id)} [{clean_display(str(requirement.kind))}] ", style="bold"
            )
            line.append(untrusted(requirement.text))
            console.print(line)
            if requirement.alternatives:
                alternatives = ", ".join(clean_display(a) for a in requirement.alternatives)
                console.print(Text(f"{INDENT}or: {alternatives}", style="dim"))
