"""Every README snippet that shows a `$ jobmatch …` command shows what the tool really prints."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jobmatch.cli import app

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"```text\n\$ (.+?)\n(.*?)```", re.DOTALL)


def snippets() -> list[tuple[str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = [(m.group(1), m.group(2)) for m in BLOCK.finditer(text)]
    # A block with a line that is only "…" shows part of the output on purpose.
    return [(command, output) for command, output in found if "\n…\n" not in f"\n{output}"]


def run(command: str, monkeypatch: pytest.MonkeyPatch) -> str:
    words = shlex.split(command)
    env = {"COLUMNS": "120"}
    while "=" in words[0]:
        key, value = words.pop(0).split("=", 1)
        env[key] = value
    head = tail = None
    if "|" in words:
        at = words.index("|")
        assert words[at + 1 : at + 2] in (["head"], ["tail"]), command
        count = int(words[at + 2].lstrip("-"))
        head, tail = (count, None) if words[at + 1] == "head" else (None, count)
        words = words[:at]
    assert words[0] == "jobmatch", command
    args = words[1:]
    if args[0] in ("rank", "match") and not {"-f", "--format"} & set(args):
        args += ["--format", "table"]  # what a terminal gets by default (CliRunner's stdout is a pipe)
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, [*args, "--no-cache"] if args[0] == "rank" else args, env=env)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines(keepends=True)
    if tail is not None:
        lines = lines[-tail:]
    return "".join(lines[:head] if head is not None else lines)


def test_the_readme_has_command_snippets() -> None:
    assert len(snippets()) >= 4


@pytest.mark.parametrize("command,output", snippets(), ids=[c for c, _ in snippets()])
def test_readme_snippet_is_real_output(command: str, output: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(command, monkeypatch) == output
