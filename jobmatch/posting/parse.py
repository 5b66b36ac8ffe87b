"""Posting text -> header fields, sections and atomic requirements (required vs preferred).

Postings arrive as ATS exports (``Title: …`` fields, ``SUMMARY:`` headings, one paragraph per section),
Markdown (``## Requirements`` and bullets) or a few lines of prose with ``Must have: a, b, c``. The parser
reads all three the same way:

1. classify every line (blank, header field, heading, inline label, bullet, lead-in, prose);
2. group the lines under their headings (lines before the first heading form the preamble);
3. turn the requirement sections (REQUIREMENTS, PREFERRED, SKILLS) and every ``Must have:`` /
   ``Nice to have:`` label line into atomic items — one per bullet, otherwise one per sentence or per
   comma-list entry;
4. when no requirement section gave an item, fall back to requirement-like sentences ("5+ years of …",
   "must …") and to bullets under a lead-in ("The ideal candidate will have:") anywhere.

Untrusted text stays text: nothing here prints, and control characters are stripped on the way in.
"""

from __future__ import annotations

import codecs
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from jobmatch.errors import PostingError
from jobmatch.models import Posting, Requirement, RequirementKind
from jobmatch.posting.types import type_requirements
from jobmatch.sanitize import display_path, strip_unsafe

__all__ = ["MAX_POSTING_BYTES", "POSTING_SUFFIXES", "find_posting", "load_posting", "parse_posting"]

MAX_POSTING_BYTES = 1 << 20  # 1 MB: real postings are a few kB; anything bigger is the wrong file
POSTING_SUFFIXES = (".txt", ".md")
TITLE_MAX_CHARS = 100  # a first line longer than this is prose, not a title


def _terms(text: str) -> frozenset[str]:
    """A "; "-separated word list (kept as one string so it reads like the data files)."""
    return frozenset(text.split("; "))


# --------------------------------------------------------------------------- section names

# Canonical sections whose lines are requirements. Every other section is context.
_REQUIREMENT_SECTIONS = frozenset({"REQUIREMENTS", "PREFERRED", "SKILLS"})

# Heading / label text (normalised: lower case, straight apostrophes, "&" -> "and", "-" -> " ") ->
# canonical section, as "; "-separated lists. _LIST_ALIASES are the headings whose text is a comma list of
# skills ("Must have: Python, Django, Docker") rather than prose ("Requirements: a degree in …").
_SECTION_ALIASES: dict[str, str] = {
    "REQUIREMENTS": (
        "requirements; requirement; qualifications; required qualifications; minimum qualifications; "
        "basic qualifications; minimum requirements; job requirements; key requirements; what you'll need; "
        "what you will need; what you need; what you'll bring; what you will bring; must have; must haves; "
        "who you are; what we're looking for; what we are looking for; you have; you bring; "
        "requirements and qualifications; qualifications and requirements; skills and qualifications; "
        "skills and experience; experience and qualifications; education and experience; essential; "
        "essential skills; essential criteria; knowledge skills and abilities; required skills; "
        "required experience; education; experience"
    ),
    "PREFERRED": (
        "preferred; preferred qualifications; preferred skills; preferred experience; nice to have; "
        "nice to haves; bonus; bonus points; pluses; desired qualifications; desired skills; desirable; "
        "desirable skills; additional qualifications; extra credit"
    ),
    "RESPONSIBILITIES": (
        "responsibilities; key responsibilities; duties; duties and responsibilities; job duties; "
        "what you'll do; what you will do; your role; day to day; the role"
    ),
    "SUMMARY": (
        "summary; about the role; about the job; about this role; about the position; overview; "
        "job overview; position overview; role overview; description; job description; position summary; "
        "job summary; the opportunity"
    ),
    "SKILLS": (
        "skills; technical skills; key skills; core skills; skill set; skillset; competencies; "
        "core competencies; technologies; tech stack"
    ),
    # Not requirement sections, but naming them ends the requirements before them.
    "BENEFITS": (
        "benefits; perks; perks and benefits; compensation; compensation and benefits; salary; "
        "what we offer; why join us; why work with us"
    ),
    "COMPANY": "about us; about the company; who we are; company overview; our company",
    "APPLY": "how to apply; to apply; application process; application instructions",
}
_LIST_ALIASES = (
    "must have; must haves; nice to have; nice to haves; bonus points; pluses; skills; technical skills; "
    "key skills; core skills; skill set; skillset; required skills; preferred skills; desired skills; "
    "desirable skills; technologies; tech stack"
)
_ALIASES: dict[str, str] = {
    alias: name for name, aliases in _SECTION_ALIASES.items() for alias in aliases.split("; ")
}
_LIST_STYLE = _terms(_LIST_ALIASES)

# Section bodies that mean "nothing here".
_EMPTY_BODIES = frozenset({"none listed", "none", "n/a", "na", "not applicable", "none specified", "-", "—"})

# Header keys that stand in for a missing "Title:" field.
_TITLE_KEYS = ("title", "job title", "position", "position title", "role")

# --------------------------------------------------------------------------- line patterns

_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"^(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*$")
_BULLET = re.compile(r"^(?:[-*•·‣◦▪▫●○■□–—+]|\(?\d{1,2}[.)]|\(?[a-zA-Z]\))\s+(?=\S)")
_KEY_VALUE = re.compile(r"^([^:]{1,80}?)\s*:\s*(.*)$")
_FIELD_KEY = re.compile(r"^[A-Z][\w'’/&#().-]*(?:\s+[\w'’/&#().-]+){0,3}$")  # <= 4 words, capitalised
_EMPHASIS = re.compile(r"\*\*|__|`")
_SPACES = re.compile(r"\s+")

# --------------------------------------------------------------------------- item patterns

# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and a capital or digit.
_SENTENCE_END = re.compile(r"[.!?]+[\"'’”)\]]*\s+(?=[\"'‘“(\[]?[A-Z0-9])")
_ABBREVIATIONS = _terms(
    "etc.; e.g.; i.e.; vs.; approx.; incl.; esp.; inc.; ltd.; co.; corp.; dept.; mr.; mrs.; ms.; dr.; sr.; "
    "jr.; st.; no.; yrs.; yr.; min.; max.; cf.; al."
)
_DOTTED_ABBREVIATION = re.compile(r"(?:[A-Za-z]{1,2}\.){2,}|[A-Z]\.")  # B.S., U.S., Ph.D., e.g., initials

_PREFERRED_WORDS = re.compile(
    r"\b(?:an?\s+(?:\w+\s+)?plus|pluses|preferred|preferably|nice[\s-]to[\s-]have|bonus|desirable|ideally"
    r"|advantage|advantageous)\b",
    re.IGNORECASE,
)
_EQUIVALENT = re.compile(
    r"\bor\s+(?:an?\s+)?(?:equivalent|comparable|(?:related|relevant)\s+(?:work\s+)?experience)\b",
    re.IGNORECASE,
)
# "Django or FastAPI", "Python, Java, or Go": short capitalised / technical names joined by "or".
_TOKEN = r"(?:[A-Z][\w+#'’./-]*[\w+#]|[A-Z]|\.[A-Za-z]\w*)"
_NAME = rf"{_TOKEN}(?:[ \t]+{_TOKEN}){{0,2}}"
_NAME_CHOICE = re.compile(rf"(?<![\w.+#])((?:{_NAME})(?:\s*,\s*{_NAME})*)\s*,?\s+or\s+({_NAME})(?![\w+#])")
# Capitalised words that open a sentence rather than name a skill ("Strong SQL or Excel").
_LEAD_WORDS = _terms(
    "strong; excellent; solid; good; great; proven; demonstrated; advanced; basic; working; deep; expert; "
    "expertise; previous; prior; must; knowledge; experience; proficiency; proficient; familiarity; "
    "familiar; understanding; ability; exposure; some; any; either; both; preferred; required; bonus; nice; "
    "ideally; fluency; fluent; skilled; using; use; modern; professional; practical; hands-on; the; a; an; "
    "with; in"
)
# A lead-in ("The ideal candidate will have:") whose bullets are requirements even outside a section.
_REQUIREMENT_LEADIN = re.compile(
    r"looking for|you(?:'ll| will)? (?:have|bring|need)|ideal candidate|requir|qualif|\bmust\b|\bneed",
    re.IGNORECASE,
)
# Requirement-like sentences, for postings without a requirements section.
_REQUIREMENT_LIKE = re.compile(
    r"\b\d+\s*\+?\s*(?:(?:-|to)\s*\d+\s*\+?\s*)?(?:years?|yrs)['’]?\s+(?:of|in|with|as|experience)\b"
    r"|\bexperience\s+(?:with|in)\b|\bdegree\s+in\b|\bproficien(?:cy|t)\s+(?:in|with)\b|\bmust\b"
    r"|\brequired\b|\bknowledge\s+of\b|\bfamiliarity\s+with\b",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------- public API


def find_posting(folder: Path) -> Path:
    """The one posting file (``*.txt``, ``*.md``) in ``folder``; PostingError when there are none or several.

    Hidden files, editor lock files (``~$…``) and ``README*`` are not postings. The folder is not searched
    recursively.
    """
    shown = display_path(str(folder)).rstrip("/") + "/"
    if not folder.is_dir():
        raise PostingError(f"no posting folder {shown} — choose a posting with --posting")
    try:
        entries = list(folder.iterdir())
    except OSError as exc:
        raise PostingError(f"cannot list {shown}: {exc.strerror or exc}") from exc
    candidates = sorted(
        (p for p in entries if _looks_like_posting_name(p.name) and p.is_file()),
        key=lambda p: p.name,
    )
    if not candidates:
        raise PostingError(f"no posting (*.txt or *.md) in {shown} — add one or choose one with --posting")
    if len(candidates) > 1:
        names = ", ".join(display_path(p.name) for p in candidates)
        raise PostingError(f"several postings in {shown}: {names} — choose one with --posting")
    return candidates[0]


def load_posting(path: Path) -> Posting:
    """Read and parse a posting file: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252.

    Raises PostingError when the file is missing, not a regular file, over :data:`MAX_POSTING_BYTES`,
    binary (PDF, Office, NUL bytes) or has no requirements.
    """
    shown = display_path(str(path))
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise PostingError(f"posting not found: {shown}") from exc
    except OSError as exc:
        raise PostingError(f"cannot read posting {shown}: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
        raise PostingError(f"posting {shown} is not a regular file")
    if info.st_size > MAX_POSTING_BYTES:
        raise PostingError(f"posting {shown} is too large ({info.st_size:,} bytes; the limit is 1 MB)")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_POSTING_BYTES + 1)
    except OSError as exc:
        raise PostingError(f"cannot read posting {shown}: {exc.strerror or exc}") from exc
    if len(data) > MAX_POSTING_BYTES:  # it grew after stat()
        raise PostingError(f"posting {shown} is too large (the limit is 1 MB)")
    return parse_posting(_decode(data, shown), str(path))


def parse_posting(text: str, path: str = "") -> Posting:
    """Parse posting text into header fields, sections and numbered requirements ``R1``…``Rn``.

    ``path`` is only recorded (and its stem used as the Job ID when the text has none).
    Raises PostingError when no requirement can be found at all.
    """
    text = strip_unsafe(text.replace("\r\n", "\n").replace("\r", "\n"))
    parsed = _read_structure(text)
    items = _requirement_items(parsed.blocks)
    if not items:
        where = f" in {display_path(path)}" if path else ""
        raise PostingError(
            f"no requirements found{where}: expected a Requirements/Qualifications section, bullet points, "
            "'Must have:' lines or sentences such as '3+ years of experience with …'"
        )
    requirements = tuple(
        Requirement(id=f"R{number}", text=item.text, kind=item.kind, alternatives=_alternatives(item.text))
        for number, item in enumerate(items, start=1)
    )
    requirements = type_requirements(requirements)
    return Posting(
        path=path,
        fields=_with_fallback_fields(parsed.fields, parsed.title_line, path),
        sections=tuple((block.name, _section_text(block)) for block in parsed.blocks if block.is_section),
        requirements=requirements,
    )


# --------------------------------------------------------------------------- reading the file


def _looks_like_posting_name(name: str) -> bool:
    if name.startswith((".", "~$")) or name.lower().startswith("readme"):
        return False
    return name.lower().endswith(POSTING_SUFFIXES)


def _decode(data: bytes, shown: str) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if data.startswith((b"%PDF-", b"PK\x03\x04", bytes.fromhex("D0CF11E0A1B11AE1"))) or b"\x00" in data:
        raise PostingError(f"posting {shown} is not a plain-text file — save it as .txt or .md")
    try:
        return data.decode("utf-8-sig")  # also plain UTF-8
    except UnicodeDecodeError:
        # Windows editors still save "ANSI"; cp1252 leaves 5 byte values undefined, hence "replace".
        return data.decode("cp1252", errors="replace")


# --------------------------------------------------------------------------- line classification

_LineKind = Literal["blank", "title", "field", "heading", "label", "bullet", "leadin", "prose"]


@dataclass(frozen=True, slots=True)
class _Line:
    kind: _LineKind
    text: str = ""  # the content (bullet marker and emphasis removed); the value for fields and labels
    name: str = ""  # heading/label: canonical section name; field: the key
    list_style: bool = False  # heading/label: inline text is a comma list of skills
    indented: bool = False


def _normalise_name(name: str) -> str:
    name = _EMPHASIS.sub("", name).replace("’", "'").replace("‘", "'").replace("&", " and ").replace("-", " ")
    name = re.sub(r"[^\w' ]", " ", name)
    return _SPACES.sub(" ", name).strip().lower()


def _canonical(name: str, *, loose: bool) -> tuple[str, bool] | None:
    """(canonical section, list style) for a known heading; ``loose`` also accepts "… Qualifications" etc."""
    key = _normalise_name(name)
    if key in _ALIASES:
        return _ALIASES[key], key in _LIST_STYLE
    if not loose or not key or len(key.split()) > 6:
        return None
    if re.search(r"qualification|requirement", key):
        if re.search(r"prefer|nice|bonus|desir|additional|optional", key):
            return "PREFERRED", False
        return "REQUIREMENTS", False
    if re.search(r"responsibilit|duties", key):
        return "RESPONSIBILITIES", False
    return None


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _letter_count(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _is_title_case(text: str) -> bool:
    """'About Us', 'What We Offer', 'Compensation & Benefits' — but not 'We are looking for someone with'."""
    words = text.split()
    if not words or not words[0][:1].isupper():
        return False
    return all(not w[0].isalpha() or w[0].isupper() or len(w) <= 3 for w in words)


def _plain(text: str) -> str:
    return _SPACES.sub(" ", _EMPHASIS.sub("", text)).strip()


def _heading(name: str, known: tuple[str, bool] | None, inline: str = "") -> _Line:
    canonical, list_style = known if known else (_SPACES.sub(" ", name).strip().upper(), False)
    return _Line("heading", text=inline, name=canonical, list_style=list_style)


def _markup_heading(line: str) -> str | None:
    """The text of a Markdown heading (``## Requirements``) or a bold line alone (``**Requirements:**``)."""
    markdown = _MD_HEADING.match(line)
    if markdown:
        return markdown.group(1)
    bold = _BOLD_LINE.match(line)
    if bold and len(bold.group(1).split()) <= 6 and not bold.group(1).rstrip().endswith("."):
        return bold.group(1)
    return None


def _classify(raw: str, *, in_header: bool, first: bool) -> _Line:
    line = raw.strip()
    if not line:
        return _Line("blank")
    indented = raw[:1] in (" ", "\t")

    heading_text = _markup_heading(line)
    if heading_text is not None:
        name = _plain(heading_text).rstrip(":").strip()
        if not name:
            return _Line("blank")
        known = _canonical(name, loose=True)
        if known is None and first:  # "# Senior Data Analyst" opens many Markdown postings
            return _Line("title", text=name)
        return _heading(name, known)

    bullet = _BULLET.match(line)
    if bullet:
        return _Line("bullet", text=_plain(line[bullet.end() :]), indented=indented)

    plain = _plain(line)
    key_value = _KEY_VALUE.match(plain)
    if key_value and not key_value.group(2).startswith("//"):  # "https://…" is not a key
        key, rest = key_value.group(1).strip(), key_value.group(2).strip()
        classified = _classify_key(key, rest, in_header=in_header)
        if classified is not None:
            return classified

    # A heading alone on its line, without a colon: "Responsibilities", "Nice to have", "ABOUT THE COMPANY".
    if len(plain.split()) <= 6 and not plain.endswith((".", ",", ";")):
        known = _canonical(plain, loose=False)
        if known is not None:
            return _heading(plain, known)
        if _is_caps(plain) and _letter_count(plain) >= 5 and len(plain.split()) <= 5:
            return _Line("title", text=plain) if first else _heading(plain, None)
    return _Line("prose", text=plain, indented=indented)


def _classify_key(key: str, rest: str, *, in_header: bool) -> _Line | None:
    """A ``key: rest`` line: heading, inline label, header field or lead-in; None when it is just prose."""
    words = key.split()
    caps = _is_caps(key)
    known = _canonical(key, loose=caps or not rest)
    if known is not None:
        canonical, list_style = known
        if not rest:
            return _heading(key, known)
        if caps or canonical not in _REQUIREMENT_SECTIONS:  # "REQUIREMENTS: text…", "Summary: text…"
            return _heading(key, known, inline=rest)
        return _Line("label", text=rest, name=canonical, list_style=list_style)  # "Must have: a, b, c"
    if caps and len(words) <= 5:
        if not rest and _letter_count(key) >= 3:
            return _heading(key, None)
        if in_header:
            return _Line("field", text=rest, name=key)
        if _letter_count(key) >= 5:  # "BENEFITS: …"; short all-caps keys ("AWS: 3 years") are prose
            return _heading(key, None, inline=rest)
        return None
    if not rest:
        if _is_title_case(key) and len(words) <= 5:
            return _heading(key, None)
        return _Line("leadin", text=key + ":")  # "You will have:" introduces the bullets below it
    if in_header and _FIELD_KEY.match(key):
        return _Line("field", text=rest, name=key)
    return None


# --------------------------------------------------------------------------- structure


@dataclass(slots=True)
class _Block:
    """The lines under one heading; the preamble (``name`` "") holds the lines before the first heading."""

    name: str
    list_style: bool = False
    is_section: bool = False
    lines: list[_Line] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Structure:
    fields: list[tuple[str, str]]
    title_line: str
    blocks: list[_Block]


def _read_structure(text: str) -> _Structure:
    fields: list[tuple[str, str]] = []
    title_line = ""
    blocks = [_Block(name="")]
    in_header = True  # header fields only count before the first heading or label
    seen_text = False
    for raw in text.split("\n"):
        first = not seen_text and bool(raw.strip())
        line = _classify(raw, in_header=in_header, first=first)
        if line.kind == "blank":
            blocks[-1].lines.append(line)
            blocks[-1].raw.append("")
            continue
        seen_text = True
        if first and line.kind in ("title", "prose") and len(line.text) < TITLE_MAX_CHARS:
            title_line = line.text
            continue
        if line.kind == "title":  # a long "title": keep it as text
            line = _Line("prose", text=line.text)
        if line.kind == "field":
            fields.append((line.name, line.text))
            continue
        if line.kind == "heading":
            in_header = False
            block = _Block(name=line.name, list_style=line.list_style, is_section=True)
            if line.text:
                block.lines.append(_Line("prose", text=line.text))
                block.raw.append(line.text)
            blocks.append(block)
            continue
        if line.kind == "label":
            in_header = False
        blocks[-1].lines.append(line)
        blocks[-1].raw.append(raw.strip())
    return _Structure(fields=fields, title_line=title_line, blocks=blocks)


def _is_empty_body(text: str) -> bool:
    return _plain(text).rstrip(".").strip().lower() in _EMPTY_BODIES


def _section_text(block: _Block) -> str:
    text = "\n".join(block.raw).strip()
    return "" if _is_empty_body(text) else text


def _with_fallback_fields(
    fields: list[tuple[str, str]], title_line: str, path: str
) -> tuple[tuple[str, str], ...]:
    keys = {key.lower() for key, _ in fields}
    extra: list[tuple[str, str]] = []
    if "title" not in keys:
        title = next((value for key, value in fields if key.lower() in _TITLE_KEYS), title_line)
        if title:
            extra.append(("Title", title))
    if "job id" not in keys and path:
        stem = Path(path).stem
        if stem:
            extra.append(("Job ID", stem))
    return (*extra, *fields)


# --------------------------------------------------------------------------- requirement items


@dataclass(frozen=True, slots=True)
class _Item:
    text: str
    kind: RequirementKind


@dataclass(slots=True)
class _Unit:
    """A bullet, a label line or a run of prose lines (wrapped lines joined)."""

    kind: _LineKind
    text: str
    name: str = ""
    list_style: bool = False


def _units(block: _Block) -> list[_Unit]:
    units: list[_Unit] = []
    open_unit = False  # a blank line closes the previous bullet/paragraph
    for line in block.lines:
        if line.kind == "blank":
            open_unit = False
            continue
        # Wrapped lines: a lower-case start, or an indented line under a bullet.
        continues = open_unit and (line.text[:1].islower() or (line.indented and units[-1].kind == "bullet"))
        if line.kind == "prose" and continues and units[-1].kind in ("bullet", "prose"):
            units[-1].text += " " + line.text
            continue
        units.append(_Unit(line.kind, line.text, line.name, line.list_style))
        open_unit = True
    return units


def _requirement_items(blocks: list[_Block]) -> list[_Item]:
    """Items in posting order; requirement-like sentences elsewhere only if no requirement section has any."""
    found: list[tuple[_Item, bool]] = []  # (item, from the fallback)
    from_sections = 0
    for block in blocks:
        in_requirements = block.name in _REQUIREMENT_SECTIONS
        listing = listing_preferred = False  # bullets under a requirement lead-in outside a section
        for unit in _units(block):
            if _is_empty_body(unit.text):
                continue
            if unit.kind == "label":
                preferred = unit.name == "PREFERRED"
                found.extend((item, False) for item in _items_of(unit.text, unit.list_style, preferred))
            elif in_requirements and unit.kind in ("bullet", "prose"):
                preferred = block.name == "PREFERRED"
                list_style = block.list_style or block.name == "SKILLS"
                if unit.kind == "bullet" and not list_style:
                    section_items = [_item(unit.text, preferred=preferred)]
                else:
                    section_items = _items_of(unit.text, list_style, preferred)
                section_items = [item for item in section_items if item.text]
                found.extend((item, False) for item in section_items)
                from_sections += len(section_items)
            elif unit.kind == "leadin":
                listing = bool(_REQUIREMENT_LEADIN.search(unit.text))
                listing_preferred = bool(_PREFERRED_WORDS.search(unit.text))
            elif unit.kind == "bullet" and listing:
                found.append((_item(unit.text, preferred=listing_preferred), True))
            elif unit.kind in ("bullet", "prose"):
                listing = False
                found.extend(
                    (_item(sentence, preferred=False), True)
                    for sentence in _sentences(unit.text)
                    if _REQUIREMENT_LIKE.search(sentence)
                )
    items: list[_Item] = []
    seen: set[str] = set()
    for item, fallback in found:
        key = item.text.casefold()
        if not item.text or (fallback and from_sections) or key in seen:
            continue
        seen.add(key)
        items.append(item)
    return items


def _items_of(text: str, list_style: bool, preferred: bool) -> list[_Item]:
    parts = _list_parts(text) if list_style else None
    if parts is None:
        parts = _sentences(text)
    return [item for item in (_item(part, preferred=preferred) for part in parts) if item.text]


def _item(text: str, *, preferred: bool) -> _Item:
    cleaned = _SPACES.sub(" ", text).strip().strip(",;").strip()
    if not any(ch.isalnum() for ch in cleaned) or _is_empty_body(cleaned):
        cleaned = ""
    is_preferred = preferred or bool(_PREFERRED_WORDS.search(cleaned))
    return _Item(cleaned, RequirementKind.PREFERRED if is_preferred else RequirementKind.REQUIRED)


def _split_outside_brackets(text: str, separators: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    start = 0
    for index, ch in enumerate(text):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif ch in separators and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [part.strip() for part in parts]


def _list_parts(text: str) -> list[str] | None:
    """'Python, Django or FastAPI, Docker.' -> ['Python', 'Django or FastAPI', 'Docker']; None if not a list.

    A list is short entries (<= 6 words) with no sentence break. "a, b, or c" stays one item: the "or"
    makes the entries alternatives of each other, not separate requirements.
    """
    body = text.strip().rstrip(".").strip()
    if len(_sentences(body)) > 1:
        return None
    parts = [part for part in _split_outside_brackets(body, ",;") if part]
    if not parts or any(len(part.split()) > 6 for part in parts):
        return None
    if len(parts) > 1 and parts[-1].lower().startswith("or "):
        return [body]
    return [re.sub(r"^and\s+", "", part, flags=re.IGNORECASE) for part in parts]


def _sentences(text: str) -> list[str]:
    """Split prose into sentences; "B.S.", "e.g.", "i.e.", "etc.", "U.S." and initials do not end one."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()].split()
        token = (before[-1] if before else "").lstrip("\"'‘“([") + "."
        if token.lower() in _ABBREVIATIONS or _DOTTED_ABBREVIATION.fullmatch(token):
            continue
        sentences.append(text[start : match.end()].strip())
        start = match.end()
    sentences.append(text[start:].strip())
    return [sentence for sentence in sentences if sentence]


def _alternatives(text: str) -> tuple[str, ...]:
    """Ways to meet a requirement: the named choices ("Django or FastAPI") and "equivalent experience"."""
    found: list[str] = []
    for match in _NAME_CHOICE.finditer(text):
        names = [*match.group(1).split(","), match.group(2)]
        choices = [name for name in (_strip_lead_words(name) for name in names) if name]
        if len(choices) >= 2:
            found.extend(choices)
    if _EQUIVALENT.search(text):
        found.append("equivalent experience")
    return tuple(dict.fromkeys(found))


def _strip_lead_words(name: str) -> str:
    words = name.split()
    while words and words[0].lower() in _LEAD_WORDS:
        words.pop(0)
    return " ".join(words)
