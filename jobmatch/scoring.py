"""Requirement × evidence -> status, 0–1 score, quoted evidence and a sentence saying why; total 0–100.

Every requirement is answered by the matcher registered for its category (``jobmatch.matching``; an
untyped one, "other", by its own words). AVON147's families (degree in business, Office, CRM, cosmetics,
sales support, soft skills) are instances of those matchers and their vocabularies, not special cases.
The recruiter's phrases can raise any requirement (:func:`match_requirement`). The total weighs the
requirements (:func:`weight_of`) and the role fit: how long and how recently the candidate did the
posting's kind of job, from the occupation vocabulary (``knowledge/occupations.toml``), with a seniority
note against the posting's level and a cap for a missed must-have; then how much of the posting's own
wording the résumé shares (``jobmatch.matching.wording``). Every weight below carries the reason it has
that value.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from jobmatch.knowledge.occupations import Family, load_occupations
from jobmatch.matching import Context, matcher_for
from jobmatch.matching.education import (
    EXTRA_EQUIVALENT_YEARS,
    EXTRA_ROLE_EVIDENCE,
    EXTRA_ROLE_LABEL,
    EXTRA_ROLE_YEARS,
)
from jobmatch.matching.experience import (
    EXTRA_MAX_RUNG,
    EXTRA_POSTING_TITLE,
    RELATED_WORK,
    ROLE_BASE,
    ROLE_FULL_YEARS,
    ROLE_OLD,
    ROLE_UNDATED,
    experience_of,
    family_years,
    hospitality_only,
    role_strength,
    role_words,
    target_of,
)
from jobmatch.matching.occupation import Target, field_target, seniority_rung, title_occupations
from jobmatch.matching.text import find_in_lines
from jobmatch.matching.wording import wording_of
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
    Signals,
    Status,
    Wording,
)
from jobmatch.weights import ROLE_FIT_WEIGHT, WORDING_WEIGHT  # the parts of the total, with their reasons

# Required items decide a shortlist; a "plus" only separates otherwise equal candidates.
WEIGHT_REQUIRED = 1.0
WEIGHT_PREFERRED = 0.5
# A status reads "met" from this score up, "partial" above zero.
MET_AT = 0.75


def _status(score: float) -> Status:
    if score >= MET_AT:
        return Status.MET
    return Status.PARTIAL if score > 0 else Status.NOT_FOUND


def match_requirement(
    req: Requirement, signals: Signals, document: Document, extra: dict[str, object] | None = None
) -> RequirementMatch:
    """The requirement's category chooses its matcher (``jobmatch.matching``; "other" is matched by its
    own words). The recruiter's own phrases (``req.phrases``) then raise it: see :func:`_with_phrases`."""
    found = matcher_for(req.category) or matcher_for(Category.OTHER)
    assert found is not None  # every category has a matcher (jobmatch.matching registers them)
    answer = found(req, Context(document, signals, extra if extra is not None else {}))
    score = round(max(0.0, min(1.0, answer.score)), 3)
    status = answer.status or _status(score)
    match = RequirementMatch(
        req,
        status,
        score,
        answer.evidence,
        answer.explanation,
        answer.method or req.category.value,
        answer.summary,
    )
    match = _with_phrases(match, document)
    evidence = _one_per_line(match.evidence)
    return match if len(evidence) == len(match.evidence) else replace(match, evidence=evidence)


def _one_per_line(evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    """A résumé line quoted once per term it shows: "skincare brands such as Clinique and Estee Lauder" is
    one piece of evidence of cosmetics, not three ("Excel and Word" stays evidence of each)."""
    seen: set[tuple[int, int, str, str]] = set()
    out = []
    for e in evidence:
        key = (e.page, e.line, e.text, e.term)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return tuple(out)


# A phrase the recruiter added to a requirement is their own evidence rule: a résumé line holding it meets
# the requirement (at the met threshold, so better evidence found by the matcher still ranks higher).
PHRASE_SCORE = MET_AT


def _with_phrases(match: RequirementMatch, document: Document) -> RequirementMatch:
    req = match.requirement
    if not req.phrases or match.status is Status.ASK or match.score >= PHRASE_SCORE:
        return match
    hits = find_in_lines(req.phrases, document.lines)
    if not hits:
        return match
    hit = hits[0]
    line = document.lines[hit.index]
    ev = Evidence(line.text, line.page, line.number, Method.EXACT, hit.phrase, hit.matched)
    why = f"Recruiter's phrase '{hit.phrase}' found" + (f"; {match.explanation}" if match.explanation else "")
    return RequirementMatch(req, _status(PHRASE_SCORE), PHRASE_SCORE, (ev, *match.evidence), why, "phrase")


# A SKILLS-list keyword that no requirement holds adds a little; one that a requirement already holds
# adds nothing (it would count the same thing twice).
WEIGHT_SKILL_KEYWORD = 0.25
# ``hard_credential``: a licence the posting requires (kind "licence" in knowledge/credentials.toml: the
# law requires it to do the work) is what the job cannot be done without; a recruiter phones the licensed
# first, and the labelling rubric's grade 3 needs it. It weighs as two requirements. Voluntary
# certifications (CompTIA A+ for IT support) weigh as one: weighing them double cost the IT support
# check set's top ten (NDCG@10 0.897 -> 0.839) while it helped the teaching set's.
WEIGHT_REQUIRED_LICENCE = 2.0


@cache
def _a_licence(terms: tuple[str, ...]) -> bool:
    from jobmatch.matching._terms import resolve

    return any((c := resolve(t, ("credentials",))) is not None and c.kind == "licence" for t in terms)


def weight_of(req: Requirement) -> float:
    """The recruiter's weight when they set one; else by kind and source."""
    if req.weight is not None:
        return max(0.0, req.weight)
    if req.source == "skills":
        return 0.0 if req.supports else WEIGHT_SKILL_KEYWORD
    if req.kind is RequirementKind.REQUIRED and req.category is Category.CREDENTIAL and _a_licence(req.terms):
        return WEIGHT_REQUIRED_LICENCE
    return WEIGHT_REQUIRED if req.kind is RequirementKind.REQUIRED else WEIGHT_PREFERRED


def _asked(match: RequirementMatch) -> bool:
    """What no résumé has to show (logistics, eligibility) is settled at the screen: with no recruiter
    weight it neither adds nor takes away, whatever the résumé happens to show of it."""
    req = match.requirement
    return match.status is Status.ASK or (req.category is Category.LOGISTICS and req.weight is None)


def _weight_of_match(match: RequirementMatch) -> float:
    return 0.0 if _asked(match) else weight_of(match.requirement)


# Client-facing work in jobs of another kind: transferable, like related sales work (role fit).
CLIENT_FACING = 0.45


# Adjacent work only (an accountant for an accounts-payable job, retail for a call centre): transferable,
# rising a little with its years.
ADJACENT_FIT_BASE = 0.3
ADJACENT_FIT_SPAN = 0.15


def _is_experience(req: Requirement) -> bool:
    return req.category is Category.EXPERIENCE and req.source != "skills"


@cache
def posting_target(posting: Posting) -> Target:
    """The posting's kind of work: the occupations its title names, and those its required experience
    requirements' fields name (``jobmatch.matching.occupation``). ``preferred_work_is_not_the_job``: "sales
    experience is a plus" on a personal trainer's posting does not make salespeople fit the role: a
    preferred item of work counts only when it is the title's family, or names a job of one related to it
    ("customer service is a plus" on a sales coordinator's; see ``_preferred_is_the_job``)."""
    occupations = tuple(o.id for o in title_occupations(posting.title))
    phrases: list[str] = []
    if not occupations and posting.title.strip():
        phrases.append(posting.title)  # no title of the vocabulary: the family names inside it count
    vocab = load_occupations()
    own = {vocab.occupations[o].family for o in occupations}
    near = own | {r for f in own for r in vocab.families[f].related}
    for req in posting.requirements:
        if not _is_experience(req):
            continue
        target = target_of(req)
        if req.kind is RequirementKind.PREFERRED and own and not _preferred_is_the_job(target, own, near):
            continue  # ``preferred_work_is_not_the_job``
        phrases.extend(target.phrases)
    return field_target(tuple(dict.fromkeys(phrases)), occupations)


def _preferred_is_the_job(target: Target, own: set[str], near: set[str]) -> bool:
    """A preferred item of work is the posting's kind of job when it is work of the title's own family
    ("telemetry" on a nurse's posting), or names a job of a related family ("customer service" on a sales
    coordinator's). An activity that only a related family's duties name ("producing content for social
    media" on a video editor's, which marketing's duties name) is a plus, not the job."""
    if target.families and target.families <= own:
        return True
    return bool(target.primary) and bool(target.families & near)


def _posting_signal_families(target: Target) -> tuple[Family, ...]:
    """The posting's own families (of the occupations its title and fields name) when every one carries a
    tuned role signal in ``Signals`` (else ())."""
    vocab = load_occupations()
    families = tuple(f for f in vocab.families.values() if f.id in target.core)
    return families if families and all(f.signal for f in families) else ()


def posting_role_families(posting: Posting) -> tuple[str, ...]:
    """The job families the posting is for (ids of ``knowledge/occupations.toml``)."""
    families = posting_target(posting).families
    return tuple(f for f in load_occupations().families if f in families)


@dataclass(frozen=True, slots=True)
class _Fit:
    fit: RoleFit
    years: float  # years of the posting's kind of work (for "or equivalent experience")
    label: str
    own_years: float | None = None  # the role's own years where ``years`` adds its field's sibling jobs


def _signal_fit(families: tuple[Family, ...], signals: Signals) -> _Fit:
    """Role fit from the tuned role signals of the posting's families."""
    ids = tuple(f.id for f in families)
    adjacent_years = 0.0
    for fam in families:
        adjacent_years = max(
            adjacent_years, signals.years_of(fam.adjacent_years) if fam.adjacent_years else 0.0
        )
    years = adjacent_years
    for fam in families:
        role = signals.role(fam.signal)
        if hospitality_only(role):
            # Years waiting tables do not stand in for the posting's kind of work.
            years = round(max(0.0, years - role.years), 1)
    label = " or ".join(f.name for f in families)
    best, chosen = 0.0, None
    for fam in families:
        role = signals.role(fam.signal)
        if not role.present:
            continue
        strength = role_strength(role)
        if strength > best:
            best, chosen = strength, (fam, role)
    if chosen is not None:
        fam, role = chosen
        why = f"{fam.id.replace('_', ' ')}: {role_words(role)}"
        return _Fit(RoleFit(round(best, 3), ids, why, role.evidence[:2]), years, label)
    for fam in families:
        sig = signals.term(fam.adjacent_signal) if fam.adjacent_signal else None
        if sig is not None and sig.present:
            why = f"Client-facing work ({sig.terms[0]} of the work history), not the role itself"
            return _Fit(RoleFit(CLIENT_FACING, ids, why, sig.evidence), years, label)
    if adjacent_years > 0:
        return _Fit(
            RoleFit(RELATED_WORK, ids, "Related jobs, not the role this posting is for"), years, label
        )
    return _Fit(RoleFit(0.0, ids, "No job of the kind this posting is for"), years, label)


def _generic_fit(target: Target, ctx: Context) -> _Fit:
    """Role fit from the work history matched against the posting's occupations."""
    ids = tuple(f for f in load_occupations().families if f in target.families)
    label = (
        " or ".join(target.phrases)
        if target.phrases
        else ", ".join(load_occupations().occupations[o].title for o in sorted(target.primary))
    )
    exp = experience_of(target, ctx)
    titles = ", ".join(dict.fromkeys(m.job.title for m in exp.matches if m.how != "adjacent" and m.job.title))
    if exp.years > 0:
        strength = ROLE_BASE + (1 - ROLE_BASE) * min(exp.years, ROLE_FULL_YEARS) / ROLE_FULL_YEARS
        if exp.recent_years <= 0:
            strength *= ROLE_OLD
        why = f"{label}: {titles[:80] or 'duties'} ({exp.years:g} y)"
    elif exp.undated:
        strength, why = ROLE_UNDATED, f"{label}: {titles[:80] or 'duties'} (no dates)"
    elif exp.adjacent:
        strength = (
            ADJACENT_FIT_BASE + ADJACENT_FIT_SPAN * min(exp.adjacent_years, ROLE_FULL_YEARS) / ROLE_FULL_YEARS
        )
        near = exp.matches[0]
        why = f"Related work ({near.job.title or near.phrase}), not the role itself"
    else:
        strength, why = 0.0, "No job of the kind this posting is for"
    years = family_years(exp, target)
    if years > exp.years:
        label = f"{label} or related work of its field"
    return _Fit(RoleFit(round(strength, 3), ids, why, exp.evidence[:2]), years, label, exp.years)


def _fit(posting: Posting, signals: Signals, ctx: Context) -> _Fit:
    target = posting_target(posting)
    if not target:
        return _Fit(RoleFit(0.0, (), "The posting's title names no occupation of the vocabulary"), 0.0, "")
    families = _posting_signal_families(target)
    if families:
        return _signal_fit(families, signals)
    return _generic_fit(target, ctx)


def role_fit(posting: Posting, signals: Signals, document: Document | None = None) -> RoleFit:
    """How long and how recently the candidate did the posting's kind of job."""
    doc = document if document is not None else Document("", "txt", (), 0)
    return _fit(posting, signals, Context(doc, signals, {})).fit


# Far above the level of the role (a VP or director for a coordinator's or a clerk's job): a recruiter
# screens them lower, but they are not unqualified. "Far" is three rungs of the seniority ladder.
SENIORITY_PENALTY = 0.85
SENIORITY_GAP = 3
# A must-have the candidate does not meet caps the total here: below any candidate who meets every
# must-have and most of the rest, while the ranking among those who miss it is kept.
MUST_HAVE_CAP = 50.0


def posting_rung(posting: Posting) -> int:
    """The posting's seniority: its title's ladder rung, else its "Experience Level" field's ("Entry
    Level"), else its occupation's level, else staff (1)."""
    for text in (posting.title, posting.field("Experience Level")):
        rung = seniority_rung(text) if text else None
        if rung is not None:
            return rung
    occupations = title_occupations(posting.title)
    return occupations[0].level if occupations else 1


def requirement_points(matches: tuple[RequirementMatch, ...]) -> tuple[float, ...]:
    """What each requirement adds to the total (0–100) when no cap or penalty applies, as score_candidate
    weighs it: its weight times its score, as a share of the requirements' part of the total."""
    total_weight = sum(_weight_of_match(m) for m in matches) or 1.0
    share = (1 - WORDING_WEIGHT) * (1 - ROLE_FIT_WEIGHT) * 100.0 / total_weight
    return tuple(share * _weight_of_match(m) * m.score for m in matches)


@dataclass(frozen=True, slots=True)
class Assessment:
    total: float  # 0..100
    requirements_score: float  # 0..100
    matches: tuple[RequirementMatch, ...]
    role_fit: RoleFit
    notes: tuple[str, ...]
    wording: Wording = field(default_factory=Wording)
    seniority_factor: float = 1.0  # what the requirements and role fit were multiplied by (SENIORITY_PENALTY)
    capped_at: float | None = None  # the cap a missed must-have put on the total, when it lowered it


def role_fit_points(fit: RoleFit) -> float:
    """What the role fit adds to the total (0–100) when no cap or penalty applies."""
    return (1 - WORDING_WEIGHT) * ROLE_FIT_WEIGHT * 100.0 * fit.score


def wording_points(wording: Wording) -> float:
    """What the wording adds to the total (0–100) when no cap applies; the seniority penalty never
    touches it."""
    return WORDING_WEIGHT * 100.0 * wording.score


def score_candidate(posting: Posting, signals: Signals, document: Document) -> Assessment:
    """Total 0–100 = requirements (weighted) and role fit (the seniority penalty applied to those two),
    then the wording's share, a missed must-have's cap on the whole; with notes on anything that changed
    it."""
    extra: dict[str, object] = {
        EXTRA_MAX_RUNG: posting_rung(posting) + SENIORITY_GAP - 1,
        EXTRA_POSTING_TITLE: posting.title,
    }
    fit = _fit(posting, signals, Context(document, signals, extra))
    # the role's own years back its soft skills; sibling jobs of its field count only as equivalent
    # experience for a degree (``sibling_years_are_equivalent``)
    extra[EXTRA_ROLE_YEARS] = fit.years if fit.own_years is None else fit.own_years
    extra[EXTRA_EQUIVALENT_YEARS] = fit.years
    extra[EXTRA_ROLE_LABEL] = fit.label or "the posting's kind of work"
    extra[EXTRA_ROLE_EVIDENCE] = fit.fit.evidence
    matches = tuple(match_requirement(r, signals, document, extra) for r in posting.requirements)
    total_weight = sum(_weight_of_match(m) for m in matches) or 1.0
    requirements = 100.0 * sum(_weight_of_match(m) * m.score for m in matches) / total_weight
    total = (1 - ROLE_FIT_WEIGHT) * requirements + ROLE_FIT_WEIGHT * 100.0 * fit.fit.score
    notes: list[str] = []
    factor = 1.0
    rung = seniority_rung(signals.latest_title) if signals.latest_title else None
    if rung is not None and rung - posting_rung(posting) >= SENIORITY_GAP:
        factor = SENIORITY_PENALTY
        total *= factor
        notes.append(f"latest title ({signals.latest_title}) is far above the role's level")
    missed = [
        m.requirement.id
        for m in matches
        if m.requirement.must_have and m.status is not Status.MET and not _asked(m)
    ]
    wording = wording_of(posting, document)
    total = (1 - WORDING_WEIGHT) * total + wording_points(wording)
    capped_at = None
    if missed and total > MUST_HAVE_CAP:
        total = capped_at = MUST_HAVE_CAP
        notes.append(f"must-have not met ({', '.join(missed)}): total capped at {MUST_HAVE_CAP:g}")
    return Assessment(
        round(total, 1), round(requirements, 1), matches, fit.fit, tuple(notes), wording, factor, capped_at
    )
