"""Résumé facts that need no posting: jobs with their dates and months, education entries, the name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jobmatch.cli import app
from jobmatch.errors import ExitCode
from jobmatch.signals import extract_signals
from jobmatch.signals.dates import as_of_label, parse_as_of
from tests.helpers import doc

ROOT = Path(__file__).resolve().parents[1]
POSTING = str(ROOT / "requirements" / "AVON147.txt")

GLOW = "Experience\nAccount Sales Coordinator, Glow Cosmetics, January 2012 – Present\nProcessed orders.\n"

# --------------------------------------------------------------------------- as-of date


def test_present_ends_at_the_as_of_date() -> None:
    (job,) = extract_signals(doc(GLOW), as_of="2014-01").jobs
    assert (job.start, job.end, job.months) == ("2012-01", "present", 25)
    assert extract_signals(doc(GLOW), as_of="2014-01-31").jobs[0].months == 25


def test_present_ends_today_by_default() -> None:
    s = extract_signals(doc(GLOW))
    assert s.as_of == "2025-06"  # the test clock (conftest): this month, not the résumé's own last date
    assert s.jobs[0].months == (2025 - 2012) * 12 + 6
    assert s.role("sales_support").years == round(s.jobs[0].months / 12, 1)


@pytest.mark.parametrize(
    ("dated", "as_of", "counted_to"),
    [
        ("2014-01", "2025-06", "2014-01"),  # present_ends_when_written: the file's own month
        ("2026-03", "2025-06", "2025-06"),  # a date after the run's is no later "Present"
        ("2011-05", "2025-06", "2025-06"),  # before the job the résumé names: a template's date, not its own
        ("", "2025-06", "2025-06"),
        ("2014-13", "2025-06", "2025-06"),  # not a month
    ],
)
def test_present_ends_when_the_file_was_written(dated: str, as_of: str, counted_to: str) -> None:
    import dataclasses

    signals = extract_signals(dataclasses.replace(doc(GLOW), dated=dated), as_of=as_of)
    assert signals.as_of == counted_to
    assert signals.jobs[0].months == parse_as_of(counted_to) - parse_as_of("2012-01") + 1


def test_a_job_started_after_the_as_of_date_counts_one_month() -> None:
    assert extract_signals(doc(GLOW), as_of="2011-06").jobs[0].months == 1


@pytest.mark.parametrize("text", ["2019", "2019-13", "2019-02-30", "June 2019", "19-06"])
def test_bad_as_of_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_as_of(text)


def test_as_of_label_keeps_a_given_date_and_defaults_to_this_month() -> None:
    assert as_of_label("2016-09") == "2016-09"
    assert as_of_label() == "2025-06"


def test_cli_as_of_changes_the_years_and_the_cache_key(tmp_path: Path) -> None:
    (tmp_path / "glow.txt").write_text(GLOW)
    runner = CliRunner()

    def years(*extra: str) -> float:
        args = ["rank", str(tmp_path), "--posting", POSTING, "--format", "json", "-j", "1", *extra]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.stderr
        facts = json.loads(result.stdout)["candidates"][0]["facts"]
        assert facts["as_of"] == (extra[1] if extra else facts["as_of"])
        return round(sum(job["months"] for job in facts["jobs"]) / 12, 1)

    # Same file, same cache: the second run must not be served the first run's months.
    assert years("--as-of", "2014-01") == 2.1
    assert years("--as-of", "2016-01") == 4.1
    assert years() == 13.5


def test_cli_refuses_a_bad_as_of(tmp_path: Path) -> None:
    (tmp_path / "glow.txt").write_text(GLOW)
    result = CliRunner().invoke(app, ["rank", str(tmp_path), "--posting", POSTING, "--as-of", "soon"])
    assert result.exit_code == ExitCode.USAGE
    assert "--as-of" in result.stderr


# --------------------------------------------------------------------------- jobs with one date


def test_open_range_is_the_job_still_held() -> None:
    text = "Experience\nRegistered Nurse\n03/2019 – \nCared for patients.\nCNA\n2015 - 2018\nAssisted.\n"
    jobs = extract_signals(doc(text), as_of="2021-02").jobs
    assert [(j.title, j.start, j.end, j.months) for j in jobs] == [
        ("Registered Nurse", "2019-03", "present", 24),
        ("CNA", "2015-01", "2018-12", 48),
    ]


def test_open_range_followed_by_a_later_job_counts_one_month() -> None:
    text = "Experience\nCashier\n2012 -\nHandled cash.\nSales Associate\n2014 - 2016\nSold shoes.\n"
    jobs = extract_signals(doc(text), as_of="2020-01").jobs
    assert [(j.title, j.months) for j in jobs] == [("Cashier", 1), ("Sales Associate", 36)]


def test_since_a_year_reads_as_current() -> None:
    text = "Experience\nStore Manager since 2019\nRan the store.\n"
    (job,) = extract_signals(doc(text), as_of="2020-12").jobs
    assert (job.title, job.start, job.end, job.months) == ("Store Manager", "2019-01", "present", 24)


def test_a_job_dated_by_one_month_is_still_a_job() -> None:
    text = "Experience\nSales Associate, June 2015\nHelped customers.\n"
    (job,) = extract_signals(doc(text), as_of="2020-12").jobs
    assert (job.title, job.start, job.end, job.months) == ("Sales Associate", "2015-06", "2015-06", 1)


def test_one_month_beside_its_employer_dates_the_title_above() -> None:
    """employer_beside_one_date: "March 2013 Company Name - City, State" under the title is the job's line."""
    text = (
        "Experience\nCertified Personal Trainer\nMarch 2013 Company Name - City, State\nLed workouts.\n"
        "Sales Assistant\nMay 2006 to April 2011 Company Name - City, State\nCreated proposals.\n"
    )
    jobs = extract_signals(doc(text), as_of="2020-12").jobs
    # lone_month_of_the_latest_job: the job that starts last, dated by its start only, is still held
    assert [(j.title, j.start, j.end, j.months) for j in jobs] == [
        ("Certified Personal Trainer", "2013-03", "present", 94),
        ("Sales Assistant", "2006-05", "2011-04", 60),
    ]
    # a lone month among later jobs stays one month
    older = "Experience\nCashier\nJune 2009 Company Name\nRan the till.\nClerk\n2012 - 2014\nFiled.\n"
    assert [(j.title, j.months) for j in extract_signals(doc(older), as_of="2020-12").jobs] == [
        ("Cashier", 1),
        ("Clerk", 36),
    ]


def test_a_rank_before_a_comma_keeps_its_function() -> None:
    # rank_before_its_function: "Senior Manager, Digital Marketing" is no bare "Senior Manager"; after an
    # occupation's own title the comma still ends it ("Cashier, Walmart")
    text = (
        "Experience\nSenior Manager, Digital Marketing 01/2012 to 12/2015\nRan paid search.\n"
        "Director, Human Resources Company Name - City, State 2008 - 2011\nLed HR.\n"
        "Cashier, Walmart 2005 - 2007\nRang up sales.\n"
    )
    titles = [j.title for j in extract_signals(doc(text), as_of="2020-12").jobs]
    assert titles == ["Senior Manager Digital Marketing", "Director Human Resources", "Cashier"]


def test_the_period_of_a_result_is_not_a_job() -> None:
    # period_of_a_result: "from 2004-2007" after a measure of change dates the result, inside the job above
    text = (
        "Experience\nStore Manager\n2001 - 2008\nIncreased same store growth by 48% from 2004- 2007.\n"
        "Revenue from 1992 to 1996, ranging from $100M to $900M.\nTrained new staff.\n"
    )
    jobs = extract_signals(doc(text), as_of="2020-12").jobs
    assert [(j.title, j.months) for j in jobs] == [("Store Manager", 96)]
    # a title or a role brought in by "from" measures nothing: still a job
    prose = "Experience\nI served as Head of the Guidance Department from 1991 to 1999.\n"
    assert [j.months for j in extract_signals(doc(prose), as_of="2020-12").jobs] == [108]


def test_a_month_inside_a_duty_sentence_is_not_a_job() -> None:
    text = "Experience\nSales Associate\n2014 - 2016\nMade shift lead in June 2015 after a good year.\n"
    assert len(extract_signals(doc(text), as_of="2020-12").jobs) == 1


# --------------------------------------------------------------------------- name


@pytest.mark.parametrize(
    ("top", "name"),
    [
        ("# Grace Fitzgerald, RN, BSN", "Grace Fitzgerald"),
        ("ABIGAIL FULTON", "Abigail Fulton"),
        ("José Ñúñez-O'Brien", "José Ñúñez-O'Brien"),
        ("Ana de la Cruz | ana.delacruz@example.com | 555-0100", "Ana de la Cruz"),
        ("Mary J. Blige", "Mary J. Blige"),
        ("Core Qualifications", ""),  # a heading of our section vocabulary's words
        ("Career Overview", ""),
        ("Microsoft Outlook", ""),  # a tool
        ("Sales Associate", ""),  # a title
        ("Self Motivated", ""),  # the résumé's own prose, below, says "motivated"
        ("Python SQL", ""),  # an acronym in a mixed-case line
        ("Haifa, Israel", ""),  # a comma not followed by credentials
        ("Special Investigative Unit I", ""),
    ],
)
def test_name_is_a_person_or_nothing(top: str, name: str) -> None:
    text = f"{top}\nSummary\nA motivated seller.\nExperience\nCashier\n2015 - 2017\n"
    assert extract_signals(doc(text), as_of="2020-01").name == name


def test_a_job_title_at_the_top_is_not_a_name() -> None:
    text = "SHIPPER-VAULT BULLION\nExperience\nShipper-Vault Bullion 10/2008 - 07/2015 Company Name\n"
    assert extract_signals(doc(text), as_of="2020-01").name == ""


def test_the_name_comes_before_the_first_heading() -> None:
    assert extract_signals(doc("Summary\nJane Doe\nExperience\n"), as_of="2020-01").name == ""


# --------------------------------------------------------------------------- education entries


def _education(text: str) -> list[tuple[str, str, str, str, bool, str]]:
    entries = extract_signals(doc(f"Education\n{text}\n"), as_of="2020-01").education
    return [(e.level, e.field, e.school, e.year, e.completed, e.progress) for e in entries]


def test_every_degree_is_an_entry_not_only_the_highest() -> None:
    text = (
        "Master of Business Administration : Finance, 2012 Ohio State University\n"
        "Bachelor of Science : Nursing, 2008 University of Toledo\n"
        "High School Diploma, 2004 Central High School"
    )
    assert _education(text) == [
        ("master", "Business Administration : Finance", "Ohio State University", "2012", True, ""),
        ("bachelor", "Nursing", "University of Toledo", "2008", True, ""),
        ("high_school", "", "Central High School", "2004", True, ""),
    ]


def test_a_dotted_degree_inside_a_longer_one_is_not_a_second_degree() -> None:
    # inside_a_longer_abbreviation: "B.A." is the tail of "M.B.A.", not a bachelor's degree of its own
    levels = [e[0] for e in _education("M.B.A., Masters : Business Administration Adelphi University")]
    assert levels == ["master"]
    assert [e[0] for e in _education("B.A., M.B.A. : Finance, Ohio University")] == ["bachelor", "master"]


def test_a_status_word_inside_a_schools_name_is_no_status() -> None:
    # marker_inside_a_schools_name: "Officer Candidate School" names a school; "MBA Candidate" is a status
    assert _education("Bachelor of Science : Aviation, 2008\nOfficer Candidate School") == [
        ("bachelor", "Aviation", "Officer Candidate School", "2008", True, "")
    ]
    assert _education("High School Diploma Naval Aircrew Candidate School 2006")[0][4:] == (True, "")
    assert _education("MBA Candidate, Ohio State University")[0][4:] == (False, "marked 'Candidate'")


def test_a_colleges_name_is_no_typo_of_a_degree() -> None:
    # school_name_is_no_typo: "Baruch College" is a college, not a misspelt "bachelor"
    assert _education("Baruch College City, State 2010") == []
    assert [e[0] for e in _education("Bachelr of Science in Marketing, 2012")] == ["bachelor"]


def test_an_award_named_for_a_company_is_no_degree() -> None:
    text = "Certifications\nJ.D Power and Associates award winner for customer service, 2006.\n"
    assert extract_signals(doc(text), as_of="2020-01").education == ()
    assert extract_signals(doc("Education\nJ.D., Harvard Law School, 2004\n")).degree.level == "doctorate"


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("Bachelor of Arts : Psychology East Carolina University City, State", "Psychology"),  # a school
        ("Bachelor's : Georgia", ""),  # a place
        ("Master of Arts : Marketing California State University", "Marketing"),
        ("Associate of Science : 3.0 GPA", ""),  # a grade
        (
            "Master of Science : School and District Administration , 2010",
            "School and District Administration",
        ),
        ("Bachelor of Science Degree : Sport Management , 2011", "Sport Management"),
        ("Associate of Applied Science : Saddleback Community College", ""),
        ("Bachelor of Science : Telecom. Created documentation for new processes", "Telecom"),
    ],
)
def test_a_field_is_never_a_place_a_date_a_grade_or_a_school(line: str, field: str) -> None:
    assert _education(line)[0][1] == field


def test_a_field_on_the_next_line_must_name_a_field() -> None:
    assert _education("Master of Arts\nFall 2006 New York University")[0][1] == ""
    assert _education("Bachelor of Arts\nActivities and Honors")[0][1] == ""
    assert _education("Bachelor of Science\nMarketing, 2012")[0][1] == "Marketing"


def test_jd_is_a_doctorate_in_law() -> None:
    (entry,) = _education("J.D : Law, cum laude, 1983 Cleveland-Marshall College of Law")
    assert entry[:2] == ("doctorate", "Law") and entry[3] == "1983"


@pytest.mark.parametrize(
    ("text", "level", "progress"),
    [
        (
            "Associate of Arts : Business, Lone Star College\ndegree not completed",
            "associate",
            "degree not completed",
        ),
        ("Wayne County Community College | City, State Some College (No Degree)", "unknown", "Some College"),
        ("Advanced coursework of 18 credit hours toward Master's Degree.", "master", "credit hours toward"),
        ("Bachelor of Science : Marketing, expected 2021 Ohio University", "bachelor", "expected"),
    ],
)
def test_unfinished_studies_are_not_completed_and_say_why(text: str, level: str, progress: str) -> None:
    entry = _education(text)[0]
    assert (entry[0], entry[4], entry[5]) == (level, False, f"marked '{progress}'")


def test_some_college_on_a_high_school_line_leaves_the_school_completed() -> None:
    entries = _education("June 2013 Downers Grove North High School 3.1 Some college")
    assert entries[0][:1] == ("high_school",) and entries[0][4] is True
    assert (entries[1][0], entries[1][4]) == ("unknown", False)


def test_certificates_and_diplomas_are_entries_with_their_names() -> None:
    entries = _education(
        "Dental Assistant Certificate, 2012 New Hampshire Technical Institute\nCulinary Diploma, 2015"
    )
    assert [(e[0], e[1]) for e in entries] == [("certificate", "Dental Assistant"), ("diploma", "Culinary")]


def test_an_entry_has_no_relatedness_judgement() -> None:
    from jobmatch.models import EducationEntry

    assert "related" not in " ".join(EducationEntry.__dataclass_fields__)


# --------------------------------------------------------------------------- job titles and employers


def _jobs(text: str) -> list[tuple[str, str]]:
    return [
        (j.title, j.employer) for j in extract_signals(doc(f"Experience\n{text}\n"), as_of="2020-01").jobs
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Account Sales Coordinator, Glow Cosmetics, January 2012 – Present",
            ("Account Sales Coordinator", "Glow Cosmetics"),
        ),
        ("Sales Associate at Macy's 2014 - 2016", ("Sales Associate", "Macy's")),
        ("Sales Associate - Nordstrom - Seattle, WA\n2014 - 2016", ("Sales Associate", "Nordstrom")),
        (
            "Sales Associate Company Name - City, State\n03/2016 to 10/2016",
            ("Sales Associate", "Company Name"),
        ),
        ("Grocery Clerk, 07/2012 to 05/2014\nCompany Name – City, State", ("Grocery Clerk", "Company Name")),
        ("Cashier, Boston, MA 2014 - 2016", ("Cashier", "")),  # a place is not an employer
        ("Specialist I, Operations Manager, 2014 - 2016", ("Specialist I", "")),  # a title is not one either
    ],
)
def test_title_and_employer(text: str, expected: tuple[str, str]) -> None:
    assert _jobs(text)[0] == expected


@pytest.mark.parametrize(
    "title",
    [
        "Virginia Beach",
        "'$33 million in sales'",
        "Increased sales by 12% from",
        "Counted and balanced cashier drawers",
        "I up-sold additional menu items",
    ],
)
def test_what_is_not_a_title_leaves_the_job_untitled(title: str) -> None:
    (job,) = extract_signals(doc(f"Experience\n{title}\n2014 - 2016\nSold.\n"), as_of="2020-01").jobs
    assert job.title == "" and job.months == 36


def test_lower_case_words_that_name_no_occupation_are_not_a_title() -> None:
    from jobmatch.signals.jobs import job_title

    assert job_title("communication") == job_title("backgrounds") == ""
    assert job_title("sales") == "sales"


def test_titles_that_look_like_other_things_stay_titles() -> None:
    assert _jobs("Enrolled Agent\n2014 - 2016")[0][0] == "Enrolled Agent"
    assert _jobs("Marketing Manager (Contract)\n2014 - 2016")[0][0] == "Marketing Manager"
    assert _jobs("registered nurse\n2014 - 2016")[0][0] == "registered nurse"


def test_since_inside_prose_or_outside_the_work_history_is_not_a_job() -> None:
    text = (
        "Experience\nCashier\n2015 - 2017\nHandled cash.\n"
        "A member since 1996, elected to the executive board in 2009 and organised events.\n"
        "Activities\nNotary Public of Passaic County since 2007\n"
    )
    assert [j.title for j in extract_signals(doc(text), as_of="2020-01").jobs] == ["Cashier"]


def test_a_degree_left_unfinished_is_not_the_highest_degree() -> None:
    text = "Education\nBachelors Degree : Education 1986\n18 credit hours toward Master's Degree."
    assert extract_signals(doc(text), as_of="2020-01").degree.level == "bachelor"
    text = "Education\nAssociate of Arts : Business Administration\nAccounting, degree not completed"
    assert extract_signals(doc(text), as_of="2020-01").degree.level == "unknown"
    text = "Education\nJune 2013 Downers Grove North High School 3.1 Some college"
    assert extract_signals(doc(text), as_of="2020-01").degree.level == "high_school"


def test_jd_in_capitals_is_a_doctorate_but_jd_edwards_is_software() -> None:
    assert _education("JD : Law, 2001 Boston University")[0][:2] == ("doctorate", "Law")
    assert _education("JD Edwards training, 2001") == []


@pytest.mark.parametrize(
    ("line", "school"),
    [
        ("High School Diploma Madill High School", "Madill High School"),
        ("High School Diploma, 2004 Central High School", "Central High School"),
        ("Bachelor of Arts : Psychology , 2014 University of Scranton City, State", "University of Scranton"),
        ("Social Science Current Ashford University", "Ashford University"),
        ("High School Diploma High School", ""),
    ],
)
def test_the_school_is_named_without_the_degree_or_the_place(line: str, school: str) -> None:
    assert _education(line)[0][2] == school


def test_a_bare_year_the_resume_names_is_its_january() -> None:
    """A file of June 2016 that says "2016 - Present" was written in 2016: the year does not overrule it."""
    import dataclasses

    text = "Experience\nSales Associate, Target, 2016 - Present\n"
    signals = extract_signals(dataclasses.replace(doc(text), dated="2016-06"), as_of="2025-06")
    assert signals.as_of == "2016-06"


def test_a_date_after_the_run_is_no_month_the_resume_names() -> None:
    """A course code "ACQ 2036" is not a date the résumé has reached: it does not overrule the file's."""
    import dataclasses

    text = GLOW + "Training: Defense Acquisition course ACQ 2036\n"
    signals = extract_signals(dataclasses.replace(doc(text), dated="2014-01"), as_of="2025-06")
    assert signals.as_of == "2014-01"


def test_explain_says_present_was_counted_to_the_files_date(tmp_path: Path) -> None:
    import datetime

    import docx

    document = docx.Document()
    for line in ("Dana Example", *GLOW.splitlines()):
        document.add_paragraph(line)
    document.core_properties.modified = datetime.datetime(2014, 1, 20)
    document.save(str(tmp_path / "dana.docx"))
    result = CliRunner().invoke(
        app, ["explain", str(tmp_path / "dana.docx"), "-p", POSTING, "--as-of", "2025-06"]
    )
    assert result.exit_code == 0, result.stderr
    assert "'Present' counted to: 2014-01 (when the file was written)" in result.stdout
    assert "Job: Account Sales Coordinator, Glow Cosmetics (2012-01 – present, 25 months)" in result.stdout
