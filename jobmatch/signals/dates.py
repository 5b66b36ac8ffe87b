"""Employment date ranges ("03/2016 - 08/2019", "Jan 2015 to Current", "2012 – 2014") and their months.

Months are counted on a month grid. "Current"/"Present" ends at the run's as-of date (:func:`parse_as_of`):
today by default, computed once per run by the caller, or the date given with ``--as-of`` for an old folder
(a 2016 résumé's "Current" job did not run until today). A range with only a start ("03/2019 – ",
"Since 2019") is an open range (:func:`find_open`); the work history decides whether it is still held.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12, "january": 1, "february": 2, "march": 3, "april": 4, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "spring": 4, "summer": 7, "fall": 10, "autumn": 10, "winter": 1,
}  # fmt: skip

_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|fall|autumn|winter)\.?"
)
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
# ``year_before_month``: "2019 october", "2020, June" (written year first, as some CVs do)
_POINT = (
    rf"(?:{_MONTH_NAME},?\s*'?{_YEAR}|(?:0?[1-9]|1[0-2])\s*[/\-.]\s*(?:\d{{1,2}}\s*/\s*)?{_YEAR}"
    rf"|{_YEAR},?\s+{_MONTH_NAME}(?![a-z])|{_YEAR})"
)
_NOW = r"(?:current(?:ly)?|present|now|to\s+date|date|today|ongoing)"
# ``dash_read_as_at``: the dash of some PDF fonts comes out of PDFium's text as "@" ("01/2007 @ 08/2015";
# pypdf reads the same glyph as "-"): between two dates, with spaces around it, it is a range.
_SEP = r"\s*(?:-|–|—|−|to|until|till|thru|through|~|(?<=\s)@(?=\s))\s*"
RANGE = re.compile(rf"(?<![\w/])(?P<start>{_POINT}){_SEP}(?P<end>{_POINT}|{_NOW})(?![\w/])", re.IGNORECASE)
POINT = re.compile(rf"(?<![\w/]){_POINT}(?![\w/])", re.IGNORECASE)
_NOW_RE = re.compile(_NOW, re.IGNORECASE)
# OPEN_RANGE: a start and a dash with nothing after it ("03/2019 – ", "2019 -|"), or "Since 2019": the end
# was left out, which résumés do for the job they still hold.
_OPEN_DASH = re.compile(rf"(?<![\w/])(?P<start>{_POINT})\s*(?:-|–|—|−|~)\s*(?:[|,;]\s*)?$", re.IGNORECASE)
_SINCE = re.compile(rf"\b(?:since|from)\s+(?P<start>{_POINT})(?![\w/])(?!{_SEP})", re.IGNORECASE)
# A month with its year ("June 2015", "06/2015"), not a bare year: dates one job on its own.
MONTH_POINT = re.compile(
    rf"(?<![\w/])(?:{_MONTH_NAME},?\s*'?{_YEAR}|(?:0?[1-9]|1[0-2])\s*[/\-.]\s*{_YEAR})(?![\w/])",
    re.IGNORECASE,
)
_AS_OF = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


@dataclass(frozen=True, slots=True)
class DateRange:
    start: int  # months since year 0 (year * 12 + month - 1)
    end: int | None  # None = "current"
    start_text: str
    end_text: str
    span: tuple[int, int]  # where in the line
    written: str = "range"  # "range" (start and end), "open" (start only, end left out), "since", "month"


def parse_point(text: str, *, is_end: bool = False) -> int | None:
    """Month index of one date; a bare year means January (start) or December (end)."""
    t = text.strip().lower().rstrip(".")
    year_m = re.search(_YEAR, t)
    if not year_m:
        return None
    year = int(year_m.group(0))
    month: int | None = None
    name = re.match(r"[a-z]+", t) or re.search(r"(?<=\d)[,\s]+([a-z]{3,})", t)
    if name:
        word = name.group(name.lastindex or 0)
        month = MONTHS.get(word) or MONTHS.get(word[:3])
    else:
        num = re.match(r"(\d{1,2})\s*[/\-.]", t)
        if num and year_m.start() > 0:
            value = int(num.group(1))
            month = value if 1 <= value <= 12 else None
    if month is None:
        month = 12 if is_end else 1
    return year * 12 + month - 1


def find_ranges(line: str) -> list[DateRange]:
    found: list[DateRange] = []
    for m in RANGE.finditer(line):
        start_text, end_text = m.group("start"), m.group("end")
        start = parse_point(start_text)
        end = None if _NOW_RE.fullmatch(end_text.strip()) else parse_point(end_text, is_end=True)
        if start is None:
            continue
        if end is not None and end < start:
            # Written latest first ("05/2017 to 04/1993"): the same span. Month-only slips inside one
            # year ("11/2015 - 02/2015") are typos we cannot resolve; they keep being skipped.
            if end // 12 == start // 12:
                continue
            start_text, end_text = end_text, start_text
            start, end = parse_point(start_text), parse_point(end_text, is_end=True)
            if start is None or end is None:
                continue
        if end is not None and end - start > 50 * 12:
            continue
        found.append(DateRange(start, end, start_text, end_text, m.span()))
    if not found:
        # ``glued_years``: "20182020" (a DOCX table's two cells read as one word): two years, the second not
        # before the first, are a range
        for g in _GLUED_YEARS.finditer(line):
            first, last = int(g.group(1)), int(g.group(2))
            if 0 <= last - first <= 45:
                found.append(DateRange(first * 12, last * 12 + 11, g.group(1), g.group(2), g.span()))
    return found


_GLUED_YEARS = re.compile(rf"(?<![\d/.,#-])({_YEAR})({_YEAR})(?![\d/.,-])")


def latest_point(lines: list[str], not_after: int | None = None, *, as_start: bool = False) -> int | None:
    """The latest explicit month mentioned anywhere: the résumé's own sense of "now". With ``not_after``,
    later months are left out (a course code "ACQ 2036" is no date anyone has reached). ``as_start``: a
    bare year is its January, the earliest it can mean ("2016 – Present" in a file of June 2016)."""
    best: int | None = None
    for line in lines:
        for m in POINT.finditer(line):
            value = parse_point(m.group(0), is_end=not as_start)
            if value is not None and not_after is not None and value > not_after:
                continue
            if value is not None and (best is None or value > best):
                best = value
    return best


def months_merged(intervals: list[tuple[int, int]]) -> int:
    """Total months covered by inclusive [start, end] intervals, overlaps counted once."""
    total = 0
    last_end = -1
    for start, end in sorted(intervals):
        if end <= last_end:
            continue
        start = max(start, last_end + 1)
        total += end - start + 1
        last_end = end
    return total


def month_label(value: int | None) -> str:
    if value is None:
        return "present"
    return f"{value // 12:04d}-{value % 12 + 1:02d}"


def find_open(line: str) -> DateRange | None:
    """A range whose end was left out ("03/2019 – ", "Since 2019"); ``end`` is None until the work
    history decides whether the job is still held (see ``roles.find_jobs``)."""
    for pattern, written in ((_SINCE, "since"), (_OPEN_DASH, "open")):
        m = pattern.search(line)
        if m is not None:
            start = parse_point(m.group("start"))
            if start is not None:
                return DateRange(start, None, m.group("start"), "", m.span(), written)
    return None


def find_month(line: str) -> DateRange | None:
    """One month with its year and no range ("Sales Associate, June 2015"): a one-month span."""
    m = MONTH_POINT.search(line)
    if m is None:
        return None
    start = parse_point(m.group(0))
    if start is None:
        return None
    return DateRange(start, start, m.group(0), m.group(0), m.span(), "month")


def parse_as_of(text: str) -> int:
    """The month index of an as-of date "YYYY-MM" or "YYYY-MM-DD"; ValueError when it is not one."""
    m = _AS_OF.match(text.strip())
    if m is None:
        raise ValueError(f"not a date (YYYY-MM or YYYY-MM-DD): {text!r}")
    year, month = int(m.group(1)), int(m.group(2))
    day = int(m.group(3)) if m.group(3) else 1
    try:
        date(year, month, day)
    except ValueError:
        raise ValueError(f"not a date (YYYY-MM or YYYY-MM-DD): {text!r}") from None  # "2019-13"
    return year * 12 + month - 1


def present_as_of(as_of: str, dated: str, latest: int | None) -> str:
    """``present_ends_when_written``: where a résumé's "Present" ends. A résumé says "Present" on the day
    it was written, so a file whose metadata dates it (``Document.dated``, "YYYY-MM") before the run's
    ``as_of`` ends its "Present" there: a 2018 file's "2016 – Present" is two years, not ten. The date is
    believed only when it is not before the latest month the résumé itself states (``latest``): a file
    dated before its own last job started carries a template's or a converter's date, not its own."""
    if not dated:
        return as_of
    try:
        written, run = parse_as_of(dated), parse_as_of(as_of)
    except ValueError:
        return as_of
    if written >= run or (latest is not None and written < latest):
        return as_of
    return f"{written // 12:04d}-{written % 12 + 1:02d}"


def today() -> date:
    """The clock, in one place (tests pin it)."""
    return date.today()


def as_of_label(value: str = "") -> str:
    """The as-of date of a run: ``value`` checked ("YYYY-MM" or "YYYY-MM-DD", as given), or this month
    ("YYYY-MM": months are what is counted, so a run's results and cache keys change once a month)."""
    if value:
        parse_as_of(value)
        return value.strip()
    day = today()
    return f"{day.year:04d}-{day.month:02d}"
