"""The worker pool: results for every task, a hard per-file wall clock, deterministic output."""

from __future__ import annotations

from pathlib import Path

from jobmatch.posting import load_posting
from jobmatch.ranking import RankOptions, rank

ROOT = Path(__file__).resolve().parents[1]
POSTING = load_posting(ROOT / "requirements" / "AVON147.txt")
TEXT = "Jane Doe\nExperience\nSales Coordinator\n2015 - 2019\nProcessed orders.\n"


def _folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "cvs"
    folder.mkdir()
    for i in range(count):
        (folder / f"cv{i:02d}.txt").write_text(TEXT.replace("Jane", f"Jane{i}"))
    return folder


def test_a_file_over_the_wall_clock_is_skipped_not_waited_for(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 2)
    # 10 ms cannot cover even a worker's start-up: every file must be stopped, and the run must end.
    ranking = rank(folder, POSTING, RankOptions(workers=1, timeout_s=0.01, use_cache=False))
    assert len(ranking.candidates) == 0
    assert [s.reason for s in ranking.skipped] == ["took longer than 0.01 s to read"] * 2


def test_many_workers_same_output_as_one(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 7)
    one = rank(folder, POSTING, RankOptions(workers=1, use_cache=False))
    three = rank(folder, POSTING, RankOptions(workers=3, use_cache=False))
    assert [(c.rank, c.file, c.score) for c in one.candidates] == [
        (c.rank, c.file, c.score) for c in three.candidates
    ]
    assert len(one.candidates) == 7


def test_warm_cache_gives_the_same_ranking(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 3)
    options = RankOptions(workers=1, cache_path=tmp_path / "cache.sqlite3")
    cold = rank(folder, POSTING, options)
    warm = rank(folder, POSTING, options)
    assert cold == warm
    assert (tmp_path / "cache.sqlite3").exists()


def test_a_new_posting_reuses_every_extraction(tmp_path: Path) -> None:
    import sqlite3

    from jobmatch.posting import parse_posting

    folder = _folder(tmp_path, 3)
    cache_path = tmp_path / "cache.sqlite3"
    options = RankOptions(workers=1, cache_path=cache_path)
    rank(folder, POSTING, options)
    other = parse_posting("Title: Python Developer\nMust have: Python, Django.\n")
    ranked = rank(folder, other, options)
    assert len(ranked.candidates) == 3
    with sqlite3.connect(cache_path) as db:
        documents = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        results = db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
    assert (documents, results) == (3, 6)  # one extraction per file; one result per file and posting


def test_a_changed_file_is_never_served_stale(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 1)
    options = RankOptions(workers=1, cache_path=tmp_path / "cache.sqlite3")
    before = rank(folder, POSTING, options).candidates[0]
    (folder / "cv00.txt").write_text("Jane Doe\nSkills\nMicrosoft Office, Salesforce CRM\n" + TEXT)
    after = rank(folder, POSTING, options).candidates[0]
    assert not before.signals.crm.present and after.signals.crm.present
