"""What every shortlist page must be, whatever the résumés held: checked on the parsed HTML, not on strings.

:func:`check_page` first parses a page as a browser does (html5lib, the WHATWG algorithm, strict: any parse
error fails), then walks it with the standard library's HTML parser and fails on anything a hostile
résumé could have smuggled in: an element or attribute the template does not write, an event handler, a
URL (``src``, ``href`` other than ``#anchor``, ``javascript:``), a script other than our own, a missing or
loose Content-Security-Policy, unbalanced tags. It returns the page's text, so callers can check that a
hostile string arrived as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import html5lib

from jobmatch.render.html import inline_assets

VOID = {"meta", "br", "input", "link", "img", "hr", "wbr", "col", "source", "area", "base", "embed"}
# Every element the template writes. A tag outside this set can only have come from the data.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "p", "h1", "h2", "h3", "dl", "div", "dt",
    "dd", "code", "section", "ol", "li", "span", "noscript", "label", "input", "output", "table", "thead",
    "tbody", "tr", "th", "td", "a", "br", "article", "strong", "ul", "q", "mark", "footer", "script",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "lang", "charset", "http-equiv", "content", "name", "class", "aria-labelledby", "id", "hidden", "type",
    "placeholder", "autocomplete", "min", "max", "step", "value", "aria-live", "scope", "data-sort",
    "title", "data-detail", "data-score", "data-musts", "data-value", "href",
}  # fmt: skip
CSP_MUST = ("default-src 'none'", "base-uri 'none'", "form-action 'none'")


@dataclass
class Page:
    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)  # text nodes outside <script> and <style>, unescaped
    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def all_text(self) -> str:
        return "".join(self.text)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.page.problems.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
            return
        self.open.pop()

    def handle_data(self, data: str) -> None:
        current = self.open[-1] if self.open else ""
        if current == "script":
            self.page.scripts.append(data)
        elif current == "style":
            self.page.styles.append(data)
        else:
            self.page.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.page.problems.append(f"comment in the page: {data[:60]!r}")

    def handle_pi(self, data: str) -> None:
        self.page.problems.append(f"processing instruction: {data[:60]!r}")


def parse(html: str) -> Page:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    if parser.open:
        parser.page.problems.append(f"never closed: {parser.open}")
    return parser.page


def check_page(html: str) -> Page:
    """Parse ``html`` and assert it is a safe, self-contained shortlist page; return what it holds."""
    assert html.startswith("<!DOCTYPE html>\n"), html[:40]
    html5lib.HTMLParser(strict=True).parse(html)  # raises html5lib.html5parser.ParseError
    page = parse(html)
    problems = list(page.problems)
    assets = inline_assets()
    metas = [attrs for tag, attrs in page.tags if tag == "meta"]
    csp = [
        a.get("content") or ""
        for a in metas
        if (a.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    if len(csp) != 1:
        problems.append(f"{len(csp)} Content-Security-Policy meta tags")
    elif csp[0] != assets.csp or not all(rule in csp[0] for rule in CSP_MUST):
        problems.append(f"Content-Security-Policy is not ours: {csp[0]!r}")
    order = [tag if tag != "meta" or "http-equiv" not in attrs else "csp" for tag, attrs in page.tags]
    if "csp" in order and not order.index("csp") < order.index("style") < order.index("script"):
        problems.append("the Content-Security-Policy must come before the stylesheet and the script")
    for tag, attrs in page.tags:
        if tag not in ALLOWED_TAGS:
            problems.append(f"unexpected element <{tag}>")
        for name, value in attrs.items():
            if name not in ALLOWED_ATTRIBUTES:
                problems.append(f"unexpected attribute {name}= on <{tag}>")
            if name.startswith("on"):
                problems.append(f"event handler {name}= on <{tag}>")
            if name == "href" and not re.fullmatch(r"#c\d+", value or ""):
                problems.append(f"link to {value!r}: only the page's own anchors may be linked")
            if (value or "").strip().lower().startswith(("javascript:", "data:", "http:", "https:", "//")):
                problems.append(f"URL-like value {value!r} in {name}= on <{tag}>")
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() not in ("", "content-security-policy"):
            problems.append(f"meta http-equiv={attrs.get('http-equiv')!r}")
    if page.scripts != [assets.js]:
        problems.append(f"{len(page.scripts)} script(s), not exactly our own")
    if page.styles != [assets.css]:
        problems.append(f"{len(page.styles)} stylesheet(s), not exactly our own")
    assert not problems, "\n".join(problems[:20])
    return page
