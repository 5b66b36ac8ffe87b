"""``jobmatch compare A B`` (issue 14): where two candidates differ, by how many points, with both quotes,
and which differences decide their order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jobmatch.cli import app
from jobmatch.errors import ExitCode

ROOT = Path(__file__).resolve().parents[1]
POSTING = str(ROOT / "requirements" / "AVON147.txt")
KEVIN = str(ROOT / "resumes" / "kevin-tran.docx")
HANNAH = str(ROOT / "resumes" / "hannah-kowalski.pdf")
runner = CliRunner()


def _compare(a: str, b: str, *extra: str) -> tuple[int, str, str]:
    args = ["compare", a, b, "-p", POSTING, "--as-of", "2025-06", "--no-cache", *extra]
    result = runner.invoke(app, args, env={"COLUMNS": "120"})
    return result.exit_code, result.stdout, result.stderr


def _json(a: str, b: str) -> dict:  # type: ignore[type-arg]
    code, out, err = _compare(a, b, "-f", "json")
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def _rank_scores() -> dict[str, float]:
    result = runner.invoke(app, ["rank", KEVIN, HANNAH, "-p", POSTING, "-f", "json", "--as-of", "2025-06"])
    return {c["file"]: c["score"] for c in json.loads(result.stdout)["candidates"]}


def test_the_differences_add_up_to_the_gap_and_the_deciding_ones_make_it_up() -> None:
    data = _json(KEVIN, HANNAH)
    scores = _rank_scores()
    assert (data["a"]["score"], data["b"]["score"]) == (scores[KEVIN], scores[HANNAH])
    assert data["above"] == ("a" if scores[KEVIN] >= scores[HANNAH] else "b")
    assert data["gap"] == pytest.approx(abs(scores[KEVIN] - scores[HANNAH]), abs=0.05)
    differences = data["differences"]
    # Every point of the gap is accounted for: the differences (with role fit and any cap) sum to it.
    sign = 1 if data["above"] == "a" else -1
    assert sign * sum(d["points"] for d in differences) == pytest.approx(data["gap"], abs=0.15)
    # Biggest first; the deciding ones are in the upper candidate's favour and make up the gap.
    assert [abs(d["points"]) for d in differences] == sorted(
        (abs(d["points"]) for d in differences), reverse=True
    )
    deciding = [d for d in differences if d["deciding"]]
    assert deciding and [d["key"] for d in deciding] == data["deciding"]
    assert all(sign * d["points"] > 0 for d in deciding)
    assert sum(sign * d["points"] for d in deciding) >= data["gap"] - 0.1
    without_last = sum(sign * d["points"] for d in deciding[:-1])
    assert without_last < data["gap"] - 0.1  # the fewest: one fewer would not make it up
    # Requirement by requirement: each posting requirement is either a difference or the same.
    ids = {r["id"] for r in data["posting"]["requirements"]}
    assert {d["key"] for d in differences if d["key"].startswith("R")} | set(data["same"]) == ids
    for difference in differences:
        if difference["key"].startswith("R"):
            assert difference["a"]["status"] and difference["b"]["status"]
            assert difference["text"] and difference["kind"] in ("required", "preferred")


def test_swapping_a_and_b_swaps_the_sides_not_the_verdict() -> None:
    forward, backward = _json(KEVIN, HANNAH), _json(HANNAH, KEVIN)
    assert forward["a"] == backward["b"] and forward["above"] != backward["above"]
    assert forward["deciding"] == backward["deciding"] and forward["gap"] == backward["gap"]
    assert [d["points"] for d in forward["differences"]] == [-d["points"] for d in backward["differences"]]


def test_table_shows_both_quotes_side_by_side() -> None:
    code, out, err = _compare(KEVIN, HANNAH, "--no-color")
    assert code == 0, err
    data = _json(KEVIN, HANNAH)
    upper, lower = (data["a"], data["b"]) if data["above"] == "a" else (data["b"], data["a"])
    assert f"{upper['name']} is above {lower['name']} by {data['gap']:.1f} points." in out
    assert "Decided by: " + data["deciding"][0] in out
    first = data["differences"][0]
    for side in ("a", "b"):
        quote = first[side]["evidence"][0]
        assert f"p{quote['page']} L{quote['line']} " in out
    # a deciding requirement's row shows both statuses (wording and role fit have none)
    requirement = next(key for key in data["deciding"] if key.startswith("R"))
    lines = [line for line in out.splitlines() if line.startswith("▶ " + requirement + " ")]
    assert len(lines) == 1 and lines[0].count("✓") + lines[0].count("~") + lines[0].count("✗") == 2
    assert "Same on: " in out


def test_compare_refuses_one_file_twice_and_unknown_formats(tmp_path: Path) -> None:
    code, _, err = _compare(KEVIN, KEVIN)
    assert code == ExitCode.USAGE and "two different files" in err
    code, _, err = _compare(KEVIN, HANNAH, "-f", "csv")
    assert code == ExitCode.USAGE and "table, json" in err
    code, _, err = _compare(KEVIN, str(tmp_path / "absent.pdf"))
    assert code == ExitCode.USAGE and "no such file" in err
