"""Ranked results on disk: the temporary store, rank order, and a main process that holds no results."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from jobmatch.codec import pack
from jobmatch.models import CandidateResult, Document, Signals
from jobmatch.posting import load_posting
from jobmatch.ranking import RankOptions, rank
from jobmatch.results import Entry, RankedResults, ResultStore

ROOT = Path(__file__).resolve().parents[1]


def _blob(file: str, score: float) -> bytes:
    document = Document("old/" + file, "txt", (), 1)
    return pack(CandidateResult("old/" + file, "", score, (), Signals(), document=document))


def _results(store: ResultStore, scores: dict[str, float]) -> RankedResults:
    return RankedResults(store, [Entry(s, f, store.add(_blob(f, s))) for f, s in scores.items()])


def test_store_is_an_unnamed_private_file_in_the_cache_folder(tmp_path: Path) -> None:
    store = ResultStore(tmp_path / "cache")
    place = store.add(b"first")
    assert store.on_disk and store.get(store.add(b"second")) == b"second" and store.get(place) == b"first"
    assert os.listdir(tmp_path / "cache") == []  # unlinked at creation: nothing to leak, nothing to clean
    assert (tmp_path / "cache").stat().st_mode & 0o777 == 0o700
    store.close()


def test_store_keeps_what_it_wrote_when_the_disk_fills_up(tmp_path: Path) -> None:
    store = ResultStore(tmp_path)
    first = store.add(b"on disk")

    class Full:
        def __init__(self, file: object) -> None:
            self._file = file

        def __getattr__(self, name: str) -> object:
            return getattr(self._file, name)

        def write(self, data: bytes) -> int:
            raise OSError(28, "No space left on device")

    store._file = Full(store._file)  # type: ignore[assignment]
    second = store.add(b"in memory")
    assert store.get(first) == b"on disk" and store.get(second) == b"in memory"


def test_store_falls_back_to_memory_where_the_folder_cannot_be_written(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    store = ResultStore(blocked / "cache")
    assert not store.on_disk
    assert store.get(store.add(b"kept")) == b"kept"


def test_ranked_results_order_rank_and_names(tmp_path: Path) -> None:
    store = ResultStore(tmp_path)
    ranked = _results(store, {"b.pdf": 50.0, "a.pdf": 50.0, "c.pdf": 90.0, "d.pdf": 10.0})
    # score descending, ties by file name; each read back under this run's name, with its rank
    assert [(c.rank, c.file, c.score) for c in ranked] == [
        (1, "c.pdf", 90.0),
        (2, "a.pdf", 50.0),
        (3, "b.pdf", 50.0),
        (4, "d.pdf", 10.0),
    ]
    assert ranked[0].document.path == "c.pdf"
    assert ranked[-1].file == "d.pdf" and [c.file for c in ranked[1:3]] == ["a.pdf", "b.pdf"]
    assert len(ranked) == 4 and len(ranked[:0]) == 0
    with pytest.raises(IndexError):
        ranked[4]
    assert ranked == _results(ResultStore(None), {"d.pdf": 10.0, "c.pdf": 90.0, "a.pdf": 50.0, "b.pdf": 50.0})


def test_rank_keeps_no_result_objects_in_memory(tmp_path: Path) -> None:
    posting = load_posting(ROOT / "requirements" / "AVON147.txt")
    ranking = rank(ROOT / "resumes", posting, RankOptions(workers=1, cache_path=tmp_path / "c.sqlite3"))
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, CandidateResult)]
    assert len(ranking.candidates) == 17
    assert [c.rank for c in ranking.candidates] == list(range(1, 18))


@pytest.mark.parametrize("kept", [512, 0])
def test_a_cached_result_is_read_back_once_to_check_it_and_kept_to_show_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kept: int
) -> None:
    """Unpacking a result is most of a warm run's cost: ordering and grouping by person use what the
    main process keeps of each (score, name, sketch); a cached row is unpacked once, to know it is whole,
    and that object is shown while the store has room (DECODED_KEPT), read back again past it."""
    import io

    import jobmatch.results as results
    from jobmatch.duplicates import merge
    from jobmatch.render import render_ranking

    unpacked: list[int] = []

    def counting(cls: type, blob: bytes) -> object:
        unpacked.append(1)
        return unpack(cls, blob)

    unpack = results.unpack
    monkeypatch.setattr(results, "unpack", counting)
    monkeypatch.setattr(results, "DECODED_KEPT", kept)
    posting = load_posting(ROOT / "requirements" / "AVON147.txt")
    options = RankOptions(workers=1, cache_path=tmp_path / "c.sqlite3")
    for run in ("cold", "warm"):
        unpacked.clear()
        ranking = merge(rank(ROOT / "resumes", posting, options))
        checked = len(unpacked)
        unpacked.clear()
        render_ranking(ranking, "csv", io.StringIO())
        shown = len(unpacked)
        files = len(ranking.candidates) + sum(len(c.duplicates) for c in ranking.candidates[:])
        # cold: the workers' results are not checked, and are read back to be shown; warm: each cached
        # row is checked once, and shown from that read while there is room
        expected_shown = len(ranking.candidates) if run == "cold" or not kept else 0
        assert (checked, shown) == (0 if run == "cold" else files, expected_shown), run
