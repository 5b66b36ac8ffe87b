"""Education: a level ladder, fields through the field taxonomy, and "or equivalent experience".

Levels: none < high_school < certificate < diploma < associate < bachelor < master < doctorate;
``Requirement.level`` is the lowest acceptable one. The fields a posting names are placed in families of
``knowledge/degree_fields.toml``; with "related field" in ``terms`` the families' related families count
too. Each education entry of the résumé is judged and the best one answers; the older single ``degree``
stands in when the résumé gave no entries.

Heuristics (each named, with its reason):
- ``other_field``: the level asked for in a field neither asked for, related nor adjacent is none of it
  (not found; a sliver of score keeps it above no degree). It was partial ("a recruiter still sees the
  degree") until six postings in other fields were labelled by the rubric: there "partial" is a degree in
  an adjacent field, and an unrelated one is "no" (teacher, trainer, IT and construction sets).
- ``field_is_the_qualification``: where the field is what a licence or trade rests on (``qualifying`` in
  ``degree_fields.toml``: nursing, culinary arts, teaching, law, engineering), another field is not found.
- ``adjacent_field``: a field of a family related to the one asked for is partial when the posting did not
  accept related fields (with "or related field" it is met).
- ``in_progress``: a degree still in progress counts 70% of a finished one (partial), unless it is above the
  level asked for (``studies_above_the_level``).
- ``level_from_text``: with no level typed, the lowest level the requirement's words name is asked.
- ``field_from_quote``: an entry is also placed by the words of its quote, school names left out
  ("MBA, 2010"; a field misread as "Year of Passing" beside "B.com"; "Master of Business Administration,
  Finance" whose field was read as "Business Administration"), because a field is often cut short or
  misread while the degree's own line names it.
- ``school_only``: a high-school diploma where a degree is asked is "not found" (recruiters read it so),
  though its small score still ranks it above no education at all.
- ``programme_is_not_a_degree``: likewise a certificate or diploma where an associate's or higher is asked
  ("Certificate of Accomplishment, Typing Institute" for "Associate's or Bachelor's degree"): recruiters
  read it as no degree; its small score keeps it above no education.
- ``one_rung_below``: an associate's for a bachelor's ask (or a bachelor's for a master's) is a weak partial,
  in a field asked for, related, adjacent or not known; in another field it is none of it, as at the level.
- ``credential_instead_of_a_degree``: a credential the posting accepts in place of the degree ("MBA or
  progress toward CFA") is looked for as a credential requirement; when it scores higher it answers.
- ``equivalent_years``: "or equivalent experience" is met by four years of the posting's kind of work, half
  of it partial (four years of work ~ a four-year degree); the years come from the role fit.
  ``equivalent_years_by_level``: as many years as the programme asked for takes (two for a diploma or an
  associate's, one for a certificate).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from jobmatch.knowledge.fields import generic_field_words, load_degree_fields
from jobmatch.matching import Answer, Context, register
from jobmatch.matching.occupation import PhraseIndex
from jobmatch.models import Category, EducationEntry, Evidence, Requirement, Signals, Status
from jobmatch.signals.vocab import matcher

__all__ = ["LADDER", "accepted_families", "field_families", "match_education"]

LADDER = ("none", "high_school", "certificate", "diploma", "associate", "bachelor", "master", "doctorate")
_RANK = {name: i for i, name in enumerate(LADDER)}

FIELD_OTHER = 0.6  # other_field
FIELD_NOT_QUALIFYING = 0.25  # field_is_the_qualification: shown as not found, a sliver kept for ranking
IN_PROGRESS = 0.7  # in_progress
BELOW_ONE = 0.4  # one_rung_below: associate for bachelor, bachelor for master
BELOW_PROGRAMME = 0.25  # a certificate or diploma where a degree is asked
HIGH_SCHOOL_ONLY = 0.1  # a high-school diploma where a degree is asked
EQUIVALENT_YEARS = 4.0  # equivalent_years, for a bachelor's: years of work ~ years of study
# ``equivalent_years_by_level``: the work that stands in for a programme is as long as the programme: a
# culinary diploma or an associate's is two years of study, a bachelor's four.
EQUIVALENT_YEARS_BY_LEVEL = {
    "high_school": 2.0,
    "certificate": 1.0,
    "diploma": 2.0,
    "associate": 2.0,
    "bachelor": EQUIVALENT_YEARS,
    "master": 6.0,
    "doctorate": 8.0,
}
EQUIVALENT_MET = 0.9
EQUIVALENT_HALF = 0.6
# The keys of Context.extra that scoring fills with the posting's kind of work (role fit).
EXTRA_ROLE_YEARS = "role_years"
EXTRA_EQUIVALENT_YEARS = "equivalent_years"  # the role's years and its field's sibling jobs' (scoring)
EXTRA_ROLE_LABEL = "role_label"
EXTRA_ROLE_EVIDENCE = "role_evidence"


@cache
def _field_index() -> PhraseIndex:
    return PhraseIndex((f, fam.id) for fam in load_degree_fields().values() for f in (*fam.fields, fam.name))


# ``field_from_quote``: the name of a school ("Kelley School of Business", "College of Nursing") is not a
# field of study.
_SCHOOL_NAME = re.compile(
    r"\b(?:school|college|faculty|department|institute|academy|university)\s+of\s+[^\W\d_][^,;:()|\d]*",
    re.IGNORECASE,
)

_AT_COLLEGE = re.compile(r"\b(?:college|university|universidad|polytechnic)\b", re.IGNORECASE)

_JOINED = re.compile(r"(?<=[^\W\d_]{2})[-/](?=[^\W\d_]{2})")


# ``arts_of_the_degree_is_no_field``: "Bachelor of Arts : Elementary Education", "Arts in Business
# Administration": the "Arts" (or "Science") of a degree's name is the kind of degree, not a field of study;
# on a graphic designer's posting it made every BA "in the field asked for (art and design)". "Fine Arts",
# "Visual Arts" and "Graphic Arts" name the field and are kept.
_DEGREE_ARTS = re.compile(
    r"(?:\b(?:bachelor|master|associate|doctor)\w*(?:['’]s)?\s+of\s+|^\W*)(?:arts|sciences?)\b(?:\s+(?:in|of)\b)?",
    re.IGNORECASE,
)


def field_families(field: str) -> frozenset[str]:
    """The families a field of study belongs to: every family with a phrase in it, a phrase inside a
    longer one not counting ("construction management" is construction, not management). Words joined
    by a hyphen or slash ("Healthcare Administration-HM") are read apart too."""
    field = _DEGREE_ARTS.sub(" ", field)
    index = _field_index()
    parted = _JOINED.sub(" ", field)
    hits = index.find(field) + (index.find(parted) if parted != field else [])
    generic = generic_field_words()
    specific = [h for h in hits if h.phrase.casefold() not in generic]
    # ``generic_head``: "Education Administration" names education; "management" alone names business
    return frozenset(h.payload for h in (specific or hits))


def _asked_families(fields: tuple[str, ...]) -> set[str]:
    return {f for field in fields for f in field_families(field)}


@cache
def _qualifying(fields: tuple[str, ...]) -> bool:
    """Whether every field asked for sits in a family whose field is the qualification itself."""
    taxonomy = load_degree_fields()
    asked = _asked_families(fields)
    return bool(asked) and all(taxonomy[f].qualifying for f in asked)


@cache
def accepted_families(fields: tuple[str, ...], related: bool) -> frozenset[str]:
    taxonomy = load_degree_fields()
    asked = _asked_families(fields)
    if related:
        asked |= {r for f in list(asked) for r in taxonomy[f].related}
    return frozenset(asked)


@cache
def adjacent_families(fields: tuple[str, ...]) -> frozenset[str]:
    """``adjacent_field``: the families near those asked for (related or adjacent in the taxonomy)."""
    taxonomy = load_degree_fields()
    return frozenset(
        r for f in _asked_families(fields) for r in (*taxonomy[f].related, *taxonomy[f].adjacent)
    )


@dataclass(frozen=True, slots=True)
class _Judged:
    score: float
    why: str
    evidence: tuple[Evidence, ...]
    none_of_it: bool = False  # ``school_only``: shown as not found, though the score keeps a sliver


def entry_label(e: EducationEntry) -> str:
    return e.level.replace("_", " ") + (f" in {e.field}" if e.field else "")


def _stands_on(level: str, need: str) -> bool:
    """``studies_above_the_level``: what studies in progress require finished: any college study a
    high-school diploma, a graduate degree a bachelor's (a bachelor's student holds no associate's)."""
    if need == "high_school":
        return _RANK.get(level, -1) > _RANK["high_school"]
    return need == "bachelor" and level in ("master", "doctorate")


def _judge(entry: EducationEntry, need: str, fields: tuple[str, ...], accepted: frozenset[str]) -> _Judged:
    have = _RANK.get(entry.level, -1)
    want = _RANK.get(need, 0)
    ev = (entry.evidence,) if entry.evidence is not None else ()
    label = entry_label(entry)
    if have < 0:
        if need == "high_school" and _AT_COLLEGE.search(" ".join((entry.school, *(e.text for e in ev)))):
            # ``college_stands_on_school``: college coursework, finished or not ("business coursework, no
            # degree") was entered with a high-school diploma or its equivalent behind it
            return _Judged(1.0, "college coursework: a high-school diploma is behind it", ev)
        return _Judged(0.0, "no degree named", ev)
    families = field_families(entry.field)
    if entry.evidence is not None:
        # ``field_from_quote``: "MBA, 2010", a field misread as "Year of Passing" beside "B.com", or cut short
        families |= field_families(_SCHOOL_NAME.sub(" ", entry.evidence.text))
    if have >= want:
        if not fields:
            score, why = 1.0, f"{label}: the level asked for"
        elif own := families & _asked_families(fields):
            score, why = 1.0, f"{label}: the level asked for, in the field asked for"
            if not any(f.casefold() in entry.field.casefold() for f in fields):
                # the family asked for, under another name ("Communication Studies" for "marketing")
                taxonomy = load_degree_fields()
                why += f" ({', '.join(sorted(taxonomy[f].name for f in own))})"
        elif families & accepted:
            score, why = 1.0, f"{label}: the level asked for, in a related field"
        elif families & adjacent_families(fields):
            # ``adjacent_field``: a family the taxonomy relates to the one asked for (hospitality management
            # for a culinary degree) where the posting did not say "or related field": partial, not another
            # field, even where the field is the qualification
            score, why = FIELD_OTHER, f"{label}: the level asked for, in an adjacent field"
        elif not families and not entry.field.strip():
            # ``field_not_named``: "Bachelor of Arts" with no field is not another field: unknown, partial
            score, why = FIELD_OTHER, f"{label}: the level asked for; the field is not named"
        elif _qualifying(fields):
            # ``field_is_the_qualification``: a business degree for "a degree in nursing" is none of it
            return _Judged(FIELD_NOT_QUALIFYING, f"{label}: another field than the one asked for", ev, True)
        elif not _asked_families(fields):
            # ``field_outside_the_taxonomy``: the posting's field is in no family ("Geography"): judged by
            # its words, the same field is met, another one partial (no family says how far it is)
            asked = [f.casefold() for f in fields]
            same = any(
                a in entry.field.casefold() or entry.field.casefold() in a for a in asked if entry.field
            )
            score, why = (
                (1.0, f"{label}: the level asked for, in the field asked for")
                if same
                else (FIELD_OTHER, f"{label}: the level asked for, but in another field")
            )
        else:  # ``other_field``
            return _Judged(FIELD_NOT_QUALIFYING, f"{label}: another field than the one asked for", ev, True)
        if not entry.completed:
            note = f": {entry.progress}" if entry.progress else ""
            if _stands_on(entry.level, need):
                # ``studies_above_the_level``: an associate's still pending stands on a finished high-school
                # diploma, a master's in progress on a bachelor's: the level asked for is behind it
                why = f"{why} (still in progress{note}; the level asked for is behind it)"
            else:
                score, why = score * IN_PROGRESS, f"{why} (still in progress{note})"
        return _Judged(score, why, ev)
    if entry.level in ("associate", "bachelor", "master"):
        if fields and families and not families & (accepted | adjacent_families(fields)):
            # ``other_field`` below the level too: where the level asked for in another field is none of
            # it, a lower degree in that field cannot be part of it (an associate's in psychology for a
            # bachelor's in graphic design; in accounting for a teaching degree)
            return _Judged(
                FIELD_NOT_QUALIFYING, f"{label}: below the level asked for, in another field", ev, True
            )
        if want >= _RANK["master"] and have < _RANK["master"]:
            # ``graduate_degree_not_partly_held``: the bachelor's an MBA or a master's is built on is the
            # ground it stands on, not part of it ("MBA or CFA is a plus" is not half met by a BBA)
            return _Judged(FIELD_NOT_QUALIFYING, f"{label}: no graduate degree", ev, True)
        return _Judged(BELOW_ONE, f"{label}: below the level asked for", ev)
    if entry.level in ("certificate", "diploma"):
        if want >= _RANK["associate"]:  # ``programme_is_not_a_degree``
            return _Judged(BELOW_PROGRAMME, f"{label}: not a degree", ev, none_of_it=True)
        return _Judged(BELOW_PROGRAMME, f"{label}: below the level asked for", ev)
    if entry.level == "high_school":
        return _Judged(HIGH_SCHOOL_ONLY, "high-school diploma only", ev, none_of_it=True)
    return _Judged(0.0, f"{label}: below the level asked for", ev)


def entries_of(s: Signals) -> Sequence[EducationEntry]:
    """The résumé's education entries; the older single ``degree`` (and the related degree it names)
    when there are none."""
    if s.education:
        return s.education
    d = s.degree
    if d.level in ("unknown", "none"):
        return ()
    out = [
        EducationEntry(
            level=d.level,
            field=d.field,
            completed=not d.in_progress,
            progress=d.progress,
            evidence=d.evidence[0] if d.evidence else None,
        )
    ]
    return out


_LEVEL_LABELS = {
    "high_school": "High school",
    "high school": "High school",
    "associate": "Associate",
    "bachelor": "Bachelor's",
    "master": "Master's",
    "doctorate": "Doctorate",
}


def _table_label(text: str) -> str:
    """ "bachelor in Marketing" -> "Bachelor's in Marketing" for the table."""
    for level, label in _LEVEL_LABELS.items():
        if text.lower().startswith(level):
            return label + text[len(level) :]
    return text


def _related_degree(s: Signals) -> EducationEntry | None:
    """ "bachelor in Mass Communications" beside a JD: another degree the degree signal named."""
    text = s.degree.related_degree
    level, _, field = text.partition(" in ")
    if level in _RANK and field:
        ev = s.degree.evidence[1] if len(s.degree.evidence) > 1 else None
        return EducationEntry(level=level, field=field, evidence=ev)
    return None


def _lowest_named(text: str) -> str:
    """``level_from_text``: an untyped level is the lowest the requirement's words name ("Associate's or
    Bachelor's degree" -> associate); none named -> high school."""
    for level in LADDER[1:]:
        if matcher("degrees", level, fuzzy=False).find(text):  # a level the vocabulary lacks finds nothing
            return level
    return "high_school"


def _credential_instead(req: Requirement, ctx: Context) -> Answer | None:
    """``credential_instead_of_a_degree``: the credentials the posting accepts in place of the degree ("MBA
    or progress toward CFA"), looked for as any credential requirement would be."""
    from jobmatch.matching.credential import PENDING, match_credential

    names = tuple(t for t in req.terms if t != "related field")
    if not names:
        return None
    asked = replace(req, category=Category.CREDENTIAL, terms=names, fields=(), all_of=False, notes=())
    answer = match_credential(asked, ctx)
    if answer.score <= 0:
        return None
    if answer.score <= PENDING and _PROGRESS_ACCEPTED.search(req.text):
        # "or progress toward CFA": a candidate still sitting its exams is what the posting asks for
        why = f"{answer.explanation}: progress toward it, accepted in place of the degree"
        return replace(answer, score=1.0, status=None, explanation=why)
    return replace(answer, explanation=f"{answer.explanation} (accepted in place of the degree)")


_PROGRESS_ACCEPTED = re.compile(
    r"\b(?:progress(?:ing)?|work(?:ing)?|studying)\s+toward|\bpursu(?:ing|it)\b|\benrolled\s+in\b"
    r"|\bcandidacy\b",
    re.IGNORECASE,
)


@register(Category.EDUCATION)
def match_education(req: Requirement, ctx: Context) -> Answer:
    s = ctx.signals
    need = req.level if req.level in _RANK else _lowest_named(req.text)
    if need == "none":
        return Answer(1.0, (), "No education level asked for", method="education")
    related = any("related" in t.lower() for t in req.terms) or "related field" in req.text.lower()
    accepted = accepted_families(tuple(req.fields), related)
    entries = list(entries_of(s))
    extra = _related_degree(s)
    if extra is not None and not any(e.level == extra.level and e.field == extra.field for e in entries):
        entries.append(extra)
    judged = [_judge(e, need, tuple(req.fields), accepted) for e in entries]
    best = max(judged, key=lambda j: j.score, default=None)
    if best is None:
        best = _Judged(
            0.0, "studies in progress, no degree named" if s.degree.in_progress else "no degree found", ()
        )
    score, why, evidence = best.score, best.why, best.evidence
    if req.or_equivalent or any("equivalent" in a.lower() for a in req.alternatives):
        years = ctx.extra.get(EXTRA_EQUIVALENT_YEARS, ctx.extra.get(EXTRA_ROLE_YEARS, 0.0))
        years = float(years) if isinstance(years, int | float) else 0.0
        # the years the posting says stand in for the degree ("or 2+ years of …"), else one per study year
        enough = req.years or EQUIVALENT_YEARS_BY_LEVEL.get(need, EQUIVALENT_YEARS)
        alt = EQUIVALENT_MET if years >= enough else EQUIVALENT_HALF if years >= enough / 2 else 0.0
        if alt > score:
            label = ctx.extra.get(EXTRA_ROLE_LABEL, "the posting's kind of work")
            role_ev = ctx.extra.get(EXTRA_ROLE_EVIDENCE, ())
            score = alt
            why = f"{why}; {years:g} years of {label} count as equivalent experience"
            if isinstance(role_ev, tuple):
                evidence = evidence + tuple(e for e in role_ev if isinstance(e, Evidence))
    status = Status.NOT_FOUND if best.none_of_it and score == best.score else None
    instead = _credential_instead(req, ctx)
    if instead is not None and instead.score > score:
        return instead
    # "Bachelor in Mass Communications: the level asked for" -> the table shows the degree itself.
    summary = _table_label(why.split(":", 1)[0]) if score > 0 and ":" in why else ""
    return Answer(
        score, evidence, why[:1].upper() + why[1:], status=status, method="education", summary=summary
    )
