"""Plain-text and Markdown résumés: decode the bytes, strip Markdown syntax."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jobmatch.documents.sniff import text_encoding
from jobmatch.errors import DocumentError

_ENCODING_NAMES = {
    "cp1252": "Windows-1252",
    "latin-1": "Latin-1",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
    "utf-32": "UTF-32",
}


@dataclass(frozen=True, slots=True)
class PlainText:
    lines: list[str]
    warnings: list[str]


def read_text(data: bytes, *, markdown: bool, max_chars: int = 0, max_line_chars: int = 0) -> PlainText:
    """The raw lines of a text file (Markdown syntax removed when ``markdown``).

    With ``max_chars``, text far past the character budget is dropped before any cleaning, and with
    ``max_line_chars`` long lines are cut first: a 20 MB file or a 3 MB line must not cost minutes in
    ftfy or the Markdown expressions only to be truncated afterwards.
    """
    encoding = text_encoding(data)
    if encoding is None:
        raise DocumentError("binary data, not text")
    text = data.decode(encoding, errors="replace")
    warnings: list[str] = []
    if encoding in ("cp1252", "latin-1"):
        warnings.append(f"not UTF-8: read as {_ENCODING_NAMES[encoding]}")
    if max_chars and len(text) > 2 * max_chars:
        text = text[: 2 * max_chars]
    lines = text.splitlines()
    if max_line_chars:
        lines = [
            line[i : i + max_line_chars]
            for line in lines
            for i in range(0, max(len(line), 1), max_line_chars)
        ]
    if markdown:
        lines = strip_markdown(lines)
    return PlainText(lines=lines, warnings=warnings)


_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
_HEADING_TAIL = re.compile(r"\s+#+\s*$")
_SETEXT_OR_RULE = re.compile(r"^\s{0,3}(?:=+|-{3,}|\*{3,}|_{3,})\s*$")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?)")
# Every repeat is bounded: a 1 MB line of unmatched ``[`` or ``*`` must not cost quadratic time.
_IMAGE = re.compile(r"!\[([^\]\n]{0,300})\]\([^)\n]{0,2000}\)")
_LINK = re.compile(r"\[([^\]\n]{1,300})\]\((?:[^()\n]|\([^()\n]{0,300}\)){0,2000}\)")
_REF_LINK = re.compile(r"\[([^\]\n]{1,300})\]\[[^\]\n]{0,300}\]")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s+\S+")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]{1,2000})>")
_EMPHASIS = re.compile(r"(\*\*|\*|~~)(?=\S)(.{1,300}?)(?<=\S)\1")
_UNDERSCORE_EMPHASIS = re.compile(r"(?<!\w)(__|_)(?=\S)(.{1,300}?)(?<=\S)\1(?!\w)")  # not snake_case
_CODE = re.compile(r"(`{1,3})([^`\n]{0,300}?)\1")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>\n]{0,300})?/?>")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def strip_markdown(lines: list[str]) -> list[str]:
    """Markdown lines as the text a reader sees: no ``#``, ``**``, list markers or link syntax."""
    out: list[str] = []
    for raw in lines:
        if _FENCE.match(raw) or _SETEXT_OR_RULE.match(raw) or _TABLE_SEPARATOR.match(raw):
            out.append("")
            continue
        if _LINK_DEFINITION.match(raw):
            continue
        line = _QUOTE.sub("", raw)
        if _HEADING.match(line):
            line = _HEADING_TAIL.sub("", _HEADING.sub("", line))
        line = _LIST_ITEM.sub("", line)
        if "](" in line:  # cheap guards: a line of 5,000 "[" must not run the link patterns at all
            line = _IMAGE.sub(r"\1", line)
            line = _LINK.sub(r"\1", line)
        if "][" in line:
            line = _REF_LINK.sub(r"\1", line)
        line = _AUTOLINK.sub(r"\1", line)
        line = _CODE.sub(r"\2", line)
        line = _HTML_TAG.sub("", line)
        for _ in range(3):  # nested emphasis: ***bold italic***
            line = _UNDERSCORE_EMPHASIS.sub(r"\2", _EMPHASIS.sub(r"\2", line))
        if line.lstrip().startswith("|") and line.rstrip().endswith("|"):
            line = " | ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        out.append(line)
    return out
