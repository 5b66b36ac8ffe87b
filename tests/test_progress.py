"""Progress goes to stderr only when it is a terminal."""

from __future__ import annotations

import io

from jobmatch.render import progress_reporter


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_silent_when_not_a_terminal() -> None:
    stream = io.StringIO()
    with progress_reporter(stream) as progress:
        assert progress is None
    assert stream.getvalue() == ""


def test_bar_on_a_terminal() -> None:
    stream = _Tty()
    with progress_reporter(stream) as progress:
        assert progress is not None
        progress(1, 3)
        progress(3, 3)
    assert "3/3" in stream.getvalue()
