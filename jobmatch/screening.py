"""Phone-screen questions: what to ask this candidate about this posting, drawn from the requirements the
résumé leaves open (not found, partly shown, only the screen can answer) and those it shows only weakly.

The wording is knowledge, not code: ``knowledge/screening.toml`` holds one template per situation (the
requirement's category, the match's status, words of the matcher's explanation, a logistics term). Here
are only the mechanisms: which requirements to ask about, in what order, and filling the template.

Order: required before preferred, then the recruiter's must-haves, then by weight (``scoring.weight_of``),
then the furthest from met (not found, partial, ask at screen, weakly met; then the lowest score), then
posting order. At most
:data:`MOST` questions, one per requirement, each said once.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources

from jobmatch.models import CandidateResult, RequirementKind, RequirementMatch, Status
from jobmatch.sanitize import clean_display

__all__ = ["MOST", "Question", "screening_questions"]

TEMPLATES = "screening.toml"
MOST = 5  # a phone screen has time for about five questions beyond the usual ones
QUOTE_LIMIT = 160  # characters of a requirement or an explanation put into a question
_SEVERITY = {Status.NOT_FOUND: 0, Status.PARTIAL: 1, Status.ASK: 2, Status.MET: 3}


@dataclass(frozen=True, slots=True)
class Question:
    requirement: str  # the requirement's id ("R3")
    kind: str  # "required" / "preferred"
    text: str


@dataclass(frozen=True, slots=True)
class _Template:
    category: str
    statuses: frozenset[str]
    text: str
    when: tuple[str, ...] = ()
    term: tuple[str, ...] = ()  # one of these in the requirement's only term
    below: float = 1.0  # a met requirement is asked about only when it scored below this


@functools.cache
def templates() -> tuple[_Template, ...]:
    """The question templates, in the order they are tried."""
    raw = resources.files("jobmatch.knowledge").joinpath(TEMPLATES).read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    found = []
    for entry in data.get("question", []):
        found.append(
            _Template(
                category=str(entry["category"]),
                statuses=frozenset(str(s) for s in entry["status"]),
                text=str(entry["text"]),
                when=tuple(str(w).lower() for w in entry.get("when", ())),
                term=tuple(str(t).lower() for t in entry.get("term", ())),
                below=float(entry.get("below", 1.0)),
            )
        )
    return tuple(found)


def _fits(template: _Template, match: RequirementMatch) -> bool:
    requirement = match.requirement
    if template.category not in ("any", str(requirement.category)):
        return False
    if str(match.status) not in template.statuses:
        return False
    if match.status is Status.MET and match.score >= template.below:
        return False
    if template.when and not any(w in match.explanation.lower() for w in template.when):
        return False
    if not template.term:
        return True
    # A question about one arrangement ("weekends") fits an item that names only that one; "shifts,
    # weekends and holidays" gets the general question, which quotes the posting's words.
    terms = [t.lower() for t in requirement.terms]
    return len(terms) == 1 and any(word in terms[0] or terms[0] in word for word in template.term)


def _short(text: str) -> str:
    text = " ".join(clean_display(text).split())
    return text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1].rstrip() + "…"


def _listed(items: tuple[str, ...], all_of: bool) -> str:
    names = [clean_display(i) for i in items if clean_display(i)]
    if len(names) <= 1:
        return "".join(names)
    joiner = " and " if all_of else " or "
    return ", ".join(names[:-1]) + joiner + names[-1]


def _fill(template: _Template, match: RequirementMatch) -> str:
    requirement = match.requirement
    text = _short(requirement.text)
    found = _short(match.explanation.rstrip(".")) or "nothing on it"
    found = found[:1].lower() + found[1:] if found[:2] != found[:2].upper() else found
    values = {
        "requirement": text,
        "terms": _listed(requirement.terms, requirement.all_of) or text.rstrip("."),
        "fields": _listed(requirement.fields, False) or "this kind of work",
        "years": f"{requirement.years:g}" if requirement.years > 0 else "the",
        "level": clean_display(requirement.level).replace("_", " ") or "the degree",
        "found": found,
        "summary": _short(match.summary) or found,
    }
    return template.text.format_map(values)


def _question(match: RequirementMatch) -> Question | None:
    for template in templates():
        if _fits(template, match):
            requirement = match.requirement
            return Question(clean_display(requirement.id), str(requirement.kind), _fill(template, match))
    return None


def _order(match: RequirementMatch) -> tuple[bool, bool, float, int, float, int]:
    from jobmatch.scoring import weight_of

    requirement = match.requirement
    digits = "".join(ch for ch in requirement.id if ch.isdigit())
    place = int(digits[:9]) if digits else 0
    return (
        requirement.kind is not RequirementKind.REQUIRED,
        not requirement.must_have,
        -weight_of(requirement),
        _SEVERITY.get(match.status, 4),
        match.score,
        place,
    )


def screening_questions(candidate: CandidateResult, most: int = MOST) -> tuple[Question, ...]:
    """Up to ``most`` questions for this candidate's phone screen, the most important first."""
    asked: list[Question] = []
    seen: set[str] = set()
    for match in sorted(candidate.matches, key=_order):
        if match.requirement.source == "skills" and match.requirement.supports:
            continue  # a SKILLS keyword another requirement already holds: asked there
        question = _question(match)
        if question is None or question.text in seen:
            continue
        seen.add(question.text)
        asked.append(question)
        if len(asked) == most:
            break
    return tuple(asked)
