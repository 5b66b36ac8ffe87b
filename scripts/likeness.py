"""How many files of a folder read as "not a résumé" (jobmatch.signals.likeness), for measuring the detector.

    python scripts/likeness.py [--sample N --seed S] FILE_OR_GLOB...

Prints one line per flagged file (its reason) and a count; --all prints every file's signs.
"""

from __future__ import annotations

import argparse
import glob
import multiprocessing
import random
import sys
from pathlib import Path

from jobmatch.documents import DEFAULT_LIMITS, parse_document, read_bytes
from jobmatch.errors import DocumentError
from jobmatch.signals import extract_signals
from jobmatch.signals.likeness import doubt, signs


def _one(path: str) -> tuple[str, str, str]:
    try:
        data = read_bytes(Path(path), DEFAULT_LIMITS)
        document = parse_document(Path(path), path, data, DEFAULT_LIMITS)
    except DocumentError as exc:
        return path, "unreadable", exc.reason
    facts = extract_signals(document)
    names = " ".join(("+" if s.for_resume else "-") + s.name for s in signs(document, facts))
    return path, doubt(document, facts), names


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--all", action="store_true")
    args = parser.parse_args()
    files = sorted({f for p in args.paths for f in (glob.glob(p) or [p])})
    if args.sample:
        files = sorted(random.Random(args.seed).sample(files, min(args.sample, len(files))))
    with multiprocessing.Pool(2) as pool:
        rows = pool.map(_one, files)
    flagged = [r for r in rows if r[1] and r[1] != "unreadable"]
    for path, reason, names in rows:
        if args.all or (reason and reason != "unreadable"):
            print(f"{path}: {reason or 'résumé'} [{names}]")
    unreadable = sum(1 for r in rows if r[1] == "unreadable")
    print(f"{len(flagged)} of {len(rows)} flagged as not a résumé ({unreadable} unreadable)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
