"""The JSON Schema files in jobmatch/schema/ describe what --format json and jsonl really print."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from jobmatch.cli import app

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[1]
POSTING = str(ROOT / "requirements" / "AVON147.txt")


def _schema(name: str) -> Any:
    return json.loads(resources.files("jobmatch").joinpath("schema", name).read_text(encoding="utf-8"))


def _validator(name: str) -> Any:
    schema = _schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Real output of a folder with a ranked résumé, a skipped file and a name that is not UTF-8."""
    folder = tmp_path_factory.mktemp("schema") / "cvs"
    folder.mkdir()
    (folder / "jane.txt").write_text("Jane Doe\nExperience\nSales Coordinator\n2015 - 2019\nExcel.\n")
    (folder / "empty.pdf").write_bytes(b"")
    try:
        with open(folder.as_posix().encode() + b"/caf\xe9.txt", "w") as handle:
            handle.write("Ann Lee\nEducation\nB.S. in Marketing, 2014\n")
    except (OSError, UnicodeError):
        pass
    runner = CliRunner()
    found = {}
    for fmt in ("json", "jsonl"):
        args = ["rank", str(folder), "-p", POSTING, "-f", fmt, "--no-cache", "-j", "1"]
        result = runner.invoke(app, args)
        assert result.exit_code == 1, result.stderr  # the empty PDF is skipped
        found[fmt] = result.stdout
    return found


def test_json_output_matches_its_schema(outputs: dict[str, str]) -> None:
    data = json.loads(outputs["json"])
    _validator("ranking.schema.json").validate(data)
    assert data["skipped"] and data["candidates"]


def test_jsonl_output_matches_its_schema(outputs: dict[str, str]) -> None:
    validator = _validator("ranking-line.schema.json")
    records = [json.loads(line) for line in outputs["jsonl"].splitlines()]
    for record in records:
        validator.validate(record)
    assert {r["type"] for r in records} == {"posting", "candidate", "skipped"}


def test_golden_files_match_the_schema() -> None:
    _validator("ranking.schema.json").validate(json.loads((ROOT / "tests/golden/rank.json").read_text()))
    validator = _validator("ranking-line.schema.json")
    for line in (ROOT / "tests/golden/rank.jsonl").read_text().splitlines():
        validator.validate(json.loads(line))


def test_the_schema_rejects_what_it_should(outputs: dict[str, str]) -> None:
    validator = _validator("ranking.schema.json")
    data = json.loads(outputs["json"])
    del data["schema_version"]
    assert not validator.is_valid(data)
    data = json.loads(outputs["json"])
    data["candidates"][0]["requirements"][0]["status"] = "maybe"
    assert not validator.is_valid(data)


def test_each_candidate_carries_the_sha256_of_its_bytes(outputs: dict[str, str], tmp_path: Path) -> None:
    import hashlib

    expected = hashlib.sha256(b"Jane Doe\nExperience\nSales Coordinator\n2015 - 2019\nExcel.\n").hexdigest()
    data = json.loads(outputs["json"])
    jane = next(c for c in data["candidates"] if c["file"].endswith("jane.txt"))
    assert jane["sha256"] == expected
    lines = [json.loads(line) for line in outputs["jsonl"].splitlines()]
    assert expected in {r.get("sha256") for r in lines if r["type"] == "candidate"}
    # explain --format json, read again through the cache (the cached document keeps the digest)
    cv = tmp_path / "cv.txt"
    cv.write_bytes(b"Jane Doe\nExperience\nSales Coordinator\n2015 - 2019\nExcel.\n")
    env = {"JOBMATCH_CACHE_DIR": str(tmp_path / "cache")}
    for _ in range(2):
        result = CliRunner().invoke(app, ["explain", str(cv), "-p", POSTING, "-f", "json"], env=env)
        assert json.loads(result.stdout)["candidate"]["sha256"] == expected
    ranked = CliRunner().invoke(app, ["rank", str(tmp_path), "-p", POSTING, "-f", "json", "-j", "1"], env=env)
    assert [c["sha256"] for c in json.loads(ranked.stdout)["candidates"]] == [expected]
