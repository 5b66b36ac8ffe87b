"""Soft skills backed by work: a job whose duties exercise the skill every day is the evidence a recruiter
trusts; the words a candidate uses about themselves add a little ("excellent communicator" costs nothing to
write). Both vocabularies per skill are in ``soft_skills.toml`` (``aliases``: said; ``shown_by``: duties).
"""

from __future__ import annotations

from jobmatch.knowledge.vocabulary import Concept, load_vocabulary
from jobmatch.matching import Answer, Context, register
from jobmatch.matching._terms import Found, find_concept, literal, resolve
from jobmatch.matching.skill import TermResult, combine, terms_of
from jobmatch.matching.text import Index, index_of
from jobmatch.models import Category, Evidence, Requirement, Signals

VOCABS = ("soft_skills",)
SOFT_BACKED = 0.75  # a job that exercises the skill, held long enough: met by itself
SOFT_PER_TERM = 0.2  # each distinct self-described word…
SOFT_TERMS_MAX = 0.4  # …up to this much without a backing job
# How long the backing jobs were held, as for a role: a summer job is less than a career. Full strength from
# ROLE_FULL_YEARS * (UNDATED - BASE) / (1 - BASE) years; an undated job gets UNDATED (full strength).
BASE, FULL_YEARS, UNDATED = 0.55, 5.0, 0.7
# Duties found in the experience section but outside any dated job entry: a job, of unknown length.
UNJOBBED = 0.8


def _strength(months: int, dated: bool) -> float:
    if not dated:
        return 1.0
    years = months / 12
    return min(1.0, (BASE + (1 - BASE) * min(years, FULL_YEARS) / FULL_YEARS) / UNDATED)


def backing(index: Index, signals: Signals, concept: Concept) -> tuple[float, list[Found]]:
    """Lines of the work history holding a duty that exercises the skill, and how strongly they back it."""
    rows = sorted(set(index.job_of) | {i for i, s in enumerate(index.sections) if s == "experience"})
    if not rows:
        return 0.0, []
    hits: dict[int, Found] = {}
    for phrase in concept.extra.get("shown_by", ()):
        for f in find_concept(index, Concept(phrase), lines=rows):
            hits.setdefault(f.hit.index, f)
    if not hits:
        return 0.0, []
    jobs = {index.job_of[i] for i in hits if i in index.job_of}
    if not jobs:
        return UNJOBBED, [hits[i] for i in sorted(hits)]
    months = sum(signals.jobs[j].months for j in jobs if j < len(signals.jobs))
    dated = any(signals.jobs[j].months > 0 for j in jobs if j < len(signals.jobs))
    return _strength(months, dated), [hits[i] for i in sorted(hits)]


def match_soft_term(index: Index, signals: Signals, term: str) -> TermResult:
    concept = resolve(term, VOCABS) or literal(term)
    said_hits = find_concept(index, concept, term)
    said_words = list(dict.fromkeys(f.hit.matched.lower() for f in said_hits))
    said = min(SOFT_TERMS_MAX, SOFT_PER_TERM * len(said_words))
    strength, backed = backing(index, signals, concept)
    evidence: list[Evidence] = [f.evidence(index, concept.name) for f in said_hits[:2]]
    why = (
        f"{concept.name}: says " + ", ".join(said_words[:3]) if said_words else f"{concept.name}: not claimed"
    )
    if backed:
        score = min(1.0, SOFT_BACKED * strength + said)
        evidence += [f.evidence(index, concept.name) for f in backed[:2]]
        why += f"; shown by work ({backed[0].hit.matched})"
    else:
        score = said
    return TermResult(term, score, tuple(evidence), why)


@register(Category.SOFT_SKILL)
def match_soft_skill(req: Requirement, ctx: Context) -> Answer:
    index = index_of(ctx.document, ctx.signals)
    load_vocabulary(VOCABS[0])
    results = [match_soft_term(index, ctx.signals, t) for t in terms_of(req)]
    score, evidence, why = combine(results, req.all_of and len(req.terms) > 1)
    return Answer(score, evidence, why[:1].upper() + why[1:], method="soft skill backed by work")
