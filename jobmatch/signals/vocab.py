"""Vocabularies (data files under ``jobmatch/data``) and the matcher that finds their terms in a line.

A vocabulary file is plain text: ``[section]`` headers, ``Canonical: term; term; …`` lines, ``#`` comments.
``[exclude]`` holds phrases that veto an overlapping match ("Office Manager" is not MS Office);
``[ambiguous]`` holds terms that are ordinary words ("Word", "Access") and need context to count.

Matching is case-insensitive and word-bounded. Near-spellings are caught by typo correction against the
vocabulary's own words (Damerau–Levenshtein distance 1, or 2 for words of 8+ letters), never against
inflections ("excels" is not "Excel") or a list of real words kept in ``fuzzy_stopwords.txt``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from jobmatch.models import Method


@dataclass(frozen=True, slots=True)
class Entry:
    canonical: str
    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    name: str
    sections: tuple[tuple[str, tuple[Entry, ...]], ...]

    def section(self, name: str) -> tuple[Entry, ...]:
        for key, entries in self.sections:
            if key == name:
                return entries
        return ()

    def flat(self, name: str) -> tuple[str, ...]:
        return tuple(term for entry in self.section(name) for term in entry.terms)


def parse_vocabulary(name: str, text: str) -> Vocabulary:
    sections: dict[str, list[Entry]] = {}
    current = "terms"
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            sections.setdefault(current, [])
            continue
        canonical, sep, rest = line.partition(":")
        if not sep or current in ("exclude",):
            canonical, rest = "", line
        terms = tuple(t.strip().lower() for t in rest.split(";") if t.strip())
        sections.setdefault(current, []).append(Entry(canonical.strip(), terms))
    return Vocabulary(name, tuple((k, tuple(v)) for k, v in sections.items()))


@cache
def load_vocabulary(name: str) -> Vocabulary:
    text = resources.files("jobmatch.data").joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return parse_vocabulary(name, text)


@cache
def fuzzy_stopwords() -> frozenset[str]:
    text = resources.files("jobmatch.data").joinpath("fuzzy_stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


# --------------------------------------------------------------------------- typo correction

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_INFLECTIONS = ("s", "es", "ed", "d", "ing", "er", "ers", "ly", "ment", "al", "'s")
# ``short_words_are_no_typos``: on 300 corpus résumés, 278 of 281 "typos" of four or five letters were other
# words ("site" for suite, "built" for build, "water" for waiter, "layer" for lawyer); three were typos.
MIN_FUZZY_LEN = 6


def _is_inflection(a: str, b: str) -> bool:
    """One word is the other plus an ending ("excels", "vision"/"visio", "laude"/"lauder"): a different
    word far more often than a typo, so it is never corrected."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    extra = long_[len(short) :]
    return long_.startswith(short) and (len(extra) <= 1 or extra in _INFLECTIONS)


class Corrector:
    """Maps a misspelt word to the vocabulary word it most likely means, with fuzz.ratio as confidence."""

    def __init__(self, words: frozenset[str]) -> None:
        self._words = sorted(w for w in words if len(w) >= 5)
        self._known = words
        self._cache: dict[str, tuple[str, float] | None] = {}
        self._by_length: dict[int, list[str]] = {}

    def _within_reach(self, length: int, max_dist: int) -> list[str]:
        """The words whose length is within ``max_dist`` of ``length``, in the same order: no other word
        can be that few edits away, so the search is exact on a third of the list."""
        found = self._by_length.get(length)
        if found is None:
            found = [w for w in self._words if abs(len(w) - length) <= max_dist]
            self._by_length[length] = found
        return found

    def correct(self, token: str) -> tuple[str, float] | None:
        if token in self._cache:
            return self._cache[token]
        result: tuple[str, float] | None = None
        if len(token) >= MIN_FUZZY_LEN and token not in self._known and token not in fuzzy_stopwords():
            max_dist = 2 if len(token) >= 8 else 1
            reach = self._within_reach(len(token), max_dist)
            best = process.extractOne(token, reach, scorer=OSA.distance, score_cutoff=max_dist)
            if best is not None:
                word = str(best[0])
                if not _is_inflection(token, word) and token[0] == word[0]:
                    result = (word, round(fuzz.ratio(token, word), 1))
        if len(self._cache) < 200_000:
            self._cache[token] = result
        return result


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True, slots=True)
class Hit:
    canonical: str
    term: str  # the vocabulary term that matched
    start: int  # span in the original line
    end: int
    method: Method
    ratio: float
    matched: str  # the original words


def _term_pattern(term: str) -> str:
    parts = [re.escape(p) for p in re.split(r"[\s\-]+", term) if p]
    body = r"[\s\-]*".join(parts) if len(parts) > 1 and "-" in term else r"\s+".join(parts)
    return body


def _alternation(terms: list[str]) -> re.Pattern[str] | None:
    if not terms:
        return None
    ordered = sorted(set(terms), key=lambda t: (-len(t), t))
    return re.compile(r"(?<![\w&])(?:" + "|".join(_term_pattern(t) for t in ordered) + r")(?![\w&])")


class TermMatcher:
    """Finds the terms of some vocabulary entries in a line: exact, synonym or fuzzy (typo)."""

    def __init__(
        self,
        entries: tuple[Entry, ...],
        exclude: tuple[str, ...] = (),
        corrector: Corrector | None = None,
    ) -> None:
        self._canonical: dict[str, str] = {}
        for entry in entries:
            for term in entry.terms:
                self._canonical.setdefault(_norm(term), entry.canonical)
        self._pattern = _alternation([t for e in entries for t in e.terms])
        self._exclude = _alternation(list(exclude))
        self._corrector = corrector
        # Words that begin a term of two or more words: only a line ending in one can continue a term
        # on the next line ("… Listening, MS" / "Office, Teaching").
        self.first_words = frozenset(
            words[0] for e in entries for t in e.terms if len(words := re.split(r"[\s\-]+", t)) > 1
        )

    def _lookup(self, matched: str) -> tuple[str, str]:
        key = _norm(matched)
        canonical = self._canonical.get(key)
        if canonical is None:  # hyphen/space variants
            canonical = self._canonical.get(key.replace("-", " "), "")
            if not canonical:
                for term, canon in self._canonical.items():
                    if term.replace("-", "").replace(" ", "") == key.replace("-", "").replace(" ", ""):
                        return canon, term
        return canonical, key

    def candidate_lines(self, lines: list[str]) -> set[int]:
        """Indexes of the lines where :meth:`find` can return anything: one scan of the whole text for
        exact terms, plus the lines holding a misspelt vocabulary word. A superset, never a subset."""
        if self._pattern is None:
            return set()
        starts: list[int] = []
        pos = 0
        for line in lines:
            starts.append(pos)
            pos += len(line) + 1
        joined = _lower("\n".join(lines))
        found = {bisect.bisect_right(starts, m.start()) - 1 for m in self._pattern.finditer(joined)}
        if self._corrector is not None:
            found.update(i for i, line in enumerate(lines) if _line_fixes(self._corrector, _lower(line)))
        return found

    def find(self, text: str, *, fuzzy: bool = True) -> list[Hit]:
        if self._pattern is None or not text:
            return []
        low = _lower(text)
        excluded = [(m.start(), m.end()) for m in self._exclude.finditer(low)] if self._exclude else []
        hits: list[Hit] = []
        taken: list[tuple[int, int]] = []
        for m in self._pattern.finditer(low):
            if _overlaps(m.start(), m.end(), excluded):
                continue
            canonical, term = self._lookup(m.group(0))
            method = Method.EXACT if term == canonical.lower() else Method.SYNONYM
            hits.append(Hit(canonical, term, m.start(), m.end(), method, 100.0, text[m.start() : m.end()]))
            taken.append((m.start(), m.end()))
        if fuzzy and self._corrector is not None:
            hits.extend(self._fuzzy(text, low, taken, excluded))
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits

    def _fuzzy(
        self, text: str, low: str, taken: list[tuple[int, int]], excluded: list[tuple[int, int]]
    ) -> list[Hit]:
        assert self._corrector is not None and self._pattern is not None
        fixes = [f for f in _line_fixes(self._corrector, low) if not _overlaps(f[0], f[1], taken)]
        if not fixes:  # the common case: no misspelt vocabulary word on this line
            return []
        pieces: list[str] = []
        index: list[int] = []  # corrected position -> original position
        ratios: list[float] = []  # per corrected char: ratio of its word (100 if unchanged)
        pos = 0
        for start, end, word, ratio in fixes:
            pieces.append(low[pos:start])
            index.extend(range(pos, start))
            ratios.extend([100.0] * (start - pos))
            pieces.append(word)
            index.extend([start] * len(word))
            index[-1] = end - 1
            ratios.extend([ratio] * len(word))
            pos = end
        pieces.append(low[pos:])
        index.extend(range(pos, len(low)))
        ratios.extend([100.0] * (len(low) - pos))
        corrected = "".join(pieces)
        found: list[Hit] = []
        for m in self._pattern.finditer(corrected):
            ratio = min(ratios[m.start() : m.end()])
            if ratio >= 100.0:
                continue  # no corrected word inside: the exact pass saw it already (or it was excluded)
            start, end = index[m.start()], index[m.end() - 1] + 1
            if _overlaps(start, end, excluded) or _overlaps(start, end, taken):
                continue
            canonical, term = self._lookup(m.group(0))
            found.append(Hit(canonical, term, start, end, Method.FUZZY, ratio, text[start:end]))
        return found


@lru_cache(maxsize=8192)
def _line_fixes(corrector: Corrector, low: str) -> tuple[tuple[int, int, str, float], ...]:
    """Misspelt vocabulary words in a (lower-cased) line: computed once, shared by every matcher."""
    found = []
    for m in _WORD.finditer(low):
        fix = corrector.correct(m.group(0))
        if fix is not None:
            found.append((m.start(), m.end(), fix[0], fix[1]))
    return tuple(found)


def _norm(term: str) -> str:
    return re.sub(r"\s+", " ", term.strip().lower())


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # e.g. "İ" lowers to two code points: keep offsets aligned
        low = "".join(ch.lower()[:1] or ch for ch in text)
    return low.replace("\u2019", "'")


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


_FUZZY_BRANDS = {"CRM", "Salesforce", "HubSpot"}


@cache
def corrector() -> Corrector:
    """One corrector over the words of every vocabulary whose terms are worth catching misspelt."""
    words: set[str] = set()
    for name in ("office", "crm", "cosmetics", "roles", "degrees", "soft_skills"):
        vocab = load_vocabulary(name)
        for section, entries in vocab.sections:
            if section in (
                "exclude",
                "ambiguous",
                "unrelated_overrides",
                "in_progress",
                "certificate",
                "diploma",
                "not_completed",
            ):
                continue
            for entry in entries:
                if (
                    name in ("cosmetics", "crm")
                    and entry.canonical[:1].isupper()
                    and entry.canonical not in _FUZZY_BRANDS
                ):
                    continue  # brands: real words sit an edit away ("Laude"/Lauder, "insights"/Insightly)
                for term in entry.terms:
                    words.update(w for w in _WORD.findall(term) if w.isalpha())
    return Corrector(frozenset(words))


def matcher(vocab_name: str, *sections: str, fuzzy: bool = True, with_exclude: bool = True) -> TermMatcher:
    return _matcher(vocab_name, sections, fuzzy, with_exclude)


@cache
def _matcher(vocab_name: str, sections: tuple[str, ...], fuzzy: bool, with_exclude: bool) -> TermMatcher:
    vocab = load_vocabulary(vocab_name)
    entries = tuple(e for s in sections for e in vocab.section(s))
    exclude = vocab.flat("exclude") if with_exclude else ()
    return TermMatcher(entries, exclude, corrector() if fuzzy else None)
