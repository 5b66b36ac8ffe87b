"""Blind review (``--blind``, ``--blind-schools``): nothing that says who a candidate is reaches any output,
and the scores and the order are those of the run without it."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jobmatch.blind import BlindOptions, Redactor, candidate_id
from jobmatch.cli import app

ROOT = Path(__file__).resolve().parents[1]
POSTING = str(ROOT / "requirements" / "AVON147.txt")
FIXTURE = ROOT / "tests" / "fixtures" / "blind" / "marguerite-okonkwo-hale.txt"
runner = CliRunner()

# Everything in the fixture that says who the candidate is.
IDENTIFYING = (
    "Marguerite",
    "MARGUERITE",
    "Okonkwo",
    "OKONKWO",
    "marguerite-okonkwo-hale",
    "1420 W. Elm",
    "Elm Street",
    "62704",
    "(217) 555-0134",
    "555-0134",
    "7946 0958",
    "m.okonkwo.hale@example.org",
    "example.org",
    "linkedin.com",
    "github.com",
    "mokonkwo",
    "www.",
)
SCHOOL = ("Northfield State University", "Northfield", "2011")
RANK_FORMATS = ("table", "json", "jsonl", "csv", "tsv", "markdown", "html")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The fixture beside three of the bundled samples, so the ranking has an order to keep."""
    resumes = tmp_path / "in"
    resumes.mkdir()
    shutil.copy(FIXTURE, resumes / FIXTURE.name)
    for name in ("kevin-tran.docx", "emily-sorensen.txt", "marisol-vega.pdf"):
        shutil.copy(ROOT / "resumes" / name, resumes / name)
    return resumes


def _rank(folder: Path, fmt: str, *extra: str) -> str:
    result = runner.invoke(app, ["rank", str(folder), "-p", POSTING, "-f", fmt, "--no-cache", "-q", *extra])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _scores(folder: Path, *extra: str) -> list[tuple[int, float]]:
    data = json.loads(_rank(folder, "json", *extra))
    return [(c["rank"], c["score"]) for c in data["candidates"]]


def test_the_fixture_really_carries_what_is_redacted(folder: Path) -> None:
    # Without --blind every identifying string is in some output: the checks below can fail.
    plain = "".join(_rank(folder, fmt) for fmt in RANK_FORMATS)
    plain += runner.invoke(app, ["explain", str(FIXTURE), "-p", POSTING]).stdout
    plain += runner.invoke(app, ["text", str(FIXTURE)]).stdout
    for needle in (*IDENTIFYING, *SCHOOL):
        assert needle in plain, needle


@pytest.mark.parametrize("fmt", RANK_FORMATS)
def test_rank_blind_hides_every_identifying_string_in_every_format(folder: Path, fmt: str) -> None:
    out = _rank(folder, fmt, "--blind-schools")
    for needle in (*IDENTIFYING, *SCHOOL, "kevin", "Tran", "sorensen", "Sorensen", "marisol", "Vega"):
        assert needle not in out, needle
    assert candidate_id(FIXTURE.read_bytes()) in out


def test_scores_and_order_are_the_same_with_and_without_blind(folder: Path) -> None:
    plain = _scores(folder)
    assert plain == _scores(folder, "--blind") == _scores(folder, "--blind-schools")
    assert len(plain) == 4


def test_the_id_is_the_hash_of_the_bytes_not_the_name(folder: Path, tmp_path: Path) -> None:
    expected = "cand-" + hashlib.sha256(FIXTURE.read_bytes()).hexdigest()[:8]
    data = json.loads(_rank(folder, "json", "--blind"))
    shown = {c["file"] for c in data["candidates"]}
    assert expected in shown and all(s.startswith("cand-") and len(s) == 13 for s in shown)
    assert all(c["name"] == c["file"] for c in data["candidates"])
    renamed = tmp_path / "other"
    renamed.mkdir()
    shutil.copy(FIXTURE, renamed / "applicant-7.txt")
    again = json.loads(_rank(renamed, "json", "--blind"))
    assert [c["file"] for c in again["candidates"]] == [expected]


def test_blind_without_schools_keeps_the_school(folder: Path) -> None:
    out = _rank(folder, "json", "--blind")
    assert "Northfield State University" in out and "Marguerite" not in out


def test_skipped_files_are_not_named_either(folder: Path) -> None:
    (folder / "marguerite-cover-letter.xyz").write_text("Dear hiring manager", encoding="utf-8")
    result = runner.invoke(app, ["rank", str(folder), "-p", POSTING, "-f", "json", "--no-cache", "--blind"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["skipped"][0]["file"].startswith("cand-")
    assert "marguerite" not in result.stdout.lower()


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_explain_blind(fmt: str) -> None:
    plain = runner.invoke(app, ["explain", str(FIXTURE), "-p", POSTING, "-f", fmt])
    blind = runner.invoke(app, ["explain", str(FIXTURE), "-p", POSTING, "-f", fmt, "--blind-schools"])
    assert plain.exit_code == blind.exit_code == 0
    for needle in (*IDENTIFYING, *SCHOOL):
        assert needle not in blind.stdout, needle
    assert "[name] was named top coordinator" in " ".join(blind.stdout.split())  # the quote, without the name
    if fmt == "json":
        a, b = json.loads(plain.stdout)["candidate"], json.loads(blind.stdout)["candidate"]
        assert a["score"] == b["score"]
        assert [(r["id"], r["status"], r["score"]) for r in a["requirements"]] == [
            (r["id"], r["status"], r["score"]) for r in b["requirements"]
        ]


def test_report_and_text_blind(tmp_path: Path, folder: Path) -> None:
    page = tmp_path / "page.html"
    result = runner.invoke(app, ["report", str(folder), "-p", POSTING, "-o", str(page), "--blind-schools"])
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    text = runner.invoke(app, ["text", str(FIXTURE), "--blind-schools"]).stdout
    for needle in (*IDENTIFYING, *SCHOOL):
        assert needle not in html, needle
        assert needle not in text, needle
    assert "Microsoft Office (Word, Excel, PowerPoint, Outlook)" in text  # the rest is kept


def test_redactor_finds_phones_in_national_formats_and_keeps_dates() -> None:
    redact = Redactor(["Ann Lee"], [], [], BlindOptions()).text
    assert (
        redact("Tel 020 7946 0958, mobile 0412 345 678, +49 30 901820")
        == "Tel [phone], mobile [phone], [phone]"
    )
    assert redact("(415) 555-0134 · 415.555.0188") == "[phone] · [phone]"
    kept = "Sales Assistant 06/2018 - 05/2021, 2015 - 2018, revenue of $1,200,000"
    assert redact(kept) == kept
    assert redact("ANN LEE · ann@lee.example") == "[name] · [e-mail]"
    assert redact("ASP.NET, Node.js and Microsoft Office") == "ASP.NET, Node.js and Microsoft Office"
    # A product named after its site, and a school on a street's name, are kept.
    assert redact("Salesforce.com and QuickBooks") == "Salesforce.com and QuickBooks"
    assert redact("Diploma, 2010 Federal Way High School") == "Diploma, 2010 Federal Way High School"
    assert redact("see annlee.com or annlee.dev/work") == "see [link] or [link]"
    # A name that is also a word is redacted only as the name is written.
    assert Redactor(["Will Grant"], [], [], BlindOptions()).text("I will be granted it; Will led") == (
        "I will be granted it; [name] led"
    )


def test_a_name_only_the_file_name_gives_is_hidden_in_a_ranking_too(tmp_path: Path) -> None:
    # No name line for the reader to find; a ranking keeps no lines to look in: the file's name says it.
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "zofia-brandt-resume.txt").write_text(
        "SUMMARY\nZofia Brandt has 5 years of customer service and sales support in cosmetics retail.\n"
        "EXPERIENCE\nSales Coordinator, Lumen Cosmetics, 2019 - 2024\n"
        "EDUCATION\nBachelor's degree in Marketing\n",
        encoding="utf-8",
    )
    plain = _rank(folder, "json")
    blind = _rank(folder, "json", "--blind")
    assert "Zofia Brandt has 5 years" in plain
    assert "Zofia" not in blind and "Brandt" not in blind and "[name] [name] has 5 years" in blind


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_match_blind_hides_every_identifying_string(folder: Path, fmt: str) -> None:
    args = ["match", str(folder), str(ROOT / "requirements"), "-f", fmt, "--no-cache", "-q"]
    plain = runner.invoke(app, args)
    blind = runner.invoke(app, [*args, "--blind"])
    assert plain.exit_code == blind.exit_code == 0, blind.stderr
    assert "Okonkwo" in plain.stdout
    for text in IDENTIFYING:
        assert text not in blind.stdout, text
    assert candidate_id(FIXTURE.read_bytes()) in blind.stdout


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_compare_blind_hides_both_candidates(folder: Path, fmt: str) -> None:
    args = ["compare", str(folder / FIXTURE.name), str(folder / "kevin-tran.docx"), "-p", POSTING, "-f", fmt]
    plain = runner.invoke(app, [*args, "--no-cache"])
    blind = runner.invoke(app, [*args, "--no-cache", "--blind"])
    assert plain.exit_code == blind.exit_code == 0, blind.stderr
    assert "Okonkwo" in plain.stdout and "Kevin Tran" in plain.stdout
    for text in (*IDENTIFYING, "Kevin Tran", "kevin-tran"):
        assert text not in blind.stdout, text


def test_the_other_files_of_a_person_are_shown_by_their_ids(folder: Path) -> None:
    """A duplicate's file name usually is the person's name: --blind shows its id."""
    shutil.copy(FIXTURE, folder / "marguerite-okonkwo-hale-2025.txt")
    data = json.loads(_rank(folder, "json", "--blind"))
    (kept,) = [c for c in data["candidates"] if c["duplicates"]]
    assert kept["duplicates"] == [candidate_id(FIXTURE.read_bytes())]
    assert "okonkwo" not in json.dumps(data).lower()
