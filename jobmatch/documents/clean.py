"""Turn raw extracted text into clean lines: repaired, safe, without bullets, fragments joined.

Every reader (PDF, DOCX, text) hands its raw lines to :func:`clean_lines`, so the same text reads the same
whatever file it came in. The steps, in order:

1. repair mojibake (UTF-8 read as Windows-1252: ``â€¢`` -> ``•``, ``Â`` -> no-break space) with ftfy,
   including sequences whose last byte was lost (``ï¼`` + a zero-width space -> ``－``), and the bullet
   shapes ftfy leaves (``â—¦`` -> ``◦``);
2. drop control, bidi and zero-width characters (:func:`jobmatch.sanitize.strip_unsafe`);
3. make every kind of space a plain space, collapse runs, trim (and tidy ``City , State`` -> ``City, State``);
4. join fragments that belong on one line: a date range split as ``01/2010`` / ``to`` / ``Current``, and a
   line that is only a connector (``,``, ``-``, ``|``) between two short lines;
5. strip list bullets (``•``, ``▪``, ``●``, ``- ``, symbol-font bullets …) at the start of a line, and a stray
   one left at its end;
6. drop empty lines.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator

import ftfy

from jobmatch.sanitize import clean_display, strip_unsafe

_FTFY = ftfy.TextFixerConfig(explain=False)

# ---------------------------------------------------------------------------- mojibake with a lost byte

# Mojibake whose bytes were partly lost. A UTF-8 character read as Windows-1252 shows as a lead character
# (Â-ô) and continuation characters; the bytes cp1252 cannot show (0x81 0x8D 0x8F 0x90 0x9D) come out of
# web-to-PDF tools as a zero-width space or U+FFFD, and 0xA0 (no-break space) as a plain space, so ftfy
# cannot repair "ï¼\u200b" (for "－"), "â\u200b–" (for "❖") or "Â " (for a no-break space). We try the
# lost byte's possible values and keep the first that gives a character résumés plausibly use.
_CONTINUATIONS = "".join(
    ch for ch in bytes(range(0x80, 0xC0)).decode("cp1252", errors="replace") if ch != "\ufffd"
)
_STAND_INS = "\u200b\ufffd"
_LOST_BYTE = re.compile(
    f"([\u00c2-\u00f4])([{_CONTINUATIONS}{_STAND_INS}]{{1,3}}|(?=[ \\n]|$))", re.MULTILINE
)
_LOST_CANDIDATES = (0x8D, 0x9D, 0x81, 0x8F, 0x90)  # in order of preference; 0xA0 when a space stands in
_PLAUSIBLE = (
    (0x00A1, 0x024F),  # Latin-1 and Latin Extended
    (0x2010, 0x205E),  # general punctuation: dashes, quotes, bullets
    (0x20A0, 0x21FF),  # currency, letterlike, arrows
    (0x25A0, 0x27BF),  # geometric shapes, miscellaneous symbols, dingbats
    (0xFF01, 0xFF5E),  # fullwidth forms
)


def _plausible(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _PLAUSIBLE) and unicodedata.category(char)[0] in "LNPS"


def _fullwidth(data: bytes) -> bool:
    try:
        return 0xFF01 <= ord(data.decode("utf-8")) <= 0xFF5E
    except (UnicodeDecodeError, TypeError):
        return False


def _restore_lost_byte(match: re.Match[str]) -> str:
    lead = ord(match.group(1))
    needed = 1 if lead < 0xE0 else 2 if lead < 0xF0 else 3
    items = match.group(2)
    if not any(ch in _STAND_INS for ch in items[:needed]):
        # Only a space (or the line end) follows, where a 0xA0 byte may have been.
        following = match.string[match.end() : match.end() + 1]
        if len(items) != needed - 1 or following not in (" ", "\n", ""):
            return match.group(0)
        # ``stand_in_dropped``: PDFium leaves the zero-width stand-in out of its text, so "ï¼" + space is
        # also "－" (its last byte 0x8D lost), the fullwidth dash web-to-PDF résumés separate employer and
        # place with ("Company Name － City"); 0xA0 there would make "＠", which no résumé writes. A
        # fullwidth form made by 0xA0 gives way to the stand-in bytes (1,186 of 2,484 corpus files).
        options: list[tuple[int, ...]] = [tuple(ch.encode("cp1252")) for ch in items] + [(0xA0,)]
        head = bytes((lead, *(b for o in options[:-1] for b in o)))
        if _fullwidth(head + b"\xa0"):
            options[-1] = (*_LOST_CANDIDATES, 0xA0)
        garbage = False
        rest = ""
    else:
        if len(items) < needed:
            return match.group(0)
        options = [
            _LOST_CANDIDATES if ch in _STAND_INS else tuple(ch.encode("cp1252")) for ch in items[:needed]
        ]
        garbage = True  # a lost byte we cannot restore: drop the whole sequence
        rest = items[needed:]
    for tail in itertools.product(*options):
        try:
            char = bytes((lead, *tail)).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if char == "\u00a0":
            return rest
        if _plausible(char):
            return char + rest
    return rest if garbage else match.group(0)


# ---------------------------------------------------------------------------- per-line normalisation

_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_SPACE_BEFORE_COMMA = re.compile(r"\s+([,;])")
_BULLET_CHARS = (
    "\u2022\u2023\u2043\u2219\u00b7\u2055\u2192\u2981\u29be\u29bf"
    "\u25a0-\u25ff"  # geometric shapes: ■ □ ▪ ▫ ► ● ○ ◆ ◇ ◍ ◦ …
    "\u2700-\u27bf"  # dingbats: ✓ ✔ ❖ ❍ ➢ ➤ …
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
_TERMINAL_ESCAPES = re.compile(
    r"\x1b\][^\x07\x1b\n]{0,2000}(?:\x07|\x1b\\)?"  # OSC … BEL or ST
    r"|\x1b\[[0-?]{0,64}[ -/]{0,8}[@-~]"  # CSI
    r"|\x1b[@-Z\\-_]"  # other two-byte escapes
)


def repair_text(text: str) -> str:
    """Mojibake repaired (ftfy), line breaks unified, unsafe characters removed; newlines kept."""
    text = _TERMINAL_ESCAPES.sub("", text)
    text = _LOST_BYTE.sub(_restore_lost_byte, text)
    text = _fix_mojibake(text).replace("\ufffd", "")  # a replacement character carries nothing
    return strip_unsafe(text.replace("\r\n", "\n").replace("\r", "\n"))


def _shape_mojibake() -> dict[str, str]:
    """Box-drawing and geometric-shape bullets (U+2500–U+25FF: ◦ ◆ ▪ ►) read as Windows-1252: "â—¦" is
    "◦". ftfy leaves these three-character sequences alone, as "â" + a dash + a symbol could be text."""
    table: dict[str, str] = {}
    for code in range(0x2500, 0x2600):
        char = chr(code)
        try:
            table[char.encode("utf-8").decode("cp1252")] = char
        except UnicodeDecodeError:
            continue  # a byte Windows-1252 leaves undefined: this one cannot have been misread that way
    return table


_SHAPES = _shape_mojibake()
_SHAPE_MOJIBAKE = re.compile("|".join(map(re.escape, sorted(_SHAPES, key=len, reverse=True))))


def _fix_mojibake(text: str) -> str:
    """ftfy, line by line (as ftfy itself works), on the lines it could change: mojibake needs a
    non-ASCII character and an HTML entity an "&". Most résumé lines have neither, and ftfy costs about
    a millisecond per page where it has nothing to do; the control characters it would also remove go
    in strip_unsafe. Then the bullet shapes ftfy leaves (see :func:`_shape_mojibake`)."""
    fixed = (
        line if line.isascii() and "&" not in line else ftfy.fix_text(line, _FTFY)
        for line in text.split("\n")
    )
    joined = "\n".join(fixed)
    return _SHAPE_MOJIBAKE.sub(lambda m: _SHAPES[m.group(0)], joined) if "â" in joined else joined


def clean_lines(raw_lines: Iterable[str], *, fragments: bool = False) -> list[str]:
    """Clean lines from one page (or one DOCX/text file): see the module docstring for the steps.

    ``fragments``: the lines come from PDF text extraction, where a line of only spaces is the gap between
    two pieces of one visual line rather than a paragraph break, so it is dropped before joining.
    """
    text = repair_text("\n".join(raw_lines))
    raw = text.split("\n")
    if fragments:
        raw = [line for line in raw if not line or not line.isspace()]
    joined = join_fragments([_SPACES.sub(" ", line).strip() for line in raw])
    return [line for line in map(normalize_line, joined) if line]


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
