"""Requirement × evidence -> status, 0–1 score, quoted evidence and a sentence saying why; total 0–100.

Each requirement is answered by one signal family (chosen from its wording, see ``data/concepts.txt``);
a requirement no family understands is scored by its own keywords, fuzzily. Every weight below carries
the reason it has that value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from jobmatch.matching import Context, matcher_for
from jobmatch.models import (
    Category,
    Document,
    Evidence,
    Method,
    Posting,
    Requirement,
    RequirementKind,
    RequirementMatch,
    RoleFit,
    RoleSignal,
    Signals,
    Status,
    TermSignal,
)
from jobmatch.signals.roles import HOSPITALITY
from jobmatch.signals.vocab import Corrector, Entry, TermMatcher, matcher

# Required items decide a shortlist; a "plus" only separates otherwise equal candidates.
WEIGHT_REQUIRED = 1.0
WEIGHT_PREFERRED = 0.5
# A status reads "met" from this score up, "partial" above zero.
MET_AT = 0.75
# Years of sales/service work that stand in for a degree when the posting says "or equivalent experience"
# (four years of work ~ a four-year degree); half of that earns partial credit.
EQUIVALENT_YEARS = 4.0
# Far above the level of the role (VP, director, owner): a recruiter screens them lower for a coordinator
# job, but they are not unqualified.
SENIORITY_PENALTY = 0.85

CONCEPT_ORDER = (
    "degree",
    "office",
    "crm",
    "cosmetics",
    "experience",
    "customer_focus",
    "communication",
    "organization",
)


@cache
def concept_of(requirement: Requirement) -> str:
    """The signal family that answers a requirement, or "keywords"."""
    text = requirement.text
    for concept in CONCEPT_ORDER:
        if matcher("concepts", concept, fuzzy=False, with_exclude=False).find(text):
            return concept
    return "keywords"


def _status(score: float) -> Status:
    if score >= MET_AT:
        return Status.MET
    return Status.PARTIAL if score > 0 else Status.NOT_FOUND


@dataclass(frozen=True, slots=True)
class _Answer:
    score: float
    evidence: tuple[Evidence, ...]
    explanation: str


_FIELD_WORDS = re.compile(
    r"\b(?:in|of)\s+(?:business|marketing|communications?|finance|economics|related)", re.I
)


def _degree(req: Requirement, s: Signals) -> _Answer:
    d = s.degree
    wants_field = bool(_FIELD_WORDS.search(req.text)) or "related field" in req.text.lower()
    wants_level = "bachelor"
    for level in ("doctorate", "master", "associate"):
        if matcher("degrees", level, fuzzy=False).find(req.text):
            wants_level = level
            break
    order = ("unknown", "none", "high_school", "associate", "bachelor", "master", "doctorate")
    have, need = order.index(d.level), order.index(wants_level)
    label = d.level.replace("_", " ") + (f" in {d.field}" if d.field else "")
    score, why = 0.0, ""
    if have >= need:
        if not wants_field or d.field_related:
            score, why = (
                1.0,
                f"{label}: the level asked for"
                + (", in a related field" if wants_field else "")
                + (f" ({d.related_degree})" if wants_field and d.related_degree else ""),
            )
        else:
            # Right level, other field: most recruiters still count a degree for a coordinator role.
            score, why = 0.6, f"{label}: the level asked for, but not a business-related field"
        if d.in_progress:
            note = f": {d.progress}" if d.progress else ""
            score, why = score * 0.7, f"{why} (still in progress{note})"
    elif d.level == "associate" or (d.level == "bachelor" and need > order.index("bachelor")):
        score, why = 0.4, f"{label}: below the level asked for"
    elif d.level == "high_school":
        score, why = 0.1, "high-school diploma only"
    else:
        if d.level == "unknown":
            why = "studies in progress, no degree named" if d.in_progress else "no degree found"
        else:
            why = "no degree"
    evidence = d.evidence
    if req.alternatives and any("equivalent" in a for a in req.alternatives):
        years = s.sales_or_service_years
        if _hospitality_only(s.customer_service):
            # Years waiting tables do not stand in for a business degree.
            years = round(max(0.0, years - s.customer_service.years), 1)
        alt = 0.0
        if years >= EQUIVALENT_YEARS:
            alt = 0.9
        elif years >= EQUIVALENT_YEARS / 2:
            alt = 0.6
        if alt > score:
            score = alt
            why = f"{why}; {years:g} years of sales/service work count as equivalent experience"
            evidence = d.evidence + s.sales_support.evidence[:2] + s.customer_service.evidence[:2]
    return _Answer(score, evidence, why[:1].upper() + why[1:] if why else "")


def _office(req: Requirement, s: Signals) -> _Answer:
    o = s.microsoft_office
    if not o.present:
        return _Answer(0.0, (), "No Microsoft Office suite or application named")
    fuzzy_only = all(e.method is Method.FUZZY for e in o.evidence)
    suite = "Microsoft Office" in o.terms
    score = 1.0 if suite or len(o.terms) >= 2 else 0.7
    if fuzzy_only:
        score *= 0.9  # misspelt names still show use, with a little less certainty
    return _Answer(score, o.evidence, "Names " + ", ".join(o.terms))


_STRONG_BEAUTY = re.compile(r"advisor|esthetician|cosmetologist|industry|counter|makeup|[A-Z]")


def _cosmetics(req: Requirement, s: Signals) -> _Answer:
    c = s.cosmetics
    if not c.present:
        return _Answer(0.0, (), "No cosmetics or beauty experience found")
    strong = [t for t in c.terms if _STRONG_BEAUTY.search(t)]  # brands, retailers, beauty roles
    in_experience = any(e.section in ("experience", "") for e in c.evidence)
    # A brand, retailer or beauty role (or several beauty words) is knowledge of the industry; it counts
    # fully when it comes from a job, not only a skills list. One generic product word is partial.
    score = (1.0 if in_experience else 0.8) if strong or len(c.terms) >= 2 else 0.6
    return _Answer(score, c.evidence, "Beauty/cosmetics: " + ", ".join(c.terms))


def _crm(req: Requirement, s: Signals) -> _Answer:
    c = s.crm
    if not c.present:
        return _Answer(0.0, (), "No CRM system named")
    return _Answer(1.0, c.evidence, "Uses " + ", ".join(c.terms))


# A sales-support or service job counts for more the longer it was held: a summer as a cashier is not
# a career in customer service. Full credit from five years ("several years" of such work, as recruiters
# read it); an undated job gets the middle.
ROLE_BASE = 0.55
ROLE_FULL_YEARS = 5.0
ROLE_UNDATED = 0.7
ROLE_OLD = 0.6
# Sales jobs without support or service duties: related work, not the role asked for.
SALES_ONLY = 0.45
# Work that deals with clients or customers throughout, in jobs of another kind (loan officer, PR
# account work): transferable, and scored like related sales work.
CLIENT_FACING = 0.45
# Service work in restaurants and venues only (host, server, crew member): customer-facing, but far from
# accounts, orders and sales records.
ROLE_HOSPITALITY = 0.5


def role_strength(role: RoleSignal) -> float:
    """0 when absent; ROLE_BASE..1 with the years held."""
    if not role.present:
        return 0.0
    if role.years <= 0:
        strength = ROLE_UNDATED
    else:
        strength = ROLE_BASE + (1 - ROLE_BASE) * min(role.years, ROLE_FULL_YEARS) / ROLE_FULL_YEARS
        if role.recent_years <= 0:
            strength *= ROLE_OLD  # all of it over ten years ago: the career has moved elsewhere
    if _hospitality_only(role):
        strength *= ROLE_HOSPITALITY
    return strength


def _hospitality_only(role: RoleSignal) -> bool:
    return bool(role.roles) and all(
        r.evidence is not None and r.evidence.term == HOSPITALITY for r in role.roles
    )


def _role_words(role: RoleSignal) -> str:
    """ "Host/Server (6 y)": the titles and years, saying when restaurant service only counts half."""
    text = f"{', '.join(role.titles[:3]) or 'duties'} ({role.years:g} y)"
    return text + (", restaurant/venue service: half weight" if _hospitality_only(role) else "")


def _experience(req: Requirement, s: Signals) -> _Answer:
    ss, cs = s.sales_support, s.customer_service
    parts = []
    if ss.present:
        parts.append(f"sales support: {_role_words(ss)}")
    if cs.present:
        parts.append(f"customer service: {_role_words(cs)}")
    score = max(role_strength(ss), role_strength(cs))
    if not parts:
        if s.sales_or_service_years > 0:
            return _Answer(
                SALES_ONLY, (), f"{s.sales_or_service_years:g} years in sales roles, none in support/service"
            )
        return _Answer(0.0, (), "No sales-support or customer-service role found")
    return _Answer(score, ss.evidence[:3] + cs.evidence[:3], "; ".join(parts))


# Soft skills: a job that needs them every day is the evidence a recruiter trusts; the words a candidate
# uses about themselves add a little ("excellent communicator" costs nothing to write).
SOFT_BACKED = 0.75  # a customer-facing / coordination job alone: met
SOFT_PER_TERM = 0.2  # each distinct self-described term…
SOFT_TERMS_MAX = 0.4  # …up to this much without a backing job


def _soft(family: str, backing_text: str) -> Callable[[Requirement, Signals], _Answer]:
    def answer(req: Requirement, s: Signals) -> _Answer:
        sig: TermSignal = getattr(s, family)
        said = min(SOFT_TERMS_MAX, SOFT_PER_TERM * len(sig.terms))
        why = ("Says: " + ", ".join(sig.terms[:4])) if sig.terms else "Not claimed in words"
        backing, strength = _backing(family, s)
        evidence = sig.evidence[:3]
        if backing:
            score = min(1.0, SOFT_BACKED * strength + said)
            why += f"; {backing_text}: {backing[0].text[:60]}"
            evidence = evidence + backing[:1]
        else:
            score = said
        return _Answer(score, evidence, why)

    return answer


def _backing(family: str, s: Signals) -> tuple[tuple[Evidence, ...], float]:
    """Evidence of a job that exercises the skill daily, and how strongly (see role_strength)."""
    roles = [s.customer_service, s.sales_support]
    if family == "organization":
        roles = [s.sales_support, s.admin]
    strength = max((role_strength(r) for r in roles), default=0.0)
    return tuple(e for r in roles for e in r.evidence)[:2], min(1.0, strength / ROLE_UNDATED)


_ANSWERS = {
    "degree": _degree,
    "office": _office,
    "cosmetics": _cosmetics,
    "crm": _crm,
    "experience": _experience,
    "customer_focus": _soft("customer_focus", "shown by customer-facing work"),
    "communication": _soft("communication", "shown by client-facing work"),
    "organization": _soft("organization", "shown by coordination or admin work"),
}

_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "or",
        "the",
        "of",
        "in",
        "on",
        "for",
        "to",
        "with",
        "is",
        "are",
        "be",
        "as",
        "at",
        "by",
        "from",
        "our",
        "your",
        "you",
        "we",
        "will",
        "this",
        "that",
        "plus",
        "preferred",
        "required",
        "must",
        "have",
        "nice",
        "strong",
        "excellent",
        "good",
        "proven",
        "ability",
        "experience",
        "years",
        "year",
        "knowledge",
        "understanding",
        "skills",
        "skill",
        "including",
        "etc",
        "e",
        "g",
        "i",
        "e",
        "using",
        "use",
        "work",
        "working",
    ]
)


@cache
def _keyword_matcher(text: str) -> tuple[TermMatcher, tuple[str, ...]]:
    words = [w for w in re.findall(r"[a-z][a-z0-9+#.\-]*[a-z0-9+#]|[a-z]", text.lower()) if w not in _STOP]
    keys = tuple(dict.fromkeys(w for w in words if len(w) > 1))
    entries = tuple(Entry(k, (k,)) for k in keys)
    return TermMatcher(entries, (), Corrector(frozenset(keys))), keys


def _keywords(req: Requirement, document: Document) -> _Answer:
    options = [req.text] if not req.alternatives else [*req.alternatives, req.text]
    best = _Answer(0.0, (), "None of its keywords found")
    for option in options:
        tm, keys = _keyword_matcher(option)
        if not keys:
            continue
        found: dict[str, Evidence] = {}
        for line in document.lines:
            for hit in tm.find(line.text):
                if hit.canonical not in found:
                    found[hit.canonical] = Evidence(
                        line.text, line.page, line.number, hit.method, hit.canonical, hit.matched, hit.ratio
                    )
        share = len(found) / len(keys)
        if share > best.score:
            missing = [k for k in keys if k not in found]
            why = f"Found {len(found)} of {len(keys)} keywords" + (
                f"; missing {', '.join(missing)}" if missing else ""
            )
            best = _Answer(share, tuple(found.values())[:6], why)
    return best


def match_requirement(req: Requirement, signals: Signals, document: Document) -> RequirementMatch:
    """The requirement's category chooses its matcher (``jobmatch.matching``); a category without one
    is answered by the signal family its wording names, else by its own keywords."""
    found = matcher_for(req.category) if req.category is not Category.OTHER else None
    if found is not None:
        answer = found(req, Context(document, signals))
        score = round(max(0.0, min(1.0, answer.score)), 3)
        status = answer.status or _status(score)
        return RequirementMatch(
            req,
            status,
            score,
            answer.evidence,
            answer.explanation,
            answer.method or req.category.value,
            answer.summary,
        )
    concept = concept_of(req)
    legacy = _keywords(req, document) if concept == "keywords" else _ANSWERS[concept](req, signals)
    score = round(max(0.0, min(1.0, legacy.score)), 3)
    return RequirementMatch(req, _status(score), score, legacy.evidence, legacy.explanation, concept)


# A SKILLS-list keyword that no requirement holds adds a little; one that a requirement already holds
# adds nothing (it would count the same thing twice).
WEIGHT_SKILL_KEYWORD = 0.25


def weight_of(req: Requirement) -> float:
    """The recruiter's weight when they set one; else by kind and source."""
    if req.weight is not None:
        return max(0.0, req.weight)
    if req.source == "skills":
        return 0.0 if req.supports else WEIGHT_SKILL_KEYWORD
    return WEIGHT_REQUIRED if req.kind is RequirementKind.REQUIRED else WEIGHT_PREFERRED


def _weight_of_match(match: RequirementMatch) -> float:
    # What no résumé can show is asked at the screen: it neither adds nor takes away.
    return 0.0 if match.status is Status.ASK else weight_of(match.requirement)


# The requirements list is what the posting asks for; a recruiter's first screen is whether the person has
# done this kind of job before. That second question is a quarter of the total, shown as "role fit".
ROLE_FIT_WEIGHT = 0.25
_ROLE_FAMILIES = ("sales_support", "customer_service", "sales", "admin")


@cache
def posting_role_families(posting: Posting) -> tuple[str, ...]:
    """The job families the posting is for: from its title, and from requirements asking for experience."""
    texts = [posting.title] + [r.text for r in posting.requirements if concept_of(r) == "experience"]
    found: set[str] = set()
    for text in texts:
        hits = [(f, h) for f in _ROLE_FAMILIES for h in matcher("roles", f, fuzzy=False).find(text)]
        for family, hit in hits:
            # "Account Sales Coordinator" is a sales-support title, not an admin "coordinator" one.
            inside_longer = any(
                (o.start <= hit.start and hit.end <= o.end) and (o.end - o.start) > (hit.end - hit.start)
                for _, o in hits
            )
            if not inside_longer:
                found.add(family)
    return tuple(f for f in _ROLE_FAMILIES if f in found)


def role_fit(posting: Posting, signals: Signals) -> RoleFit:
    families = posting_role_families(posting)
    if not families:
        # A posting outside our role vocabularies: compare its title with the candidate's latest title.
        if not posting.title or not signals.latest_title:
            return RoleFit(0.0, (), "No job title to compare with the posting's")
        ratio = fuzz.token_set_ratio(posting.title.lower(), signals.latest_title.lower()) / 100
        return RoleFit(round(ratio, 3), (), f"Latest title '{signals.latest_title}' vs '{posting.title}'")
    best, label = 0.0, ""
    evidence: tuple[Evidence, ...] = ()
    for family in families:
        role: RoleSignal | None = getattr(signals, family, None)
        if role is None or not role.present:
            continue
        strength = role_strength(role)
        if strength > best:
            best, label, evidence = strength, family, role.evidence[:2]
    if best == 0.0 and signals.client_facing.present:
        return RoleFit(
            CLIENT_FACING,
            families,
            f"Client-facing work ({signals.client_facing.terms[0]} of the work history), not the role itself",
            signals.client_facing.evidence,
        )
    if best == 0.0 and signals.sales_or_service_years > 0:
        return RoleFit(
            SALES_ONLY, families, "Sales jobs, not the support or service role this posting is for"
        )
    if best == 0.0:
        return RoleFit(0.0, families, "No job of the kind this posting is for")
    role = getattr(signals, label)
    why = f"{label.replace('_', ' ')}: {_role_words(role)}"
    return RoleFit(round(best, 3), families, why, evidence)


@dataclass(frozen=True, slots=True)
class Assessment:
    total: float  # 0..100
    requirements_score: float  # 0..100
    matches: tuple[RequirementMatch, ...]
    role_fit: RoleFit
    notes: tuple[str, ...]


def score_candidate(posting: Posting, signals: Signals, document: Document) -> Assessment:
    """Total 0–100 = requirements (weighted) and role fit, with notes on anything that changed it."""
    matches = tuple(match_requirement(r, signals, document) for r in posting.requirements)
    total_weight = sum(_weight_of_match(m) for m in matches) or 1.0
    requirements = 100.0 * sum(_weight_of_match(m) * m.score for m in matches) / total_weight
    fit = role_fit(posting, signals)
    total = (1 - ROLE_FIT_WEIGHT) * requirements + ROLE_FIT_WEIGHT * 100.0 * fit.score
    notes: list[str] = []
    if signals.seniority == "senior":
        total *= SENIORITY_PENALTY
        notes.append(f"latest title ({signals.latest_title}) is far above the role's level")
    return Assessment(round(total, 1), round(requirements, 1), matches, fit, tuple(notes))
