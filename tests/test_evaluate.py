"""scripts/evaluate.py: the metric maths on hand-computed examples, the baselines on a toy corpus, the
requirement-status mapping and accuracy of score_general.py, the k-fold split and the nested choice, the
arguments, an end-to-end run on a synthetic shared folder, and a 5-résumé smoke run of ``make eval`` when
../shared is present."""

from __future__ import annotations

import datetime
import importlib.util
import inspect
import json
import math
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.helpers import doc, load_script

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
            "--workers",
            "1",
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


# --------------------------------------------------------------------------- requirement statuses


def test_overlap_is_the_share_of_the_labelled_words() -> None:
    # words of three or more letters ("in", "or", "a" do not count); the share is of the first text's words
    assert ev.overlap("Degree in accounting or a related field", "accounting degree") == pytest.approx(2 / 4)
    assert ev.overlap("Excel", "Advanced Microsoft Excel skills") == 1.0
    assert ev.overlap("", "anything") == 0.0


def test_mapping_takes_the_best_parsed_requirement_at_half_its_words() -> None:
    labelled = [("R1", "Bachelor degree in accounting"), ("R2", "Forklift certification")]
    parsed = [("A", "degree"), ("B", "Bachelor degree in accounting or finance"), ("C", "accounting degree")]
    mapping = ev.map_requirements(labelled, parsed)
    assert mapping["R1"] == ("B", 1.0)
    assert mapping["R2"] is None  # nothing holds half its words
    # a tie goes to the first parsed requirement, as max() does in score_general.py
    assert (
        ev.map_requirements([("R1", "pivot tables")], [("X", "pivot tables"), ("Y", "pivot tables")])["R1"][0]
        == "X"
    )


def test_status_accuracy_on_a_tiny_synthetic_set() -> None:
    labelled = [
        ("R1", "Bachelor degree in accounting"),
        ("R2", "Advanced Excel with pivot tables"),
        ("R3", "Forklift certification"),
    ]
    parsed = [
        ("R1", "Bachelor's degree in accounting or finance"),
        ("R2", "Advanced Excel skills, pivot tables"),
    ]
    labels = [
        {"R1": "met", "R2": "partial", "R3": "no"},
        {"R1": "no", "R2": None, "R3": None},  # the labellers disagreed on R2 and R3
        {"R1": "met", "R2": "met", "R3": "met"},
    ]
    statuses = [
        {"R1": "met", "R2": "not found"},
        {"R1": "not found", "R2": "met"},
        None,  # not analysed: counts as wrong where the label is not null
    ]
    acc = ev.status_accuracy(labelled, parsed, labels, statuses)
    # R1: agree, agree, wrong (not analysed) -> 2/3; R2: wrong, null skipped, wrong -> 0/2;
    # R3 maps to nothing: every résumé counts as wrong, null labels too -> 0/3
    assert acc.per_requirement == {"R1": (2, 3), "R2": (0, 2), "R3": (0, 3)}
    assert (acc.agree, acc.total) == (2, 8)
    assert acc.accuracy == pytest.approx(0.25)
    assert acc.table["R2"] == Counter(
        {("partial", "not found"): 1, ("null", "met"): 1, ("met", ev.NO_STATUS): 1}
    )
    assert acc.table["R3"][("null", ev.UNPARSED)] == 1
    assert ev.STATUS_OF_LABEL == {"met": "met", "partial": "partial", "no": "not found"}


def test_status_accuracy_agrees_with_the_shared_scorer(tmp_path: Path) -> None:
    """The same synthetic statuses through score_general.py's own loop (copied from its main)."""
    scorer = ev.find_shared(None)[0] / "eval" / "score_general.py"
    if not scorer.is_file():
        pytest.skip("../shared/eval/score_general.py not present")
    spec = importlib.util.spec_from_file_location("score_general_for_test", scorer)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for a, b in (
        ("Degree in accounting or a related field", "accounting degree"),
        ("Excel", "MS Excel"),
        ("", "x"),
    ):
        assert ev.overlap(a, b) == module.overlap(a, b)


def test_general_metrics_match_the_shared_metrics_module() -> None:
    metrics = ev.find_shared(None)[0] / "eval" / "metrics.py"
    if not metrics.is_file():
        pytest.skip("../shared/eval/metrics.py not present")
    spec = importlib.util.spec_from_file_location("shared_metrics_for_test", metrics)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    ids = [f"r{i:02}" for i in range(30)]
    grades = [float((i * 7) % 4) + (0.5 if i % 5 == 0 else 0.0) for i in range(30)]
    scores = [float((i * 13) % 17) for i in range(30)]  # ties on purpose
    theirs = module.report(dict(zip(ids, scores, strict=True)), dict(zip(ids, grades, strict=True)))
    ours = ev.ranking_figures(ids, scores, grades)
    assert ours.spearman == pytest.approx(theirs["spearman"])
    assert ours.ndcg10 == pytest.approx(theirs["ndcg@10"])
    assert ours.ndcg25 == pytest.approx(theirs["ndcg@25"])
    assert ours.ap == pytest.approx(theirs["ap(g>=2)"])
    assert ours.p10 == pytest.approx(theirs["p@10(g>=2)"])


# --------------------------------------------------------------------------- k-fold


def test_folds_are_deterministic_stratified_and_cover_every_id_once() -> None:
    ids = [f"id{i:03}" for i in range(80)]
    grades = [float(i % 4) for i in range(80)]  # 20 of each grade
    folds = ev.stratified_folds(ids, grades, 5, seed=7)
    assert len(folds) == len(ids) and set(folds) == set(range(5))  # each id in exactly one test fold
    assert folds == ev.stratified_folds(ids, grades, 5, seed=7)
    # the order of the input does not matter, only the (id, grade) pairs
    reverse = ev.stratified_folds(ids[::-1], grades[::-1], 5, seed=7)
    assert reverse[::-1] == folds
    for fold in range(5):
        members = [grades[i] for i, f in enumerate(folds) if f == fold]
        assert Counter(members) == Counter({0.0: 4, 1.0: 4, 2.0: 4, 3.0: 4})  # 20 per grade over 5 folds
    assert ev.stratified_folds(ids, grades, 5, seed=8) != folds  # the seed does something


def test_folds_with_uneven_sizes() -> None:
    ids = [f"x{i}" for i in range(48)]
    grades = [float(i % 3) for i in range(48)]
    folds = ev.stratified_folds(ids, grades, 5)
    sizes = Counter(folds)
    assert sorted(sizes) == [0, 1, 2, 3, 4] and max(sizes.values()) - min(sizes.values()) <= 1
    with pytest.raises(ValueError, match="k >= 2"):
        ev.stratified_folds(ids, grades, 1)


def test_fold_figures_and_spread() -> None:
    ids = ["a", "b", "c", "d"]
    grades = [3.0, 0.0, 2.0, 1.0]
    scores = [4.0, 1.0, 3.0, 2.0]
    per_fold = ev.fold_figures(ids, scores, grades, [0, 0, 1, 1])
    assert [f.spearman for f in per_fold] == [pytest.approx(1.0), pytest.approx(1.0)]
    s = ev.spread([0.5, 1.0, 0.75])
    assert (s.mean, s.low, s.high) == (pytest.approx(0.75), 0.5, 1.0)
    assert s.cell() == "0.750 [0.50–1.00]"


def test_cross_validation_hides_top_k_metrics_on_small_folds() -> None:
    figures = ev.RankingFigures(ndcg10=0.9, ndcg25=0.8, ap=0.7, p10=0.5, spearman=0.6)
    cv = ev.CrossValidation(folds=[0] * 10 + [1] * 10, per_fold=[figures, figures])
    assert cv.cell("spearman") == "0.600 [0.60–0.60]" and cv.cell("ndcg10")
    assert cv.cell("p10") == "" and cv.cell("ndcg25") == ""  # folds of 10: P@10 is only their share


def test_nested_choice_picks_on_training_folds_only() -> None:
    ids = tuple(f"r{i}" for i in range(10))
    grades = tuple(float(i % 4) for i in range(10))
    folds = tuple(i % 2 for i in range(10))
    good = tuple(grades)  # ranks by grade: Spearman 1 on any subset
    bad = tuple(-g for g in grades)
    # combo 1 is right on fold 1 only, combo 0 on fold 0 only: each fold must get the other's pick
    mixed0 = tuple(good[i] if folds[i] == 0 else bad[i] for i in range(10))
    mixed1 = tuple(bad[i] if folds[i] == 0 else good[i] for i in range(10))
    one = ev.TuningSet("one", ids, grades, folds, (mixed0, mixed1))
    result = ev.nested_choice([one], default=0)
    assert result.chosen == (1, 0)  # fold 0 held out: training is fold 1, where combo 1 is right
    assert [f.spearman for f in result.held_out["one"]] == [pytest.approx(-1.0), pytest.approx(-1.0)]
    # equal on training: the default (current) value wins
    same = ev.TuningSet("same", ids, grades, folds, (good, good))
    assert ev.nested_choice([same], default=1).chosen == (1, 1)


def test_tuning_grid_skips_names_the_scorer_lacks(monkeypatch: pytest.MonkeyPatch) -> None:
    from jobmatch import scoring

    if not hasattr(scoring, "ROLE_FIT_WEIGHT"):
        pytest.skip("jobmatch.scoring has no ROLE_FIT_WEIGHT")
    monkeypatch.setattr(ev, "TUNING_GRID", {"NO_SUCH_CONSTANT": (1.0, 2.0), "ROLE_FIT_WEIGHT": (0.125,)})
    names, combos, default = ev.tuning_combos()
    assert names == ["ROLE_FIT_WEIGHT"]
    assert (("ROLE_FIT_WEIGHT", 0.125),) in combos
    assert combos[default] == (("ROLE_FIT_WEIGHT", float(scoring.ROLE_FIT_WEIGHT)),)
    monkeypatch.setattr(ev, "TUNING_GRID", {"NO_SUCH_CONSTANT": (1.0,)})
    assert ev.tuning_combos() == ([], [], 0)


def test_rescore_patches_and_restores_the_constants() -> None:
    from jobmatch import scoring
    from jobmatch.pipeline import analyze
    from jobmatch.posting import parse_posting

    if not hasattr(scoring, "ROLE_FIT_WEIGHT"):
        pytest.skip("jobmatch.scoring has no ROLE_FIT_WEIGHT")
    posting = parse_posting(TOY_POSTING, "toy.txt")
    result = analyze(doc(TOY_RESUMES["strong"]), posting)
    current = scoring.ROLE_FIT_WEIGHT
    totals = ev.rescore(result, posting, [(("ROLE_FIT_WEIGHT", current),), (("ROLE_FIT_WEIGHT", 0.0),)], "")
    assert current == scoring.ROLE_FIT_WEIGHT
    assert totals[0] == pytest.approx(result.score, abs=0.051)
    assert totals[1] == pytest.approx(result.requirements_score, abs=0.051)  # no role fit: requirements alone
    assert ev.rescore(result, posting, [], "") == ()


def test_as_of_is_passed_only_where_the_analysis_takes_it() -> None:
    def plain(document: object, posting: object) -> None: ...

    def with_text(document: object, posting: object, as_of: str = "") -> None: ...

    def with_date(document: object, posting: object, as_of: datetime.date | None = None) -> None: ...

    assert ev.as_of_argument(ev._parameter(plain, "as_of"), "2019-06") == {}
    assert ev.as_of_argument(ev._parameter(with_text, "as_of"), "") == {}
    assert ev.as_of_argument(ev._parameter(with_text, "as_of"), "2019-06") == {"as_of": "2019-06"}
    assert ev.as_of_argument(ev._parameter(with_date, "as_of"), "2019-06") == {
        "as_of": datetime.date(2019, 6, 1)
    }
    assert isinstance(ev.analyze_takes_as_of(), bool)
    assert ev.set_as_of("AVON147", "") == ev.LABELS_AS_OF
    assert ev.set_as_of("ANY", "") == ""  # as score_general.py runs jobmatch: its own default
    assert ev.set_as_of("ANY", "2020-01") == "2020-01" and ev.set_as_of("AVON147", "2020-01") == "2020-01"
    assert ev.as_of_argument(ev._parameter(with_date, "as_of"), "2019-06-15") == {
        "as_of": datetime.date(2019, 6, 15)
    }
    assert inspect.signature(ev.main).parameters["argv"].default is None


# --------------------------------------------------------------------------- posting parsing output

SCORER_OUTPUT = """posting                            gold found parsed hold gold kind ok
AVON147.txt                           7     7      7         7       7
vanetik_V1.txt                       25     0      0         0       0  (jobmatch: error: no requirements)
vanetik_V3.txt                        9     2      5         4       1
requirements found 9/41 (22%); precision 92%; kind right 89%
"""


def test_postings_output_is_read_row_by_row() -> None:
    run = ev.PostingsRun(Path("gold.json"), Path("."))
    ev.parse_postings_output(run, SCORER_OUTPUT)
    assert [row[0] for row in run.rows] == ["AVON147.txt", "vanetik_V1.txt", "vanetik_V3.txt"]
    assert run.totals == (41, 9, 12, 11, 8)
    figures = run.figures()
    assert figures == {
        "found": pytest.approx(9 / 41),
        "precision": pytest.approx(11 / 12),
        "kind": pytest.approx(8 / 9),
    }
    assert run.figure_line.startswith("requirements found 9/41")
    lines, passed, checked = ev.format_postings([run], Path("/nowhere"))
    assert (passed, checked) == (1, 3)  # precision 91.7% passes; found 22% and kind 88.9% fail
    assert any("kind 88.9% >= 90% FAIL" in line for line in lines)


# --------------------------------------------------------------------------- arguments


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--posting", "p.txt"], "--posting needs --labels"),
        (["--reqs", "r.txt"], "--reqs needs --labels"),
        (["--as-of", "2019-13"], "--as-of must be YYYY-MM"),
        (["--as-of", "June 2019"], "--as-of must be YYYY-MM"),
        (["--as-of", "2019-06-32"], "--as-of must be YYYY-MM"),
        (["--workers", "0"], "--workers must be at least 1"),
        (["--folds", "1"], "--folds must be at least 2"),
        (["--only", "everything"], "invalid choice"),
    ],
)
def test_bad_arguments_exit_2(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        ev.parse_args(argv)
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_arguments_parse() -> None:
    args = ev.parse_args(["--only", "general", "--only", "postings", "--as-of", "2019-06"])
    assert args.only == ["general", "postings"] and args.as_of == "2019-06"
    assert ev.parse_args(["--as-of", "2019-06-15"]).as_of == "2019-06-15"
    assert ev.parse_args([]).only is None and ev.parse_args([]).folds == ev.FOLDS


def test_labels_format_is_detected(tmp_path: Path) -> None:
    general = tmp_path / "g.jsonl"
    general.write_text(json.dumps({"posting": "X", "id": "A/1", "grade": 1, "req": {"R1": "met"}}) + "\n")
    avon = tmp_path / "a.jsonl"
    avon.write_text(json.dumps({"id": "A/1", "file": "f.pdf", "grade": 1, "degree_level": "none"}) + "\n")
    other = tmp_path / "o.jsonl"
    other.write_text(json.dumps({"id": "A/1"}) + "\n")
    assert ev.labels_format(general) == "general"
    assert ev.labels_format(avon) == "avon"
    with pytest.raises(ValueError, match="neither"):
        ev.labels_format(other)
    assert ev.corpus_file("vanetik/12") == "vanetik/12.docx"
    assert ev.corpus_file("BANKING/123") == "livecareer/BANKING/123.pdf"
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"posting": "X", "id": "A/1", "grade": 1, "req": {"R1": "maybe"}}) + "\n")
    with pytest.raises(ValueError, match="not met, partial, no or null"):
        ev.load_general_labels(bad)


# --------------------------------------------------------------------------- a synthetic shared folder

TOY_POSTING = """Title: Warehouse Clerk
Job ID: TOY001
SUMMARY:
We need a warehouse clerk to receive, count and ship stock.
RESPONSIBILITIES:
Receive deliveries, count stock, ship orders and keep inventory records.
REQUIREMENTS:
- 2+ years of warehouse or inventory experience.
- Forklift certification.
- Proficiency in Microsoft Excel.
"""
TOY_REQS = """R1 2+ years of warehouse or inventory experience.
R2 Forklift certification.
R3 Proficiency in Microsoft Excel.
"""
TOY_RESUMES = {
    "strong": "Pat Example\nWarehouse Clerk, Stock Co, 2015 - 2021\n"
    "Received deliveries and counted inventory\nForklift certification, 2016\n"
    "Skills: Microsoft Excel, inventory",
    "middle": "Sam Example\nInventory Assistant, Parts Co, 2019 - 2020\nCounted stock\nSkills: Excel",
    "weak": "Lee Example\nLine Cook, Diner, 2018 - 2021\nPrepared meals\nSkills: knife skills",
    "none": "Kim Example\nPainter, Studio, 2010 - 2012\nPainted portraits",
}
TOY_LABELS = {
    "strong": (3.0, {"R1": "met", "R2": "met", "R3": "met"}),
    "middle": (2.0, {"R1": "partial", "R2": "no", "R3": "met"}),
    "weak": (0.5, {"R1": "no", "R2": "no", "R3": None}),
    "none": (0.0, {"R1": "no", "R2": "no", "R3": "no"}),
}


def toy_shared(root: Path) -> Path:
    """A shared folder holding one general-format set of four text résumés (and nothing else)."""
    shared = root / "shared"
    (shared / "corpus" / "toy").mkdir(parents=True)
    postings = shared / "eval" / "general" / "postings"
    postings.mkdir(parents=True)
    (postings / "TOY001.txt").write_text(TOY_POSTING, encoding="utf-8")
    (postings / "TOY001.reqs.txt").write_text(TOY_REQS, encoding="utf-8")
    rows = []
    for name, text in TOY_RESUMES.items():
        (shared / "corpus" / "toy" / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        grade, req = TOY_LABELS[name]
        rows.append(
            {
                "posting": "TOY001",
                "id": f"toy/{name}",
                "file": f"toy/{name}.txt",
                "grade": grade,
                "grades": [grade, grade],
                "req": req,
                "why": [f"{name} toy"],
                "evidence": [{"R1": text.splitlines()[1]}, {"R1": text.splitlines()[1]}],
            }
        )
    (shared / "eval" / "general" / "TOY001.jsonl").write_text(
        "".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8"
    )
    return shared


def test_a_general_set_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shared = toy_shared(tmp_path)
    report, predictions = tmp_path / "report.md", tmp_path / "predictions.json"
    printed: list[str] = []
    argv = ["--shared", str(shared), "--only", "general", "--workers", "1", "--folds", "2",
            "--report", str(report), "--json", str(predictions)]  # fmt: skip

    assert ev.main(argv, out=printed.append) == 0, capsys.readouterr().err

    output = "\n".join(printed)
    assert "TOY001: 4 résumés from TOY001.jsonl against Warehouse Clerk; 2 relevant" in output
    for heading in ("NDCG@10", "Spearman", "BM25", "TF-IDF", "2-fold mean", "requirement-status accuracy"):
        assert heading in output
    assert "score_general.py figures: TOY001 sp=" in output
    assert "TOY001 targets:" in output and "posting parsing" not in output
    text = report.read_text(encoding="utf-8")
    assert "## 4. TOY001: requirement statuses" in text and "## 4b. TOY001: the 4 résumés furthest" in text
    assert "| label | met | partial | not found | ask at screen |" in text
    assert "labellers 1 and 2: “Warehouse Clerk, Stock Co, 2015 - 2021”" in text
    records = json.loads(predictions.read_text(encoding="utf-8"))
    assert {r["id"] for r in records} == {f"toy/{n}" for n in TOY_RESUMES}
    assert all(r["set"] == "TOY001" and r["requirements"] for r in records)
    strong = next(r for r in records if r["id"] == "toy/strong")
    assert strong["rank"] == 1


def test_one_posting_and_labels_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = toy_shared(tmp_path)
    posting = tmp_path / "copy.txt"
    posting.write_text(TOY_POSTING, encoding="utf-8")
    labels = shared / "eval" / "general" / "TOY001.jsonl"
    printed: list[str] = []
    argv = ["--shared", str(shared), "--posting", str(posting), "--labels", str(labels), "--workers", "1",
            "--report", ""]  # fmt: skip

    assert ev.main(argv, out=printed.append) == 0, capsys.readouterr().err

    output = "\n".join(printed)
    # no copy.reqs.txt beside the posting: ranking only, statuses named as not compared
    assert "requirement statuses" in output and "n/a" in output
    assert "report:" not in output
    with_reqs = [*argv[:-2], "--reqs", str(shared / "eval" / "general" / "postings" / "TOY001.reqs.txt")]
    printed.clear()
    assert ev.main([*with_reqs, "--report", ""], out=printed.append) == 0
    assert "requirement-status accuracy" in "\n".join(printed)


def test_bad_labels_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shared = toy_shared(tmp_path)
    assert ev.main(["--shared", str(shared), "--labels", str(tmp_path / "missing.jsonl")]) == 2
    assert "evaluate.py: error:" in capsys.readouterr().err
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    assert ev.main(["--shared", str(shared), "--labels", str(empty)]) == 2
    assert "no labels" in capsys.readouterr().err


def test_the_script_runs_as_a_module_name() -> None:
    assert sys.modules[ev.__name__] is ev
