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
    if not stripped or len(stripped) > 48 or _sentence_end(stripped):
        return None
    key = " ".join(_PUNCT.sub(" ", stripped.lower()).split())
    return _headings().get(key)


def _sentence_end(text: str) -> bool:
    """``sentence_end_is_no_heading``: "software." below "… repair network faults with HP" is the end of a
    sentence that ran over the line, not a Software heading: a heading is not written in lower case with a
    full stop or comma after it."""
    return text[:1].islower() and text.endswith((".", ","))


@cache
def _skill_headings() -> frozenset[str]:
    return frozenset(load_vocabulary("sections").flat("skill_names"))


_ITEM_WORDS = 4  # a list item of a skills column: a few words, no sentence


def _list_item(lines: tuple[Line, ...], index: int) -> bool:
    """``heading_inside_a_skills_list``: the line is a short item between two short items (or first in
    the list, just below its heading)."""
    if not 0 < index < len(lines) - 1:
        return False
    before, after = lines[index - 1].text, lines[index + 1].text
    return (
        len(before.split()) <= _ITEM_WORDS
        and heading_of(before) in (None, "skills")
        and len(after.split()) <= _ITEM_WORDS
        and heading_of(after) is None
    )


def label_sections(lines: tuple[Line, ...]) -> list[str]:
    """One section name per line ("" before the first heading); heading lines get their own section.

    A heading that is also a skill's name ("Leadership", "Training") is an item, not a heading, inside a
    skills list: between two short items of the Skills section."""
    labels: list[str] = []
    current = ""
    for index, line in enumerate(lines):
        section = heading_of(line.text)
        if (
            section is not None
            and current == "skills"
            and line.text.strip().lower() in _skill_headings()
            and _list_item(lines, index)
        ):
            section = None
        if section is not None:
            current = section
        labels.append(current)
    return labels
