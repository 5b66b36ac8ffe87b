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
    sha256: str = ""  # hex sha256 of the bytes this text was extracted from ("" for text given directly)
    # When the file says it was last written ("YYYY-MM", from its PDF or DOCX metadata; "" when it does not
    # say): a "Present" in it cannot run past that month (jobmatch.signals, present_ends_when_written).
    dated: str = ""

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


# --------------------------------------------------------------------------- posting


class RequirementKind(StrEnum):
    """Whether the posting requires an item or only prefers it (the JSON key is ``kind``)."""

    REQUIRED = "required"
    PREFERRED = "preferred"


class Category(StrEnum):
    """What sort of thing a requirement asks for; it chooses the matcher (``jobmatch.matching``)."""

    EDUCATION = "education"  # level (ladder), fields, or-equivalent
    EXPERIENCE = "experience"  # years of a role or domain
    SKILL = "skill"  # skills and tools, with named alternatives ("an ERP such as SAP, Oracle")
    CREDENTIAL = "credential"  # licences and certifications
    LANGUAGE = "language"  # spoken/written languages
    INDUSTRY = "industry"  # industry or domain knowledge (cosmetics, food distribution, telecom)
    SOFT_SKILL = "soft_skill"  # communication, organisation, attention to detail, …
    LOGISTICS = "logistics"  # shifts, lifting, travel, work authorisation, background check: ask at screen
    OTHER = "other"  # none of the above: matched by its own words


@dataclass(frozen=True, slots=True)
class Requirement:
    """One requirement of a posting, typed: its category and the parameters the matchers read.

    Parameters not stated by the posting keep their empty defaults. ``weight``, ``must_have`` and
    ``phrases`` are the recruiter's own corrections (from an edited TOML export).
    """

    id: str  # "R1", "R2", … in posting order
    text: str
    kind: RequirementKind
    alternatives: tuple[str, ...] = ()  # e.g. ("equivalent experience",) or ("SAP", "Oracle")
    category: Category = Category.OTHER
    years: float = 0.0  # minimum years asked for (experience, or experience with a skill)
    level: str = ""  # education: lowest acceptable level ("high_school", "associate", "bachelor", …)
    fields: tuple[str, ...] = ()  # education fields or experience roles/domains, as the posting names them
    terms: tuple[str, ...] = ()  # the named things: tools, certifications, languages, industries, skills
    all_of: bool = False  # True when every term is needed ("English and Spanish"); else any one suffices
    or_equivalent: bool = False  # "or equivalent experience" may stand in (education)
    notes: tuple[str, ...] = ()  # e.g. ("BSN preferred",): a preference inside a required item
    source: str = ""  # "skills" for a SKILLS-list keyword; "" for an item of the requirement text
    supports: tuple[str, ...] = ()  # for a SKILLS keyword: the ids of requirements that already hold it
    weight: float | None = None  # the recruiter's weight; None = by kind (required 1, preferred 0.5)
    must_have: bool = False
    phrases: tuple[str, ...] = ()  # extra phrases to look for, added by the recruiter


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
class JobEntry:
    """One job of the work history, as written: no posting needed to read it."""

    title: str
    employer: str = ""
    start: str = ""  # "2015-03" or ""
    end: str = ""  # "2018-06", "present" or "" (a job with only a start date)
    months: int = 0  # "present" counted to the as-of date
    line_indexes: tuple[int, ...] = ()  # indexes into Document.lines: the title/date line and its duties
    evidence: Evidence | None = None  # the line with the title or the dates


@dataclass(frozen=True, slots=True)
class EducationEntry:
    """One degree, diploma, certificate or programme the résumé names."""

    level: str  # none/high_school/certificate/diploma/associate/bachelor/master/doctorate/unknown
    field: str = ""  # as written ("Accounting", "Nursing"); judged related or not by matching, not here
    school: str = ""
    year: str = ""  # "2014" or ""
    completed: bool = True  # False for "expected", "in progress", "degree not completed"
    progress: str = ""  # why it reads as not completed, "" when completed
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Signals:
    """What one résumé says, read without any posting.

    ``jobs`` and ``education`` are the facts every matcher reads. ``roles``, ``terms`` and ``years`` are
    the tuned signals, each under the name a vocabulary gives it (``signal`` and ``adjacent_years`` in
    ``knowledge/occupations.toml``, ``shown_by_roles`` in ``soft_skills.toml``): the matchers ask for them
    by that name (``role``, ``term``, ``years_of``), never by a field of their own.
    """

    degree: Degree = field(default_factory=Degree)
    roles: tuple[tuple[str, RoleSignal], ...] = ()  # ("sales_support", RoleSignal(...)), …
    terms: tuple[tuple[str, TermSignal], ...] = ()  # ("crm", TermSignal(...)), …
    years: tuple[tuple[str, float], ...] = ()  # ("sales_or_service_years", 4.5), …: overlaps merged
    total_experience_years: float = 0.0
    latest_title: str = ""
    seniority: str = ""  # "senior" when the latest titles sit far above a coordinator
    name: str = ""  # candidate name when found
    # Posting-independent facts that every matcher reads (``jobmatch.matching``).
    jobs: tuple[JobEntry, ...] = ()
    education: tuple[EducationEntry, ...] = ()
    as_of: str = ""  # "2026-12": where "Present" ends for ``JobEntry.months``

    def role(self, name: str) -> RoleSignal:
        """The role signal of that name (an empty one when the résumé has none or the name is unknown)."""
        return next((signal for key, signal in self.roles if key == name), _NO_ROLE)

    def term(self, name: str) -> TermSignal:
        return next((signal for key, signal in self.terms if key == name), _NO_TERM)

    def years_of(self, name: str) -> float:
        return next((value for key, value in self.years if key == name), 0.0)


_NO_ROLE = RoleSignal()
_NO_TERM = TermSignal()


@dataclass(frozen=True, slots=True)
class ResumeFacts:
    """Everything a résumé says that no posting changes, found once and cached once per résumé (and
    as-of date): every posting of this run or a later one is scored on these same facts."""

    signals: Signals
    fingerprint: tuple[int, ...] = ()  # jobmatch.duplicates: the same person sent twice is found by it
    doubt: str = ""  # jobmatch.signals.likeness: why the text does not read as a résumé ("" when it does)


# --------------------------------------------------------------------------- scoring and ranking


class Status(StrEnum):
    MET = "met"
    PARTIAL = "partial"
    NOT_FOUND = "not found"
    ASK = "ask at screen"  # what no résumé can show (shifts, work authorisation): neither met nor missing


@dataclass(frozen=True, slots=True)
class RequirementMatch:
    requirement: Requirement
    status: Status
    score: float  # 0..1
    evidence: tuple[Evidence, ...]
    explanation: str  # one plain sentence: why this status
    concept: str = ""  # which matcher answered it ("education", "experience", … or "keywords")
    summary: str = ""  # a few words on what was found, for the table ("2.1y accounts payable")


@dataclass(frozen=True, slots=True)
class RoleFit:
    """How closely the candidate's past jobs match the kind of job the posting is for."""

    score: float = 0.0  # 0..1
    families: tuple[str, ...] = ()  # the posting's role families, e.g. ("sales_support", "customer_service")
    explanation: str = ""
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Wording:
    """How much of the posting's own wording the résumé shares (``jobmatch.matching.wording``)."""

    score: float = 0.0  # 0..1: the cosine of the two word bags, read against WORDING_SCALE
    cosine: float = 0.0
    shared: tuple[str, ...] = ()  # the posting's words the résumé uses, weightiest first
    explanation: str = ""
    evidence: tuple[Evidence, ...] = ()  # the résumé lines that share the most of them


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
    # What the score's formula applied beyond its weights (jobmatch.scoring): the factor on requirements
    # and role fit for a latest title far above the role, and the cap of a missed must-have.
    seniority_factor: float = 1.0
    capped_at: float | None = None
    wording: Wording = field(default_factory=Wording)
    # A sketch of the text's word shingles (jobmatch.duplicates): the same person sent twice is found by it.
    fingerprint: tuple[int, ...] = ()
    duplicates: tuple[str, ...] = ()  # the other files of the same person, shown once under this one
    # Why the text does not read as a résumé (a README, a cover letter, a posting), "" when it does
    # (jobmatch.signals.likeness): such a file is skipped, or ranked with this as a warning (--keep-doubtful).
    doubt: str = ""

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
    as_of: str = ""  # the run's "Present", e.g. "2025-06" ("" when not known)
    posting_sha256: str = ""  # of the posting file's bytes, so a reader can check which posting was used
