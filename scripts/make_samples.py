"""Regenerate the bundled sample résumés (``resumes/``) deterministically.

Usage::

    python scripts/make_samples.py OUTDIR            # write the samples into OUTDIR
    python scripts/make_samples.py OUTDIR --check    # exit 1 if OUTDIR is missing or stale

Every résumé is fictional (example.com e-mail addresses, 555 phone numbers, invented people and
small companies). Each one is written once in a tiny plain-text notation (see ``parse``) and rendered
to its target format: PDF (fpdf2, one or two columns), DOCX (python-docx, flowing or a two-column
table) or TXT/Markdown. Output is byte-identical from run to run: PDF metadata dates/producer are
fixed, DOCX core properties are fixed and the DOCX zip is rewritten with fixed timestamps.

The expected recruiter ranking of these samples against requirements/AVON147.txt is documented in
scripts/samples_expected.md. File names are ``firstname-lastname.ext`` so they leak nothing.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import textwrap
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Inches, Pt, RGBColor
from fpdf import FPDF, XPos, YPos

FIXED_DATE = datetime(2024, 1, 1, tzinfo=UTC)
ZIP_DATE = (2024, 1, 1, 0, 0, 0)
GENERATOR = "jobmatch scripts/make_samples.py"

Format = Literal["pdf", "pdf-2col", "docx", "docx-table", "txt", "md"]
EXTENSIONS: dict[Format, str] = {
    "pdf": "pdf",
    "pdf-2col": "pdf",
    "docx": "docx",
    "docx-table": "docx",
    "txt": "txt",
    "md": "md",
}


# --------------------------------------------------------------------------------------------------
# Data model and the small notation the samples are written in
# --------------------------------------------------------------------------------------------------


@dataclass
class Para:
    text: str


@dataclass
class Bullet:
    text: str


@dataclass
class Job:
    title: str
    company: str
    city: str
    dates: str
    bullets: list[str] = field(default_factory=list)


Item = Para | Bullet | Job


@dataclass
class Section:
    heading: str
    items: list[Item] = field(default_factory=list)


@dataclass
class Resume:
    slug: str
    fmt: Format
    name: str
    headline: str
    contact: list[str]
    sections: list[Section]
    header_note: str = ""  # docx-table only: footer line
    sidebar: tuple[str, ...] = ()  # pdf-2col only: section headings placed in the left column

    @property
    def filename(self) -> str:
        return f"{self.slug}.{EXTENSIONS[self.fmt]}"


def _logical_lines(source: str) -> list[str]:
    """Join continuation lines (indented by two spaces) onto the previous line."""
    out: list[str] = []
    for raw in textwrap.dedent(source).strip("\n").splitlines():
        if raw.startswith("  ") and out:
            out[-1] = f"{out[-1]} {raw.strip()}"
        elif raw.strip():
            out.append(raw.rstrip())
    return out


def parse(slug: str, fmt: Format, source: str, *, sidebar: tuple[str, ...] = (), footer: str = "") -> Resume:
    """Parse the sample notation.

    ``name:``, ``headline:`` and ``contact:`` (parts separated by `` | ``) come first; then
    ``## Heading`` starts a section, ``### title | company | city | dates`` starts a job, ``- text``
    is a bullet (belonging to the current job, if any) and any other line is a paragraph. A line
    starting with two spaces continues the previous line.
    """
    meta: dict[str, str] = {}
    sections: list[Section] = []
    job: Job | None = None
    for line in _logical_lines(source):
        if line.startswith("### "):
            parts = [p.strip() for p in line[4:].split("|")]
            if len(parts) != 4:
                raise ValueError(f"{slug}: job line needs title | company | city | dates: {line!r}")
            title, company, city, dates = parts
            job = Job(title, company, city, dates)
            sections[-1].items.append(job)
        elif line.startswith("## "):
            sections.append(Section(line[3:].strip()))
            job = None
        elif not sections:
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
        elif line.startswith("- "):
            if job is not None:
                job.bullets.append(line[2:].strip())
            else:
                sections[-1].items.append(Bullet(line[2:].strip()))
        else:
            job = None
            sections[-1].items.append(Para(line.strip()))
    resume = Resume(
        slug=slug,
        fmt=fmt,
        name=meta["name"],
        headline=meta["headline"],
        contact=[p.strip() for p in meta["contact"].split("|")],
        sections=sections,
        header_note=footer,
        sidebar=sidebar,
    )
    if fmt.startswith("pdf"):
        _check_latin1(resume)
    return resume


def _all_text(r: Resume) -> list[str]:
    texts = [r.name, r.headline, *r.contact, r.header_note]
    for s in r.sections:
        texts.append(s.heading)
        for item in s.items:
            if isinstance(item, Job):
                texts += [item.title, item.company, item.city, item.dates, *item.bullets]
            else:
                texts.append(item.text)
    return texts


def _check_latin1(r: Resume) -> None:
    """fpdf2's core fonts only cover Latin-1: fail loudly instead of writing '?' glyphs."""
    for text in _all_text(r):
        try:
            text.encode("latin-1")
        except UnicodeEncodeError as exc:
            raise ValueError(f"{r.slug}: PDF text must be Latin-1: {text!r}") from exc


# --------------------------------------------------------------------------------------------------
# Renderers
# --------------------------------------------------------------------------------------------------


def render_txt(r: Resume) -> bytes:
    width = 88
    lines = [r.name.upper(), r.headline, " | ".join(r.contact), ""]
    for s in r.sections:
        lines += [s.heading.upper(), "-" * len(s.heading), ""]
        for item in s.items:
            if isinstance(item, Job):
                lines.append(item.title)
                lines.append(f"{item.company}, {item.city}    {item.dates}")
                for b in item.bullets:
                    lines += textwrap.wrap(b, width, initial_indent="  * ", subsequent_indent="    ")
                lines.append("")
            elif isinstance(item, Bullet):
                lines += textwrap.wrap(item.text, width, initial_indent="* ", subsequent_indent="  ")
            else:
                lines += textwrap.wrap(item.text, width)
        if lines[-1]:
            lines.append("")
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")


def render_md(r: Resume) -> bytes:
    lines = [f"# {r.name}", "", f"**{r.headline}**  ", " · ".join(r.contact), ""]
    for s in r.sections:
        lines += [f"## {s.heading}", ""]
        for item in s.items:
            if isinstance(item, Job):
                lines += [f"### {item.title} — {item.company}, {item.city}", "", f"*{item.dates}*", ""]
                lines += [f"- {b}" for b in item.bullets]
                lines.append("")
            elif isinstance(item, Bullet):
                lines.append(f"- {item.text}")
            else:
                lines += [item.text, ""]
        if lines[-1]:
            lines.append("")
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")


# ---- PDF (fpdf2, core fonts) ---------------------------------------------------------------------

FONT = "Helvetica"
ACCENT = (31, 78, 121)


def _new_pdf(r: Resume) -> FPDF:
    pdf = FPDF(format="Letter", unit="mm")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_producer(GENERATOR)
    pdf.set_creator(GENERATOR)
    pdf.set_title(f"{r.name} - Resume")
    pdf.set_author(r.name)
    pdf.set_margins(18, 15, 18)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    return pdf


def _pdf_line(pdf: FPDF, text: str, h: float, style: str = "", size: float = 10) -> None:
    pdf.set_font(FONT, style, size)
    pdf.multi_cell(0, h, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _pdf_heading(pdf: FPDF, text: str) -> None:
    pdf.ln(2.5)
    pdf.set_text_color(*ACCENT)
    _pdf_line(pdf, text.upper(), 6, "B", 11)
    pdf.set_draw_color(*ACCENT)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.set_text_color(0, 0, 0)
    pdf.ln(1.5)


def _pdf_bullet(pdf: FPDF, text: str, size: float = 10) -> None:
    pdf.set_font(FONT, "", size)
    pdf.set_x(pdf.l_margin + 2)
    pdf.cell(4, 4.8, "-")
    pdf.multi_cell(0, 4.8, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _pdf_job(pdf: FPDF, job: Job) -> None:
    pdf.ln(1)
    _pdf_line(pdf, job.title, 5.2, "B", 10.5)
    pdf.set_font(FONT, "I", 10)
    where = f"{job.company}, {job.city}"
    pdf.cell(pdf.get_string_width(where) + 2, 5, where)
    pdf.set_font(FONT, "", 10)
    pdf.cell(0, 5, job.dates, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    for b in job.bullets:
        _pdf_bullet(pdf, b)


def _pdf_sections(pdf: FPDF, sections: list[Section]) -> None:
    for s in sections:
        _pdf_heading(pdf, s.heading)
        for item in s.items:
            if isinstance(item, Job):
                _pdf_job(pdf, item)
            elif isinstance(item, Bullet):
                _pdf_bullet(pdf, item.text)
            else:
                _pdf_line(pdf, item.text, 5)


def _pdf_bytes(pdf: FPDF) -> bytes:
    return bytes(pdf.output())


def render_pdf(r: Resume) -> bytes:
    pdf = _new_pdf(r)
    pdf.set_font(FONT, "B", 20)
    pdf.cell(0, 9, r.name, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 11)
    pdf.cell(0, 6, r.headline, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 9.5)
    pdf.cell(0, 5, "  |  ".join(r.contact), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    _pdf_sections(pdf, r.sections)
    return _pdf_bytes(pdf)


def render_pdf_two_column(r: Resume) -> bytes:
    """Name band across the top, a shaded left sidebar (contact + ``r.sidebar`` sections) and the
    remaining sections in the right column. The sidebar is drawn first, then the main column."""
    pdf = _new_pdf(r)
    pdf.set_auto_page_break(False)
    page_w, page_h = pdf.w, pdf.h
    band_h, side_x, side_w, gap = 30.0, 10.0, 56.0, 8.0
    main_x = side_x + side_w + gap

    pdf.set_fill_color(*ACCENT)
    pdf.rect(0, 0, page_w, band_h, style="F")
    pdf.set_fill_color(238, 242, 246)
    pdf.rect(0, band_h, side_x + side_w + gap / 2, page_h - band_h, style="F")

    pdf.set_text_color(255, 255, 255)
    pdf.set_xy(side_x, 8)
    pdf.set_font(FONT, "B", 22)
    pdf.cell(0, 10, r.name, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_x(side_x)
    pdf.set_font(FONT, "", 12)
    pdf.cell(0, 7, r.headline)
    pdf.set_text_color(0, 0, 0)

    sidebar = [Section("Contact", [Para(c) for c in r.contact])]
    sidebar += [s for s in r.sections if s.heading in r.sidebar]
    main = [s for s in r.sections if s.heading not in r.sidebar]

    # Left column.
    pdf.set_margins(side_x, 15, page_w - side_x - side_w)
    pdf.set_xy(side_x, band_h + 4)
    for s in sidebar:
        _pdf_heading(pdf, s.heading)
        for item in s.items:
            if isinstance(item, Bullet):
                _pdf_bullet(pdf, item.text, size=9)
            elif isinstance(item, Para):
                _pdf_line(pdf, item.text, 4.6, size=9)
            else:
                raise ValueError(f"{r.slug}: jobs belong in the main column")
        pdf.ln(1)
    if pdf.get_y() > page_h - 12:
        raise ValueError(f"{r.slug}: sidebar overflows the page")

    # Right column.
    pdf.set_margins(main_x, 15, 12)
    pdf.set_xy(main_x, band_h + 4)
    _pdf_sections(pdf, main)
    if pdf.get_y() > page_h - 12:
        raise ValueError(f"{r.slug}: main column overflows the page")
    return _pdf_bytes(pdf)


# ---- DOCX (python-docx) --------------------------------------------------------------------------


def _new_docx(r: Resume) -> Any:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    section = doc.sections[0]
    section.left_margin = section.right_margin = Inches(0.8)
    section.top_margin = section.bottom_margin = Inches(0.7)
    props = doc.core_properties
    props.author = r.name
    props.last_modified_by = r.name
    props.title = f"{r.name} - Resume"
    props.subject = "Resume"
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.created = FIXED_DATE.replace(tzinfo=None)
    props.modified = FIXED_DATE.replace(tzinfo=None)
    props.last_printed = FIXED_DATE.replace(tzinfo=None)
    props.revision = 1
    return doc


def _docx_bytes(doc: Any) -> bytes:
    """Save, then rewrite the zip with fixed member timestamps/attributes (python-docx stamps the
    current local time on every member)."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.create_system = 3
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def _docx_job(container: Any, job: Job) -> None:
    p = container.add_paragraph()
    p.paragraph_format.space_before = Pt(6)
    p.paragraph_format.space_after = Pt(0)
    p.add_run(job.title).bold = True
    p.add_run(f"  |  {job.company}, {job.city}")
    d = container.add_paragraph()
    d.paragraph_format.space_after = Pt(2)
    d.add_run(job.dates).italic = True
    for b in job.bullets:
        container.add_paragraph(b, style="List Bullet")


def _docx_items(container: Any, items: list[Item]) -> None:
    for item in items:
        if isinstance(item, Job):
            _docx_job(container, item)
        elif isinstance(item, Bullet):
            container.add_paragraph(item.text, style="List Bullet")
        else:
            container.add_paragraph(item.text)


def render_docx(r: Resume) -> bytes:
    doc = _new_docx(r)
    doc.add_paragraph(r.name, style="Title")
    headline = doc.add_paragraph()
    headline.add_run(r.headline).italic = True
    doc.add_paragraph("  |  ".join(r.contact))
    for s in r.sections:
        doc.add_heading(s.heading, level=1)
        _docx_items(doc, s.items)
    return _docx_bytes(doc)


def render_docx_table(r: Resume) -> bytes:
    """The whole body is one borderless 2-column table (headings left, content right); the name
    and headline live only in the page header and a contact line in the footer."""
    doc = _new_docx(r)
    section = doc.sections[0]
    head = section.header.paragraphs[0]
    run = head.add_run(r.name)
    run.bold = True
    run.font.size = Pt(18)
    run.font.color.rgb = RGBColor(*ACCENT)
    section.header.add_paragraph(r.headline)
    foot = section.footer.paragraphs[0]
    foot.text = r.header_note
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER

    rows = [Section("Contact", [Para(c) for c in r.contact]), *r.sections]
    table = doc.add_table(rows=0, cols=2)
    table.autofit = False
    widths = (Inches(1.5), Inches(5.4))
    for s in rows:
        left, right = table.add_row().cells
        left.width, right.width = widths
        heading = left.paragraphs[0].add_run(s.heading.upper())
        heading.bold = True
        heading.font.color.rgb = RGBColor(*ACCENT)
        _docx_items(right, s.items)
        first = right.paragraphs[0]
        if not first.text:  # a new cell starts with one empty paragraph: drop it
            first._element.getparent().remove(first._element)
    return _docx_bytes(doc)


RENDERERS: dict[Format, Callable[[Resume], bytes]] = {
    "pdf": render_pdf,
    "pdf-2col": render_pdf_two_column,
    "docx": render_docx,
    "docx-table": render_docx_table,
    "txt": render_txt,
    "md": render_md,
}


# --------------------------------------------------------------------------------------------------
# The samples (see scripts/samples_expected.md for the intended ranking against AVON147)
# --------------------------------------------------------------------------------------------------


def samples() -> list[Resume]:
    return [
        # Ideal fit: B.S. Marketing, 5+ years Sales Coordinator at a cosmetics company.
        parse(
            "marisol-vega",
            "pdf",
            """
            name: Marisol Vega
            headline: Sales Coordinator - Cosmetics & Skincare
            contact: Los Angeles, CA 90065 | (323) 555-0142 | marisol.vega@example.com
            ## Summary
            Detail-oriented Sales Coordinator with 5+ years in the cosmetics industry, supporting an
              Account Sales Manager and a team of six sales representatives at a prestige skincare and
              color cosmetics brand. Expert in order processing, Salesforce CRM and weekly sales
              reporting; trusted point of contact for retail, spa and salon accounts. Organized,
              customer-focused and proactive.
            ## Experience
            ### Sales Coordinator | Lumière Beauty Labs | Los Angeles, CA | 08/2020 - Present
            - Coordinate order processing for 45+ retail, spa and salon accounts: order entry, order
              confirmation, order tracking and status updates to ensure on-time delivery.
            - Maintain accurate account records, pricing and client data in Salesforce CRM; log every
              client interaction and follow-up.
            - Prepare weekly sales reports and quarterly forecasts in Excel (pivot tables, VLOOKUP) and
              PowerPoint for the Account Sales Manager, tracking performance against sales targets.
            - Serve as day-to-day point of contact for buyers by phone and email; resolve shipping
              discrepancies, short shipments and returns with the warehouse team.
            - Answer client questions on product ingredients, shades, launch dates and testers; trained
              new accounts on our skincare and makeup lines.
            - Manage the sales team's calendars, prepare line sheets and contracts, and coordinate
              monthly account review meetings.
            - Compile competitor pricing and market trend summaries from trade shows and store visits.
            ### Sales & Marketing Intern | Coastline Skincare Co. | Irvine, CA | 06/2019 - 08/2019
            - Supported the sales team with sample requests, order entry and customer follow-up emails.
            - Built a competitor shelf-price tracker in Excel covering 30 prestige skincare brands.
            ### Guest Services Associate (part-time) | Target | Long Beach, CA | 09/2017 - 05/2020
            - Assisted guests at Guest Services, processed returns and exchanges, and resolved complaints.
            - Covered the beauty department: restocked cosmetics and helped guests find products.
            ## Education
            B.S. in Marketing, California State University, Long Beach - 2020
            Minor in Business Administration; Dean's List (six semesters)
            ## Skills
            - Microsoft Office (Word, Excel, PowerPoint, Outlook)
            - Salesforce CRM; order management; sales reporting and forecasting
            - Client communication, time management, attention to detail
            - Bilingual: English / Spanish
            """,
        ),
        # Typos everywhere ("Micorsoft Exel", "Powerpiont", "custmer service"), otherwise good; B.B.A.
        parse(
            "kevin-tran",
            "docx",
            """
            name: Kevin Tran
            headline: Sales Assistant
            contact: Anaheim, CA 92805 | (714) 555-0163 | kevin.tran@example.com
            ## Summary
            Dependable sales assistant with 6 years supporting outside sales reps at a beauty and salon
              supply distributor. Strong custmer service skills, fast and accurate order entry, and
              experience preparing weekly sales reports in Micorsoft Exel and Powerpiont.
            ## Experience
            ### Sales Assistant | Brightside Beauty & Salon Supply | Anaheim, CA | 2019 – Present
            - Enter and confirm 60+ salon and spa orders per day and follow up on backorders and
              delivery dates.
            - Provide custmer service to salon owners by phone and email; resolve billing and shipping
              issues.
            - Prepare weekly sales reports in Micorsoft Exel and monthly presentations in Powerpiont for
              the regional sales manager.
            - Update account information and call notes in the CRM; schedule appointments for three
              outside sales reps.
            - Learned product details for hair color, nail and skincare lines to answer custmer
              questions.
            ### Call Center Representative | SoCal Office Furnishings | Orange, CA | Jan 2016 to Jun 2019
            - Answered 50+ inbound calls a day about orders, quotes and deliveries.
            - Processed returns and credits and kept custmer records up to date.
            ## Education
            B.B.A., Marketing - University of Texas at Austin, 2015
            ## Skills
            Micorsoft Office (Word, Exel, Powerpiont, Outlook); order entry; custmer service; sales
              reports; bilingual English / Vietnamese
            """,
        ),
        # Degree abbreviation "B.B.A."; solid customer-service profile, no beauty.
        parse(
            "priya-raman",
            "docx",
            """
            name: Priya Raman
            headline: Customer Experience Specialist
            contact: Irvine, CA 92618 | (949) 555-0158 | priya.raman@example.com
            ## Summary
            Customer experience specialist with 8 years in high-volume customer support and client
              services. Calm under pressure, clear communicator and organized with follow-ups.
              Proficient in Microsoft Office and Salesforce Service Cloud.
            ## Experience
            ### Customer Experience Specialist | Harbor Lane Apparel | Irvine, CA | 04/2019 - Present
            - Resolve 70+ customer inquiries a day by phone, email and chat about orders, shipping and
              returns.
            - Track cases and customer history in Salesforce Service Cloud; escalate wholesale account
              issues to the sales team.
            - Build monthly ticket-volume reports in Excel and present trends in PowerPoint.
            - Wrote 40+ help-center articles and email templates used by the whole team.
            ### Client Services Associate | Redwood Lane Credit Union | Santa Ana, CA | 06/2017 - 03/2019
            - Answered member calls, updated account records and prepared letters in Word.
            - Scheduled meetings and maintained shared calendars for three account managers.
            ## Education
            B.B.A., Management - University of Houston, 2017
            ## Skills
            - Microsoft Office (Word, Excel, PowerPoint, Outlook)
            - Salesforce Service Cloud, Zendesk
            - De-escalation, written communication, case management
            """,
        ),
        # Degree abbreviation "BA Comm."; good customer-service profile.
        parse(
            "jordan-whitfield",
            "txt",
            """
            name: Jordan Whitfield
            headline: Client Support Representative
            contact: Culver City, CA 90232 | (310) 555-0191 | jordan.whitfield@example.com
            ## Summary
            Friendly, organized client support rep with 7 years helping subscribers and small-business
              accounts by phone, email and chat. Strong writer and listener; comfortable with Microsoft
              Office and Zendesk.
            ## Experience
            ### Client Support Representative | Parcel & Pine Subscription Co. | Culver City, CA
              | 2021 – Present
            - Support 2,000+ subscription customers with billing questions, order changes and shipping
              updates.
            - Look after 35 small-business gift accounts: send order confirmations, renewal reminders
              and status updates.
            - Keep account notes in Zendesk and update a shared Excel tracker for the account team.
            ### Customer Service Associate | Westside Mobile Wireless | Santa Monica, CA
              | Aug 2018 to Feb 2021
            - Helped walk-in customers with plans, phone upgrades and bill issues; met monthly
              accessory sales goals.
            - Processed orders and returns at the POS and scheduled repair appointments.
            ## Education
            BA Comm., San Diego State University - 2018
            ## Skills
            Microsoft Office (Word, Excel, Outlook), Zendesk, Google Sheets, written and verbal
              communication, de-escalation
            """,
        ),
        # No degree (high school only) but 12+ years of inside sales / order entry / sales support.
        parse(
            "denise-caldwell",
            "txt",
            """
            name: Denise Caldwell
            headline: Inside Sales & Order Management Professional
            contact: Montebello, CA 90640 | (562) 555-0119 | denise.caldwell@example.com
            ## Summary
            Sales support professional with 13 years of inside sales, order entry and customer account
              experience in wholesale distribution. Known for accuracy, follow-through and long-term
              customer relationships. Advanced Microsoft Office and ERP user.
            ## Experience
            ### Inside Sales Representative | Pacific Rim Packaging Supply | City of Industry, CA
              | 2019 – Present
            - Manage 120 established wholesale accounts: quotes, order entry, order confirmation and
              delivery tracking.
            - Process $4M+ in annual orders in NetSuite with a 99.6% accuracy rate.
            - Build weekly sales and backorder reports in Excel for the sales manager and help prepare
              quarterly forecasts.
            - Resolve pricing, shipping and invoice discrepancies with the warehouse, credit department
              and carriers.
            - Keep customer contacts and activity notes current in Salesforce.
            ### Order Entry Specialist | Valley Fastener & Supply | Pomona, CA | Jan 2015 to Dec 2018
            - Entered 80-100 customer orders per day from phone, fax, email and EDI.
            - Sent order acknowledgments and status updates; expedited rush orders.
            - Answered customer service calls and handled returns.
            ### Sales Support Clerk | Crown Office Products | Whittier, CA | 03/2012 - 12/2014
            - Supported four outside sales reps with quotes, sample requests, mailings and scheduling.
            - Prepared customer correspondence in Word and maintained price lists in Excel.
            ## Education
            High School Diploma, Montebello High School, Montebello, CA - 2008
            Customer Service Excellence certificate (continuing education), Rio Hondo College - 2016
            ## Skills
            Microsoft Office (Word, Excel, Outlook, PowerPoint); NetSuite, SAP Business One,
              Salesforce; 60 WPM typing; 10-key
            """,
        ),
        # Beauty experience only via brand/retailer names (Sephora, MAC Cosmetics, Ulta).
        parse(
            "aaliyah-brooks",
            "pdf",
            """
            name: Aaliyah Brooks
            headline: Beauty Advisor & Makeup Artist
            contact: Glendale, CA 91203 | (818) 555-0134 | aaliyah.brooks@example.com
            ## Summary
            Beauty professional with 8 years on the sales floor and behind the chair. Builds loyal
              client books, beats sales goals and explains products clearly. Comfortable tracking sales
              and client lists in Excel.
            ## Experience
            ### Beauty Advisor, Sephora counter | Sephora inside JCPenney | Glendale, CA | 05/2021 - Present
            - Provide one-on-one customer service and color matching for 30-40 clients per shift.
            - Consistently exceed monthly sales and Beauty Insider sign-up goals (118% of target in 2023).
            - Track personal sales, client follow-ups and event RSVPs in Excel; send thank-you emails.
            - Receive shipments, count inventory and set planograms for skincare, makeup and fragrance.
            ### Freelance Makeup Artist | MAC Cosmetics | Los Angeles, CA | Mar 2019 - Apr 2021
            - Worked in-store launch events, fashion week backstage and bridal appointments.
            - Taught application techniques and recommended products by skin type and tone.
            ### Prestige Beauty Advisor | Ulta Beauty | Burbank, CA | 2017 - 2019
            - Helped guests across prestige skincare and fragrance brands; opened loyalty accounts.
            - Handled returns, exchanges and customer complaints at the register.
            ## Education
            Pasadena City College - business coursework, 2016 - 2018 (no degree)
            ## Skills
            - Customer service, clienteling, color matching, skincare consultations
            - Microsoft Excel and Outlook; POS systems
            - MAC Pro artist training (2019)
            """,
        ),
        # Negations: junior communications graduate, 1 year cashier.
        parse(
            "emily-sorensen",
            "txt",
            """
            name: Emily Sorensen
            headline: Recent Communications Graduate
            contact: Los Angeles, CA 90027 | (213) 555-0108 | emily.sorensen@example.com
            ## Summary
            Recent communications graduate looking for an entry-level role in an office environment. I
              have no prior sales experience and have not worked in the cosmetics industry, but I learn
              quickly and enjoy working with people. I am not yet proficient in Excel (currently taking
              an online course) and have never used a CRM system.
            ## Experience
            ### Cashier | Sunset Grocery Co-op | Los Angeles, CA | 06/2024 - 06/2025
            - Rang up purchases, handled cash and card payments and balanced my drawer at close.
            - Greeted shoppers and answered questions about store hours and where to find items.
            - Bagged groceries and kept the checkout area clean.
            ### Staff Writer (volunteer) | The Campus Ledger student newspaper | Los Angeles, CA
              | Sep 2022 to May 2024
            - Wrote about 20 articles on campus events and student organizations.
            ## Education
            B.A. in Communication Studies, California State University, Los Angeles - 2025
            ## Skills
            Microsoft Word, Google Docs, Instagram and TikTok. Excel: beginner, not yet proficient. No
              experience with order processing or sales reporting.
            """,
        ),
        # Whole body in a 2-column table; name only in the header, a contact line in the footer.
        parse(
            "rafael-mendoza",
            "docx-table",
            """
            name: Rafael Mendoza
            headline: Sales Support Specialist
            contact: Riverside, CA 92501 | (951) 555-0127 | rafael.mendoza@example.com
            ## Summary
            Sales support specialist with 5 years helping a regional sales team book, process and
              deliver customer orders. Organized, dependable and quick with Excel.
            ## Experience
            ### Sales Support Specialist | Inland Housewares Distributing | Ontario, CA | Jun 2020 – Present
            - Process and confirm customer orders in SAP and track shipments through on-time delivery.
            - Prepare weekly sales reports and pipeline summaries in Excel for the sales manager.
            - Answer account questions by phone and email; arrange samples, credits and returns.
            - Maintain customer data and activity logs in Salesforce; prepare quotes and presentations.
            - Schedule sales meetings and handle trade show logistics.
            ### Administrative Assistant | Riverside Title & Escrow | Riverside, CA | Feb 2018 – May 2020
            - Prepared documents, managed calendars and answered phones for a team of five.
            ## Education
            B.A., Business Economics - University of California, Riverside, 2018
            ## Skills
            Microsoft Office (Word, Excel, PowerPoint, Outlook); SAP SD; Salesforce; bilingual
              English / Spanish
            """,
            footer="rafael.mendoza@example.com  ·  (951) 555-0127  ·  References available upon request",
        ),
        # Two-column PDF: customer service rep with Office and some beauty retail.
        parse(
            "hannah-kowalski",
            "pdf-2col",
            """
            name: Hannah Kowalski
            headline: Customer Service Representative
            contact: Torrance, CA 90501 | (310) 555-0176 | hannah.kowalski@example.com
            ## Skills
            - Microsoft Office: Word, Excel, Outlook, PowerPoint
            - Zendesk and Freshdesk
            - Order tracking, returns and refunds
            - Typing 70 WPM
            - Conflict resolution
            ## Education
            B.A. in Psychology
            California State University, Dominguez Hills, 2018
            ## Languages
            English, Polish
            ## Summary
            Customer service representative with 9 years of phone, chat and in-store experience,
              including two years selling skincare and fragrance at a department-store beauty
              counter. Patient, organized and comfortable in Microsoft Office.
            ## Experience
            ### Customer Service Representative | Westgate Home Goods | Torrance, CA | 2020 - Present
            - Handle 60+ calls, chats and emails a day on orders, deliveries, returns and billing.
            - Look up and update orders in the order management system; issue replacements and refunds.
            - Track recurring issues in Excel and share a weekly summary with the team lead.
            - Mentor new hires; maintain a 96% customer satisfaction score.
            ### Beauty Sales Associate | Nordstrom (Beauty & Fragrance) | Costa Mesa, CA | 2018 - 2020
            - Helped customers choose skincare, makeup and fragrance; met daily sales goals.
            - Processed sales and returns; restocked testers and samples.
            ### Front Desk Assistant | Harbor Family Dental | Torrance, CA | 2016 - 2018
            - Scheduled appointments, answered phones and updated patient records in Word and Excel.
            """,
            sidebar=("Skills", "Education", "Languages"),
        ),
        # Over-level: VP of Sales, 20 years, MBA.
        parse(
            "richard-ashworth",
            "pdf",
            """
            name: Richard Ashworth
            headline: Vice President of Sales
            contact: Newport Beach, CA 92660 | (949) 555-0100 | richard.ashworth@example.com
            ## Summary
            Revenue leader with 20 years building and scaling national sales organizations in consumer
              packaged goods, including personal care. Owns a $180M P&L, sets go-to-market strategy and
              leads teams of 60+ sellers and key account directors. Board-level communicator.
            ## Experience
            ### Vice President of Sales | Pacific Crest Brands | Irvine, CA | 2016 - Present
            - Lead a 65-person national sales organization across grocery, drug and mass channels for
              our hair care and body wash brands; grew net revenue from $95M to $180M.
            - Negotiate annual joint business plans with top-10 retail partners including Walgreens,
              CVS and Target.
            - Set pricing strategy, trade spend budgets and sales compensation plans; report to the CEO
              and the board.
            - Hired and developed five regional directors; launched the first e-commerce channel team.
            ### Regional Director of Sales, West | Harborview Beverage Co. | Los Angeles, CA | 2010 - 2016
            - Led 4 area managers and 28 territory reps; delivered an 11% revenue CAGR.
            - Opened 3,000 new retail doors in California and Arizona.
            ### National Account Manager | Cascade Snack Foods | Seattle, WA | 2005 - 2010
            - Owned national grocery accounts worth $40M in annual volume.
            ## Education
            MBA, UCLA Anderson School of Management - 2005
            B.A. in Economics, University of Washington - 2001
            ## Skills
            P&L ownership, sales strategy, executive negotiation, team leadership, forecasting,
              Salesforce
            """,
        ),
        # False friends: cosmetic damage, aesthetic finish, Office Manager, Patent and Trademark Office,
        # make-up air units. No fit.
        parse(
            "dale-hutchins",
            "pdf",
            """
            name: Dale Hutchins
            headline: Collision Repair Technician, I-CAR Platinum
            contact: Fontana, CA 92335 | (909) 555-0138 | dale.hutchins@example.com
            ## Summary
            Collision repair technician with 12 years restoring late-model vehicles to factory
              specifications. From structural frame pulls to repaired cosmetic damage on bumpers and
              panels, every vehicle leaves the booth with a flawless aesthetic finish.
            ## Experience
            ### Lead Collision Technician and Office Manager | Hutchins & Sons Collision | Fontana, CA
              | 2016 - Present
            - Repaired cosmetic damage (dents, scratches, chips) and structural damage on 6-10 vehicles
              a week.
            - Color-match and spray waterborne basecoat/clearcoat for a factory-quality aesthetic finish.
            - As Office Manager of the family shop, open and close the shop, run the cash drawer and
              keep the paper repair files and parts invoices.
            ### Fleet Maintenance Technician | U.S. Patent and Trademark Office (facilities contractor)
              | Alexandria, VA
              | 2013 - 2016
            - Maintained the agency motor pool of 40 vehicles, including body and paint repairs.
            - Serviced garage exhaust fans and rooftop make-up air units with the facilities crew.
            ### HVAC Helper | Desert Air Mechanical | Riverside, CA | 2011 - 2013
            - Installed make-up air units, ductwork and kitchen exhaust hoods for restaurants.
            ## Education
            Collision Repair Technology Certificate, Inland Valley Trade School - 2011
            High School Diploma, Fontana, CA - 2010
            ## Skills
            MIG and spot welding, frame straightening, paintless dent repair, PPG and Axalta paint
              systems, I-CAR Platinum, ASE B2/B3
            """,
        ),
        # Clear no-fit: software engineer.
        parse(
            "samir-haddad",
            "docx",
            """
            name: Samir Haddad
            headline: Senior Software Engineer
            contact: San Jose, CA 95112 | (408) 555-0181 | samir.haddad@example.com
            ## Summary
            Backend engineer with 9 years building distributed systems in Go and Python. Led the
              migration of a payments platform to Kubernetes; mentor and on-call lead.
            ## Experience
            ### Senior Software Engineer | Quillstack Inc. | San Jose, CA | 2020 – Present
            - Designed event-driven ingestion services in Go handling 40k requests per second.
            - Cut p99 latency by 35% by redesigning PostgreSQL indexes and adding Redis caching.
            - Lead a team of four engineers; run design reviews and incident postmortems.
            ### Software Engineer | Brightpath Logistics | Oakland, CA | 06/2016 - 12/2019
            - Built REST APIs in Python/Django for route planning; wrote Terraform for AWS.
            - Added CI pipelines with GitHub Actions and raised test coverage from 40% to 85%.
            ## Education
            B.S. in Computer Science, University of California, Davis - 2016
            ## Skills
            Go, Python, PostgreSQL, Redis, Kafka, Kubernetes, Terraform, AWS, Linux
            """,
        ),
        # Clear no-fit: line cook.
        parse(
            "luis-ortega",
            "txt",
            """
            name: Luis Ortega
            headline: Line Cook
            contact: East Los Angeles, CA 90022 | (323) 555-0165 | luis.ortega@example.com
            ## Summary
            Line cook with 8 years on busy sauté and grill stations in full-service restaurants. Fast,
              clean and calm through a 300-cover dinner rush.
            ## Experience
            ### Line Cook (Sauté / Grill) | Casa Verde Kitchen | Los Angeles, CA | 2021 – Present
            - Run the sauté station for 250-300 covers a night; fire tickets in order and keep plates
              moving to the pass.
            - Prep sauces, proteins and mise en place for the line; rotate stock FIFO.
            - Train new prep cooks on knife skills and food safety.
            ### Prep Cook / Line Cook | Harbor Grill & Oyster Bar | San Pedro, CA | Apr 2017 to Jun 2021
            - Prepped seafood and vegetables; worked the fry and grill stations on weekends.
            - Received deliveries and checked invoices against what was ordered.
            ## Education
            High School Diploma, Eastside High School - 2016
            ServSafe Food Protection Manager (2022); California Food Handler Card
            ## Skills
            Sauté, grill, knife skills, food safety, inventory rotation, bilingual English / Spanish
            """,
        ),
        # Clear no-fit: registered nurse (Markdown).
        parse(
            "grace-fitzgerald",
            "md",
            """
            name: Grace Fitzgerald, RN, BSN
            headline: Registered Nurse — Medical-Surgical
            contact: Santa Monica, CA | (310) 555-0112 | grace.fitzgerald@example.com
            ## Summary
            Registered nurse with 9 years of acute-care experience on medical-surgical and telemetry
              units. Strong patient advocate, charge nurse and preceptor for new graduates.
            ## Experience
            ### Charge Nurse, Medical-Surgical Unit | Bayside Community Hospital | Santa Monica, CA
              | 03/2019 – Present
            - Coordinate care for a 32-bed unit; assign patients and manage admissions, discharges and
              transfers.
            - Administer medications, monitor telemetry and document care in Epic.
            - Educate patients and families on discharge plans and medications.
            ### Staff Nurse, Telemetry | St. Brendan Medical Center | Torrance, CA | Jul 2016 to Feb 2019
            - Cared for 4-5 telemetry patients per shift; responded to rapid responses and codes.
            ## Education
            - B.S.N., Nursing — California State University, Long Beach, 2016
            ## Licenses & Certifications
            - California Registered Nurse license; BLS, ACLS, PCCN
            ## Skills
            - Patient assessment, IV therapy, wound care, Epic EHR, Microsoft Outlook
            """,
        ),
        # Medium fit: retail sales associate, associate degree in business, some Excel, no beauty.
        parse(
            "brandon-ellis",
            "docx",
            """
            name: Brandon Ellis
            headline: Retail Sales Associate
            contact: Long Beach, CA 90804 | (562) 555-0149 | brandon.ellis@example.com
            ## Summary
            Retail sales associate with 5 years of floor sales experience in sporting goods and
              electronics. Meets sales goals, builds repeat customers and knows basic Excel.
            ## Experience
            ### Sales Associate | Summit Outdoor Outfitters | Long Beach, CA | 03/2022 - Present
            - Help 50+ customers a shift choose footwear, camping and fitness gear; regularly top-3 in
              store sales.
            - Process sales, returns and special orders at the register; check stock across stores.
            - Update a simple Excel sheet of special-order pickups for the store manager.
            ### Sales Associate | Beacon Electronics | Lakewood, CA | 2020 – 2022
            - Sold TVs, laptops and protection plans; handled customer questions and complaints.
            - Restocked shelves and helped with monthly inventory counts.
            ## Education
            A.A. in Business Administration, Long Beach City College - 2021
            ## Skills
            Customer service, POS systems, cash handling, inventory, basic Microsoft Excel and Word
            """,
        ),
        # Markdown: strong account coordinator, HubSpot CRM, Estée Lauder account.
        parse(
            "naomi-feldman",
            "md",
            """
            name: Naomi Feldman
            headline: Account Coordinator — Beauty & Personal Care Packaging
            contact: Pasadena, CA | (626) 555-0187 | naomi.feldman@example.com
            ## Summary
            Account Coordinator with 6 years of account support and order coordination, the last four
              managing day-to-day customer accounts for a supplier to prestige beauty brands, including
              the Estée Lauder account. Comfortable in HubSpot CRM and Microsoft Office; a strong
              organizer who keeps orders, samples and timelines on track.
            ## Experience
            ### Account Coordinator | Marlowe Packaging Group | Los Angeles, CA | Sept 2021 – Present
            - Coordinate purchase orders, order confirmations and delivery schedules for the Estée
              Lauder account and eight indie beauty brands.
            - Track every customer interaction, quote and deal stage in HubSpot CRM; keep account data
              clean and current.
            - Build weekly open-order and sales reports in Excel and present monthly account reviews in
              PowerPoint with the Account Manager.
            - First point of contact for client buyers and product developers on lead times, artwork
              approvals and shipment status.
            - Investigate order discrepancies with production and logistics and update clients the same
              day.
            - Schedule client meetings, prepare quotes and meeting notes, and manage the sales team's
              shared calendar.
            ### Sales Assistant | Hollis Gift & Home | Los Angeles, CA | Jun 2019 – Aug 2021
            - Entered wholesale orders, processed invoices and answered retailer calls and emails.
            - Researched competitor catalogs and trade show trends for the sales team.
            ## Education
            **B.S. Business Administration (Marketing concentration)** — California State University,
              Northridge, 2019
            ## Skills
            - HubSpot CRM; Microsoft Office (Excel, Word, PowerPoint, Outlook); Google Workspace
            - Order management, account support, client communication
            - Familiar with cosmetic packaging, formulas and ingredient (INCI) labeling
            """,
        ),
        # Partial fit: esthetician with skincare sales, no degree, little office work.
        parse(
            "camila-reyes",
            "md",
            """
            name: Camila Reyes
            headline: Licensed Esthetician
            contact: Silver Lake, Los Angeles, CA | (323) 555-0172 | camila.reyes@example.com
            ## Summary
            Licensed esthetician with 6 years of facial, waxing and skincare retail experience. Builds
              client loyalty through honest product recommendations and knows active ingredients
              inside out. Looking to move into the business side of beauty.
            ## Experience
            ### Lead Esthetician | Glow Theory Day Spa | Los Angeles, CA | 2021 – Present
            - Perform 25+ facials, peels and waxing services a week; design home-care routines.
            - Sell professional skincare lines; top retail seller at the spa two years running.
            - Reorder retail and back-bar products from vendors and keep the product wall stocked.
            - Book appointments and send reminder texts through the spa's scheduling app.
            ### Esthetician | Serenity Skin Studio | Pasadena, CA | Jan 2019 to Dec 2020
            - Provided facials and brow services; explained ingredients such as retinol, niacinamide
              and AHAs.
            - Helped with social media posts and seasonal promotions.
            ## Education & Licenses
            - California Esthetician License (Board of Barbering and Cosmetology), 2018
            - Esthetics Program Certificate, Westside Beauty Academy, Los Angeles, 2018
            - High school diploma, 2016
            ## Skills
            - Skincare consultations, product knowledge, retail sales, client retention
            - Square Appointments, Instagram; some Google Sheets
            """,
        ),
    ]


# --------------------------------------------------------------------------------------------------
# CLI
# --------------------------------------------------------------------------------------------------


def build(outdir: Path) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    names: set[str] = set()
    for r in samples():
        if r.filename in names:
            raise ValueError(f"duplicate sample file name {r.filename}")
        names.add(r.filename)
        path = outdir / r.filename
        path.write_bytes(RENDERERS[r.fmt](r))
        written.append(path)
    return written


def check(outdir: Path) -> list[str]:
    """Names of samples in ``outdir`` that are missing or differ from a fresh build."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = build(Path(tmp))
        return [
            p.name
            for p in fresh
            if not (outdir / p.name).is_file() or (outdir / p.name).read_bytes() != p.read_bytes()
        ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("outdir", type=Path, help="folder to (re)generate, e.g. resumes")
    parser.add_argument("--check", action="store_true", help="only verify OUTDIR is up to date")
    args = parser.parse_args(argv)
    if args.check:
        stale = check(args.outdir)
        for name in stale:
            print(f"stale or missing: {args.outdir / name}", file=sys.stderr)
        return 1 if stale else 0
    for path in build(args.outdir):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
