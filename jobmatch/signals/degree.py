"""Highest degree: level, field, whether the field is business-related, whether it is still in progress."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from jobmatch.models import Degree, Evidence, Method
from jobmatch.signals.dates import POINT
from jobmatch.signals.roles import Job
from jobmatch.signals.view import ResumeView, is_negated
from jobmatch.signals.vocab import Hit, load_vocabulary, matcher

LEVELS = ("high_school", "associate", "bachelor", "master", "doctorate")
_LEVEL_RANK = {name: i for i, name in enumerate(LEVELS)}

# Undotted abbreviations that are also ordinary words or state codes ("MS Office", "Boston, MA", "as"):
# they count only upper-case, at the start of a clause, and followed by a field or separator.
_SHORT = re.compile(r"^[a-z]{2,4}$")
_YEAR_END = re.compile(r"\b(?:19|20)\d\d$")
_NOT_DEGREE_AFTER = re.compile(
    r"^\s*(?:office|excel|word|access|project|sql|dynamics|windows|outlook|powerpoint|visio|teams|dos|edwards|"
    r"power)\b",  # "MS Office", "J.D. Power and Associates"
    re.I,
)
# ``inside_a_longer_abbreviation``: "B.A." in "M.B.A." or "B.S." in "M.S.B.A." is that degree's tail, not a
# second degree.
_DOTTED_BEFORE = re.compile(r"[A-Za-z]\.$")
_FIELD_AFTER = re.compile(r"^\s*(?:[:,(\-–]|in\b|of\b|degree\b|[A-Z][a-z]|[A-Z]{2,4}\s*:)")
_BARE = {"associate", "bachelor"}  # "Associate : Business" is a degree only inside Education
_VERBS = {"master", "masters"}  # lower-case outside Education: "learns and masters new skills"
_SCHOOL = re.compile(r"\b(?:university|college|institute|school|academy|univ\.?)\b", re.I)
_FIELD_LEAD = re.compile(
    r"^\s*(?:degree\b|diploma\b)?\s*(?:(?:of|in)\s+)?"
    r"(?:(?:science|arts|applied science|fine arts|applied arts)(?=\s*(?:[:,\-–(]|in\b|degree\b|$|\d)))?"
    r"\s*(?:degree\b)?\s*(?:[:,\-–(]|\bin\b)?\s*",
    re.I,
)
_FIELD_STOP = re.compile(
    rf"\s*(?:\b(?:19|20)\d\d\b|{POINT.pattern}|\b(?:university|college|institute|school|academy)\b|"
    r"\b(?:expected|current|currently|present|graduated|gpa|g\.p\.a|city|state|company name)\b|"
    r"\b(?:cum|magna|summa)\b|"
    r"\bcoursework\b|(?<![\w.])\d|(?<=[a-z]{4})\.\s+(?=[A-Z])|[|;(,—]|\s-\s|\s–\s)",
    re.I,
)
# SCHOOL_AS_FIELD: "School" opening the field and not "School of …" is the field's own word
# ("Master of Science : School and District Administration", "School Counseling").
_SCHOOL_AS_FIELD = re.compile(r"^\s*school\b(?!\s+of\b)", re.I)
# Words that end a school's name just before its school word ("Saddleback Community College").
_SCHOOL_NAME_TAIL = frozenset({"community", "state", "technical", "junior", "polytechnic", "city", "the"})
_FIELD_JOINERS = frozenset({"and", "of", "in", "&", "the", "with", "for", "to"})
# Words of a degree's own name, never a field on their own ("Associate of Arts", "Science Degree").
_DEGREE_NAME_WORDS = frozenset(
    {"science", "sciences", "arts", "art", "applied", "degree", "associate", "associates", "bachelor",
     "bachelors", "master", "masters", "of", "in", "and", "diploma", "general"}
)  # fmt: skip
_FIELD_IMPLIED = re.compile(
    r"\b(?:mba|m\.b\.a|emba|bba|b\.b\.a|bsba|b\.s\.b\.a|b\.?com|m\.?com|dba|d\.b\.a)\b|business", re.I
)


def _level_hits(text: str) -> list[tuple[str, Hit]]:
    found: list[tuple[str, Hit]] = []
    for level in LEVELS:
        for hit in matcher("degrees", level, fuzzy=len(text) < 200).find(text):
            found.append((level, hit))
    return found


def _plausible(view: ResumeView, index: int, text: str, hit: Hit) -> bool:
    matched = hit.matched
    after = text[hit.end :]
    in_education = view.sections[index] == "education"
    if matched.lower() in _BARE and not in_education:
        return False
    if matched in _VERBS and not in_education:
        return False  # "quickly learns and masters new concepts"
    if hit.method is Method.FUZZY and not in_education and view.has_section("education"):
        return False  # a near-spelling away from the degrees: "matters at all times"
    if hit.method is Method.FUZZY and _SCHOOL_WORD.match(after):
        return False  # ``school_name_is_no_typo``: "Baruch College" is a college's name, not "bachelor"
    if _NOT_DEGREE_AFTER.match(after):
        return False
    if "." in matched and _DOTTED_BEFORE.search(text[: hit.start]):
        return False
    if _SHORT.match(matched.lower()) and "." not in matched:
        # ``mixed_case_degree``: "BSc", "MSc", "BCom" have two capitals; "Ms", "Ba" are other words
        if matched != matched.upper() and sum(ch.isupper() for ch in matched) < 2:
            return False
        before = text[: hit.start].rstrip()
        # ``year_before_degree``: "Benedict College 2013 BS : Business Administration" (school, year, degree)
        after_year = bool(_YEAR_END.search(before)) and bool(_FIELD_AFTER.match(after))
        if (
            before
            and before[-1] not in "•|;(-–:"
            and not before.endswith(("Degree", "degree"))
            and not after_year
        ):
            return False
        if not (_FIELD_AFTER.match(after) or not after.strip()):
            return False
        if not (in_education or not view.has_section("education")) and not _SCHOOL.search(text):
            return False
    return True


_SCHOOL_WORD = re.compile(r"^\s*(?:university|college|institute|school|academy)\b", re.I)
_AFTER_SCHOOL = re.compile(r"^[^-–,]{0,60}?\s[-–]\s+(.+)")  # "University of Guadalajara - Accounting …"


def _field_after(text: str, hit: Hit) -> str:
    """The field of study written after the degree name ("B.S. in Marketing, 2012" -> "Marketing")."""
    rest = text[hit.end :]
    rest = _FIELD_LEAD.sub("", rest, count=1)
    own = _SCHOOL_AS_FIELD.match(rest)
    stop = _FIELD_STOP.search(rest, own.end() if own else 0)
    field = rest[: stop.start()] if stop else rest
    field = field.strip(" ,:;.-–")
    at_school = bool(stop and _SCHOOL_WORD.match(rest[stop.start() :]))
    if at_school:
        field = clean_field(field, before_school=True)
    if stop and _SCHOOL_WORD.match(rest[stop.start() :]):
        if _FIELD_IMPLIED.search(hit.matched):
            return "Business Administration"  # "MBA, UCLA Anderson School": the words before are the school's
        # "Bachelor of Arts : Autonomous University of Guadalajara - Accounting City, State": the major
        # follows the school, and the words before it were the school's name.
        after = _AFTER_SCHOOL.search(rest[stop.start() :])
        tail = after.group(1) if after else ""
        stop_after = _FIELD_STOP.search(tail)
        major = (tail[: stop_after.start()] if stop_after else tail).strip(" ,:;.-–")
        # Not a campus: "University of South Carolina - Upstate - City, State" names no major, while
        # "University - Business Management - Marketing" names one (a field we know, then a concentration).
        another = stop_after is not None and tail[stop_after.start() :].lstrip().startswith(("-", "–"))
        campus = another and not matcher("degrees", "related_fields", fuzzy=False).find(major)
        if major and not campus:
            return clean_field(" ".join(major.split()[:8]))
    return clean_field(" ".join(field.split()[:8]))


def _field_of(view: ResumeView, index: int, hit: Hit, *, longest: int = 80) -> str:
    """The field of the degree ``hit`` names on line ``index``: after the degree name, or on the next line
    (shorter than ``longest``) when that continues the entry ("Bachelor of Science" / "Marketing, 2012")."""
    field = _field_after(view.lines[index].text, hit)
    following = _continuation(view, index)
    if following and not field and len(following) < longest:
        # The next line names the field only where it starts with a name ("Marketing, 2012"), not with
        # a date, a number or prose ("Fall 2006", "3.0 GPA", "at the same time").
        part = following.split(":")[-1].strip(" ,.;")
        stop = _FIELD_STOP.search(part)
        head = part[: stop.start()] if stop else part
        if head[:1].isupper() and _names_a_field(head):
            field = clean_field(
                " ".join(head.split()[:8]),
                before_school=bool(stop and _SCHOOL_WORD.match(part[stop.start() :])),
            )
    return field


@cache
def _field_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words that name fields of study, and the place names (data/fields.txt)."""
    vocab = load_vocabulary("fields")
    fields = {w for term in vocab.flat("terms") for w in re.findall(r"[a-z']+", term)}
    places = frozenset(vocab.flat("places"))
    return frozenset(fields), places


def _names_a_field(text: str) -> bool:
    """A word of the field vocabulary in ``text``: a line below a degree names its field only then
    ("Marketing, 2012", not "Activities and Honors" or "Member of Columbus")."""
    fields, _ = _field_words()
    return bool(set(re.findall(r"[a-z']+", text.lower())) & fields)


def _trim_places(words: list[str]) -> list[str]:
    _, places = _field_words()
    while words:
        for size in (3, 2, 1):
            tail = " ".join(words[-size:]).lower().strip(" ,.")
            if len(words) >= size and tail in places:
                del words[-size:]
                break
        else:
            return words
    return words


def clean_field(field: str, *, before_school: bool = False) -> str:
    """FIELD_NOT_A_NAME: a degree's field as written, without what is not a field: trailing places
    ("Marketing California"), a school's name before its school word (``before_school``: "Psychology
    East Carolina" University -> "Psychology"), and "" for what is only a place, a number or the degree's
    own words ("Georgia", "3.0", "Associate of Arts")."""
    fields, _ = _field_words()
    words = field.split()
    while words and (words[0][:1].islower() or words[0].lower() in _FIELD_JOINERS):
        words.pop(0)  # "for consecutive terms", "as Fashion Co-ordination": prose before any name
    words = _trim_places(words)
    if before_school:
        while words and words[-1].lower().strip(".,") in _SCHOOL_NAME_TAIL:
            words.pop()
        while words and not (set(re.findall(r"[a-z']+", words[-1].lower())) & fields):
            words.pop()  # "East Carolina", "Mount Saint Mary's": the school's name, not a field word
        words = _trim_places(words)
    while words and words[-1].lower() in _FIELD_JOINERS:
        words.pop()
    plain = [w.lower().strip(".,:;()") for w in words]
    prose = [w for w in words if w[:1].islower() and w not in _FIELD_JOINERS]
    if len(prose) * 2 > len(words):
        return ""  # "I also have a": a sentence, not a name
    if not any(re.search(r"[^\W\d_]{2}", w) for w in plain):
        return ""
    if all(w in _DEGREE_NAME_WORDS or not w for w in plain):
        return ""
    return " ".join(words).strip(" ,:;.-–&")


def _related(text: str) -> bool:
    if matcher("degrees", "unrelated_overrides", fuzzy=False).find(text):
        return False
    return bool(matcher("degrees", "related_fields", fuzzy=False).find(text)) or bool(
        _FIELD_IMPLIED.search(text)
    )


# ``marker_inside_a_schools_name``: "Officer Candidate School", "Naval Aircrew Candidate School": the word
# just before the school's word, in capitals like it, is part of its name, not the candidate's status
# ("Current Ashford University" still is).
_NAME_GOES_ON = re.compile(r"^\s+(?:School|Academy)\b")


def progress_hits(section: str, text: str) -> list[Hit]:
    """The markers of ``section`` (in_progress, not_completed) in ``text``, but any inside a school's name."""
    hits = matcher("degrees", section, fuzzy=False).find(text)
    return [h for h in hits if not (h.matched[:1].isupper() and _NAME_GOES_ON.match(text[h.end :]))]


def _progress_marker(text: str) -> str:
    """The in-progress word on a degree entry ("expected", "current"), "" when there is none."""
    hits = progress_hits("in_progress", text)
    return hits[0].matched if hits else ""


def _not_completed(text: str) -> bool:
    """A marker that the studies on an entry were left unfinished ("degree not completed")."""
    return bool(matcher("degrees", "not_completed", fuzzy=False).find(text))


def _continuation(view: ResumeView, index: int) -> str:
    """The next line when it continues the degree entry at ``index`` ("Bachelor of Science" / "Marketing,
    2012"); "" when it starts another entry (another degree, or another school after this one's)."""
    if index + 1 >= len(view.lines) or view.sections[index + 1] != view.sections[index]:
        return ""
    following = view.lines[index + 1].text
    if _level_hits(following) or (_SCHOOL.search(following) and _SCHOOL.search(view.lines[index].text)):
        return ""
    return following


def _entries(view: ResumeView, level: str, indexes: list[int]) -> list[str]:
    """The text of each distinct degree at ``level``: lines naming the same field are one degree (web-page
    PDFs repeat "A.A. : Business Management" / "... A.A. in Business Management, expected 2016"), and a
    line naming no field belongs to the entry just above it."""
    entries: dict[str, str] = {}
    previous, previous_key = -2, ""
    for i in sorted(set(indexes)):
        line = view.lines[i].text
        following = _continuation(view, i)
        hits = [hit for lvl, hit in _level_hits(line) if lvl == level]
        field = _field_after(line, hits[0]) if hits else ""
        key = " ".join(re.findall(r"[a-z]+", (field or following).lower())[:2])
        if not key and i == previous + 1:
            key = previous_key
        entries[key] = f"{entries.get(key, '')} {line} {following}"
        previous, previous_key = i, key
    return list(entries.values())


# "a high school student", "MBA student", "undergraduate student": the candidate says they are studying.
_STUDENT = re.compile(
    r"\b(high[\s-]school|college|university|undergraduate|bachelor'?s|graduate|master'?s|mba|ph\.?d\.?|doctoral)"
    r"\s+student\b",
    re.I,
)
_STUDENT_LEVEL = {
    "high school": "high_school",
    "high-school": "high_school",
    "college": "bachelor",
    "university": "bachelor",
    "undergraduate": "bachelor",
    "bachelors": "bachelor",
    "bachelor's": "bachelor",
    "graduate": "master",
    "masters": "master",
    "master's": "master",
    "mba": "master",
}


def _student_levels(view: ResumeView) -> dict[str, int]:
    """Levels the candidate says they are studying for, in their own words about themselves (summary,
    objective, education), not in duties ("tutored high school students"), each with the line saying so."""
    levels: dict[str, int] = {}
    for index, line in enumerate(view.lines):
        if view.sections[index] not in ("summary", "education", ""):
            continue
        for m in _STUDENT.finditer(line.text):
            if not is_negated(line.text, m.start()):
                word = " ".join(m.group(1).lower().split())
                levels.setdefault(_STUDENT_LEVEL.get(word, "doctorate"), index)
    return levels


# A post only graduate students hold. "Research assistant" alone is not one: undergraduates hold it too.
_GRADUATE_POST = re.compile(
    r"\b(?:graduate\s+(?:research\s+|teaching\s+)?assistant|graduate\s+(?:student|researcher)"
    r"|(?:doctoral|ph\.?\s?d\.?)\s+(?:candidate|student|researcher))\b",
    re.I,
)
_YEAR_IN = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
# The fewest years after high school in which a degree at each level can be finished.
_MIN_YEARS_AFTER_SCHOOL = {"associate": 2, "bachelor": 3, "master": 4, "doctorate": 6}


def _years(text: str) -> list[int]:
    return [int(y) for y in _YEAR_IN.findall(text)]


def _graduate_post(view: ResumeView, level: str, entries: list[str], jobs: Sequence[Job]) -> int | None:
    """The line of a graduate post the candidate still holds ("Graduate Research Assistant 07/2013 to
    Current") when the highest degree is a graduate one that no entry shows finished before the post
    began: the candidate is studying for it now."""
    if level not in ("master", "doctorate"):
        return None
    for job in jobs:
        if job.dates is None or job.dates.end is not None or not _GRADUATE_POST.search(job.title):
            continue
        began = job.dates.start // 12
        if all(year >= began for entry in entries for year in _years(entry)):
            return job.title_index
    return None


def _too_soon_after_school(
    view: ResumeView, level: str, entries: list[str], latest: int, schools: list[int]
) -> int | None:
    """The high-school line (of ``schools``) when it ended too recently for a degree at ``level`` to be
    finished by the résumé's latest date (school 2016, latest date 2017: a bachelor's with no year of its
    own is still under way)."""
    minimum = _MIN_YEARS_AFTER_SCHOOL.get(level)
    if minimum is None:
        return None
    now = latest // 12
    if any(year <= now for entry in entries for year in _years(entry)):
        return None
    for index in schools:
        years = _years(view.lines[index].text)
        if view.sections[index] == "education" and years and now - max(years) < minimum:
            return index
    return None


_NAME_JOINERS = {"and", "of", "in", "&", "the", "for"}


def _name_part(field: str) -> str:
    """The field's name up to the first lower-case word that is not a joiner: a described degree ("The
    B.S. in Leadership and Cultural Studies develops proficiency in communication") names only
    "Leadership and Cultural Studies"."""
    words: list[str] = []
    for word in field.split():
        if word[:1].islower() and word not in _NAME_JOINERS:
            break
        words.append(word)
    return " ".join(words).strip(" ,&")


def _other_related(view: ResumeView, level_lines: dict[str, list[int]]) -> tuple[int, Hit, str, str] | None:
    """The first bachelor's-or-higher degree in a related field: its line, hit, level and field. Only in
    Education when there is one: a summary quoting an ad ("requires a Bachelor's in Business") is not."""
    education = view.has_section("education")
    for level in ("doctorate", "master", "bachelor"):
        for index in sorted(set(level_lines.get(level, []))):
            if education and view.sections[index] != "education":
                continue
            text = view.lines[index].text
            for found, hit in _level_hits(text):
                if found != level:
                    continue
                # Any length of continuation: only its capitalised name part is read.
                field = _name_part(_field_of(view, index, hit, longest=10_000))
                if _related(f"{hit.matched} {field}"):
                    return index, hit, level, field or hit.matched
    return None


def _unnamed_studies(view: ResumeView) -> Degree:
    """No degree named: studies under way at a school ("Social Science Current Ashford University") still
    say the education is in progress, at an unknown level."""
    for index, line in enumerate(view.lines):
        if view.sections[index] != "education" or not _SCHOOL.search(line.text):
            continue
        hits = matcher("degrees", "in_progress", fuzzy=False).find(line.text)
        if hits:
            return Degree(
                level="unknown",
                in_progress=True,
                evidence=(view.evidence(index, hits[0]),),
                progress=f"marked '{hits[0].matched}'",
            )
    return Degree(level="unknown")


def _same_line(a: Evidence, b: Evidence) -> bool:
    return (a.page, a.line) == (b.page, b.line)


def _second(ordered: list[Evidence], quote: Evidence) -> list[Evidence]:
    """``quote`` right after the degree's own line, and not again further down."""
    return [ordered[0], quote] + [e for e in ordered[1:] if not _same_line(e, quote)]


_Best = tuple[int, int, Hit, str]  # (rank, line index, hit, level)
_FULL_NAME_FIELD = re.compile(r"^\s*(?:degree\s+)?(?:in|of)\s+[A-Z]")  # "Bachelors in Social Ecology"


def _scan(
    view: ResumeView, *, elsewhere: bool, unfinished: frozenset[str] = frozenset()
) -> tuple[_Best | None, dict[str, list[int]], list[Evidence]]:
    """The highest plausible degree, the lines naming each level, and up to four quoted lines.

    Degree words outside Education are mostly duties ("assisted master's students"): there only full
    degree names with a school on the line count, or, with ``elsewhere`` (Education names none), a degree
    name followed by its field ("Bachelors in Social Ecology") outside the work history."""
    has_education = view.has_section("education")
    best: _Best | None = None
    level_lines: dict[str, list[int]] = {}
    evidence: list[Evidence] = []
    for index, line in enumerate(view.lines):
        section = view.sections[index]
        outside = has_education and section not in ("education", "certifications", "summary", "")
        if outside and not _SCHOOL.search(line.text) and (not elsewhere or section == "experience"):
            continue
        for level, hit in _level_hits(line.text):
            if level in unfinished or not _plausible(view, index, line.text, hit):
                continue
            if elsewhere and outside and not _FULL_NAME_FIELD.match(line.text[hit.end :]):
                continue
            rank = _LEVEL_RANK[level]
            level_lines.setdefault(level, []).append(index)
            # At one level, the Education line names the degree better than a summary that mentions it.
            better = best is None or rank > best[0]
            if best is not None and rank == best[0] and section == "education":
                better = view.sections[best[1]] != "education"
            if better:
                best = (rank, index, hit, level)
            if len(evidence) < 4 and all(e.line != line.number or e.page != line.page for e in evidence):
                evidence.append(view.evidence(index, hit))
    return best, level_lines, evidence


def extract_degree(view: ResumeView, jobs: Sequence[Job] = (), latest: int | None = None) -> Degree:
    """The highest degree level found, its field and status, with the quoted lines. ``jobs`` (the work
    history) and ``latest`` (the latest month the résumé mentions) date the studies."""
    unfinished: frozenset[str] = frozenset()
    while True:
        best, level_lines, evidence = _scan(view, elsewhere=False, unfinished=unfinished)
        if best is None and view.has_section("education"):
            # Education names no degree ("Social Ecology, 2004 University of California"): a full degree
            # name elsewhere ("Bachelors in Social Ecology" under Qualifications) is the candidate's own.
            best, level_lines, evidence = _scan(view, elsewhere=True, unfinished=unfinished)
        if best is None:
            return _unnamed_studies(view)
        _, index, hit, level = best
        # NOT_COMPLETED: a level every entry of which says it was left unfinished ("degree not completed",
        # "18 credit hours toward Master's") is not held; the next level down is the highest.
        # ("Some college" on a high school's line speaks of later studies.)
        entries = _entries(view, level, level_lines.get(level, [index]))
        if level == "high_school" or not all(_not_completed(e) for e in entries):
            break
        unfinished |= {level}
    field = "" if level == "high_school" else _field_of(view, index, hit)
    # Still in progress: a marker ("expected", "current", "pending") on the entry naming the degree. The
    # highest degree is in progress only when no entry at its level is finished: a master's "in progress"
    # beside a finished MBA is a second master's. (A graduation year later than the last job is not a
    # marker: many people study after working.)
    entries = _entries(view, level, level_lines.get(level, [index]))
    markers = [_progress_marker(entry) for entry in entries]
    progress, progress_line = "", -1
    if all(markers):
        progress = f"marked '{markers[0]}'"
    elif level in (student := _student_levels(view)):
        progress, progress_line = "says they are a student at this level", student[level]
    elif (post := _graduate_post(view, level, entries, jobs)) is not None:
        progress, progress_line = "holds a graduate post to this day", post
    elif (
        latest is not None
        and (
            school := _too_soon_after_school(view, level, entries, latest, level_lines.get("high_school", []))
        )
        is not None
    ):
        finished = max(_years(view.lines[school].text))
        progress = f"high school finished in {finished}, too recently to hold it by {latest // 12}"
        progress_line = school
    related = level != "high_school" and level != "associate" and _related(f"{hit.matched} {field}")
    main = view.evidence(index, hit)
    ordered = [main] + [e for e in evidence if not _same_line(e, main)]
    related_degree = ""
    if not related and _LEVEL_RANK[level] > _LEVEL_RANK["associate"]:
        # A related bachelor's or above that is not the highest still meets "a degree in business,
        # marketing or a related field": the JD whose B.S. is in Mass Communications.
        other = _other_related(view, level_lines)
        if other is not None:
            line_index, other_hit, other_level, other_field = other
            related, related_degree = True, f"{other_level} in {other_field}"
            ordered = _second(ordered, view.evidence(line_index, other_hit))
    if progress_line >= 0:
        ordered = _second(ordered, view.evidence(progress_line, method=Method.INFERRED))
    return Degree(
        level=level,
        field=field,
        field_related=related,
        in_progress=bool(progress),
        evidence=tuple(ordered[:4]),
        progress=progress,
        related_degree=related_degree,
    )
