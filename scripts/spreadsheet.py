"""Open a jobmatch CSV in LibreOffice Calc, headless, check its columns and render it to a PNG.

    python scripts/spreadsheet.py shortlist.csv docs/shortlist-csv.png [--dpi 80] [--width PX]

What a recruiter's spreadsheet does with the file: LibreOffice (Debian's ``libreoffice-calc-nogui``)
imports the CSV as UTF-8 (filter ``CSV:44,34,76,1``), and the script

- saves the sheet back as CSV and compares it with the original, cell by cell, so a column that split,
  merged or lost its text shows up as a difference (numbers written back by Calc are compared as numbers);
- exports the sheet as one PDF page (``SinglePageSheets``) and turns it into a PNG with ``pdftoppm``
  (poppler-utils), cut to ``--width`` pixels from the left when given.

Needs ``soffice`` and ``pdftoppm`` on PATH; prints what it checked and exits non-zero on a difference.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CSV_FILTER = "CSV:44,34,76,1"  # comma, double quote, UTF-8 (76), start at row 1
PDF_FILTER = 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}'


def _soffice(source: Path, target: str, out_dir: Path, profile: Path) -> Path:
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            f"--infilter={CSV_FILTER}",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    suffix = target.split(":", 1)[0]
    return out_dir / f"{source.stem}.{suffix}"


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    try:
        return float(a) == float(b)
    except ValueError:
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--dpi", type=int, default=80)
    parser.add_argument("--width", type=int, default=0, help="keep only this many pixels from the left")
    args = parser.parse_args()
    for tool in ("soffice", "pdftoppm"):
        if shutil.which(tool) is None:
            print(f"{tool} not found (apt-get install libreoffice-calc-nogui poppler-utils)", file=sys.stderr)
            return 2
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = work / "sheet.csv"
        shutil.copyfile(args.csv, source)
        back_dir = work / "back"
        back_dir.mkdir()
        back = _soffice(source, "csv:Text - txt - csv (StarCalc):44,34,76,1", back_dir, work / "profile")
        original, reread = _rows(args.csv), _rows(back)
        problems = []
        if len(original) != len(reread):
            problems.append(f"{len(original)} rows written, {len(reread)} read back")
        for number, (a, b) in enumerate(zip(original, reread, strict=False), start=1):
            if len(a) != len(b):
                problems.append(f"row {number}: {len(a)} columns written, {len(b)} read back")
            else:
                problems.extend(
                    f"row {number}, column {col + 1}: {x!r} read back as {y!r}"
                    for col, (x, y) in enumerate(zip(a, b, strict=True))
                    if not _same(x, y)
                )
        pdf = _soffice(source, PDF_FILTER, work, work / "profile")
        crop = ["-x", "0", "-y", "0", "-W", str(args.width), "-H", "100000"] if args.width else []
        stem = work / "page"
        subprocess.run(
            ["pdftoppm", "-r", str(args.dpi), "-png", "-singlefile", *crop, str(pdf), str(stem)],
            check=True,
            timeout=300,
        )
        args.png.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(stem.with_suffix(".png"), args.png)
    header = original[0] if original else []
    print(f"{args.csv}: {len(original) - 1} candidate rows, {len(header)} columns, read back by LibreOffice")
    print(f"columns: {', '.join(h.split(':', 1)[0] for h in header)}")
    for problem in problems[:20]:
        print(f"DIFFERENCE {problem}")
    print(f"wrote {args.png}" + ("" if not problems else f" ({len(problems)} difference(s))"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
