"""Blind review (``--blind``): the one place where who a candidate is gets taken out of a result.

Scoring never reads any of it: redaction runs on finished results, after ranking, before any renderer sees
them, so every format (and ``explain``, ``report``, ``text``) shows the same redacted data and the scores
and the order are those of the unblinded run. What goes:

* the candidate's name (as found, and the words of the file's name that the résumé's first lines repeat,
  since a file is usually named after the person) wherever it appears, quotes included;
* e-mail addresses; phone numbers in the national formats of the regions in :data:`PHONE_REGIONS` and any
  international number (Google's ``phonenumbers`` library, validated against its numbering plans);
* street addresses ("1420 W. Elm Street, Apt 3"), "City, ST 12345" and UK postcodes, and on a contact
  line (one with an e-mail, a phone or a link) the "City, ST" beside them;
* links of any kind: URLs, ``www.`` hosts, profile hosts (LinkedIn, GitHub, …) and bare ``site.com/...``;
* the file's name and path, and the document's metadata title;
* with ``schools``: school names (those the résumé's education entries name and any "… University",
  "College of …", "… High School") and the years on education lines (graduation years).

The candidate is shown as :func:`candidate_id`: "cand-" and the first 8 hex digits of the SHA-256 of the
file's bytes, the same for the same file in every run and on every machine.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path, PurePath
from typing import TypeVar, overload

from jobmatch.models import (
    CandidateResult,
    Document,
    EducationEntry,
    Evidence,
    Ranking,
    Requirement,
    Skipped,
)

__all__ = [
    "BlindCandidates",
    "BlindOptions",
    "Redactor",
    "blind_document",
    "blind_ranking",
    "blind_result",
    "blind_text",
    "candidate_id",
    "file_id",
    "redactor_for",
]

NAME = "[name]"
EMAIL = "[e-mail]"
PHONE = "[phone]"
ADDRESS = "[address]"
LINK = "[link]"
SCHOOL = "[school]"
YEAR = "[year]"

# Regions whose national formats are recognised ("(213) 555-0108", "020 7946 0958", "0412 345 678");
# a number written with its "+country" prefix is found whatever its region.
PHONE_REGIONS = ("US", "GB", "AU", "IN", "IE", "NZ", "ZA", "PH", "NG", "DE", "FR", "ES", "IT", "MX", "BR")
HEADER_LINES = 6  # the résumé's first lines, where a name from the file name is looked for
# Words of file names that are not a person's: "resume-final-2.pdf" names nobody.
FILE_WORDS = frozenset(
    [
        "resume",
        "résumé",
        "cv",
        "curriculum",
        "vitae",
        "final",
        "draft",
        "updated",
        "update",
        "new",
        "copy",
        "version",
        "application",
        "cover",
        "letter",
        "the",
        "and",
        "for",
        "job",
        "applicant",
        "candidate",
        "document",
        "scan",
        "scanned",
        "file",
    ]
)
MIN_DIGITS = 7  # fewer digits than this is never a phone number: the phone matcher is not even run

_EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_PROFILE_HOSTS = (
    "linkedin|github|gitlab|bitbucket|behance|dribbble|twitter|x|facebook|instagram|medium|"
    "stackoverflow|about\\.me|angel|wellfound|kaggle|youtube|tiktok|pinterest|indeed|glassdoor|"
    "wordpress|wixsite|squarespace|carrd|notion|linktr"
)
_TLDS = "com|net|org|io|me|co|dev|info|biz|us|uk|ca|au|in|de|fr|es|it|nl|eu|app|site|online|tech|page|ly"
_LINK = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"')\]|,;]+"  # anything with a scheme or www.
    rf"|\b(?:[\w-]+\.)*(?:{_PROFILE_HOSTS})\.[a-z]{{2,}}(?:/[^\s<>\"')\]|,;]*)?"  # profile hosts
    # site.com/path, and a bare site.com written in lower case: "Salesforce.com" is a product
    rf"|\b[\w-]+(?:\.[\w-]+)*\.(?-i:{_TLDS})/[^\s<>\"')\]|,;]*"
    rf"|\b(?-i:[a-z0-9][a-z0-9-]*)(?:\.[\w-]+)*\.(?-i:{_TLDS})\b",
    re.IGNORECASE,
)
_STREET_TYPES = (
    "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Terrace|Ter|"
    "Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Crescent|Close|Row|Loop|Alley|Plaza|Pike"
)
_STREET = re.compile(
    r"\b\d{1,6}[A-Za-z]?(?:-\d+)?\s+(?:[NSEW]\.?\s+|North\s+|South\s+|East\s+|West\s+)?"
    r"(?:[A-Z0-9][\w'.-]*\s+){0,4}"
    rf"(?:{_STREET_TYPES})\b\.?"
    # "2010 Federal Way High School": the school's name, not an address
    r"(?!\s+(?:High\s+School|School|College|University|Academy|Institute|Mall|Cent(?:er|re)|Hospital))"
    r"(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|Fl|Floor|#)\.?\s*#?[\w-]+)?"
)
_PO_BOX = re.compile(r"\bP\.?\s?O\.?\s+Box\s+\d+\b", re.IGNORECASE)
_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|"
    "ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|ON|QC|BC|AB|MB|NS|NB|SK|NL|PE"
)
_CITY = r"(?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*"
_CITY_ZIP = re.compile(rf"\b{_CITY},\s*(?:{_STATES})\.?\s+\d{{5}}(?:-\d{{4}})?\b")
_CITY_STATE = re.compile(rf"\b{_CITY},\s*(?:{_STATES})\b(?!\.\w)")
_UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b")
_CAMPUS = r"(?:,?\s+(?:at|in|[-–—])\s+[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})?"  # "… at Austin"
_SCHOOL = re.compile(
    r"\b(?:University|College|Institute|Academy|Polytechnic)\s+of(?:\s+(?:the\s+)?[A-Z][\w.&'-]*){1,5}"
    + _CAMPUS
    + r"|\b(?:[A-Z][\w.&'-]*\s+){1,5}"
    r"(?:University|College|Institute|Academy|Polytechnic|High\s+School|School)"
    r"\b(?:\s+of(?:\s+[A-Z][\w.&'-]*){1,4})?" + _CAMPUS
)
# "High School Diploma", "College Degree": a level, not a school, when nothing names the school.
_NOT_SCHOOL_LEAD = re.compile(r"^(?:High|Community|Business|Graduate|Nursing|Some|The|A|An)\s", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d/.-])(?:19|20)\d{2}(?![\d])")
_PHONE_RUN = re.compile(r"[+(]?\d[\d\s().\-–]{5,}\d")
_YEAR_SPAN = re.compile(r"(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d")


@dataclass(frozen=True, slots=True)
class BlindOptions:
    schools: bool = False  # --blind-schools: school names and graduation years go too


def candidate_id(data: bytes) -> str:
    """The stable id a blind review shows for a file: from its bytes only, never its name."""
    return "cand-" + hashlib.sha256(data).hexdigest()[:8]


def file_id(path: str) -> str:
    """:func:`candidate_id` of the file at ``path``; for a file that cannot be read (it was skipped for
    that), an id from its path's hash, which shows nothing of the name either."""
    from jobmatch.documents import read_bytes
    from jobmatch.errors import JobmatchError

    try:
        return candidate_id(read_bytes(Path(path)))
    except (JobmatchError, OSError, ValueError):
        return "file-" + hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()[:8]


def _could_be_phone(text: str) -> bool:
    """Whether ``text`` has a run of digits and phone punctuation with enough digits to be a number, other
    than a span of years ("2015 - 2018"): the phone matcher is slow, and most lines have none."""
    for run in _PHONE_RUN.finditer(text):
        found = run.group(0)
        if sum(ch.isdigit() for ch in found) >= MIN_DIGITS and not _YEAR_SPAN.fullmatch(found.strip()):
            return True
    return False


@functools.lru_cache(maxsize=1 << 14)  # one quote is shown under several requirements
def _phone_spans(text: str) -> tuple[tuple[int, int], ...]:
    if not _could_be_phone(text):
        return ()
    import phonenumbers

    spans = []
    for region in PHONE_REGIONS:
        for found in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
            raw = found.raw_string
            # "06/2024 - 06/2025" passes as a valid US number: a date or a run of years is not a phone.
            if "/" in raw or (not raw.startswith("+") and len(_YEAR.findall(raw)) >= 2):
                continue
            spans.append((found.start, found.end))
    return tuple(spans)


def _replace_spans(text: str, spans: Sequence[tuple[int, int]], marker: str) -> str:
    if not spans:
        return text
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, at = [], 0
    for start, end in merged:
        out.append(text[at:start])
        out.append(marker)
        at = end
    out.append(text[at:])
    return "".join(out)


def _word_pattern(words: Sequence[str], *, any_case: bool) -> re.Pattern[str] | None:
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not unique:
        return None
    body = "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in unique)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE if any_case else 0)


class Redactor:
    """Takes one candidate's identifying strings out of any text."""

    def __init__(
        self, names: Sequence[str], files: Sequence[str], schools: Sequence[str], options: BlindOptions
    ) -> None:
        tokens = [t for n in names for t in re.split(r"[\s,]+", n.strip(" .")) if len(t.strip(".")) >= 2]
        # The whole name in any case; each word of it as written, in capitals or capitalised ("Tran",
        # "TRAN"), so a name that is also a word ("Will", "Rose") stays in "will manage", "rose to".
        self._full = _word_pattern([n.strip() for n in names if n.strip()], any_case=True)
        variants = {v for t in tokens for v in (t, t.upper(), t.capitalize())}
        self._tokens = _word_pattern(sorted(variants), any_case=False)
        self._files = _word_pattern(sorted({f for f in files if len(f) >= 3}), any_case=True)
        self._options = options
        self._schools = (
            _word_pattern([s.strip() for s in schools if len(s.strip()) >= 3], any_case=True)
            if options.schools
            else None
        )

    def text(self, text: str, education: bool = False) -> str:
        """``text`` without the candidate's contact details, links, name (and, with schools, schools and,
        on an education line, years)."""
        if not text:
            return text
        redacted = _EMAIL.sub(EMAIL, text)
        redacted = _LINK.sub(LINK, redacted)
        spans = _phone_spans(redacted)
        redacted = _replace_spans(redacted, spans, PHONE)
        contact = redacted != text
        for pattern in (_PO_BOX, _STREET, _CITY_ZIP, _UK_POSTCODE):
            redacted = pattern.sub(ADDRESS, redacted)
        if contact:  # the town beside an e-mail or a phone is where the candidate lives
            redacted = _CITY_STATE.sub(ADDRESS, redacted)
        if self._files is not None:
            redacted = self._files.sub(NAME, redacted)
        if self._full is not None:
            redacted = self._full.sub(NAME, redacted)
        if self._tokens is not None:
            redacted = self._tokens.sub(NAME, redacted)
        if self._options.schools:
            before = redacted
            redacted = _SCHOOL.sub(_school_or_level, redacted)  # first: it takes "… at Austin" too
            if self._schools is not None:
                redacted = self._schools.sub(SCHOOL, redacted)
            if education or redacted != before:
                redacted = _YEAR.sub(YEAR, redacted)
        return redacted


def _school_or_level(match: re.Match[str]) -> str:
    found = match.group(0)
    return found if _NOT_SCHOOL_LEAD.match(found) and len(found.split()) <= 2 else SCHOOL


T = TypeVar("T")


def _walk(value: T, fn: Callable[[str, bool], str], education: bool = False) -> T:
    """``value`` with every string in it passed through ``fn``; a posting's requirements are not the
    candidate's and stay as they are. Enum members (statuses, methods) are not text."""
    if isinstance(value, Enum | Requirement):
        return value
    if isinstance(value, str):
        return fn(value, education)  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(_walk(item, fn, education) for item in value)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        inner = education or (isinstance(value, Evidence) and value.section == "education")
        inner = inner or isinstance(value, EducationEntry)
        changes = {f.name: _walk(getattr(value, f.name), fn, inner) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def _file_words(path: str) -> list[str]:
    """The file's path, its name and its stem, and the words of its stem ("kevin-tran.docx")."""
    name = PurePath(path).name
    stem = PurePath(path).stem
    return [path, name, stem]


def _names_in_header(path: str, document: Document) -> list[str]:
    """Words of the file's name that the résumé's first lines also have: the person's name, most likely,
    when the reader found none ("kevin-tran.docx" and a first line "KEVIN TRAN")."""
    header = " ".join(line.text for line in document.lines[:HEADER_LINES]).lower()
    words = re.findall(r"[^\W\d_]{3,}", PurePath(path).stem)
    return [w for w in words if re.search(rf"(?<!\w){re.escape(w.lower())}(?!\w)", header)]


def _names_in_file_name(path: str) -> list[str]:
    """When neither the reader nor the résumé's first lines give a name (a ranking keeps no lines): the
    words of the file's name that could be one ("kevin-tran.pdf"), not those of a file's usual names."""
    words = re.findall(r"[^\W\d_]{3,}", PurePath(path).stem)
    return [w for w in words if w.lower() not in FILE_WORDS]


def redactor_for(result: CandidateResult, options: BlindOptions) -> Redactor:
    names = [n for n in (result.name, result.signals.name) if n]
    names += _names_in_header(result.file, result.document)
    if not names:
        names = _names_in_file_name(result.file)
    schools = [e.school for e in result.signals.education if e.school]
    return Redactor(names, _file_words(result.file), schools, options)


def blind_document(document: Document, shown_as: str, redactor: Redactor) -> Document:
    lines = tuple(dataclasses.replace(line, text=redactor.text(line.text, False)) for line in document.lines)
    warnings = tuple(redactor.text(w, False) for w in document.warnings)
    return dataclasses.replace(document, path=shown_as, lines=lines, warnings=warnings, title="")


def blind_text(document: Document, shown_as: str, options: BlindOptions) -> Document:
    """A résumé's lines (``jobmatch text``) as a blind review shows them: the name and schools the facts
    find in it, and everything :class:`Redactor` finds, taken out."""
    from jobmatch.signals import extract_signals

    signals = extract_signals(document)
    alone = CandidateResult(document.path, signals.name, 0.0, (), signals, document)
    return blind_document(document, shown_as, redactor_for(alone, options))


def blind_result(
    result: CandidateResult, shown_as: str, options: BlindOptions, ids: Callable[[str], str] = file_id
) -> CandidateResult:
    """``result`` as a blind review shows it: under ``shown_as``, with nothing that says who it is; the
    other files of the same person (``duplicates``) under their ids too (``ids``)."""
    redactor = redactor_for(result, options)
    fn = redactor.text
    signals = _walk(result.signals, fn)
    if options.schools:
        education = tuple(dataclasses.replace(e, school="", year="") for e in signals.education)
        signals = dataclasses.replace(signals, education=education)
    signals = dataclasses.replace(signals, name=shown_as)
    blinded: CandidateResult = dataclasses.replace(
        result,
        file=shown_as,
        name=shown_as,
        matches=_walk(result.matches, fn),
        signals=signals,
        document=blind_document(result.document, shown_as, redactor),
        warnings=_walk(result.warnings, fn),
        role_fit=_walk(result.role_fit, fn),
        wording=_walk(result.wording, fn),
        duplicates=tuple(ids(d) for d in result.duplicates),
    )
    return blinded


class BlindCandidates(Sequence[CandidateResult]):
    """The candidates of a ranking, each redacted when it is read (a ranking reads them from disk one at a
    time, and this keeps it so)."""

    def __init__(
        self, candidates: Sequence[CandidateResult], options: BlindOptions, ids: Callable[[str], str]
    ) -> None:
        self._candidates = candidates
        self._options = options
        self._ids = ids

    def __len__(self) -> int:
        return len(self._candidates)

    @overload
    def __getitem__(self, index: int) -> CandidateResult: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[CandidateResult]: ...

    def __getitem__(self, index: int | slice) -> CandidateResult | Sequence[CandidateResult]:
        if isinstance(index, slice):
            return BlindCandidates(self._candidates[index], self._options, self._ids)
        return self._blind(self._candidates[index])

    def __iter__(self) -> Iterator[CandidateResult]:
        for candidate in self._candidates:
            yield self._blind(candidate)

    def _blind(self, candidate: CandidateResult) -> CandidateResult:
        return blind_result(candidate, self._ids(candidate.file), self._options, self._ids)


def blind_ranking(ranking: Ranking, options: BlindOptions, ids: Callable[[str], str] = file_id) -> Ranking:
    """``ranking`` as a blind review shows it: every candidate and skipped file under its id (``ids`` maps
    the file name a run shows to it; default: the hash of the file's bytes)."""
    ids = functools.lru_cache(maxsize=None)(ids)
    skipped = tuple(Skipped(ids(s.file), s.reason) for s in ranking.skipped)
    return dataclasses.replace(
        ranking, candidates=BlindCandidates(ranking.candidates, options, ids), skipped=skipped
    )
