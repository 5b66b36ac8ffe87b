"""Education entries: every degree, diploma, certificate or programme the résumé names, as written.

One entry per distinct studies named (level and field), each with its school, year, whether it was
completed and, when not, why ("marked 'expected'", "marked 'degree not completed'"). No judgement of
relatedness happens here: that belongs to matching. The highest degree (``degree.extract_degree``) keeps
its own reading for the AVON147 signals; its in-progress reason is carried onto the entry it names.
"""

from __future__ import annotations

import dataclasses
import re

from jobmatch.models import Degree, EducationEntry
from jobmatch.signals.degree import _DEGREE_NAME_WORDS as _DEGREE_WORDS
from jobmatch.signals.degree import (
    _continuation,
    _field_of,
    _level_hits,
    _plausible,
    clean_field,
    progress_hits,
)
from jobmatch.signals.view import ResumeView
from jobmatch.signals.vocab import Hit, matcher

__all__ = ["ENTRY_LEVELS", "education_entries"]

# The ladder of entry levels, lowest first: certificates and diplomas sit beside high school and below
# the associate degree (a culinary diploma, a dental hygiene programme, a coding bootcamp).
ENTRY_LEVELS = ("high_school", "certificate", "diploma", "associate", "bachelor", "master", "doctorate")
_STUDY_SECTIONS = ("education", "certifications")
_SCHOOL_NAME = re.compile(
    r"(?:[A-Z][\w.'’&-]*\s+){0,5}(?:University|College|Institute|School|Academy|Univ\.?)"
    r"(?:\s+(?:of|at|for)(?:\s+(?:the\s+)?[A-Z][\w.'’&-]*){1,4})?",
)
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")


def _hits(view: ResumeView, index: int) -> list[tuple[str, Hit]]:
    """The levels a line names: degrees where ``degree`` would read them, certificates and diplomas only
    in Education or Certifications and never inside "High School Diploma"."""
    text = view.lines[index].text
    found = [(lvl, h) for lvl, h in _level_hits(text) if _plausible(view, index, text, h)]
    if view.sections[index] in _STUDY_SECTIONS:
        for level in ("certificate", "diploma"):
            for hit in matcher("degrees", level, fuzzy=False).find(text):
                if not any(h.start < hit.end and hit.start < h.end for _, h in found):
                    found.append((level, hit))
    return sorted(found, key=lambda item: item[1].start)


def _eligible(view: ResumeView, index: int) -> bool:
    """Lines where studies are named: Education (and Certifications, summary, the top) or, when the
    résumé has no Education section, anywhere outside the work history."""
    section = view.sections[index]
    if not view.has_section("education"):
        return section != "experience"
    return section in (*_STUDY_SECTIONS, "summary", "")


# Words that open a school's capture but belong to the entry before it ("Current Ashford University").
_NOT_SCHOOL_LEAD = frozenset(
    {"current", "currently", "present", "expected", "some", "diploma", "degree", "certificate"}
)
# A certificate's or diploma's name is written before it ("Dental Assistant Certificate") unless "in"/"of"
# follows ("Certificate in Digital Photography").
_NAMED_AFTER = re.compile(r"^\s*(?:in|of|:)\s", re.I)
_CLAUSE = re.compile(r"[,;|:•()]|\s[-–]\s|\.\s|\d|\b(?:certificate|diploma)s?\b", re.I)
_NAME_WORDS_MAX = 6


def _school(text: str, field: str = "") -> str:
    """The school's name on a line: capitalised words up to its school word, without the field and the
    markers written before it; "" for a bare "High School" or "Some College"."""
    if field:
        text = text.replace(field, " ")
    for m in _SCHOOL_NAME.finditer(text):
        words = m.group(0).split()
        while len(words) > 1 and words[0].lower() in _NOT_SCHOOL_LEAD | _DEGREE_WORDS:
            words.pop(0)
        while (
            len(words) > 1
            and words[-1].lower().strip(",") in {"city", "state"} | _NOT_SCHOOL_LEAD | _DEGREE_WORDS
        ):
            words.pop()  # "University of Scranton City, State": LiveCareer's place placeholder
        if len(words) <= 2 and words[0].lower() in ("high", "some", "college", "school", "university"):
            continue
        if any(w.lower() in ("diploma", "degree") for w in words):
            continue  # "High School Diploma High School": the degree's name, not a school's
        return " ".join(words)
    return ""


def _named_before(text: str, hit: Hit) -> str:
    """The words before a certificate or diploma, back to the start of its clause."""
    head = text[: hit.start]
    cuts = [m.end() for m in _CLAUSE.finditer(head)]
    cuts += [h.end for _, h in _level_hits(head)]  # "Bachelors of Social Work … Certificate"
    name = head[max(cuts, default=0) :].strip()
    return name if len(name.split()) <= _NAME_WORDS_MAX else ""


def _marker(text: str, level: str = "") -> str:
    """Why the studies read as not completed: a not-completed or in-progress marker, else "". On a high
    school's line "Some college" speaks of later studies, not of the school."""
    sections = ("in_progress",) if level == "high_school" else ("not_completed", "in_progress")
    for section in sections:
        hits = progress_hits(section, text)
        if hits:
            return f"marked '{hits[0].matched}'"
    return ""


def _entry(view: ResumeView, index: int, level: str, hit: Hit) -> EducationEntry:
    text = view.lines[index].text
    following = _continuation(view, index)
    context = f"{text} {following}"
    field = "" if level == "high_school" else _field_of(view, index, hit)
    if level in ("certificate", "diploma") and not _NAMED_AFTER.match(text[hit.end :]):
        field = clean_field(_named_before(text, hit)) or field
    if level == "diploma" and re.search(r"\bhigh\b", f"{field} {text}", re.I):
        level, field = "high_school", ""  # "Phoenix Sr. High Diploma"
    years = _YEAR.findall(text) or _YEAR.findall(following)
    progress = _marker(context, level)
    return EducationEntry(
        level=level,
        field=field,
        # Without the degree's own words ("High School Diploma Madill High School"), unless they are the
        # school's name ("Central High School").
        school=_school(text[: hit.start] + " " + text[hit.end :], field)
        or _school(text, field)
        or _school(following, field),
        year=years[-1] if years else "",
        completed=not progress,
        progress=progress,
        evidence=view.evidence(index, hit),
    )


def _unnamed(view: ResumeView, index: int) -> EducationEntry | None:
    """Studies at a school that name no degree but say they are unfinished ("Some College (No Degree)",
    "Social Science Current Ashford University"): an entry of unknown level, not completed."""
    text = view.lines[index].text
    if view.sections[index] != "education" or not _SCHOOL_NAME.search(text):
        return None
    progress = _marker(text)
    if not progress or (
        _level_hits(text) and not matcher("degrees", "not_completed", fuzzy=False).find(text)
    ):
        return None
    years = _YEAR.findall(text)
    return EducationEntry(
        level="unknown",
        school=_school(_after_marker(re.sub(r"(?i)\bhigh\s+school\b", " ", text))),
        year=years[-1] if years else "",
        completed=False,
        progress=progress,
        evidence=view.evidence(index),
    )


def _after_marker(text: str) -> str:
    """The text after the first marker ("Hospitality Current Ashford University" -> "Ashford University")."""
    for section in ("not_completed", "in_progress"):
        hits = matcher("degrees", section, fuzzy=False).find(text)
        if hits:
            return text[hits[0].end :]
    return text


def _key(entry: EducationEntry) -> tuple[str, str]:
    return entry.level, " ".join(re.findall(r"[a-z]+", entry.field.lower())[:2])


def education_entries(view: ResumeView, degree: Degree | None = None) -> tuple[EducationEntry, ...]:
    """Every distinct degree, diploma, certificate or programme named, in résumé order. Lines naming the
    same level and field are one entry (web-page PDFs repeat them); ``degree`` (the highest, as the
    signals read it) lends its in-progress reason to the entry on its line."""
    entries: list[EducationEntry] = []
    seen: dict[tuple[str, str], int] = {}
    for index in range(len(view.lines)):
        if not _eligible(view, index):
            continue
        hits = _hits(view, index)
        for level, hit in hits:
            entry = _entry(view, index, level, hit)
            key = _key(entry)
            if key in seen:
                known = entries[seen[key]]
                if not known.field and entry.field:
                    entries[seen[key]] = entry
                continue
            seen[key] = len(entries)
            entries.append(entry)
        if all(level == "high_school" for level, _ in hits):
            unnamed = _unnamed(view, index)
            if unnamed is not None:
                entries.append(unnamed)
    if degree is not None and degree.in_progress and degree.evidence:
        main = degree.evidence[0]
        for pos, entry in enumerate(entries):
            ev = entry.evidence
            if (
                entry.completed
                and ev
                and (ev.page, ev.line) == (main.page, main.line)
                and entry.level == degree.level
            ):
                entries[pos] = dataclasses.replace(entry, completed=False, progress=degree.progress)
    return tuple(entries)
