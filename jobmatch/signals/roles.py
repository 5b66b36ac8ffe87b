"""Jobs held: find each job (title + date range), classify it, and add up years with overlaps merged.

A job is anchored on a date range. Its title is the short text beside the dates, or the short line just
before or after them; its duties are the lines up to the next job. A job is a sales-support job when its
title says so, or when its own duties hold two or more sales-support duty phrases (one of them about
orders or supporting the sales team); likewise for customer service. A job titled as another occupation
(engineer, nurse, HR assistant) is never a sales-support job, and a customer-service one only when its
duties show two different kinds of service work.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from jobmatch.knowledge.words import rank_words
from jobmatch.models import Evidence, Method, Role, RoleSignal
from jobmatch.signals.dates import DateRange, find_month, find_open, find_ranges, month_label, months_merged
from jobmatch.signals.sections import heading_of
from jobmatch.signals.view import ResumeView, is_negated
from jobmatch.signals.vocab import Hit, matcher

_PLACEHOLDER = re.compile(r"\b(?:company name|city|state)\b|[－,|]", re.I)
_MAX_TITLE_WORDS = 9
# Characters: "Senior Account Coordinator, The Estée Lauder Companies Inc., New York, NY" fits.
_MAX_TITLE_LINE = 100
# "Company Name City, State HR Coordinator Administered monthly payroll …": the employer first, then the
# title, running until the first duty ("Administered", "assisting").
_LEADING_EMPLOYER = re.compile(r"^\s*company name\b(?:[\s,\-–|]*(?:city|state)\b)*[\s,\-–|]*", re.I)
_DUTY_START = re.compile(r"^(?:[A-Z][a-z]+ed|[a-z][\w'’-]*)$")
_BULLETS = frozenset("-–—•*·▪●○◦►>")
_TITLE_JOINERS = {"of", "and", "&", "for", "to", "the", "in", "de"}
_TITLE_PARTICIPLES = {"Licensed", "Certified", "Registered", "Chartered", "Qualified", "Accredited"}
# ``not_a_work_section``: dated lines under these headings are studies, credentials, skills, memberships or
# pastimes ("Delta Sigma Pi, March 2015-Present · Participate in recruiting" under Interests), not jobs.
_SKIP_SECTIONS = ("education", "certifications", "skills", "activities")
# The customer-service titles of restaurants and venues (host, server, crew member): service work, but
# words with other meanings in other trades, so never beside another occupation's name.
HOSPITALITY = "hospitality"
RECENT_MONTHS = 120  # "recent" = within the ten years before the as-of date
# "Sales coordinator with 5+ years of experience": a stated total, used when dates are missing or cut short.
_STATED_YEARS = re.compile(
    r"\b(\d{1,2})\+?\s*(?:\+\s*)?(?:years?|yrs?)\b(?:\s+of)?(?P<rest>[^.;]{0,80})", re.I
)
_STATED_TOPIC = re.compile(
    r"\b(?:sales|customer service|customer support|client|account|order|retail|call center|inside sales)",
    re.I,
)


@dataclass
class Job:
    title: str
    title_index: int
    dates: DateRange | None
    date_index: int
    body: list[int] = field(default_factory=list)
    families: dict[str, list[tuple[int, Hit]]] = field(default_factory=dict)
    # families whose duties are the job itself (``duties_make_the_job``), not work done inside it
    own_duties: set[str] = field(default_factory=set)


_ABBREVIATED_END = re.compile(r"\b(?:inc|ltd|co|corp|llc|l\.l\.c|jr|sr|st|dept|assoc)\.\s*$", re.I)
_EMPLOYER_MARK = re.compile(r"\bcompany name\b|\s[-–—|]\s|\s@\s|\sat\s", re.I)
_TITLE_CUT = re.compile(
    rf"{_EMPLOYER_MARK.pattern}|,", re.I
)  # a comma ends a title too, but names no employer


_FUNCTION_WORDS = 4
_FUNCTION_END = re.compile(rf"{_EMPLOYER_MARK.pattern}|,|\b(?:city|state)\b", re.I)


def _full_stop(text: str) -> bool:
    """Whether the line ends a sentence: a full stop that closes no abbreviation ("Acme Inc." does not)."""
    text = text.rstrip()
    return text.endswith(".") and not _ABBREVIATED_END.search(text)


def _rank_only(head: str) -> bool:
    """Whether a title's words are all rank words ("Senior Manager", "Vice President", "Director")."""
    words = re.findall(r"[a-z&]+", head.lower())
    return bool(words) and all(w in rank_words() for w in words) and words[-1] not in ("of", "and", "&")


def _title_before_duties(words: list[str]) -> str:
    """The title at the start of ``words`` when a capitalised duty verb plainly ends it ("HR Benefits
    Administrator Prepared monthly reconciliations …") or the words run out; "" when the words start
    with a duty ("Worked with operations …") or trail into lower-case prose that may be either."""
    title: list[str] = []
    for word in words:
        if word.endswith(":"):
            return ""  # "Responsibilities: - Tracked and managed …"
        ends = _DUTY_START.match(word) and word not in _TITLE_JOINERS and word not in _TITLE_PARTICIPLES
        if ends:
            return " ".join(title) if title and word[0].isupper() else ""
        title.append(word)
        if len(title) > _MAX_TITLE_WORDS:
            return ""
    return " ".join(title)


def _title_text(text: str) -> str:
    """The job-title part of a line: what comes before the employer ("Sales Associate Company Name - …")."""
    lead = _LEADING_EMPLOYER.match(text)
    if lead and lead.end() < len(text):
        title = _title_before_duties(text[lead.end() :].split())
        if title:
            return " ".join(_PLACEHOLDER.sub(" ", title).split()).strip(" -–:;.*#")
    cut = _TITLE_CUT.search(text)
    head = text[: cut.start()] if cut and cut.start() > 2 else text
    if cut is not None and cut.group(0) == "," and _rank_only(head):
        # ``rank_before_its_function``: "Senior Manager, Digital Marketing", "Director, Human Resources":
        # the words after the comma are the function the rank belongs to, not the employer
        function = _FUNCTION_END.split(text[cut.end() :], 1)[0].strip()
        words = function.split()
        if 0 < len(words) <= _FUNCTION_WORDS and words[0][:1].isupper() and not re.search(r"\d", function):
            head = f"{head}, {function}"
    cleaned = _PLACEHOLDER.sub(" ", head)
    return " ".join(cleaned.split()).strip(" -–:;.*#")


def _is_title_like(text: str) -> bool:
    words = _title_text(text).split()
    # A duty, not "Sales Coordinator, Acme Inc.": a sentence, or a line too long for a title with its
    # employer and place that names no employer either, its title-like start cut only at a comma
    # ("Institutional Client Services, Marketing project management for product implementations, …").
    # "Sales Coordinator Company Name - City, State Able to operate …" is a title with its first duty.
    sentence = text.rstrip().endswith(".") and len(words) > 5
    prose = len(text.strip()) > _MAX_TITLE_LINE and not _EMPLOYER_MARK.search(text)
    return 0 < len(words) <= _MAX_TITLE_WORDS and heading_of(text) is None and not sentence and not prose


def _title_hits(text: str, family: str) -> list[Hit]:
    title = _title_text(text)
    return [h for h in matcher("roles", family).find(title) if not is_negated(title, h.start)]


@cache
def _duty_patterns() -> dict[str, tuple[tuple[str, re.Pattern[str]], ...]]:
    text = resources.files("jobmatch.data").joinpath("duties.txt").read_text(encoding="utf-8")
    table: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    section = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        label, _, pattern = line.partition(":")
        table.setdefault(section, []).append((label.strip(), re.compile(pattern.strip(), re.I)))
    return {k: tuple(v) for k, v in table.items()}


_PURCHASE_ORDER = re.compile(r"\bpurchase\s+orders?\b", re.I)
_PROCUREMENT = re.compile(r"\b(?:suppl(?:y|ies|iers)|vendors?|procure\w*|purchasing)\b", re.I)


def duty_hits(text: str, family: str) -> list[Hit]:
    """Duty phrases of a family in one line, as Hits (method "synonym": a phrase standing for the role)."""
    found: list[Hit] = []
    for label, pattern in _duty_patterns().get(family, ()):
        m = pattern.search(text)
        if m is None or is_negated(text, m.start()):
            continue
        if _PURCHASE_ORDER.search(m.group(0)) and _PROCUREMENT.search(text):
            continue  # buying ("purchasing of supplies … maintenance of purchase orders"), not selling
        found.append(Hit(label, label, m.start(), m.end(), Method.SYNONYM, 100.0, m.group(0)))
    return found


def find_jobs(view: ResumeView) -> list[Job]:
    jobs: list[Job] = []
    lines = view.lines
    for index, line in enumerate(lines):
        if view.sections[index] in _SKIP_SECTIONS:
            continue
        dates = _dates_of(view, index)
        if dates is None:
            continue
        same = _title_text(line.text[: dates.span[0]] + " " + line.text[dates.span[1] :])
        candidates: list[int] = []
        if same and len(same.split()) <= _MAX_TITLE_WORDS:
            candidates.append(index)
        for near in (index - 1, index + 1, index - 2, index + 2):
            same_section = 0 <= near < len(lines) and view.sections[near] == view.sections[index]
            if same_section and _dates_of(view, near) is None and _is_title_like(lines[near].text):
                candidates.append(near)
        title_index = (
            min(candidates, key=lambda c: _title_preference(lines[c].text, c - index))
            if candidates
            else index
        )
        title_line = lines[title_index].text
        if title_index == index:
            title_line = line.text[: dates.span[0]] + " " + line.text[dates.span[1] :]
        jobs.append(Job(_title_text(title_line), title_index, dates, index))
    _close_open_ranges(jobs)
    # Body: the lines after each job's anchor up to the next job's first line.
    starts = sorted({min(j.title_index, j.date_index) for j in jobs})
    for job in jobs:
        first = max(job.title_index, job.date_index) + 1
        # The next job's first line, by bisection: a scan per job is quadratic on a long history.
        following = bisect.bisect_right(starts, max(job.title_index, job.date_index))
        if job.title_index > job.date_index:
            first = job.title_index  # "Sales Associate Company Name - City Help customers, …" holds duties
        last = starts[following] if following < len(starts) else len(lines)
        job.body = [i for i in range(first, last) if heading_of(lines[i].text) is None][:40]
        if any(heading_of(lines[i].text) for i in range(first, last)):
            stop = next(i for i in range(first, last) if heading_of(lines[i].text))
            job.body = [i for i in job.body if i < stop]
    return jobs


# A line dated by one date is a job's line only when short: a title, an employer, a place.
_ONE_DATE_LINE_WORDS = 12


def _dates_of(view: ResumeView, index: int) -> DateRange | None:
    """The dates of the job on line ``index``: a full range; else, on a line that is not a sentence, an
    open one ("03/2019 – "; "Since 2019" only in the experience section) or one month there
    (ONE_MONTH_JOB: "Sales Associate, June 2015" still names a job, if a short one)."""
    text = view.lines[index].text
    ranges = [r for r in find_ranges(text) if not _measured_period(text, r)]
    if ranges:
        return ranges[0]
    found = find_open(text)
    if found is None and view.sections[index] == "experience":
        found = find_month(text)
    if found is None or (found.written != "open" and view.sections[index] != "experience"):
        return None  # "Notary Public since 2007" under Activities: not the work history
    rest = (text[: found.span[0]] + " " + text[found.span[1] :]).strip(" ,-–|")
    sentence = len(rest.split()) > _ONE_DATE_LINE_WORDS or _full_stop(rest)
    # ``employer_beside_one_date``: what is left may be the employer and place only ("March 2013 Company
    # Name - City, State", the title on the line above): a job's line, not a sentence.
    employer_only = not _title_text(rest) and bool(_EMPLOYER_MARK.search(rest))
    if rest and (sentence or not (_is_title_like(rest) or employer_only)):
        return None  # "Promoted to store manager in June 2015 after …", "A member since 1996, elected …"
    return found


# ``period_of_a_result``: a range brought in by "from"/"between" after a measure of change in its own sentence
# ("Increased same store growth by 48% from 2004-2007", "Revenue from 1992 to 1996", "a 4% cost savings
# from 2013-2014") is the period of a result inside a job, not a job's dates; "Sales Manager from 2010 to
# 2015" or "I served as Head of the Guidance Department from 1991 to 1999" measure nothing and stay jobs.
_PERIOD_INTRO = re.compile(r"\b(?:from|between)\s*$", re.I)
_CHANGE_MEASURE = re.compile(
    r"%|\$\s*\d|\b(?:increas\w*|decreas\w*|grew|grow\w*|revenues?|reduc\w*|improv\w*|savings?|"
    r"expanded|raised|boosted|doubled|tripled|rates?)\b",
    re.I,
)
_SENTENCE_BREAK = re.compile(r".*(?:[.;!?•·]\s|\s[-–]\s)", re.S)


def _measured_period(text: str, dates: DateRange) -> bool:
    before = text[: dates.span[0]]
    if not _PERIOD_INTRO.search(before):
        return False
    cut = _SENTENCE_BREAK.match(before)
    clause = before[cut.end() :] if cut else before
    return bool(_CHANGE_MEASURE.search(clause))


def _close_open_ranges(jobs: list[Job]) -> None:
    """OPEN_END: a start with its end left out ("03/2019 – ") is the job still held when no job of the
    history starts later; otherwise the end was forgotten and the job counts one month. "Since 2019"
    says it is still held."""
    latest = max((j.dates.start for j in jobs if j.dates is not None), default=None)
    # ``lone_month_of_the_latest_job``: the job of the history that starts last, dated by one month only
    # ("Paralegal / January 2013 Company Name" above jobs that ended in 2012), is the job still held, its
    # end left out as an open range's is; a lone month among later jobs stays a one-month job.
    starts = [j.dates.start for j in jobs if j.dates is not None]
    alone_last = latest is not None and len(starts) > 1 and starts.count(latest) == 1
    for job in jobs:
        if (
            alone_last
            and job.dates is not None
            and job.dates.written == "month"
            and job.dates.start == latest
        ):
            job.dates = dataclasses.replace(job.dates, end=None, end_text="", written="open")
    for job in jobs:
        if job.dates is None or job.dates.written != "open":
            continue
        if latest is not None and latest > job.dates.start:
            job.dates = dataclasses.replace(job.dates, end=job.dates.start, end_text=job.dates.start_text)


def _title_preference(text: str, offset: int) -> tuple[int, int]:
    """Sort key for the lines around a date range: the likeliest job title first."""
    from jobmatch.matching.occupation import title_occupations  # matching builds on signals

    points = 0
    # ``occupation_title_first``: a line naming an occupation of the vocabulary ("Accounts Payable Clerk")
    # is the title before an employer on the dated line ("Heartland Foods, Omaha, NE 01/2024 - 06/2025").
    if any(_title_hits(text, fam) for fam in ("sales_support", "customer_service", "sales")) or (
        title_occupations(_title_text(text))
    ):
        points += 4
    # ``bullet_is_a_duty``: "- Entered sales orders in SAP" below "Office Assistant, Acme, 2015 - 2019"
    # names sales words, but a bullet or a line opening on a past-tense verb below the dates is the first
    # duty, not the title. (Above the dates such a line is a misread title: the job stays untitled.)
    stripped = text.lstrip()
    first = _title_text(stripped).split()[:1]
    if offset > 0 and (
        stripped[:1] in _BULLETS
        or (first and re.fullmatch(r"[A-Z][a-z]+ed", first[0]) and first[0] not in _TITLE_PARTICIPLES)
    ):
        points -= 6
    if _full_stop(text):
        points -= 2  # a duty sentence, not "Sales Coordinator, Acme Inc."
    if text[:1].islower():
        points -= 2
    if abs(offset) > 1:
        points -= 3  # two lines away: only when nothing adjacent reads as a title
    # Ties: the line after the dates (LiveCareer's layout) before the line above them.
    return (-points, abs(offset) if offset >= 0 else abs(offset) + 1)


def _undated_jobs(view: ResumeView) -> list[Job]:
    """Titles on short lines of the experience section when no job carries dates: a line the occupations
    vocabulary places, or one above its employer's line ("Company Name - City, State"), of any field
    (``undated_job_of_any_field``); a sentence ending in a full stop is a duty, not a title."""
    from jobmatch.matching.occupation import title_occupations  # matching builds on signals

    jobs: list[Job] = []
    lines = view.lines
    for index, line in enumerate(lines):
        if view.sections[index] != "experience" or not _is_title_like(line.text):
            continue
        if _full_stop(line.text):
            continue
        employer_below = index + 1 < len(lines) and bool(_LEADING_EMPLOYER.match(lines[index + 1].text))
        if (
            employer_below
            or title_occupations(_title_text(line.text))
            or any(_title_hits(line.text, fam) for fam in ("sales_support", "customer_service", "sales"))
        ):
            jobs.append(Job(_title_text(line.text), index, None, index))
    for pos, job in enumerate(jobs):
        end = jobs[pos + 1].title_index if pos + 1 < len(jobs) else len(view.lines)
        job.body = [i for i in range(job.title_index + 1, end) if view.sections[i] == "experience"][:40]
    return jobs


def _duty_hits(view: ResumeView, job: Job, family: str) -> list[tuple[int, Hit]]:
    found: list[tuple[int, Hit]] = []
    for i in job.body:
        found.extend((i, h) for h in duty_hits(view.lines[i].text, family))
    return found


def classify(view: ResumeView, job: Job) -> set[str]:
    """The role families of one job: from its title, else from its own duties."""
    title = view.lines[job.title_index].text if job.title_index != job.date_index else job.title
    families: set[str] = set()
    # Another occupation's word inside a role's own title ("Executive" in "Executive Assistant") does not
    # make the job another occupation.
    admin_spans = [(h.start, h.end) for h in _title_hits(title, "admin")]
    other_title = any(
        not any(h.start < e and s < h.end for s, e in admin_spans)
        for h in _title_hits(title, "other_occupations")
    )
    for family in ("sales_support", "customer_service", "sales", "admin"):
        hits = _title_hits(title, family)
        if other_title and all(h.canonical == HOSPITALITY for h in hits):
            hits = []  # "SQL Server Developer", "Production Crew Member", "Host Server Dishwasher Cook"
        if hits:
            families.add(family)
            job.families[family] = [(job.title_index, hits[0])]
    other = families - {"admin"} == set() and other_title
    for family in ("sales_support", "customer_service"):
        if family in families or (other and family == "sales_support"):
            continue  # an engineer who "processed orders" is still an engineer
        duties = _duty_hits(view, job, family)
        labels = {h.canonical for _, h in duties}
        if other:
            # In another occupation one kind of service duty is incidental ("answered calls"); two kinds
            # ("front desk duties", "handle all incoming calls") are service work held inside that job.
            shown = len(labels) >= 2
        else:
            # An assistant or clerk who compiles sales reports is supporting sales; a director is not.
            junior = "admin" in families and family == "sales_support"
            shown = _duties_show_role(family, [h for _, h in duties]) or (junior and bool(duties))
        if shown:
            families.add(family)
            job.families[family] = duties[:2]
            if _duties_make_the_job(view, job, duties):
                job.own_duties.add(family)
    return families


# Duties that show the role on their own; the others ("answered phones", "sales reports") are common in
# other jobs too and count only beside a second, different duty of the same family.
_STRONG_DUTIES = {
    "sales_support": {
        "orders",
        "inside sales",
        "supporting sales",
        "sales team work",
        "account reviews",
        "accounts",
    },
    "customer_service": {"serving customers", "front desk", "customer service"},
}


def _duties_show_role(family: str, hits: list[Hit]) -> bool:
    labels = {h.canonical for h in hits}
    return bool(labels & _STRONG_DUTIES[family]) or len(labels) >= 2


# ``duties_make_the_job``: a job whose own lines are largely the family's work (a "Sales Specialist" whose
# duties are serving customers, an untitled job of front-desk and service lines) is that work as its job,
# not work done inside another one: its duty lines are at least DUTY_SHARE of its lines of three words or
# more, and it has DUTY_SHARE_LINES such lines to judge by (a clerk's "answered phones" among twelve other
# duties stays incidental, and so does a lone duty line under a title). On the contact-centre posting it
# turned two such jobs from "in the duties of jobs titled otherwise" (partial) to the recruiters' "met"
# and changed no other status there or on the other labelled sets.
DUTY_SHARE = 0.25
DUTY_SHARE_LINES = 3


def _duties_make_the_job(view: ResumeView, job: Job, duties: list[tuple[int, Hit]]) -> bool:
    """``duties`` are the job's duty hits of one family (as ``classify`` found them)."""
    body = [i for i in job.body if len(view.lines[i].text.split()) >= 3]
    if len(body) < DUTY_SHARE_LINES:
        return False
    shown = {i for i, _ in duties}.intersection(body)
    return len(shown) >= DUTY_SHARE * len(body)


@dataclass(frozen=True, slots=True)
class RoleSummary:
    sales_support: RoleSignal
    customer_service: RoleSignal
    admin: RoleSignal
    sales_or_service_years: float
    total_years: float
    latest_title: str


def work_history(view: ResumeView) -> list[Job]:
    """The jobs a résumé lists: dated ones, or, when none carries dates, titled lines of the experience
    section."""
    return find_jobs(view) or _undated_jobs(view)


def summarize_roles(view: ResumeView, as_of: int, jobs: list[Job] | None = None) -> RoleSummary:
    """The role families held, their years and recency; "Current" ends at ``as_of`` (a month index)."""
    if jobs is None:
        jobs = work_history(view)
    by_family: dict[str, list[tuple[Job, Role]]] = {
        "sales_support": [],
        "customer_service": [],
        "sales": [],
        "admin": [],
    }
    all_intervals: list[tuple[int, int]] = []
    for job in jobs:
        interval: tuple[int, int] | None = None
        if job.dates is not None:
            interval = job_interval(job, as_of)
            if interval is not None:
                all_intervals.append(interval)
        families = classify(view, job)
        for family in families:
            index, hit = job.families[family][0]
            own = index == job.title_index or family in job.own_duties
            method = hit.method if own else Method.INFERRED
            ev = view.evidence(index, hit, method)
            held = _role_interval(view, job, family, as_of)
            role = Role(
                title=job.title or hit.matched,
                start=month_label(held[0]) if held else "",
                end=(month_label(job.dates.end) if job.dates and job.dates.end is not None else "present")
                if held
                else "",
                months=(held[1] - held[0] + 1) if held else 0,
                evidence=ev,
            )
            by_family[family].append((job, role))

    # No job carries the family, but the work history describes its duties (layouts that defeat job
    # detection): the role is present, undated.
    for family in ("sales_support", "customer_service"):
        if by_family[family] or jobs:
            continue
        found: list[tuple[int, Hit]] = []
        for index, line in enumerate(view.lines):
            if view.sections[index] == "experience":
                found.extend((index, h) for h in duty_hits(line.text, family))
        if found and _duties_show_role(family, [h for _, h in found]):
            index, hit = found[0]
            ev = view.evidence(index, hit, Method.INFERRED)
            by_family[family].append((Job("", index, None, index), Role(title="(from duties)", evidence=ev)))

    def signal(family: str) -> RoleSignal:
        items = by_family[family]
        intervals = [iv for job, _ in items if (iv := _role_interval(view, job, family, as_of)) is not None]
        months = months_merged(intervals)
        recent_from = as_of - RECENT_MONTHS
        recent = months_merged([(max(a, recent_from), b) for a, b in intervals if b >= recent_from])
        titles = tuple(dict.fromkeys(role.title for _, role in items if role.title != "(from duties)"))
        evidence: list[Evidence] = [role.evidence for _, role in items if role.evidence is not None]
        return RoleSignal(
            present=bool(items),
            titles=titles,
            years=round(months / 12, 1),
            recent_years=round(recent / 12, 1),
            roles=tuple(role for _, role in items),
            evidence=tuple(evidence[:6]),
        )

    sales_or_service = [
        iv
        for fam in ("sales_support", "customer_service", "sales")
        for job, _ in by_family[fam]
        if (iv := _role_interval(view, job, fam, as_of)) is not None
    ]
    stated = _stated_years(view)
    dated = [j for j in jobs if j.dates is not None]
    latest_job = max(dated, key=lambda j: j.dates.start if j.dates else 0) if dated else None
    return RoleSummary(
        sales_support=signal("sales_support"),
        customer_service=signal("customer_service"),
        admin=signal("admin"),
        # A stated total ("28 years in client relations") only where no job carries dates: claims in a
        # summary run long, dates do not.
        sales_or_service_years=round(months_merged(sales_or_service) / 12, 1)
        if sales_or_service
        else (stated if any(by_family[f] for f in ("sales_support", "customer_service", "sales")) else 0.0),
        total_years=round(months_merged(all_intervals) / 12, 1),
        latest_title=latest_job.title if latest_job else "",
    )


def _stated_years(view: ResumeView) -> float:
    """Years of sales/service work the résumé states in its summary ("6 years of account support")."""
    best = 0.0
    for index, line in enumerate(view.lines[:40]):
        if view.sections[index] not in ("summary", ""):
            continue
        for m in _STATED_YEARS.finditer(line.text):
            window = line.text[max(0, m.start() - 60) : m.end()]
            if _STATED_TOPIC.search(window) and not is_negated(line.text, m.start()):
                best = max(best, float(m.group(1)))
    return min(best, 45.0)


def job_interval(job: Job, as_of: int) -> tuple[int, int] | None:
    """The months a dated job ran, inclusive; "Current" ends at ``as_of`` (a job started after the
    as-of date counts its first month only)."""
    if job.dates is None:
        return None
    end = job.dates.end if job.dates.end is not None else max(as_of, job.dates.start)
    return (job.dates.start, end)


# "5 years as company receptionist and expert customer service provider", inside a longer job.
_YEARS_AS = re.compile(r"\b(\d{1,2})\+?\s*(?:years?|yrs?)\s+(?:as|of|in)\b", re.I)


def _role_interval(view: ResumeView, job: Job, family: str, as_of: int) -> tuple[int, int] | None:
    """The months a job held the role: the whole job, or, for a role read from a duty line that states
    its own length ("5 years as company receptionist"), that many months up to the job's end."""
    interval = job_interval(job, as_of)
    found = job.families.get(family)
    if interval is None or not found or found[0][0] == job.title_index:
        return interval
    stated = _YEARS_AS.search(view.lines[found[0][0]].text)
    if stated is None:
        return interval
    start, end = interval
    return (max(start, end - int(stated.group(1)) * 12 + 1), end)


def seniority(title: str) -> str:
    return "senior" if matcher("roles", "senior", fuzzy=False).find(title) else ""
