"""A résumé as the signal extractors see it: lines, their sections, and helpers to quote evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jobmatch.models import Document, Evidence, Line, Method
from jobmatch.signals.sections import label_sections
from jobmatch.signals.vocab import Hit

# A negation word shortly before a term, in the same clause, cancels it ("no prior sales experience",
# "not yet proficient in Excel"). Clause breaks (. ; : | •) stop the look-back.
_NEGATION = re.compile(
    r"\b(?:no|not|never|without|lack(?:s|ing)?|none|nor|zero|unfamiliar)\b(?:\s+[\w'/-]+){0,4}\s*$", re.I
)
_CLAUSE_BREAK = re.compile(r"[.;:|•!?]")


@dataclass(frozen=True, slots=True)
class ResumeView:
    document: Document
    lines: tuple[Line, ...]
    sections: tuple[str, ...]
    # The labels as a set: has_section is asked once per line, and a scan each time is quadratic.
    section_names: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.section_names:
            object.__setattr__(self, "section_names", frozenset(self.sections))

    @classmethod
    def of(cls, document: Document) -> ResumeView:
        return cls(document, document.lines, tuple(label_sections(document.lines)))

    def has_section(self, name: str) -> bool:
        return name in self.section_names

    def evidence(self, index: int, hit: Hit | None = None, method: Method | None = None) -> Evidence:
        line = self.lines[index]
        return Evidence(
            text=line.text,
            page=line.page,
            line=line.number,
            method=method or (hit.method if hit else Method.INFERRED),
            term=hit.canonical if hit else "",
            matched=hit.matched if hit else "",
            ratio=hit.ratio if hit else 100.0,
            section=self.sections[index],
        )


def is_negated(text: str, start: int) -> bool:
    before = text[:start]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(before)), default=0)
    return bool(_NEGATION.search(before[cut:]))
