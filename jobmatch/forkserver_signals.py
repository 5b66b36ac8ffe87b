"""Imported only by the fork server (its preload, see :func:`jobmatch.workers._context`), never by the
main process: the server, and every worker it forks, ignore SIGTERM and SIGHUP.

A signal sent to the whole process group (``kill -- -PGID``, a closed terminal) then reaches only the main
process, which ends the workers (SIGKILL) and stops the server and waits for it. Killed by the signal
itself, the server would die before reaping its workers, and they would be left to init. A worker still
ends with its parent (``_exit_when_orphaned``), and the server when the main process is gone.
"""

from __future__ import annotations

import signal

for _name in ("SIGTERM", "SIGHUP"):
    if hasattr(signal, _name):
        signal.signal(getattr(signal, _name), signal.SIG_IGN)
