"""Where the output goes: standard output or ``-o FILE``, in the encoding its format promises.

Writing can fail in ways that are not bugs: a full disk (``> /dev/full``), a closed standard output
(``>&-``), a file that cannot be created. Every such failure becomes one :class:`OutputError` (a one-line
message and exit code 74), never an "internal error". A reader that went away (``| head``) is not a
failure: :class:`BrokenPipeError` passes through for the CLI to exit quietly.

Machine formats are UTF-8 whatever the locale (JSON must be; CSV adds a byte-order mark for Excel), so a
``LANG=…ISO-8859-1`` shell cannot make them fail or lose characters. Human formats follow the terminal's
encoding and show what it cannot encode as ``?``.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import BinaryIO, TextIO

from jobmatch.errors import OutputError


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


def _is_utf8(encoding: str | None) -> bool:
    return (encoding or "").lower().replace("_", "-") in ("utf-8", "utf8", "utf-8-sig")


class GuardedOutput(io.TextIOBase, TextIO):
    """A text stream that turns write failures into :class:`OutputError` naming ``label``."""

    def __init__(self, inner: TextIO, label: str, *, detach: bool = False) -> None:
        super().__init__()
        self._inner = inner
        self.label = label
        self._detach = detach  # our own layer over sys.stdout's buffer: detach it, never close it

    def _failed(self, exc: OSError) -> OutputError:
        return OutputError(f"cannot write {self.label}: {_reason(exc)}")

    def write(self, text: str) -> int:
        try:
            return self._inner.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._failed(exc) from None

    def flush(self) -> None:
        try:
            self._inner.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._failed(exc) from None

    def isatty(self) -> bool:
        try:
            return self._inner.isatty()
        except (OSError, ValueError):
            return False

    def fileno(self) -> int:
        return self._inner.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._inner, "encoding", None) or "utf-8"

    def writable(self) -> bool:
        return True

    def close(self) -> None:
        """Nothing: the target is closed by :meth:`close_target`, never by the garbage collector (which
        would flush again after a failure and print "Exception ignored")."""

    def close_target(self) -> None:
        """Flush and, for ``-o FILE``, close the file (standard output stays open for the interpreter)."""
        self.flush()
        if self._detach and isinstance(self._inner, io.TextIOWrapper):
            self._inner.detach()
        elif self.label != "standard output":
            try:
                self._inner.close()
            except OSError as exc:
                raise self._failed(exc) from None


def open_output(path: Path | None, stdout: TextIO | None, *, encoding: str, machine: bool) -> GuardedOutput:
    """The stream a renderer writes to: ``path`` (created or truncated) or ``stdout``.

    ``stdout`` is None when the process was started with its standard output closed.
    """
    if path is not None:
        try:
            handle = open(path, "w", encoding=encoding, newline="")  # noqa: SIM115 - closed by close_target
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {_reason(exc)}") from None
        return GuardedOutput(handle, str(path))
    if stdout is None:
        raise OutputError("cannot write standard output: it is closed (give -o FILE, or do not close it)")
    buffer: BinaryIO | None = getattr(stdout, "buffer", None)
    current = getattr(stdout, "encoding", None)
    if machine and buffer is not None and (encoding != "utf-8" or not _is_utf8(current)):
        # Our own UTF-8 layer over the same file descriptor; flushed by close_target, never closed.
        stdout.flush()
        wrapper = io.TextIOWrapper(buffer, encoding=encoding, newline="", write_through=True)
        return GuardedOutput(wrapper, "standard output", detach=True)
    if not machine and not _is_utf8(current) and hasattr(stdout, "reconfigure"):
        stdout.reconfigure(errors="replace")
    return GuardedOutput(stdout, "standard output")


def silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null so the interpreter's last flush of unwritten output cannot fail
    again (after a closed pipe or a full disk); nothing here may raise."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass
