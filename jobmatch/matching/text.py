"""Finding words in résumé lines by their stems: the one place matchers look for words.

Both sides are cut into word tokens and each token is reduced to a stem (inflections and the common
derivations removed), so "reconciliations" finds "reconcile", "organised" finds "organization" and
"invoices" finds "invoicing". Hyphens, slashes and spaces are the same break ("full-cycle" = "full cycle"),
"&" is "and", a short compound of letters is one abbreviation token ("A/P" = "AP"; one joined by "&" keeps it,
so "A&P" is not "AP" and "R&D" is not "RD": ``ampersand_kept``), numbers
are tokens ("1099", "35"). A phrase matches where its stems appear as consecutive tokens of one line; an
abbreviation written in capitals in the data ("RN") matches only the same capitals in the résumé. Fuzzy
matching (a typo of a longer word) is opt-in per phrase and uses the words of the document itself.

Every hit keeps the exact characters it covers, so a quote always contains what it is evidence for; a hit
made only of stop words is never evidence.

Speed: a phrase is compiled once (``compile_phrase`` is cached); a document is tokenised once and indexed
by stem (``index_of`` keeps the last few documents), so a lookup touches only the lines holding the
phrase's first stem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from rapidfuzz import process
from rapidfuzz.distance import OSA

from jobmatch.knowledge.words import activities as _activities
from jobmatch.knowledge.words import british_spellings as _british
from jobmatch.knowledge.words import generic_words as _generic_words
from jobmatch.knowledge.words import idioms as _idiom_words
from jobmatch.knowledge.words import irregular_verbs as _irregular_verbs
from jobmatch.knowledge.words import ordinary_pairs as _ordinary_pairs
from jobmatch.knowledge.words import stop_words as _stop_words
from jobmatch.models import Document, Evidence, Line, Method, Signals
from jobmatch.signals.vocab import fuzzy_stopwords

__all__ = [
    "LIST_BREAK",
    "Hit",
    "Index",
    "Phrase",
    "PhraseHit",
    "compile_phrase",
    "content_stems",
    "evidence_of",
    "find_in_lines",
    "find_phrase",
    "index_of",
    "is_stop",
    "segment_of",
    "stem",
    "tokens",
]

# A short compound of letters ("A/P", "A/R", "AT&T", "P&L", "R&D", "U.S."): one abbreviation token.
_ABBREV = r"(?:[^\W\d_]{1,2}[/&.]){1,3}[^\W\d_]{1,2}\.?(?![^\W_])"
# A number with its separators ("1,300", "3.5"); a word with programming suffixes ("C++", "C#") or the
# plus of a certification ("A+", "Network+", "Security+": not "network"), unless a letter follows.
_NUMBER = r"\d+(?:[.,]\d+)*"
_WORD = r"[^\W\d_]+(?:['’][^\W\d_]+)?(?:\+\+|#|\+(?![^\W_]))?"
_TOKEN = re.compile(rf"{_ABBREV}|{_NUMBER}|{_WORD}|&", re.UNICODE)

# (suffix, replacement, shortest stem left): derivations that name the same skill ("organization",
# "organized"; "accuracy", "accurate"; "communication", "communicate"). Tried in order, first fit wins.
_DERIVATIONS = (
    ("izational", "iz", 4),
    ("isational", "iz", 4),
    ("ization", "iz", 4),
    ("isation", "iz", 4),
    ("ational", "", 4),
    ("ation", "", 4),
    ("ment", "", 6),
    ("ize", "iz", 4),
    ("ise", "iz", 5),
    ("ate", "", 4),
    ("acy", "", 4),
)


# ``number_words_are_numbers``: "three-way match" is "3-way matching"; "one" stays a word ("one of").
_NUMBER_WORDS = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    "ten": "10",
}  # fmt: skip


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deterministic stem: lower case, possessive, inflection and common derivations removed."""
    w = word.lower().replace("’", "'")
    if w in _NUMBER_WORDS:
        return _NUMBER_WORDS[w]
    if w.endswith("'s"):
        w = w[:-2]
    w = w.replace("'", "")
    w = _irregular_verbs().get(w, w)  # ``irregular_past_is_the_verb``: "sold" is "sell"
    w = _british().get(w, w)  # ``british_spelling_is_the_word``: "modelling" is "modeling"
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "xes", "zes", "ches", "shes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        rest = w[: -len(suffix)]
        if w.endswith(suffix) and len(rest) >= 3 and not w.endswith("eed") and re.search("[aeiouy]", rest):
            w = rest
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]  # "shipping" -> "ship", "billing" stays "bill"
            elif w.endswith("is") and len(w) > 4:
                w = w[:-2] + "iz"  # "organised" -> "organiz"
            elif w.endswith("i") and len(w) > 4:
                w = w[:-1] + "y"  # "certified" -> "certify"
            elif w.endswith("at") and len(w) >= 6:
                w = w[:-2]  # "communicating" -> "communic", as "communicate"
            break
    for suffix, repl, keep in _DERIVATIONS:
        if w.endswith(suffix) and len(w) - len(suffix) >= keep:
            w = w[: -len(suffix)] + repl
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if w.endswith("i") and len(w) > 5:
        w = w[:-1]  # "reconcili(ation)" -> "reconcil"
    return w


@dataclass(frozen=True, slots=True)
class Token:
    stem: str
    start: int
    end: int
    raw: str  # the characters of the line


def _token_of(m: re.Match[str]) -> Token:
    raw = m.group()
    if raw.isalpha():  # the common case first
        return Token(stem(raw), m.start(), m.end(), raw)
    if raw == "&":
        return Token("and", m.start(), m.end(), raw)
    if raw[:1].isdigit():
        return Token(raw.replace(",", ""), m.start(), m.end(), raw)
    if any(c in raw for c in "/&.") and re.fullmatch(_ABBREV, raw):
        return Token(re.sub(r"[/.]", "", raw).lower(), m.start(), m.end(), raw)
    return Token(stem(raw), m.start(), m.end(), raw)


@lru_cache(maxsize=16384)
def tokenize(text: str) -> tuple[Token, ...]:
    found = tuple(_token_of(m) for m in _TOKEN.finditer(text))
    # ``idiom_words_are_no_evidence``: the words of "in order to" (knowledge/words.toml) are stemmed out
    # of reach, so "ordering" is not found in "in order to provide excellent service".
    spans = [m.span() for m in _idioms().finditer(text)] if found else []
    if not spans:
        return found
    return tuple(
        Token("~" + t.stem, t.start, t.end, t.raw) if any(a <= t.start < b for a, b in spans) else t
        for t in found
    )


@cache
def _idioms() -> re.Pattern[str]:
    words = sorted(_idiom_words(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b", re.I)


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(stem, start, end) for each word of ``text``."""
    return [(t.stem, t.start, t.end) for t in tokenize(text)]


@cache
def stop_words() -> frozenset[str]:
    """Function words as stems (``knowledge/words.toml``): never evidence on their own."""
    words = _stop_words()
    return frozenset(words) | frozenset(stem(w) for w in words)


@cache
def generic_words() -> frozenset[str]:
    """Requirement boilerplate as stems ("experience", "strong", "ability"): not a requirement's content."""
    return frozenset(stem(w) for w in _generic_words())


def is_stop(stem_: str) -> bool:
    return stem_ in stop_words()


@cache
def content_stems(text: str) -> tuple[str, ...]:
    """The stems of ``text`` that carry meaning: neither stop words nor requirement boilerplate."""
    out = [t.stem for t in tokenize(text) if t.stem not in stop_words() and t.stem not in generic_words()]
    return tuple(dict.fromkeys(out))


# --------------------------------------------------------------------------- phrases

# Fuzzy (typo) matching only for words this long: shorter words are an edit away from other real words
# ("being" is one letter from "Boeing"; a six-letter name misspelt is rarer than that).
FUZZY_MIN_LEN = 7
_NAME_VOCABULARIES = ("skills", "credentials", "industries", "languages")


@cache
def known_names() -> frozenset[str]:
    """Single words the vocabularies name as something of their own ("powerpoint", "quickbooks")."""
    from jobmatch.knowledge.vocabulary import load_vocabulary

    out: set[str] = set()
    for vocab in _NAME_VOCABULARIES:
        for concept in load_vocabulary(vocab).concepts:
            for name in (concept.name, *concept.aliases, *concept.abbreviations, *concept.exact):
                word = name.strip().lower()
                if word.isalpha() and len(word) >= FUZZY_MIN_LEN:
                    out.add(word)
    return frozenset(out)


# Two typos are allowed only between words both at least this long (``two_typos_both_long``).
TWO_TYPOS_MIN_LEN = 10
# A one-word name written as two words is looked for from this many letters ("Salesforce", "QuickBooks").
COMPOUND_MIN_LEN = 8


@dataclass(frozen=True, slots=True)
class Phrase:
    text: str  # as the data or the posting writes it
    stems: tuple[str, ...]
    capitals: tuple[str, ...]  # per token: the exact letters required (an abbreviation in capitals) or ""
    fuzzy: bool = False
    words: tuple[str, ...] = ()  # word for word (lower case, no stemming) when set
    # ``an_activity_is_not_its_noun``: some words in -ing name an activity whose noun is another thing
    # ("ordering" is not "customer orders" or "purchase order"; knowledge/words.toml): shown by the verb
    # ("ordered", "ordering") only.
    activity: bool = False
    raws: tuple[str, ...] = ()  # the tokens as written

    @property
    def meaningful(self) -> bool:
        """A phrase of stop words only ("and", "the") can never be evidence."""
        return any(s not in stop_words() for s in self.stems)


def _capitals(raw: str) -> str:
    """The capitals a token must show ("RN", "A/P"; dots ignored), or "" when any case will do."""
    letters = raw.replace(".", "")
    plain = re.sub(r"[/&]", "", letters)
    return letters if len(plain) >= 2 and plain.isupper() and plain.isalpha() else ""


@cache
def compile_phrase(
    text: str, *, exact_case: bool = False, fuzzy: bool = False, literal: bool = False
) -> Phrase:
    """``exact_case``: tokens written in capitals ("RN", "A/P") must appear in capitals. ``literal``: the
    words themselves, not their stems ("cosmetics" is not "cosmetic")."""
    toks = tokenize(text)
    caps = tuple(_capitals(t.raw) if exact_case else "" for t in toks)
    words = tuple(_plain(t.raw) for t in toks) if literal else ()
    activity = len(toks) == 1 and toks[0].raw.lower() in _activities()
    raws = tuple(t.raw for t in toks)
    return Phrase(text, tuple(t.stem for t in toks), caps, fuzzy and not literal, words, activity, raws)


# ``list_parts_a_phrase``: "client, database" in a list of skills is two items, not a "client database".
LIST_BREAK = re.compile(r"[,;|•·]")


def segment_of(text: str, start: int, end: int, breaks: re.Pattern[str] = LIST_BREAK) -> tuple[int, int]:
    """The span of ``text`` around ``start:end`` between the ``breaks`` before and after it: the part of a
    list line that one item's words stand in ("English (fluent), German (B1)")."""
    before = [m.end() for m in breaks.finditer(text, 0, start)]
    after = breaks.search(text, end)
    return (before[-1] if before else 0, after.start() if after else len(text))


def _parted(text: str, toks: Sequence[Token], phrase: Phrase) -> bool:
    """A list separator stands between two of the phrase's words (and the phrase has none of its own)."""
    if len(toks) < 2 or LIST_BREAK.search(phrase.text):
        return False
    return any(LIST_BREAK.search(text[a.end : b.start]) for a, b in pairwise(toks))


_ABBREVIATION_MAX = 4  # letters of an all-capitals word ending in "S" that is an abbreviation of its own


def _other_abbreviation(raw: str, phrase: Phrase, j: int) -> bool:
    """``capital_s_is_no_plural``: "CPRS" (a records system) is not the plural of "CPR" (that is written
    "CPRs"): a short word in capitals ending in "S" does not stand for the phrase's word without the "S"."""
    return (
        len(raw) <= _ABBREVIATION_MAX
        and raw.endswith("S")
        and raw.isupper()
        and j < len(phrase.raws)
        and not phrase.raws[j].lower().endswith("s")
    )


def _plain(raw: str) -> str:
    return raw.lower().replace("’", "'")


@dataclass(frozen=True, slots=True)
class Hit:
    index: int  # line index in the document
    start: int
    end: int
    phrase: str  # the phrase looked for
    matched: str  # the characters of the line it covers
    method: Method  # EXACT when the words are the phrase's own (up to inflection), FUZZY for a typo
    ratio: float = 100.0
    text: str = ""  # the quote when the phrase runs over a line break: the two lines joined


PhraseHit = Hit  # the first version's name


class Index:
    """One document tokenised and indexed by stem; sections and job entries of each line."""

    def __init__(self, document: Document, signals: Signals | None = None) -> None:
        self.document = document
        self.lines: tuple[Line, ...] = document.lines
        self.tokens: tuple[tuple[Token, ...], ...] = tuple(tokenize(line.text) for line in self.lines)
        by_stem: dict[str, list[int]] = {}
        for i, toks in enumerate(self.tokens):
            for t in toks:
                rows = by_stem.setdefault(t.stem, [])
                if not rows or rows[-1] != i:
                    rows.append(i)
        self.by_stem = by_stem
        self._sections: tuple[str, ...] | None = None
        self.job_of: dict[int, int] = {}
        self.jobs: tuple[tuple[int, ...], ...] = ()
        if signals is not None:
            self.set_jobs(signals)
        self._words: dict[str, list[str]] | None = None  # by first letter: a typo keeps it
        self._near: dict[str, tuple[tuple[str, float], ...]] = {}
        self._slot_cache: dict[str, list[tuple[str, dict[str, float]]]] = {}
        self._pairs: dict[str, list[tuple[int, Token, Token]]] | None = None

    def set_jobs(self, signals: Signals) -> None:
        self.jobs = tuple(tuple(j.line_indexes) for j in signals.jobs)
        self.job_of = {i: n for n, rows in enumerate(self.jobs) for i in rows}

    @property
    def sections(self) -> tuple[str, ...]:
        if self._sections is None:
            from jobmatch.signals.sections import label_sections

            self._sections = tuple(label_sections(self.lines))
        return self._sections

    def section(self, index: int) -> str:
        return self.sections[index] if 0 <= index < len(self.sections) else ""

    def near_words(self, word: str) -> tuple[tuple[str, float], ...]:
        """Words of this document one typo from ``word`` (two for words of ten letters or more)."""
        if word in self._near:
            return self._near[word]
        if self._words is None:
            seen = {t.raw.lower() for toks in self.tokens for t in toks if t.raw.isalpha()}
            self._words = {}
            for w in sorted(seen):
                if len(w) >= FUZZY_MIN_LEN - 1:
                    self._words.setdefault(w[0], []).append(w)
        max_dist = 2 if len(word) >= TWO_TYPOS_MIN_LEN else 1
        found = []
        bucket = [w for w in self._words.get(word[0], ()) if abs(len(w) - len(word)) <= max_dist]
        for cand, dist, _ in process.extract(
            word, bucket, scorer=OSA.distance, score_cutoff=max_dist, limit=8
        ):
            cand = str(cand)
            if dist == 0 or cand[0] != word[0] or cand in fuzzy_stopwords() or _inflection(word, cand):
                continue
            if cand.endswith("s") and not word.endswith("s") and cand[:-2] == word[:-2] and dist == 1:
                # ``plural_is_another_word``: "markets" is one letter from "Marketo", but a plural with its
                # last letter changed is another word's plural, not a typo of the name
                continue
            if cand in known_names() and word not in known_names():
                # ``typo_is_no_other_name``: "PowerPoint" is two letters from "Powerplant", but a word the
                # vocabularies name as a tool, credential or skill of its own is that, not a misspelling
                continue
            if dist >= 2 and len(cand) < TWO_TYPOS_MIN_LEN:
                # ``two_typos_both_long``: "timeline" is two edits from "Timberline", but a quarter of an
                # eight-letter word changed is another word, not a typo of a ten-letter one.
                continue
            found.append((cand, round(100.0 * (1 - dist / max(len(word), len(cand))), 1)))
        self._near[word] = tuple(found)
        return self._near[word]

    def find(self, phrase: Phrase, indexes: Iterable[int] | None = None) -> list[Hit]:
        """Every hit of ``phrase``, in line order (first hit per line); ``indexes`` limits the lines."""
        if not phrase.stems or not phrase.meaningful:
            return []
        rows = None if indexes is None else tuple(indexes)
        hits = self._find(phrase, rows)
        split = self._split_compound(phrase, rows, {h.index for h in hits})
        return sorted([*hits, *split], key=lambda h: h.index) if split else hits

    def _split_compound(self, phrase: Phrase, rows: tuple[int, ...] | None, done: set[int]) -> list[Hit]:
        """``split_compound``: a one-word name written as two words ("Sales Force", "Quick Books",
        "Power Point"): the same letters, so the same thing. Names of COMPOUND_MIN_LEN letters or more only,
        so that two ordinary words never make a short name ("in" + "to"); a pair that is a phrase of its own
        ("a sales force of 300") counts only capitalised (``ordinary_pair_is_its_words``)."""
        word = phrase.text.strip().lower()
        if len(phrase.stems) != 1 or len(word) < COMPOUND_MIN_LEN or not word.isalpha() or phrase.words:
            return []
        if self._pairs is None:
            pairs: dict[str, list[tuple[int, Token, Token]]] = {}
            for i, toks in enumerate(self.tokens):
                for a, b in pairwise(toks):
                    if a.raw.isalpha() and b.raw.isalpha() and b.start - a.end == 1:
                        pairs.setdefault((a.raw + b.raw).lower(), []).append((i, a, b))
            self._pairs = pairs
        hits = []
        for i, a, b in self._pairs.get(word, ()):
            if i in done or (rows is not None and i not in rows):
                continue
            if phrase.capitals[0] and (a.raw + b.raw) != phrase.capitals[0]:
                continue
            if a.raw.islower() and f"{a.raw} {b.raw}".lower() in _ordinary_pairs():
                continue
            done.add(i)
            matched = self.lines[i].text[a.start : b.end]
            hits.append(Hit(i, a.start, b.end, phrase.text, matched, Method.EXACT))
        return hits

    def _find(self, phrase: Phrase, indexes: tuple[int, ...] | None) -> list[Hit]:
        slots = self._slots(phrase) if phrase.fuzzy else [(s, {}) for s in phrase.stems]
        # Quick rejection (most phrases of a vocabulary are absent): every word must occur somewhere.
        if any(s not in self.by_stem and not near for s, near in slots):
            return []
        rows = set(self.by_stem.get(phrase.stems[0], ()))
        for alt in slots[0][1]:
            rows.update(self.by_stem.get(stem(alt), ()))
        if indexes is not None:
            rows &= set(indexes)
        hits = []
        for i in sorted(rows):
            hit = self._find_in(i, phrase, slots)
            if hit is None and len(slots) > 1:
                hit = self._across_break(i, phrase, slots)
            if hit is not None:
                hits.append(hit)
        return hits

    def _across_break(self, i: int, phrase: Phrase, slots: list[tuple[str, dict[str, float]]]) -> Hit | None:
        """``across_line_break``: a name cut by the line break of a list ("… Listening, MS" / "Office,
        Teaching"). Tried only where the line does not end a sentence; the quote is both lines joined."""
        text = self.lines[i].text.rstrip()
        if i + 1 >= len(self.lines) or text.endswith((".", ":", ";")) or not self.tokens[i]:
            return None
        last = self.tokens[i][-1]
        if not any(last.stem == st or last.raw.lower() in near for st, near in slots[:-1]):
            return None  # the line does not end inside the phrase
        joined = f"{text} {self.lines[i + 1].text}"
        cut = len(text)
        for hit_start in range(max(0, len(self.tokens[i]) - len(slots) + 1), len(self.tokens[i])):
            start = self.tokens[i][hit_start].start
            span = _match_at(joined, start, phrase, slots)
            if span is not None and span[0] < cut < span[1]:
                return Hit(
                    i, span[0], span[1], phrase.text, joined[span[0] : span[1]], span[2], span[3], joined
                )
        return None

    def _slots(self, phrase: Phrase) -> list[tuple[str, dict[str, float]]]:
        """Per token: its stem and, for a fuzzy phrase, the document's near spellings with their ratio."""
        known = self._slot_cache.get(phrase.text)
        if known is not None:
            return known
        slots: list[tuple[str, dict[str, float]]] = []
        words = [t.raw.lower() for t in tokenize(phrase.text)]
        for s, word in zip(phrase.stems, words, strict=False):
            near: dict[str, float] = {}
            if phrase.fuzzy and len(word) >= FUZZY_MIN_LEN and word.isalpha():
                near = dict(self.near_words(word))
            slots.append((s, near))
        self._slot_cache[phrase.text] = slots
        return slots

    def _find_in(self, i: int, phrase: Phrase, slots: list[tuple[str, dict[str, float]]]) -> Hit | None:
        toks = self.tokens[i]
        n = len(slots)
        text = self.lines[i].text
        for k in range(len(toks) - n + 1):
            ratio = 100.0
            ok = True
            for j, (s, near) in enumerate(slots):
                t = toks[k + j]
                cap = phrase.capitals[j]
                if (cap and t.raw.replace(".", "") != cap) or _other_abbreviation(t.raw, phrase, j):
                    ok = False
                    break
                if phrase.words:
                    if _plain(t.raw) != phrase.words[j]:
                        ok = False
                        break
                    continue
                if t.stem == s:
                    if phrase.activity and not t.raw.lower().endswith(("ing", "ed")):
                        ok = False
                        break
                    continue
                r = near.get(t.raw.lower())
                if r is None:
                    ok = False
                    break
                ratio = min(ratio, r)
            if ok and not _parted(text, toks[k : k + n], phrase):
                start, end = toks[k].start, toks[k + n - 1].end
                method = Method.EXACT if ratio >= 100.0 else Method.FUZZY
                return Hit(i, start, end, phrase.text, text[start:end], method, ratio)
        return None

    def evidence(self, hit: Hit, term: str = "", method: Method | None = None) -> Evidence:
        return evidence_of(self, hit, term, method)


# Endings that make another word of the same root ("distributed", "distributor"): never a typo.
_ENDINGS = frozenset(
    [
        "",
        "s",
        "es",
        "e",
        "ed",
        "d",
        "r",
        "ing",
        "er",
        "ers",
        "or",
        "ors",
        "ion",
        "ions",
        "ive",
        "al",
        "ly",
        "ment",
        "ments",
        "ity",
        "y",
        "ies",
        "ation",
        "ance",
        "ence",
    ]
)


def _match_at(
    text: str, start: int, phrase: Phrase, slots: list[tuple[str, dict[str, float]]]
) -> tuple[int, int, Method, float] | None:
    """The phrase matched from the token that begins at ``start``: (start, end, method, ratio) or None."""
    toks = tokenize(text)
    k = next((n for n, t in enumerate(toks) if t.start == start), -1)
    if k < 0 or k + len(slots) > len(toks):
        return None
    ratio = 100.0
    for j, (s, near) in enumerate(slots):
        t = toks[k + j]
        if phrase.capitals[j] and t.raw.replace(".", "") != phrase.capitals[j]:
            return None
        if _other_abbreviation(t.raw, phrase, j):
            return None
        if phrase.words:
            if _plain(t.raw) != phrase.words[j]:
                return None
            continue
        if t.stem != s:
            r = near.get(t.raw.lower())
            if r is None:
                return None
            ratio = min(ratio, r)
    if _parted(text, toks[k : k + len(slots)], phrase):
        return None
    method = Method.EXACT if ratio >= 100.0 else Method.FUZZY
    return toks[k].start, toks[k + len(slots) - 1].end, method, ratio


def _inflection(a: str, b: str) -> bool:
    """One word is the other with another ending: a different word far more often than a typo."""
    if stem(a) == stem(b) or a.startswith(b) or b.startswith(a):
        return True
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return a[k:] in _ENDINGS and b[k:] in _ENDINGS


def evidence_of(index: Index, hit: Hit, term: str = "", method: Method | None = None) -> Evidence:
    line = index.lines[hit.index]
    return Evidence(
        text=hit.text or line.text,
        page=line.page,
        line=line.number,
        method=method or hit.method,
        term=term or hit.phrase,
        matched=hit.matched,
        ratio=hit.ratio,
        section=index.section(hit.index),
    )


_INDEXES: dict[int, Index] = {}
_KEEP = 8  # documents kept indexed: every requirement of one résumé reads the same index


def index_of(document: Document, signals: Signals | None = None) -> Index:
    """The document's index, built once and shared by every matcher of every requirement."""
    found = _INDEXES.get(id(document))
    if found is not None and found.document is document:
        if signals is not None and not found.jobs and signals.jobs:
            found.set_jobs(signals)
        return found
    index = Index(document, signals)
    if len(_INDEXES) >= _KEEP:
        _INDEXES.pop(next(iter(_INDEXES)))
    _INDEXES[id(document)] = index
    return index


# --------------------------------------------------------------------------- the first version's API


def find_phrase(phrase: str, text: str) -> tuple[int, int] | None:
    """The first character span of ``text`` where ``phrase``'s stems appear in a row, or None."""
    want = compile_phrase(phrase)
    if not want.stems or not want.meaningful:
        return None
    toks = tokenize(text)
    n = len(want.stems)
    for i in range(len(toks) - n + 1):
        if all(toks[i + k].stem == want.stems[k] for k in range(n)):
            return toks[i].start, toks[i + n - 1].end
    return None


def find_in_lines(
    phrases: Iterable[str], lines: Sequence[Line], indexes: Iterable[int] | None = None
) -> list[Hit]:
    """Every (line, phrase) hit, in line order; ``indexes`` limits the search to those lines."""
    wanted = [p for p in dict.fromkeys(phrases) if p.strip()]
    found: list[Hit] = []
    for i in range(len(lines)) if indexes is None else indexes:
        text = lines[i].text
        for phrase in wanted:
            span = find_phrase(phrase, text)
            if span is not None:
                found.append(Hit(i, span[0], span[1], phrase, text[span[0] : span[1]], Method.EXACT))
    return found
