"""Skills and tools: each named term found by its name, aliases and abbreviations, a family by any member
("an ERP such as SAP" is met by NetSuite), a suite by its applications, a quantity by a number at least
as large ("35 words per minute" by "typing 45 wpm"), a term no vocabulary knows by its own words in one
line. Another member of the same family that the posting did not name is related: partial.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from jobmatch.knowledge.vocabulary import Concept, Vocabulary, load_vocabulary, read_toml
from jobmatch.knowledge.words import people_nouns, qualifiers
from jobmatch.matching import Answer, Context, register
from jobmatch.matching._terms import (
    Found,
    content_share,
    find_concept,
    find_members,
    literal,
    resolve,
    resolve_by_parts,
)
from jobmatch.matching.text import (
    LIST_BREAK,
    Index,
    compile_phrase,
    content_stems,
    index_of,
    known_names,
    stem,
    tokenize,
)
from jobmatch.models import Category, Evidence, Method, Requirement

VOCABS = ("skills",)
# A related tool (same family, not the one named) shows the kind of work, not the tool: partial.
RELATED = 0.5
# The family itself named where the posting wants one of its members ("ERP" for "SAP"): partial.
FAMILY_ONLY = 0.5
# A number below the one asked for ("25 wpm" for 35): the skill, not the speed.
BELOW_QUANTITY = 0.5
# The skill with no figure at all ("typing", no wpm): the speed asked for is unknown, less than shown short.
NO_FIGURE = 0.4
# Only a typo of the name: the same tool, with a little less certainty.
FUZZY_ONLY = 0.9
# A term no vocabulary knows, its content words all in one line: likely the thing, not certainly.
LITERAL_ALL = 0.9
LITERAL_APART = 0.5  # words_far_apart
LITERAL_GAP = 3  # other words between a literal term's words, at most, for them to be found together
MAX_EVIDENCE = 4


@dataclass(frozen=True, slots=True)
class TermResult:
    term: str
    score: float
    evidence: tuple[Evidence, ...]
    why: str

    def keeping(self, keep: Callable[[Evidence], bool], why_none: str) -> TermResult:
        """This result with only the evidence ``keep`` accepts; none left is nothing found (``why_none``)."""
        kept = tuple(e for e in self.evidence if keep(e))
        if len(kept) == len(self.evidence):
            return self
        if not kept:
            return TermResult(self.term, 0.0, (), why_none)
        return replace(self, evidence=kept)


_QUANTITY = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\+?\s+(.+)$")


def _a_unit(unit: str) -> bool:
    """``number_before_a_unit``: "35 words per minute", "10,000 keystrokes per hour", "45 wpm" are figures;
    "Microsoft 365 administration" and "Windows 10 deployment" name a product with a number in it."""
    return " per " in f" {unit.casefold()} " or resolve(unit, VOCABS) is not None


def _quantity(index: Index, term: str) -> TermResult | None:
    """ "typing 35 words per minute": any number followed by the unit (or its abbreviation)."""
    m = _QUANTITY.search(term)
    if m is None or not _a_unit(m.group(2).strip()):
        return None
    need, unit = float(m.group(1).replace(",", "")), m.group(2).strip()
    unit_concept = resolve(unit, VOCABS)
    units = (unit,) + ((*unit_concept.names, *unit_concept.abbreviations) if unit_concept else ())
    best: TermResult | None = None
    for u in dict.fromkeys(units):
        unit_stems = compile_phrase(u).stems
        for i, toks in enumerate(index.tokens):
            for k, t in enumerate(toks[:-1]):
                if not t.stem.replace(".", "").isdigit():
                    continue
                after = [x.stem for x in toks[k + 1 : k + 1 + len(unit_stems)]]
                if tuple(after) != unit_stems:
                    continue
                have = float(t.stem) if t.stem.count(".") <= 1 else 0.0
                end = toks[k + len(unit_stems)].end
                text = index.lines[i].text
                score = 1.0 if have >= need else BELOW_QUANTITY
                ev = Evidence(
                    text,
                    index.lines[i].page,
                    index.lines[i].number,
                    Method.EXACT,
                    term,
                    text[t.start : end],
                    section=index.section(i),
                )
                if best is None or score > best.score:
                    best = TermResult(term, score, (ev,), f"{text[t.start : end]} (asked: {need:g} {unit})")
    return best


# ``literal_min_share``: a term no vocabulary knows is partly shown only by at least half of its content
# words in one line; "procedures" or "close" alone is not evidence of "month-end close procedures".
LITERAL_MIN_SHARE = 0.5
# ``one_word_is_no_part``: and by two of its words at least. One word of a term the vocabulary does not
# know is a quote that does not contain the skill: "call" for "cold calling", "8" for "A1-A8", "diagrams"
# for "wiring diagrams"; on the lab postings such partials were labelled "no" three times in four
# (122 of 170), and no dev set's figure moved.
LITERAL_MIN_WORDS = 2


# ``team_size``: "a team of 10 or more", "10+ direct reports" ask for a count of people led; the résumé's
# "a staff of 15", "supervised 25 associates", "team of 12 servers" answer it (the nouns for people are
# words.toml's ``people``), on a line with a verb of leading (_LEADING). Fewer is partial.
_TERM_TEAM = re.compile(
    r"\b(?:team|staff|crew|group)s?\s+of\s+(\d{1,4})\b|\b(\d{1,4})\+?\s+(?:direct\s+)?reports\b"
)
_LEADING = re.compile(
    r"\b(?:led|lead|leading|leads|manag\w*|supervis\w*|overs(?:aw|ee|ees|eeing|een)|direct(?:ed|ing|s)?|"
    r"head(?:ed|ing)?|train(?:ed|ing)?|coach(?:ed|ing)?|hired|responsible\s+for)\b",
    re.IGNORECASE,
)
_APPROX = r"(?:(?:up\s+to|over|more\s+than|approximately|about|nearly|almost|a\s+total\s+of)\s+)?"


@cache
def _resume_team() -> re.Pattern[str]:
    nouns = "|".join(re.escape(n).replace("\\ ", r"\s+") for n in people_nouns())
    return re.compile(
        rf"\b(?:team|staff|crew|group|department|workforce)\s+of\s+{_APPROX}(\d{{1,4}})\+?"
        rf"|\b{_APPROX}(\d{{1,4}})\+?\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{nouns})\b",
        re.IGNORECASE,
    )


def _team_size(index: Index, term: str) -> TermResult | None:
    m = _TERM_TEAM.search(term)
    if m is None:
        return None
    need = int(m.group(1) or m.group(2))
    best: TermResult | None = None
    for i, line in enumerate(index.lines):
        text = line.text
        if not _LEADING.search(text):
            continue
        for hit in _resume_team().finditer(text):
            have = int(hit.group(1) or hit.group(2))
            if have < 2 or (1900 <= have <= 2100):
                continue  # a year, or one person, is no team
            score = 1.0 if have >= need else BELOW_QUANTITY
            if best is None or score > best.score:
                ev = Evidence(
                    text,
                    line.page,
                    line.number,
                    Method.EXACT,
                    term,
                    hit.group(0).strip(),
                    section=index.section(i),
                )
                best = TermResult(term, score, (ev,), f"{hit.group(0).strip()} (asked: {need})")
        if best is not None and best.score >= 1.0:
            break
    return best or TermResult(term, 0.0, (), f"no team of {need} or more")


def match_term(
    index: Index,
    term: str,
    vocabs: tuple[str, ...] = VOCABS,
    within: frozenset[str] = frozenset(),
    *,
    by_parts: bool = False,
) -> TermResult:
    """How well the résumé shows one named skill or tool, with the quotes. The family's own word ("ERP
    programs") meets it even where the posting gives examples: scoring it partial (as the labellers of
    one posting did) cost more ranking quality than the statuses it fixed. ``within``: the families the
    requirement itself names (see :func:`_related`)."""
    if any(c.isdigit() for c in term):
        counted = _quantity(index, term) or _team_size(index, term)
        if counted is not None:
            return counted
    m = _QUANTITY.search(term)
    if m is not None and term[: m.start()].strip() and _a_unit(m.group(2).strip()):
        # ``quantity_without_number``: no number with the unit; the skill itself ("typing") is partial.
        skill = term[: m.start()].strip()
        found = match_term(index, skill, vocabs)
        if found.score > 0:
            why = f"{found.why}; no {m.group(2).strip()} figure"
            return TermResult(term, min(found.score, NO_FIGURE), found.evidence, why)
        return TermResult(term, 0.0, (), f"no {term}")
    # ``term_of_one_concepts_words`` for skills too (``by_parts``, the skill matcher's own terms): "balance a
    # cash drawer" is no alias, but every content word of it is one of cash handling's. Credentials and
    # logistics name their things outright and keep to whole names.
    concept = resolve(term, vocabs) or (resolve_by_parts(term, vocabs) if by_parts else None)
    vocab = load_vocabulary(vocabs[0])
    own = concept or literal(term)
    direct = find_concept(index, own, term)
    if direct:
        fuzzy_only = all(f.method is Method.FUZZY for f in direct)
        score = FUZZY_ONLY if fuzzy_only else 1.0
        ev = tuple(f.evidence(index, term) for f in direct[:MAX_EVIDENCE])
        return TermResult(term, score, ev, f"{term}: named")
    if concept is not None and concept.members:
        members = find_members(index, vocab, concept)
        names = list(dict.fromkeys(f.concept for f in members))
        if names:
            score = concept.member_credit if len(names) == 1 else 1.0
            if all(f.method is Method.FUZZY for f in members):
                score *= FUZZY_ONLY
            ev = tuple(_as_member(f, index) for f in _one_per_name(members)[:MAX_EVIDENCE])
            return TermResult(term, score, ev, f"{term}: {', '.join(names[:4])}")
    if concept is not None:
        related = _related(index, vocab, concept, within)
        if related is not None:
            return related
    if concept is not None:
        hinted = _hinted(index, concept)
        if hinted is not None:
            return hinted
    qualified = _qualified(index, term, vocabs)
    if qualified is not None:
        return qualified
    if concept is None:
        share, count, hit = content_share(index, term)
        if hit is not None and share < 1.0 and _kind_words_only(hit.matched, term):
            hit = None
        if hit is not None and (share >= 1.0 or _shows_part(term, share, count, hit.matched)):
            score = LITERAL_ALL if share >= 1.0 else 0.5 * share
            why = f"{term}: the words found together" if share >= 1.0 else f"{term}: some of its words"
            apart = len(tokenize(hit.matched)) > count + LITERAL_GAP or LIST_BREAK.search(hit.matched)
            if share >= 1.0 and apart:
                # ``words_far_apart``: "project management and … in the classroom" holds both words of
                # "classroom management", but not as one thing; nor does "Billing, Clerk" in a list
                score, why = LITERAL_APART, f"{term}: its words apart in one line"
            return TermResult(term, score, (index.evidence(hit, term, Method.EXACT),), why)
    return TermResult(term, 0.0, (), f"no {term}")


def _shows_part(term: str, share: float, count: int, matched: str) -> bool:
    """``literal_min_share``, ``one_written_word_is_whole`` and ``one_word_is_no_part``. One word of a
    product's name that is a product of its own ("AutoCAD" of "AutoCAD Plant 3D") is a related tool; a
    common word that a vocabulary names ("makeup" of "makeup artistry") is not."""
    if share < LITERAL_MIN_SHARE or len(term.split()) == 1:
        # ``one_written_word_is_whole``: "Restaurant365", "Frame.io" are one name; "restaurant" is none of it
        return False
    if count >= LITERAL_MIN_WORDS:
        return True
    words = [t for t in tokenize(term) if t.raw[:1].isalpha()]
    product = bool(words) and all(t.raw[:1].isupper() for t in words)
    return product and any(t.raw.lower() in known_names() for t in tokenize(matched))


# A skill shown without the words that say how much of it ("full-cycle recruiting" by "recruited and
# interviewed applicants") is shown for the most part: met, not fully.
QUALIFIED = 0.75


def _qualified(index: Index, term: str, vocabs: tuple[str, ...]) -> TermResult | None:
    """``qualifier_not_shown``: the term without its leading qualifier (knowledge/words.toml), if that is
    found; None when the term has no qualifier or the rest is not found either."""
    lowered = term.casefold()
    for qualifier in qualifiers():
        rest = term[len(qualifier) :].strip(" -")
        if (
            lowered.startswith(qualifier)
            and lowered[len(qualifier) : len(qualifier) + 1] in (" ", "-")
            and rest
        ):
            found = match_term(index, rest, vocabs)
            if found.score <= 0:
                return None
            why = f"{found.why} ({qualifier} not shown)"
            return TermResult(term, min(found.score, QUALIFIED), found.evidence, why)
    return None


# ``kind_word_alone``: the words that only say what kind of thing a term is ("HRIS systems", "scheduling
# software", "POS platform") show nothing of it on their own: "system" in a line is not half of "HRIS
# systems".
KIND_WORDS = frozenset(
    stem(w)
    for w in (
        "system",
        "systems",
        "software",
        "tool",
        "tools",
        "program",
        "programs",
        "application",
        "applications",
        "platform",
        "platforms",
        "package",
        "packages",
        "suite",
        "database",
        "databases",
        "equipment",
        "machine",
        "machines",
        "solution",
        "solutions",
        "technology",
        "technologies",
        "relations",
        "management",
        "services",
        "service",
        "operations",
        "law",
        "laws",
        "standards",
        # heads of compounds that name a kind of work, not the work: "corrosion control" is no cost
        # control, "parts orders" no change orders, "customer support" no desktop support
        "control",
        "controls",
        "order",
        "orders",
        "support",
        "planning",
        "development",
        "analysis",
        "design",
        "science",
        "sciences",
        "studies",
    )
)


def _kind_words_only(matched: str, term: str) -> bool:
    want = set(content_stems(term))
    found = {t.stem for t in tokenize(matched)} & want
    if found and _brand_missing(term, found):
        return True
    return bool(found) and found <= KIND_WORDS


def _brand_missing(term: str, found: set[str]) -> bool:
    """``a_product_needs_its_maker``: a product name whose words are all capitalised ("Microsoft
    Project", "Google Classroom", "Primavera P6") is not shown by its common word alone ("projects", "a
    safe classroom"): its first word, the maker or brand, must be among the words found, and so must the
    rest of its words."""
    words = [t for t in tokenize(term) if t.raw[:1].isalpha()]
    if len(words) < 2 or not all(t.raw[:1].isupper() for t in words) or words[0].raw.isupper():
        return False
    # ``a_product_is_named_whole``: "Power BI" is not shown by "power" nor "Muck Rack" by "rack": a name
    # of capitalised words is shown by all of them or not at all
    if words[0].stem not in found:
        return True
    # ... unless a word found is a product of its own ("AutoCAD" of "AutoCAD Civil 3D": a related tool)
    named = any(t.stem in found and t.raw.lower() in known_names() for t in words)
    return not named and any(t.stem not in found for t in words)


def _as_member(found: Found, index: Index) -> Evidence:
    """A member shows its family through another name: a synonym of the term asked for."""
    method = Method.FUZZY if found.method is Method.FUZZY else Method.SYNONYM
    return index.evidence(found.hit, found.concept, method)


def _one_per_name(found: list[Found]) -> list[Found]:
    seen: set[str] = set()
    out = []
    for f in found:
        if f.concept not in seen:
            seen.add(f.concept)
            out.append(f)
    return out


def _related(
    index: Index, vocab: Vocabulary, concept: Concept, within: frozenset[str] = frozenset()
) -> TermResult | None:
    """A sibling in a related family (Sage for SAP), or the family itself named: a related family ("an
    ERP") or a suite ("MS Office" for Excel: the application is likely, its level unknown).

    ``family_the_posting_names``: a tool in two families (ADP is an HRIS and an accounting system) is
    related only through the one the requirement names ("an HRIS such as ADP"): QuickBooks is no HRIS."""
    families = vocab.families_of(concept.name)
    named = [family for family in families if family.name in within]
    for family in named or families:
        # ``programme_named_not_level``: a suite ("MS Office" for Excel) or a certification programme
        # ("ServSafe certified" for ServSafe Manager, "OSHA training" for OSHA 30) named without the member
        # asked for: partial. A family that is only a category ("computer systems", "CRM") is not: on the
        # contact-centre posting, crediting it cost status accuracy on its CRM item (0.80 to 0.66).
        if not family.related and family.kind not in ("suite", "programme"):
            continue
        fam = find_concept(index, family)
        if not family.related:
            if fam:
                why = f"{concept.name}: not named; {family.name} is"
                return TermResult(concept.name, FAMILY_ONLY, (fam[0].evidence(index),), why)
            continue
        others = Concept(
            family.name, members=tuple(m for m in family.members if m.lower() != concept.name.lower())
        )
        members = find_members(index, vocab, others)
        if members:
            names = list(dict.fromkeys(f.concept for f in members))
            ev = tuple(f.evidence(index, f.concept) for f in _one_per_name(members)[:MAX_EVIDENCE])
            why = f"{concept.name}: not named; related {family.name}: {', '.join(names[:3])}"
            return TermResult(concept.name, RELATED, ev, why)
        if fam:
            why = f"{concept.name}: not named; {family.name}: {fam[0].hit.matched}"
            return TermResult(concept.name, FAMILY_ONLY, (fam[0].evidence(index),), why)
    return None


# A phrase that suggests the kind of system without naming one ("customer database" for a CRM): partial.
HINT = 0.5


def _hinted(index: Index, concept: Concept) -> TermResult | None:
    for phrase in concept.extra.get("hints", ()):
        hits = find_concept(index, Concept(phrase))
        if hits:
            why = f"{concept.name}: not named; {hits[0].hit.matched} suggests one"
            return TermResult(concept.name, HINT, (hits[0].evidence(index, concept.name),), why)
    return None


def _distinct(evidence: list[Evidence]) -> tuple[Evidence, ...]:
    """One quote per résumé line, at most MAX_EVIDENCE."""
    seen: set[tuple[int, int]] = set()
    out = []
    for e in evidence:
        if (e.page, e.line) not in seen:
            seen.add((e.page, e.line))
            out.append(e)
    return tuple(out[:MAX_EVIDENCE])


def combine(results: list[TermResult], all_of: bool) -> tuple[float, tuple[Evidence, ...], str]:
    """all_of: the mean of the terms' scores; any one: the best."""
    if not results:
        return 0.0, (), "nothing named to look for"
    if all_of:
        score = sum(r.score for r in results) / len(results)
        found = [r for r in results if r.score > 0]
        ev = _distinct([e for r in found for e in r.evidence[:2]])
        missing = [r.term for r in results if r.score <= 0]
        why = "; ".join(r.why for r in found) or "none found"
        if missing:
            why += f"; missing {', '.join(missing)}"
        return score, ev, why
    best = max(results, key=lambda r: r.score)
    if best.score <= 0:
        return 0.0, (), "none of " + ", ".join(r.term for r in results) + " found"
    return best.score, best.evidence, best.why


def terms_answer(req: Requirement, results: list[TermResult], method: str) -> Answer:
    """The answer of a term-by-term matcher: its terms' results combined as the requirement asks
    (every term, or any one of them)."""
    score, evidence, why = combine(results, req.all_of and len(req.terms) > 1)
    return Answer(score, evidence, why[:1].upper() + why[1:], method=method)


def terms_of(req: Requirement) -> list[str]:
    terms = list(dict.fromkeys([*req.terms, *req.phrases]))
    return terms or [req.text]


# ``stated_low_level``: the résumé rates the skill low itself ("Excel: beginner", "basic Excel") where the
# posting asks for proficiency: partial, however exactly the skill is named.
STATED_LOW = 0.5
_LEVEL_WINDOW = 3  # words between the skill and its rating, on either side


@cache
def _levels() -> tuple[re.Pattern[str], re.Pattern[str]]:
    table = read_toml("skills").get("_level", {})

    def pattern(key: str) -> re.Pattern[str]:
        words = sorted((str(w) for w in table.get(key, [])), key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)

    return pattern("low"), pattern("asks_more")


def _rated_low(ev: Evidence) -> bool:
    """The quote rates the matched skill low within a few words of it."""
    low, _ = _levels()
    at = ev.text.casefold().find(ev.matched.casefold()) if ev.matched else -1
    if at < 0:
        return False
    before = " ".join(ev.text[:at].split()[-_LEVEL_WINDOW:])
    after = " ".join(ev.text[at + len(ev.matched) :].split()[:_LEVEL_WINDOW])
    return bool(low.search(before) or low.search(after))


def _with_stated_level(req: Requirement, result: TermResult) -> TermResult:
    _, asks_more = _levels()
    if result.score <= STATED_LOW or not result.evidence or not asks_more.search(req.text):
        return result
    if all(_rated_low(ev) for ev in result.evidence):
        return replace(result, score=STATED_LOW, why=f"{result.why}, rated low by the résumé itself")
    return result


@register(Category.SKILL)
def match_skill(req: Requirement, ctx: Context) -> Answer:
    index = index_of(ctx.document, ctx.signals)
    terms = terms_of(req)
    within = frozenset(c.name for t in terms if (c := resolve(t, VOCABS)) is not None and c.members)
    results = [_with_stated_level(req, match_term(index, t, within=within, by_parts=True)) for t in terms]
    return terms_answer(req, results, "skills and tools")


__all__ = ["TermResult", "combine", "match_skill", "match_term", "stem", "terms_answer", "terms_of"]
