"""A posting as an editable TOML file: ``dump_posting`` writes it, ``load_posting_toml`` reads it back.

The recruiter corrects what the parser understood — a category, a parameter, required/preferred — and
adds what only they know: a weight, must-have, extra phrases to look for. Export then import gives the
same :class:`~jobmatch.models.Posting` (every field is written; ``weight`` only when set).

The file is untrusted input like any posting: it is size-limited, every key is checked for its type and
range, and an error names the line and the key. TOML is written by a small writer here (the standard
library reads TOML but does not write it); strings are always basic strings with every character TOML
forbids escaped, so any text survives the trip.
"""

from __future__ import annotations

import dataclasses
import math
import re
import tomllib
from pathlib import Path
from typing import Any

from jobmatch.errors import PostingError
from jobmatch.models import Category, Posting, Requirement, RequirementKind
from jobmatch.posting.types import LADDER, type_requirement
from jobmatch.sanitize import display_path, strip_unsafe

__all__ = [
    "MAX_TOML_BYTES",
    "MAX_TOML_REQUIREMENTS",
    "dump_posting",
    "load_posting_toml",
    "parse_posting_toml",
]

MAX_TOML_BYTES = 2 << 20  # 2 MB: an export of a 1 MB posting plus its parameters and escapes
MAX_TOML_REQUIREMENTS = 500  # real postings list 5-40; more is a mistake or an attack
MAX_STRING_CHARS = 20_000  # one item or phrase; a section's text may be as long as the file
MAX_LIST_ITEMS = 200  # terms, phrases, notes… of one requirement
MAX_YEARS = 60.0
MAX_WEIGHT = 100.0
FORMAT = "jobmatch-posting"
VERSION = 1

_HEADER = """\
# jobmatch posting — edit this file, then rank with:  jobmatch rank FOLDER --posting THIS_FILE.toml
#
# Each [[requirements]] block is one requirement. You may change any value, delete a block, or add one
# (only "text" is needed in a new block; what you leave out is read from the text as the parser would).
#   kind          "required" or "preferred"
#   category      education, experience, skill, credential, language, industry, soft_skill, logistics
#                 or other: it chooses how résumés are searched for this requirement
#   years         minimum years asked for (experience)
#   level         education: the lowest level accepted, one of
#                 none, high_school, certificate, diploma, associate, bachelor, master, doctorate
#   fields        education fields, or the roles/domains of an experience requirement
#   terms         the named things: tools, certifications, languages, industries, skills
#   all_of        true when every term is needed, false when any one of them will do
#   or_equivalent true when experience may stand in for the degree
#   weight        how much the requirement counts (required 1.0 and preferred 0.5 when left out; 0 ignores)
#   must_have     true to mark a requirement a candidate cannot do without
#   phrases       extra words or phrases to look for in résumés, e.g. ["Sage 50", "A/P"]
#   source, supports, alternatives, notes: what the parser found; safe to leave as they are
# Strings use TOML double quotes; write a quote inside one as \\" and a backslash as \\\\.
"""

_SCALARS: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "text": str,
    "kind": str,
    "category": str,
    "years": (int, float),
    "level": str,
    "all_of": bool,
    "or_equivalent": bool,
    "source": str,
    "weight": (int, float),
    "must_have": bool,
}
_LISTS = ("alternatives", "fields", "terms", "notes", "supports", "phrases")
_REQUIREMENT_KEYS = (*_SCALARS, *_LISTS)
_TOP_KEYS = ("format", "version", "posting", "sections", "requirements")
_LINE_IN_MESSAGE = re.compile(r"line (\d+)")

# --------------------------------------------------------------------------- writing


def _string(text: str, *, multiline: bool = False) -> str:
    """A TOML basic string (multi-line when asked and useful); escapes everything TOML forbids raw."""
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\n" if multiline else "\\n")
        elif ch == "\t":
            out.append("\\t")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        elif 0xD800 <= code <= 0xDFFF:  # a lone surrogate cannot be written in UTF-8 nor escaped in TOML
            out.append("\\uFFFD")
        else:
            out.append(ch)
    body = "".join(out)
    if multiline and "\n" in text:
        return f'"""\n{body}"""'
    return f'"{body}"'


def _float(value: float) -> str:
    if not math.isfinite(value):
        raise ValueError(f"cannot write {value!r} to TOML as a posting value")
    return repr(float(value))


def _strings(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(_string(v) for v in values) + "]"


def dump_posting(posting: Posting) -> str:
    """The posting as an editable TOML document (see the comments it starts with)."""
    lines = [_HEADER, f"format = {_string(FORMAT)}", f"version = {VERSION}", "", "[posting]"]
    lines.append(f"path = {_string(posting.path)}")
    lines.append("fields = [")
    lines += [f"    [{_string(key)}, {_string(value)}]," for key, value in posting.fields]
    lines.append("]")
    for name, text in posting.sections:
        lines += ["", "[[sections]]", f"name = {_string(name)}", f"text = {_string(text, multiline=True)}"]
    for requirement in posting.requirements:
        lines += ["", "[[requirements]]"]
        lines.append(f"id = {_string(requirement.id)}")
        lines.append(f"text = {_string(requirement.text)}")
        lines.append(f"kind = {_string(str(requirement.kind))}")
        lines.append(f"category = {_string(str(requirement.category))}")
        lines.append(f"years = {_float(requirement.years)}")
        lines.append(f"level = {_string(requirement.level)}")
        lines.append(f"fields = {_strings(requirement.fields)}")
        lines.append(f"terms = {_strings(requirement.terms)}")
        lines.append(f"all_of = {str(requirement.all_of).lower()}")
        lines.append(f"or_equivalent = {str(requirement.or_equivalent).lower()}")
        lines.append(f"notes = {_strings(requirement.notes)}")
        lines.append(f"alternatives = {_strings(requirement.alternatives)}")
        lines.append(f"source = {_string(requirement.source)}")
        lines.append(f"supports = {_strings(requirement.supports)}")
        if requirement.weight is None:
            lines.append("# weight = 1.0")
        else:
            lines.append(f"weight = {_float(requirement.weight)}")
        lines.append(f"must_have = {str(requirement.must_have).lower()}")
        lines.append(f"phrases = {_strings(requirement.phrases)}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- reading


def load_posting_toml(path: Path) -> Posting:
    """Read an edited export. PostingError names the line and key of anything wrong."""
    from jobmatch.posting.parse import regular_file

    shown = display_path(str(path))
    info = regular_file(path, shown)
    if info.st_size > MAX_TOML_BYTES:
        raise PostingError(f"posting {shown} is too large ({info.st_size:,} bytes; the limit is 2 MB)")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_TOML_BYTES + 1)
    except OSError as exc:
        raise PostingError(f"cannot read posting {shown}: {exc.strerror or exc}") from exc
    if len(data) > MAX_TOML_BYTES:
        raise PostingError(f"posting {shown} is too large (the limit is 2 MB)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PostingError(f"{shown}: not UTF-8 text (byte {exc.start:,}); save it as UTF-8") from exc
    return parse_posting_toml(text, str(path))


def parse_posting_toml(text: str, path: str = "") -> Posting:
    """Parse the text of an edited export (``path`` only names it in errors)."""
    shown = display_path(path) if path else "posting TOML"
    lines = text.splitlines()
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _LINE_IN_MESSAGE.search(str(exc))
        key = ""
        if found is not None:
            number = int(found.group(1))
            if 0 < number <= len(lines):
                named = re.match(r"\s*([A-Za-z0-9_-]+)\s*=", lines[number - 1])
                key = f" (key {named.group(1)!r})" if named else ""
        raise PostingError(f"{shown}: invalid TOML: {exc}{key}") from exc
    return _Reader(shown, lines).posting(document)


class _Reader:
    """Checks a parsed document against the schema; errors point at the line where the key is."""

    def __init__(self, shown: str, lines: list[str]) -> None:
        self.shown = shown
        self.lines = lines

    # ---- error positions

    _HEADER_LINE = re.compile(r"^\s*\[")

    def _block_start(self, table: str, index: int) -> int | None:
        """The 0-based line of the ``index``-th ``[[table]]`` header, or of ``[table]`` when index < 0."""
        header = re.compile(rf"^\s*\[\[\s*{table}\s*\]\]" if index >= 0 else rf"^\s*\[\s*{table}\s*\]")
        seen = -1
        for number, line in enumerate(self.lines):
            if header.match(line):
                seen += 1
                if index < 0 or seen == index:
                    return number
        return None

    def _line_of(self, table: str, index: int, key: str) -> int | None:
        """The 1-based line where ``key`` is set in that table (its header line when not set there)."""
        if table:
            start = self._block_start(table, index)
            if start is None:
                return None
            first = start + 1
        else:
            start, first = -1, 0
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number in range(first, len(self.lines)):
            if self._HEADER_LINE.match(self.lines[number]):
                break
            if pattern.match(self.lines[number]):
                return number + 1
        if table:
            return start + 1
        header = self._block_start(key, 0)
        if header is None:
            header = self._block_start(key, -1)
        return None if header is None else header + 1

    def fail(self, where: str, key: str, problem: str, *, table: str = "", index: int = -1) -> PostingError:
        line = self._line_of(table, index, key)
        at = f"line {line}: " if line else ""
        return PostingError(f"{self.shown}: {at}{where}key {key!r}: {problem}")

    # ---- the document

    def posting(self, document: dict[str, Any]) -> Posting:
        for key in document:
            if key not in _TOP_KEYS:
                raise self.fail("", key, f"unknown key; expected one of {', '.join(_TOP_KEYS)}")
        if document.get("format", FORMAT) != FORMAT:
            raise self.fail("", "format", f"must be {FORMAT!r}")
        if document.get("version", VERSION) != VERSION:
            raise self.fail("", "version", f"must be {VERSION} (this jobmatch reads version {VERSION})")
        head = document.get("posting", {})
        if not isinstance(head, dict):
            raise self.fail("", "posting", "must be a table ([posting])")
        for key in head:
            if key not in ("path", "fields"):
                raise self.fail("[posting] ", key, "unknown key; expected path or fields", table="posting")
        path = head.get("path", "")
        if not isinstance(path, str):
            raise self.fail("[posting] ", "path", "must be a string", table="posting")
        fields = self._fields(head.get("fields", []))
        sections = self._sections(document.get("sections", []))
        items = document.get("requirements", [])
        if not isinstance(items, list):
            raise self.fail("", "requirements", "must be an array of tables ([[requirements]])")
        if len(items) > MAX_TOML_REQUIREMENTS:
            raise self.fail(
                "", "requirements", f"{len(items):,} requirements; the limit is {MAX_TOML_REQUIREMENTS}"
            )
        if not items:
            raise self.fail("", "requirements", "no requirements: add at least one [[requirements]] block")
        requirements: list[Requirement] = []
        seen: set[str] = set()
        for index, item in enumerate(items):
            requirement = self._requirement(item, index)
            if requirement.id in seen:
                raise self._item_fail(index, requirement.id, "id", f"duplicate id {requirement.id!r}")
            seen.add(requirement.id)
            requirements.append(requirement)
        return Posting(
            path=strip_unsafe(path),
            fields=fields,
            sections=sections,
            requirements=tuple(requirements),
        )

    def _fields(self, value: object) -> tuple[tuple[str, str], ...]:
        problem = 'must be a list of ["Key", "value"] pairs'
        if not isinstance(value, list) or len(value) > MAX_LIST_ITEMS:
            raise self.fail("[posting] ", "fields", problem, table="posting")
        pairs = []
        for pair in value:
            if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(v, str) for v in pair)):
                raise self.fail("[posting] ", "fields", problem, table="posting")
            pairs.append((strip_unsafe(pair[0]), strip_unsafe(pair[1])))
        return tuple(pairs)

    def _sections(self, value: object) -> tuple[tuple[str, str], ...]:
        if not isinstance(value, list) or len(value) > MAX_LIST_ITEMS:
            raise self.fail("", "sections", "must be an array of tables ([[sections]]) with name and text")
        sections = []
        for index, section in enumerate(value):
            where = f"section {index + 1} "
            if not isinstance(section, dict):
                raise self.fail(where, "sections", "must be a table with name and text")
            for key in section:
                if key not in ("name", "text"):
                    raise self.fail(
                        where, key, "unknown key; expected name or text", table="sections", index=index
                    )
            name, text = section.get("name", ""), section.get("text", "")
            for key, got in (("name", name), ("text", text)):
                if not isinstance(got, str):
                    raise self.fail(where, key, "must be a string", table="sections", index=index)
            sections.append((strip_unsafe(name).upper(), strip_unsafe(text)))
        return tuple(sections)

    def _item_fail(self, index: int, item_id: str, key: str, problem: str) -> PostingError:
        named = f" ({item_id})" if item_id else ""
        return self.fail(f"requirement {index + 1}{named} ", key, problem, table="requirements", index=index)

    def _requirement(self, item: object, index: int) -> Requirement:
        if not isinstance(item, dict):
            raise self.fail(f"requirement {index + 1} ", "requirements", "must be a table")
        raw_id = item.get("id", f"R{index + 1}")
        item_id = raw_id if isinstance(raw_id, str) else ""
        for key in item:
            if key not in _REQUIREMENT_KEYS:
                raise self._item_fail(
                    index, item_id, key, f"unknown key; expected one of {', '.join(_REQUIREMENT_KEYS)}"
                )
        values: dict[str, Any] = {}
        for key, expected in _SCALARS.items():
            if key not in item:
                continue
            got = item[key]
            if isinstance(got, bool) and expected is not bool:  # TOML true is not the number 1
                raise self._item_fail(index, item_id, key, f"must be {_type_name(expected)}, not a boolean")
            if not isinstance(got, expected):
                raise self._item_fail(index, item_id, key, f"must be {_type_name(expected)}")
            if isinstance(got, str):
                if len(got) > MAX_STRING_CHARS:
                    raise self._item_fail(index, item_id, key, f"longer than {MAX_STRING_CHARS:,} characters")
                got = strip_unsafe(got)
            values[key] = got
        for key in _LISTS:
            if key not in item:
                continue
            got = item[key]
            if not isinstance(got, list) or not all(isinstance(v, str) for v in got):
                raise self._item_fail(index, item_id, key, "must be a list of strings")
            if len(got) > MAX_LIST_ITEMS:
                raise self._item_fail(
                    index, item_id, key, f"{len(got):,} entries; the limit is {MAX_LIST_ITEMS}"
                )
            if any(len(v) > MAX_STRING_CHARS for v in got):
                raise self._item_fail(
                    index, item_id, key, f"an entry is longer than {MAX_STRING_CHARS:,} characters"
                )
            cleaned = tuple(strip_unsafe(v) for v in got)
            if key == "phrases" and any(not v.strip() for v in cleaned):
                raise self._item_fail(index, item_id, key, "an empty phrase matches nothing; remove it")
            values[key] = cleaned
        text = values.get("text", "")
        if not text.strip():
            raise self._item_fail(index, item_id, "text", "every requirement needs its text")
        if not values.get("id", f"R{index + 1}").strip():
            raise self._item_fail(index, item_id, "id", "must not be empty")
        kind = values.get("kind", "required")
        if kind not in {k.value for k in RequirementKind}:
            raise self._item_fail(index, item_id, "kind", f"{kind!r} is not required or preferred")
        category = values.get("category")
        if category is not None and category not in {c.value for c in Category}:
            choices = ", ".join(c.value for c in Category)
            raise self._item_fail(index, item_id, "category", f"{category!r} is not one of {choices}")
        level = values.get("level", "")
        if level and level not in LADDER:
            raise self._item_fail(index, item_id, "level", f"{level!r} is not one of {', '.join(LADDER)}")
        for key, top in (("years", MAX_YEARS), ("weight", MAX_WEIGHT)):
            if key in values:
                number = float(values[key])
                if not math.isfinite(number) or not 0 <= number <= top:
                    raise self._item_fail(
                        index, item_id, key, f"must be a number from 0 to {top:g}, not {number:g}"
                    )
                values[key] = number
        base = Requirement(id=values.get("id", f"R{index + 1}"), text=text, kind=RequirementKind(kind))
        if category is None:  # a block the recruiter added with its text only: typed as the parser would
            base = type_requirement(base)
        else:
            values["category"] = Category(category)
        values["kind"] = RequirementKind(kind)
        return dataclasses.replace(base, **values)


def _type_name(expected: type | tuple[type, ...]) -> str:
    if expected is str:
        return "a string (in double quotes)"
    if expected is bool:
        return "true or false"
    return "a number"
