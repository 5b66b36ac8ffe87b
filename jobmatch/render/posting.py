"""``posting``: what the posting parser understood — header fields, sections, typed requirements.

The table view shows each requirement with its category, parameters and required/preferred; the JSON
view (:func:`posting_json`) carries the same as data (``score_postings.py`` reads its ``requirements``).
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from rich.text import Text

from jobmatch.models import Posting, Requirement
from jobmatch.render.console import console_for, untrusted
from jobmatch.render.table import posting_heading
from jobmatch.sanitize import clean_display, strip_unsafe

SECTION_PREVIEW = 200  # characters of each section shown; the full text is in the posting file
INDENT = "    "

JSONDict = dict[str, Any]


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 2)


def requirement_json(requirement: Requirement) -> JSONDict:
    """One typed requirement as data: every parameter, the recruiter's corrections and its provenance."""
    safe = strip_unsafe
    return {
        "id": safe(requirement.id),
        "text": safe(requirement.text),
        "kind": str(requirement.kind),
        "category": str(requirement.category),
        "years": _number(requirement.years),
        "level": safe(requirement.level),
        "fields": [safe(v) for v in requirement.fields],
        "terms": [safe(v) for v in requirement.terms],
        "all_of": requirement.all_of,
        "or_equivalent": requirement.or_equivalent,
        "notes": [safe(v) for v in requirement.notes],
        "source": safe(requirement.source),
        "supports": [safe(v) for v in requirement.supports],
        "weight": requirement.weight,
        "must_have": requirement.must_have,
        "phrases": [safe(v) for v in requirement.phrases],
        "alternatives": [safe(v) for v in requirement.alternatives],
    }


def posting_json(posting: Posting) -> JSONDict:
    """What ``jobmatch posting --format json`` prints."""
    safe = strip_unsafe
    return {
        "posting": {
            "path": safe(posting.path),
            "id": safe(posting.id),
            "title": safe(posting.title),
            "fields": [[safe(key), safe(value)] for key, value in posting.fields],
            "sections": [{"name": safe(name), "text": safe(text)} for name, text in posting.sections],
        },
        "requirements": [requirement_json(r) for r in posting.requirements],
    }


def render_posting_json(posting: Posting, out: TextIO) -> None:
    out.write(json.dumps(posting_json(posting), ensure_ascii=False, indent=2) + "\n")


def _joined(values: tuple[str, ...]) -> str:
    return ", ".join(clean_display(v) for v in values)


def parameters(requirement: Requirement) -> list[str]:
    """The parameters worth showing, as "name: value" strings, in a fixed order."""
    shown: list[str] = []
    if requirement.years:
        shown.append(f"years: {_number(requirement.years)}")
    if requirement.level:
        shown.append(f"level: {clean_display(requirement.level)}")
    if requirement.fields:
        shown.append(f"fields: {_joined(requirement.fields)}")
    if requirement.terms:
        joiner = " (all of)" if requirement.all_of and len(requirement.terms) > 1 else ""
        if not requirement.all_of and len(requirement.terms) > 1:
            joiner = " (any of)"
        shown.append(f"terms{joiner}: {_joined(requirement.terms)}")
    if requirement.or_equivalent:
        shown.append("or equivalent")
    if requirement.notes:
        shown.append(f"notes: {_joined(requirement.notes)}")
    if requirement.source:
        supports = f" (supports {_joined(requirement.supports)})" if requirement.supports else ""
        shown.append(f"from {clean_display(requirement.source)}{supports}")
    if requirement.weight is not None:
        shown.append(f"weight: {requirement.weight:g}")
    if requirement.must_have:
        shown.append("must have")
    if requirement.phrases:
        shown.append(f"phrases: {_joined(requirement.phrases)}")
    return shown


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
                    cut = preview[: SECTION_PREVIEW + 1]
                    preview = (cut.rsplit(" ", 1)[0] if " " in cut else cut[:SECTION_PREVIEW]).rstrip() + "…"
                console.print(Text(f"{clean_display(name)}", style="bold"))
                console.print(Text(INDENT + preview))
        console.print()
        console.print(Text(f"Requirements ({len(posting.requirements)})", style="bold underline"))
        for requirement in posting.requirements:
            line = Text(
                f"{clean_display(requirement.id)} [{clean_display(str(requirement.kind))}] ", style="bold"
            )
            line.append(f"{clean_display(str(requirement.category))}: ", style="cyan")
            line.append(untrusted(requirement.text))
            console.print(line)
            shown = parameters(requirement)
            if shown:
                console.print(Text(INDENT + " · ".join(shown), style="dim"))
            if requirement.alternatives:
                console.print(Text(f"{INDENT}or: {_joined(requirement.alternatives)}", style="dim"))
