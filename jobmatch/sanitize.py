"""Make untrusted text (résumé content, metadata, file names) safe to show or export.

Résumés come from strangers: their text must never become terminal control sequences, bidi tricks or
spreadsheet formulas. Everything printed passes through :func:`clean_display`; every CSV cell through
:func:`csv_cell`.
"""

from __future__ import annotations

import re

# C0 controls except \t and \n, DEL, C1 controls; bidi marks, embeddings, overrides and isolates (U+061C
# Arabic letter mark included); zero-width and invisible format characters (soft hyphen, Mongolian vowel
# separator, word joiner, BOM); line/paragraph separators (they break a table row as a newline would); tag
# characters (U+E0000-U+E007F: invisible ASCII look-alikes used to smuggle text past a reader).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"
)
_SURROGATES = re.compile("[\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]+")
_FORMULA_LEAD = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def strip_unsafe(text: str, *, keep_newlines: bool = True) -> str:
    """Remove control, bidi and zero-width characters. Newlines are kept unless asked otherwise."""
    # Lone surrogates (from undecodable file names) cannot be encoded for output.
    cleaned = _SURROGATES.sub("\ufffd", _UNSAFE.sub("", text))
    if not keep_newlines:
        cleaned = cleaned.replace("\n", " ").replace("\r", " ")
    return cleaned


def clean_display(text: str) -> str:
    """One safe line for a terminal: no controls, no newlines, runs of spaces collapsed."""
    text = strip_unsafe(text.replace("\r", " ").replace("\n", " ").replace("\t", " "))
    return _SPACES.sub(" ", text).strip()


# What json.dumps(ensure_ascii=False) leaves raw but a terminal showing the JSON could act on: the unsafe
# characters other than the C0 controls (JSON escapes those itself), and any lone surrogate.
_JSON_RAW_UNSAFE = re.compile(
    "[\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff"
    "\ufff9-\ufffb\U000e0000-\U000e007f\ud800-\udfff]"
)


def exact_name(name: str) -> tuple[str, str | None]:
    """A file name for machine output, kept exactly: ``(text, base64 of its bytes or None)``.

    Names come from the file system as Python gives them: bytes that are not UTF-8 are lone surrogates
    (U+DC80-U+DCFF, "surrogateescape"), which no UTF-8 output can carry. ``text`` is the name with every
    character kept (controls too: JSON escapes them) and each such byte shown as U+FFFD; for exactly those
    names the second item is the standard base64 of the name's bytes, from which the name is recovered
    (``base64.b64decode`` gives the bytes to open). For a UTF-8 name it is None: ``text`` is the name.
    """
    if not _SURROGATES.search(name):
        return name, None
    import base64

    try:
        raw = name.encode("utf-8", "surrogateescape")  # the bytes the file system gave
    except UnicodeEncodeError:  # a surrogate that did not come from a byte (not a POSIX name): keep it too
        raw = name.encode("utf-8", "surrogatepass")
    return _SURROGATES.sub("\ufffd", name), base64.b64encode(raw).decode("ascii")


def escape_json_text(text: str) -> str:
    """JSON text from ``json.dumps(..., ensure_ascii=False)`` with the characters a terminal could act on
    (C1 controls, bidi, zero-width, tag characters) written as ``\\uXXXX`` escapes: the same JSON value,
    but nothing in the bytes that can reorder, hide or colour what a person sees. Outside strings JSON text
    is ASCII, so every such character is inside a string and its escape means the same character."""
    return _JSON_RAW_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def display_path(text: str) -> str:
    """A file name made printable: undecodable bytes (surrogate escapes) shown as U+FFFD."""
    return clean_display(text)


def csv_cell(value: object) -> str:
    """A CSV cell that no spreadsheet will execute: a leading = + - @ tab or CR gets a quote prefix."""
    text = "" if value is None else str(value)
    text = strip_unsafe(text, keep_newlines=False)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return text  # numbers (including negative ones) are data, not formulas
    stripped = text.lstrip(" ")
    if stripped.startswith(_FORMULA_LEAD) or text.startswith(_FORMULA_LEAD):
        return "'" + text
    return text
