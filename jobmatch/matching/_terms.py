"""Finding a vocabulary concept (a tool, a credential, a language, an industry word) in a résumé.

Shared by the term-based matchers. A concept is found by its name and aliases (any case, by stems, typos
of long words allowed), its abbreviations (capitals only), its ambiguous words (only with a capital first
letter and a context word on the same line, or in a list of named things), never where an exclusion
phrase overlaps ("Office Manager") and never negated ("no Excel"). A family is also shown by its members
("SAP" shows an ERP).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from jobmatch.knowledge.vocabulary import Concept, Vocabulary, load_vocabulary
from jobmatch.knowledge.words import synonym_groups
from jobmatch.matching.text import (
    Hit,
    Index,
    compile_phrase,
    content_stems,
    generic_words,
    is_stop,
    stem,
    stop_words,
    tokenize,
)
from jobmatch.models import Evidence, Method
from jobmatch.signals.view import is_negated

__all__ = ["Found", "find_concept", "find_members", "literal", "resolve", "stems_of"]

MEMBER_DEPTH = 2  # a member of a member still shows the family ("VLOOKUP" -> Excel -> Microsoft Office)


def stems_of(text: str) -> tuple[str, ...]:
    return tuple(t.stem for t in tokenize(text))


@dataclass(frozen=True, slots=True)
class Found:
    concept: str  # the concept (or member) that was found
    hit: Hit
    alias: str  # the alias that matched
    method: Method

    def evidence(self, index: Index, term: str = "") -> Evidence:
        return index.evidence(self.hit, term or self.concept, self.method)


@cache
def _lookup(vocab: str, ambiguous: bool = False) -> dict[tuple[str, ...], Concept]:
    table: dict[tuple[str, ...], Concept] = {}
    for c in load_vocabulary(vocab).concepts:
        for name in (c.name, *c.aliases, *c.exact, *c.abbreviations, *(c.ambiguous if ambiguous else ())):
            table.setdefault(stems_of(name), c)
    return table


def resolve(term: str, vocabs: Iterable[str], *, ambiguous: bool = False) -> Concept | None:
    """The concept a requirement's term names: by its stems, then without boilerplate ("Excel skills")."""
    want = stems_of(term)
    trimmed = tuple(s for s in want if s not in generic_words())
    # ``kind_noun_after_the_name``: "legal research platforms", "CRM software", "ticketing tools" name the
    # thing and the kind of product it is
    headless = trimmed[:-1] if len(trimmed) > 1 and trimmed[-1] in _KIND_NOUNS else ()
    # ``ambiguous``: a posting's "S3" or "Lambda" names the concept whose ambiguous word it is, for typing an
    # item; a résumé needs the concept's context for it, so matching a posting's "Word" keeps the word itself
    vocabs = tuple(vocabs)
    for name in vocabs:
        table = _lookup(name, ambiguous)
        for key in (want, trimmed, headless):
            if key and key in table:
                return table[key]
    return _member_then_family(trimmed, vocabs, ambiguous)


def _member_then_family(stems: tuple[str, ...], vocabs: tuple[str, ...], ambiguous: bool) -> Concept | None:
    """``member_before_its_family``: "Cerner electronic health records", "Salesforce CRM" name the member
    and the family it belongs to: the member ("Epic or Cerner electronic health records" asks for Cerner,
    not for the five words together)."""
    for name in vocabs:
        table = _lookup(name, ambiguous)
        for cut in range(len(stems) - 1, 0, -1):
            member, family = table.get(stems[:cut]), table.get(stems[cut:])
            if member is not None and family is not None and member.name in family.members:
                return member
    return None


_KIND_NOUNS = frozenset(
    stems_of("platform platforms software tool tools system systems application applications")
)


def is_kind_noun(word: str) -> bool:
    """Whether ``word`` names a kind of product ("systems", "software", "platform"), as
    ``kind_noun_after_the_name`` reads it."""
    stems = stems_of(word)
    return len(stems) == 1 and stems[0] in _KIND_NOUNS


@cache
def resolve_by_parts(term: str, vocabs: tuple[str, ...]) -> Concept | None:
    """``term_of_one_concepts_words``: "written and verbal communication", "oral and written communication
    skills" are no alias, but every content word of them is a word of the communication concept's aliases
    and one whole alias ("communication") is inside: that concept."""
    want = [s for s in stems_of(term) if not is_stop(s) and s not in generic_words()]
    if len(want) < 2:
        return None
    whole = stems_of(term)
    for name in vocabs:
        for concept in load_vocabulary(name).concepts:
            keys = [stems_of(a) for a in (concept.name, *concept.aliases)]
            words = {s for key in keys for s in key}
            if set(want) <= words and any(_inside(key, whole) for key in keys if key):
                return concept
    return None


def _inside(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    n = len(part)
    return any(whole[i : i + n] == part for i in range(len(whole) - n + 1))


def literal(term: str) -> Concept:
    """A term no vocabulary knows: matched by its own words."""
    return Concept(term)


_COLUMN_WORDS = 3  # a line this short is one item of a list written one per line
_COLUMN_REACH = 2  # lines either side that give such an item its context


def _context_ok(index: Index, i: int, concept: Concept) -> bool:
    rows = [i]
    if len(index.tokens[i]) == 1:
        # ``context_of_a_column``: "CompTIA / Security+ / Network+ / A+" one per line: "A+" alone on its line
        # takes its context from the short lines around it ("A+ in Calculus" is a line of its own)
        near = range(max(0, i - _COLUMN_REACH), min(len(index.lines), i + _COLUMN_REACH + 1))
        rows = [r for r in near if len(index.tokens[r]) <= _COLUMN_WORDS]
    stems = {t.stem for r in rows for t in index.tokens[r]}
    if any(stems_of(c)[0] in stems for c in concept.context if stems_of(c)):
        return True
    # A list of named things in a skills section ("Salesforce, Word, Access"): ordinary words there name
    # tools (the reason the old Office signal accepted them).
    text = index.lines[i].text
    return index.section(i) == "skills" and text.count(",") >= 2


def _line_says(index: Index, i: int, words: tuple[str, ...]) -> bool:
    """``on_a_line_with``: a concept named by everyday words ("holidays", "overtime") counts only on a line
    that also says one of ``words`` ("worked weekends and holidays", not "menus for the holidays")."""
    stems = {t.stem for t in index.tokens[i]}
    return any(stems_of(w)[0] in stems for w in words if stems_of(w))


def _excluded(index: Index, hit: Hit, concept: Concept) -> bool:
    for phrase in concept.exclude:
        for ex in index.find(compile_phrase(phrase), (hit.index,)):
            if ex.start < hit.end and hit.start < ex.end:
                return True
    return False


def find_concept(
    index: Index, concept: Concept, term: str = "", lines: Iterable[int] | None = None, fuzzy: bool = True
) -> list[Found]:
    """Hits of the concept itself (not its members), at most one per line, in line order."""
    rows = None if lines is None else tuple(lines)
    found: dict[int, Found] = {}
    wanted = (term or concept.name).lower()

    needs = concept.extra.get("on_a_line_with", ())

    def add(hit: Hit, alias: str, method: Method) -> None:
        if hit.index in found or is_negated(index.lines[hit.index].text, hit.start):
            return
        if _excluded(index, hit, concept) or (needs and not _line_says(index, hit.index, needs)):
            return
        found[hit.index] = Found(concept.name, hit, alias, method)

    for alias in concept.names:
        phrase = compile_phrase(alias, fuzzy=fuzzy and _fuzzy_ok(alias))
        for hit in index.find(phrase, rows):
            same = alias.lower() in (wanted, concept.name.lower())
            method = Method.FUZZY if hit.method is Method.FUZZY else Method.EXACT if same else Method.SYNONYM
            add(hit, alias, method)
        for inverted in _inverted(alias):
            for hit in index.find(compile_phrase(inverted), rows):
                if _phrase_ends(index.lines[hit.index].text, hit.end):
                    add(hit, alias, Method.SYNONYM)
    for word in concept.exact:
        for hit in index.find(compile_phrase(word, literal=True), rows):
            same = word.lower() in (wanted, concept.name.lower())
            add(hit, word, Method.EXACT if same else Method.SYNONYM)
    for abbr in concept.abbreviations:
        for hit in index.find(compile_phrase(abbr, exact_case=True), rows):
            add(hit, abbr, Method.SYNONYM)
    for word in concept.ambiguous:
        for hit in index.find(compile_phrase(word, exact_case=True), rows):
            if hit.matched[:1].isupper() and _context_ok(index, hit.index, concept):
                add(hit, word, Method.SYNONYM)
    return [found[i] for i in sorted(found)]


_TWO_WORDS = re.compile(r"([a-z]{3,}) ([a-z]{3,})")


def _inverted(alias: str) -> tuple[str, ...]:
    """``of_phrase_is_the_compound``: "medication administration" is also written "administration of
    medication(s)", "patient care" "care of patients", "invoice processing" "processing of invoices": a
    name of two lower-case words is looked for with its words the other way round, joined by "of" (or "of
    the"), where the noun phrase ends there (:func:`_phrase_ends`)."""
    match = _TWO_WORDS.fullmatch(alias)
    if match is None or is_stop(stem(match.group(1))) or is_stop(stem(match.group(2))):
        return ()
    first, second = match.groups()
    return (f"{second} of {first}", f"{second} of the {first}")


def _phrase_ends(text: str, end: int) -> bool:
    """The inverted name ends its noun phrase: "administration of medication to residents", not "system of
    financial reporting" (there "financial" describes the next word) or "end-of-month financial reports"."""
    following = tokenize(text[end:])
    return not following or is_stop(following[0].stem) or not following[0].raw[:1].isalpha()


def _fuzzy_ok(alias: str) -> bool:
    """Typos are caught for names of long words only; an abbreviation or a short name never."""
    words = [t.raw for t in tokenize(alias)]
    return any(len(w) >= 6 and w.isalpha() and not w.isupper() for w in words)


def find_members(
    index: Index,
    vocab: Vocabulary,
    concept: Concept,
    lines: Iterable[int] | None = None,
    depth: int = 0,
    fuzzy: bool = True,
) -> list[Found]:
    """Hits of the concept's members (and theirs, to MEMBER_DEPTH), each named by the member found."""
    rows = None if lines is None else tuple(lines)
    out: list[Found] = []
    for name in concept.members:
        member = vocab.get(name) or Concept(name)
        if concept.exclude:  # a family's guards hold for its members ("cosmetic damage")
            member = replace(member, exclude=(*member.exclude, *concept.exclude))
        # fuzzy=False spares proper names only (brands, employers): "cosmetologist" may still be misspelt.
        hits = find_concept(index, member, lines=rows, fuzzy=fuzzy or not member.name[:1].isupper())
        if not hits and depth + 1 < MEMBER_DEPTH and member.members:
            hits = find_members(index, vocab, member, rows, depth + 1, fuzzy)
        out.extend(hits)
    return out


def content_share(
    index: Index, term: str, lines: Iterable[int] | None = None
) -> tuple[float, int, Hit | None]:
    """The largest share of the term's content words found together in one line, how many of its words
    that is, and that line's longest hit (a quote that contains at least one of the words)."""
    want = [s for s in content_stems(term) if s not in stop_words()]
    if not want:
        return 0.0, 0, None
    # a verb of the term ("leading") is shown by its synonyms; a noun ("management", "instruction") is not
    verbs = {t.stem for t in tokenize(term) if t.raw.lower().endswith(("ing", "ed"))}
    same = {s: alts for s, alts in _same_as().items() if s in verbs}
    best, best_count, best_hit = 0.0, 0, None
    rows = set(lines) if lines is not None else None
    candidates: set[int] = set()
    for s in want:
        for alt in same.get(s, (s,)):
            candidates.update(index.by_stem.get(alt, ()))
    if rows is not None:
        candidates &= rows
    activity = compile_phrase(term).activity  # ``an_activity_is_not_its_noun`` (text.Phrase)
    prefixed = [_prefixed_word(m) for m in _ONE_LETTER_PREFIX.finditer(term)]
    if prefixed:
        # ``prefix_is_part_of_the_word``: "e-filing" is not "case files", "e-commerce" not "commerce"
        candidates = {i for i in candidates if all(p.search(index.lines[i].text) for p in prefixed)}
    for i in sorted(candidates):
        toks = index.tokens[i]
        have = [
            (w, t)
            for t in toks
            for w in want
            if t.stem in same.get(w, (w,)) and (not activity or t.raw.lower().endswith(("ing", "ed")))
        ]
        if not have:
            continue
        count = len({w for w, _ in have})
        share = count / len(want)
        if share > best:
            tokens = sorted((t for _, t in have), key=lambda t: t.start)
            first, last = tokens[0], tokens[-1]
            text = index.lines[i].text
            best, best_count = share, count
            best_hit = Hit(i, first.start, last.end, term, text[first.start : last.end], Method.EXACT)
    return best, best_count, best_hit


_ONE_LETTER_PREFIX = re.compile(r"(?<![\w-])([a-z])-([a-z]{3,})\b", re.IGNORECASE)


def _prefixed_word(match: re.Match[str]) -> re.Pattern[str]:
    """ "e-filing" as written, without its hyphen, or spelt out for "e" ("electronic filing")."""
    letter, word = match.group(1), re.escape(match.group(2)[:-1])
    spelt = r"|electronic\s+" if letter.lower() == "e" else ""
    return re.compile(rf"(?<![\w-])(?:{letter}-?{spelt}){word}\w*", re.IGNORECASE)


@cache
def _same_as() -> dict[str, tuple[str, ...]]:
    """``verb_synonyms``: each verb's stem with the stems of its group (knowledge/words.toml)."""
    out: dict[str, tuple[str, ...]] = {}
    for group in synonym_groups():
        stems = tuple(dict.fromkeys(stem(w) for w in group))
        for s in stems:
            out[s] = stems
    return out
