"""Open a jobmatch HTML report in headless Chromium, as a hiring manager's browser would, and watch it.

Usage::

    python scripts/browser.py REPORT.html SHOT.png [--width 1280] [--height 900] [--full-page]

Prints every request the page made, every console message and script error, and exits 1 if the page
reached for anything but its own file or logged an error. The tests (``tests/test_browser.py``) use the
same functions; the README's screenshot is made with this script.

Chromium comes from the distribution (Debian's ``chromium``: ``/usr/bin/chromium``), driven by Playwright
through ``executable_path``: Playwright's own browser download is never used (this machine cannot fetch
one). ``JOBMATCH_CHROMIUM`` names another binary.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BROWSER_NAMES = ("chromium", "chromium-headless-shell", "chromium-browser", "google-chrome")
# Without these, Chromium reaches out at start-up (component updates, safe browsing, sync): requests that
# have nothing to do with the page and that a closed network refuses.
QUIET_FLAGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--no-first-run",
    "--no-pings",
    "--disable-gpu",
)
# The page records any Content-Security-Policy violation it meets (a blocked fetch, style or script).
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def find_browser() -> str | None:
    """The Chromium binary to drive: ``$JOBMATCH_CHROMIUM`` or the first of :data:`BROWSER_NAMES` on PATH."""
    named = os.environ.get("JOBMATCH_CHROMIUM", "")
    if named:
        return named if os.access(named, os.X_OK) else None
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass
class Watch:
    """What a page did while it was open."""

    page_url: str
    requests: list[str] = field(default_factory=list)  # every URL asked for, the page's own included
    console_errors: list[str] = field(default_factory=list)
    script_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)  # alert(), confirm(): only an injected script opens one

    @property
    def outside_requests(self) -> list[str]:
        return [url for url in self.requests if url != self.page_url]

    @property
    def problems(self) -> list[str]:
        return [
            *(f"request: {url}" for url in self.outside_requests),
            *(f"console error: {text}" for text in self.console_errors),
            *(f"script error: {text}" for text in self.script_errors),
            *(f"dialog: {text}" for text in self.dialogs),
        ]


@contextmanager
def browser(executable: str) -> Iterator[Any]:
    """A headless Chromium, closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, headless=True, args=list(QUIET_FLAGS)
        )
        try:
            yield launched
        finally:
            launched.close()


def open_report(
    launched: Any, report: Path, *, javascript: bool = True, width: int = 1280, height: int = 900
) -> tuple[Any, Watch]:
    """A new page showing ``report`` from disk, with every request, console error and dialog recorded.

    Any request for something other than the report itself is recorded, then aborted, so nothing leaves
    the machine even if the page tried.
    """
    url = report.resolve().as_uri()
    watch = Watch(url)
    context = launched.new_context(
        java_script_enabled=javascript, viewport={"width": width, "height": height}, device_scale_factor=1
    )

    def route(request_route: Any) -> None:
        if request_route.request.url == url:
            request_route.continue_()
        else:
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("request", lambda request: watch.requests.append(request.url))
    page.on(
        "console",
        lambda message: watch.console_errors.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: watch.script_errors.append(str(error)))

    def dialog(opened: Any) -> None:
        watch.dialogs.append(opened.message)
        opened.dismiss()

    page.on("dialog", dialog)
    if javascript:
        page.add_init_script(WATCH_CSP)
    page.goto(url, wait_until="load")
    if javascript:
        for violation in page.evaluate("window.__cspViolations || []"):
            watch.console_errors.append(f"CSP violation: {violation}")
    return page, watch


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("shot", type=Path)
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--full-page", action="store_true")
    args = parser.parse_args(argv)
    executable = find_browser()
    if executable is None:
        print(f"no browser: install Debian's chromium or set JOBMATCH_CHROMIUM ({', '.join(BROWSER_NAMES)})")
        return 2
    with browser(executable) as launched:
        page, watch = open_report(launched, args.report, width=args.width, height=args.height)
        page.screenshot(path=str(args.shot), full_page=args.full_page)
    print(f"requests: {len(watch.requests)} ({len(watch.outside_requests)} outside the page's own file)")
    for problem in watch.problems:
        print(problem)
    print(f"wrote {args.shot}")
    return 1 if watch.problems else 0


if __name__ == "__main__":
    sys.exit(main())
