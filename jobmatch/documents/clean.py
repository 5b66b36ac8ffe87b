"""Turn raw extracted text into clean lines: repaired, safe, without bullets, fragments joined.

Every reader (PDF, DOCX, text) hands its raw lines to :func:`clean_lines`, so the same text reads the same
whatever file it came in. The steps, in order:

1. repair mojibake (UTF-8 read as Windows-1252: ``â€¢`` -> ``•``, ``Â`` -> no-break space) with ftfy,
   including sequences whose last byte was lost (``ï¼`` + a zero-width space -> ``－``);
2. drop control, bidi and zero-width characters (:func:`jobmatch.sanitize.strip_unsafe`);
3. make every kind of space a plain space, collapse runs, trim, tidy ``City , State`` -> ``City, State``;
4. strip leading list bullets (``•``, ``▪``, ``●``, ``- ``, symbol-font bullets …);
5. join fragments that belong on one line: a date range split as ``01/2010`` / ``to`` / ``Current``, and a
   line that is only a connector (``,``, ``-``, ``|``) between two short lines;
6. drop empty lines.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

import ftfy

from jobmatch.sanitize import clean_display, strip_unsafe

_FTFY = ftfy.TextFixerConfig(explain=False)

# ---------------------------------------------------------------------------- mojibake with a lost byte

# A UTF-8 lead byte and its continuation bytes as Windows-1252 shows them, short of their last byte, then
# what stands in for that byte: a zero-width space or U+FFFD for the bytes cp1252 cannot show (0x81 0x8D 0x8F
# 0x90 0x9D), a plain space for 0xA0 (a no-break space that became a space): "Â " and "â– " (for "■ ").
_LOST_BYTE = re.compile("([\u00c2-\u00f4])([^\x00-\x7f\u200b\ufffd\\s]{0,2})([\u200b\ufffd ]|$)", re.MULTILINE)
# Which undefined byte it most likely was: 0x8D ends "－" (U+FF0D), 0x9D ends "”" (U+201D).
_LOST_CANDIDATES = (0x8D, 0x9D, 0x81, 0x8F, 0x90)


def _restore_lost_byte(match: re.Match[str]) -> str:
    try:
        known = (match.group(1) + match.group(2)).encode("cp1252")
    except UnicodeEncodeError:
        return match.group(0)
    lead = known[0]
    needed = 1 if lead < 0xE0 else 2 if lead < 0xF0 else 3
    if len(known) != needed or any(not 0x80 <= byte <= 0xBF for byte in known[1:]):
        return match.group(0)
    stand_in = match.group(3)
    for candidate in (0xA0,) if stand_in in (" ", "") else _LOST_CANDIDATES:
        try:
            char = (known + bytes([candidate])).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if char == "\u00a0":
            return " "
        if unicodedata.category(char)[0] in "LNPS":
            return char + (" " if stand_in == " " else "")
    if stand_in in (" ", ""):
        return match.group(0)  # not mojibake after all
    return ""  # it was a control or format character: nothing worth keeping


# ---------------------------------------------------------------------------- per-line normalisation

_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_SPACE_BEFORE_COMMA = re.compile(r"\s+([,;])")
_BULLET_CHARS = (
    "\u2022\u2023\u2043\u2219\u00b7\u2055\u2192\u2756\u2751\u2752\u2767\u2981\u29be\u29bf"
    "\u25a0-\u25ff"  # geometric shapes: ■ □ ▪ ▫ ► ● ○ ◆ ◇ ◍ ◦ …
    "\u2713-\u2718\u2794-\u27bf"  # check marks, dingbat arrows: ✓ ✔ ➢ ➤ …
    "\uf000-\uf0ff"  # private-use glyphs of Symbol/Wingdings bullets (e.g. U+F0B7, U+F0A7)
)
_LEADING_BULLETS = re.compile(rf"^(?:[{_BULLET_CHARS}]\s*|[-\u2013\u2014*+]\s+)+")
_TRAILING_BULLETS = re.compile(rf"(?:\s*[{_BULLET_CHARS}])+$")  # a bullet that lost its item to the next line


def normalize_line(line: str) -> str:
    """One line with plain single spaces, no leading bullet, no space before a comma."""
    line = _SPACES.sub(" ", line).strip()
    line = _TRAILING_BULLETS.sub("", _LEADING_BULLETS.sub("", line))
    return _SPACE_BEFORE_COMMA.sub(r"\1", line)


# ---------------------------------------------------------------------------- fragment joining

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = (
    r"(?:\d{1,2}[/.\-]\d{4}|\d{4}[/.\-]\d{1,2}|\d{1,2}/\d{2}|" + _MONTH + r"\.?,?\s*(?:\d{4}|'\d{2})"
    r"|(?:19|20)\d{2}|current|present|now|today|date|ongoing)"
)
_CONNECTOR_WORD = r"(?:to|till|until|through|thru|[-\u2013\u2014~])"
_ENDS_WITH_DATE = re.compile(rf"(?:^|[\s(])(?:{_DATE})$", re.IGNORECASE)
_ENDS_WITH_DATE_CONNECTOR = re.compile(rf"(?:^|[\s(]){_DATE}\s*{_CONNECTOR_WORD}$", re.IGNORECASE)
_STARTS_WITH_DATE = re.compile(rf"^{_DATE}(?:$|[\s,.;:)])", re.IGNORECASE)
_STARTS_WITH_CONNECTOR_DATE = re.compile(rf"^{_CONNECTOR_WORD}\s*{_DATE}(?:$|[\s,.;:)])", re.IGNORECASE)
_CONNECTOR_LINE = re.compile(rf"^{_CONNECTOR_WORD}$", re.IGNORECASE)
_PUNCTUATION_LINE = re.compile(r"^[,|/\u00b7\-\u2013\u2014\uff0d]$")
_EDGE = 40  # characters at either end of a line that the date rules look at
_SHORT = 60  # a connector-only line joins its neighbours only when both are this short (labels, not prose)


def _join(left: str, right: str) -> str:
    if right.startswith((",", ";", ".", ")")):
        return left + right
    return f"{left} {right}"


def join_fragments(lines: list[str]) -> list[str]:
    """Join lines that a layout split mid-phrase. Empty strings mark blank lines and stop any joining."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        prev = out[-1] if out else ""
        if prev and line:
            # Only the ends of a line can take part: look at short slices (a line may be 5,000 characters).
            tail, head, nxt_head = prev[-_EDGE:], line[:_EDGE], nxt[:_EDGE]
            if (
                _CONNECTOR_LINE.match(line)
                and nxt
                and _ENDS_WITH_DATE.search(tail)
                and _STARTS_WITH_DATE.match(nxt_head)
            ):
                out[-1] = f"{prev} {line} {nxt}"
                i += 2
                continue
            if (_ENDS_WITH_DATE_CONNECTOR.search(tail) and _STARTS_WITH_DATE.match(head)) or (
                _ENDS_WITH_DATE.search(tail) and _STARTS_WITH_CONNECTOR_DATE.match(head)
            ):
                out[-1] = f"{prev} {line}"
                i += 1
                continue
            if _PUNCTUATION_LINE.match(line) and nxt and len(prev) <= _SHORT and len(nxt) <= _SHORT:
                out[-1] = _join(_join(prev, line), nxt)
                i += 2
                continue
        out.append(line)
        i += 1
    return out


# ---------------------------------------------------------------------------- public helpers


# Whole terminal escape sequences (OSC title/hyperlink/clipboard, CSI colour/cursor), not just their ESC:
# stripping only the control character would leave "]0;PWNED" behind.
_TERMINAL_ESCAPES = re.compile(r"\x1b\][^\x07\x1b\n]{0,2000}(?:\x07|\x1b\\)?|\x1b\[[0-?]{0,64}[ -/]{0,8}[@-~]|\x1b[@-Z\\-_]")


def repair_text(text: str) -> str:
    """Mojibake repaired (ftfy), line breaks unified, unsafe characters removed; newlines kept."""
    text = _TERMINAL_ESCAPES.sub("", text)
    text = _LOST_BYTE.sub(_restore_lost_byte, text)
    text = ftfy.fix_text(text, _FTFY)
    return strip_unsafe(text.replace("\r\n", "\n").replace("\r", "\n"))


def clean_lines(raw_lines: Iterable[str], *, fragments: bool = False) -> list[str]:
    """Clean lines from one page (or one DOCX/text file): see the module docstring for the steps.

    ``fragments``: the lines come from PDF text extraction, where a line of only spaces is the gap between
    two pieces of one visual line rather than a paragraph break, so it is dropped before joining.
    """
    text = repair_text("\n".join(raw_lines))
    raw = text.split("\n")
    if fragments:
        raw = [line for line in raw if not line or not line.isspace()]
    lines = [normalize_line(line) for line in raw]
    return [line for line in join_fragments(lines) if line]


def clean_inline(text: str, max_chars: int = 300) -> str:
    """A short untrusted string (a metadata title) made into one safe, repaired line."""
    return clean_display(repair_text(text[: max_chars * 4]))[:max_chars]


def split_long_line(line: str, max_chars: int) -> Iterator[str]:
    """Pieces of ``line`` of at most ``max_chars`` characters, cut at a space near the limit when possible."""
    while len(line) > max_chars:
        cut = line.rfind(" ", max_chars * 4 // 5, max_chars + 1)
        if cut <= 0:
            cut = max_chars
        yield line[:cut].rstrip()
        line = line[cut:].lstrip()
    if line:
        yield line
