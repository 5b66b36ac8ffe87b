"""Finding a phrase in résumé lines by its words' stems: the one place matchers look for words.

Both sides are cut into word tokens and each token is reduced to a light stem, so "reconciliations"
finds "reconciliation" and "invoices" finds "invoice". A phrase matches where its stems appear as
consecutive tokens of one line. The hit keeps the exact characters it covers, so a quote always contains
what it is evidence for.

(First version: suffix stripping only; abbreviations and numbers come with the knowledge files.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from jobmatch.models import Line

__all__ = ["PhraseHit", "find_in_lines", "find_phrase", "stem", "tokens"]

_TOKEN = re.compile(r"[^\W_]+(?:[+#]+|(?:['’.\-/&][^\W_]+)*[+#]*)", re.UNICODE)


def stem(word: str) -> str:
    """A light, deterministic stem: lower case, possessive and common inflections removed."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 5 and w.endswith("ing"):
        return w[:-3]
    if len(w) > 4 and w.endswith("ed") and not w.endswith("eed"):
        return w[:-2] if not w.endswith("ied") else w[:-3] + "y"
    if len(w) > 3 and w.endswith("es") and w[-3] in "sxz":
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(stem, start, end) for each word of ``text``."""
    return [(stem(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@cache
def _phrase_stems(phrase: str) -> tuple[str, ...]:
    return tuple(s for s, _, _ in tokens(phrase))


@dataclass(frozen=True, slots=True)
class PhraseHit:
    index: int  # index of the line in the sequence searched
    start: int  # character span in that line
    end: int
    phrase: str  # the phrase looked for
    matched: str  # the characters of the line it covers


def find_phrase(phrase: str, text: str) -> tuple[int, int] | None:
    """The first character span of ``text`` where ``phrase``'s stems appear in a row, or None."""
    want = _phrase_stems(phrase)
    if not want:
        return None
    toks = tokens(text)
    n = len(want)
    for i in range(len(toks) - n + 1):
        if all(toks[i + k][0] == want[k] for k in range(n)):
            return toks[i][1], toks[i + n - 1][2]
    return None


def find_in_lines(
    phrases: Iterable[str], lines: Sequence[Line], indexes: Iterable[int] | None = None
) -> list[PhraseHit]:
    """Every (line, phrase) hit, in line order; ``indexes`` limits the search to those lines."""
    wanted = [p for p in dict.fromkeys(phrases) if p.strip()]
    found: list[PhraseHit] = []
    for i in range(len(lines)) if indexes is None else indexes:
        text = lines[i].text
        for phrase in wanted:
            span = find_phrase(phrase, text)
            if span is not None:
                found.append(PhraseHit(i, span[0], span[1], phrase, text[span[0] : span[1]]))
    return found
