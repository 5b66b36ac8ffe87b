"""Logistics and eligibility (shifts, weekends, lifting, travel, work authorisation, clearance, background
check): no résumé has to show them, so they are asked at the screen (Status.ASK, no weight) unless a line
plainly shows every term asked for ("Worked rotating shifts and weekends", "Active Secret clearance").
"""

from __future__ import annotations

from jobmatch.knowledge.vocabulary import load_vocabulary
from jobmatch.matching import Answer, Context, register
from jobmatch.matching._terms import find_concept, literal, resolve
from jobmatch.matching.skill import terms_of
from jobmatch.matching.text import index_of
from jobmatch.models import Category, Evidence, Requirement, Status

VOCABS = ("logistics",)


@register(Category.LOGISTICS)
def match_logistics(req: Requirement, ctx: Context) -> Answer:
    index = index_of(ctx.document, ctx.signals)
    load_vocabulary(VOCABS[0])
    terms = terms_of(req)
    evidence: list[Evidence] = []
    shown: list[str] = []
    for term in terms:
        concept = resolve(term, VOCABS) or literal(term)
        hits = find_concept(index, concept, term)
        if hits:
            shown.append(term)
            evidence.append(hits[0].evidence(index, concept.name))
    needed = len(terms) if req.all_of else 1
    if len(shown) >= needed:
        return Answer(1.0, tuple(evidence), "Shown by the résumé: " + ", ".join(shown), method="logistics")
    why = "Ask at screen: a résumé need not show " + ", ".join(terms)
    if shown:
        why += f" (it shows {', '.join(shown)})"
    return Answer(0.0, tuple(evidence), why, status=Status.ASK, method="logistics")
