"""Frozen dataclasses shared by every layer. Imports nothing from jobmatch."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

# --------------------------------------------------------------------------- documents


@dataclass(frozen=True, slots=True)
class Line:
    """One line of résumé text. ``page`` and ``number`` are 1-based; ``number`` counts within the page."""

    text: str
    page: int
    number: int


@dataclass(frozen=True, slots=True)
class Document:
    """The text of one résumé, as lines with page numbers, plus what the reader noticed."""

    path: str  # as given by the caller (folder joined with the path inside it)
    kind: str  # "pdf", "docx", "txt" or "md": the sniffed type, not the extension
    lines: tuple[Line, ...]
    pages: int
    warnings: tuple[str, ...] = ()  # e.g. "hidden text ignored (white or off-page)"
    title: str = ""  # document metadata title, if any (untrusted)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


# --------------------------------------------------------------------------- posting


class RequirementKind(StrEnum):
    REQUIRED = "required"
    PREFERRED = "preferred"


@dataclass(frozen=True, slots=True)
class Requirement:
    id: str  # "R1", "R2", … in posting order
    text: str
    kind: RequirementKind
    alternatives: tuple[str, ...] = ()  # e.g. ("equivalent experience",)


@dataclass(frozen=True, slots=True)
class Posting:
    path: str
    fields: tuple[
        tuple[str, str], ...
    ]  # header fields in order, e.g. (("Title", "Account Sales Coordinator"), …)
    sections: tuple[tuple[str, str], ...]  # (NAME, text) in order; NAME upper-case, e.g. "SUMMARY"
    requirements: tuple[Requirement, ...]

    def field(self, name: str, default: str = "") -> str:
        for key, value in self.fields:
            if key.lower() == name.lower():
                return value
        return default

    def section(self, name: str) -> str:
        for key, value in self.sections:
            if key == name.upper():
                return value
        return ""

    @property
    def id(self) -> str:
        return self.field("Job ID")

    @property
    def title(self) -> str:
        return self.field("Title")


# --------------------------------------------------------------------------- evidence and signals


class Method(StrEnum):
    EXACT = "exact"  # the vocabulary term appears verbatim (case-insensitive, word-bounded)
    SYNONYM = "synonym"  # a listed synonym/abbreviation/brand of the concept appears
    FUZZY = "fuzzy"  # a near-spelling (typo) of a term; ``ratio`` says how near
    INFERRED = "inferred"  # derived from other evidence (e.g. years from dates)


@dataclass(frozen=True, slots=True)
class Evidence:
    text: str  # the quoted résumé line (cleaned, untrusted)
    page: int
    line: int
    method: Method
    term: str = ""  # the vocabulary term that matched
    matched: str = ""  # the words in ``text`` that matched (for highlighting)
    ratio: float = 100.0  # rapidfuzz ratio for fuzzy matches, 100 otherwise
    section: str = ""  # résumé section the line sits in ("education", "experience", …) if known


@dataclass(frozen=True, slots=True)
class Degree:
    level: str = "unknown"  # none/high_school/associate/bachelor/master/doctorate/unknown
    field: str = ""
    field_related: bool = False
    in_progress: bool = False
    evidence: tuple[Evidence, ...] = ()
    progress: str = ""  # why the degree reads as in progress ("marked 'expected'"), "" when finished
    # The related degree when it is not the highest ("bachelor in Mass Communications" beside a JD in Law).
    related_degree: str = ""


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    start: str = ""  # "2015-03" or ""
    end: str = ""  # "2018-06", "present" or ""
    months: int = 0
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class RoleSignal:
    present: bool = False
    titles: tuple[str, ...] = ()
    years: float = 0.0
    roles: tuple[Role, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    recent_years: float = 0.0  # of ``years``, those within the ten years before the résumé's "now"


@dataclass(frozen=True, slots=True)
class TermSignal:
    """A signal that is a set of named things found (Office apps, CRM systems, beauty terms, soft skills)."""

    present: bool = False
    terms: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Signals:
    degree: Degree = field(default_factory=Degree)
    microsoft_office: TermSignal = field(default_factory=TermSignal)
    sales_support: RoleSignal = field(default_factory=RoleSignal)
    customer_service: RoleSignal = field(default_factory=RoleSignal)
    admin: RoleSignal = field(default_factory=RoleSignal)  # office/admin coordination jobs
    cosmetics: TermSignal = field(default_factory=TermSignal)
    crm: TermSignal = field(default_factory=TermSignal)
    client_facing: TermSignal = field(default_factory=TermSignal)  # work-history lines about clients
    communication: TermSignal = field(default_factory=TermSignal)
    organization: TermSignal = field(default_factory=TermSignal)
    customer_focus: TermSignal = field(default_factory=TermSignal)
    total_experience_years: float = 0.0
    sales_or_service_years: float = 0.0  # sales, sales-support, account or service jobs, overlaps merged
    latest_title: str = ""
    seniority: str = ""  # "senior" when the latest titles sit far above a coordinator
    name: str = ""  # candidate name when found


# --------------------------------------------------------------------------- scoring and ranking


class Status(StrEnum):
    MET = "met"
    PARTIAL = "partial"
    NOT_FOUND = "not found"


@dataclass(frozen=True, slots=True)
class RequirementMatch:
    requirement: Requirement
    status: Status
    score: float  # 0..1
    evidence: tuple[Evidence, ...]
    explanation: str  # one plain sentence: why this status
    concept: str = ""  # which signal family answered it ("degree", "office", … or "keywords")


@dataclass(frozen=True, slots=True)
class RoleFit:
    """How closely the candidate's past jobs match the kind of job the posting is for."""

    score: float = 0.0  # 0..1
    families: tuple[str, ...] = ()  # the posting's role families, e.g. ("sales_support", "customer_service")
    explanation: str = ""
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class CandidateResult:
    file: str
    name: str
    score: float  # 0..100
    matches: tuple[RequirementMatch, ...]
    signals: Signals
    document: Document
    warnings: tuple[str, ...] = ()
    rank: int = 0
    role_fit: RoleFit = field(default_factory=RoleFit)
    requirements_score: float = 0.0  # 0..100, the weighted requirements alone

    @property
    def met(self) -> int:
        return sum(1 for m in self.matches if m.status is Status.MET)


@dataclass(frozen=True, slots=True)
class Skipped:
    file: str
    reason: str


@dataclass(frozen=True, slots=True)
class Ranking:
    posting: Posting
    candidates: Sequence[CandidateResult]  # in rank order; from rank(), read back from disk one at a time
    skipped: tuple[Skipped, ...]
