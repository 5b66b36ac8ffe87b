"""The education and experience matchers and the occupation vocabulary, on hand-built résumé facts.

Facts (jobs, education entries) are built directly so these tests pin the matchers, not the extraction.
"""

from __future__ import annotations

import pytest

from jobmatch.knowledge.fields import load_degree_fields, parse_degree_fields
from jobmatch.knowledge.occupations import load_occupations, parse_occupations
from jobmatch.matching import Context, Matcher, matcher_for
from jobmatch.matching.education import EXTRA_ROLE_YEARS, accepted_families, field_families
from jobmatch.matching.occupation import (
    field_target,
    match_jobs,
    merged_months,
    seniority_rung,
    title_occupations,
)
from jobmatch.models import (
    Category,
    Document,
    EducationEntry,
    Evidence,
    JobEntry,
    Line,
    Method,
    Requirement,
    RequirementKind,
    Role,
    RoleSignal,
    Signals,
    Status,
)
from jobmatch.scoring import match_requirement


def _doc(*rows: str) -> Document:
    return Document("cv.txt", "txt", tuple(Line(r, 1, i) for i, r in enumerate(rows, 1)), 1)


def _req(category: Category, text: str = "x", **kw: object) -> Requirement:
    return Requirement("R1", text, RequirementKind.REQUIRED, category=category, **kw)  # type: ignore[arg-type]


def _job(title: str, start: str, months: int, lines: tuple[int, ...]) -> JobEntry:
    return JobEntry(title=title, start=start, end="", months=months, line_indexes=lines)


# --------------------------------------------------------------------------- knowledge files


def test_every_occupation_names_a_known_family_and_has_titles() -> None:
    vocab = load_occupations()
    assert len(vocab.occupations) >= 40
    for occ in vocab.occupations.values():
        assert occ.family in vocab.families
        assert occ.titles, occ.id
    for fam in vocab.families.values():
        assert all(r in vocab.families for r in fam.related), fam.id


def test_an_unknown_family_in_a_user_file_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown family"):
        parse_occupations('[occupations.x]\ntitle = "X"\nfamily = "nope"\n')
    with pytest.raises(ValueError, match="unknown related"):
        parse_degree_fields('[families.a]\nfields = ["a"]\nrelated = ["b"]\n')


def test_field_taxonomy_places_fields_by_longest_phrase() -> None:
    assert "nursing" in field_families("Nursing")
    assert field_families("Construction Management") == frozenset({"construction"})
    assert "business" not in field_families("Construction Management")
    # several families when the field names several ("Business, Accounting and Finance")
    assert {"business", "accounting_finance"} <= field_families("Business, Accounting and Finance")
    assert load_degree_fields()["business"].related  # business accepts related families


def test_related_field_is_one_way() -> None:
    business = accepted_families(("business", "marketing"), True)
    marketing = accepted_families(("marketing",), True)
    accounting = accepted_families(("accounting", "finance"), True)
    assert "accounting_finance" in business and "human_resources" in business
    assert "human_resources" not in marketing and "accounting_finance" not in marketing
    assert "business" in accounting  # both ways here: accounting and finance are CIP business programmes


# --------------------------------------------------------------------------- occupations


def test_longest_title_decides_the_occupation() -> None:
    assert title_occupations("Accounts Payable Specialist")[0].id == "accounts_payable_clerk"
    assert title_occupations("Staff Accountant")[0].id == "accountant"
    assert title_occupations("Senior Accountant/Financial Analyst")  # a slash parts two titles
    assert title_occupations("Registered Nurse, ICU")[0].family == "nursing"
    # an IT director runs the function: no years of help-desk work by title alone
    assert title_occupations("Director of Information Technology")[0].id == "it_manager"
    assert title_occupations("Help Desk Technician")[0].id == "it_support_specialist"
    assert title_occupations("Civil Engineer II")[0].id == "civil_engineer"


def test_a_licence_in_the_title_says_which_of_its_familys_jobs_it_is() -> None:
    # licence_in_the_title_decides: "charge nurse" alone is an RN's title; beside "LPN" it is the LPN's
    assert [o.id for o in title_occupations("Charge Nurse (LPN)")] == ["licensed_practical_nurse"]
    assert [o.id for o in title_occupations("Staff Nurse - LPN")] == ["licensed_practical_nurse"]
    assert [o.id for o in title_occupations("Charge Nurse")] == ["registered_nurse"]
    both = {o.id for o in title_occupations("Charge Nurse RN/LPN")}
    assert both == {"registered_nurse", "licensed_practical_nurse"}
    assert title_occupations("Nursing Attendant")[0].id == "nursing_assistant"


def test_engineering_in_a_title_is_not_a_discipline_of_its_own() -> None:
    """An engineering manager or a mechanical engineer did no civil engineering by title: civil engineering
    is a family of its own (O*NET 17-2051), related to engineering."""
    target = field_target(("civil engineering",), ("civil_engineer",))
    jobs = (
        _job("Engineering Manager", "2012-01", 60, (0,)),
        _job("Mechanical Engineer", "2008-01", 48, (1,)),
    )
    lines = _doc("Engineering Manager", "Mechanical Engineer").lines
    assert [m.how for m in match_jobs(jobs, lines, target)] == ["adjacent", "adjacent"]
    civil = (_job("Transportation Engineer", "2015-01", 60, (0,)),)
    assert [m.how for m in match_jobs(civil, _doc("Transportation Engineer").lines, target)] == ["title"]


def test_seniority_ladder() -> None:
    assert seniority_rung("Assistant Manager") == 2  # not "manager"
    assert seniority_rung("Controller") == 4
    assert seniority_rung("VP Finance") == 6
    assert seniority_rung("Accounts Payable Specialist") == 1
    assert seniority_rung("Widget") is None


def test_a_field_names_occupations_not_every_title_holding_its_words() -> None:
    target = field_target(("customer service",))
    assert "customer_service_representative" in target.primary
    assert "bank_teller" not in target.primary  # "customer service banker" alone is a banker…
    assert "bank_teller" in target.secondary  # …though a teller's duties are customer service
    assert target.core == frozenset({"customer_service"})
    ap = field_target(("accounts payable",))
    assert "accounts_payable_clerk" in ap.primary
    assert "bookkeeper" in ap.secondary  # a bookkeeper's duties name accounts payable


def test_merged_months_counts_overlaps_once() -> None:
    a = _job("A", "2015-01", 24, ())
    b = _job("B", "2016-01", 24, ())  # overlaps a by 12 months
    c = _job("C", "", 10, ())  # undated: no interval
    assert merged_months([a, b, c]) == 36


# --------------------------------------------------------------------------- experience

AP_LINES = (
    "Accounts Payable Clerk",  # 0
    "Processed vendor invoices and weekly check runs.",  # 1
    "Registered Nurse",  # 2
    "Answered calls about accounts payable questions.",  # 3
    "Staff Accountant",  # 4
    "Prepared journal entries; handled AR, AP and GL.",  # 5
    "Cashier",  # 6
    "Ran the register.",  # 7
)


def _ctx(jobs: tuple[JobEntry, ...], lines: tuple[str, ...] = AP_LINES) -> Context:
    return Context(_doc(*lines), Signals(jobs=jobs, as_of="2020-12"), {})


def test_a_siblings_title_holding_the_familys_name_is_not_the_work() -> None:
    # a_sibling_is_no_family_name: "Account Receivable" holds the words of the AP clerk's family name but is
    # its sibling, the AR clerk: related work, as "Accounts Receivable Clerk" already was; "HR Executive", no
    # occupation's title, still names HR work by the family's name
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    ap = _req(Category.EXPERIENCE, years=2, fields=("accounts payable",))
    for title in ("Account Receivable", "Accounts Receivable Clerk"):
        lines = (f"{title}, 2010 - 2020", "Posted customer payments and sent statements")
        assert matcher(ap, _ctx((_job(title, "2010-01", 120, (0, 1)),), lines)).score < 0.5
    hr = _req(Category.EXPERIENCE, years=2, fields=("human resources",))
    named = ("HR Executive, 2015 - 2020", "Onboarded new staff")
    assert matcher(hr, _ctx((_job("HR Executive", "2015-01", 60, (0, 1)),), named)).score >= 0.85


def test_fpa_and_corporate_finance_are_a_financial_analysts_work() -> None:
    # "2–4 years in FP&A, corporate finance or investment banking": a Senior Financial Analyst's years are
    # the work, not related work of the accounting family
    from jobmatch.matching.occupation import field_target

    assert "financial_analyst" in field_target(("FP&A",)).primary
    assert "financial_analyst" in field_target(("corporate finance",)).secondary
    req = _req(Category.EXPERIENCE, years=2, fields=("FP&A", "corporate finance"))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    lines = ("Senior Financial Analyst, 2016 - 2020", "Prepared the monthly forecast and annual plan")
    jobs = (_job("Senior Financial Analyst", "2016-01", 48, (0, 1)),)
    assert matcher(req, _ctx(jobs, lines)).score >= 0.85


def test_an_account_executive_is_no_accounting_work() -> None:
    # an_activitys_noun_in_a_title: "accounting" holds the stem of "Account Executive" only by the noun
    # "account" (the customer); the accountant's and the accounting clerk's years are the work
    from jobmatch.matching.occupation import field_target

    target = field_target(("accounting",))
    assert "sales_representative" not in target.primary | target.secondary
    assert "accounting_clerk" in target.primary and "accounting" in target.core
    req = _req(Category.EXPERIENCE, years=3, fields=("accounting",))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    sales = ("Account Executive, 2012 - 2020", "Grew key accounts in the region by 30%")
    assert matcher(req, _ctx((_job("Account Executive", "2012-01", 96, (0, 1)),), sales)).score < 0.5
    books = ("Staff Accountant, 2012 - 2020", "Prepared journal entries and the monthly close")
    assert matcher(req, _ctx((_job("Staff Accountant", "2012-01", 96, (0, 1)),), books)).score >= 0.85


def test_experience_years_from_titled_jobs_against_the_years_asked() -> None:
    req = _req(Category.EXPERIENCE, years=2, fields=("accounts payable",))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    met = matcher(req, _ctx((_job("Accounts Payable Clerk", "2017-01", 36, (0, 1)),)))
    short = matcher(req, _ctx((_job("Accounts Payable Clerk", "2020-01", 12, (0, 1)),)))
    assert met.score >= 0.75 and "3 years" in met.explanation
    assert 0 < short.score < 0.75  # fewer years than asked: partial
    assert met.evidence and "Accounts Payable" in met.evidence[0].text


def test_work_of_another_field_is_not_found_unless_its_lines_show_the_work() -> None:
    """work_of_another_field: a customer service rep did no teller's work (not found, a sliver of score
    kept); one whose own lines process deposits and balance a cash drawer did some (partial)."""
    req = _req(Category.EXPERIENCE, years=1, fields=("teller",))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    csr = (_job("Customer Service Representative", "2015-01", 48, (0, 1)),)
    calls = ("Customer Service Representative, 2015 - 2019", "Answered billing calls for a cable company")
    other = matcher(req, _ctx(csr, calls))
    assert other.status is Status.NOT_FOUND and 0 < other.score < 0.5 and "another field" in other.explanation
    cash = (calls[0], "Processed deposits and withdrawals and balanced the cash drawer")
    some = matcher(req, _ctx(csr, cash))
    assert some.status is None and 0 < some.score < 0.75 and "another field" not in some.explanation


def test_one_line_naming_the_work_makes_another_fields_job_related_work() -> None:
    """one_line_names_the_work: an HR coordinator who "completed A/P for the service center" did some
    payables work (partial, not another field's), too little for its years; one line of the shared tasks
    every office job does is still another field."""
    req = _req(Category.EXPERIENCE, years=2, fields=("accounts payable",))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    hr = (_job("Senior HR Coordinator", "2015-01", 48, (0, 1, 2)),)
    lines = (
        "Senior HR Coordinator, 2015 - 2019",
        "Ran new-hire orientation",
        "Completed A/P for the service center",
    )
    some = matcher(req, _ctx(hr, lines))
    assert some.status is None and 0 < some.score < 0.75 and "another field" not in some.explanation
    assert "4 years" not in some.explanation
    other = matcher(req, _ctx(hr, lines[:2]))
    assert other.status in (Status.NOT_FOUND, None) and other.score < 0.5


def test_a_title_after_the_in_a_duty_line_is_someone_else() -> None:
    """the_title_is_someone_else: "Advised the project manager on material costs" is not project-manager
    work; "Served as the project manager" is."""
    req = _req(Category.EXPERIENCE, years=2, fields=("project manager",))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    job = (_job("Designer", "2015-01", 48, (0, 1, 2)),)
    lines = ("Designer, 2015 - 2019", "Advised the project manager on material costs", "Drew plans")
    assert matcher(req, _ctx(job, lines)).score < 0.5
    own = ("Designer, 2015 - 2019", "Served as the project manager for a school renovation", "Drew plans")
    assert matcher(req, _ctx(job, own)).score > 0.5


def test_an_account_executive_without_a_sales_duty_did_what_the_lines_say() -> None:
    """shared_title_without_its_duties: at a PR agency "Account Executive" writes press releases and pitches
    stories; without a sales duty the title names no sales job, and its lines show the PR work. With one
    ("closed sales") it is a salesperson's, related work for PR."""
    req = _req(Category.EXPERIENCE, years=2, fields=("public relations", "media relations"))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    job = (_job("Account Executive", "2012-01", 48, (0, 1, 2)),)
    pr = ("Account Executive, 2012 - 2016", "Created press releases for nonprofit clients",
          "Pitched stories to broadcast media")  # fmt: skip
    assert matcher(req, _ctx(job, pr)).score > 0.5
    sales = ("Account Executive, 2012 - 2016", "Closed sales with new accounts", "Cold calls every day")
    assert matcher(req, _ctx(job, sales)).score < 0.5


def test_a_generic_field_word_names_no_occupations_work() -> None:
    """generic_field_word: "strategy" is held by a sales manager's "sales strategy", an IT manager's "IT
    strategy" and a coach's "game strategy": no occupation's work, so those jobs are not strategy work;
    "accounts payable", held by a bookkeeper's duties, still names the bookkeeper as doing it."""
    strategy = field_target(("strategy",))
    assert not strategy.secondary and not strategy.families
    assert (
        "bookkeeper"
        in field_target(("accounts payable",)).secondary | field_target(("accounts payable",)).primary
    )


def test_crop_production_is_farming_not_a_factory_line() -> None:
    """occupations.toml, agriculture: the field's own names ("crop production", "agronomic") place the work
    in agriculture; "production supervisor" stays manufacturing."""
    assert field_target(("crop production",)).core == frozenset({"agriculture"})
    assert field_target(("agronomic advisory/extension",)).core == frozenset({"agriculture"})
    assert field_target(("production supervisor",)).core == frozenset({"production"})


def test_whom_an_assistant_served_is_not_the_assistants_work() -> None:
    """serves_someone: "Assistant to the Controller" is an assistant's job, not a controller's; the words
    after "to" are whom the job served. A title naming the work's area ("for Accounts Payable") keeps it."""
    assert title_occupations("Assistant to the Controller") == ()
    assert [o.id for o in title_occupations("Executive Assistant to the CEO")] == ["administrative_assistant"]
    assert [o.family for o in title_occupations("Secretary to the Chief Nursing Officer")] == ["admin"]
    assert "accounts_payable_clerk" in {
        o.id for o in title_occupations("Administrative Assistant for Accounts Payable")
    }
    assert title_occupations("Director of Sales")[0].family == "sales"  # no serving head: as it was
    assert seniority_rung("Assistant to the Vice President") == seniority_rung("Assistant")
    req = _req(Category.EXPERIENCE, years=3, fields=("business development",))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    lines = ("Assistant to Business Development Director, 2012 - 2016", "Scheduled meetings", "Filed reports")
    served = (_job("Assistant to Business Development Director", "2012-01", 48, (0, 1, 2)),)
    own = (_job("Business Development Director", "2012-01", 48, (0, 1, 2)),)
    assert matcher(req, _ctx(served, lines)).score < 0.5
    assert matcher(req, _ctx(own, lines)).score > 0.5


def test_a_superintendent_is_related_work_for_a_project_manager_not_a_laborer() -> None:
    """occupations.toml: a construction superintendent is a construction manager (11-9021), its own
    occupation of the construction family, and related work for a project manager."""
    from jobmatch.matching.occupation import title_occupations

    assert [o.id for o in title_occupations("Construction Superintendent")] == ["construction_manager"]
    assert [o.id for o in title_occupations("Construction Estimator")] == ["cost_estimator"]
    req = _req(Category.EXPERIENCE, years=5, fields=("project manager",))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    sup = (_job("Construction Superintendent", "2012-01", 96, (0, 1)),)
    found = matcher(req, _ctx(sup, ("Construction Superintendent, 2012 - 2019", "Ran the site")))
    assert 0 < found.score < 0.5 and "related work" in found.explanation


def test_a_class_instructor_or_a_team_coach_is_no_personal_trainer() -> None:
    """occupations.toml after O*NET 39-9031 / 27-2022: yoga and group-fitness instructors, gym managers and
    sports coaches are their own occupations of the fitness family; sibling_needs_two_duties: one shared
    duty line ("Led workouts") leaves such a job related work, two of a trainer's duties make it the work."""
    from jobmatch.matching.occupation import title_occupations

    assert [o.id for o in title_occupations("Yoga Instructor")] == ["fitness_instructor"]
    assert [o.id for o in title_occupations("Head Coach, Girls' Varsity Basketball")] == ["sports_coach"]
    assert [o.id for o in title_occupations("Certified Personal Trainer")] == ["fitness_trainer"]
    req = _req(Category.EXPERIENCE, years=2, fields=("personal training",))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    yoga = (_job("Group Fitness Instructor", "2010-01", 96, (0, 1)),)
    one = matcher(req, _ctx(yoga, ("Group Fitness Instructor, 2010 - 2017", "Led workouts for 30 members")))
    assert one.score < 0.5 and "related work" in one.explanation
    two = ("Group Fitness Instructor, 2010 - 2017", "Led workouts", "Ran fitness assessments for new clients")
    assert (
        matcher(req, _ctx((_job("Group Fitness Instructor", "2010-01", 96, (0, 1, 2)),), two)).score >= 0.75
    )
    trainer = (_job("Personal Trainer", "2016-01", 36, (0, 1)),)
    assert matcher(req, _ctx(trainer, ("Personal Trainer, 2016 - 2018", "Trained clients"))).score >= 0.75


# occupations.toml: another occupation of the posting's family is related work, not the work itself:
# - the service department's supervisor (O*NET 49-1011) and its service advisor for a technician's posting
#   (an Army wheeled vehicle mechanic is a technician);
# - any HR job for full-cycle recruiting (recruiters, O*NET 13-1071's reported titles, are their own
#   occupation; two of a recruiter's duties would show the work);
# - an HR assistant (O*NET 43-4161), the HR family's office support, for an HR generalist;
# - teacher aides (O*NET 25-9042) and tutors (25-3041), the teaching family's entry rung
#   (lower_rung_of_the_family, entry_rung_of_a_named_family);
# - systems and network administrators and engineers (O*NET 15-1244, 15-1241) for help-desk work;
# - a farm's workers and field supervisors (45-2092, 45-1011) for its manager's posting (11-9013).
SIBLINGS = [
    (
        {"Automobile Service Manager": "auto_service_manager", "Service Advisor": "auto_service_advisor",
         "Advanced Level Wheeled Vehicle Mechanic": "auto_mechanic"},
        ("automotive technician", 3),
        ("Automobile Service Manager", "Inspected repairs and assisted initial diagnostics"),
        ("Wheeled Vehicle Mechanic", "Repaired brakes, steering and suspension"),
    ),
    (
        {"Head of Talent Acquisition": "recruiter", "HR Assistant": "hr_assistant"},
        ("full-cycle recruiting", 2),
        ("HR Assistant", "Processed payroll and new hire paperwork"),
        ("Corporate Recruiter", "Sourced candidates for 30 requisitions"),
    ),
    (
        {"General HR Assistant": "hr_assistant", "Personnel Clerk": "hr_assistant"},
        ("HR generalist", 3),
        ("HR Assistant", "Filed new hire paperwork and handled employee relations questions"),
        ("HR Generalist", "Handled employee relations and onboarding"),
    ),
    (
        {"Teacher's Aide": "teacher_assistant", "Reading Tutor": "tutor"},
        ("classroom teaching", 2),
        ("Teacher Assistant", "Led small groups in the classroom"),
        ("Third Grade Teacher", "Planned lessons for 24 students"),
    ),
    (
        {"LAN Administrator": "systems_administrator", "Network Engineer": "systems_administrator",
         "End User Support Specialist": "it_support_specialist"},
        ("help desk", 2),
        ("Systems Administrator", "Maintained Windows servers and the backups"),
        ("Help Desk Technician", "Answered calls from users"),
    ),
    (
        {"Farm Operations Manager": "farm_manager", "Farm Foreman": "farm_supervisor",
         "Farmhand": "farm_worker"},
        ("farm operations", 3),
        ("Farm Worker", "Picked and packed lettuce in the field"),
        ("Farm Manager", "Ran a 1,200-acre row-crop operation"),
    ),
]  # fmt: skip


@pytest.mark.parametrize(("titles", "asked", "sibling", "own"), SIBLINGS, ids=[c[1][0] for c in SIBLINGS])
def test_a_sibling_occupation_is_related_work_and_the_occupation_is_the_work(
    titles: dict[str, str], asked: tuple[str, int], sibling: tuple[str, str], own: tuple[str, str]
) -> None:
    from jobmatch.matching.occupation import title_occupations

    for title, occupation in titles.items():
        assert [o.id for o in title_occupations(title)] == [occupation]
    req = _req(Category.EXPERIENCE, years=asked[1], fields=(asked[0],))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    other = (_job(sibling[0], "2010-01", 96, (0, 1)),)
    found = matcher(req, _ctx(other, (f"{sibling[0]}, 2010 - 2017", sibling[1])))
    assert found.score < 0.5 and "related work" in found.explanation
    job = (_job(own[0], "2014-01", 48, (0, 1)),)
    assert matcher(req, _ctx(job, (f"{own[0]}, 2014 - 2017", own[1]))).score >= 0.75


def test_a_digital_media_buyer_is_a_digital_marketer_not_a_purchasing_buyer() -> None:
    """occupations.toml: paid-media and web-analytics titles are digital marketing (O*NET 13-1161.01),
    the longest title deciding over "buyer" (purchasing)."""
    from jobmatch.matching.occupation import title_occupations

    assert [o.id for o in title_occupations("Digital Media Buyer")] == ["digital_marketer"]
    assert [o.id for o in title_occupations("eCommerce Web Analytics Manager")] == ["digital_marketer"]
    assert [o.id for o in title_occupations("Senior Buyer")] == ["logistics_coordinator"]


def test_an_advocate_or_an_attorney_is_no_paralegal() -> None:
    """occupations.toml: "advocate" and "case manager" are no legal titles (a benefit, patient or victim
    advocate); an attorney is a lawyer (23-1011), not a paralegal (23-2011); "legal" in a title names no
    legal work by itself."""
    from jobmatch.matching.occupation import title_occupations

    assert "paralegal" not in [o.id for o in title_occupations("Benefit Advocate")]
    assert [o.id for o in title_occupations("Case Manager")] == ["social_worker"]
    assert [o.id for o in title_occupations("Associate Attorney")] == ["attorney"]
    assert [o.id for o in title_occupations("Litigation Paralegal")] == ["paralegal"]
    req = _req(Category.EXPERIENCE, years=3, fields=("litigation paralegal",))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    legal = (_job("Legal Administrative Supervisor", "2010-01", 70, (0, 1)),)
    lines = ("Legal Administrative Supervisor, 2010 - 2015", "Scheduled meetings for the sales VP")
    assert matcher(req, _ctx(legal, lines)).score < 0.5


def test_years_that_include_a_leads_need_a_leads_title() -> None:
    """lead_years_asked: "including 1 year as a team lead" is partial without a lead's title among the
    jobs that did the work; an Accounts Payable Lead meets it."""
    note = ("including 1 year as a team lead or supervisor",)
    req = _req(Category.EXPERIENCE, years=2, fields=("accounts payable",), notes=note)
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    clerk = matcher(req, _ctx((_job("Accounts Payable Clerk", "2015-01", 60, (0, 1)),)))
    assert 0 < clerk.score < 0.75 and "lead's title" in clerk.explanation
    lead = matcher(req, _ctx((_job("Accounts Payable Lead", "2015-01", 60, (0, 1)),)))
    assert lead.score >= 0.75


def test_experience_duties_count_in_an_adjacent_job_and_stay_inside_the_job() -> None:
    req = _req(Category.EXPERIENCE, years=2, fields=("accounts payable",))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    accountant = _job("Staff Accountant", "2015-01", 36, (4, 5))
    # "AP" inside the accountant's own lines: the job did accounts payable work
    assert matcher(req, _ctx((accountant,))).score >= 0.75
    # the same accountant whose lines do not name it: related work only (partial)
    plain = _job("Staff Accountant", "2015-01", 36, (4,))
    assert 0 < matcher(req, _ctx((plain,))).score < 0.75
    # a nurse with one incidental mention: adjacent at most
    nurse = _job("Registered Nurse", "2010-01", 60, (2, 3))
    assert matcher(req, _ctx((nurse,))).score < 0.75
    # a cashier job is not made AP work by lines outside it: named outside any job is only claimed
    cashier = _job("Cashier", "2010-01", 60, (6, 7))
    claimed = matcher(req, _ctx((cashier,)))
    assert claimed.method == "claimed" and 0 < claimed.score < 0.2
    assert matcher(req, _ctx((cashier,), AP_LINES[6:] + ("",) * 6)).score == 0.0


def test_a_field_that_shares_a_word_with_the_posting_title_is_that_job() -> None:
    # field_of_the_posting_title: "product design" alone names only the design family (product and graphic
    # designers); on a Product Design Engineer's posting it is years of that job
    from jobmatch.matching.experience import EXTRA_POSTING_TITLE

    lines = ("Senior Engineer II", "Designed and built automated milling machines.")
    jobs = (_job("Senior Engineer II", "2012-01", 48, (0, 1)),)
    req = _req(Category.EXPERIENCE, years=3, fields=("product design",))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    alone = matcher(req, Context(_doc(*lines), Signals(jobs=jobs, as_of="2020-12"), {}))
    titled = {EXTRA_POSTING_TITLE: "Product Design Engineer II"}
    with_title = matcher(req, Context(_doc(*lines), Signals(jobs=jobs, as_of="2020-12"), titled))
    assert alone.score == 0.0 and with_title.score >= 0.75
    # a title that shares no word with the field changes nothing
    other = {EXTRA_POSTING_TITLE: "Civil Engineer"}
    assert matcher(req, Context(_doc(*lines), Signals(jobs=jobs, as_of="2020-12"), other)).score == 0.0
    # "mechanical design" names engineering work itself, whatever the posting's title
    mechanical = _req(Category.EXPERIENCE, years=3, fields=("mechanical design",))
    assert matcher(mechanical, Context(_doc(*lines), Signals(jobs=jobs, as_of="2020-12"), {})).score >= 0.75


def test_a_specialty_of_the_postings_job_never_named_is_partial() -> None:
    # specialty_never_named: "Telemetry experience" on a nurse's posting is the posting's job
    # (unknown_field_is_the_posting_job), but years of nursing that never name telemetry are not years of it
    from jobmatch.matching.experience import EXTRA_POSTING_TITLE, UNNAMED_SPECIALTY

    req = _req(Category.EXPERIENCE, years=1, fields=("Telemetry",))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    titled = {EXTRA_POSTING_TITLE: "Registered Nurse - Med/Surg"}
    jobs = (_job("Registered Nurse", "2014-01", 60, (0, 1)),)

    def ctx(*lines: str) -> Context:
        return Context(_doc(*lines), Signals(jobs=jobs, as_of="2020-12"), dict(titled))

    unnamed = matcher(req, ctx("Registered Nurse", "Cared for 6 patients a shift on a surgical floor"))
    assert unnamed.score == UNNAMED_SPECIALTY and "'Telemetry' named nowhere" in unnamed.explanation
    named = matcher(req, ctx("Registered Nurse", "Monitored cardiac rhythms on a telemetry unit"))
    assert named.score >= 0.85


def test_years_of_a_tool_come_from_the_jobs_that_name_it() -> None:
    """years_of_a_tool: "4+ years with Python" on a developer's posting counts the jobs whose own lines name
    Python, not every developer job; named only in a skills list beside such jobs is partial; named nowhere
    is not found, however many years of the posting's job."""
    from jobmatch.matching.experience import EXTRA_POSTING_TITLE

    req = _req(Category.EXPERIENCE, years=4, fields=("Python",))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    titled = {EXTRA_POSTING_TITLE: "Python Backend Developer"}

    def ctx(lines: tuple[str, ...], jobs: tuple[JobEntry, ...]) -> Context:
        return Context(_doc(*lines), Signals(jobs=jobs, as_of="2020-12"), dict(titled))

    lines = ("Software Developer", "Built REST services in Python and Django.", "Web Developer", "React UI.")
    jobs = (_job("Software Developer", "2015-01", 60, (0, 1)), _job("Web Developer", "2012-01", 36, (2, 3)))
    named = matcher(req, ctx(lines, jobs))
    assert named.score >= 0.85 and "5 years of jobs naming Python" in named.explanation
    assert named.evidence and "Python" in named.evidence[0].text
    front_end = ("Software Developer", "Built user interfaces in React.", "Skills", "Python, Java")
    listed = matcher(req, ctx(front_end, (_job("Software Developer", "2015-01", 60, (0, 1)),)))
    assert 0 < listed.score < 0.5 and "years not shown" in listed.explanation
    nowhere = ("Software Developer", "Built user interfaces in React.")
    absent = matcher(req, ctx(nowhere, (_job("Software Developer", "2012-01", 96, (0, 1)),)))
    assert absent.score == 0.0


def test_a_lower_rung_of_the_family_is_related_work_whatever_its_duties() -> None:
    # lower_rung_of_the_family: a nursing assistant's "nursing care" is not years of registered nursing
    lines = ("Certified Nursing Assistant", "Provided personal nursing care to patients.", "Registered Nurse")
    req = _req(Category.EXPERIENCE, years=2, fields=("acute care nursing",))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    cna = matcher(req, _ctx((_job("Certified Nursing Assistant", "2012-01", 60, (0, 1)),), lines))
    rn = matcher(req, _ctx((_job("Registered Nurse", "2012-01", 60, (2,)),), lines))
    assert 0 < cna.score < 0.75 and "related work" in cna.explanation
    assert rn.score >= 0.75


def test_far_senior_jobs_oversaw_the_work() -> None:
    lines = ("VP Finance", "Oversaw accounts payable and vendor invoices.")
    jobs = (_job("VP Finance", "2010-01", 120, (0, 1)),)
    target = field_target(("accounts payable",))
    assert match_jobs(jobs, _doc(*lines).lines, target)[0].how == "duties"
    assert match_jobs(jobs, _doc(*lines).lines, target, max_rung=3)[0].how == "adjacent"


def test_experience_with_role_signal_families_uses_the_signals() -> None:
    # AVON147's "sales support or customer service role": families with a tuned signal in Signals
    req = _req(Category.EXPERIENCE, fields=("sales support", "customer service"))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    answer = matcher(req, Context(_doc("x"), Signals(), {}))
    assert answer.method == "role signal" and answer.score == 0.0


def test_work_seen_only_in_the_duties_of_other_jobs_is_partial() -> None:
    """duties_only_is_partial: eight years of an assistant who greets visitors are customer service done,
    not held; a Customer Service Representative's two years meet "1+ year"."""
    req = _req(Category.EXPERIENCE, fields=("customer service",), years=1)
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None

    def role(title: str, method: Method) -> Signals:
        ev = Evidence(title, 1, 3, method, "customer service", title)
        held = Role(title, "2010-01", "2018-01", 96, ev)
        return Signals(roles=(("customer_service", RoleSignal(True, (title,), 8.0, (held,), (ev,), 8.0)),))

    duties = matcher(req, Context(_doc("x"), role("Administrative Assistant", Method.INFERRED), {}))
    titled = matcher(req, Context(_doc("x"), role("Customer Service Representative", Method.SYNONYM), {}))
    assert 0 < duties.score < 0.75 <= titled.score


# --------------------------------------------------------------------------- education


def _edu(*entries: EducationEntry, extra: dict[str, object] | None = None) -> Context:
    return Context(_doc("x"), Signals(education=entries), extra or {})


NURSING = _req(Category.EDUCATION, level="associate", fields=("nursing",))


def test_a_degree_in_another_field_is_none_of_what_was_asked() -> None:
    matcher = matcher_for(Category.EDUCATION)
    assert matcher is not None
    psych = matcher(NURSING, _edu(EducationEntry("bachelor", "Psychology")))
    bsn = matcher(NURSING, _edu(EducationEntry("bachelor", "Nursing")))
    assert 0 < psych.score < 0.75 and "another field" in psych.explanation
    assert bsn.score == 1.0
    # field_is_the_qualification / other_field: a field neither asked for, related nor adjacent is not
    # found, with a sliver of score that keeps it above no degree at all
    assert psych.status is Status.NOT_FOUND and psych.score <= 0.25
    business = _req(Category.EDUCATION, level="bachelor", fields=("business",))
    other = matcher(business, _edu(EducationEntry("bachelor", "Psychology")))
    assert other.status is Status.NOT_FOUND and 0 < other.score <= 0.25


def test_related_field_means_the_same_family() -> None:
    req = _req(
        Category.EDUCATION, level="associate", fields=("accounting", "finance"), terms=("related field",)
    )
    matcher = matcher_for(Category.EDUCATION)
    assert matcher is not None
    assert matcher(req, _edu(EducationEntry("bachelor", "Commerce"))).score == 1.0
    # accounting and finance are business programmes (CIP family 52), so business is a related field
    assert matcher(req, _edu(EducationEntry("bachelor", "Business Management"))).score == 1.0
    assert matcher(req, _edu(EducationEntry("bachelor", "Psychology"))).score < 0.75
    plain = _req(Category.EDUCATION, level="associate", fields=("accounting",))
    assert matcher(plain, _edu(EducationEntry("bachelor", "Business Management"))).score < 0.75


def _related_field(level: str, *fields: str) -> tuple[Requirement, Matcher]:
    """An education requirement of ``level`` in ``fields`` "or a related field", and its matcher."""
    matcher = matcher_for(Category.EDUCATION)
    assert matcher is not None
    return _req(Category.EDUCATION, level=level, fields=fields, terms=("related field",)), matcher


def test_a_design_postings_related_field_is_art_and_design_not_the_humanities() -> None:
    # "visual communication" is a design field, not communications (whose related field is business)
    req, matcher = _related_field("bachelor", "graphic design", "visual communication")
    assert matcher(req, _edu(EducationEntry("bachelor", "Fine Arts"))).score == 1.0
    assert matcher(req, _edu(EducationEntry("bachelor", "Visual Communications"))).score == 1.0
    english = matcher(req, _edu(EducationEntry("bachelor", "English Literature")))
    business = matcher(req, _edu(EducationEntry("bachelor", "Business Administration")))
    assert english.score < 0.75 and business.score < 0.75


def test_a_field_cut_short_is_read_from_the_degree_line_but_not_from_the_school_name() -> None:
    """field_from_quote: "Master of Business Administration, Finance" whose field was read as "Business
    Administration" is a finance degree; "Kelley School of Business" makes no degree a business one."""
    from jobmatch.models import Evidence, Method

    matcher = matcher_for(Category.EDUCATION)
    assert matcher is not None
    finance = _req(Category.EDUCATION, level="bachelor", fields=("finance",))
    mba = Evidence("Master of Business Administration, Finance 2002 Rutgers University", 1, 3, Method.SYNONYM)
    assert (
        matcher(finance, _edu(EducationEntry("master", "Business Administration", evidence=mba))).score == 1.0
    )
    business = _req(Category.EDUCATION, level="bachelor", fields=("business",))
    bio = Evidence("Bachelor of Science : Biology, Kelley School of Business", 1, 3, Method.SYNONYM)
    assert matcher(business, _edu(EducationEntry("bachelor", "Biology", evidence=bio))).score < 0.75


def test_a_certificate_where_a_degree_is_asked_is_no_degree() -> None:
    """programme_is_not_a_degree: shown as not found, its sliver of score kept for the ranking; where a
    certificate is the level asked for, it meets it."""
    req = _req(Category.EDUCATION, level="associate", fields=("accounting",))
    cert = match_requirement(req, Signals(education=(EducationEntry("certificate", "Typing"),)), _doc("x"))
    assert cert.status is Status.NOT_FOUND and 0 < cert.score < 0.5 and "not a degree" in cert.explanation
    asked = _req(Category.EDUCATION, level="certificate")
    assert (
        match_requirement(
            asked, Signals(education=(EducationEntry("certificate", "Typing"),)), _doc("x")
        ).status
        is Status.MET
    )


def test_in_progress_and_below_level_are_partial_and_school_only_is_not_found() -> None:
    matcher = matcher_for(Category.EDUCATION)
    assert matcher is not None
    req = _req(Category.EDUCATION, level="bachelor")
    assert matcher(req, _edu(EducationEntry("bachelor", "Biology", completed=False))).score == pytest.approx(
        0.7
    )
    assert matcher(req, _edu(EducationEntry("associate", "Biology"))).score == pytest.approx(0.4)
    school = match_requirement(req, Signals(education=(EducationEntry("high_school"),)), _doc("x"))
    assert school.status is Status.NOT_FOUND and school.score > 0
    hs = _req(Category.EDUCATION, level="high_school")
    assert matcher(hs, _edu(EducationEntry("high_school"))).score == 1.0


def test_studies_above_the_level_asked_show_that_level() -> None:
    # studies_above_the_level: a pending associate's stands on a finished high-school diploma
    matcher = matcher_for(Category.EDUCATION)
    assert matcher is not None
    pending = _edu(EducationEntry("associate", "Nursing", completed=False, progress="Pending"))
    hs = _req(Category.EDUCATION, "High school diploma or GED required", level="high_school")
    found = matcher(hs, pending)
    assert found.score == 1.0 and "behind it" in found.explanation
    same = _req(Category.EDUCATION, "Associate degree in nursing", level="associate", fields=("nursing",))
    assert matcher(same, pending).score == pytest.approx(0.7)
    # a bachelor's student holds no associate's; a master's student holds a bachelor's
    student = _edu(EducationEntry("bachelor", "Nursing", completed=False, progress="expected"))
    assert matcher(same, student).score == pytest.approx(0.7)
    graduate = _edu(EducationEntry("master", "Nursing", completed=False, progress="expected"))
    bachelor = _req(Category.EDUCATION, "BSN", level="bachelor", fields=("nursing",))
    assert matcher(bachelor, graduate).score == 1.0


def test_or_equivalent_experience_uses_the_role_years() -> None:
    req = _req(Category.EDUCATION, level="bachelor", fields=("business",), or_equivalent=True)
    matcher = matcher_for(Category.EDUCATION)
    assert matcher is not None
    none = matcher(req, _edu())
    four = matcher(req, _edu(extra={EXTRA_ROLE_YEARS: 4.5}))
    two = matcher(req, _edu(extra={EXTRA_ROLE_YEARS: 2.5}))
    assert none.score == 0.0
    assert four.score >= 0.75 and "equivalent experience" in four.explanation
    assert 0 < two.score < 0.75


def test_the_work_that_stands_in_for_a_programme_is_as_long_as_the_programme() -> None:
    """equivalent_years_by_level: two years of kitchen work stand in for a culinary diploma."""
    diploma = _req(Category.EDUCATION, level="diploma", fields=("culinary",), or_equivalent=True)
    matcher = matcher_for(Category.EDUCATION)
    assert matcher is not None
    assert matcher(diploma, _edu(extra={EXTRA_ROLE_YEARS: 2.2})).score >= 0.75
    assert 0 < matcher(diploma, _edu(extra={EXTRA_ROLE_YEARS: 1.2})).score < 0.75
    assert matcher(diploma, _edu(extra={EXTRA_ROLE_YEARS: 0.5})).score == 0.0


def test_an_adjacent_field_is_partial_even_where_the_field_is_the_qualification() -> None:
    """adjacent_field: hospitality management for a culinary degree; personnel is human resources."""
    culinary = _req(Category.EDUCATION, level="diploma", fields=("Culinary",))
    matcher = matcher_for(Category.EDUCATION)
    assert matcher is not None
    hospitality = matcher(culinary, _edu(EducationEntry("bachelor", "Hospitality and Tourism Management")))
    assert 0 < hospitality.score < 0.75 and hospitality.status is None
    assert "adjacent field" in hospitality.explanation
    assert matcher(culinary, _edu(EducationEntry("associate", "Culinary Arts"))).score == 1.0
    assert matcher(culinary, _edu(EducationEntry("bachelor", "Computer Science"))).status is Status.NOT_FOUND
    hr = _req(Category.EDUCATION, level="bachelor", fields=("Human Resources",))
    assert matcher(hr, _edu(EducationEntry("bachelor", "Personnel"))).score == 1.0


def test_physical_education_is_its_own_field_not_any_education_degree() -> None:
    """exercise_science (CIP 31.05): "Physical Education" is kinesiology's family; a teaching degree is near
    it (partial), a health-science degree related, a nursing degree another field."""
    req = _req(
        Category.EDUCATION,
        level="bachelor",
        fields=("Exercise Science", "Kinesiology", "Physical Education"),
        terms=("related field",),
    )
    matcher = matcher_for(Category.EDUCATION)
    assert matcher is not None
    assert matcher(req, _edu(EducationEntry("bachelor", "Kinesiology"))).score == 1.0
    assert matcher(req, _edu(EducationEntry("master", "Health Science"))).score == 1.0
    teaching = matcher(req, _edu(EducationEntry("master", "Teaching Social Studies")))
    assert 0 < teaching.score < 0.75 and "adjacent field" in teaching.explanation
    assert matcher(req, _edu(EducationEntry("bachelor", "Nursing"))).status is Status.NOT_FOUND


def test_adjacent_is_partial_even_under_related_field_and_unknown_is_not_another_field() -> None:
    """adjacent_field (teaching's psychology), field_not_named, field_is_the_qualification below the level."""
    req = _req(
        Category.EDUCATION, level="bachelor", fields=("Elementary Education",), terms=("related field",)
    )
    matcher = matcher_for(Category.EDUCATION)
    assert matcher is not None
    psychology = matcher(req, _edu(EducationEntry("bachelor", "Psychology")))
    assert 0 < psychology.score < 0.75 and "adjacent" in psychology.explanation
    unnamed = matcher(req, _edu(EducationEntry("bachelor", "")))
    assert 0 < unnamed.score < 0.75 and unnamed.status is None and "not named" in unnamed.explanation
    below = matcher(req, _edu(EducationEntry("associate", "Accounting")))
    assert below.status is Status.NOT_FOUND
    assert matcher(req, _edu(EducationEntry("associate", "Early Childhood Education"))).status is None


def test_a_lower_degree_in_another_field_is_none_of_it_where_the_field_is_asked() -> None:
    """other_field below the level: a bachelor's in psychology is none of a graphic-design degree, so an
    associate's in it is no part of one; an associate's in a field asked for, or none named, still is."""
    design = _req(Category.EDUCATION, level="bachelor", fields=("graphic design",))
    matcher = matcher_for(Category.EDUCATION)
    assert matcher is not None
    assert matcher(design, _edu(EducationEntry("associate", "Psychology"))).status is Status.NOT_FOUND
    near = matcher(design, _edu(EducationEntry("associate", "Graphic Design")))
    assert 0 < near.score < 0.75 and near.status is None and "below the level" in near.explanation
    anything = _req(Category.EDUCATION, level="bachelor")
    assert matcher(anything, _edu(EducationEntry("associate", "Psychology"))).status is None


def test_computing_is_near_engineering_and_construction_its_own_trade() -> None:
    req, matcher = _related_field("bachelor", "Construction Management", "Civil Engineering")
    assert matcher(req, _edu(EducationEntry("bachelor", "Mechanical Engineering"))).score == 1.0
    assert 0 < matcher(req, _edu(EducationEntry("bachelor", "Computer Science"))).score < 0.75
    assert matcher(req, _edu(EducationEntry("bachelor", "Journalism"))).status is Status.NOT_FOUND
    it = _req(
        Category.EDUCATION,
        level="associate",
        fields=("Information Technology", "Computer Science"),
        terms=("related field",),
    )
    assert matcher(it, _edu(EducationEntry("bachelor", "Information Systems"))).score == 1.0
    assert 0 < matcher(it, _edu(EducationEntry("master", "Chemical Engineering"))).score < 0.75


def test_education_falls_back_to_the_single_degree() -> None:
    from jobmatch.models import Degree

    req = _req(Category.EDUCATION, level="bachelor", fields=("business",), terms=("related field",))
    s = Signals(degree=Degree(level="bachelor", field="Marketing"))
    assert match_requirement(req, s, _doc("x")).status is Status.MET


def test_an_entry_whose_field_names_no_family_is_placed_by_its_quote() -> None:
    from jobmatch.models import Evidence, Method

    req = _req(Category.EDUCATION, level="associate", fields=("accounting",), terms=("related field",))
    quote = Evidence("B.com, Year of Passing 2009", 1, 3, Method.EXACT)
    matcher = matcher_for(Category.EDUCATION)
    assert matcher is not None
    assert matcher(req, _edu(EducationEntry("bachelor", "Year of Passing", evidence=quote))).score == 1.0
    assert matcher(req, _edu(EducationEntry("bachelor", "Year of Passing"))).score < 0.75


def test_a_job_with_a_title_no_vocabulary_knows_needs_more_than_one_task() -> None:
    """unknown_title_needs_more: "Manager" who "conducted interviews" did not do HR work; the posting's own
    words ("HR generalist"), or two of the occupation's tasks on two lines, show it."""
    target = field_target(("HR Generalist",))
    one = ("Manager", "Conducted interviews for entry level openings.", "Ran the call floor.")
    two = ("Manager", "Conducted interviews for entry level openings.", "Handled employee relations cases.")
    named = ("Manager", "Handled HR generalist duties for 80 staff.")
    for lines, expected in ((one, []), (two, ["duties"]), (named, ["duties"])):
        jobs = (_job("Manager", "2015-01", 36, tuple(range(len(lines)))),)
        assert [m.how for m in match_jobs(jobs, _doc(*lines).lines, target)] == expected, lines


def test_a_task_many_jobs_do_never_shows_an_occupation_alone() -> None:
    """shared_task_alone: "perio charting" in a dental office is not nursing; charting beside medication
    administration, or the posting's own words, is."""
    target = field_target(("nursing",))
    title = "Dental Office Coordinator"
    shared = (title, "Maintained perio charting for the hygienist.")
    nursing = (title, "Maintained charting and administered medications to patients.")
    for lines, shown in ((shared, False), (nursing, True)):
        jobs = (_job(title, "2015-01", 36, (0, 1)),)
        assert bool(match_jobs(jobs, _doc(*lines).lines, target)) is shown, lines
    assert "charting" in load_occupations().shared_tasks


def test_a_field_no_occupation_is_titled_by_is_shown_by_the_duties_of_those_who_do_it() -> None:
    """duties_of_a_stand_in: no title is "full-cycle bookkeeping", but a bookkeeper's duties name it, so an
    accountant's own bookkeeping lines show the work; the line quoted is the one that says the posting's
    words (quote_the_posting_words), not the job's first duty line."""
    target = field_target(("accounts payable", "full-cycle bookkeeping"))
    assert "bookkeeper" in target.stand_ins and "accounts_payable_clerk" not in target.stand_ins
    lines = (
        "Senior Accountant",
        "Prepared the journal entries for month-end.",
        "Daily accounting and bookkeeping needs in QuickBooks.",
    )
    jobs = (_job("Senior Accountant", "2019-01", 36, (0, 1, 2)),)
    (found,) = match_jobs(jobs, _doc(*lines).lines, target)
    assert found.how == "duties" and found.line_index == 2 and found.matched == "bookkeeping"
    # a field that names a titled occupation keeps that occupation's duties alone
    assert not field_target(("accounts payable",)).stand_ins
    only_ap = match_jobs(jobs, _doc(*lines).lines, field_target(("accounts payable",)))
    assert [m.how for m in only_ap] == ["adjacent"]


def test_a_field_the_vocabulary_does_not_know_is_the_posting_job() -> None:
    """unknown_field_is_the_posting_job: "1 year of clinical experience" on a Medical Assistant's posting is
    a year of that job, not "not found" because "clinical" names no occupation."""
    from jobmatch.matching.experience import target_of, with_posting_title

    req = _req(Category.EXPERIENCE, years=1, fields=("clinical",))
    assert not target_of(req)
    target = with_posting_title(target_of(req), req, "Medical Assistant - Family Practice")
    jobs = (_job("Medical Assistant", "2018-01", 48, (0,)),)
    assert [m.how for m in match_jobs(jobs, _doc("Medical Assistant").lines, target)] == ["title"]
    assert not with_posting_title(target_of(req), req, "")  # no title: nothing to stand in


def test_social_services_and_childcare_occupations() -> None:
    """Knowledge as data: social work, counselling and childcare are occupations of their own family
    (O*NET 21-1021, 21-1018; childcare workers, 39-9011, sit with teaching), so a social-work posting counts
    a caseworker's years, and a nanny's as related work only."""
    target = field_target(("social work",))
    caseworker = (_job("Caseworker", "2016-01", 48, (0,)),)
    nanny = (_job("Nanny", "2016-01", 48, (0,)),)
    assert [m.how for m in match_jobs(caseworker, _doc("Caseworker").lines, target)] == ["title"]
    assert [m.how for m in match_jobs(nanny, _doc("Nanny").lines, target)] == ["adjacent"]
    assert [o.id for o in title_occupations("Licensed Mental Health Counselor")] == ["counselor"]
    assert [o.id for o in title_occupations("Swing Manager")] == ["fast_food_worker"]


def test_payroll_alone_shows_no_occupation() -> None:
    """shared_task_alone: HR managers, office managers and bookkeepers all see to the payroll; a job whose
    only line of the work is payroll did not do bookkeeping."""
    target = field_target(("full-cycle bookkeeping",))
    lines = ("Regional HR Manager", "Ensured every new joiner is included in payroll.")
    jobs = (_job("Regional HR Manager", "2015-01", 36, (0, 1)),)
    assert match_jobs(jobs, _doc(*lines).lines, target) == []
    assert "payroll" in load_occupations().shared_tasks


def test_a_title_holding_the_name_of_the_work_did_that_work() -> None:
    """family_named_in_title: "HR Executive" and "HR Payroll/Accounting Representative" name no HR
    occupation of the vocabulary, but hold the family's name; "Payroll Clerk" does not."""
    target = field_target(("HR Generalist",))
    for title, shown in (
        ("HR Executive", True),
        ("HR Payroll/ Accounting Representative", True),
        ("Payroll Clerk", False),
    ):
        jobs = (_job(title, "2015-01", 36, (0,)),)
        assert [m.how for m in match_jobs(jobs, _doc(title).lines, target)] == (["title"] if shown else []), (
            title
        )


def test_an_industry_in_a_title_is_not_the_work_of_a_family_of_that_industry() -> None:
    """ "Healthcare" names an industry, not allied-health work: a marketing specialist or an admin intern at
    a healthcare company did no pharmacy technician's work; a pharmacy technician did."""
    target = field_target(("pharmacy technician",))
    for title, shown in (
        ("Healthcare Marketing Specialist", False),
        ("Healthcare Admin Intern", False),
        ("Pharmacy Technician", True),
    ):
        jobs = (_job(title, "2015-01", 36, (0,)),)
        assert bool(match_jobs(jobs, _doc(title).lines, target)) is shown, title


def test_another_occupations_job_holding_the_duties_is_related_work() -> None:
    lines = ("Sous Chef", "Ensured customer satisfaction and handled complaints from guests.")
    jobs = (_job("Sous Chef", "2015-01", 36, (0, 1)),)
    found = match_jobs(jobs, _doc(*lines).lines, field_target(("customer service",)))
    assert [m.how for m in found] == ["adjacent"]


def test_an_untyped_level_is_the_lowest_the_words_name() -> None:
    matcher = matcher_for(Category.EDUCATION)
    assert matcher is not None
    req = _req(Category.EDUCATION, "Associate's or Bachelor's degree in Nursing", fields=("nursing",))
    assert matcher(req, _edu(EducationEntry("associate", "Nursing"))).score == 1.0
    assert matcher(req, _edu(EducationEntry("high_school"))).score < 0.75


def test_a_field_is_read_by_the_names_inside_it() -> None:
    target = field_target(("acute care nursing",))
    assert target.core == frozenset({"nursing"})
    req = _req(Category.EXPERIENCE, years=2, fields=("acute care nursing",))
    lines = (
        "Staff Nurse",
        "Administered medications and completed patient assessments.",
        "Barista",
        "Made coffee.",
    )
    jobs = (_job("Staff Nurse", "2016-01", 36, (0, 1)), _job("Barista", "2019-01", 12, (2, 3)))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    answer = matcher(req, _ctx(jobs, lines))
    assert answer.score >= 0.75 and "Staff Nurse" in answer.explanation


@pytest.mark.parametrize(
    ("title", "occupation"),
    [
        ("Aircraft Maintenance Technician (A&P)", "aircraft_mechanic"),
        ("Electrician", "electrician"),
        ("Journeyman Plumber", "plumber"),
        ("Dental Hygienist", "dental_hygienist"),
        ("Physical Therapist", "physical_therapist"),
        ("Security Officer", "security_guard"),
        ("Housekeeper", "housekeeper"),
        ("CNC Machinist", "machine_operator"),
        ("Digital Media Producer", "video_editor"),
        ("Videographer", "camera_operator"),
    ],
)
def test_one_occupation_does_not_stand_for_another(title: str, occupation: str) -> None:
    # a posting for an electrician is not answered by a carpenter's years, nor a therapist's by a doctor's
    assert title_occupations(title)[0].id == occupation


def test_experience_evidence_quotes_the_title_as_the_line_writes_it() -> None:
    # The job's title is kept cleaned ("Head Coach Girls' Basketball"); the quote must still contain it.
    lines = ("Company Name 2012 to 2014 Head Coach, Girls' Basketball", "Coached 14 players.")
    req = _req(Category.EXPERIENCE, years=1, fields=("coach",))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    answer = matcher(req, _ctx((_job("Head Coach Girls' Basketball", "2012-01", 24, (0, 1)),), lines))
    assert answer.score > 0 and answer.evidence
    for ev in answer.evidence:
        assert ev.matched and ev.matched.casefold() in ev.text.casefold()


def test_a_cad_designer_is_a_drafter_not_a_graphic_designer() -> None:
    from jobmatch.matching.occupation import title_occupations

    assert [o.id for o in title_occupations("Electrical CAD Designer")] == ["drafter"]
    assert [o.id for o in title_occupations("Senior Graphic Designer")] == ["designer"]
    assert "designer" not in [o.id for o in title_occupations("Process Control Designer")]


def test_a_field_outside_the_taxonomy_is_judged_by_its_words() -> None:
    """field_outside_the_taxonomy: "Geomatics" is in no family; a geomatics degree is the field asked."""
    req = _req(Category.EDUCATION, level="bachelor", fields=("Geomatics",))
    matcher = matcher_for(Category.EDUCATION)
    assert matcher is not None
    assert matcher(req, _edu(EducationEntry("bachelor", "Geomatics"))).score == 1.0
    other = matcher(req, _edu(EducationEntry("bachelor", "Music")))
    assert 0 < other.score < 0.75 and other.status is None


def test_life_sciences_are_near_agriculture_and_related_to_health() -> None:
    """CIP 26 is its own family: a microbiology degree is partial for "agronomy or a related field" (near
    it, not of it), met for "health sciences or a related field", and not an engineering degree at all."""
    matcher = matcher_for(Category.EDUCATION)
    assert matcher is not None
    micro = _edu(EducationEntry("bachelor", "Microbiology"))
    agronomy = _req(Category.EDUCATION, level="bachelor", fields=("Agronomy",), terms=("related field",))
    near = matcher(agronomy, micro)
    assert 0 < near.score < 0.75 and near.status is None
    health = _req(Category.EDUCATION, level="bachelor", fields=("Health Sciences",), terms=("related field",))
    assert matcher(health, micro).score == 1.0
    engineering = _req(Category.EDUCATION, level="bachelor", fields=("Mechanical Engineering",))
    assert matcher(engineering, micro).status is Status.NOT_FOUND
    wildlife = matcher(agronomy, _edu(EducationEntry("bachelor", "Wildlife and Fisheries Science")))
    assert wildlife.score == 1.0


def test_a_related_familys_title_is_related_work_where_the_work_needs_a_licence() -> None:
    # title_of_a_related_family: a lab technician's lines about patients are not years of nursing ...
    lines = ("Lab Technician", "Provided patient care and acute care support to nursing staff.")
    req = _req(Category.EXPERIENCE, years=2, fields=("acute care nursing",))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None
    tech = matcher(req, _ctx((_job("Lab Technician", "2012-01", 60, (0, 1)),), lines))
    assert 0 < tech.score < 0.75 and "related work" in tech.explanation
    # ... but an accountant's accounts-payable lines are accounts payable: that work needs no licence
    ap = _req(Category.EXPERIENCE, years=2, fields=("accounts payable",))
    accountant = _job("Staff Accountant", "2015-01", 36, (4, 5))
    assert matcher(ap, _ctx((accountant,))).score >= 0.75


def test_one_line_of_another_job_listing_the_work_is_incidental() -> None:
    # one_line_of_another_job: an advisor's newsletter and social-media line is no marketing career
    lines = (
        "Education Advisor",
        "Kept in touch with families through newsletters, social media and conferences.",
        "Social Media Coordinator",
        "Ran the brand's social media calendar and paid social campaigns.",
        "Wrote newsletters and reported on social media engagement.",
    )
    target = field_target(("digital marketing", "social media"))
    advisor = _job("Education Advisor", "2015-01", 36, (0, 1))
    assert match_jobs((advisor,), _doc(*lines).lines, target) == []
    both = match_jobs((_job("Education Advisor", "2015-01", 36, (0, 3, 4)),), _doc(*lines).lines, target)
    assert [m.how for m in both] == ["duties"]


def test_a_generic_head_names_its_family_only_alone() -> None:
    # generic_head: "Education Administration" is education; "Management" alone is business
    assert field_families("Education Administration") == {"education"}
    assert field_families("Environmental Policy and Management") == {"agriculture"}
    assert field_families("Management") == {"business"}
    assert field_families("Construction Management") == {"construction"}
    assert "marketing_communications" in field_families("Marketing and Management")


def test_another_occupation_of_a_licensed_family_is_related_work_where_the_posting_names_its_own() -> None:
    # title_of_a_related_family, inside the family: a pilot's lines about aircraft are not an aircraft
    # mechanic's years when the posting names the mechanic
    lines = ("Instructor Pilot", "Flew military aircraft and trained crews on aircraft systems.")
    target = field_target(("military aircraft",), ("aircraft_mechanic",))
    pilot = match_jobs((_job("Instructor Pilot", "2010-01", 60, (0, 1)),), _doc(*lines).lines, target)
    assert [m.how for m in pilot] == ["adjacent"]
    mechanic = match_jobs(
        (_job("Aircraft Mechanic", "2010-01", 60, (0,)),), _doc("Aircraft Mechanic").lines, target
    )
    assert [m.how for m in mechanic] == ["title"]


def test_trades_and_public_relations_have_their_own_places() -> None:
    # a vehicle technology diploma is its own trade, not another field judged by its words
    assert field_families("Automotive Technology") == {"vehicle_trades"}
    # public relations is its own occupation of the marketing family: a media planner is not one
    assert title_occupations("Public Relations Coordinator")[0].id == "public_relations"
    assert title_occupations("Media Planner")[0].id != "public_relations"
    assert title_occupations("Automobile Service Manager")[0].family == "automotive"


def test_a_related_familys_duties_count_only_where_that_family_does_the_work() -> None:
    # title_of_a_related_family with ``does``: a customer service rep who handled cash did no teller's work
    lines = ("Customer Service Representative", "Handled cash, balanced the cash drawer and took deposits.")
    target = field_target(("teller",))
    rep = match_jobs(
        (_job("Customer Service Representative", "2015-01", 36, (0, 1)),), _doc(*lines).lines, target
    )
    assert [m.how for m in rep] == ["adjacent"]
    # an accountant's own accounts-payable lines are accounts payable work: accounting does it
    accountant = _job("Staff Accountant", "2015-01", 36, (4, 5))
    assert [
        m.how for m in match_jobs((accountant,), _doc(*AP_LINES).lines, field_target(("accounts payable",)))
    ] == ["duties"]


def test_the_titles_other_words_decide_a_tie_between_occupations() -> None:
    # title_words_decide_a_tie: "field technician" is IT support's and agriculture's
    assert title_occupations("Agronomy Field Technician")[0].id == "agricultural_technician"
    assert title_occupations("IT Field Technician")[0].id == "it_support_specialist"


def test_a_graduate_degree_is_not_partly_held_by_the_bachelors_under_it() -> None:
    # graduate_degree_not_partly_held: "MBA or CFA is a plus" is not half met by a BBA
    mba = _req(Category.EDUCATION, level="master")
    bba = match_requirement(mba, Signals(education=(EducationEntry("bachelor", "Business"),)), _doc("x"))
    assert bba.status is Status.NOT_FOUND and 0 < bba.score < 0.4
    # an associate's for a bachelor's is still one rung below: partial
    matcher = matcher_for(Category.EDUCATION)
    assert matcher is not None
    assert (
        matcher(
            _req(Category.EDUCATION, level="bachelor"), _edu(EducationEntry("associate", "Biology"))
        ).score
        == 0.4
    )


def test_the_titles_of_the_years_are_cut_on_a_title_not_inside_one() -> None:
    from jobmatch.matching.experience import _titles_within

    titles = ["Occupational Health Nurse Coordinator", "Physician Liaison/Nurse Triage/GI Nurse", "Home"]
    want = "Occupational Health Nurse Coordinator, Physician Liaison/Nurse Triage/GI Nurse, …"
    assert _titles_within(titles, 80) == want
    assert _titles_within(titles[:1], 80) == titles[0]
    assert _titles_within(["x" * 100], 80) == "x" * 79 + "…"


def test_a_sibling_jobs_years_stand_in_for_a_degree_but_another_fields_do_not() -> None:
    """sibling_years_are_equivalent: a head chef's years count for "line cook or sous chef" under "or
    equivalent experience"; a server's do not."""
    from jobmatch.matching.experience import experience_of, family_years

    target = field_target(("line cook", "sous chef"))
    lines = ("Head Chef", "Ran a 12-cook line.", "Server", "Served 40 tables a night.")
    jobs = (_job("Head Chef", "2012-01", 60, (0, 1)), _job("Server", "2017-01", 24, (2, 3)))
    ctx = _ctx(jobs, lines)
    exp = experience_of(target, ctx)
    assert exp.years == 0 and exp.adjacent
    assert family_years(exp, target) == 5.0
    server_only = _ctx(jobs[1:], lines)
    assert family_years(experience_of(target, server_only), target) == 0.0


def test_a_one_word_title_is_the_occupation_only_without_another_fields_qualifier() -> None:
    """qualifier_names_another_field: "mechanic" is a car mechanic, "Aviation Structure Mechanic" an aircraft
    mechanic, "Part-Time Cashier" and "Dental Receptionist" still the head's occupations; words of
    the head's own family ("Diesel") or of the seniority ladder ("Lead") change nothing; short_title_words:
    "Service Tech" is a service technician."""

    def ids(title: str) -> list[str]:
        return [o.id for o in title_occupations(title)]

    assert ids("Mechanic") == ids("Service Tech") == ids("Lead Mechanic") == ["auto_mechanic"]
    assert ids("Diesel Mechanic") == ["diesel_technician"]  # the head's own family (automotive)
    assert ids("Aviation Structure Mechanic") == ["aircraft_mechanic"]
    # a qualifier whose field has no occupation of the head's name says where, not which job
    assert ids("Part-Time Cashier") == ["cashier"] and ids("Dental Receptionist") == ["receptionist"]
    assert ids("Senior Accountant") == ["accountant"]


def test_a_tractor_trailer_driver_is_not_any_driver() -> None:
    """O*NET parts heavy and tractor-trailer drivers (53-3032) from light-truck and delivery drivers
    (53-3033), couriers and bus drivers: for a tractor-trailer posting a courier or a tow-truck driver is
    related work of the same family, not the years asked."""
    req = _req(Category.EXPERIENCE, years=1, fields=("tractor-trailer",))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None

    def score(title: str) -> float:
        lines = (title, "Drove routes in the metro area.")
        jobs = (_job(title, "2015-01", 36, (0, 1)),)
        return matcher(req, Context(_doc(*lines), Signals(jobs=jobs, as_of="2020-12"), {})).score

    assert score("OTR Driver") >= 0.85 and score("Truck Driver") >= 0.85
    assert 0 < score("Courier") < 0.5 and 0 < score("Tow Truck Driver") < 0.5


def test_each_trade_is_its_own_work() -> None:
    """The construction trades are each their own work (the family is marked like a licensed one): for an
    electrician's posting a "Construction Foreman" is related work, though his title names the family, and
    an "Electrical Superintendent" is an electrician (O*NET 47-2111 alternate titles)."""
    from jobmatch.matching.experience import EXTRA_POSTING_TITLE

    req = _req(Category.EXPERIENCE, years=4, fields=("commercial/industrial electrical",))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None

    def score(title: str) -> float:
        jobs = (_job(title, "2010-01", 96, (0, 1)),)
        extra: dict[str, object] = {EXTRA_POSTING_TITLE: "Commercial Electrician (Journeyman)"}
        ctx = Context(
            _doc(title, "Laid bricks and plastered cement."), Signals(jobs=jobs, as_of="2020-12"), extra
        )
        return matcher(req, ctx).score

    assert score("Construction Foreman") < 0.5 and score("Carpenter") < 0.5
    assert score("Electrical Superintendent") >= 0.85


def test_a_title_naming_a_licensed_family_is_not_its_occupation() -> None:
    # "Aviation Records Analyst" names the aviation family, but keeps no aircraft: not an aircraft mechanic
    target = field_target(("aircraft maintenance",), ("aircraft_mechanic",))
    lines = _doc("Aviation Records Analyst", "Audited maintenance logbook entries for compliance.").lines
    found = match_jobs((_job("Aviation Records Analyst", "2012-01", 60, (0, 1)),), lines, target)
    assert all(m.how != "title" for m in found)


def test_a_title_other_fields_use_needs_the_occupations_duties() -> None:
    """title_needs_its_duties (``confirm`` in occupations.toml): a "Master Technician" who repairs phones is
    related work for a car technician's posting; with car work in the job's lines, or a title that says which
    ("Automobile Mechanic"), it is the occupation. A car hauler's vehicles are no car repairs."""
    target = field_target((), ("auto_mechanic",))

    def how(title: str, duty: str) -> list[str]:
        return [
            m.how for m in match_jobs((_job(title, "2012-01", 60, (0, 1)),), _doc(title, duty).lines, target)
        ]

    assert how("Master Technician", "Repaired iPhones, iPads and Macs for walk-in customers.") == ["adjacent"]
    assert how("Master Technician", "Performed brake jobs and engine diagnostics on customer vehicles.") == [
        "title"
    ]
    assert how("Automobile Mechanic", "Fixed what came in.") == ["title"]
    assert how("Driver/Car Hauler", "Transported new cars and vehicles to dealerships.") == []


def test_an_internship_counts_half_toward_the_years_asked() -> None:
    """internship_counts_half: two years as an accounting intern are one year of accounting work; a junior's
    years count in full."""
    req = _req(Category.EXPERIENCE, years=2, fields=("accounting",))
    matcher = matcher_for(Category.EXPERIENCE)
    assert matcher is not None

    def explained(title: str) -> str:
        jobs = (_job(title, "2016-01", 24, (0,)),)
        return matcher(req, Context(_doc(title), Signals(jobs=jobs, as_of="2020-12"), {})).explanation

    assert explained("Accounting Intern").startswith("1 years of accounting")
    assert explained("Junior Accountant").startswith("2 years of accounting")


def test_the_arts_of_a_degrees_name_is_no_field() -> None:
    # ``arts_of_the_degree_is_no_field``: a BA in education is no art-and-design degree; a BFA is
    assert field_families("Bachelor of Arts : Elementary Education") == {"education"}
    assert field_families("Arts in Business Administration") == {"business"}
    assert field_families("Bachelor of Arts") == frozenset()
    assert field_families("Bachelor of Fine Arts") == {"art_design"}
    assert field_families("Science in Nursing") == {"nursing"}
    assert "psychology_social" in field_families("Political Science")


def test_mechanical_design_is_engineering_and_technicians_are_related_work() -> None:
    assert field_target(("mechanical design of products",)).families == {"engineering"}
    assert field_target(("graphic design",)).families == {"design"}
    target = field_target(("mechanical engineering",))
    tech = _job("Engineering Technician", "2015-01", 60, (0,))
    engineer = _job("Design Engineer", "2015-01", 60, (0,))
    doc = _doc("Engineering Technician").lines
    assert match_jobs((tech,), doc, target)[0].how == "adjacent"
    assert match_jobs((engineer,), _doc("Design Engineer").lines, target)[0].how == "title"


def test_retail_banking_is_banking_not_retail_and_banking() -> None:
    # the longest family name decides: a cashier's years are no years of retail banking
    assert field_target(("retail banking",)).families == {"banking"}
    assert field_target(("financial services",)).families == {"banking"}


def test_college_coursework_stands_on_a_high_school_diploma() -> None:
    # ``college_stands_on_school``: "business coursework (no degree)" at a college was entered with a
    # diploma behind it; the same unnamed level elsewhere is still no diploma shown
    matcher = matcher_for(Category.EDUCATION)
    assert matcher is not None
    school = _req(Category.EDUCATION, level="high_school")
    coursework = EducationEntry("unknown", "business", "Pasadena City College", completed=False)
    assert matcher(school, _edu(coursework)).score == 1.0
    bachelor = _req(Category.EDUCATION, level="bachelor")
    assert matcher(bachelor, _edu(coursework)).score == 0.0
    assert matcher(school, _edu(EducationEntry("unknown", "", "Riverside Training Center"))).score == 0.0
