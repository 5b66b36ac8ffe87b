"""Whether a text reads as a résumé at all: a README, a cover letter alone or a job posting does not.

Each sign is named and says why it was seen, so a doubt can be read and argued with. Résumé signs are section
headings of a résumé (with their variants, "Education and courses:", "Experience and participated
projects:"), dated jobs, a degree line and a contact line. Signs against are a letter's first-person prose
("Dear …", "I am writing"), a posting's language ("we are seeking", "responsibilities", "you will") and a
software manual's commands and code; a letter followed by a résumé's headings is a résumé with its
cover letter, not a letter. A text is doubtful when a sign against is present and it has no
dated job and fewer than four résumé signs, or when it reads as a manual; a text with no sign against is
never doubtful.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jobmatch.models import Document, Signals

__all__ = ["Sign", "doubt", "signs"]


@dataclass(frozen=True, slots=True)
class Sign:
    name: str  # e.g. "resume_headings"
    for_resume: bool  # True: a sign of a résumé; False: a sign of something else
    reason: str  # what was seen, quoted


_HEADING_WORDS = (
    r"(?:professional |work |relevant |employment |career |military |volunteer |teaching |research )?"
    r"(?:experience|employment|work history|history|education|academic|qualifications?|skills?|"
    r"competenc(?:e|ies)|certifications?|licen[cs]es?|summary|profile|objective|projects?|training|"
    r"courses|languages?|accomplishments|achievements|awards|honou?rs|publications|references|"
    r"interests|activities|affiliations|highlights|expertise|strengths|background)"
)
# A short line that starts with a heading word ("Education and courses:", "SKILLS", "Work Experience").
_HEADING = re.compile(rf"^\W{{0,3}}{_HEADING_WORDS}\b[\w ,&/()-]{{0,40}}:?\s*$", re.IGNORECASE)
_DEGREE = re.compile(
    r"\b(?:bachelor'?s?|master'?s?|b\.?\s?s\.?c?|b\.\s?a\.|b\.?b\.?a\.|m\.?\s?s\.?c?|m\.\s?a\.|mba|ph\.?\s?d|"
    r"associate'?s? (?:degree|of)|diploma|high school|ged|degree in|b\.?\s?tech|m\.?\s?tech|b\.?\s?e\.|"
    r"b\.?com|m\.?com|undergraduate|graduate of)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b")
_LETTER = re.compile(
    r"^\s*dear\b|\bi am writing\b|\bi am excited to apply\b|\bto whom it may concern\b|^\s*sincerely\b|"
    r"\bi would welcome the (?:opportunity|chance)\b|\bthank you for (?:your|considering)\b|"
    r"\bmy (?:enclosed|attached) (?:resume|résumé|cv)\b",
    re.IGNORECASE,
)
_POSTING = re.compile(
    r"\bwe are (?:seeking|looking for|hiring)\b|\bthe ideal candidate\b|\byou will\b|\byou'll\b|"
    r"\bwhat we offer\b|\bjob (?:description|summary|title)\s*:|\bequal opportunity employer\b|"
    r"^\W*(?:key |main |essential )?(?:responsibilities|requirements|duties)\b|\bto apply\b|"
    r"\b(?:is|are) (?:required|preferred)\b|\bmust have\b",
    re.IGNORECASE,
)
_MANUAL = re.compile(
    r"^\s*(?:\$ |```|pip install\b|make \w|git \w|python3? -m\b|\.venv/)|--[a-z][a-z-]+ [A-Z]{2,}\b",
)


def _first(pattern: re.Pattern[str], rows: list[str], limit: int = 1) -> list[str]:
    return [row.strip()[:60] for row in rows if pattern.search(row)][:limit]


def _phrases(pattern: re.Pattern[str], rows: list[str]) -> list[str]:
    """The different phrases ``pattern`` finds, in order: a heading repeated under every job counts once."""
    found = (m.group().strip(" :").lower() for row in rows for m in pattern.finditer(row))
    return list(dict.fromkeys(found))


def _resume_after_letter(rows: list[str]) -> bool:
    """``letter_then_resume``: a cover letter on top of a résumé in one file. Two or more different résumé
    headings after the letter's last phrase ("Sincerely, …" then "Experience", "Education") are the résumé
    itself; a letter alone ends with its signature."""
    last = max(k for k, row in enumerate(rows) if _LETTER.search(row))
    after = {row.strip().lower() for row in rows[last + 1 :] if len(row) <= 60 and _HEADING.match(row)}
    return len(after) >= 2


def signs(document: Document, facts: Signals) -> tuple[Sign, ...]:
    """Every sign seen in ``document`` (its lines) and in the facts extracted from it."""
    rows = [line.text for line in document.lines]
    found: list[Sign] = []
    headings = list(dict.fromkeys(row.strip() for row in rows if len(row) <= 60 and _HEADING.match(row)))
    if len(headings) >= 2:
        found.append(Sign("resume_headings", True, "headings " + ", ".join(repr(h) for h in headings[:3])))
    dated = [job for job in facts.jobs if job.start]
    if dated:
        found.append(Sign("dated_jobs", True, f"{len(dated)} dated job(s), e.g. {dated[0].title!r}"))
    degree = [row for row in rows if _DEGREE.search(row) and len(row) <= 200 and not _POSTING.search(row)]
    if degree:
        found.append(Sign("degree_line", True, f"degree line {degree[0].strip()[:60]!r}"))
    contact = _first(_EMAIL, rows) or _first(_PHONE, rows)
    if contact:
        found.append(Sign("contact_line", True, f"contact line {contact[0]!r}"))
    years = {m.group() for row in rows for m in _YEAR.finditer(row)}
    if len(years) >= 3:
        found.append(Sign("years", True, f"{len(years)} different years"))
    letter = _phrases(_LETTER, rows)
    if letter and not _resume_after_letter(rows):
        found.append(Sign("letter_prose", False, "letter prose " + ", ".join(repr(r) for r in letter[:3])))
    posting = _phrases(_POSTING, rows)
    if len(posting) >= 2:
        found.append(
            Sign("posting_language", False, "posting language " + ", ".join(repr(r) for r in posting[:3]))
        )
    manual = _first(_MANUAL, rows, 3)
    if len(manual) >= 3:
        found.append(
            Sign(
                "software_manual",
                False,
                "reads as a manual: commands " + ", ".join(repr(r[:30]) for r in manual[:2]),
            )
        )
    return tuple(found)


def doubt(document: Document, facts: Signals) -> str:
    """Why ``document`` does not read as a résumé ("" when it does): the signs against it and the résumé
    signs it lacks."""
    seen = signs(document, facts)
    names = {s.name for s in seen}
    for_resume = [s for s in seen if s.for_resume]
    against = [s for s in seen if not s.for_resume]
    # Three command lines (a manual) outweigh everything: no résumé reads like that.
    manual = "software_manual" in names
    # A text with no sign against it is given the benefit of the doubt, however short (a name and a skills
    # line is a résumé, if a thin one).
    if not against or (not manual and ("dated_jobs" in names or len(for_resume) >= _ENOUGH)):
        return ""
    parts = [s.reason for s in against]
    if not for_resume:
        parts.append("no résumé headings, dated jobs, degree or contact line")
    elif "dated_jobs" not in names:
        parts.append("no dated jobs")
    return "; ".join(parts)


# Signs of a résumé that outweigh a letter's or a posting's language when no job is dated: a posting has
# headings, a degree line and a contact address too, but rarely every one of them and many years.
_ENOUGH = 4
