"""Which résumé section each line sits in: summary, experience, education, skills, certifications, other."""

from __future__ import annotations

import re
from functools import cache

from jobmatch.models import Line
from jobmatch.signals.vocab import load_vocabulary

_PUNCT = re.compile(r"[^\w&/' ]+")


@cache
def _headings() -> dict[str, str]:
    table: dict[str, str] = {}
    for entry in load_vocabulary("sections").section("terms"):
        for term in entry.terms:
            table[term] = entry.canonical
    return table


def heading_of(text: str) -> str | None:
    """The section a heading line opens, or None when the line is not a heading."""
    stripped = text.strip()
    if not stripped or len(stripped) > 48:
        return None
    key = " ".join(_PUNCT.sub(" ", stripped.lower()).split())
    return _headings().get(key)


def label_sections(lines: tuple[Line, ...]) -> list[str]:
    """One section name per line ("" before the first heading); heading lines get their own section."""
    labels: list[str] = []
    current = ""
    for line in lines:
        section = heading_of(line.text)
        if section is not None:
            current = section
        labels.append(current)
    return labels
