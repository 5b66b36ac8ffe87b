"""The fallback for a requirement of no known kind (Category.OTHER): its own words, done right.

The requirement is cut into units: the named things of the vocabularies it mentions (so "A/P" is accounts
payable and "QuickBooks" one unit) and its other content words (stems; no stop words, no boilerplate such
as "experience" or "strong"). The score is the share of units found together in one line or one job entry;
a lone common word among several is not evidence. Typos of long words count, as fuzzy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from jobmatch.knowledge.vocabulary import Concept, load_vocabulary
from jobmatch.matching import Answer, Context, register
from jobmatch.matching._terms import Found, find_concept, stems_of
from jobmatch.matching.text import Index, Phrase, compile_phrase, content_stems, index_of, tokenize
from jobmatch.models import Category, Document, Evidence, Line, Method, Requirement

VOCABS = ("skills", "credentials", "languages", "industries")
MAX_EVIDENCE = 4
# With this many units or more, one plain word found alone ("customer", "team") is not evidence.
LONE_WORD_UNITS = 3


@dataclass(frozen=True, slots=True)
class Unit:
    label: str
    concept: Concept | None  # a named thing of a vocabulary
    phrase: Phrase | None  # else one content word (by stem; fuzzy for long words)


@cache
def units_of(text: str) -> tuple[Unit, ...]:
    """The named things and content words of a requirement, each once."""
    mini = Index(Document("", "txt", (Line(text, 1, 1),), 1))
    units: list[Unit] = []
    covered: set[str] = set()
    for name in VOCABS:
        for concept in load_vocabulary(name).concepts:
            if concept.members and concept.kind == "industry":
                continue
            hits = find_concept(mini, concept)
            if hits and concept.name not in {u.label for u in units}:
                units.append(Unit(concept.name, concept, None))
                covered.update(stems_of(hits[0].hit.matched))
    for s in content_stems(text):
        if s in covered:
            continue
        raw = next((t.raw for t in tokenize(text) if t.stem == s), s)
        units.append(Unit(raw, None, compile_phrase(raw, fuzzy=len(raw) >= 6 and raw.isalpha())))
        covered.add(s)
    return tuple(units)


def _hits(index: Index, unit: Unit) -> list[Found]:
    if unit.concept is not None:
        return find_concept(index, unit.concept)
    assert unit.phrase is not None
    return [Found(unit.label, h, unit.label, h.method) for h in index.find(unit.phrase)]


@register(Category.OTHER)
def match_other(req: Requirement, ctx: Context) -> Answer:
    index = index_of(ctx.document, ctx.signals)
    options = [req.text, *req.alternatives] if req.alternatives else [req.text]
    best = Answer(0.0, (), "None of its words found", method="keywords")
    for option in options:
        units = units_of(" ".join([option, *req.phrases]))
        if not units:
            continue
        found = {u.label: _hits(index, u) for u in units}
        # scopes: each line, and each job entry (its lines together)
        scopes: dict[tuple[str, int], dict[str, Found]] = {}
        for label, hits in found.items():
            for f in hits:
                i = f.hit.index
                scopes.setdefault(("line", i), {}).setdefault(label, f)
                if i in index.job_of:
                    scopes.setdefault(("job", index.job_of[i]), {}).setdefault(label, f)
        if not scopes:
            continue
        scope = max(scopes.values(), key=lambda s: (len(s), -min(f.hit.index for f in s.values())))
        plain = {u.label for u in units if u.concept is None}
        if len(scope) == 1 and len(units) >= LONE_WORD_UNITS and next(iter(scope)) in plain:
            continue  # a lone common word among several is not evidence
        share = len(scope) / len(units)
        if share > best.score:
            fs = sorted(scope.values(), key=lambda f: f.hit.index)
            evidence: tuple[Evidence, ...] = tuple(f.evidence(index, f.concept) for f in fs[:MAX_EVIDENCE])
            missing = [u.label for u in units if u.label not in scope]
            why = f"Found {len(scope)} of {len(units)} together" + (
                f"; missing {', '.join(missing[:5])}" if missing else ""
            )
            best = Answer(round(share, 3), evidence, why, method="keywords")
    if best.evidence and all(e.method is Method.FUZZY for e in best.evidence):
        best = Answer(best.score * 0.9, best.evidence, best.explanation, method=best.method)
    return best
