"""scripts/evaluate.py: the metric maths on hand-computed examples, the baselines on a toy corpus, and a
5-résumé smoke run of ``make eval`` when ../shared is present."""

from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path

import pytest

from tests.helpers import load_script

ev = load_script("evaluate")


# --------------------------------------------------------------------------- NDCG


def test_dcg_by_hand() -> None:
    # gains 7, 3, 0 at ranks 1, 2, 3: 7/log2(2) + 3/log2(3) + 0
    assert ev.dcg([3, 2, 0], 3) == pytest.approx(7 + 3 / math.log2(3))
    assert ev.dcg([3, 2, 0], 1) == pytest.approx(7)
    assert ev.dcg([2.5], 1) == pytest.approx(2**2.5 - 1)  # fractional grades (mean of two labellers)


def test_ndcg_perfect_swapped_and_empty() -> None:
    assert ev.ndcg_at([3, 2, 1, 0], 10) == pytest.approx(1.0)
    # best item at rank 2: (7 / log2 3) / 7
    assert ev.ndcg_at([0, 3], 2) == pytest.approx(1 / math.log2(3))
    assert ev.ndcg_at([2, 3], 1) == pytest.approx(3 / 7)
    assert ev.ndcg_at([0, 0, 0], 10) == 0.0
    assert ev.ndcg_at([], 10) == 0.0


def test_ndcg_ideal_uses_all_grades_not_only_the_top_k() -> None:
    # the grade-3 item sits at rank 3, outside k=2: the ideal still counts it first
    assert ev.ndcg_at([1, 0, 3], 2) == pytest.approx(1 / (7 + 1 / math.log2(3)))


# --------------------------------------------------------------------------- AP and P@k


def test_average_precision_by_hand() -> None:
    assert ev.average_precision([True, False, True, False]) == pytest.approx((1 / 1 + 2 / 3) / 2)
    assert ev.average_precision([False, True]) == pytest.approx(0.5)
    assert ev.average_precision([True, True]) == pytest.approx(1.0)
    assert ev.average_precision([False, False]) == 0.0


def test_precision_at_k() -> None:
    assert ev.precision_at([True] * 3 + [False] * 7 + [True], 10) == pytest.approx(0.3)
    assert ev.precision_at([True, True], 10) == pytest.approx(0.2)  # a short list counts misses


# --------------------------------------------------------------------------- Spearman


def test_average_ranks_share_ties() -> None:
    assert ev.average_ranks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4]
    assert ev.average_ranks([5, 5, 5]) == [2, 2, 2]
    assert ev.average_ranks([3, 1, 2]) == [3, 1, 2]


def test_spearman_with_ties_by_hand() -> None:
    # ranks x = 1, 2.5, 2.5, 4 and y = 1, 2, 3, 4: cov 4.5, var 4.5 and 5 -> 4.5 / sqrt(22.5)
    assert ev.spearman([1, 2, 2, 3], [1, 2, 3, 4]) == pytest.approx(3 / math.sqrt(10))
    assert ev.spearman([1, 2, 3], [30, 20, 10]) == pytest.approx(-1.0)
    assert ev.spearman([1, 2, 3], [1, 4, 9]) == pytest.approx(1.0)  # monotone, not linear
    assert ev.spearman([1, 1, 1], [1, 2, 3]) == 0.0  # undefined: reported as 0


# --------------------------------------------------------------------------- precision, recall, F1


def test_confusion_counts_and_prf() -> None:
    counts = ev.confusion([True, True, False, False], [True, False, True, False])
    assert (counts.tp, counts.fp, counts.fn, counts.tn) == (1, 1, 1, 1)
    assert (counts.precision, counts.recall, counts.f1) == (0.5, 0.5, 0.5)
    counts = ev.confusion([True, True, True], [True, True, False])
    assert counts.precision == pytest.approx(2 / 3)
    assert counts.recall == 1.0
    assert counts.f1 == pytest.approx(0.8)


def test_prf_zero_division_is_zero() -> None:
    never_predicted = ev.confusion([False, False], [True, False])
    assert (never_predicted.precision, never_predicted.recall, never_predicted.f1) == (0.0, 0.0, 0.0)
    nothing_true = ev.confusion([False, False], [False, False])
    assert (nothing_true.precision, nothing_true.recall, nothing_true.f1) == (0.0, 0.0, 0.0)


# --------------------------------------------------------------------------- ranking order and figures


def test_ranking_order_breaks_ties_by_id() -> None:
    assert ev.ranking_order(["b", "a", "c"], [1.0, 1.0, 2.0]) == [2, 1, 0]


def test_ranking_figures_on_a_tiny_set() -> None:
    figures = ev.ranking_figures(["a", "b", "c"], [0.9, 0.5, 0.1], [3.0, 0.0, 2.0])
    assert figures.ndcg10 == pytest.approx((7 + 3 / 2) / (7 + 3 / math.log2(3)))
    assert figures.ap == pytest.approx((1 + 2 / 3) / 2)
    assert figures.p10 == pytest.approx(0.2)
    assert figures.spearman == pytest.approx(0.5)


def test_targets() -> None:
    assert ev.Target("ap", 0.92).passes(0.92)
    assert not ev.Target("ap", 0.92).passes(0.919)
    assert ev.YEARS_MAE_TARGET.passes(1.5)
    assert not ev.YEARS_MAE_TARGET.passes(1.51)


# --------------------------------------------------------------------------- baselines

TOY = [
    "Sales coordinator: order processing and order tracking for key accounts.",
    "Line cook: prepared meals in a busy kitchen.",
    "Customer service representative answering sales calls.",
    "Software engineer building web services.",
    "Nurse caring for patients.",
]
QUERY = "sales coordinator order processing"


def test_tokenize() -> None:
    # scikit-learn's tokens: two or more word characters; its English stop words ("the", "a") left out
    assert ev.tokenize("The Sales-Coordinator, a MS_Office 2019 Résumé! x") == [
        "sales",
        "coordinator",
        "ms_office",
        "2019",
        "résumé",
    ]
    assert {"the", "and", "of", "with"} <= ev.stop_words() and len(ev.stop_words()) == 318


def test_tfidf_by_hand() -> None:
    # N = 2; "a" in both docs: idf 1; "b" in one: log(3/2) + 1. Query "b" against doc 0 = (1, idf_b) / norm.
    idf_b = math.log(3 / 2) + 1
    scores = ev.tfidf_scores([["a", "b"], ["a"]], ["b"])
    assert scores == pytest.approx([idf_b / math.sqrt(1 + idf_b**2), 0.0])
    # sublinear tf: "a" said 3 times weighs 1 + log 3 against "b" said once (same idf)
    scores = ev.tfidf_scores([["a", "a", "a", "b"], ["c"]], ["a"])
    tf_a = 1 + math.log(3)
    assert scores == pytest.approx([tf_a / math.sqrt(tf_a**2 + 1), 0.0])
    assert ev.tfidf_scores([["x"]], ["unseen"]) == [0.0]


@pytest.mark.parametrize("method", ["tfidf_scores", "bm25_scores"])
def test_baselines_rank_the_toy_corpus(method: str) -> None:
    documents = [ev.tokenize(text) for text in TOY]
    scores = getattr(ev, method)(documents, ev.tokenize(QUERY))
    order = ev.ranking_order([str(i) for i in range(len(TOY))], scores)
    assert order[:2] == [0, 2]  # the coordinator, then the one other "sales" résumé
    assert all(scores[i] <= scores[2] for i in (1, 3, 4))
    assert scores[0] > scores[2]


# --------------------------------------------------------------------------- report helpers


def test_markdown_text_is_inert() -> None:
    assert ev.md("a | b *c* <script>\x1b[31m") == r"a \| b \*c\* \<script\>\[31m"


# --------------------------------------------------------------------------- the script


def test_missing_shared_folder_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(ev.SHARED_ENV, raising=False)
    monkeypatch.setattr(ev, "DEFAULT_SHARED", tmp_path / "shared")
    assert ev.main([]) == 2
    assert capsys.readouterr().err == "../shared not found: make eval needs the evaluation set\n"
    monkeypatch.setenv(ev.SHARED_ENV, str(tmp_path / "elsewhere"))
    assert ev.main([]) == 2
    assert "elsewhere not found: make eval needs the evaluation set" in capsys.readouterr().err


def _shared() -> Path | None:
    path = ev.find_shared(None)[0]
    return path if (path / "eval" / "dev.jsonl").is_file() else None


@pytest.mark.corpus
def test_smoke_five_resumes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shared = _shared()
    if shared is None:
        pytest.skip("../shared/eval not present")
    reader = importlib.util.find_spec("jobmatch.documents")
    if reader is None or not hasattr(importlib.import_module("jobmatch.documents"), "read_document"):
        pytest.skip("jobmatch.documents.read_document has not landed yet")
    rows = (shared / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    picked = sorted(rows, key=lambda row: json.loads(row)["grade"])[:: max(1, len(rows) // 5)][:5]
    labels = tmp_path / "labels.jsonl"
    labels.write_text("\n".join(picked) + "\n", encoding="utf-8")
    report, predictions = tmp_path / "report.md", tmp_path / "predictions.json"
    printed: list[str] = []

    code = ev.main(
        [
            "--shared",
            str(shared),
            "--labels",
            str(labels),
            "--report",
            str(report),
            "--json",
            str(predictions),
        ],
        out=printed.append,
    )

    assert code == 0, capsys.readouterr().err
    output = "\n".join(printed)
    assert "5 résumés from labels.jsonl" in output
    assert "0 not analysed" in output
    for heading in ("jobmatch", "BM25", "TF-IDF", "NDCG@10", "NDCG@25", "AP", "P@10", "Spearman"):
        assert heading in output
    for key in (*ev.SIGNAL_KEYS, "years MAE", "targets:", "wall time:"):
        assert key in output
    text = report.read_text(encoding="utf-8")
    assert "## 1. Ranking" in text and "## 2. Signal errors" in text and "## 3. Years errors" in text
    records = json.loads(predictions.read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == [json.loads(row)["id"] for row in picked]
    assert sorted(r["rank"] for r in records) == [1, 2, 3, 4, 5]
