"""Languages: a stated fluency ("Fluent in Spanish", "Bilingual English/Spanish", "Spanish (native)") or use
at work ("Support English and Spanish incoming call flow") meets it; a stated basic level or a bare mention
in a list is partial. The language the résumé is written in is shown by the résumé itself (inferred);
every other language needs a quote. With all_of ("English and Spanish"), the inferred language adds
nothing on its own: the other language is the point of the requirement.
"""

from __future__ import annotations

import re
from functools import cache

from jobmatch.knowledge.vocabulary import Concept, load_vocabulary, read_toml
from jobmatch.matching import Answer, Context, register
from jobmatch.matching._terms import find_concept, literal, resolve
from jobmatch.matching.skill import TermResult, terms_of
from jobmatch.matching.text import Index, index_of, segment_of, stop_words
from jobmatch.models import Category, Evidence, Requirement

VOCABS = ("languages",)
STATED = 1.0  # fluent, native, bilingual, or used with callers/customers at work
LISTED = 0.8  # under "Languages" or beside "speak": a language the candidate claims, level not said
BASIC = 0.5  # a stated basic/conversational level
BARE = 0.5  # the word alone (a skills list, a course): partial
# A résumé written in a language: at least this share of its words are that language's function words.
DOCUMENT_SHARE = 0.12


def _settings() -> dict[str, tuple[str, ...]]:
    table = read_toml("languages").get("_proficiency", {})
    return {k: tuple(v) for k, v in table.items() if isinstance(v, list)}


def _has(index: Index, i: int, phrases: tuple[str, ...], span: tuple[int, int] = (0, 1 << 30)) -> str:
    """The first of ``phrases`` said on line ``i`` within ``span`` (character offsets)."""
    for p in phrases:
        if any(span[0] <= f.hit.start < span[1] for f in find_concept(index, Concept(p), lines=(i,))):
            return p
    return ""


# ``level_of_its_own_segment``: "English (fluent), German (B1)": a level is the language's it stands beside,
# within the commas or semicolons around it
_LEVEL_BREAK = re.compile(r"[,;|•]")


def written_in(index: Index) -> float:
    """Share of the document's words that are (English) function words."""
    toks = [t for toks in index.tokens for t in toks if t.raw.isalpha()]
    if not toks:
        return 0.0
    return sum(1 for t in toks if t.raw.lower() in stop_words()) / len(toks)


# ``language_inside_a_name``: "the Spanish Historic District", "English Department", "French Quarter": a
# language's name before a capitalised word is part of a proper name, not the language spoken. A word of
# the languages' own vocabulary after it ("Spanish Speaker", "English Proficiency") keeps it the language.
_NEXT_CAPITAL = re.compile(r"\s+([A-Z][a-z]+)\b")
_LANGUAGE_EXTRA = frozenset(
    ["speaker", "speakers", "speaking", "written", "writing", "reading", "skills", "and", "or"]
)


@cache
def _language_words() -> frozenset[str]:
    """Single words of the language settings (fluent, basic, translator …) and a speaker's words."""
    settings = _settings()
    words = {w for key in ("full", "partial", "context") for p in settings.get(key, ()) for w in p.split()}
    return frozenset(w.lower() for w in words) | _LANGUAGE_EXTRA


def _inside_a_name(text: str, end: int) -> bool:
    following = _NEXT_CAPITAL.match(text, end)
    if following is None or following.group(1).lower() in _language_words():
        return False
    return resolve(following.group(1), VOCABS) is None  # "English Spanish": two languages, no name


def match_language_term(index: Index, term: str) -> tuple[TermResult, bool]:
    """The result for one language, and whether it was inferred from the document itself."""
    concept = resolve(term, VOCABS) or literal(term)
    settings = _settings()
    best = TermResult(term, 0.0, (), f"no {concept.name}")
    stated_low = False
    for f in find_concept(index, concept, term):
        i = f.hit.index
        if _inside_a_name(index.lines[i].text, f.hit.end) and index.section(i) != "languages":
            continue
        span = segment_of(index.lines[i].text, f.hit.start, f.hit.end, _LEVEL_BREAK)
        if _has(index, i, settings.get("partial", ()), span):
            score, how = BASIC, "a basic level"
            stated_low = True
        elif _has(index, i, settings.get("full", ()), span):
            score, how = STATED, "fluent"
        elif i in index.job_of and _has(index, i, settings.get("at_work", ())):
            score, how = STATED, "used at work"
        elif _has(index, i, settings.get("context", ())) or index.section(i) == "languages":
            score, how = LISTED, "listed"
        else:
            score, how = BARE, "named, level not said"
        if score > best.score:
            best = TermResult(term, score, (f.evidence(index, concept.name),), f"{concept.name}: {how}")
    if best.score >= STATED:
        return best, False
    # ``stated_level_beats_the_document``: "English: Intermediate" on an English résumé is what the candidate
    # says of their English; the language the résumé is written in does not overrule it
    if concept.extra.get("document_language") and not stated_low and written_in(index) >= DOCUMENT_SHARE:
        why = f"{concept.name}: the résumé is written in it"
        return TermResult(term, 1.0, best.evidence, why), True
    return best, False


def _is_document_language(index: Index, term: str) -> bool:
    concept = resolve(term, VOCABS)
    return bool(concept and concept.extra.get("document_language")) and written_in(index) >= DOCUMENT_SHARE


@register(Category.LANGUAGE)
def match_language(req: Requirement, ctx: Context) -> Answer:
    index = index_of(ctx.document, ctx.signals)
    load_vocabulary(VOCABS[0])
    terms = terms_of(req)
    pairs = [match_language_term(index, t) for t in terms]
    shown = [r for r, inferred in pairs if not inferred]
    inferred = [r for r, was in pairs if was]
    if req.all_of and len(pairs) > 1:
        # ``other_language_is_the_point``: in "English and Spanish" on an English résumé the document's own
        # language is given; the score is the other language's, stated fluency of English or not.
        others = [r for r, t in zip(pairs, terms, strict=True) if not _is_document_language(index, t)]
        results = [r for r, _ in others] or shown or inferred
        score = sum(r.score for r in results) / len(results)
    else:
        score = max((r.score for r, _ in pairs), default=0.0)
    evidence: tuple[Evidence, ...] = tuple(e for r, _ in pairs for e in r.evidence[:2])
    why = "; ".join(r.why for r, _ in pairs)
    method = "language (inferred from the résumé)" if inferred and not shown else "language"
    return Answer(score, evidence, why[:1].upper() + why[1:], method=method)
