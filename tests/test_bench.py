"""scripts/bench.py: the sample, the figures and their targets on made-up numbers, and a 3-résumé smoke run
of ``make bench`` when ../shared is present. No timing is asserted: a test machine's speed is not a result."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import load_script

bench = load_script("bench")

ROW_NAMES = (
    "raw pypdf, 1 process (floor)",
    "jobmatch cold, 1 worker",
    "jobmatch cold, 2 workers",
    "jobmatch warm (cache)",
)


def test_sample_is_fixed_sorted_and_sized() -> None:
    files = [Path(f"CAT{i % 7}/{i}.pdf") for i in range(100)]
    files.sort(key=lambda p: p.as_posix())
    first = bench.pick_sample(files, 10)
    assert first == bench.pick_sample(files, 10)
    assert len(first) == 10 and len(set(first)) == 10
    assert first == sorted(first, key=lambda p: p.as_posix())
    assert bench.pick_sample(files, 10, seed=1) != first
    assert bench.pick_sample(files, 500) == files


def test_corpus_pdfs_sorted_by_relative_path(tmp_path: Path) -> None:
    for name in ("B/2.pdf", "A/9.pdf", "A/10.PDF", "A/notes.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"%PDF-1.4\n")
    found = [p.relative_to(tmp_path).as_posix() for p in bench.corpus_pdfs(tmp_path)]
    assert found == ["A/10.PDF", "A/9.pdf", "B/2.pdf"]


def _run(name: str, seconds: float, peak_mb: float = 100.0) -> Any:
    return bench.Run(name, 1, seconds=seconds, cpu_s=seconds, peak_mb=peak_mb, max_process_mb=peak_mb / 2)


def _report(files: int, warm_s: float, peak_mb: float = 100.0) -> Any:
    report = bench.Report(
        files=files,
        source="x",
        cores=2,
        workers=2,
        load_before=0,
        load_after=0,
        floor_pages=0,
        floor_failed=0,
    )
    floor = bench.Floor(seconds=files * 0.1, cpu_s=files * 0.1, pages=files, failed=0)  # 10 files/s
    floor_n = bench.Floor(seconds=files * 0.055, cpu_s=0.0, pages=files, failed=0)
    return bench.build_report(
        report,
        floor,
        floor_n,
        _run("jobmatch start-up", 0.5),
        _run("jobmatch cold, 1 worker", files * 0.018),  # 5.56 x floor
        _run("jobmatch cold, 2 workers", files * 0.0125, peak_mb),  # 8 x floor
        _run("jobmatch warm (cache)", warm_s),
        raw_pdfium=bench.Floor(seconds=files * 0.006, cpu_s=files * 0.006, pages=files, failed=0),
        quality=bench.Quality(
            files=files,
            median=0.99,
            p5=0.9,
            lowest=[(0.5, "CAT/1.pdf")],
            glued=["a" * 30],
        ),
    )


def test_targets_in_floor_units() -> None:
    report = _report(300, warm_s=0.8)
    rows = {row.name: row for row in report.rows}
    assert rows["jobmatch cold, 1 worker"].vs_floor == pytest.approx(0.1 / 0.018)
    assert rows["jobmatch cold, 1 worker"].target == pytest.approx(5.0)
    assert rows["jobmatch cold, 1 worker"].passed
    assert rows["jobmatch cold, 2 workers"].target == pytest.approx(8.0)  # 0.8 x 2 x 5
    assert not rows["jobmatch cold, 2 workers"].passed or rows["jobmatch cold, 2 workers"].vs_floor >= 8
    assert rows["jobmatch warm (cache)"].target == pytest.approx(30 * 0.1 / 0.018)  # 30 x cold, 1 worker
    assert rows["raw pypdf, 2 processes"].passed is None
    assert rows["raw PDFium text, 1 process"].vs_floor == pytest.approx(0.1 / 0.006)
    # start-up once, then (0.8 - 0.5) / 300 s per file for 2,484 files
    assert report.warm_corpus_s == pytest.approx(0.5 + 0.3 / 300 * 2484)
    assert report.checks == {
        "jobmatch cold, 1 worker": True,
        "jobmatch cold, 2 workers": report.rows[-2].vs_floor >= 8,
        "jobmatch warm (cache)": False,  # 375 files/s, under 30 x the cold run's 55.6
        "warm, whole corpus": True,
        "peak memory": True,
        "text quality, median": True,
        "text quality, 5th percentile": False,
        "no glued words": False,
    }
    text = "\n".join(bench.format_report(report))
    assert f"targets: {sum(report.checks.values())}/8 pass" in text
    assert "FAIL" in text and "projected" in text
    assert "0.500  CAT/1.pdf" in text and "median 0.9900" in text


def test_whole_corpus_is_measured_not_projected_and_memory_checked() -> None:
    report = _report(bench.CORPUS_FILES, warm_s=12.0, peak_mb=450.0)
    assert not report.warm_corpus_projected
    assert report.warm_corpus_s == 12.0
    assert not report.checks["warm, whole corpus"]
    assert not report.checks["peak memory"]
    assert "measured" in "\n".join(bench.format_report(report))


def test_tree_watch_sees_this_process() -> None:
    if not Path("/proc/self/status").exists():
        pytest.skip("needs /proc")
    watch = bench.TreeWatch(os.getpid())
    watch.poll()
    assert watch.peak_kb > 0 and watch.max_process_kb > 0 and watch.cpu_s > 0


def test_missing_shared_folder_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(bench.SHARED_ENV, raising=False)
    monkeypatch.setattr(bench, "DEFAULT_SHARED", tmp_path / "shared")
    assert bench.main([]) == 2
    assert capsys.readouterr().err == "../shared not found: make bench needs the LiveCareer corpus\n"
    assert bench.main(["--shared", str(tmp_path / "elsewhere")]) == 2
    assert "elsewhere not found" in capsys.readouterr().err


@pytest.mark.corpus
def test_smoke_three_resumes(tmp_path: Path) -> None:
    shared = bench.find_shared(None)[0]
    if not (shared / bench.CORPUS).is_dir():
        pytest.skip(f"{shared / bench.CORPUS} not present")
    printed: list[str] = []
    figures = tmp_path / "bench.json"
    code = bench.main(["--sample", "3", "--workers", "2", "--json", str(figures)], out=printed.append)
    assert code == 0, printed
    text = "\n".join(printed)
    for name in (*ROW_NAMES, "raw pypdf, 2 processes", "raw PDFium text, 1 process"):
        assert f"\n{name} " in text, name
    for line in (
        "start-up (jobmatch on an empty folder):",
        "warm, whole corpus",
        "peak memory:",
        "targets: ",
        "text quality, PDFium against pypdf",
        "the 3 lowest:",
        "match, 3 résumés x 4 postings, against one rank of the same files",
        "match / rank = ",
    ):
        assert line in text
    assert "did not print the same ranking" not in text
    data = json.loads(figures.read_text(encoding="utf-8"))
    assert data["files"] == 3
    assert [row["name"] for row in data["rows"]] == [
        ROW_NAMES[0],
        "raw pypdf, 2 processes",
        "raw PDFium text, 1 process",
        *ROW_NAMES[1:],
    ]
    assert all(run["candidates"] + run["skipped"] == 3 for run in data["runs"][1:])
    assert all(run["peak_mb"] > 0 for run in data["runs"][1:]) or not Path("/proc/self/status").exists()


def test_busy_warning_comes_from_the_load_before_the_bench_only() -> None:
    report = _report(300, warm_s=0.8)
    report.load_after = 1.8  # the bench's own runs, just finished
    assert "warning" not in "\n".join(bench.format_report(report))
    report.load_before = 1.2
    assert "busy before the bench began (load 1.20)" in "\n".join(bench.format_report(report))


def test_match_cost_against_one_rank() -> None:
    cost = bench.MatchCost(
        300, 4, _run("jobmatch cold, 2 workers", 100.0), _run("jobmatch match, 2 workers", 140.0)
    )
    assert cost.ratio == pytest.approx(1.4) and cost.passed
    text = "\n".join(bench.format_match(cost))
    assert "300 résumés x 4 postings" in text and "match / rank = 1.40 (target < 1.5): PASS" in text
    slow = bench.MatchCost(300, 4, cost.rank, _run("jobmatch match, 2 workers", 151.0))
    assert not slow.passed and "FAIL" in "\n".join(bench.format_match(slow))
    report = _report(300, warm_s=0.8)
    report.match = cost
    assert "match / rank = 1.40" in "\n".join(bench.format_report(report))


def test_match_option_is_parsed() -> None:
    assert bench.parse_args(["--match"]).match and not bench.parse_args([]).match
