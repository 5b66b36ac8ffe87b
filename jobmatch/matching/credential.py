"""Licences and certifications: the catalogue's names, aliases and abbreviations (``credentials.toml``),
with what the résumé says about them on the same line: not held yet ("training towards", "expected"),
lapsed ("expired"), current ("active", an expiry date), and the state when the posting names one.
"""

from __future__ import annotations

from dataclasses import replace

from jobmatch.knowledge.vocabulary import Concept, load_vocabulary, read_toml
from jobmatch.matching import Answer, Context, register
from jobmatch.matching._terms import find_concept
from jobmatch.matching.skill import TermResult, match_term, terms_answer, terms_of
from jobmatch.matching.text import Index, index_of
from jobmatch.models import Category, Requirement

VOCABS = ("credentials",)
PENDING = 0.4  # "training towards", "expected": not held yet
LAPSED = 0.4  # "expired": held once
NO_STATE = 0.85  # held, the state not said: met, but worth a question


def _status_words() -> dict[str, tuple[str, ...]]:
    table = read_toml("credentials").get("_status", {})
    return {k: tuple(v) for k, v in table.items() if isinstance(v, list)}


def _said(index: Index, i: int, phrases: tuple[str, ...]) -> str:
    for p in phrases:
        hits = find_concept(index, Concept(p), lines=(i,))
        if hits:
            return hits[0].hit.matched
    return ""


def qualify(index: Index, result: TermResult, states: tuple[str, ...]) -> TermResult:
    """The credential's line says more: pending, lapsed, current, which state."""
    if result.score <= 0 or not result.evidence:
        return result
    words = _status_words()
    best = result
    for ev in result.evidence:
        i = next(
            (k for k, line in enumerate(index.lines) if line.page == ev.page and line.number == ev.line), -1
        )
        if i < 0:
            continue
        score, why = result.score, result.why
        pending = _said(index, i, words.get("pending", ()))
        lapsed = _said(index, i, words.get("lapsed", ()))
        if pending:
            score, why = min(score, PENDING), f"{why}, not held yet ({pending})"
        elif lapsed:
            score, why = min(score, LAPSED), f"{why}, {lapsed}"
        else:
            current = _said(index, i, words.get("current", ()))
            if current:
                why = f"{why} ({current})"
            if states:
                state = next((s for s in states if find_concept(index, Concept(s), lines=(i,))), "")
                if state:
                    why = f"{why}, {state}"
                else:
                    score, why = min(score, NO_STATE), f"{why}; state not said ({', '.join(states)} asked)"
        if score > best.score or best is result:
            best = replace(result, score=score, why=why, evidence=(ev,))
    return best


@register(Category.CREDENTIAL)
def match_credential(req: Requirement, ctx: Context) -> Answer:
    index = index_of(ctx.document, ctx.signals)
    load_vocabulary(VOCABS[0])
    results = [qualify(index, match_term(index, t, VOCABS), req.fields) for t in terms_of(req)]
    return terms_answer(req, results, "credential catalogue")
