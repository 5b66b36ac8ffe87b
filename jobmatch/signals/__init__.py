"""Signals: what a résumé shows, each with quoted evidence. ``extract_signals`` is the one entry point."""

from __future__ import annotations

from jobmatch.models import Document, JobEntry, Signals
from jobmatch.signals.dates import as_of_label, latest_point, month_label, parse_as_of, present_as_of
from jobmatch.signals.degree import extract_degree
from jobmatch.signals.education import education_entries
from jobmatch.signals.jobs import employer_of, job_title
from jobmatch.signals.names import find_name
from jobmatch.signals.roles import Job, job_interval, seniority, summarize_roles, work_history
from jobmatch.signals.terms import client_facing, cosmetics, crm, microsoft_office, soft_skill
from jobmatch.signals.view import ResumeView

__all__ = ["extract_signals", "find_name"]


def _job_entries(view: ResumeView, jobs: list[Job], as_of: int) -> tuple[JobEntry, ...]:
    """The work history as posting-independent facts: title, dates, months and the job's own lines."""
    entries = []
    for job in jobs:
        start = end = ""
        months = 0
        interval = job_interval(job, as_of)
        if job.dates is not None and interval is not None:
            start = month_label(job.dates.start)
            end = month_label(job.dates.end)
            months = interval[1] - interval[0] + 1
        indexes = tuple(sorted({job.title_index, job.date_index, *job.body}))
        title = job_title(job.title)
        entries.append(
            JobEntry(
                title=title,
                employer=employer_of(view, job),
                start=start,
                end=end,
                months=months,
                line_indexes=indexes,
                # An untitled job is quoted by its dates: the text beside them was not a title.
                evidence=view.evidence(job.title_index if title else job.date_index),
            )
        )
    return tuple(entries)


def extract_signals(document: Document, *, as_of: str = "") -> Signals:
    """Every signal family, read from one document. ``as_of`` ("YYYY-MM" or "YYYY-MM-DD") is where
    "Current"/"Present" ends; "" means today (a run computes it once and passes it to every file)."""
    view = ResumeView.of(document)
    texts = [line.text for line in view.lines]
    latest = latest_point(texts)
    run_as_of = as_of_label(as_of)
    named = latest_point(texts, not_after=parse_as_of(run_as_of), as_start=True)
    as_of = present_as_of(run_as_of, document.dated, named)
    as_of_month = parse_as_of(as_of)
    jobs = work_history(view)
    roles = summarize_roles(view, as_of_month, jobs)
    degree = extract_degree(view, jobs, latest)
    education = education_entries(view, degree)
    return Signals(
        jobs=_job_entries(view, jobs, as_of_month),
        education=education,
        as_of=as_of,
        degree=degree,
        roles=(
            ("sales_support", roles.sales_support),
            ("customer_service", roles.customer_service),
            ("admin", roles.admin),
        ),
        terms=(
            ("microsoft_office", microsoft_office(view)),
            ("cosmetics", cosmetics(view)),
            ("crm", crm(view)),
            ("client_facing", client_facing(view)),
            ("communication", soft_skill(view, "communication")),
            ("organization", soft_skill(view, "organization")),
            ("customer_focus", soft_skill(view, "customer_focus")),
        ),
        years=(("sales_or_service_years", roles.sales_or_service_years),),
        total_experience_years=roles.total_years,
        seniority=seniority(roles.latest_title),
        latest_title=roles.latest_title,
        name=find_name(view, tuple(job.title for job in jobs)),
    )
