"""The editable TOML export: exact round trip, clear errors, bounded hostile input, and edits that
change the ranking the way the recruiter meant."""

from __future__ import annotations

import dataclasses
import shutil
import tomllib
from pathlib import Path

import pytest

from jobmatch.errors import PostingError
from jobmatch.models import Category, Posting, Requirement, RequirementKind, Status
from jobmatch.posting import load_posting, parse_posting
from jobmatch.posting.toml_io import (
    MAX_TOML_REQUIREMENTS,
    dump_posting,
    load_posting_toml,
    parse_posting_toml,
)
from tests.conftest import ROOT

AVON = ROOT / "requirements" / "AVON147.txt"


def avon() -> Posting:
    return load_posting(AVON)


def roundtrip(posting: Posting) -> Posting:
    return parse_posting_toml(dump_posting(posting), "x.toml")


def test_export_then_import_gives_the_same_posting(tmp_path: Path) -> None:
    posting = avon()
    path = tmp_path / "avon.toml"
    path.write_text(dump_posting(posting), encoding="utf-8")
    assert load_posting_toml(path) == posting


def test_round_trip_keeps_every_field_and_awkward_text() -> None:
    awkward = 'Quote " backslash \\ tab \t newline \n """ \'\'\' é 😀 [[requirements]] # not a comment'
    requirement = Requirement(
        id="R1",
        text=awkward,
        kind=RequirementKind.PREFERRED,
        alternatives=("a", 'b"'),
        category=Category.EXPERIENCE,
        years=2.5,
        level="bachelor",
        fields=("x\\y",),
        terms=("#hash", "= formula"),
        all_of=True,
        or_equivalent=True,
        notes=("n",),
        source="skills",
        supports=("R2",),
        weight=0.3,
        must_have=True,
        phrases=("Sage 50", "A/P"),
    )
    posting = Posting(
        path="dir/job.txt",
        fields=(("Title", 'A "quoted" title'),),
        sections=(("SUMMARY", 'line one\nline two \\ """\n'),),
        requirements=(requirement, dataclasses.replace(requirement, id="R2", weight=None)),
    )
    assert roundtrip(posting) == posting


def test_characters_toml_forbids_raw_are_written_escaped() -> None:
    text = "DEL \x7f bell \x07 escape \x1b cr \r lone surrogate \ud800"
    posting = Posting(
        path="p",
        fields=(),
        sections=(("S", text),),
        requirements=(Requirement("R1", text, RequirementKind.REQUIRED),),
    )
    dumped = dump_posting(posting)
    assert tomllib.loads(dumped)["requirements"][0]["text"] == text.replace("\ud800", "\ufffd")
    assert parse_posting_toml(dumped).requirements[0].text == "DEL  bell  escape  cr  lone surrogate \ufffd"


def test_exported_file_explains_itself() -> None:
    text = dump_posting(avon())
    head = text.split("format =", 1)[0]
    assert all(line.startswith("#") or not line for line in head.splitlines())
    for key in ("kind", "category", "weight", "must_have", "phrases", "level"):
        assert f"#   {key}" in head
    assert tomllib.loads(text)["requirements"][0]["category"] == "education"


def error_for(text: str) -> str:
    with pytest.raises(PostingError) as caught:
        parse_posting_toml(text, "job.toml")
    return caught.value.message


def test_syntax_error_names_the_line_and_key() -> None:
    text = dump_posting(avon()).replace('kind = "required"', "kind = required", 1)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row == "kind = required")
    message = error_for(text)
    assert f"line {line}" in message and "'kind'" in message and "job.toml" in message


@pytest.mark.parametrize(
    ("old", "new", "key", "problem"),
    [
        ("must_have = false", "must_hav = false", "must_hav", "unknown key"),
        ("must_have = false", 'must_have = "yes"', "must_have", "true or false"),
        ('category = "skill"', 'category = "tool"', "category", "not one of"),
        ('kind = "preferred"', 'kind = "optional"', "kind", "not required or preferred"),
        ("# weight = 1.0", "weight = -1.0", "weight", "from 0 to"),
        ("years = 0.0", "years = true", "years", "not a boolean"),
        ("phrases = []", 'phrases = "Excel"', "phrases", "list of strings"),
        ("phrases = []", 'phrases = [""]', "phrases", "empty phrase"),
        ('level = ""', 'level = "phd"', "level", "not one of"),
    ],
)
def test_schema_errors_name_item_key_and_line(old: str, new: str, key: str, problem: str) -> None:
    text = dump_posting(avon())
    # Edit the last requirement (R7, preferred, experience) — or the first occurrence for kind/category.
    if old == 'kind = "preferred"' or old == 'category = "skill"':
        text = text.replace(old, new, 1)
    else:
        head, _, last = text.rpartition("\n[[requirements]]\n")
        text = head + "\n[[requirements]]\n" + last.replace(old, new, 1)
    line = [i for i, row in enumerate(text.splitlines(), 1) if row == new][-1]
    message = error_for(text)
    assert f"key {key!r}" in message and problem in message
    assert f"line {line}:" in message
    assert "requirement " in message and "(R" in message


def test_duplicate_ids_and_missing_text_are_errors() -> None:
    text = dump_posting(avon()).replace('id = "R2"', 'id = "R1"')
    assert "duplicate id" in error_for(text)
    assert "needs its text" in error_for('[[requirements]]\nid = "R1"\n')
    assert "no requirements" in error_for('format = "jobmatch-posting"\n')
    assert "unknown key" in error_for('colour = "red"\n[[requirements]]\ntext = "x"\n')


def test_a_block_with_only_text_is_typed_like_a_parsed_item() -> None:
    text = dump_posting(avon()) + '\n[[requirements]]\ntext = "Current California Registered Nurse license"\n'
    added = parse_posting_toml(text).requirements[-1]
    assert (added.id, added.kind, added.category) == ("R8", RequirementKind.REQUIRED, Category.CREDENTIAL)
    assert added.terms == ("Registered Nurse",) and added.fields == ("California",)


def test_ten_thousand_items_are_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "many.toml"
    path.write_text(
        "".join(f'[[requirements]]\ntext = "item {i}"\n' for i in range(10_000)), encoding="utf-8"
    )
    with pytest.raises(PostingError, match=f"10,000 requirements; the limit is {MAX_TOML_REQUIREMENTS}"):
        load_posting_toml(path)


def test_huge_and_binary_files_are_refused(tmp_path: Path) -> None:
    huge = tmp_path / "huge.toml"
    huge.write_text('[[requirements]]\ntext = "' + "x" * (3 << 20) + '"\n', encoding="utf-8")
    with pytest.raises(PostingError, match="too large"):
        load_posting_toml(huge)
    long_text = tmp_path / "long.toml"
    long_text.write_text('[[requirements]]\ntext = "' + "x" * 50_000 + '"\n', encoding="utf-8")
    with pytest.raises(PostingError, match="longer than"):
        load_posting_toml(long_text)
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00\x01garbage")
    with pytest.raises(PostingError, match=r"not UTF-8|invalid TOML"):
        load_posting_toml(binary)
    with pytest.raises(PostingError, match="not found"):
        load_posting_toml(tmp_path / "missing.toml")


def test_wrong_types_at_the_top_are_errors() -> None:
    assert "array of tables" in error_for('requirements = "all of them"\n')
    assert "must be a table" in error_for('posting = 3\n[[requirements]]\ntext = "x"\n')
    assert "pairs" in error_for('[posting]\nfields = [1, 2]\n[[requirements]]\ntext = "x"\n')


def test_control_characters_in_an_edited_file_are_stripped() -> None:
    posting = parse_posting_toml('[[requirements]]\ntext = "Excel\\u001b[31m red"\nphrases = ["a\\u0007b"]\n')
    assert posting.requirements[0].text == "Excel[31m red"
    assert posting.requirements[0].phrases == ("ab",)


def test_load_posting_reads_a_toml_export(tmp_path: Path) -> None:
    from jobmatch.cli import _load_posting

    path = tmp_path / "avon.toml"
    path.write_text(dump_posting(avon()), encoding="utf-8")
    assert _load_posting(path) == avon()


# --------------------------------------------------------------------------- edits change the ranking

SMALL_POSTING = """Title: Bilingual Office Assistant
REQUIREMENTS:
Fluency in Spanish.
Proficiency in Microsoft Excel.
"""


def ranked(folder: Path, posting: Posting) -> list[str]:
    from jobmatch.ranking import RankOptions, rank

    ranking = rank(folder, posting, RankOptions(workers=1, use_cache=False))
    return [Path(c.file).stem for c in ranking.candidates]


@pytest.fixture
def two_candidates(tmp_path: Path) -> Path:
    """Two bundled sample résumés: one names Spanish and no Excel, the other Excel and no Spanish."""
    folder = tmp_path / "cvs"
    folder.mkdir()
    for name in ("luis-ortega.txt", "denise-caldwell.txt"):
        shutil.copy(ROOT / "resumes" / name, folder / name)
    return folder


def edited(posting: Posting, tmp_path: Path, old: str, new: str, item: int) -> Posting:
    """Export, edit one requirement block as a recruiter would in an editor, read back."""
    text = dump_posting(posting)
    blocks = text.split("\n[[requirements]]\n")
    assert old in blocks[item + 1]
    blocks[item + 1] = blocks[item + 1].replace(old, new, 1)
    path = tmp_path / "edited.toml"
    path.write_text("\n[[requirements]]\n".join(blocks), encoding="utf-8")
    return load_posting_toml(path)


def test_editing_a_weight_reorders_the_ranking(two_candidates: Path, tmp_path: Path) -> None:
    posting = parse_posting(SMALL_POSTING, "small.txt")
    spanish_first = edited(posting, tmp_path, "# weight = 1.0", "weight = 5.0", 0)
    excel_first = edited(posting, tmp_path, "# weight = 1.0", "weight = 5.0", 1)
    assert ranked(two_candidates, spanish_first)[0] == "luis-ortega"
    assert ranked(two_candidates, excel_first)[0] == "denise-caldwell"


def test_editing_a_category_changes_how_the_item_counts(
    two_candidates: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The recruiter moves "Fluency in Spanish" to logistics (ask at the screen): it stops counting, so the
    Excel candidate leads. Scored in this process so that a stand-in logistics matcher can be registered
    when the branch has none yet (the real one also answers Status.ASK)."""
    from jobmatch import matching
    from jobmatch.documents import Limits, read_document
    from jobmatch.pipeline import analyze

    if matching.matcher_for(Category.LOGISTICS) is None:

        def ask(req: Requirement, ctx: matching.Context) -> matching.Answer:
            return matching.Answer(0.0, (), "ask at the screen", status=Status.ASK)

        monkeypatch.setitem(matching._REGISTRY, Category.LOGISTICS, ask)

    def order(posting: Posting) -> list[str]:
        results = [
            analyze(read_document(path, str(path), Limits()), posting)
            for path in sorted(two_candidates.iterdir())
        ]
        return [Path(r.file).stem for r in sorted(results, key=lambda r: (-r.score, r.file))]

    posting = parse_posting(SMALL_POSTING, "small.txt")
    weighted = edited(posting, tmp_path, "# weight = 1.0", "weight = 5.0", 0)
    assert order(weighted)[0] == "luis-ortega"
    category = weighted.requirements[0].category
    moved = edited(weighted, tmp_path, f'category = "{category}"', 'category = "logistics"', 0)
    assert moved.requirements[0].category is Category.LOGISTICS
    assert order(moved)[0] == "denise-caldwell"


def test_an_added_phrase_lets_a_candidate_meet_the_requirement(two_candidates: Path, tmp_path: Path) -> None:
    posting = parse_posting(
        "Title: Coordinator\nREQUIREMENTS:\nProficiency in spreadsheet software.\n", "p.txt"
    )
    with_phrase = edited(posting, tmp_path, "phrases = []", 'phrases = ["Excel"]', 0)
    assert ranked(two_candidates, with_phrase)[0] == "denise-caldwell"
    from jobmatch.ranking import RankOptions, rank

    ranking = rank(two_candidates, with_phrase, RankOptions(workers=1, use_cache=False))
    best = ranking.candidates[0]
    assert best.matches[0].status is Status.MET and "Excel" in best.matches[0].evidence[0].text
