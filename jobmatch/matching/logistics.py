"""Logistics and eligibility (shifts, weekends, lifting, travel, work authorisation, clearance, background
check): no résumé has to show them, so they carry no weight and, when the résumé says nothing, are asked at
the screen (Status.ASK). What a résumé does show is reported: every term asked for on its lines is met
("Worked rotating shifts and weekends", "Active Secret clearance"); some of them, or a related arrangement
of the same family ("working overtime as needed", "flexible schedule" for rotating shifts; families in
``knowledge/logistics.toml``) is partial, the rest still to ask.
"""

from __future__ import annotations

import re

from jobmatch.knowledge.words import people_nouns
from jobmatch.matching import Answer, Context, register
from jobmatch.matching.skill import TermResult, match_term, terms_of
from jobmatch.matching.text import index_of
from jobmatch.models import Category, Requirement, Status

VOCABS = ("logistics",)
# Shown in part (one of two terms, or only a related arrangement): partial; logistics carry no weight, so
# the figure only orders the evidence.
PARTLY = 0.5


@register(Category.LOGISTICS)
def match_logistics(req: Requirement, ctx: Context) -> Answer:
    index = index_of(ctx.document, ctx.signals)
    terms = terms_of(req)
    results = [_own(match_term(index, term, VOCABS)) for term in terms]
    direct = [r for r in results if r.score >= 1.0]
    some = [r for r in results if r.score > 0]
    needed = len(terms) if req.all_of else 1
    evidence = tuple(e for r in some for e in r.evidence[:1])
    if len(direct) >= needed:
        shown = ", ".join(r.term for r in direct)
        return Answer(1.0, evidence, "Shown by the résumé: " + shown, method="logistics")
    if some:
        rest = [r.term for r in results if r not in direct]
        why = "; ".join(_said(r) for r in some) + "; ask at screen: " + ", ".join(rest)
        return Answer(PARTLY, evidence, why[:1].upper() + why[1:], method="logistics")
    why = "Ask at screen: a résumé need not show " + ", ".join(terms)
    return Answer(0.0, (), why, status=Status.ASK, method="logistics")


def _own(result: TermResult) -> TermResult:
    """``others_working_time``: "managed 40 part-time and on-call staff", "scheduled the night shift nurses"
    say when other people work, not the candidate: a quote whose working time is followed by people is no
    evidence."""
    return result.keeping(lambda e: not _of_people(e.text, e.matched), f"no {result.term}")


def _of_people(text: str, matched: str) -> bool:
    at = text.casefold().find(matched.casefold()) if matched else -1
    if at < 0:
        return False
    after = text[at + len(matched) :].lstrip(" -").casefold()
    if re.match(r"\w+\s+members?\b", after):
        return False  # "overnight staff member": the candidate's own job
    # "background checks for new hire associates", "drug tests of all employees"
    after = re.sub(r"^(?:for|of|on)\s+(?:new[\s-]+hires?\s+|new\s+|all\s+|the\s+)*", "", after)
    return any(re.match(rf"{re.escape(noun)}\b", after) for noun in people_nouns() if noun not in _ONES_OWN)


# a team, crew or group the candidate may belong to ("part of the on-call team"): theirs too
_ONES_OWN = frozenset(("team", "crew", "group", "department", "team members", "members", "workforce"))


def _said(result: TermResult) -> str:
    return result.why if result.score < 1.0 else f"{result.term}: shown"
