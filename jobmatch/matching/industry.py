"""Industry and domain knowledge: the industry's words, employers, brands and roles (``industries.toml``),
counted more in job entries than in a summary, never from one name inside a list of clients or industries.
"""

from __future__ import annotations

import re

from jobmatch.knowledge.vocabulary import load_vocabulary
from jobmatch.matching import Answer, Context, register
from jobmatch.matching._terms import Found, find_concept, find_members, literal, resolve, stems_of
from jobmatch.matching.skill import TermResult, terms_answer, terms_of
from jobmatch.matching.text import Index, index_of
from jobmatch.models import Category, Evidence, Requirement

VOCABS = ("industries",)
# An employer, brand or industry role, or two of the industry's words, shown in a job: experience of the
# industry. Outside the work history (a summary, a skills list, a degree) the same words are knowledge of
# it, not experience in it: partial.
IN_JOB = 1.0
OUTSIDE_JOB = 0.7
# One ordinary word of the industry ("skincare", "wireless", "invoices"): some knowledge, not the industry.
ONE_WORD = 0.6
MAX_EVIDENCE = 6

_FROM_TO = re.compile(r"\bfrom\s+[\w ]{1,20}\s+to\s+.+\s+to\s+", re.I)


def incidental(text: str, matched: str) -> bool:
    """``incidental_mention``: the name is one short item in a list of names (clients, industries served:
    "Daikin, Kao Cosmetics, DNP, …", "from travel to hair and makeup to entertainment"), not a described job.
    """
    if _FROM_TO.search(text):
        return True
    if text.count(",") < 3:
        return False
    segment = next((part for part in text.split(",") if matched and matched in part), "")
    return 0 < len(segment.split()) <= 4


def _key(alias: str) -> str:
    return "".join(stems_of(alias))


def _in_job(index: Index, i: int) -> bool:
    return i in index.job_of or index.section(i) in ("experience", "")


def match_industry_term(index: Index, term: str) -> TermResult:
    concept = resolve(term, VOCABS) or literal(term)
    vocab = load_vocabulary(VOCABS[0])
    # ``no_fuzzy_names``: employers and brands sit an edit away from real words ("Ladder"/Lauder).
    direct = find_concept(index, concept, term)
    members = find_members(index, vocab, concept, fuzzy=False) if concept.members else []
    if not direct and not members:
        return TermResult(term, 0.0, (), f"no {term}")
    strong_keys = {_key(a) for a in (*concept.extra.get("strong", ()), concept.name)}
    # (hit, strong, the distinct thing it names): a member by its name, an industry word by its stems.
    found: list[tuple[Found, bool, str]] = [(f, _key(f.alias) in strong_keys, _key(f.alias)) for f in direct]
    found += [(f, True, f.concept) for f in members]
    found.sort(key=lambda fs: fs[0].hit.index)
    names = list(dict.fromkeys(name for _, _, name in found))
    shown = [f.hit.matched for f, _, _ in found]
    evidence: tuple[Evidence, ...] = tuple(
        f.evidence(index, concept.name) for f, _, _ in found[:MAX_EVIDENCE]
    )
    if len(names) == 1 and all(incidental(index.lines[f.hit.index].text, f.hit.matched) for f, _, _ in found):
        return TermResult(term, 0.0, evidence, f"{term}: only a name in a list ({shown[0]})")
    strong = any(s for _, s, _ in found) or len(names) >= 2
    if strong:
        in_job = any(_in_job(index, f.hit.index) for f, _, _ in found[:MAX_EVIDENCE])
        score = IN_JOB if in_job else OUTSIDE_JOB
    else:
        score = ONE_WORD
    words = ", ".join(dict.fromkeys(shown[:4]))
    where = " (outside the work history)" if strong and score < IN_JOB else ""
    return TermResult(term, score, evidence, f"{concept.name}: {words}{where}")


@register(Category.INDUSTRY)
def match_industry(req: Requirement, ctx: Context) -> Answer:
    index = index_of(ctx.document, ctx.signals)
    return terms_answer(req, [match_industry_term(index, t) for t in terms_of(req)], "industry vocabulary")
