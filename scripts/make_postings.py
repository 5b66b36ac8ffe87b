"""Write the DOCX posting of ``requirements/`` (an accounts-payable clerk) reproducibly.

Usage::

    python scripts/make_postings.py requirements           # write requirements/APCLERK455.docx
    python scripts/make_postings.py requirements --check   # exit 1 if it is missing or stale

The other postings are plain text and Markdown, edited by hand; this one is a Word file, as a client
would send it (a heading, a table of facts, bulleted lists), so that ``jobmatch match`` reads a DOCX
posting too. The bytes are the same run after run: the core properties are fixed and the zip is
rewritten with fixed timestamps (python-docx stamps the current time on every member).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.shared import Pt

NAME = "APCLERK455.docx"
FIXED_DATE = datetime(2024, 1, 1)

FACTS = (
    ("Title", "Accounts Payable Clerk"),
    ("Job ID", "APCLERK455"),
    ("Client", "Desert Valley Foods Distribution"),
    ("Location", "Tempe, AZ (on-site, Monday to Friday)"),
    ("Type", "Full-time, temp to hire"),
)
SUMMARY = (
    "Desert Valley Foods Distribution, a regional food distributor, needs an Accounts Payable Clerk to "
    "process a high volume of vendor invoices accurately and on time. You will report to the Accounting "
    "Manager and work with purchasing and receiving to keep vendor accounts current."
)
DUTIES = (
    "Enter, code and match vendor invoices to purchase orders and receiving documents (three-way match)",
    "Prepare weekly check runs and ACH payments and keep vendor files current",
    "Reconcile vendor statements and resolve discrepancies with vendors and buyers",
    "Help with month-end close: accruals, AP aging reports and filing",
)
REQUIRED = (
    "2+ years of accounts payable or full-cycle bookkeeping experience",
    "Experience with an accounting system or ERP such as QuickBooks, Sage or NetSuite",
    "Intermediate Microsoft Excel skills, including VLOOKUP and pivot tables",
    "High school diploma or GED",
    "Strong attention to detail and accuracy with numbers",
)
PREFERRED = (
    "Associate's degree in accounting or business",
    "Experience in food distribution or wholesale",
)
CLOSING = (
    "Pay: $21–$24 per hour, depending on experience. Desert Valley Foods is an equal opportunity employer."
)


def build() -> bytes:
    doc: Any = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    props = doc.core_properties
    props.author = props.last_modified_by = "Desert Valley Foods HR"
    props.title = "Accounts Payable Clerk"
    props.created = props.modified = props.last_printed = FIXED_DATE
    props.revision = 1
    doc.add_heading("Accounts Payable Clerk", level=1)
    table = doc.add_table(rows=0, cols=2)
    for key, value in FACTS:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = f"{key}:", value
    doc.add_heading("Summary", level=2)
    doc.add_paragraph(SUMMARY)
    for heading, items in (
        ("Responsibilities", DUTIES),
        ("Requirements", REQUIRED),
        ("Preferred Qualifications", PREFERRED),
    ):
        doc.add_heading(heading, level=2)
        for item in items:
            doc.add_paragraph(item, style="List Bullet")
    doc.add_paragraph(CLOSING)
    return _fixed_zip(doc)


def _fixed_zip(doc: Any) -> bytes:
    """The DOCX bytes with fixed member timestamps, as the samples are written (one copy of that code)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from make_samples import _docx_bytes

    return bytes(_docx_bytes(doc))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is missing or stale")
    args = parser.parse_args(argv)
    target = args.folder / NAME
    data = build()
    if args.check:
        same = target.is_file() and target.read_bytes() == data
        print(f"{target}: {'up to date' if same else 'stale or missing'}")
        return 0 if same else 1
    target.write_bytes(data)
    print(f"wrote {target} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
