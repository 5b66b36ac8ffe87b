"""Real résumés from ../shared/corpus through the whole CLI (skipped when ../shared is absent)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from jobmatch.cli import app
from tests.conftest import shared_or_skip

ROOT = Path(__file__).resolve().parents[1]
POSTING = str(ROOT / "requirements" / "AVON147.txt")


def test_real_pdfs_and_docx_rank_end_to_end(tmp_path: Path) -> None:
    sales = shared_or_skip("corpus", "livecareer", "SALES")
    software = shared_or_skip("corpus", "vanetik")
    folder = tmp_path / "mixed"
    folder.mkdir()
    pdfs = sorted(sales.glob("*.pdf"))[:8]
    docxs = sorted(software.glob("*.docx"))[:4]
    for path in pdfs + docxs:
        shutil.copy(path, folder / path.name)
    result = CliRunner().invoke(
        app, ["rank", str(folder), "--posting", POSTING, "--format", "json", "--no-cache", "-j", "2"]
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["candidates"]) == len(pdfs) + len(docxs)
    assert data["skipped"] == []
    by_kind = {".pdf": [], ".docx": []}  # type: dict[str, list[float]]
    for candidate in data["candidates"]:
        by_kind[Path(candidate["file"]).suffix].append(candidate["score"])
        for requirement in candidate["requirements"]:
            for evidence in requirement["evidence"]:
                assert evidence["page"] >= 1 and evidence["line"] >= 1 and evidence["text"]
    # Sales people fit an account sales coordinator job better than software engineers, on average.
    assert sum(by_kind[".pdf"]) / len(pdfs) > sum(by_kind[".docx"]) / len(docxs)


def _unlabelled_sales_pdf() -> Path:
    """The first SALES résumé (by name) that no labelled set holds: a test names no labelled résumé."""
    folder = shared_or_skip("corpus", "livecareer", "SALES")
    labelled: set[str] = set()
    for labels in shared_or_skip("eval").rglob("*.jsonl"):
        for line in labels.read_text(encoding="utf-8").splitlines():
            if line.strip():
                labelled.add(str(json.loads(line).get("id", "")))
    return next(p for p in sorted(folder.glob("*.pdf")) if f"SALES/{p.stem}" not in labelled)


def test_explain_a_real_resume() -> None:
    pdf = _unlabelled_sales_pdf()
    result = CliRunner().invoke(app, ["explain", str(pdf), "--posting", POSTING, "--no-color"])
    assert result.exit_code == 0, result.stderr
    # every requirement of the posting is answered, and the facts end the page
    for rid in ("R1", "R2", "R3", "R4", "R5", "R6", "R7"):
        assert rid in result.stdout
    assert "'Present' counted to:" in result.stdout or "Jobs: none found" in result.stdout
    assert " p1 L" in result.stdout  # a quote with its page and line
