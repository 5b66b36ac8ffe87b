"""Measure jobmatch against every labelled set in ../shared/eval (``make eval``).

Usage::

    python scripts/evaluate.py                          # every set: tables to stdout, eval-report.md
    python scripts/evaluate.py --only general           # avon | general | postings (repeatable)
    python scripts/evaluate.py --posting P.txt --labels L.jsonl [--reqs P.reqs.txt]   # one set
    python scripts/evaluate.py --labels held-back.jsonl --report eval-report-held.md  # AVON147 format
    python scripts/evaluate.py --as-of 2026-12 --workers 4 --json preds.json
    python scripts/evaluate.py --only-signals           # AVON147 signals and years only

One run scores:

1. **AVON147 dev** (``eval/dev.jsonl`` against ``postings/AVON147.txt``): ranking metrics beside BM25 and
   TF-IDF, per-signal precision/recall/F1, the years error, each next to its target.
2. **The general postings**: every ``eval/general/<ID>.jsonl`` against ``general/postings/<ID>.txt``:
   Spearman, NDCG@10, AP and requirement-status accuracy computed exactly as
   ``eval/score_general.py`` computes them (each labelled requirement of ``<ID>.reqs.txt`` mapped to the
   parsed requirement sharing most of its words, at least half; null labels skipped; met / partial / no
   against met / partial / not found), beside BM25 and TF-IDF on our text and the baselines stored in
   ``general/baseline_scores.json``.
3. **Posting parsing**: ``eval/score_postings.py`` run on both gold sets with this venv's ``jobmatch``.
4. **k-fold cross-validation** inside each set (folds stratified by grade, fixed seed): each ranking
   figure again as the mean over held-out folds, with its min–max, and a nested choice of the scorer's
   global weights (``TUNING_GRID``) made on the training folds of all sets together, reported on the
   held-out folds. Re-scoring uses the signals already extracted (``jobmatch.scoring.score_candidate``
   with the constants patched), never a second extraction.

Every résumé goes through the real pipeline as ``jobmatch rank`` reads it (``read_document`` +
``jobmatch.pipeline.analyze``), read once and analysed against every posting that labels it. BM25
(rank-bm25's BM25Okapi) and TF-IDF cosine (sublinear tf, smooth idf, l2 norm, as scikit-learn computes it)
rank the same extracted text (``document.text``) with the posting's SUMMARY + RESPONSIBILITIES +
REQUIREMENTS as the query, on scikit-learn's tokens with its English stop words removed
(``stop_words.txt``). A markdown failure report (``--report``) says where jobmatch goes wrong and what it
quoted, beside the labellers' evidence.

The shared folder is ``../shared`` beside the repository, or ``$JOBMATCH_SHARED``, or ``--shared PATH``.
Exit codes: 0 measured (whether or not targets pass), 2 missing evaluation set or bad options.
"""

from __future__ import annotations

import argparse
import datetime
import inspect
import itertools
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from jobmatch.errors import DocumentError
from jobmatch.models import CandidateResult, Evidence, Posting, RoleSignal, Signals, TermSignal
from jobmatch.posting import load_posting
from jobmatch.sanitize import clean_display

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_REPORT = REPO / "eval-report.md"
SHARED_ENV = "JOBMATCH_SHARED"
POSTING_NAME = "AVON147.txt"
MISSING_SHARED = "not found: make eval needs the evaluation set"
SECTIONS = ("avon", "general", "postings")

# The "now" the AVON147 labels assume, where a job "to Present" ends: passed to ``analyze(as_of=…)`` when
# this build's jobmatch.pipeline.analyze takes that keyword (detected with inspect.signature; a build without
# it ignores it and the run says so). 2016-09 is the single date whose years best match dev.jsonl's
# years_sales_or_service, as measured by the helper that added as-of (branch facts, 3a2d3bd: MAE flat from
# 2016-06 to 2017-03, lowest at 2016-09). "" would mean jobmatch's own default (today).
LABELS_AS_OF = "2016-09"
# Per labelled set (by posting id), where one differs from the default "" (jobmatch's default, today): the
# general sets are scored by score_general.py with a plain ``jobmatch rank``, so they keep "" to agree
# with it. --as-of overrides every set.
SET_AS_OF: dict[str, str] = {"AVON147": LABELS_AS_OF}

RELEVANT_GRADE = 2.0  # "relevant" for AP and P@k, as in ../shared/eval/README.md
DEGREE_HIGHER = frozenset({"bachelor", "master", "doctorate"})
QUERY_SECTIONS = ("SUMMARY", "RESPONSIBILITIES", "REQUIREMENTS")
FAILURES_SHOWN = 15  # résumés in the "furthest from their grade" part of the report
GENERAL_FAILURES_SHOWN = 10  # the same, per general posting
YEARS_ERROR_SHOWN = 2.0  # years errors above this are listed in the report
QUOTE_FOUND_SHARE = 0.6  # a labeller's quote is "found" where this share of its words sit together

# Cross-validation: k folds stratified by grade, dealt with a fixed seed so every run splits alike.
FOLDS = 5
FOLD_SEED = 147
# The scorer's global constants a nested choice may pick, each from a small grid; a name jobmatch.scoring
# does not have is skipped. The choice maximises mean Spearman over the training folds of all sets.
TUNING_GRID: dict[str, tuple[float, ...]] = {
    "ROLE_FIT_WEIGHT": (0.15, 0.25, 0.35),
    "WORDING_WEIGHT": (0.0, 0.2, 0.35, 0.5),
}
TUNING_METRIC = "spearman"
# --------------------------------------------------------------------------- targets


@dataclass(frozen=True, slots=True)
class Target:
    metric: str  # "ndcg10", "f1", "precision", "mae", …
    threshold: float
    higher_is_better: bool = True

    def passes(self, value: float) -> bool:
        return value >= self.threshold if self.higher_is_better else value <= self.threshold

    def describe(self) -> str:
        return f"{'>=' if self.higher_is_better else '<='} {self.threshold:.2f}"


RANKING_TARGETS: dict[str, Target] = {
    "ndcg10": Target("ndcg10", 0.92),
    "ndcg25": Target("ndcg25", 0.90),
    "ap": Target("ap", 0.92),
    "spearman": Target("spearman", 0.85),
}
SIGNAL_F1_TARGET = Target("f1", 0.90)
EXTRA_SIGNAL_TARGETS: dict[str, tuple[Target, ...]] = {"cosmetics": (Target("precision", 0.95),)}
YEARS_MAE_TARGET = Target("mae", 1.5, higher_is_better=False)


# --------------------------------------------------------------------------- metrics


def ranking_order(ids: Sequence[str], scores: Sequence[float]) -> list[int]:
    """Indices best first: score descending, ties broken by id (README)."""
    return sorted(range(len(ids)), key=lambda i: (-scores[i], ids[i]))


def dcg(grades_in_order: Sequence[float], k: int) -> float:
    """Discounted cumulative gain of the first ``k`` items, gain 2^grade - 1, discount log2(rank + 1)."""
    return sum(
        (math.pow(2.0, grade) - 1.0) / math.log2(rank + 1)
        for rank, grade in enumerate(grades_in_order[:k], 1)
    )


def ndcg_at(grades_in_order: Sequence[float], k: int) -> float:
    """DCG@k over the DCG@k of the same grades sorted best first; 0 when every grade is 0."""
    ideal = dcg(sorted(grades_in_order, reverse=True), k)
    return dcg(grades_in_order, k) / ideal if ideal > 0 else 0.0


def average_precision(relevant_in_order: Sequence[bool]) -> float:
    """Mean of precision@rank over the ranks of the relevant items; 0 when nothing is relevant."""
    hits = 0
    total = 0.0
    for rank, relevant in enumerate(relevant_in_order, 1):
        if relevant:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def precision_at(relevant_in_order: Sequence[bool], k: int) -> float:
    """Share of the first ``k`` ranks that are relevant (a list shorter than k counts the rest as misses)."""
    return sum(1 for relevant in relevant_in_order[:k] if relevant) / k


def average_ranks(values: Sequence[float]) -> list[float]:
    """1-based ascending ranks; tied values share the mean of the ranks they span."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        mean_rank = (start + end) / 2 + 1
        for position in range(start, end + 1):
            ranks[order[position]] = mean_rank
        start = end + 1
    return ranks


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Pearson correlation; 0 when either side is constant (undefined)."""
    n = len(xs)
    if n == 0:
        return 0.0
    mean_x = sum(xs) / n
    mean_y = sum(ys) / n
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    var_x = sum((x - mean_x) ** 2 for x in xs)
    var_y = sum((y - mean_y) ** 2 for y in ys)
    return cov / math.sqrt(var_x * var_y) if var_x > 0 and var_y > 0 else 0.0


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Spearman's rho: Pearson on average ranks (ties handled as scipy.stats.spearmanr does)."""
    return pearson(average_ranks(xs), average_ranks(ys))


@dataclass(frozen=True, slots=True)
class Confusion:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def value(self, metric: str) -> float:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}[metric]


def confusion(predicted: Sequence[bool], actual: Sequence[bool]) -> Confusion:
    pairs = list(zip(predicted, actual, strict=True))
    return Confusion(
        tp=sum(1 for p, a in pairs if p and a),
        fp=sum(1 for p, a in pairs if p and not a),
        fn=sum(1 for p, a in pairs if not p and a),
        tn=sum(1 for p, a in pairs if not p and not a),
    )


@dataclass(frozen=True, slots=True)
class RankingFigures:
    ndcg10: float
    ndcg25: float
    ap: float
    p10: float
    spearman: float

    def value(self, metric: str) -> float:
        return float(getattr(self, metric))


def ranking_figures(ids: Sequence[str], scores: Sequence[float], grades: Sequence[float]) -> RankingFigures:
    order = ranking_order(ids, scores)
    ordered = [grades[i] for i in order]
    relevant = [grade >= RELEVANT_GRADE for grade in ordered]
    return RankingFigures(
        ndcg10=ndcg_at(ordered, 10),
        ndcg25=ndcg_at(ordered, 25),
        ap=average_precision(relevant),
        p10=precision_at(relevant, 10),
        spearman=spearman(scores, grades),
    )


# --------------------------------------------------------------------------- baselines

# scikit-learn's default token pattern (words of two or more word characters) and its English stop words,
# as the reference baselines in ../shared/eval/README.md were computed: with them, BM25 and TF-IDF here
# come within about 0.01 of the README's figures; without stop words BM25's Spearman fell to 0.56.
_WORD = re.compile(r"\b\w\w+\b")
STOP_WORDS_FILE = Path(__file__).resolve().parent / "stop_words.txt"


@cache
def stop_words() -> frozenset[str]:
    lines = STOP_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def tokenize(text: str) -> list[str]:
    """Lower-case words of two or more characters, English stop words left out."""
    stop = stop_words()
    return [word for word in _WORD.findall(text.lower()) if word not in stop]


def bm25_scores(documents: Sequence[Sequence[str]], query: Sequence[str]) -> list[float]:
    """rank-bm25's BM25Okapi with its default k1, b and epsilon."""
    from rank_bm25 import BM25Okapi

    if not documents or not any(documents):
        return [0.0] * len(documents)
    return [float(score) for score in BM25Okapi([list(doc) for doc in documents]).get_scores(list(query))]


def tfidf_scores(documents: Sequence[Sequence[str]], query: Sequence[str]) -> list[float]:
    """Cosine between l2-normalised TF-IDF vectors, as scikit-learn's TfidfVectorizer(sublinear_tf=True).

    tf = 1 + log(count); idf = log((1 + N) / (1 + df)) + 1 fitted on the documents; query words the
    documents never use are dropped (the vocabulary is the documents').
    """
    n = len(documents)
    df: Counter[str] = Counter()
    for doc in documents:
        df.update(set(doc))
    idf = {term: math.log((1 + n) / (1 + count)) + 1 for term, count in df.items()}

    def vector(tokens: Sequence[str]) -> dict[str, float]:
        weights = {
            term: (1 + math.log(count)) * idf[term] for term, count in Counter(tokens).items() if term in idf
        }
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {term: w / norm for term, w in weights.items()} if norm > 0 else {}

    q = vector(query)
    return [sum(w * q.get(term, 0.0) for term, w in vector(doc).items()) for doc in documents]


# Per general posting (issue 11): Spearman >= 0.85 and above both baselines, NDCG@10 >= 0.90, statuses 0.80.
GENERAL_TARGETS: dict[str, Target] = {
    "ndcg10": Target("ndcg10", 0.90),
    "spearman": Target("spearman", 0.85),
}
REQ_ACC_TARGET = Target("req_acc", 0.80)
# Posting parsing (issue 10), per gold set: share of gold items found, precision, required/preferred right.
POSTING_TARGETS: dict[str, Target] = {
    "found": Target("found", 0.90),
    "precision": Target("precision", 0.90),
    "kind": Target("kind", 0.90),
}


# --------------------------------------------------------------------------- requirement statuses

# As ../shared/eval/score_general.py: a labelled requirement maps to the parsed requirement holding the
# largest share of its words of three or more letters, when that share is at least a half.
_REQ_WORD = re.compile(r"[a-z]{3,}")
MAP_AT = 0.5
STATUS_OF_LABEL = {"met": "met", "partial": "partial", "no": "not found"}
NO_STATUS = "(none)"  # the résumé was not analysed
UNPARSED = "(unparsed)"  # the labelled requirement maps to no parsed one
NULL_LABEL = "null"  # the labellers disagreed


def overlap(a: str, b: str) -> float:
    """Share of ``a``'s words (three or more letters) that ``b`` also has (score_general.py's measure)."""
    ta, tb = set(_REQ_WORD.findall(a.lower())), set(_REQ_WORD.findall(b.lower()))
    return len(ta & tb) / max(1, len(ta))


def map_requirements(
    labelled: Sequence[tuple[str, str]], parsed: Sequence[tuple[str, str]]
) -> dict[str, tuple[str, float] | None]:
    """Labelled id -> (parsed id, overlap), or None when no parsed requirement holds half its words.
    The first parsed requirement wins a tie, as ``max`` does in the scorer."""
    mapping: dict[str, tuple[str, float] | None] = {}
    for rid, text in labelled:
        best = max(parsed, key=lambda q: overlap(text, q[1]), default=None)
        share = overlap(text, best[1]) if best is not None else 0.0
        mapping[rid] = (best[0], share) if best is not None and share >= MAP_AT else None
    return mapping


@dataclass(frozen=True, slots=True)
class StatusAccuracy:
    agree: int
    total: int
    mapping: dict[str, tuple[str, float] | None]
    per_requirement: dict[str, tuple[int, int]]  # labelled id -> (agree, total)
    table: dict[str, Counter[tuple[str, str]]]  # labelled id -> (label, ours) -> count

    @property
    def accuracy(self) -> float:
        return self.agree / max(1, self.total)


def status_accuracy(
    labelled: Sequence[tuple[str, str]],
    parsed: Sequence[tuple[str, str]],
    labels: Sequence[Mapping[str, str | None]],
    statuses: Sequence[Mapping[str, str] | None],
) -> StatusAccuracy:
    """Requirement-status accuracy exactly as score_general.py counts it.

    ``labels[i]`` is résumé i's labelled status per requirement (met / partial / no / None), ``statuses[i]``
    jobmatch's status per parsed requirement id (None: not analysed). A labelled requirement no parsed one
    holds counts every résumé's status as wrong (null labels too, as the scorer does); otherwise null
    labels are skipped and a résumé jobmatch did not analyse counts as wrong.
    """
    mapping = map_requirements(labelled, parsed)
    agree = total = 0
    per: dict[str, tuple[int, int]] = {}
    table: dict[str, Counter[tuple[str, str]]] = {}
    for rid, _ in labelled:
        counts: Counter[tuple[str, str]] = Counter()
        target = mapping[rid]
        good = seen = 0
        for label, ours in zip(labels, statuses, strict=True):
            wanted = label.get(rid)
            if target is None:
                counts[(wanted or NULL_LABEL, UNPARSED)] += 1
                seen += 1
                continue
            status = ours.get(target[0], NO_STATUS) if ours is not None else NO_STATUS
            counts[(wanted or NULL_LABEL, status)] += 1
            if wanted is None:
                continue
            seen += 1
            good += status == STATUS_OF_LABEL[wanted]
        per[rid] = (good, seen)
        table[rid] = counts
        agree += good
        total += seen
    return StatusAccuracy(agree, total, mapping, per, table)


# --------------------------------------------------------------------------- cross-validation


def stratified_folds(
    ids: Sequence[str], grades: Sequence[float], k: int = FOLDS, seed: int = FOLD_SEED
) -> list[int]:
    """The fold (0..k-1) of each item: items sorted by grade (ties in a seeded random order) are dealt in
    blocks of k, each block spread over the k folds in a seeded random order, so every fold gets the same
    mix of grades. Depends only on the (id, grade) pairs and the seed, not on their order."""
    if k < 2:
        raise ValueError("k-fold needs k >= 2")
    rng = random.Random(seed)
    tiebreak = {item: rng.random() for item in sorted(set(ids))}
    order = sorted(range(len(ids)), key=lambda i: (-grades[i], tiebreak[ids[i]], ids[i]))
    fold = [0] * len(ids)
    for start in range(0, len(order), k):
        slots = list(range(k))
        rng.shuffle(slots)
        for index, slot in zip(order[start : start + k], slots, strict=False):
            fold[index] = slot
    return fold


RANKING_METRICS = ("ndcg10", "ndcg25", "ap", "p10", "spearman")
# The cut-off of the top-k metrics that cross-validation shows only on folds of at least twice k; NDCG@10
# is a target and always shown (on a small fold it is close to the fold's whole NDCG).
CV_CUTOFF = {"ndcg25": 25, "p10": 10}


def subset_figures(
    ids: Sequence[str], scores: Sequence[float], grades: Sequence[float], keep: Iterable[int]
) -> RankingFigures:
    chosen = sorted(keep)
    return ranking_figures([ids[i] for i in chosen], [scores[i] for i in chosen], [grades[i] for i in chosen])


def fold_figures(
    ids: Sequence[str], scores: Sequence[float], grades: Sequence[float], folds: Sequence[int]
) -> list[RankingFigures]:
    """The ranking figures of each held-out fold."""
    return [
        subset_figures(ids, scores, grades, (i for i, f in enumerate(folds) if f == fold))
        for fold in sorted(set(folds))
    ]


@dataclass(frozen=True, slots=True)
class Spread:
    mean: float
    low: float
    high: float
    sd: float

    def cell(self) -> str:
        return f"{self.mean:.3f} [{self.low:.2f}–{self.high:.2f}]"


def spread(values: Sequence[float]) -> Spread:
    if not values:
        return Spread(0.0, 0.0, 0.0, 0.0)
    mean = sum(values) / len(values)
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))
    return Spread(mean, min(values), max(values), sd)


@dataclass(frozen=True, slots=True)
class TuningSet:
    """One labelled set as the nested choice sees it: a score per résumé under each grid combination."""

    name: str
    ids: tuple[str, ...]
    grades: tuple[float, ...]
    folds: tuple[int, ...]
    scores: tuple[tuple[float, ...], ...]  # scores[combo][résumé]


@dataclass(frozen=True, slots=True)
class NestedResult:
    chosen: tuple[int, ...]  # per fold: index of the combination picked on the other folds
    held_out: dict[str, list[RankingFigures]]  # set name -> figures per held-out fold with that pick


def nested_choice(sets: Sequence[TuningSet], default: int, metric: str = TUNING_METRIC) -> NestedResult:
    """For each fold f: pick the combination with the best mean ``metric`` over the sets' training
    folds (all folds but f, all sets together; ties go to ``default``, then the lower index), then measure
    each set's fold f with it."""
    fold_ids = sorted({f for s in sets for f in s.folds})
    combos = len(sets[0].scores) if sets else 0
    chosen: list[int] = []
    held: dict[str, list[RankingFigures]] = {s.name: [] for s in sets}
    for fold in fold_ids:
        best, best_value = default, -math.inf
        for combo in sorted(range(combos), key=lambda c: (c != default, c)):
            values = [
                subset_figures(
                    s.ids, s.scores[combo], s.grades, (i for i, f in enumerate(s.folds) if f != fold)
                ).value(metric)
                for s in sets
            ]
            value = sum(values) / len(values)
            if value > best_value + 1e-12:
                best, best_value = combo, value
        chosen.append(best)
        for s in sets:
            keep = (i for i, f in enumerate(s.folds) if f == fold)
            held[s.name].append(subset_figures(s.ids, s.scores[best], s.grades, keep))
    return NestedResult(tuple(chosen), held)


# --------------------------------------------------------------------------- labels

# The yes/no keys of the AVON147 labels, in the order they are printed; each maps to the labellers'
# evidence key, and to the Signals attribute jobmatch answers it with (read by name, so a signal that
# jobmatch no longer has is reported as n/a rather than breaking the run).
SIGNAL_KEYS = (
    "bachelor_or_higher",
    "degree_field_related",
    "degree_in_progress",
    "ms_office",
    "sales_support_role",
    "customer_service_role",
    "cosmetics",
    "crm",
)
LABEL_EVIDENCE_KEY = {
    "bachelor_or_higher": "degree",
    "degree_field_related": "degree",
    "degree_in_progress": "degree",
    "ms_office": "ms_office",
    "sales_support_role": "sales_support_role",
    "customer_service_role": "customer_service_role",
    "cosmetics": "cosmetics",
    "crm": "crm",
}
SIGNAL_PATHS: dict[str, tuple[str, Callable[[Any], bool]]] = {
    "bachelor_or_higher": ("degree.level", lambda level: level in DEGREE_HIGHER),
    "degree_field_related": ("degree.field_related", bool),
    "degree_in_progress": ("degree.in_progress", bool),
    "ms_office": ("microsoft_office.present", bool),
    "sales_support_role": ("sales_support.present", bool),
    "customer_service_role": ("customer_service.present", bool),
    "cosmetics": ("cosmetics.present", bool),
    "crm": ("crm.present", bool),
}
YEARS_PATH = "sales_or_service_years"


@dataclass(frozen=True, slots=True)
class Label:
    """One résumé of an AVON147-format set (dev.jsonl): grade, yes/no keys and years."""

    id: str
    file: str  # relative to <shared>/corpus
    grade: float
    grades: tuple[float, ...]
    degree_level: str
    flags: dict[str, bool]  # SIGNAL_KEYS -> the consensus answer
    years: float
    evidence: dict[str, tuple[str, ...]]
    why: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GeneralLabel:
    """One résumé of a general-format set (general/<ID>.jsonl): grade and a status per requirement."""

    posting: str
    id: str
    file: str  # relative to <shared>/corpus
    grade: float
    grades: tuple[float, ...]
    req: dict[str, str | None]  # R1.. -> met / partial / no, None where the labellers disagreed
    years: float | None
    evidence: tuple[dict[str, str], ...]  # per labeller: requirement id -> the quote they relied on
    why: tuple[str, ...]


def label_flags(row: dict[str, Any]) -> dict[str, bool]:
    flags = {"bachelor_or_higher": row["degree_level"] in DEGREE_HIGHER}
    for key in SIGNAL_KEYS[1:]:
        flags[key] = bool(row[key])
    return flags


def _rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    rows = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except ValueError as exc:
            raise ValueError(f"{path}:{number}: not JSON ({exc})") from exc
        if not isinstance(row, dict):
            raise ValueError(f"{path}:{number}: not a JSON object")
        rows.append((number, row))
    return rows


def _why(row: dict[str, Any]) -> tuple[str, ...]:
    why = row.get("why", [])
    return tuple(str(w) for w in why) if isinstance(why, list) else (str(why),)


def load_labels(path: Path) -> list[Label]:
    labels: list[Label] = []
    for number, row in _rows(path):
        try:
            labels.append(
                Label(
                    id=str(row["id"]),
                    file=str(row["file"]),
                    grade=float(row["grade"]),
                    grades=tuple(float(g) for g in row.get("grades", [row["grade"]])),
                    degree_level=str(row["degree_level"]),
                    flags=label_flags(row),
                    years=float(row["years_sales_or_service"]),
                    evidence={k: tuple(v) for k, v in row.get("evidence", {}).items()},
                    why=_why(row),
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}:{number}: bad label line ({exc!r})") from exc
    return labels


def corpus_file(resume_id: str) -> str:
    """A general set's id as a path under <shared>/corpus, as score_general.py resolves it."""
    category, number = resume_id.split("/")
    if category == "vanetik":
        return f"vanetik/{number}.docx"
    return f"livecareer/{category}/{number}.pdf"


def load_general_labels(path: Path) -> list[GeneralLabel]:
    labels: list[GeneralLabel] = []
    for number, row in _rows(path):
        try:
            req = {str(k): (None if v is None else str(v)) for k, v in row["req"].items()}
            for rid, status in req.items():
                if status is not None and status not in STATUS_OF_LABEL:
                    raise ValueError(f"status {status!r} of {rid} is not met, partial, no or null")
            years = row.get("years_relevant")
            evidence = row.get("evidence", [])
            if isinstance(evidence, dict):
                evidence = [evidence]
            labels.append(
                GeneralLabel(
                    posting=str(row.get("posting", "")),
                    id=str(row["id"]),
                    file=str(row["file"]) if "file" in row else corpus_file(str(row["id"])),
                    grade=float(row["grade"]),
                    grades=tuple(float(g) for g in row.get("grades", [row["grade"]])),
                    req=req,
                    years=None if years is None else float(years),
                    evidence=tuple({str(k): str(v) for k, v in e.items()} for e in evidence),
                    why=_why(row),
                )
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"{path}:{number}: bad label line ({exc!r})") from exc
    return labels


def labels_format(path: Path) -> str:
    """ "avon" for the dev.jsonl format (yes/no keys), "general" for a status per requirement."""
    rows = _rows(path)
    if not rows:
        raise ValueError(f"no labels in {path}")
    row = rows[0][1]
    if "req" in row:
        return "general"
    if "degree_level" in row:
        return "avon"
    raise ValueError(f"{path}: neither the AVON147 format (degree_level, …) nor the general one (req)")


def load_reqs(path: Path) -> tuple[tuple[str, str], ...]:
    """``<ID>.reqs.txt``: one "R1 text" per line."""
    reqs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rid, _, text = line.strip().partition(" ")
            reqs.append((rid, text.strip()))
    return tuple(reqs)


# --------------------------------------------------------------------------- the sets to measure


@dataclass(frozen=True, slots=True)
class SetSpec:
    """One labelled set: a posting and the résumés labelled against it."""

    name: str
    kind: str  # "avon" (yes/no keys) or "general" (a status per requirement)
    labels_path: Path
    posting_path: Path
    as_of: str = ""
    avon: tuple[Label, ...] = ()
    general: tuple[GeneralLabel, ...] = ()
    reqs: tuple[tuple[str, str], ...] = ()  # the numbered requirements the statuses are for
    reqs_path: Path | None = None

    @property
    def files(self) -> list[str]:
        return [label.file for label in (self.avon or self.general)]


def set_as_of(name: str, given: str) -> str:
    return given or SET_AS_OF.get(name, "")


def find_posting_file(shared: Path, posting_id: str) -> Path | None:
    for folder in (
        shared / "eval" / "general" / "postings",
        shared / "eval" / "postings",
        shared / "postings",
    ):
        if (folder / f"{posting_id}.txt").is_file():
            return folder / f"{posting_id}.txt"
    return None


def reqs_beside(posting_path: Path) -> Path | None:
    path = posting_path.with_name(posting_path.name.rsplit(".", 1)[0] + ".reqs.txt")
    return path if path.is_file() else None


def avon_set(shared: Path, labels_path: Path, posting_path: Path | None, as_of: str) -> SetSpec:
    if posting_path is None:
        posting_path = shared / "postings" / POSTING_NAME
        if not posting_path.is_file():
            posting_path = REPO / "requirements" / POSTING_NAME
    labels = load_labels(labels_path)
    if not labels:
        raise ValueError(f"no labels in {labels_path}")
    name = labels_path.stem if labels_path.name != "dev.jsonl" else "AVON147"
    name = _posting_id(posting_path) or name
    return SetSpec(name, "avon", labels_path, posting_path, set_as_of(name, as_of), avon=tuple(labels))


def _posting_id(path: Path) -> str:
    try:
        return _posting(str(path)).id
    except Exception:  # the error is reported when the set is measured
        return ""


def general_sets(
    shared: Path, labels_path: Path, posting_path: Path | None, reqs_path: Path | None, as_of: str
) -> list[SetSpec]:
    """One set per posting named in the labels (or all of them against ``posting_path``)."""
    labels = load_general_labels(labels_path)
    if not labels:
        raise ValueError(f"no labels in {labels_path}")
    groups: dict[str, list[GeneralLabel]] = {}
    for label in labels:
        key = "" if posting_path is not None else (label.posting or labels_path.stem)
        groups.setdefault(key, []).append(label)
    sets = []
    for key, group in sorted(groups.items()):
        path = posting_path if posting_path is not None else find_posting_file(shared, key)
        if path is None:
            raise ValueError(f"{labels_path}: no posting file for {key} (give --posting)")
        reqs_file = reqs_path or reqs_beside(path)
        name = key or _posting_id(path) or labels_path.stem
        sets.append(
            SetSpec(
                name,
                "general",
                labels_path,
                path,
                set_as_of(name, as_of),
                general=tuple(group),
                reqs=load_reqs(reqs_file) if reqs_file is not None else (),
                reqs_path=reqs_file,
            )
        )
    return sets


def default_sets(shared: Path, sections: Sequence[str], as_of: str) -> list[SetSpec]:
    sets: list[SetSpec] = []
    if "avon" in sections:
        sets.append(avon_set(shared, shared / "eval" / "dev.jsonl", None, as_of))
    if "general" in sections:
        for path in sorted((shared / "eval" / "general").glob("*.jsonl")):
            sets += general_sets(shared, path, None, None, as_of)
    return sets


# --------------------------------------------------------------------------- running jobmatch


@cache
def _posting(path: str) -> Posting:
    return load_posting(Path(path))


@cache
def _pipeline() -> tuple[Callable[..., Any], Callable[..., CandidateResult], Any]:
    """jobmatch's own reader, analyser and default limits, imported on first use (the metric helpers and
    their tests need no PDF reader). ``read_document`` + ``analyze`` is what ``jobmatch rank`` runs per
    file; ``analyze`` moved to ``jobmatch.pipeline`` when the worker pool landed."""
    from jobmatch.documents import Limits, read_document

    try:
        from jobmatch.pipeline import analyze
    except ImportError:  # before the worker-pool refactor
        from jobmatch.ranking import analyze  # type: ignore[attr-defined,no-redef]
    return read_document, analyze, Limits(pdf_engine=os.environ.get(PDF_ENGINE_ENV) or Limits().pdf_engine)


# The engine --pdf-engine asks for travels in the environment, so that worker processes (however they are
# started) read with it too.
PDF_ENGINE_ENV = "JOBMATCH_EVAL_PDF_ENGINE"


def _parameter(function: Callable[..., Any], name: str) -> inspect.Parameter | None:
    try:
        return inspect.signature(function).parameters.get(name)
    except (TypeError, ValueError):
        return None


def analyze_takes_as_of() -> bool:
    """Whether this build's ``jobmatch.pipeline.analyze`` accepts ``as_of`` (detected, not assumed)."""
    return _parameter(_pipeline()[1], "as_of") is not None


def as_of_argument(parameter: inspect.Parameter | None, as_of: str) -> dict[str, Any]:
    """``{"as_of": value}`` for a function with that parameter and a non-empty as-of, else {}: the value
    as "YYYY-MM", or a ``datetime.date`` (the first of the month) where the parameter is annotated a date."""
    if parameter is None or not as_of:
        return {}
    annotation = str(parameter.annotation)
    if "date" in annotation and "str" not in annotation:
        parts = [int(part) for part in as_of.split("-")]
        return {"as_of": datetime.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)}
    return {"as_of": as_of}


Combo = tuple[tuple[str, float], ...]  # (constant name, value) of jobmatch.scoring, one grid point


def rescore(
    result: CandidateResult, posting: Posting, combos: Sequence[Combo], as_of: str
) -> tuple[float, ...]:
    """The total under each combination of scoring constants, from the signals already extracted:
    ``jobmatch.scoring.score_candidate`` with the module's constants patched (and restored). () when the
    function's signature asks for something this script cannot give."""
    if not combos:
        return ()
    from jobmatch import scoring

    function = scoring.score_candidate
    available: dict[str, Any] = {"posting": posting, "signals": result.signals, "document": result.document}
    try:
        parameters = inspect.signature(function).parameters
    except (TypeError, ValueError):
        return ()
    arguments: dict[str, Any] = {}
    for name, parameter in parameters.items():
        if name in available:
            arguments[name] = available[name]
        elif name == "as_of":
            arguments.update(as_of_argument(parameter, as_of))
        elif parameter.default is inspect.Parameter.empty:
            return ()
    saved = {name: getattr(scoring, name) for combo in combos for name, _ in combo}
    totals = []
    try:
        for combo in combos:
            for name, value in combo:
                setattr(scoring, name, value)
            assessment = function(**arguments)
            totals.append(float(getattr(assessment, "total", assessment)))
    finally:
        for name, value in saved.items():
            setattr(scoring, name, value)
    return tuple(totals)


@dataclass(frozen=True, slots=True)
class Analysis:
    """What jobmatch made of one résumé against one posting."""

    result: CandidateResult | None  # None when the file was skipped or analysis crashed
    problem: str = ""  # skip reason or crash summary
    seconds: float = 0.0
    rescored: tuple[float, ...] = ()  # the total under each tuning combination


Job = tuple[str, str]  # (posting path, as-of)
Task = tuple[str, str, tuple[Job, ...], tuple[Combo, ...]]


def analyze_resume(task: Task) -> list[Analysis]:
    """Read one file once and analyse it against each posting, as ``jobmatch rank`` does. Runs in a worker
    process when --workers > 1."""
    path, shown, jobs, combos = task
    started = time.perf_counter()
    try:
        read_document, analyze, limits = _pipeline()
        document = read_document(Path(path), shown, limits)
    except DocumentError as exc:
        return [Analysis(None, f"skipped: {exc.reason}", time.perf_counter() - started)] * len(jobs)
    except Exception as exc:  # a crash in jobmatch is a finding, not the end of the evaluation
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        return [Analysis(None, f"crashed: {detail}", time.perf_counter() - started)] * len(jobs)
    read_seconds = time.perf_counter() - started
    parameter = _parameter(analyze, "as_of")
    analyses = []
    for posting_path, as_of in jobs:
        begun = time.perf_counter()
        try:
            posting = _posting(posting_path)
            result = analyze(document, posting, **as_of_argument(parameter, as_of))
            try:
                rescored = rescore(result, posting, combos, as_of)
            except Exception:  # a scorer this script cannot re-run: no nested choice, the rest stands
                rescored = ()
            analyses.append(Analysis(result, "", read_seconds + time.perf_counter() - begun, rescored))
        except Exception as exc:
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            analyses.append(Analysis(None, f"crashed: {detail}", read_seconds + time.perf_counter() - begun))
    return analyses


def run_jobmatch(
    specs: Sequence[SetSpec], corpus: Path, workers: int, combos: Sequence[Combo]
) -> dict[tuple[str, str, str], Analysis]:
    """Every labelled résumé of every set, each file read once: (file, posting path, as-of) -> Analysis."""
    jobs: dict[str, list[Job]] = {}
    for spec in specs:
        for file in spec.files:
            job = (str(spec.posting_path), spec.as_of)
            if job not in jobs.setdefault(file, []):
                jobs[file].append(job)
    tasks: list[Task] = [(str(corpus / file), file, tuple(js), tuple(combos)) for file, js in jobs.items()]
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(analyze_resume, tasks, chunksize=2))
    else:
        results = [analyze_resume(task) for task in tasks]
    found: dict[tuple[str, str, str], Analysis] = {}
    for (file, js), analyses in zip(jobs.items(), results, strict=True):
        for (posting_path, as_of), analysis in zip(js, analyses, strict=True):
            found[(file, posting_path, as_of)] = analysis
    return found


def tuning_combos() -> tuple[list[str], list[Combo], int]:
    """The names of TUNING_GRID that jobmatch.scoring has, every combination of their grid values (the
    current values always among them) and the index of the current combination."""
    try:
        from jobmatch import scoring
    except ImportError:
        return [], [], 0
    names = [n for n in TUNING_GRID if isinstance(getattr(scoring, n, None), int | float)]
    if not names:
        return [], [], 0
    grids = [sorted({*TUNING_GRID[n], float(getattr(scoring, n))}) for n in names]
    combos: list[Combo] = [tuple(zip(names, values, strict=True)) for values in itertools.product(*grids)]
    current = tuple((n, float(getattr(scoring, n))) for n in names)
    return names, combos, combos.index(current)


def _path(obj: Any, dotted: str) -> Any:
    """``degree.level`` is a field; ``crm.present`` is the tuned signal of that name (``Signals.role`` or
    ``Signals.term``): the evaluation reads them by the names the vocabularies give them."""
    for part in dotted.split("."):
        if isinstance(obj, Signals) and not hasattr(obj, part):
            named = dict(obj.roles).get(part) or dict(obj.terms).get(part)
            if named is None:
                raise AttributeError(part)
            obj = named
        else:
            obj = getattr(obj, part)
    return obj


def predicted_flags(signals: Signals) -> dict[str, bool]:
    """jobmatch's answer per yes/no key; a key whose Signals attribute this build lacks is left out."""
    flags = {}
    for key, (dotted, test) in SIGNAL_PATHS.items():
        try:
            flags[key] = bool(test(_path(signals, dotted)))
        except AttributeError:
            continue
    return flags


def predicted_years(signals: Signals) -> float | None:
    return signals.years_of(YEARS_PATH)


# --------------------------------------------------------------------------- AVON147-format sets


@dataclass(frozen=True, slots=True)
class Outcome:
    """What jobmatch made of one labelled résumé of an AVON147-format set."""

    label: Label
    result: CandidateResult | None  # None when the file was skipped or analysis crashed
    problem: str = ""  # skip reason or crash summary
    seconds: float = 0.0
    rescored: tuple[float, ...] = ()

    @property
    def score(self) -> float:
        return self.result.score if self.result is not None else 0.0

    @property
    def text(self) -> str:
        return self.result.document.text if self.result is not None else ""

    @property
    def signals(self) -> Signals:
        return self.result.signals if self.result is not None else Signals()

    @property
    def years_error(self) -> float:
        years = predicted_years(self.signals)
        return abs((years or 0.0) - self.label.years)


@dataclass
class CrossValidation:
    folds: list[int] = field(default_factory=list)
    per_fold: list[RankingFigures] = field(default_factory=list)
    nested: list[RankingFigures] = field(default_factory=list)

    def cell(self, metric: str, nested: bool = False) -> str:
        """mean [min–max] over the held-out folds; blank for a top-k metric whose k is more than half a
        fold (on a fold of 10, P@10 is only the share of relevant résumés in it)."""
        figures = self.nested if nested else self.per_fold
        smallest = min(Counter(self.folds).values()) if self.folds else 0
        if not figures or smallest < 2 * CV_CUTOFF.get(metric, 0):
            return ""
        return spread([f.value(metric) for f in figures]).cell()


class RankedOutcomes:
    """What both kinds of evaluation read off their outcomes, in the outcomes' order."""

    outcomes: Sequence[Any]

    @property
    def ids(self) -> list[str]:
        return [o.label.id for o in self.outcomes]

    @property
    def grades(self) -> list[float]:
        return [o.label.grade for o in self.outcomes]

    @property
    def scores(self) -> list[float]:
        return [o.score for o in self.outcomes]


@dataclass
class Evaluation(RankedOutcomes):
    labels_path: Path
    posting_id: str
    outcomes: list[Outcome]
    requirements: tuple[tuple[str, str], ...] = ()  # (id, text) of the posting's requirements
    methods: dict[str, list[float]] = field(default_factory=dict)  # method -> score per outcome
    figures: dict[str, RankingFigures] = field(default_factory=dict)
    signals: dict[str, Confusion] = field(default_factory=dict)
    years_mae: float | None = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    cv: CrossValidation = field(default_factory=CrossValidation)
    as_of: str = ""


def posting_query(posting: Posting) -> str:
    """SUMMARY + RESPONSIBILITIES + REQUIREMENTS, or every section (or the requirement texts) of a posting
    that has none of those."""
    query = "\n".join(posting.section(name) for name in QUERY_SECTIONS).strip()
    if not query:
        query = "\n".join(text for _, text in posting.sections).strip()
    return query or "\n".join(r.text for r in posting.requirements)


def baseline_methods(texts: Sequence[str], query: str) -> dict[str, list[float]]:
    tokens = [tokenize(text) for text in texts]
    query_tokens = tokenize(query)
    return {"BM25": bm25_scores(tokens, query_tokens), "TF-IDF": tfidf_scores(tokens, query_tokens)}


def measure(evaluation: Evaluation, query: str, *, with_ranking: bool) -> None:
    outcomes = evaluation.outcomes
    if with_ranking:
        started = time.perf_counter()
        evaluation.methods = {
            "jobmatch": evaluation.scores,
            **baseline_methods([o.text for o in outcomes], query),
        }
        evaluation.timings["baselines"] = time.perf_counter() - started
        evaluation.figures = {
            name: ranking_figures(evaluation.ids, scores, evaluation.grades)
            for name, scores in evaluation.methods.items()
        }
    predicted = [predicted_flags(o.signals) for o in outcomes]
    evaluation.signals = {}
    for key in SIGNAL_KEYS:
        if outcomes and all(key in p for p in predicted):
            evaluation.signals[key] = confusion(
                [p[key] for p in predicted], [o.label.flags[key] for o in outcomes]
            )
    if outcomes and all(predicted_years(o.signals) is not None for o in outcomes):
        evaluation.years_mae = sum(o.years_error for o in outcomes) / len(outcomes)
    else:
        evaluation.years_mae = None


def verdict(target: Target, value: float) -> str:
    return "PASS" if target.passes(value) else "FAIL"


def cv_header(k: int) -> str:
    return f"  {f'{k}-fold mean [min–max]':<24}{'nested choice':<22}"


def fold_note(cv: CrossValidation) -> list[str]:
    """How big the held-out folds are, so a reader weighs the cross-validated column."""
    if not cv.per_fold:
        return []
    sizes = Counter(cv.folds).values()
    return [
        f"({len(sizes)}-fold: each figure on a held-out fold of {min(sizes)}–{max(sizes)} résumés, "
        f"stratified by grade, seed {FOLD_SEED}; nested: the weight picked on the other folds of every set)"
    ]


def cv_cells(cv: CrossValidation, metric: str) -> str:
    if not cv.per_fold:
        return ""
    return f"  {cv.cell(metric):<24}{cv.cell(metric, nested=True):<22}".rstrip()


def format_tables(evaluation: Evaluation) -> tuple[list[str], int, int]:
    """The printed figures, plus (targets passed, targets checked)."""
    lines: list[str] = []
    passed = checked = 0
    if evaluation.figures:
        names = list(evaluation.figures)
        header = f"{'ranking':<10}" + "".join(f"{name:>10}" for name in names) + f"{'target':>10}  jobmatch"
        if evaluation.cv.per_fold:
            header += cv_header(len(set(evaluation.cv.folds)))
        lines += [header.rstrip(), "-" * len(header.rstrip())]
        for metric, title in METRIC_TITLES:
            row = f"{title:<10}" + "".join(f"{evaluation.figures[n].value(metric):>10.3f}" for n in names)
            target = RANKING_TARGETS.get(metric)
            if target is None:
                row += f"{'-':>10}  {'':8}"
            else:
                value = evaluation.figures["jobmatch"].value(metric)
                row += f"{target.describe():>10}  {verdict(target, value):<8}"
                checked += 1
                passed += target.passes(value)
            lines.append((row + cv_cells(evaluation.cv, metric)).rstrip())
        lines += [*fold_note(evaluation.cv), ""]
    header = f"{'signal':<22}{'TP':>4}{'FP':>4}{'FN':>4}{'precision':>11}{'recall':>8}{'F1':>7}   target"
    lines += [header, "-" * (len(header) + 30)]
    for key in SIGNAL_KEYS:
        counts = evaluation.signals.get(key)
        if counts is None:
            lines.append(f"{key:<22}{'n/a':>38}   (this build's Signals has no {SIGNAL_PATHS[key][0]})")
            continue
        checks = []
        for target in (SIGNAL_F1_TARGET, *EXTRA_SIGNAL_TARGETS.get(key, ())):
            value = counts.value(target.metric)
            checks.append(f"{target.metric} {target.describe()} {verdict(target, value)}")
            checked += 1
            passed += target.passes(value)
        lines.append(
            f"{key:<22}{counts.tp:>4}{counts.fp:>4}{counts.fn:>4}{counts.precision:>11.3f}"
            f"{counts.recall:>8.3f}{counts.f1:>7.3f}   " + "; ".join(checks)
        )
    if evaluation.years_mae is None:
        lines.append(f"{'years MAE':<22}{'n/a':>38}   (this build's Signals has no {YEARS_PATH})")
    else:
        mae_ok = verdict(YEARS_MAE_TARGET, evaluation.years_mae)
        checked += 1
        passed += YEARS_MAE_TARGET.passes(evaluation.years_mae)
        lines.append(
            f"{'years MAE':<22}{evaluation.years_mae:>38.2f}   MAE {YEARS_MAE_TARGET.describe()} {mae_ok}"
        )
    return lines, passed, checked


METRIC_TITLES = (
    ("ndcg10", "NDCG@10"),
    ("ndcg25", "NDCG@25"),
    ("ap", "AP"),
    ("p10", "P@10"),
    ("spearman", "Spearman"),
)


# --------------------------------------------------------------------------- general-format sets


@dataclass(frozen=True, slots=True)
class GeneralOutcome:
    label: GeneralLabel
    result: CandidateResult | None
    problem: str = ""
    seconds: float = 0.0
    rescored: tuple[float, ...] = ()

    @property
    def score(self) -> float:
        """The score as ``rank --format json`` prints it (one decimal); a résumé not analysed ranks last,
        as score_general.py ranks a file missing from the run."""
        return round(self.result.score, 1) if self.result is not None else -math.inf

    @property
    def text(self) -> str:
        return self.result.document.text if self.result is not None else ""

    @property
    def statuses(self) -> dict[str, str] | None:
        if self.result is None:
            return None
        return {m.requirement.id: str(m.status) for m in self.result.matches}


STORED_MARK = "*"  # a baseline stored in general/baseline_scores.json, not computed here


@dataclass
class GeneralEvaluation(RankedOutcomes):
    spec: SetSpec
    posting: Posting
    outcomes: list[GeneralOutcome]
    methods: dict[str, list[float]] = field(default_factory=dict)
    figures: dict[str, RankingFigures] = field(default_factory=dict)
    status: StatusAccuracy | None = None
    cv: CrossValidation = field(default_factory=CrossValidation)


def stored_baselines(shared: Path, name: str) -> dict[str, dict[str, float]]:
    path = shared / "eval" / "general" / "baseline_scores.json"
    if not path.is_file():
        return {}
    try:
        stored = json.loads(path.read_text(encoding="utf-8")).get(name, {})
        return {
            str(method): {str(k): float(v) for k, v in scores.items()} for method, scores in stored.items()
        }
    except (ValueError, AttributeError, TypeError):
        return {}


STORED_NAMES = {"bm25": "BM25", "tfidf": "TF-IDF"}


def measure_general(evaluation: GeneralEvaluation, stored: Mapping[str, Mapping[str, float]]) -> None:
    ids, grades = evaluation.ids, evaluation.grades
    evaluation.methods = {
        "jobmatch": evaluation.scores,
        **baseline_methods([o.text for o in evaluation.outcomes], posting_query(evaluation.posting)),
    }
    evaluation.figures = {name: ranking_figures(ids, s, grades) for name, s in evaluation.methods.items()}
    for method, scores in sorted(stored.items()):
        keep = [i for i, rid in enumerate(ids) if rid in scores]
        if keep:
            name = STORED_NAMES.get(method, method) + STORED_MARK
            evaluation.figures[name] = ranking_figures(
                [ids[i] for i in keep], [scores[ids[i]] for i in keep], [grades[i] for i in keep]
            )
    if evaluation.spec.reqs:
        parsed = [(r.id, r.text) for r in evaluation.posting.requirements]
        evaluation.status = status_accuracy(
            evaluation.spec.reqs,
            parsed,
            [o.label.req for o in evaluation.outcomes],
            [o.statuses for o in evaluation.outcomes],
        )


def best_baseline(evaluation: GeneralEvaluation, name: str) -> tuple[float, str] | None:
    """The higher Spearman of a baseline as computed here and as stored beside the labels."""
    found = [
        (evaluation.figures[n].spearman, n) for n in (name, name + STORED_MARK) if n in evaluation.figures
    ]
    return max(found) if found else None


def general_figure_line(evaluation: GeneralEvaluation) -> str:
    """The figure line of score_general.py, to three decimals."""
    f = evaluation.figures["jobmatch"]
    req = f"{evaluation.status.accuracy:.3f}" if evaluation.status is not None else "-"
    return f"{evaluation.spec.name} sp={f.spearman:.3f} n10={f.ndcg10:.3f} ap={f.ap:.3f} req={req}"


def format_general(evaluation: GeneralEvaluation) -> tuple[list[str], int, int]:
    names = list(evaluation.figures)
    passed = checked = 0
    header = f"{'ranking':<10}" + "".join(f"{name:>10}" for name in names) + f"{'target':>10}  jobmatch"
    if evaluation.cv.per_fold:
        header += cv_header(len(set(evaluation.cv.folds)))
    lines = [header.rstrip(), "-" * len(header.rstrip())]
    jm = evaluation.figures["jobmatch"]
    for metric, title in METRIC_TITLES:
        row = f"{title:<10}" + "".join(f"{evaluation.figures[n].value(metric):>10.3f}" for n in names)
        target = GENERAL_TARGETS.get(metric)
        if target is None:
            row += f"{'-':>10}  {'':8}"
        else:
            row += f"{target.describe():>10}  {verdict(target, jm.value(metric)):<8}"
            checked += 1
            passed += target.passes(jm.value(metric))
        lines.append((row + cv_cells(evaluation.cv, metric)).rstrip())
    lines += fold_note(evaluation.cv)
    for name in ("BM25", "TF-IDF"):
        best = best_baseline(evaluation, name)
        if best is None:
            continue
        ok = jm.spearman > best[0]
        checked += 1
        passed += ok
        lines.append(
            f"{'Spearman above ' + name:<28}{jm.spearman:.3f} vs {best[0]:.3f} {'(' + best[1] + ')':<10} "
            f"{'PASS' if ok else 'FAIL'}"
        )
    status = evaluation.status
    if status is None:
        lines.append(
            f"{'requirement statuses':<28}n/a (no {evaluation.spec.name}.reqs.txt beside the posting)"
        )
    else:
        checked += 1
        passed += REQ_ACC_TARGET.passes(status.accuracy)
        lines.append(
            f"{'requirement-status accuracy':<28}{status.accuracy:.3f} ({status.agree}/{status.total} agreed "
            f"statuses)  {REQ_ACC_TARGET.describe()} {verdict(REQ_ACC_TARGET, status.accuracy)}"
        )
        parts = []
        for rid, (good, seen) in status.per_requirement.items():
            target = status.mapping[rid]
            to = f"→{target[0]}" if target is not None else "→none"
            parts.append(f"{rid}{to} {good / max(1, seen):.2f}")
        lines.append("  per requirement (labelled→parsed accuracy): " + " · ".join(parts))
    if any(name.endswith(STORED_MARK) for name in names):
        lines.append(
            f"{STORED_MARK} stored in general/baseline_scores.json (pypdf text); the others on our text"
        )
    return lines, passed, checked


# --------------------------------------------------------------------------- cross-validation of every set


def add_cross_validation(evaluations: Sequence[Evaluation | GeneralEvaluation], k: int) -> None:
    for evaluation in evaluations:
        if "jobmatch" not in evaluation.figures:
            continue
        folds = stratified_folds(evaluation.ids, evaluation.grades, k)
        evaluation.cv = CrossValidation(
            folds, fold_figures(evaluation.ids, evaluation.scores, evaluation.grades, folds)
        )


def add_nested_choice(
    evaluations: Sequence[Evaluation | GeneralEvaluation], combos: Sequence[Combo], default: int
) -> tuple[str, NestedResult | None]:
    """The nested choice of the tuning constants over every set; a note when it cannot be made."""
    if len(combos) < 2:
        return "nested choice: jobmatch.scoring has none of " + ", ".join(TUNING_GRID), None
    sets = []
    for evaluation in evaluations:
        if not evaluation.cv.folds:
            continue
        per_combo: list[list[float]] = [[] for _ in combos]
        for o in evaluation.outcomes:
            if o.result is None:
                for scores in per_combo:
                    scores.append(o.score)
                continue
            if len(o.rescored) != len(combos):
                return "nested choice skipped: score_candidate could not re-score the extracted signals", None
            if abs(round(o.rescored[default], 1) - round(o.result.score, 1)) > 0.051:
                return (
                    f"nested choice skipped: score_candidate gives {o.rescored[default]:.1f} where analyze "
                    f"gave {o.result.score:.1f} ({o.label.id})",
                    None,
                )
            for scores, total in zip(per_combo, o.rescored, strict=True):
                scores.append(total)
        sets.append(
            TuningSet(
                evaluation_name(evaluation),
                tuple(evaluation.ids),
                tuple(evaluation.grades),
                tuple(evaluation.cv.folds),
                tuple(tuple(s) for s in per_combo),
            )
        )
    if not sets:
        return "nested choice: no ranked set", None
    nested = nested_choice(sets, default)
    for evaluation in evaluations:
        name = evaluation_name(evaluation)
        if name in nested.held_out:
            evaluation.cv.nested = nested.held_out[name]
    picks = " ".join("/".join(f"{value:g}" for _, value in combos[c]) for c in nested.chosen)
    names = "/".join(name for name, _ in combos[0])
    note = (
        f"nested choice of {names} from {{{', '.join('/'.join(f'{v:g}' for _, v in c) for c in combos)}}} "
        f"by mean {TUNING_METRIC} on the training folds of {len(sets)} set{'s' if len(sets) > 1 else ''}; "
        f"picked per held-out fold: {picks} "
        f"(current {'/'.join(f'{v:g}' for _, v in combos[default])})"
    )
    return note, nested


def evaluation_name(evaluation: Evaluation | GeneralEvaluation) -> str:
    return evaluation.spec.name if isinstance(evaluation, GeneralEvaluation) else evaluation.posting_id


# --------------------------------------------------------------------------- posting parsing


@dataclass
class PostingsRun:
    gold: Path
    folder: Path
    output: list[str] = field(default_factory=list)
    error: str = ""
    rows: list[tuple[str, int, int, int, int, int]] = field(
        default_factory=list
    )  # name gold found parsed hold kind

    @property
    def totals(self) -> tuple[int, int, int, int, int]:
        cols = list(zip(*(row[1:] for row in self.rows), strict=True)) or [(), (), (), (), ()]
        gold, found, parsed, hold, kind = (sum(c) for c in cols)
        return gold, found, parsed, hold, kind

    def figures(self) -> dict[str, float]:
        gold, found, parsed, hold, kind = self.totals
        return {
            "found": found / max(1, gold),
            "precision": hold / max(1, parsed),
            "kind": kind / max(1, found),
        }

    @property
    def figure_line(self) -> str:
        return next((line for line in reversed(self.output) if "requirements found" in line), "")


_SCORER_ROW = re.compile(r"^(.{34}) +(\d+) +(\d+) +(\d+) +(\d+) +(\d+)(?:  \(.*\))?$")


def parse_postings_output(run: PostingsRun, stdout: str) -> None:
    run.output = stdout.rstrip("\n").splitlines()
    for line in run.output[1:]:
        match = _SCORER_ROW.match(line)
        if match:
            name, *numbers = match.groups()
            gold, found, parsed, hold, kind = (int(n) for n in numbers)
            run.rows.append((name.strip(), gold, found, parsed, hold, kind))


def jobmatch_command() -> str | None:
    beside = Path(sys.executable).parent / "jobmatch"
    if beside.is_file():
        return str(beside)
    return shutil.which("jobmatch")


def start_postings(shared: Path) -> list[tuple[PostingsRun, subprocess.Popen[str] | None]]:
    """score_postings.py on each gold set, started now (they run beside the résumé workers)."""
    scorer = shared / "eval" / "score_postings.py"
    command = jobmatch_command()
    started: list[tuple[PostingsRun, subprocess.Popen[str] | None]] = []
    for gold in (
        shared / "eval" / "postings" / "gold.json",
        shared / "eval" / "general" / "postings" / "gold.json",
    ):
        if not gold.is_file():
            continue
        run = PostingsRun(gold, gold.parent)
        if not scorer.is_file() or command is None:
            run.error = "no score_postings.py in the shared folder" if command else "no jobmatch executable"
            started.append((run, None))
            continue
        process = subprocess.Popen(
            [sys.executable, str(scorer), command, str(gold), str(gold.parent)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        started.append((run, process))
    return started


POSTINGS_TIMEOUT = 600.0


def finish_postings(started: Sequence[tuple[PostingsRun, subprocess.Popen[str] | None]]) -> list[PostingsRun]:
    runs = []
    for run, process in started:
        if process is not None:
            try:
                stdout, stderr = process.communicate(timeout=POSTINGS_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                stdout, stderr = process.communicate()
                run.error = f"timed out after {POSTINGS_TIMEOUT:g} s"
            parse_postings_output(run, stdout)
            if not run.rows and not run.error:
                run.error = f"no rows (exit {process.returncode}): {stderr.strip()[-200:]}"
        runs.append(run)
    return runs


def format_postings(runs: Sequence[PostingsRun], shared: Path) -> tuple[list[str], int, int]:
    lines: list[str] = []
    passed = checked = 0
    for run in runs:
        shown = run.gold.relative_to(shared) if run.gold.is_relative_to(shared) else run.gold
        lines.append(f"score_postings.py on {shown}:")
        lines += [f"  {line}" for line in run.output]
        if run.error:
            lines.append(f"  ({run.error})")
        if not run.rows:
            continue
        figures = run.figures()
        checks = []
        for key, target in POSTING_TARGETS.items():
            checked += 1
            passed += target.passes(figures[key])
            checks.append(
                f"{key} {figures[key]:.1%} {target.describe().replace('0.90', '90%')} "
                f"{verdict(target, figures[key])}"
            )
        lines.append("  targets: " + "; ".join(checks))
    return lines, passed, checked


# --------------------------------------------------------------------------- the failure report

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md(text: str) -> str:
    """Untrusted résumé text as one inert markdown line."""
    return _MD_SPECIAL.sub(r"\\\1", clean_display(text))


def quote(evidence: Evidence) -> str:
    where = f"p{evidence.page} l{evidence.line}"
    extra = f", {evidence.method}" + (f" {evidence.ratio:.0f}" if evidence.method == "fuzzy" else "")
    term = f" [{md(evidence.term)}{extra}]" if evidence.term else f" [{evidence.method}]"
    section = f" ({md(evidence.section)})" if evidence.section else ""
    return f"{where}{section}: “{md(evidence.text)}”{term}"


_NORMALISE = re.compile(r"[^\w]+")


def _words(text: str) -> set[str]:
    return set(_NORMALISE.sub(" ", text.lower()).split())


def locate(text: str, result: CandidateResult | None) -> str:
    """Where a labeller's quote sits in jobmatch's text: the best line, or up to three lines in a row
    (quotes are cut, joined across lines, or fused with the next column)."""
    if result is None:
        return "no text"
    wanted = _words(text)
    if not wanted:
        return "empty quote"
    lines = result.document.lines
    words = [_words(line.text) for line in lines]
    best_share, best_span = 0.0, (0, 0)
    for width in (1, 2, 3):  # the narrowest span wins a tie
        for start in range(len(lines) - width + 1):
            found = set().union(*words[start : start + width])
            share = len(wanted & found) / len(wanted)
            if share > best_share + 1e-9:
                best_share, best_span = share, (start, start + width)
    if best_share < QUOTE_FOUND_SHARE:
        return "not found in the extracted text"
    first, last = lines[best_span[0]], lines[best_span[1] - 1]
    where = f"p{first.page} l{first.number}" + (f"–{last.number}" if last is not first else "")
    shown = " ⏎ ".join(line.text for line in lines[best_span[0] : best_span[1]])
    return f"{where}: “{md(shown)}”"


def roles_lines(signal: RoleSignal, indent: str = "  ") -> list[str]:
    if not signal.roles:
        return [f"{indent}- (no roles)"]
    return [
        f"{indent}- {md(role.title)} · {role.start or '?'} – {role.end or '?'} · {role.months} months"
        + (f" · {quote(role.evidence)}" if role.evidence is not None else "")
        for role in signal.roles
    ]


def term_lines(signal: TermSignal, indent: str = "  ") -> list[str]:
    lines = [f"{indent}- terms: {', '.join(md(t) for t in signal.terms) or '(none)'}"]
    lines += [f"{indent}- {quote(ev)}" for ev in signal.evidence]
    return lines


def jobmatch_evidence(key: str, signals: Signals) -> list[str]:
    """jobmatch's reading of one signal, as markdown bullet lines."""
    if key in ("bachelor_or_higher", "degree_field_related", "degree_in_progress"):
        degree = signals.degree
        lines = [
            f"  - level {degree.level}, field “{md(degree.field)}”, related {degree.field_related}, "
            f"in progress {degree.in_progress}"
        ]
        return lines + [f"  - {quote(ev)}" for ev in degree.evidence]
    if key in ("sales_support_role", "customer_service_role"):
        role = signals.role("sales_support" if key == "sales_support_role" else "customer_service")
        lines = [f"  - titles: {'; '.join(md(t) for t in role.titles) or '(none)'} · {role.years:g} years"]
        return lines + roles_lines(role, "  ") + [f"  - {quote(ev)}" for ev in role.evidence]
    term = signals.term({"ms_office": "microsoft_office", "cosmetics": "cosmetics", "crm": "crm"}[key])
    return term_lines(term)


def signal_summary(signals: Signals) -> str:
    d = signals.degree
    degree = f"degree {d.level}" + (f" in “{md(d.field)}”" if d.field else "")
    degree += (" (related)" if d.field_related else "") + (" (in progress)" if d.in_progress else "")
    parts = [
        degree,
        f"office {'yes' if signals.term('microsoft_office').present else 'no'}",
        f"sales support {signals.role('sales_support').years:g}y"
        if signals.role("sales_support").present
        else "sales support no",
        f"customer service {signals.role('customer_service').years:g}y"
        if signals.role("customer_service").present
        else "customer service no",
        f"cosmetics {'yes' if signals.term('cosmetics').present else 'no'}",
        f"crm {'yes' if signals.term('crm').present else 'no'}",
        f"sales/service years {signals.years_of('sales_or_service_years'):g}",
    ]
    if signals.seniority:
        parts.append(f"seniority {signals.seniority}")
    return " · ".join(parts)


def safe_signal_summary(signals: Signals) -> str:
    try:
        return signal_summary(signals)
    except AttributeError as exc:  # a build whose Signals lost a field this summary reads
        return f"(signals not summarised: {exc})"


def label_summary(label: Label) -> str:
    flags = ", ".join(key for key in SIGNAL_KEYS[1:] if label.flags[key]) or "no flags"
    return f"degree {label.degree_level} · {flags} · years {label.years:g}"


def why_lines(label: Label | GeneralLabel, indent: str = "") -> list[str]:
    return [f"{indent}- why: {md(why)}" for why in label.why]


def label_role_lines(outcome: Outcome) -> list[str]:
    lines = []
    for key in ("sales_support_role", "customer_service_role"):
        for text in outcome.label.evidence.get(key, ()):
            lines.append(f"- labellers' {key}: “{md(text)}” → {locate(text, outcome.result)}")
    return lines


def ranking_section(evaluation: Evaluation) -> list[str]:
    outcomes = evaluation.outcomes
    order = ranking_order(evaluation.ids, evaluation.methods["jobmatch"])
    score_rank = {index: rank for rank, index in enumerate(order, 1)}
    grade_rank = average_ranks([-g for g in evaluation.grades])
    displaced = sorted(
        range(len(outcomes)),
        key=lambda i: (-abs(score_rank[i] - grade_rank[i]), outcomes[i].label.id),
    )[:FAILURES_SHOWN]
    lines = [
        f"## 1. Ranking: the {len(displaced)} résumés furthest from their grade's rank",
        "",
        "Rank by jobmatch score (ties by id) against rank by grade (ties share the mean rank). "
        "“Too high” = jobmatch ranks it above where its grade puts it. The requirements:",
        "",
        *(f"- **{rid}** {md(text)}" for rid, text in evaluation.requirements),
        "",
    ]
    for n, i in enumerate(displaced, 1):
        o = outcomes[i]
        shift = score_rank[i] - grade_rank[i]
        direction = "too high" if shift < 0 else "too low"
        grades = ", ".join(f"{g:g}" for g in o.label.grades)
        lines += [
            f"### {n}. {o.label.id} — grade {o.label.grade:g} ({grades}), score {o.score:.1f}: "
            f"rank {score_rank[i]} vs grade rank {grade_rank[i]:g} ({direction} by {abs(shift):g})",
            "",
            *why_lines(o.label),
            f"- jobmatch: {safe_signal_summary(o.signals)}",
            f"- labels: {label_summary(o.label)}",
        ]
        if o.problem:
            lines.append(f"- **{md(o.problem)}**")
        if o.result is not None:
            for match in o.result.matches:
                requirement = match.requirement
                lines.append(
                    f"- **{requirement.id}** {match.status} {match.score:.2f} ({match.concept or '?'}) — "
                    f"{md(match.explanation)}"
                )
                lines += [f"  - {quote(ev)}" for ev in match.evidence]
        lines.append("")
    return lines


def signal_section(evaluation: Evaluation) -> list[str]:
    lines = ["## 2. Signal errors", ""]
    for key, counts in evaluation.signals.items():
        lines += [f"### {key}: {counts.fp} false positives, {counts.fn} false negatives", ""]
        evidence_key = LABEL_EVIDENCE_KEY[key]
        for kind, wanted in (("FP", False), ("FN", True)):
            for o in evaluation.outcomes:
                predicted = predicted_flags(o.signals)[key]
                if o.label.flags[key] != wanted or predicted == wanted:
                    continue
                lines += [f"#### {kind} {o.label.id} (grade {o.label.grade:g})", ""]
                if o.problem:
                    lines.append(f"- **{md(o.problem)}**")
                lines += ["- jobmatch:", *jobmatch_evidence(key, o.signals)]
                label_line = f"- labellers: {key} = {wanted}"
                if evidence_key == "degree":
                    label_line += f" (degree_level {o.label.degree_level})"
                lines.append(label_line)
                quotes = o.label.evidence.get(evidence_key, ())
                for text in quotes:
                    lines.append(f"  - “{md(text)}” → {locate(text, o.result)}")
                if not quotes:
                    lines.append("  - (no quote)")
                lines += [*why_lines(o.label, "  "), ""]
    return lines


def years_section(evaluation: Evaluation) -> list[str]:
    if evaluation.years_mae is None:
        return []
    wrong = sorted(
        (o for o in evaluation.outcomes if o.years_error > YEARS_ERROR_SHOWN),
        key=lambda o: (-o.years_error, o.label.id),
    )
    lines = [
        f"## 3. Years errors above {YEARS_ERROR_SHOWN:g} ({len(wrong)} résumés)",
        "",
        "jobmatch's sales/service years merge the sales-support, customer-service and plain sales jobs it "
        "dated (or a stated “N years of …”); Signals lists the first two families' roles only.",
        "",
    ]
    for o in wrong:
        s = o.signals
        lines += [
            f"### {o.label.id} — label {o.label.years:g} years vs jobmatch "
            f"{s.years_of('sales_or_service_years'):g} "
            f"(grade {o.label.grade:g})",
            "",
            f"- sales support ({s.role('sales_support').years:g} y):",
            *roles_lines(s.role("sales_support")),
            f"- customer service ({s.role('customer_service').years:g} y):",
            *roles_lines(s.role("customer_service")),
            f"- total experience {s.total_experience_years:g} y, latest title “{md(s.latest_title)}”",
            *label_role_lines(o),
            *why_lines(o.label),
            "",
        ]
    return lines


def guarded(section: Callable[[], list[str]], title: str) -> list[str]:
    """A report section, or one line saying why it could not be written (a build whose Signals lost a
    field the section reads must not cost the rest of the report)."""
    try:
        return section()
    except AttributeError as exc:
        return [f"## {title}", "", f"(not written: {md(str(exc))})", ""]


def status_table(evaluation: GeneralEvaluation) -> list[str]:
    """Per labelled requirement: label (met / partial / no / null) against jobmatch's status."""
    status = evaluation.status
    if status is None:
        return ["(no requirement list beside the posting: statuses not compared)", ""]
    columns = ["met", "partial", "not found", "ask at screen"]
    seen = {ours for counts in status.table.values() for _, ours in counts}
    columns += sorted(seen - set(columns))
    parsed = {r.id: r.text for r in evaluation.posting.requirements}
    lines = [
        "Each labelled requirement is mapped to the parsed requirement holding most of its words "
        f"(at least {MAP_AT:.0%}, as score_general.py); rows are the labellers' status, columns ours.",
        "",
    ]
    for rid, text in evaluation.spec.reqs:
        target = status.mapping[rid]
        good, seen_n = status.per_requirement[rid]
        to = (
            f"{target[0]} “{md(parsed.get(target[0], ''))}” (overlap {target[1]:.2f})"
            if target is not None
            else "no parsed requirement: every status counts as wrong"
        )
        lines += [f"**{rid}** {md(text)} → {to}; agree {good}/{seen_n}", ""]
        lines += ["| label | " + " | ".join(columns) + " |", "|---|" + "---:|" * len(columns)]
        for label in ("met", "partial", "no", NULL_LABEL):
            counts = [status.table[rid][(label, c)] for c in columns]
            if any(counts):
                lines.append(f"| {label} | " + " | ".join(str(c) for c in counts) + " |")
        lines.append("")
    return lines


def general_section(evaluation: GeneralEvaluation, number: int) -> list[str]:
    name = evaluation.spec.name
    outcomes = evaluation.outcomes
    order = ranking_order(evaluation.ids, evaluation.scores)
    score_rank = {index: rank for rank, index in enumerate(order, 1)}
    grade_rank = average_ranks([-g for g in evaluation.grades])
    displaced = sorted(
        range(len(outcomes)),
        key=lambda i: (-abs(score_rank[i] - grade_rank[i]), outcomes[i].label.id),
    )[:GENERAL_FAILURES_SHOWN]
    lines = [
        f"## {number}. {name}: requirement statuses, labels against jobmatch",
        "",
        f"Posting {md(str(evaluation.spec.posting_path.name))}; parsed requirements:",
        "",
        *(f"- **{r.id}** [{r.kind}] {md(r.text)}" for r in evaluation.posting.requirements),
        "",
        *status_table(evaluation),
        f"## {number}b. {name}: the {len(displaced)} résumés furthest from their grade's rank",
        "",
    ]
    status = evaluation.status
    for n, i in enumerate(displaced, 1):
        o = outcomes[i]
        shift = score_rank[i] - grade_rank[i]
        direction = "too high" if shift < 0 else "too low"
        grades = ", ".join(f"{g:g}" for g in o.label.grades)
        score = f"{o.score:.1f}" if math.isfinite(o.score) else "none"
        lines += [
            f"### {n}. {o.label.id} — grade {o.label.grade:g} ({grades}), score {score}: "
            f"rank {score_rank[i]} vs grade rank {grade_rank[i]:g} ({direction} by {abs(shift):g})",
            "",
            *why_lines(o.label),
        ]
        if o.problem:
            lines.append(f"- **{md(o.problem)}**")
        if o.result is not None:
            fit = o.result.role_fit
            lines.append(f"- role fit {fit.score:.2f}: {md(fit.explanation)}")
        matches = {m.requirement.id: m for m in o.result.matches} if o.result is not None else {}
        used: set[str] = set()
        for rid, _ in evaluation.spec.reqs:
            target = status.mapping.get(rid) if status is not None else None
            match = matches.get(target[0]) if target is not None else None
            label = o.label.req.get(rid) or NULL_LABEL
            if match is None:
                lines.append(f"- **{rid}** label {label} · jobmatch: (no parsed requirement)")
            else:
                used.add(match.requirement.id)
                agree = (
                    ""
                    if label == NULL_LABEL
                    else (" ✓" if str(match.status) == STATUS_OF_LABEL[label] else " ✗")
                )
                lines.append(
                    f"- **{rid}** label {label} · jobmatch {match.requirement.id} {match.status} "
                    f"{match.score:.2f}{agree} ({match.concept or '?'}) — {md(match.explanation)}"
                )
                lines += [f"  - jobmatch quoted {quote(ev)}" for ev in match.evidence]
            quotes: dict[str, list[str]] = {}
            for who, evidence in enumerate(o.label.evidence, 1):
                text = evidence.get(rid)
                if text:
                    quotes.setdefault(text, []).append(str(who))
            for text, who_list in quotes.items():
                who = (
                    "labellers " + " and ".join(who_list) if len(who_list) > 1 else f"labeller {who_list[0]}"
                )
                lines.append(f"  - {who}: “{md(text)}” → {locate(text, o.result)}")
        others = [m for rid, m in matches.items() if rid not in used]
        if others:
            lines.append(
                "- other parsed requirements: "
                + "; ".join(f"{m.requirement.id} {m.status} {m.score:.2f}" for m in others)
            )
        lines.append("")
    return lines


def postings_section(runs: Sequence[PostingsRun], number: int) -> list[str]:
    lines = [f"## {number}. Posting parsing (score_postings.py)", ""]
    for run in runs:
        lines += [
            f"{md(str(run.gold))}:",
            "",
            "```",
            *run.output,
            *([run.error] if run.error else []),
            "```",
            "",
        ]
    return lines


def write_report(
    path: Path,
    evaluations: Sequence[Evaluation],
    generals: Sequence[GeneralEvaluation],
    postings: Sequence[PostingsRun],
    table: list[str],
    headline: str,
) -> None:
    lines = ["# jobmatch evaluation report", "", f"{md(headline)}", "", "```", *table, "```", ""]
    problems = [(o.label.id, o.problem) for e in evaluations for o in e.outcomes if o.problem]
    problems += [(o.label.id, o.problem) for e in generals for o in e.outcomes if o.problem]
    if problems:
        lines += ["## Not analysed", ""]
        lines += [f"- {rid}: {md(problem)}" for rid, problem in problems]
        lines.append("")
    number = 4
    for evaluation in evaluations:
        if evaluation.figures:
            lines += guarded(lambda e=evaluation: ranking_section(e), "1. Ranking")  # type: ignore[misc]
        lines += guarded(lambda e=evaluation: signal_section(e), "2. Signal errors")  # type: ignore[misc]
        lines += guarded(lambda e=evaluation: years_section(e), "3. Years errors")  # type: ignore[misc]
    for general in generals:
        lines += general_section(general, number)
        number += 1
    if postings:
        lines += postings_section(postings, number)
    path.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")


def predictions_json(evaluation: Evaluation) -> list[dict[str, Any]]:
    order = ranking_order(evaluation.ids, [o.score for o in evaluation.outcomes])
    score_rank = {index: rank for rank, index in enumerate(order, 1)}
    grade_rank = average_ranks([-g for g in evaluation.grades])
    records = []
    for i, o in enumerate(evaluation.outcomes):
        record: dict[str, Any] = {
            "set": evaluation.posting_id,
            "id": o.label.id,
            "file": o.label.file,
            "grade": o.label.grade,
            "score": o.score,
            "rank": score_rank[i],
            "grade_rank": grade_rank[i],
            "problem": o.problem,
            "predicted": predicted_flags(o.signals),
            "label": o.label.flags,
            "degree_level": {
                "predicted": getattr(getattr(o.signals, "degree", None), "level", None),
                "label": o.label.degree_level,
            },
            "years": {"predicted": predicted_years(o.signals), "label": o.label.years},
            "seconds": round(o.seconds, 3),
        }
        for name, scores in evaluation.methods.items():
            if name != "jobmatch":
                record[name.lower().replace("-", "")] = scores[i]
        if o.result is not None:
            record["requirements"] = [
                {"id": m.requirement.id, "status": str(m.status), "score": m.score} for m in o.result.matches
            ]
        records.append(record)
    return records


def general_predictions_json(evaluation: GeneralEvaluation) -> list[dict[str, Any]]:
    order = ranking_order(evaluation.ids, evaluation.scores)
    score_rank = {index: rank for rank, index in enumerate(order, 1)}
    grade_rank = average_ranks([-g for g in evaluation.grades])
    records = []
    for i, o in enumerate(evaluation.outcomes):
        record: dict[str, Any] = {
            "set": evaluation.spec.name,
            "id": o.label.id,
            "file": o.label.file,
            "grade": o.label.grade,
            "score": o.score if math.isfinite(o.score) else None,
            "rank": score_rank[i],
            "grade_rank": grade_rank[i],
            "problem": o.problem,
            "label_req": o.label.req,
            "seconds": round(o.seconds, 3),
        }
        for name, scores in evaluation.methods.items():
            if name != "jobmatch":
                record[name.lower().replace("-", "")] = scores[i]
        if o.result is not None:
            record["requirements"] = [
                {"id": m.requirement.id, "status": str(m.status), "score": m.score} for m in o.result.matches
            ]
        records.append(record)
    return records


# --------------------------------------------------------------------------- command line

_AS_OF = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="evaluate.py", description="Measure jobmatch against ../shared/eval (see the module docstring)."
    )
    parser.add_argument("--shared", type=Path, help=f"the shared folder (default ${SHARED_ENV} or ../shared)")
    parser.add_argument(
        "--labels", type=Path, help="measure this labelled JSONL only (AVON147 dev format or general format)"
    )
    parser.add_argument("--posting", type=Path, help="the posting the --labels are for")
    parser.add_argument("--reqs", type=Path, help="its numbered requirements (default <posting>.reqs.txt)")
    parser.add_argument(
        "--only", action="append", choices=SECTIONS, help="measure only these parts (repeatable)"
    )
    parser.add_argument(
        "--as-of", default="", help="YYYY-MM[-DD] where 'Present' ends, for every set (default: SET_AS_OF)"
    )
    parser.add_argument("--folds", type=int, default=FOLDS, help=f"k of the k-fold split (default {FOLDS})")
    parser.add_argument("--report", default=str(DEFAULT_REPORT), help="markdown failure report ('' for none)")
    parser.add_argument("--json", type=Path, help="write per-résumé predictions as JSON here")
    parser.add_argument("--only-signals", action="store_true", help="skip the ranking metrics and baselines")
    parser.add_argument(
        "--workers", type=int, default=DEFAULT_WORKERS, help=f"worker processes (default {DEFAULT_WORKERS})"
    )
    parser.add_argument(
        "--pdf-engine", choices=("pdfium", "pypdf"), help="what reads PDF text (default: jobmatch's default)"
    )
    args = parser.parse_args(argv)
    if args.pdf_engine:
        os.environ[PDF_ENGINE_ENV] = args.pdf_engine
    args.report = Path(args.report) if args.report else None
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.folds < 2:
        parser.error("--folds must be at least 2")
    if args.as_of and not _AS_OF.match(args.as_of):
        parser.error(f"--as-of must be YYYY-MM or YYYY-MM-DD, not {args.as_of!r}")
    if args.posting is not None and args.labels is None:
        parser.error("--posting needs --labels (the résumés labelled against it)")
    if args.reqs is not None and args.labels is None:
        parser.error("--reqs needs --labels")
    return args


DEFAULT_WORKERS = max(1, min(2, os.cpu_count() or 1))


def find_shared(given: Path | None) -> tuple[Path, str]:
    """The shared folder and how to name it in messages."""
    if given is not None:
        return given, str(given)
    env = os.environ.get(SHARED_ENV)
    if env:
        return Path(env), env
    return DEFAULT_SHARED, "../shared"


def chosen_sets(args: argparse.Namespace, shared: Path) -> tuple[list[SetSpec], list[str]]:
    """The labelled sets to measure and the parts (avon / general / postings) asked for."""
    if args.labels is None:
        sections = list(args.only or SECTIONS)
        return default_sets(shared, sections, args.as_of), sections
    kind = labels_format(args.labels)
    if kind == "avon":
        specs = [avon_set(shared, args.labels, args.posting, args.as_of)]
    else:
        specs = general_sets(shared, args.labels, args.posting, args.reqs, args.as_of)
    sections = list(args.only or [kind])
    return [s for s in specs if s.kind in sections], sections


def main(argv: Sequence[str] | None = None, out: Callable[[str], None] = print) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    shared, shown = find_shared(args.shared)
    if not shared.is_dir():
        print(f"{shown} {MISSING_SHARED}", file=sys.stderr)
        return 2
    try:
        specs, sections = chosen_sets(args, shared)
        postings = {str(s.posting_path): _posting(str(s.posting_path)) for s in specs}
    except Exception as exc:  # a missing or unreadable labels or posting file
        print(f"evaluate.py: error: {exc}", file=sys.stderr)
        return 2
    if not specs and "postings" not in sections:
        print("evaluate.py: error: nothing to measure", file=sys.stderr)
        return 2
    notes: list[str] = []
    if any(s.as_of for s in specs) and specs and not analyze_takes_as_of():
        notes.append("as-of not applied: this build's jobmatch.pipeline.analyze takes no as_of")
    pending = start_postings(shared) if "postings" in sections else []

    _, combos, default = tuning_combos()
    read_started = time.perf_counter()
    analyses = run_jobmatch(specs, shared / "corpus", args.workers, combos if not args.only_signals else [])
    jobmatch_seconds = time.perf_counter() - read_started

    evaluations: list[Evaluation] = []
    generals: list[GeneralEvaluation] = []
    for spec in specs:
        posting = postings[str(spec.posting_path)]
        if spec.kind == "avon":
            outcomes = []
            for label in spec.avon:
                a = analyses[(label.file, str(spec.posting_path), spec.as_of)]
                outcomes.append(Outcome(label, a.result, a.problem, a.seconds, a.rescored))
            requirements = tuple((r.id, r.text) for r in posting.requirements)
            evaluation = Evaluation(
                spec.labels_path, posting.id or spec.name, outcomes, requirements, as_of=spec.as_of
            )
            evaluation.timings["jobmatch"] = jobmatch_seconds
            measure(evaluation, posting_query(posting), with_ranking=not args.only_signals)
            evaluations.append(evaluation)
        else:
            general_outcomes = []
            for glabel in spec.general:
                a = analyses[(glabel.file, str(spec.posting_path), spec.as_of)]
                general_outcomes.append(GeneralOutcome(glabel, a.result, a.problem, a.seconds, a.rescored))
            general = GeneralEvaluation(spec, posting, general_outcomes)
            measure_general(general, stored_baselines(shared, spec.name))
            generals.append(general)
    ranked: list[Evaluation | GeneralEvaluation] = [e for e in evaluations if e.figures] + list(generals)
    add_cross_validation(ranked, args.folds)
    nested_note = ""
    if ranked and not args.only_signals:
        nested_note, _ = add_nested_choice(ranked, combos, default)
    runs = finish_postings(pending)

    for evaluation in evaluations:
        for o in evaluation.outcomes:
            if o.problem:
                print(f"evaluate.py: {o.label.id}: {o.problem}", file=sys.stderr)
    for general in generals:
        for g in general.outcomes:
            if g.problem:
                print(f"evaluate.py: {general.spec.name} {g.label.id}: {g.problem}", file=sys.stderr)

    table: list[str] = []
    summary: list[str] = []
    passed_all = checked_all = 0
    headlines = []
    for evaluation in evaluations:
        labels = [o.label for o in evaluation.outcomes]
        relevant = sum(1 for label in labels if label.grade >= RELEVANT_GRADE)
        problems = sum(1 for o in evaluation.outcomes if o.problem)
        headline = (
            f"{len(labels)} résumés from {evaluation.labels_path.name} against {evaluation.posting_id}; "
            f"{relevant} relevant (grade >= {RELEVANT_GRADE:g}); {problems} not analysed"
        )
        if evaluation.as_of and analyze_takes_as_of():
            headline += f"; as of {evaluation.as_of}"
        headlines.append(headline)
        lines, passed, checked = format_tables(evaluation)
        table += [headline, "", *lines, "", f"targets: {passed}/{checked} pass", ""]
        summary.append(f"{evaluation.posting_id} {passed}/{checked}")
        passed_all += passed
        checked_all += checked
    for general in generals:
        relevant = sum(1 for g in general.grades if g >= RELEVANT_GRADE)
        problems = sum(1 for o in general.outcomes if o.problem)
        as_of = general.spec.as_of if general.spec.as_of and analyze_takes_as_of() else "jobmatch's default"
        headline = (
            f"{general.spec.name}: {len(general.outcomes)} résumés from {general.spec.labels_path.name} "
            f"against "
            f"{general.posting.title or general.spec.posting_path.name}; {relevant} relevant "
            f"(grade >= {RELEVANT_GRADE:g}); {problems} not analysed; as of {as_of}"
        )
        headlines.append(headline)
        lines, passed, checked = format_general(general)
        table += [headline, "", *lines, "", f"{general.spec.name} targets: {passed}/{checked} pass", ""]
        summary.append(f"{general.spec.name} {passed}/{checked}")
        passed_all += passed
        checked_all += checked
    if generals:
        table += ["score_general.py figures: " + "; ".join(general_figure_line(g) for g in generals), ""]
    if nested_note:
        table += [nested_note, ""]
    if runs:
        lines, passed, checked = format_postings(runs, shared)
        table += ["posting parsing:", *lines, ""]
        summary.append(f"postings {passed}/{checked}")
        passed_all += passed
        checked_all += checked
    table += notes

    headline = (
        "; ".join(headlines)
        if len(headlines) == 1
        else f"{len(specs)} labelled sets: " + ", ".join(s.name for s in specs)
    )
    if args.report:
        write_report(args.report, evaluations, generals, runs, table, headline)
    if args.json:
        records = [r for e in evaluations for r in predictions_json(e)]
        records += [r for g in generals for r in general_predictions_json(g)]
        args.json.write_text(json.dumps(records, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    wall = time.perf_counter() - started
    for line in table:
        out(line)
    if len(summary) > 1:
        out(f"all targets: {passed_all}/{checked_all} pass ({', '.join(summary)})")
    timing = f"jobmatch {jobmatch_seconds:.1f} s with {args.workers} worker(s)"
    out(f"wall time: {wall:.1f} s ({timing})")
    if args.report:
        out(f"report: {args.report}")
    if args.json:
        out(f"predictions: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
