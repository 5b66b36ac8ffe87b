"""The same person sent twice: a PDF and a DOCX of one résumé, or two versions of it, shown once.

Each résumé's text gets a *fingerprint* when it is read: a bottom-k sketch of its word shingles (the
:data:`SKETCH_SIZE` smallest 64-bit hashes of its runs of :data:`SHINGLE_WORDS` words, lower-cased, with
punctuation, bullets and line breaks gone). Two sketches estimate the Jaccard similarity of the two
shingle sets (Broder's estimator: of the k smallest hashes of both, the share that is in each), so the
layout a reader gives a file (PDF lines against DOCX paragraphs) does not matter, only the words in their
order. Files at or above :data:`DUPLICATE_SIMILARITY` are one person, unless both name a person and the
names differ. The candidate kept is the first in rank order (highest score, ties by file name); the others
are listed beside it.

Pairs are found through an index of each sketch's smallest hashes, not by comparing every pair, so a
folder of thousands stays quick; a hash that many files share (a template's heading) is not an index key.
"""

from __future__ import annotations

import hashlib
import heapq
import re
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jobmatch.models import Ranking

WORD = re.compile(r"[^\W_]+")
# Runs of three words: long enough that two people's résumés in one template share few (their headings
# and stock phrases), short enough that an edited line changes only the runs through the edited words.
SHINGLE_WORDS = 3
# 64 hashes estimate a similarity of 0.5 within about ±0.06 (one standard error): far finer than the gap
# measured between one résumé in two formats (0.9 and up) or in two versions (0.6 to 0.9) and two people
# in one template (under 0.3; tests/test_duplicates.py builds each from the bundled samples).
SKETCH_SIZE = 64
# The same person from this estimated share of shared word runs up: an edited version keeps most of its
# runs (a new job and a reworded summary still leave well over half), two people in one template keep
# under a third of theirs in common.
DUPLICATE_SIMILARITY = 0.5
INDEX_HASHES = 16  # of each sketch, the smallest this many are index keys: two files at 0.5 share one
COMMON_KEY_FILES = 25  # a key in more files than this is boilerplate: it finds no pair on its own


def fingerprint(text: str) -> tuple[int, ...]:
    """The bottom-k sketch of ``text``'s word shingles, smallest first; () for a text with no words."""
    words = WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if not words:
        return ()
    width = min(SHINGLE_WORDS, len(words))
    shingles = {" ".join(words[i : i + width]) for i in range(len(words) - width + 1)}
    hashes = {
        int.from_bytes(hashlib.blake2b(s.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")
        for s in shingles
    }
    return tuple(heapq.nsmallest(SKETCH_SIZE, hashes))


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """The estimated Jaccard similarity of the shingle sets two sketches were taken from (0..1)."""
    if not a or not b:
        return 0.0
    first, second = set(a), set(b)
    union = heapq.nsmallest(SKETCH_SIZE, first | second)
    return sum(1 for value in union if value in first and value in second) / len(union)


def _name_words(name: str) -> frozenset[str]:
    return frozenset(WORD.findall(unicodedata.normalize("NFKC", name).casefold()))


def names_conflict(a: str, b: str) -> bool:
    """Both files name a person, and not the same one ("Maria Garcia" and "Maria G. Garcia" are one)."""
    first, second = _name_words(a), _name_words(b)
    return bool(first and second) and not (first <= second or second <= first)


@dataclass(frozen=True, slots=True)
class Person:
    """What grouping needs of one ranked candidate."""

    file: str
    name: str
    fingerprint: Sequence[int]


def group(people: Sequence[Person]) -> list[list[int]]:
    """Positions of ``people`` (in rank order) grouped by person: each group in rank order, the groups in
    the order of their first member. A file similar to no other is a group of one."""
    sketches = [array("Q", p.fingerprint) for p in people]
    index: dict[int, list[int]] = {}
    for position, sketch in enumerate(sketches):
        for value in sketch[:INDEX_HASHES]:
            index.setdefault(value, []).append(position)
    parent = list(range(len(people)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    tried: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) < 2 or len(members) > COMMON_KEY_FILES:
            continue
        for at, i in enumerate(members):
            for j in members[at + 1 :]:
                if (i, j) in tried:
                    continue
                tried.add((i, j))
                if names_conflict(people[i].name, people[j].name):
                    continue
                if similarity(sketches[i], sketches[j]) >= DUPLICATE_SIMILARITY:
                    a, b = root(i), root(j)
                    parent[max(a, b)] = min(a, b)  # the first in rank order stays the root
    groups: dict[int, list[int]] = {}
    for position in range(len(people)):
        groups.setdefault(root(position), []).append(position)
    return [groups[key] for key in sorted(groups)]


def merge(ranking: Ranking) -> Ranking:
    """``ranking`` with each person shown once (see :func:`group`), ranked among the others; the
    ranking itself when no two files are one person."""
    from jobmatch.results import RankedResults

    candidates = ranking.candidates
    people = (
        candidates.people()
        if isinstance(candidates, RankedResults)
        else [Person(c.file, c.name, c.fingerprint) for c in candidates]
    )
    groups = group(people)
    if len(groups) == len(candidates):
        return ranking
    if isinstance(candidates, RankedResults):
        return replace(ranking, candidates=candidates.merged(groups))
    kept = tuple(
        replace(candidates[g[0]], rank=rank, duplicates=tuple(candidates[i].file for i in g[1:]))
        for rank, g in enumerate(groups, start=1)
    )
    return replace(ranking, candidates=kept)
