"""Soft skills backed by work: a job whose duties exercise the skill every day is the evidence a recruiter
trusts; the words a candidate uses about themselves add a little ("excellent communicator" costs nothing to
write). Both vocabularies per skill are in ``soft_skills.toml`` (``aliases``: said; ``shown_by``: duties).
"""

from __future__ import annotations

import dataclasses

from jobmatch.knowledge.vocabulary import Concept, load_vocabulary
from jobmatch.matching import Answer, Context, register
from jobmatch.matching._terms import Found, find_concept, literal, resolve, resolve_by_parts
from jobmatch.matching.skill import TermResult, terms_answer, terms_of
from jobmatch.matching.text import Index, index_of
from jobmatch.models import Category, Evidence, Requirement, RoleSignal, Signals
from jobmatch.signals.roles import HOSPITALITY

VOCABS = ("soft_skills",)
WORK_SECTIONS = ("experience", "accomplishments")
SOFT_BACKED = 0.75  # a job that exercises the skill, held long enough: met by itself
SOFT_PER_TERM = 0.2  # each distinct self-described word…
SOFT_TERMS_MAX = 0.4  # …up to this much without a backing job
# How long the backing jobs were held, as for a role: a summer job is less than a career. Full strength from
# ROLE_FULL_YEARS * (UNDATED - BASE) / (1 - BASE) years; an undated job gets UNDATED (full strength).
BASE, FULL_YEARS, UNDATED = 0.55, 5.0, 0.7


def _strength(months: int, dated: bool) -> float:
    if not dated:
        return 1.0
    years = months / 12
    return min(1.0, (BASE + (1 - BASE) * min(years, FULL_YEARS) / FULL_YEARS) / UNDATED)


# A job backs a skill by its duties when two or more of its lines hold them: one line is incidental.
DUTY_LINES = 2
# Roles held only long ago (none of it in the last ten years): the career has moved elsewhere.
ROLE_OLD = 0.6
# Restaurant and venue service only (host, server): customer-facing, far from the office work it backs.
ROLE_HOSPITALITY = 0.5


def _duty_lines(concept: Concept) -> int:
    """DUTY_LINES, or the skill's own ``duty_lines`` where one duty is the pattern (handling complaints)."""
    own = concept.extra.get("duty_lines", ())
    return int(own[0]) if own and own[0].isdigit() else DUTY_LINES


def _role_strength(role: RoleSignal) -> float:
    """How strongly a held role family backs a skill: by its years, as recruiters read a career."""
    if not role.present:
        return 0.0
    if role.years <= 0:
        return 1.0
    strength = _strength(int(role.years * 12), True)
    if role.recent_years <= 0:
        strength *= ROLE_OLD
    if role.roles and all(r.evidence is not None and r.evidence.term == HOSPITALITY for r in role.roles):
        strength *= ROLE_HOSPITALITY
    return strength


def _by_roles(signals: Signals, concept: Concept) -> tuple[float, list[Evidence]]:
    """The role families the vocabulary names for the skill (``shown_by_roles``), read from the résumé's
    role facts: the strongest one and its quotes."""
    best, evidence = 0.0, []
    for name in concept.extra.get("shown_by_roles", ()):
        role = signals.role(name)
        strength = _role_strength(role)
        if strength > best:
            best, evidence = strength, list(role.evidence[:1])
    return best, evidence


def backing(index: Index, signals: Signals, concept: Concept) -> tuple[float, list[Evidence]]:
    """Work that exercises the skill, and how strongly it backs it: the role families the vocabulary names
    (``shown_by_roles``), or a job with DUTY_LINES lines of its duties (``shown_by``). ``roles_decide``:
    where the vocabulary says so, the roles are the only judge (a service job exercises communication
    daily; a duty line about customers in another job is incidental: on AVON147 it blurred the ranking)."""
    best, evidence = _by_roles(signals, concept)
    if concept.extra.get("roles_decide") == ("true",):
        return best, evidence
    # ``accomplishments_are_work``: an accomplishments section tells what was done at work ("Researched,
    # calmed and rapidly resolved client conflicts"), as a job's duty lines do, not a self-portrait.
    experience = {i for i, s in enumerate(index.sections) if s in WORK_SECTIONS}
    rows = sorted(set(index.job_of) | experience)
    hits: dict[int, Found] = {}
    # ``duty_or_said_in_a_job``: a duty that exercises the skill, or the skill's own word in a job's duty
    # line ("addressing customer concerns, demonstrating empathy"): both are the work, not a self-portrait.
    for phrase in (*concept.extra.get("shown_by", ()), *concept.names) if rows else ():
        for f in find_concept(index, Concept(phrase), lines=rows, fuzzy=False):
            hits.setdefault(f.hit.index, f)
    per_job: dict[int, list[Found]] = {}
    for i in sorted(hits):
        per_job.setdefault(index.job_of.get(i, -1), []).append(hits[i])
    for found in per_job.values():
        if len(found) < _duty_lines(concept):
            continue
        # Duties show the skill exercised, however long the job: full strength (duration is the role
        # families' measure, where a summer job is not a career).
        if best < 1.0:
            best = 1.0
            evidence = [f.evidence(index, concept.name) for f in found[:2]]
    return best, evidence


# ``posting_job_backs_its_soft_skills``: years of the posting's own kind of work (the role fit) exercise
# the soft skills that posting asks for: a teacher's classroom years show the communication a teaching
# posting wants, as a recruiter reads them, whatever words the duties use. As strong as those years.
def _by_posting_job(extra: dict[str, object]) -> tuple[float, list[Evidence]]:
    from jobmatch.matching.education import EXTRA_ROLE_EVIDENCE, EXTRA_ROLE_YEARS

    years = extra.get(EXTRA_ROLE_YEARS, 0.0)
    if not isinstance(years, int | float) or years <= 0:
        return 0.0, []
    found = extra.get(EXTRA_ROLE_EVIDENCE, ())
    evidence = [e for e in found if isinstance(e, Evidence)] if isinstance(found, tuple) else []
    return (_strength(int(years * 12), True), evidence[:1]) if evidence else (0.0, [])


def match_soft_term(
    index: Index, signals: Signals, term: str, extra: dict[str, object] | None = None
) -> TermResult:
    concept = resolve(term, VOCABS) or resolve_by_parts(term, VOCABS) or literal(term)
    # ``no_fuzzy_soft_words``: ordinary words sit a typo from other words ("through"/thorough).
    said_hits = find_concept(index, concept, term, fuzzy=False)
    said_words = list(dict.fromkeys(f.hit.matched.lower() for f in said_hits))
    said = min(SOFT_TERMS_MAX, SOFT_PER_TERM * len(said_words))
    strength, backed = backing(index, signals, concept)
    if extra and concept.extra.get("by_the_posting_job") == ("true",):
        job_strength, job_backed = _by_posting_job(extra)
        if job_strength > strength:
            strength, backed = job_strength, job_backed
    evidence: list[Evidence] = [f.evidence(index, concept.name) for f in said_hits[:2]]
    why = (
        f"{concept.name}: says " + ", ".join(said_words[:3]) if said_words else f"{concept.name}: not claimed"
    )
    if backed and strength > 0:
        score = min(1.0, SOFT_BACKED * strength + said)
        evidence += backed[:2]
        why += f"; shown by work ({backed[0].matched or backed[0].text[:40]})"
    else:
        score = said
    return TermResult(term, score, tuple(evidence), why)


@register(Category.SOFT_SKILL)
def match_soft_skill(req: Requirement, ctx: Context) -> Answer:
    index = index_of(ctx.document, ctx.signals)
    load_vocabulary(VOCABS[0])
    results = [match_soft_term(index, ctx.signals, t, ctx.extra) for t in terms_of(req)]
    if req.all_of and len(results) > 2:
        # ``most_qualities_are_enough``: "Strong interpersonal skills and good judgment, with the ability to
        # juggle multiple deadlines and stay calm under pressure" names a person's qualities, and a résumé
        # that shows most of them meets it as recruiters read it: the score is the mean of the better half
        # of the qualities (the others still named as missing); two qualities are both asked
        kept = sorted(results, key=lambda r: -r.score)[: (len(results) + 1) // 2]
        answer = terms_answer(req, results, "soft skill backed by work")
        return dataclasses.replace(answer, score=sum(r.score for r in kept) / len(kept))
    return terms_answer(req, results, "soft skill backed by work")
