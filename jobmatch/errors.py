"""Domain errors and the exit codes the CLI turns them into.

Nothing here imports from the rest of jobmatch: every layer may raise these.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, documented in the README and ``jobmatch --help``."""

    OK = 0  # every input file was ranked
    SKIPPED = 1  # finished, but at least one file was skipped (see stderr / ``skipped``)
    USAGE = 2  # bad options or arguments, missing posting, ambiguous posting
    NOTHING_READABLE = 3  # no résumé in the folder could be read
    NONE_QUALIFIED = 4  # résumés were read, but none is at or above --min-score or meets every must-have
    INTERNAL = 70  # a bug in jobmatch (EX_SOFTWARE)
    OUTPUT_FAILED = 74  # output not written: disk full, stdout closed, -o FILE not writable (EX_IOERR)


class JobmatchError(Exception):
    """Base class: a readable message and the exit code it maps to."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(JobmatchError):
    """The user asked for something that cannot be done as asked."""

    exit_code = ExitCode.USAGE


class PostingError(JobmatchError):
    """The posting is missing, ambiguous, unreadable or has no requirements."""

    exit_code = ExitCode.USAGE


class NothingReadableError(JobmatchError):
    """No résumé could be read."""

    exit_code = ExitCode.NOTHING_READABLE


class OutputError(JobmatchError):
    """The output cannot be written (a full disk, a closed standard output, a file that cannot be created)."""

    exit_code = ExitCode.OUTPUT_FAILED


class DocumentError(JobmatchError):
    """One résumé cannot be read. ``reason`` is the one-line text shown under *skipped*."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
