from __future__ import annotations

import pytest

from jobmatch.models import Method
from jobmatch.signals import extract_signals
from jobmatch.signals.dates import find_ranges, month_label, months_merged
from jobmatch.signals.sections import heading_of
from jobmatch.signals.view import ResumeView
from jobmatch.signals.vocab import matcher
from tests.helpers import doc

# --------------------------------------------------------------------------- matcher


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Proficient in Micorsoft Excel and Powerpiont", {"Excel", "PowerPoint"}),
        ("Proficient in Exel", set()),  # short_words_are_no_typos: a four-letter word is never corrected
        ("MS Office, Word, Outlook", {"Microsoft Office", "Word", "Outlook"}),
        ("Microsoft Office Suite (Word, Excel)", {"Microsoft Office", "Word", "Excel"}),
        ("Office Manager at the Patent and Trademark Office", set()),
        ("He excels at everything", set()),
    ],
)
def test_office_terms(text: str, expected: set[str]) -> None:
    hits = matcher("office", "terms").find(text) + matcher("office", "ambiguous").find(text)
    assert {h.canonical for h in hits} >= expected
    if not expected:
        assert [h for h in matcher("office", "terms").find(text)] == []


def test_ordinary_words_in_a_skills_list_are_not_office_applications() -> None:
    def office(skills: str) -> tuple[str, ...]:
        return extract_signals(doc(f"Skills\n{skills}\n")).term("microsoft_office").terms

    assert office("Sorting, spreadsheet, Supervising, Teamwork, word processing, written") == ()
    assert (
        office("balance budgets, contracts, delivery, inventory, managing, access, personnel policies") == ()
    )
    assert office("Budgeting, Access, Leadership, Scheduling") == ("Access",)  # the name, capitalised
    assert office("Microsoft Excel, word, outlook") == ("Excel", "Word", "Outlook")  # beside an application


def test_donor_and_smaller_crm_systems_are_crm() -> None:
    line = (
        "Experience\nDevelopment Manager\n2012 - 2016\n"
        "Followed through on each package for proper tracking in Raiser's Edge.\n"
    )
    crm = extract_signals(doc(line)).term("crm")
    assert crm.present and crm.terms == ("Raiser's Edge",) and crm.evidence[0].line == 4
    assert not extract_signals(doc("Skills\nCopper pipes, soldering\n")).term("crm").present


def test_fuzzy_hit_reports_ratio_and_original_words() -> None:
    (hit,) = [
        h for h in matcher("office", "terms").find("Skilled in Powerpiont") if h.canonical == "PowerPoint"
    ]
    assert hit.method is Method.FUZZY
    assert 85 <= hit.ratio < 100
    assert hit.matched == "Powerpiont"


def test_a_short_word_is_never_a_typo_of_another() -> None:
    # short_words_are_no_typos: "water" is one letter from "waiter", "site" from "suite": a real word far
    # more often than a misspelling, so a word under six letters is never corrected
    service = matcher("roles", "customer_service")
    assert service.find("Installed water heaters in RVs") == []
    assert [h.method for h in service.find("Cusomer Service Representative")] == [Method.FUZZY]


def test_inflection_is_not_a_typo() -> None:
    assert matcher("office", "terms").find("She excels under pressure") == []


@pytest.mark.parametrize(
    "text",
    [
        "Repaired cosmetic damage on vehicles",
        "aesthetic finish",
        "installed make-up air units",
        "cosmic rays",
    ],
)
def test_cosmetics_false_friends(text: str) -> None:
    assert matcher("cosmetics", "terms").find(text) == []


@pytest.mark.parametrize(
    ("text", "canonical"),
    [("Beauty Advisor, Sephora counter", "Sephora"), ("Freelance artist for MAC Cosmetics", "MAC")],
)
def test_cosmetics_brands(text: str, canonical: str) -> None:
    assert canonical in {h.canonical for h in matcher("cosmetics", "terms").find(text)}


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("01/2010 to Current", "2010-01", "present"),
        ("Apr 2014 to Feb 2017", "2014-04", "2017-02"),
        ("Sales Coordinator Jan 2015 - Present", "2015-01", "present"),
        ("2012 – 2014", "2012-01", "2014-12"),
        ("Sept 2021 – Present", "2021-09", "present"),
        # dash_read_as_at: PDFium's text of some fonts' dash
        ("Sales 01/2007 @ 08/2015 Company Name", "2007-01", "2015-08"),
        ("Real Estate Sales 01/1997 @ Current", "1997-01", "present"),
    ],
)
def test_date_ranges(text: str, start: str, end: str) -> None:
    (r,) = find_ranges(text)
    assert (month_label(r.start), month_label(r.end)) == (start, end)


def test_an_at_sign_is_a_range_only_between_spaces() -> None:
    assert find_ranges("01/2007@08/2015") == []
    assert len(find_ranges("01/2007 @ 08/2015")) == 1


def test_range_written_latest_first_is_the_same_span() -> None:
    (r,) = find_ranges("Sales Rep 05/2017 to 04/1993 Company Name")
    assert (month_label(r.start), month_label(r.end), r.start_text, r.end_text) == (
        "1993-04",
        "2017-05",
        "04/1993",
        "05/2017",
    )
    # Months out of order inside one year cannot be told apart from a typo: no range.
    assert find_ranges("11/2015 - 02/2015") == []


def test_months_merged_counts_overlap_once() -> None:
    assert months_merged([(0, 11), (6, 17), (30, 35)]) == 24


# --------------------------------------------------------------------------- whole résumés

GOOD = """
Jane Doe
jane@example.com | 555-0100
Summary
Sales coordinator with strong communication skills.
Experience
Sales Coordinator
03/2015 - 02/2018
Company Name, City, State
Processed orders and tracked order status for key accounts.
Prepared weekly sales reports in Excel.
Customer Service Representative
01/2013 - 06/2015
Answered inbound calls and resolved customer complaints.
Education
Bachelor of Science : Marketing 2012 State University
Skills
Microsoft Office, Salesforce CRM
"""


def test_good_resume_signals() -> None:
    s = extract_signals(doc(GOOD))
    assert s.name == "Jane Doe"
    assert (s.degree.level, s.degree.field, s.degree.field_related) == ("bachelor", "Marketing", True)
    assert s.term("microsoft_office").present and "Excel" in s.term("microsoft_office").terms
    assert s.role("sales_support").present and s.role("sales_support").years == pytest.approx(3.0)
    assert s.role("customer_service").present and s.role("customer_service").years == pytest.approx(2.5)
    # 01/2013 .. 02/2018 with the overlap counted once
    assert s.years_of("sales_or_service_years") == pytest.approx(5.2)
    assert s.term("crm").terms == ("CRM", "Salesforce") or set(s.term("crm").terms) == {"CRM", "Salesforce"}
    assert not s.term("cosmetics").present


def test_evidence_points_at_the_line() -> None:
    s = extract_signals(doc(GOOD))
    ev = s.degree.evidence[0]
    assert ev.text.startswith("Bachelor of Science") and ev.page == 1 and ev.section == "education"


def test_negation_cancels() -> None:
    s = extract_signals(doc("Experience\nNo prior sales experience. Not yet proficient in Excel.\n"))
    assert not s.term("microsoft_office").present


@pytest.mark.parametrize(
    ("line", "level", "related"),
    [
        ("B.B.A., Finance, 2016", "bachelor", True),
        ("BA Comm., San Diego State University", "bachelor", True),
        ("MBA, University of Phoenix, 2006", "master", True),
        ("B.S : Chemistry", "bachelor", False),
        ("High School Diploma 2004", "high_school", False),
        ("Associate of Arts : Business", "associate", False),
    ],
)
def test_degree_forms(line: str, level: str, related: bool) -> None:
    d = extract_signals(doc(f"Education\n{line}\n")).degree
    assert (d.level, d.field_related) == (level, related)


def test_ms_office_is_not_a_masters_degree() -> None:
    d = extract_signals(doc("Skills\nMS Office, MS Excel\nEducation\nHigh School Diploma\n")).degree
    assert d.level == "high_school"


def test_degree_in_progress() -> None:
    d = extract_signals(doc("Education\nBachelor of Science : Marketing, expected May 2019\n")).degree
    assert d.in_progress and d.level == "bachelor"


def test_a_degree_the_candidate_is_going_back_to_complete_is_in_progress() -> None:
    text = "Education\nTransferring to fulfill my Bachelor of Science in Aviation Management\n"
    d = extract_signals(doc(text)).degree
    assert d.in_progress and d.level == "bachelor"


def test_second_degree_in_progress_beside_a_finished_one_at_that_level() -> None:
    text = (
        "Education\nMaster of Organizational Leadership : Human Resources, In Progress\n"
        "Master of Business Administration : Business Administration, 2012\n"
    )
    d = extract_signals(doc(text)).degree
    assert d.level == "master" and not d.in_progress


def test_degree_repeated_on_two_lines_keeps_its_status() -> None:
    # Web-page PDFs repeat the degree on the line that carries the status.
    text = (
        "Education\nA.A. : Business Management-Accounting, 2016 Treasure Valley Community College\n"
        "Currently Attending--Graduation expected in 2016 - A.A. in Business Management-Accounting\n"
    )
    d = extract_signals(doc(text)).degree
    assert d.level == "associate" and d.in_progress


def test_status_of_the_next_school_is_not_this_degrees() -> None:
    text = "Education\nHigh School Diploma Mount Si High School\nBellevue College - Current Freshman\n"
    d = extract_signals(doc(text)).degree
    assert d.level == "high_school" and not d.in_progress


def test_studies_without_a_degree_name_are_in_progress_at_unknown_level() -> None:
    d = extract_signals(doc("Education\nSocial Science/Hospitality Current Ashford University\n")).degree
    assert d.level == "unknown" and d.in_progress
    assert d.evidence[0].text.startswith("Social Science")
    assert not extract_signals(doc("Education\nAshford University, 2010\n")).degree.in_progress


def test_in_progress_says_why_and_quotes_the_line() -> None:
    d = extract_signals(doc("Education\nBachelor of Science : Marketing, expected May 2019\n")).degree
    assert d.progress == "marked 'expected'"
    assert not extract_signals(doc("Education\nBachelor of Science : Marketing, 2019\n")).degree.progress


def test_a_graduate_post_held_to_this_day_puts_the_graduate_degree_in_progress() -> None:
    work = "Experience\nGraduate Research Assistant 07/2013 to Current Company Name City, State\n"
    phd = "Education\nPh.D. : Ruminant Nutrition 2017 University of Florida\n"
    d = extract_signals(doc(work + phd + "Master of Science : Nutrition 2011 University\n")).degree
    assert d.level == "doctorate" and d.in_progress
    assert d.progress == "holds a graduate post to this day"
    assert d.evidence[1].text.startswith("Graduate Research Assistant")
    # The post ended, or the degree was finished before the post began: nothing says it is under way.
    ended = work.replace("Current", "05/2016")
    assert not extract_signals(doc(ended + phd)).degree.in_progress
    earlier = "Education\nMaster of Science : Nutrition 2011 University\n"
    assert not extract_signals(doc(work + earlier)).degree.in_progress
    # An undergraduate can be a research assistant: the title must say graduate.
    plain = work.replace("Graduate Research", "Research")
    assert not extract_signals(doc(plain + phd)).degree.in_progress


def test_high_school_too_recent_for_the_degree_puts_it_in_progress() -> None:
    work = "Experience\nLandscaper 05/2017 to Current Company Name City, State\n"
    school = "June 2016 Chaminade Julienne Catholic High School City, State\n"
    d = extract_signals(
        doc(work + "Education\nBSBA : Finance Economics May Miami University\n" + school)
    ).degree
    assert d.level == "bachelor" and d.in_progress
    assert d.progress == "high school finished in 2016, too recently to hold it by 2017"
    assert d.evidence[1].text.startswith("June 2016")
    # Four years after school, or a degree with its own year: finished.
    older = school.replace("2016", "2013")
    assert not extract_signals(
        doc(work + "Education\nBSBA : Finance May Miami University\n" + older)
    ).degree.in_progress
    dated = "Education\nBSBA : Finance Economics May 2017 Miami University\n"
    assert not extract_signals(doc(work + dated + school)).degree.in_progress


def test_degree_words_outside_education_that_are_not_degrees() -> None:
    summary = "Summary\nCashier who quickly learns and masters new concepts and skills.\n"
    education = "Education\nHigh School Diploma : 2013 Henry County High School\n"
    assert extract_signals(doc(summary + education)).degree.level == "high_school"
    # A near-spelling counts only in Education: "matters" is not "masters", "accociate" is a typo of a job.
    typo = "Summary\nFriendly sales accociate, professional in matters of service at all times.\n"
    assert extract_signals(doc(typo + education)).degree.level == "high_school"
    assert (
        extract_signals(doc("Education\nBachelr of Science in Marketing, 2012\n")).degree.level == "bachelor"
    )
    # a real word one letter from a degree is never its typo, even where no Education heading tells them apart
    assert extract_signals(doc("Handled legal matters for 40 clients\n")).degree.level == "unknown"


def test_mixed_case_degree_abbreviations_and_a_year_before_the_degree() -> None:
    # mixed_case_degree: "BSc", "MSc" have two capitals; year_before_degree: school, year, then the degree
    bsc = extract_signals(
        doc("Education\nBSc : Human Resource Management, University of Lagos 2010\n")
    ).degree
    assert (bsc.level, bsc.field) == ("bachelor", "Human Resource Management")
    msc = extract_signals(doc("Education\nMSc in Data Science\n")).degree
    assert msc.level == "master"
    dated = extract_signals(doc("Education\nBenedict College 2013 BS : Business Administration\n")).degree
    assert (dated.level, dated.field) == ("bachelor", "Business Administration")
    assert extract_signals(doc("Summary\nMs Smith joined in 2013\n")).degree.level == "unknown"


def test_the_education_line_names_the_degree_before_a_summary_mention() -> None:
    summary = "Summary\nThe post asks for a Bachelor's Degree in Business or a related field.\n"
    education = "Education\nBS : Metallurgy and Materials Engineering Colorado School of Mines\n"
    d = extract_signals(doc(summary + education)).degree
    assert d.level == "bachelor" and d.field.startswith("Metallurgy") and not d.field_related
    assert d.evidence[0].section == "education"


def test_ma_and_ms_are_masters_but_not_office_or_a_state() -> None:
    d = extract_signals(
        doc("Education\nMA : Human Resources, 2004 Webster University\nBA : Education, 1997\n")
    ).degree
    assert d.level == "master" and d.field == "Human Resources"
    assert extract_signals(doc("Education\nMS : Computer Science, 2010\n")).degree.level == "master"
    skills = "Education\nB.S. in Biology, Boston, MA 2010\nSkills\nMS Office, MS Excel\n"
    assert extract_signals(doc(skills)).degree.level == "bachelor"


def test_engineering_and_science_fields_with_business_words_are_unrelated() -> None:
    for field in (
        "Electronics and Communication Engineering",
        "Communication Disorders",
        "Environmental Management",
    ):
        d = extract_signals(doc(f"Education\nBachelor of Science : {field}, 2010\n")).degree
        assert d.level == "bachelor" and not d.field_related, field
    hr = extract_signals(doc("Education\nBachelor of Science : Human Resource Management, 2010\n")).degree
    assert hr.field_related


def test_a_related_degree_below_the_highest_still_counts() -> None:
    text = (
        "Education\nJuris Doctorate : Law, 2014 Southern University Law Center\n"
        "B.S : Mass Communications, 2001 Tennessee State University\n"
    )
    d = extract_signals(doc(text)).degree
    assert d.level == "doctorate" and d.field == "Law"
    assert d.field_related and d.related_degree == "bachelor in Mass Communications"
    assert d.evidence[1].text.startswith("B.S : Mass Communications")
    # A summary quoting an ad, or a sentence describing the degree, names no related degree.
    ad = "Summary\nThis post requires a Bachelor's Degree in Business.\nEducation\nBS : Biology, 2010\n"
    assert not extract_signals(doc(ad)).degree.field_related
    described = (
        "Education\nBachelor of Science : Leadership & Cultural Studies 2015 University of Mobile\n"
        "The Bachelor of Science in Leadership and Cultural Studies develops proficiency in communication\n"
    )
    assert not extract_signals(doc(described)).degree.field_related


def test_the_major_written_after_the_school() -> None:
    def field(line: str) -> str:
        return extract_signals(doc(f"Education\n{line}\n")).degree.field

    assert (
        field("Bachelor of Arts : Autonomous University of Guadalajara - Accounting City, State")
        == "Accounting"
    )
    assert field(
        "2012 Bachelors : American Intercontinental University - Business Management - Marketing City"
    ) == ("Business Management")
    # A campus is not a major: the field before the school stands.
    campus = "Bachelor of Science : Accounting & Finance University of South Carolina - Upstate - City, State"
    assert field(campus) == "Accounting & Finance"
    assert (
        field("Bachelor of Science : Computer Science University of Houston - City, State")
        == "Computer Science"
    )


def test_a_degree_named_outside_an_education_section_that_names_none() -> None:
    text = (
        "Qualifications\nAdvanced experience with Microsoft Office.\n"
        "Bachelors in Social Ecology i.e psychology\n"
        "Experience\nBusiness Development Manager\nJune 2015 to Current\nTrained master's students.\n"
        "Education\nSocial Ecology, Environmental Analysis & Design, 2004 University of California Irvine\n"
    )
    assert extract_signals(doc(text)).degree.level == "bachelor"
    # When Education names a degree, the other sections are not read for one; duties never are.
    named = text.replace("Social Ecology, Environmental", "Associate of Arts : Environmental")
    assert extract_signals(doc(named)).degree.level == "associate"
    duty = text.replace("Bachelors in Social Ecology i.e psychology", "Organized files")
    duty = duty.replace("Trained master's students.", "Tutored Masters of Business students.")
    assert extract_signals(doc(duty)).degree.level == "unknown"


def test_unknown_without_education() -> None:
    assert extract_signals(doc("Experience\nCashier 2010 - 2012\n")).degree.level == "unknown"


def test_senior_title() -> None:
    s = extract_signals(doc("Experience\nVice President of Sales\n2005 - Present\nLed the national team.\n"))
    assert s.seniority == "senior"


def _job(title: str, *duties: str) -> str:
    return "Experience\n" + f"{title}\n01/2010 - 12/2014\n" + "\n".join(duties) + "\n"


def test_duties_make_a_role_when_the_title_does_not() -> None:
    s = extract_signals(doc(_job("Team Lead", "Processed purchase orders for the warehouse.")))
    assert s.role("sales_support").present and s.role("sales_support").years == pytest.approx(5.0)
    assert s.role("sales_support").evidence[0].method == "inferred"
    # a weak duty alone is common in any job; beside a second kind it shows the role
    assert not extract_signals(doc(_job("Team Lead", "Answered phones."))).role("customer_service").present
    both = doc(_job("Team Lead", "Answered phones.", "Greeted visitors at the front desk."))
    assert extract_signals(both).role("customer_service").present


def test_duties_that_are_most_of_a_job_make_it_that_job() -> None:
    # ``duties_make_the_job``: one line in four of a described job is serving customers: the job is
    # customer service, not service done inside another job
    shop = _job(
        "Sales Specialist",
        "Assisted customers in person and remotely with device setup.",
        "Processed sales, payments, refunds and exchanges.",
        "Kept the sales floor stocked and presentable.",
    )
    role = extract_signals(doc(shop)).role("customer_service")
    assert role.present and role.evidence[0].method != "inferred"
    # the same duty among many others stays work inside another job
    office = _job(
        "Office Coordinator",
        "Assisted customers at the front desk.",
        *(
            f"Prepared the monthly {w} report for the directors."
            for w in ("budget", "travel", "fleet", "payroll")
        ),
    )
    role = extract_signals(doc(office)).role("customer_service")
    assert role.present and role.evidence[0].method == "inferred"


def test_a_plural_department_title_is_its_role() -> None:
    s = extract_signals(doc(_job("Customer Services", "Support English and Spanish incoming call flow.")))
    assert s.role("customer_service").present
    assert s.role("customer_service").evidence[0].method != "inferred"


def test_duty_phrasings_with_numbers_and_possessives() -> None:
    reports = _job("Team Lead", "Prepared monthly commission reports for 10+ sales representatives.")
    assert extract_signals(doc(reports)).role("sales_support").present
    accounts = _job("Team Lead", "Managing VIP and major customer's accounts.")
    assert extract_signals(doc(accounts)).role("sales_support").present
    # Opening accounts is selling, not supporting sales.
    opened = _job("Team Lead", "Established new customer accounts.")
    assert not extract_signals(doc(opened)).role("sales_support").present


def test_solving_customer_problems_is_customer_contact() -> None:
    job = _job(
        "Team Lead", "Quickly and effectively solve customer challenges.", "Answered multi-line phones."
    )
    assert (
        extract_signals(doc(job)).role("customer_service").present
    )  # customer contact and phones: two kinds
    assert (
        not extract_signals(doc(_job("Team Lead", "Answered multi-line phones.")))
        .role("customer_service")
        .present
    )


def test_trade_shows_and_client_records_support_a_sales_managers_showroom() -> None:
    duties = (
        "Maintained database of clientele and sent notifications of sales and shows.",
        "Coordinated Apparel and Gift Mart Shows eight times per year.",
    )
    assert extract_signals(doc(_job("Sales Manager", *duties))).role("sales_support").present
    # Either alone is common in other jobs: one kind of support duty is not a support role.
    assert not extract_signals(doc(_job("Sales Manager", duties[1]))).role("sales_support").present
    assert (
        not extract_signals(doc(_job("Sales Manager", "Attended trade shows."))).role("sales_support").present
    )


def test_a_title_after_the_employer_ends_at_the_first_duty_verb() -> None:
    text = (
        "Experience\nAugust 2001 to June 2006\n"
        "Company Name City, State HR Benefits Administrator Prepared monthly reconciliation for healthcare "
        "accounts for BCBS, BCN, HAP, Total Healthcare, Omnicare and Delta Dental\n"
    )
    s = extract_signals(doc(text))
    assert s.latest_title == "HR Benefits Administrator" and s.years_of("sales_or_service_years") == 0
    licensed = (
        "Experience\nCompany Name January 2012 to Current "
        "Manager / New York State Licensed Real Estate Salesperson\n"
    )
    assert extract_signals(doc(licensed)).role("customer_service").present  # "Licensed" is part of the title
    # Duties straight after the employer, or lower-case prose, name no title of their own.
    for line in (
        "Company Name - City, State Worked with operations department for rental inventory. I handled all "
        "leasing reports",
        "Company Name - City, State Responsibilities: - Tracked and managed resources, using Great Plains "
        "and Excel",
    ):
        assert extract_signals(doc(f"Experience\nJanuary 2014 to May 2015\n{line}\n")).latest_title == ""


def test_bookkeeping_and_buying_are_not_sales() -> None:
    ar = extract_signals(doc(_job("Accounts Receivable & Accounts Payable", "Posted payments.")))
    assert not ar.role("sales_support").present and ar.years_of("sales_or_service_years") == 0
    buying = _job(
        "Office Assistant", "Oversaw office inventory by restocking supplies and submitting purchase orders."
    )
    assert not extract_signals(doc(buying)).role("sales_support").present
    selling = _job("Office Assistant", "Entered customer purchase orders into SAP.")
    assert extract_signals(doc(selling)).role("sales_support").present


def test_an_executive_assistant_is_not_another_occupation() -> None:
    # "Executive" names other occupations, but here it is part of the assistant's own title: one strong
    # service duty is enough, as for any assistant.
    job = _job("Executive Assistant", "5 years as company receptionist and expert customer service provider")
    assert extract_signals(doc(job)).role("customer_service").present


def test_a_duty_line_that_states_its_own_length_bounds_the_role() -> None:
    text = (
        "Experience\nExecutive Assistant Jan 1992 to Nov 2009\nCompany Name - City, State\n"
        "5 years as company receptionist and expert customer service provider\n"
        "Promoted to Executive Assistant to the Vice President\n"
    )
    s = extract_signals(doc(text))
    assert s.role("customer_service").years == 5.0 and s.years_of("sales_or_service_years") == 5.0
    (role,) = s.role("customer_service").roles
    assert (role.start, role.end, role.months) == ("2004-12", "2009-11", 60)
    # A role from the title spans the job, whatever a duty line says.
    titled = text.replace("Executive Assistant Jan", "Receptionist Jan")
    assert extract_signals(doc(titled)).role("customer_service").years == pytest.approx(17.9)


def test_a_long_line_naming_no_employer_is_not_the_title() -> None:
    text = (
        "Experience\nProject Manager 01/2007 to 01/2011 Company Name City, State\n"
        "Institutional Client Services, Marketing project management for product implementations, asset "
        "consolidations and email campaign projects\n"
    )
    s = extract_signals(doc(text))
    assert not s.role("sales_support").present and not s.role("customer_service").present
    # A title followed on its line by the employer and a first duty is still the title.
    merged = (
        "Experience\n03/2016 to Current\nSales Coordinator Company Name - City, State Able to operate "
        "material handling equipment (e.g. hand truck, pallet jack, forklift, etc.).\n"
    )
    assert extract_signals(doc(merged)).role("sales_support").titles == ("Sales Coordinator",)


def test_a_bullet_below_the_dated_title_line_is_a_duty_not_the_title() -> None:
    """bullet_is_a_duty: the sales words of "- Entered sales orders in SAP" do not make it the job's title
    over "Office Assistant" on the dated line above it."""
    text = (
        "Experience\nOffice Assistant, Acme Wholesale, Chicago, IL    03/2015 - 06/2019\n"
        "- Entered sales orders and purchase orders in SAP for the sales team\n"
        "- Compiled weekly sales reports for the regional sales managers\n"
    )
    assert [j.title for j in extract_signals(doc(text)).jobs] == ["Office Assistant"]


def test_the_occupation_above_the_dated_employer_line_is_the_title() -> None:
    """occupation_title_first: "Accounts Payable Clerk" above "Heartland Foods, Omaha, NE 01/2024 - 06/2025"
    is the job's title, not the employer beside the dates."""
    text = (
        "EXPERIENCE\nAccounts Payable Clerk\nHeartland Foods, Omaha, NE    01/2024 - 06/2025\n"
        "Matched invoices to purchase orders and entered them in SAP.\n"
    )
    assert [j.title for j in extract_signals(doc(text)).jobs] == ["Accounts Payable Clerk"]


def test_another_occupation_needs_two_kinds_of_service_duty() -> None:
    one = _job("Maintenance Administrator", "Answered calls from the field crews.")
    assert not extract_signals(doc(one)).role("customer_service").present
    calls = _job("Maintenance Administrator", "Answered customer complaint calls about service issues.")
    assert extract_signals(doc(calls)).role("customer_service").present  # complaints and calls: two kinds
    two = _job(
        "Administrative Assistant/HR Assistant",
        "Rainbow Hospice - Receptionist.",
        "Front desk duties.",
        "Handle all incoming calls, to both main office and ARK location.",
    )
    s = extract_signals(doc(two))
    assert s.role("customer_service").present and not s.role("sales_support").present
    # an engineer who processed orders is still an engineer
    engineer = _job("Process Engineer", "Processed purchase orders.", "Prepared sales reports.")
    assert not extract_signals(doc(engineer)).role("sales_support").present


@pytest.mark.parametrize(
    ("title", "service"),
    [
        ("Host/Server", True),
        ("Pro Shop Crew Member", True),
        ("Greeter", True),
        ("SQL Server Developer", False),  # the same words in another trade
        ("Production Crew Member", False),
        ("Host Server Dishwasher Cook", False),
    ],
)
def test_restaurant_and_venue_titles(title: str, service: bool) -> None:
    s = extract_signals(doc(f"Experience\n{title}\n01/2010 - 12/2012\n"))
    assert s.role("customer_service").present is service


def test_saying_you_are_a_student_puts_that_level_in_progress() -> None:
    education = "Education\nHigh School Diploma : Graphics/IT, 2017 Forest Park High School\n"
    student = extract_signals(doc("Summary\nI am a high school student studying design.\n" + education))
    assert student.degree.level == "high_school" and student.degree.in_progress
    duty = "Experience\nTutor\n2015 - 2016\nTutored high school students.\n"
    tutor = extract_signals(doc(education + duty))
    assert not tutor.degree.in_progress
    bachelor = "Education\nBachelor of Arts : Marketing, 2010\n"
    other_level = extract_signals(doc("Summary\nMBA student.\n" + bachelor))
    assert other_level.degree.level == "bachelor" and not other_level.degree.in_progress


def _long_history(jobs: int) -> str:
    lines = ["Pat Example", "pat@example.com", "Experience"]
    for i in range(jobs):
        year = 1990 + i % 30
        lines += [f"{year} - {year + 1}  Sales Associate, Store {i}", "Helped customers at the register"]
    return "\n".join(lines)


def _calls(text: str) -> int:
    """Function calls (Python and built-in) made extracting the signals of ``text``: work, not time."""
    import sys

    document = doc(text)
    count = 0

    def profile(_frame: object, event: str, _arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    extract_signals(document)  # warm the vocabularies first: loading them is no part of the résumé's cost
    sys.setprofile(profile)
    try:
        extract_signals(document)
    finally:
        sys.setprofile(None)
    return count


def test_job_detection_work_grows_linearly_with_a_long_history() -> None:
    # A 640 KB text résumé of one-line jobs used its whole 20 s budget: every job scanned every other
    # job's start for the next one (and has_section scanned every line). Eight times the jobs must cost
    # about eight times the work (the quadratic detection cost about eighteen).
    small, large = _calls(_long_history(300)), _calls(_long_history(2400))
    assert large < 10 * small, (small, large)


def test_dated_lines_under_interests_or_affiliations_are_not_jobs() -> None:
    # not_a_work_section: a membership with dates is not part of the work history; volunteer work still is
    text = (
        "Experience\n"
        "Sales Associate, Company Name 05/2012 to 01/2016\n"
        "Helped customers choose products.\n"
        "Interests\n"
        "Delta Sigma Pi, March 2015-Present\n"
        "Professional Affiliations\n"
        "Toastmasters Club 2014 - 2018\n"
        "Volunteer Experience\n"
        "Food Bank Coordinator 2010 - 2011\n"
    )
    titles = [job.title for job in extract_signals(doc(text)).jobs]
    assert "Sales Associate" in titles[0]
    assert not any("Delta" in t or "Toastmasters" in t for t in titles)
    assert any("Food Bank" in t for t in titles)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2019 october - now", "2019-10", None),  # year_before_month
        ("2020, June - 2021, March", "2020-06", "2021-03"),
        ("Python developer 20182020", "2018-01", "2020-12"),  # glued_years
    ],
)
def test_dates_written_year_first_or_glued(text: str, start: str, end: str | None) -> None:
    (r,) = find_ranges(text)
    assert month_label(r.start) == start
    assert (None if r.end is None else month_label(r.end)) == end


def test_glued_digits_that_are_no_years_are_no_range() -> None:
    assert find_ranges("Order #20182020 shipped") == [] and find_ranges("20202018") == []
    assert find_ranges("Call 2018202020") == []


def test_a_skill_named_like_a_heading_inside_a_skills_list_is_an_item() -> None:
    # heading_inside_a_skills_list: "Leadership" between two skills is one of them, not a new section
    text = "Skills\nLeadership\nBudgeting\nStrategic Planning\nLeadership\nSales\nExperience\nClerk\n"
    view = ResumeView.of(doc(text))
    assert list(view.sections[:6]) == ["skills"] * 6
    # a real heading still opens its section: a sentence follows it, or it ends the page
    opened = ResumeView.of(doc("Skills\nBudgeting\nLeadership\nLed a team of 12 through two openings.\n"))
    assert list(opened.sections[2:]) == ["other", "other"]
    # a heading that names no skill is a heading between short lines too
    languages = ResumeView.of(doc("Skills\nBudgeting\nLanguages\nSpanish\n"))
    assert languages.sections[2] == "skills"


def test_the_end_of_a_sentence_is_no_heading() -> None:
    # sentence_end_is_no_heading: "software." ends the line above; the job below it stays in Experience
    text = (
        "Experience\nNetwork Engineer\nMay 2008 to December 2014 Company Name\n"
        "Through unified workflows you can repair network faults with HP\nsoftware.\n"
        "Help Desk Analyst\nJanuary 2006 to April 2008 Company Name\nAnswered user calls.\n"
    )
    view = ResumeView.of(doc(text))
    assert set(view.sections) == {"experience"}
    assert [j.title for j in extract_signals(doc(text)).jobs] == ["Network Engineer", "Help Desk Analyst"]
    # a heading still opens its section, in capitals or with a colon
    assert heading_of("Software") == heading_of("SOFTWARE:") == "skills" and heading_of("software.") is None


def test_undated_jobs_of_any_field_are_read_by_title_and_employer_line() -> None:
    """undated_job_of_any_field: a résumé with no dates still holds jobs: a title the occupations know, or
    any short line above its employer's line; a duty sentence ending in a full stop is no title."""
    text = (
        "Experience\n"
        "Public Relations Specialist\n"
        "Company Name - City, State\n"
        "Pitched stories to broadcast media.\n"
        "Promote excellent customer service.\n"
        "Polo Specialist\n"
        "Company Name - City, State\n"
        "Helped customers choose shirts.\n"
    )
    jobs = extract_signals(doc(text)).jobs
    assert [j.title for j in jobs] == ["Public Relations Specialist", "Polo Specialist"]
    assert all(j.months == 0 for j in jobs)
