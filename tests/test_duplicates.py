"""The same person sent twice is shown once (issue 14): real duplicates built from a bundled sample (the
same résumé as DOCX, and an edited second version), and two different people in one template, who are not
merged."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from jobmatch.cli import app
from jobmatch.documents import Limits, read_document
from jobmatch.duplicates import (
    DUPLICATE_SIMILARITY,
    Person,
    fingerprint,
    group,
    names_conflict,
    similarity,
)

ROOT = Path(__file__).resolve().parents[1]
POSTING = str(ROOT / "requirements" / "AVON147.txt")
SAMPLE = ROOT / "resumes" / "denise-caldwell.txt"
runner = CliRunner()


def _as_docx(text: str, path: Path) -> Path:
    """The sample's lines as Word paragraphs, as someone re-saving the résumé in Word would send it."""
    document = docx.Document()
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and set(stripped) != {"-"}:  # the text file's heading underlines are not words
            document.add_paragraph(stripped.lstrip("* "))
    document.save(str(path))
    return path


def _second_version(text: str) -> str:
    """A year later: a new job on top, a reworded summary, one bullet dropped."""
    summary = (
        "Sales support professional with 13 years of inside sales, order entry and customer\n"
        "account experience in wholesale distribution."
    )
    assert summary in text
    text = text.replace(
        summary,
        "Inside sales and order management professional with 14 years in wholesale\n"
        "distribution and a record of growing key accounts.",
    )
    text = text.replace(
        "EXPERIENCE\n----------\n",
        "EXPERIENCE\n----------\n\nSenior Inside Sales Representative\n"
        "Coastal Supply Group, Ontario, CA    2024 – Present\n"
        "  * Lead a team of three inside sales reps covering 200 wholesale accounts.\n"
        "  * Rolled out a new quoting workflow in NetSuite.\n",
    )
    return text.replace("  * Answered customer service calls and handled returns.\n", "")


TEMPLATE = """{name}
Inside Sales & Order Management Professional
{city} | {phone} | {email}

SUMMARY
-------

Sales support professional with {years} years of inside sales, order entry and customer
account experience. Known for accuracy, follow-through and long-term customer relationships.

EXPERIENCE
----------

{title}
{employer}    {dates}
  * {duty1}
  * {duty2}

EDUCATION
---------

High School Diploma, Montebello High School, Montebello, CA - {year}

SKILLS
------

Microsoft Office (Word, Excel, Outlook, PowerPoint); NetSuite, SAP Business One,
Salesforce; 60 WPM typing; 10-key
"""
PEOPLE = (
    {
        "name": "ANNA MORALES",
        "city": "Downey, CA 90241",
        "phone": "(562) 555-0142",
        "email": "anna.morales@example.com",
        "years": "6",
        "title": "Order Entry Specialist",
        "employer": "Sunrise Paper Goods, Norwalk, CA",
        "dates": "2019 – Present",
        "duty1": "Enter 60 orders a day from e-mail and EDI and confirm ship dates with the warehouse.",
        "duty2": "Answer the customer service line and process returns and credits.",
        "year": "2014",
    },
    {
        "name": "TERESA NGUYEN",
        "city": "Pico Rivera, CA 90660",
        "phone": "(562) 555-0187",
        "email": "teresa.nguyen@example.com",
        "years": "8",
        "title": "Inside Sales Coordinator",
        "employer": "Golden State Janitorial Supply, Santa Fe Springs, CA",
        "dates": "2017 – Present",
        "duty1": "Quote and price janitorial products for 90 school and hospital accounts.",
        "duty2": "Track backorders and build the monthly sales report for the branch manager.",
        "year": "2012",
    },
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The sample as TXT, as DOCX and as an edited second version; two people in one template; and two
    other bundled samples."""
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    shutil.copy(SAMPLE, cvs / "denise-caldwell.txt")
    _as_docx(text, cvs / "denise-caldwell.docx")
    (cvs / "denise-caldwell-2025.txt").write_text(_second_version(text), encoding="utf-8")
    for person in PEOPLE:
        slug = person["name"].lower().replace(" ", "-")
        (cvs / f"{slug}.txt").write_text(TEMPLATE.format(**person), encoding="utf-8")
    for other in ("kevin-tran.docx", "luis-ortega.txt"):
        shutil.copy(ROOT / "resumes" / other, cvs / other)
    return cvs


def _text(path: Path) -> str:
    return read_document(path, path.name, Limits()).text


def test_similarity_separates_one_person_from_two_in_one_template(folder: Path) -> None:
    prints = {p.name: fingerprint(_text(p)) for p in sorted(folder.iterdir())}
    same_format = similarity(prints["denise-caldwell.txt"], prints["denise-caldwell.docx"])
    versions = similarity(prints["denise-caldwell.txt"], prints["denise-caldwell-2025.txt"])
    template = similarity(prints["anna-morales.txt"], prints["teresa-nguyen.txt"])
    assert same_format >= 0.9
    assert DUPLICATE_SIMILARITY <= versions < same_format
    assert template < DUPLICATE_SIMILARITY - 0.15  # well below, not just below: the margin is the point
    assert similarity(prints["kevin-tran.docx"], prints["denise-caldwell.txt"]) < 0.1


def test_names_conflict() -> None:
    assert names_conflict("Maria Garcia", "Maria Lopez")
    assert not names_conflict("Maria Garcia", "MARIA G. GARCIA")
    assert not names_conflict("", "Maria Garcia")  # a name not found does not speak against a match


def test_group_keeps_rank_order_and_joins_transitively() -> None:
    a = fingerprint("one two three four five six seven eight nine ten eleven twelve")
    b = fingerprint("one two three four five six seven eight nine ten eleven twelve thirteen")
    c = fingerprint("completely different words about something else entirely here now")
    people = [Person("c.txt", "", c), Person("a.txt", "Ann Lee", a), Person("b.pdf", "Ann Lee", b)]
    assert group(people) == [[0], [1, 2]]
    assert group([Person("a", "Ann Lee", a), Person("b", "Bo Chen", a)]) == [[0], [1]]  # names differ


def _rank(folder: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(
        app, ["rank", str(folder), "-p", POSTING, "--no-cache", "-j", "1", "--as-of", "2025-06", *extra]
    )
    assert result.exit_code == 0, result.stderr
    return {"stdout": result.stdout, "stderr": result.stderr}


def test_rank_shows_one_person_once_with_the_other_files_beside(folder: Path) -> None:
    every = json.loads(_rank(folder, "-f", "json", "--keep-duplicates")["stdout"])["candidates"]
    assert len(every) == 7 and all(c["duplicates"] == [] for c in every)
    denise = [c for c in every if "denise" in c["file"]]
    kept = min(denise, key=lambda c: (-c["score"], c["file"]))  # highest score, ties by file name

    run = _rank(folder, "-f", "json")
    assert "2 file(s) of a person already ranked shown once" in run["stderr"]
    candidates = json.loads(run["stdout"])["candidates"]
    assert len(candidates) == 5
    assert [c["rank"] for c in candidates] == [1, 2, 3, 4, 5]
    (shown,) = [c for c in candidates if "denise" in c["file"]]
    assert shown["file"] == kept["file"] and shown["score"] == kept["score"]
    assert sorted(shown["duplicates"]) == sorted(c["file"] for c in denise if c is not kept)
    # Two people in one template stay two candidates.
    assert {Path(c["file"]).name for c in candidates} >= {"anna-morales.txt", "teresa-nguyen.txt"}

    table = _rank(folder, "-f", "table", "--no-color")["stdout"]
    assert "+ 2 more files" in table
    note = [line for line in table.splitlines() if "also sent as:" in line]
    assert len(note) == 1 and all(Path(f).name in note[0] for f in shown["duplicates"])

    rows = list(csv.DictReader(io.StringIO(_rank(folder, "-f", "csv")["stdout"].lstrip("\ufeff"))))
    assert len(rows) == 5
    (row,) = [r for r in rows if "denise" in r["file"]]
    assert sorted(row["duplicates"].split("; ")) == sorted(shown["duplicates"])

    lines = [json.loads(line) for line in _rank(folder, "-f", "jsonl")["stdout"].splitlines()]
    assert sum(1 for line in lines if line["type"] == "candidate") == 5

    markdown = _rank(folder, "-f", "markdown")["stdout"]
    assert markdown.count("denise") == 3  # the kept file and, beside it, the two others


def test_bundled_samples_have_no_duplicates() -> None:
    result = runner.invoke(app, ["rank", str(ROOT / "resumes"), "-p", POSTING, "--no-cache", "-f", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["total_candidates"] == 17 and "shown once" not in result.stderr


def test_the_html_shortlist_shows_one_person_once_too(folder: Path) -> None:
    page = _rank(folder, "-f", "html")["stdout"]
    assert page.count('<article id="c') == 5
    assert page.count("also sent as") == 2 + 1  # two lines in the grid, one in the evidence
    result = runner.invoke(app, ["report", str(folder), "-p", POSTING, "--no-cache", "-o", "-"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count('<article id="c') == 5
    kept = runner.invoke(
        app, ["report", str(folder), "-p", POSTING, "--no-cache", "-o", "-", "--keep-duplicates"]
    )
    assert kept.stdout.count('<article id="c') == 7 and "also sent as" not in kept.stdout
