"""How much of the posting's own wording a résumé shares: the cosine of their bags of content words.

``wording_is_evidence_of_fit``: the requirement matchers answer what the posting asks for item by item,
through vocabularies; whatever the vocabularies do not name (a nurse's "telemetry", a teller's "cash
drawer", an agronomist's "scouting") reaches them only as loose words. The duties a posting describes are
written in the words of the trade, and people who did that work describe it in the same words. So the
total also weighs how much of the posting's wording (its title and every section but the company,
benefits, application and legal boilerplate) the résumé uses: stems (``text.stem``), function words and
requirement boilerplate ("experience", "ability") left out, each word weighted 1 + log(count) on both
sides, compared by cosine. No collection statistics: a candidate's figure depends on their résumé and the
posting alone, so ``explain`` shows what ``rank`` used and adding files to a folder changes nobody's score.

Measured when it went in (``scripts/evaluate.py`` on AVON147, CSR508 and FRSH221, and on 16 postings of
other fields labelled under the same rubric): the requirement matchers alone ranked the 16 at Spearman
0.69, TF-IDF at 0.71; with a third of the total from wording, 0.76, while the dev sets held or rose.
The evidence shown is the résumé lines that share the most of the posting's words, each with the words.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

from jobmatch.matching.text import generic_words, index_of, is_stop, tokenize
from jobmatch.models import Document, Evidence, Method, Posting, Wording

__all__ = ["WORDING_SCALE", "PostingWords", "posting_words", "wording_of"]

# A cosine this high reads as full marks. The best-graded résumés of the labelled postings reach
# 0.3–0.45 and the median résumé about 0.15, so 0.3 spreads the field over most of 0–1.
WORDING_SCALE = 0.3
# The posting's sections that are not about the job: what the employer offers, who it is, how to apply.
BOILERPLATE_SECTIONS = frozenset({"BENEFITS", "COMPANY", "APPLY", "DETAILS", "LEGAL"})
EVIDENCE_LINES = 3  # résumé lines quoted as evidence
EVIDENCE_MIN_WORDS = 2  # a line quoted shares at least this many of the posting's words
SHOWN_WORDS = 12  # shared words named in the explanation


class PostingWords:
    """The posting's content stems, weighted and normalised to length 1, with a word to show for each."""

    __slots__ = ("shown", "weights")

    def __init__(self, counts: Counter[str], shown: dict[str, str]) -> None:
        raw = {s: 1.0 + math.log(c) for s, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in raw.values())) or 1.0
        self.weights: dict[str, float] = {s: w / norm for s, w in sorted(raw.items())}
        self.shown = shown


@lru_cache(maxsize=65536)
def _content(stem_: str) -> bool:
    """A stem with a letter in it, not a function word, not boilerplate, not an idiom's ("~" prefix).
    Asked for every word of every résumé against every posting, of far fewer distinct stems: cached."""
    return (
        len(stem_) > 1
        and not stem_.startswith("~")
        and any(c.isalpha() for c in stem_)
        and not is_stop(stem_)
        and stem_ not in generic_words()
    )


def posting_text(posting: Posting) -> str:
    """The title and every section about the job (the requirement texts when no section is)."""
    about = [text for name, text in posting.sections if name not in BOILERPLATE_SECTIONS and text.strip()]
    if not about:
        about = [r.text for r in posting.requirements]
    return "\n".join([posting.title, *about])


@lru_cache(maxsize=16)
def posting_words(posting: Posting) -> PostingWords:
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for line in posting_text(posting).splitlines():
        for token in tokenize(line):
            if _content(token.stem):
                counts[token.stem] += 1
                shown.setdefault(token.stem, token.raw.lower())
    return PostingWords(counts, shown)


def wording_of(posting: Posting, document: Document) -> Wording:
    """The résumé's share of the posting's wording, with the lines that share the most of it."""
    words = posting_words(posting)
    if not words.weights:
        return Wording(explanation="The posting has no words of its own to compare")
    counts: Counter[str] = Counter()
    lines: list[tuple[float, int, dict[str, str]]] = []  # (weight shared, index, stem -> raw word)
    # The matchers' own tokenisation of the document (built once per document, shared with them).
    for index, line_tokens in enumerate(index_of(document).tokens):
        shared: dict[str, str] = {}
        for token in line_tokens:
            if _content(token.stem):
                counts[token.stem] += 1
                if token.stem in words.weights:
                    shared.setdefault(token.stem, token.raw)
        if len(shared) >= EVIDENCE_MIN_WORDS:
            lines.append((sum(words.weights[s] for s in shared), index, shared))
    if not counts:
        return Wording(explanation="The résumé has no words to compare")
    weights = {s: 1.0 + math.log(c) for s, c in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    contributions = {s: w * words.weights[s] / norm for s, w in weights.items() if s in words.weights}
    cosine = sum(contributions.values())
    order = sorted(contributions, key=lambda s: (-contributions[s], s))
    shared_words = tuple(words.shown[s] for s in order)
    evidence = tuple(
        Evidence(
            text=document.lines[index].text,
            page=document.lines[index].page,
            line=document.lines[index].number,
            method=Method.EXACT,
            term=", ".join(dict.fromkeys(raw.lower() for raw in shared.values())),
        )
        for _, index, shared in sorted(lines, key=lambda t: (-t[0], t[1]))[:EVIDENCE_LINES]
    )
    score = min(1.0, cosine / WORDING_SCALE)
    named = ", ".join(shared_words[:SHOWN_WORDS]) + (" …" if len(shared_words) > SHOWN_WORDS else "")
    explanation = (
        f"Uses {len(shared_words)} of the posting's {len(words.weights)} words (cosine {cosine:.2f}; "
        f"{WORDING_SCALE:g} or more is full): {named}"
        if shared_words
        else "Uses none of the posting's words"
    )
    return Wording(round(score, 4), round(cosine, 4), shared_words, explanation, evidence)
