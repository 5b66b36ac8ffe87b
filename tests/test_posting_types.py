"""Typed requirements: category and parameters read from each item's text (jobmatch.posting.types).

The cases are data (tests/fixtures/requirement_types.toml): text -> expected category and parameters.
"""

from __future__ import annotations

import json
import time
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from jobmatch.models import Category, Requirement, RequirementKind
from jobmatch.posting import load_posting, parse_posting
from jobmatch.posting.types import LADDER, RULES, classify, type_requirement, type_requirements
from tests.conftest import ROOT, shared_or_skip

FIXTURE = Path(__file__).parent / "fixtures" / "requirement_types.toml"
CASES: list[dict[str, Any]] = tomllib.loads(FIXTURE.read_text("utf-8"))["case"]
PARAMETERS = ("years", "level", "fields", "terms", "all_of", "or_equivalent", "notes")


def typed(text: str, source: str = "") -> Requirement:
    return type_requirement(Requirement(id="R1", text=text, kind=RequirementKind.REQUIRED, source=source))


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_fixture_case(case: dict[str, Any]) -> None:
    requirement = typed(case["text"])
    assert requirement.category == Category(case["category"]), classify(case["text"])
    for key in PARAMETERS:
        if key in case:
            expected = tuple(case[key]) if isinstance(case[key], list) else case[key]
            assert getattr(requirement, key) == expected, key


def test_fixture_covers_every_category() -> None:
    assert {Category(c["category"]) for c in CASES} == set(Category)


def test_typing_keeps_everything_else() -> None:
    original = Requirement(
        id="R9",
        text="Proficiency in Microsoft Office.",
        kind=RequirementKind.PREFERRED,
        alternatives=("x",),
        source="skills",
        supports=("R1",),
        weight=2.0,
        must_have=True,
        phrases=("Word",),
    )
    result = type_requirement(original)
    assert result.category is Category.SKILL
    assert (result.id, result.kind, result.alternatives, result.weight, result.must_have) == (
        "R9",
        RequirementKind.PREFERRED,
        ("x",),
        2.0,
        True,
    )
    assert (result.source, result.supports, result.phrases) == ("skills", ("R1",), ("Word",))
    assert type_requirement(result) == result  # typing twice changes nothing


@pytest.mark.parametrize(
    ("keyword", "category", "terms"),
    [
        ("Accounts Payable", Category.SKILL, ("Accounts Payable",)),
        ("Reconciliation", Category.SKILL, ("Reconciliation",)),
        ("Call Center", Category.SKILL, ("Call Center",)),
        ("CRM", Category.SKILL, ("CRM",)),
        ("Bilingual Spanish", Category.LANGUAGE, ("Spanish",)),
        ("ServSafe", Category.CREDENTIAL, ("ServSafe",)),
        ("inventory control", Category.SKILL, ("inventory control",)),
    ],
)
def test_skills_keywords_get_a_category(keyword: str, category: Category, terms: tuple[str, ...]) -> None:
    requirement = typed(keyword, source="skills")
    assert (requirement.category, requirement.terms) == (category, terms)


def test_a_lowercase_phrase_is_other_unless_it_is_a_skills_keyword() -> None:
    assert typed("inventory control").category is Category.OTHER
    assert typed("inventory control", source="skills").category is Category.SKILL


def test_avon147_types_as_the_recruiter_reads_it() -> None:
    posting = load_posting(ROOT / "requirements" / "AVON147.txt")
    r = posting.requirements
    assert [x.category for x in r] == [
        Category.EDUCATION,
        Category.SOFT_SKILL,
        Category.SOFT_SKILL,
        Category.SKILL,
        Category.INDUSTRY,
        Category.SOFT_SKILL,
        Category.EXPERIENCE,
    ]
    assert (r[0].level, r[0].fields, r[0].terms, r[0].or_equivalent) == (
        "bachelor",
        ("business", "marketing"),
        ("related field",),
        True,
    )
    assert r[3].terms == ("Microsoft Office",)
    assert r[4].terms == ("cosmetics",)
    assert (r[6].fields, r[6].years) == (("sales support", "customer service"), 0.0)
    # Typing changes nothing the parser decided.
    assert [x.kind for x in r] == [RequirementKind.REQUIRED] * 6 + [RequirementKind.PREFERRED]
    assert r[0].alternatives == ("equivalent experience",)


def test_parse_posting_types_its_requirements() -> None:
    posting = parse_posting(
        "Requirements:\n- Current California Registered Nurse license\n- BLS and ACLS certification\n"
    )
    assert [r.category for r in posting.requirements] == [Category.CREDENTIAL, Category.CREDENTIAL]


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("name", "categories"),
    [
        (
            "FRSH221.txt",
            ["education", "experience", "skill", "skill", "skill", "soft_skill", "industry"],
        ),
        (
            "CSR508.txt",
            ["education", "experience", "language", "skill", "skill", "soft_skill", "logistics", "industry"],
        ),
    ],
)
def test_general_postings_type_as_a_recruiter_reads_them(name: str, categories: list[str]) -> None:
    posting = load_posting(shared_or_skip("eval", "general", "postings", name))
    assert [str(r.category) for r in posting.requirements[: len(categories)]] == categories


@pytest.mark.corpus
def test_job_board_gold_items_mostly_get_a_category() -> None:
    """The recruiter-read items of the five job-board postings: few may stay "other"."""
    gold = json.loads(shared_or_skip("eval", "postings", "gold.json").read_text("utf-8"))
    texts = [text for name, items in gold.items() if name.startswith("vanetik") for _, text in items]
    categories = [typed(text).category for text in texts]
    assert len(texts) >= 70
    assert sum(c is Category.OTHER for c in categories) <= len(texts) // 10
    assert {Category.EDUCATION, Category.EXPERIENCE, Category.SKILL, Category.LOGISTICS} <= set(categories)


def test_every_rule_has_a_name_and_a_reason() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert all(rule.name and len(rule.reason) > 20 for rule in RULES)
    assert classify("Excellent communication skills") == (Category.SOFT_SKILL, "soft-skill-words")
    assert classify("Understand how to design an efficient parser") == (Category.OTHER, "")


def test_cue_file_has_provenance_and_every_level_of_the_ladder() -> None:
    text = resources.files("jobmatch.knowledge").joinpath("requirement_cues.toml").read_text("utf-8")
    assert "Provenance" in text.split("\n[", 1)[0]
    levels = tomllib.loads(text)["education"]["levels"]
    assert set(levels) == set(LADDER) - {"none"}


def test_lowest_level_on_the_ladder_wins() -> None:
    assert typed("Master's or Bachelor's degree in Finance").level == "bachelor"
    assert typed("High school diploma required; associate degree preferred").level == "high_school"


def test_hostile_items_are_bounded() -> None:
    huge = "Experience with " + ", ".join(f"Tool{i}" for i in range(20_000)) + " or QuickBooks"
    started = time.perf_counter()
    result = typed(huge)
    assert time.perf_counter() - started < 2.0
    assert result.category is Category.SKILL and len(result.terms) < 400
    started = time.perf_counter()
    nasty = typed("(((((" * 2000 + "degree in " * 2000 + ")" * 5000)
    assert time.perf_counter() - started < 2.0
    assert len(nasty.text) == 35_000  # the text is kept whole; only the typing reads a bounded prefix
    assert typed("degree in " * 5000).category is Category.EDUCATION
    assert type_requirements([]) == ()


def test_ten_thousand_items_type_in_bounded_time() -> None:
    items = [
        Requirement(f"R{i}", f"Experience with Tool{i} or QuickBooks", RequirementKind.REQUIRED)
        for i in range(10_000)
    ]
    started = time.perf_counter()
    result = type_requirements(items)
    assert time.perf_counter() - started < 10.0
    assert len(result) == 10_000 and all(r.category is Category.SKILL for r in result)


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        (
            "Experience with hand and power tools and test equipment",
            ("hand tools", "power tools", "test equipment"),
        ),
        # a word in -ing is a noun of its own; capitals are names ("Word and Excel spreadsheets")
        ("Experience with scheduling and inventory control", ("scheduling", "inventory control")),
        # shared_object: a lone verb in -ing before another with an object shares it
        (
            "Experience leading and training kitchen staff",
            ("leading kitchen staff", "training kitchen staff"),
        ),
        (
            "Experience ordering and receiving product from vendors",
            ("ordering product from vendors", "receiving product from vendors"),
        ),
        ("Proficiency in Word and Excel spreadsheets", ("Word", "Excel spreadsheets")),
        # list_of_phrases: after a phrase of its own, a lone word is a noun, not a modifier
        (
            "Ability to read blueprints, schematics and wiring diagrams",
            ("read blueprints", "schematics", "wiring diagrams"),
        ),
        (
            "Knowledge of exercise science, nutrition and injury prevention",
            ("exercise science", "nutrition", "injury prevention"),
        ),
        # ampersand_in_a_name: "&" between letters is part of the name
        ("Working knowledge of GD&T and engineering drawings", ("GD&T", "engineering drawings")),
        ("Experience with P&L reporting & budgeting", ("P&L reporting", "budgeting")),
        # a_plural_names_itself: a lone plural is a noun of its own, unless English uses it as a modifier
        (
            "Inventory management: ordering, receiving, returns and cycle counts",
            ("ordering", "receiving", "returns", "cycle counts"),
        ),
        ("Experience with sales and marketing plans", ("sales plans", "marketing plans")),
        # or_more_is_a_bound: "10 or more" is at least ten, not a skill called "more"
        ("Experience managing a team of 10 or more", ("team of 10+",)),
    ],
)
def test_shared_head(text: str, terms: tuple[str, ...]) -> None:
    req = typed(text)
    assert req.category is Category.SKILL
    assert req.terms == terms


def test_examples_of_the_role_and_a_second_span() -> None:
    # examples_of_the_role: the roles in brackets count; second_span: ", with at least 1 year in a supervisory
    # role" is a further condition (a note), not a role of its own
    req = typed(
        "3+ years of experience as a line cook, with at least 1 year in a supervisory kitchen role "
        "(sous chef, kitchen manager or lead cook)"
    )
    assert req.category is Category.EXPERIENCE and req.years == 3
    assert req.fields == ("line cook", "sous chef", "kitchen manager", "lead cook")
    assert any("supervisory kitchen role" in n for n in req.notes)
    # beside a "using" clause the bracketed names are more tools, not roles
    tools = typed("2+ years of experience using accounting software (QuickBooks, Sage)")
    assert "QuickBooks" in tools.terms and "QuickBooks" not in tools.fields


def test_the_role_after_as_is_the_field_and_what_it_was_about_a_note() -> None:
    """role_after_as: "managing commercial construction projects as a Project Manager": the role is the
    field; the construction projects say what the work was about, not that any construction title is it."""
    req = typed(
        "5+ years of experience managing commercial construction projects as a Project Manager or "
        "Assistant Project Manager"
    )
    assert req.category is Category.EXPERIENCE and req.years == 5
    assert req.fields == ("Project Manager", "Assistant Project Manager")
    assert any("commercial construction projects" in n for n in req.notes)
    # nothing before "as a" but the experience itself: the role as before
    assert typed("2+ years of experience as a line cook").fields == ("line cook",)


def test_a_preference_clause_runs_over_its_own_short_list() -> None:
    # preference_list: "ideally in beauty, cosmetics or fashion" is one note, not "ideally in beauty" plus a
    # stray "cosmetics or fashion"; a longer part after a comma stays the item's
    req = typed("1+ year of retail sales experience, ideally in beauty, cosmetics or fashion")
    assert req.fields == ("retail sales",)
    assert req.notes == ("ideally in beauty, cosmetics or fashion",)
    other = typed("Experience with Excel, preferably in finance, and strong SQL skills")
    assert "preferably in finance" in other.notes and "SQL" in " ".join(other.terms)


@pytest.mark.parametrize(
    ("text", "level", "fields"),
    [
        ("Completion of a state-approved CNA training program", "certificate", ("CNA",)),
        ("Graduate of a coding bootcamp or a degree in computer science", "certificate", None),
        ("Has completed an accredited dental assisting program", "certificate", ("dental assisting",)),
    ],
)
def test_a_completed_programme_is_education(text: str, level: str, fields: tuple[str, ...] | None) -> None:
    """completed_programme_is_education: a programme, course or bootcamp finished is education at the
    certificate level (the lowest it names), its field the words that name it."""
    requirement = typed(text)
    assert requirement.category is Category.EDUCATION
    assert requirement.level == level
    if fields is not None:
        assert requirement.fields[: len(fields)] == fields


def test_loyalty_programme_experience_is_not_education() -> None:
    assert typed("Experience running a customer loyalty program").category is not Category.EDUCATION


@pytest.mark.parametrize(
    ("text", "terms", "note"),
    [
        ("BLS certification is required within 30 days of hire.", ("BLS",), "within 30 days of hire"),
        ("Must obtain a CDL within six months of start date", ("CDL",), "within six months of start date"),
    ],
)
def test_a_deadline_is_a_note(text: str, terms: tuple[str, ...], note: str) -> None:
    """deadline_is_a_note: when the posting wants a credential is not part of its name."""
    requirement = typed(text)
    assert requirement.category is Category.CREDENTIAL
    assert requirement.terms == terms and note in requirement.notes


def test_another_or_a_similar_tool_is_the_family_asked_for() -> None:
    """ "Epic or another EHR": "another" is not part of the name to look for."""
    assert typed("Experience with Epic or another EHR").terms == ("Epic", "EHR")
    assert typed("Experience with QuickBooks or a similar accounting system").terms == (
        "QuickBooks",
        "accounting system",
    )


def test_a_hyphenated_soft_skill_is_kept() -> None:
    """ "critical-thinking skills" is the cue "critical thinking": every soft skill named is looked for."""
    req = typed("Excellent communication and critical-thinking skills")
    assert req.category is Category.SOFT_SKILL
    assert req.terms == ("communication", "critical-thinking") and req.all_of


@pytest.mark.parametrize(
    ("text", "category", "terms", "notes"),
    [
        # quality_of_the_work: the adjective says how well the work is done; the work is the skill
        ("Accurate data entry", Category.SKILL, ("data entry",), ("accurate",)),
        (
            "Accurate counting, measuring and compounding of medications",
            Category.SKILL,
            ("counting", "measuring of medications", "compounding of medications"),
            ("accurate",),
        ),
        # an item typed a skill anyway drops the adjective as a lead word
        (
            "Accurate cash handling and balancing of the register",
            Category.SKILL,
            ("cash handling", "balancing of the register"),
            (),
        ),
        # followed by "with", "and" or another soft skill, it is the quality itself
        ("Accurate with numbers", Category.SOFT_SKILL, ("Accurate",), ()),
        ("Accurate and detail-oriented", Category.SOFT_SKILL, ("Accurate", "detail-oriented"), ()),
        (
            "Efficient and friendly customer service",
            Category.SOFT_SKILL,
            ("friendly", "customer service"),
            (),
        ),
    ],
)
def test_the_quality_of_the_work_is_a_note(
    text: str, category: Category, terms: tuple[str, ...], notes: tuple[str, ...]
) -> None:
    req = typed(text)
    assert (req.category, req.terms, req.notes) == (category, terms, notes)


def test_a_nurses_posting_reads_as_a_recruiter_means_it() -> None:
    # place_clause: "in the State of Ohio" goes whole; nothing like "license in the of" is left to look for
    rn = typed(
        "Current, active Registered Nurse (RN) license in the State of Ohio, or a multistate compact license"
    )
    assert rn.category is Category.CREDENTIAL and rn.terms == ("Registered Nurse", "RN")
    assert rn.fields == ("Ohio", "multistate", "compact")
    assert typed("Active LPN license in the state of practice").terms == ("LPN",)
    # the "or" before a deadline joins no names: BLS and ACLS are both asked
    cards = typed(
        "BLS and ACLS certification from the American Heart Association, or obtained within 30 days of hire"
    )
    assert (cards.terms, cards.all_of) == (("BLS", "ACLS"), True) and "within 30 days of hire" in cards.notes
    # bracket_does_not_type: a programme named in a remark does not make years of work education
    years = typed(
        "1+ year of acute care hospital experience as an RN (new graduates who have completed a nurse "
        "residency program will be considered)"
    )
    assert (years.category, years.years, years.fields) == (Category.EXPERIENCE, 1.0, ("RN",))
    # "accepted" says the degree meets the item; it is no word of the field
    adn = typed("Associate Degree in Nursing (ADN) accepted")
    assert (adn.category, adn.level, adn.fields) == (Category.EDUCATION, "associate", ("Nursing",))


def test_a_label_names_what_its_flavour_line_does_not() -> None:
    # label_names_what_a_flavour_line_does_not: the value tells a story; the label is the soft skill
    req = typed("Attention to detail: You catch the number that doesn't tie")
    assert (req.category, req.terms) == (Category.SOFT_SKILL, ("Attention to detail",))
    assert req.notes == ("You catch the number that doesn't tie",)
    # a value that asks for something of its own is still typed without its label (row_label_is_no_term)
    assert typed("Tools: Must have your own tool set").category is Category.LOGISTICS


def test_senior_leadership_is_an_audience_not_a_skill() -> None:
    # leadership_as_an_audience: "presenting to senior leadership" asks for presenting, not for leading
    req = typed("Communication: Comfortable presenting to senior leadership")
    assert (req.category, req.terms) == (Category.SOFT_SKILL, ("presenting to",))
    assert typed("Strong leadership and communication skills").terms == ("leadership", "communication")


def test_a_degree_without_a_level_asks_for_the_lowest_degree() -> None:
    """degree_without_level: "Culinary degree" is at least an associate's, not a high-school diploma."""
    req = typed("Culinary degree or equivalent experience")
    assert req.category is Category.EDUCATION
    assert (req.level, req.fields, req.or_equivalent) == ("associate", ("Culinary",), True)
    assert typed("High school diploma or GED").level == "high_school"
    assert typed("General Education Degree (GED) required").level == "high_school"


def test_an_industry_word_inside_a_skills_name_is_the_skill() -> None:
    """industry_word_inside_a_skill: "read construction drawings" is blueprint reading, not the construction
    industry; "the construction industry" still is the industry."""
    assert classify("Ability to read construction drawings")[0] is Category.SKILL
    assert classify("3 years of experience in the construction industry")[0] is not Category.SKILL
    assert classify("Knowledge of the construction industry")[0] is Category.INDUSTRY


def test_examples_belong_to_their_head_beside_a_second_head() -> None:
    """examples_belong_to_their_head: two things asked, one with its examples, are both asked; an example
    alone ("Excel") does not meet the item. A list of alternatives, or examples of one head, stay any-of."""
    office = typed("Advanced skills in Microsoft Office (Word, Excel, Outlook) and Adobe Acrobat")
    assert office.terms == ("Microsoft Office", "Adobe Acrobat") and office.all_of
    filing = typed(
        "Hands-on experience with e-filing (PACER/CM-ECF) and case management software such as Clio"
    )
    assert filing.terms == ("e-filing", "case management software") and filing.all_of
    erp = typed("Experience with an ERP or accounting system such as SAP, Oracle, NetSuite, or QuickBooks")
    assert "QuickBooks" in erp.terms and not erp.all_of
    hris = typed("Experience with HRIS (ADP Workforce Now, Workday)")
    assert hris.terms == ("HRIS", "ADP Workforce Now", "Workday") and not hris.all_of


def test_motivating_clients_is_a_soft_skill() -> None:
    req = typed("Ability to motivate clients of all fitness levels and keep them accountable")
    assert req.category is Category.SOFT_SKILL and req.terms == ("motivate clients",)


def test_examples_after_an_industry_word_are_the_skills_that_count() -> None:
    # ``work_in_an_industry_is_a_skill`` with a list of examples: "manufacturing" names an industry, but the
    # processes named after "such as" are what is looked for, any one of them
    posting = parse_posting(
        "Job\nRequirements\n- Knowledge of manufacturing processes such as sheet metal fabrication, machining"
        " and injection molding\n- Experience in industries such as healthcare or insurance\n"
    )
    processes, industries = posting.requirements
    assert processes.category is Category.SKILL and not processes.all_of
    assert {"sheet metal fabrication", "machining", "injection molding"} <= set(processes.terms)
    assert industries.category is Category.INDUSTRY  # there the examples are industries


def test_a_school_diplomas_equivalent_is_a_ged_not_years_of_work() -> None:
    # ``school_equivalent_is_a_ged``
    school = parse_posting("Job\nRequirements\n- High school diploma or equivalent\n").requirements[0]
    assert school.level == "high_school" and not school.or_equivalent and not school.alternatives
    worked = parse_posting(
        "Job\nRequirements\n- High school diploma or equivalent experience\n"
    ).requirements[0]
    assert worked.or_equivalent
    degree = parse_posting("Job\nRequirements\n- Associate degree or equivalent\n").requirements[0]
    assert degree.or_equivalent


def test_industries_that_share_the_noun_are_both_asked() -> None:
    # ``industries_share_the_noun``
    posting = parse_posting("Job\nRequirements\n- Experience in the aerospace or defense industry\n")
    assert posting.requirements[0].terms == ("aerospace", "defense")


@pytest.mark.parametrize(
    "text",
    [
        "Ability to sit for long periods",
        "Must be able to stand for extended periods and bend, stoop, and kneel",
        "Able to climb ladders up to 20 feet",
        # a shift by its number, hours outside the day
        "Ability to be on site occasionally before or after normal hours to support 2nd and 3rd shift.",
        "Must be available to work second shift",
        "Willing to provide after-hours support",
    ],
)
def test_the_bodys_demands_and_the_hours_are_asked_at_the_screen(text: str) -> None:
    # what the job asks of the body and of the clock is logistics (ask at screen), not a skill to find
    assert typed(text).category is Category.LOGISTICS


def test_experience_of_a_care_setting_asks_for_the_setting() -> None:
    item = typed(
        "Prior outpatient, ambulatory care, physician-office or telephone triage experience is a plus."
    )
    assert item.category is Category.INDUSTRY
    assert item.terms == ("outpatient", "ambulatory care", "physician-office", "telephone triage")
    assert typed("2 years of acute care experience").category is Category.EXPERIENCE  # nursing's own name


def test_how_firmly_an_item_is_required_is_no_term_and_an_ampersand_name_stays_whole() -> None:
    """'- REQUIRED, no exceptions' after a dash is the item's kind; "Airframe & Powerplant" is one name of
    the catalogue, as "Airframe and Powerplant" is; "Skilled with" opens the named tools."""
    posting = parse_posting(
        "AMT\n\nRequirements:\n- FAA Airframe & Powerplant certificate - REQUIRED, no exceptions\n"
    )
    (item,) = posting.requirements
    assert item.category is Category.CREDENTIAL and item.kind is RequirementKind.REQUIRED
    assert item.terms == ("FAA Airframe & Powerplant",)
    tools = typed("Skilled with hand and power tools, precision measuring equipment and torque wrenches")
    assert tools.terms[:2] == ("hand tools", "power tools")


def test_sales_associates_are_people_not_a_degree() -> None:
    """associates_are_people: "a team of sales associates" names staff; "Associates degree" is an award."""
    assert typed(
        "Proven ability to hire, train, coach and develop a team of sales associates."
    ).category is not (Category.EDUCATION)
    assert typed("Associates degree in business").category is Category.EDUCATION
    assert typed("Associate or bachelor degree").category is Category.EDUCATION


def test_an_activity_on_something_then_a_named_tool_asks_for_the_tool() -> None:
    item = typed(
        "experience updating websites through a content management system (WordPress, Drupal or similar)"
    )
    assert item.terms == ("content management system", "WordPress", "Drupal") and not item.all_of
    assert typed("working knowledge of AP style").terms == ("AP style",)


def test_hands_on_with_opens_the_tools_and_days_a_week_on_site_is_asked_at_the_screen() -> None:
    item = typed("Hands-on with Hootsuite, Sprout Social, Later or a similar scheduling platform")
    assert item.terms[:2] == ("Hootsuite", "Sprout Social")
    assert (
        typed("Able to come to our Portland studio for shoots two days a week").category is Category.LOGISTICS
    )
    assert typed("Comfortable creating graphics in Canva or Adobe Creative Suite").terms[0] == "Canva"


def test_is_expected_says_the_kind_not_the_skill() -> None:
    assert typed("Experience with project management is expected").terms == ("project management",)


def test_a_capitalised_row_label_is_no_tool_name() -> None:
    # label_names_what_a_flavour_line_does_not, but "Results" is no list of tool names
    item = typed("Results: Track record of driving sales, hitting KPIs and controlling payroll and shrink.")
    assert item.category is not Category.SKILL and "Results" not in item.terms


def test_a_shift_supervisor_is_a_job_not_a_schedule() -> None:
    assert typed("2+ years as a shift supervisor").category is Category.EXPERIENCE


def test_sitting_an_exam_is_no_physical_demand() -> None:
    assert typed("Eligible to sit for the CPA exam").category is Category.CREDENTIAL


@pytest.mark.parametrize(
    ("text", "terms", "note"),
    [
        (
            "Must be able to obtain and maintain NMLS registration within 30 days of hire",
            ("NMLS",),
            "within 30 days of hire",
        ),
        ("Current CPR/AED certification, maintained throughout employment", ("CPR", "AED"), "maintained"),
        ("ServSafe Manager Certification - must be current", ("ServSafe Manager",), "must be current"),
    ],
)
def test_how_a_credential_is_kept_is_a_note_not_its_name(
    text: str, terms: tuple[str, ...], note: str
) -> None:
    # kept_current_is_a_note: "maintain NMLS" and "maintained throughout employment" were terms no résumé has
    req = typed(text)
    assert (req.category, req.terms) == (Category.CREDENTIAL, terms)
    assert any(note in n for n in req.notes)


def test_languages_also_valued_in_brackets_are_a_bonus_not_more_to_need() -> None:
    # also_valued_is_a_note: the item needs Spanish and English; the bracket welcomes others
    req = typed("Bilingual in Spanish and English a plus (Cantonese, Vietnamese or Tagalog also valued)")
    assert (req.category, req.terms, req.all_of) == (Category.LANGUAGE, ("Spanish", "English"), True)
    assert req.notes == ("Cantonese, Vietnamese or Tagalog also valued",)
    both = typed("Fluent in two languages (English and Spanish)")
    assert (both.terms, both.notes) == (("English", "Spanish"), ())


def test_two_kinds_of_work_joined_by_or_share_no_noun() -> None:
    # two_kinds_of_work: "sales or customer service experience" is sales or customer service, not "sales
    # service"; "sales and marketing teams" still shares its noun
    req = typed("2+ years of sales or customer service experience, preferably in banking")
    assert (req.category, req.fields) == (Category.EXPERIENCE, ("sales", "customer service"))


def test_an_example_degree_names_its_field() -> None:
    # example_degree_names_its_field: the example's field is what follows its "in", not the award's name
    req = typed("Culinary degree or diploma (e.g. Associate of Applied Science in Culinary Arts)")
    assert (req.level, req.fields) == ("diploma", ("Culinary", "Culinary Arts"))


def test_a_kind_of_credential_before_its_examples_is_no_name() -> None:
    # kind_before_its_examples: the credentials are the names after "such as"
    req = typed("Specialty certifications such as Corrective Exercise (CES), Senior Fitness, Nutrition")
    assert req.category is Category.CREDENTIAL
    assert req.terms == ("Corrective Exercise", "Senior Fitness", "Nutrition", "CES")
    assert typed("Certifications such as CPR, BLS or ACLS").terms == ("CPR", "BLS", "ACLS")


def test_two_kinds_of_work_in_an_industry_are_two_terms() -> None:
    # two_kinds_of_work_in_an_industry: each side of the "and" is a phrase of its own, looked for apart
    req = typed("Knowledge of consumer lending products and small business banking.")
    assert (req.category, req.terms) == (
        Category.SKILL,
        ("consumer lending products", "small business banking"),
    )


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        (
            "Experience in logistics, transportation, freight or supply chain industries",
            ("logistics", "transportation", "freight", "supply chain"),
        ),
        (
            "Experience in consumer goods, food service or retail industries",
            ("consumer goods", "food service", "retail"),
        ),
        ("Experience in the aerospace or defense industry", ("aerospace", "defense")),
    ],
)
def test_every_industry_listed_before_the_shared_noun_is_asked(text: str, terms: tuple[str, ...]) -> None:
    # industries_share_the_noun, for a comma list too: "logistics" and "transportation" were dropped
    req = typed(text)
    assert (req.category, req.terms) == (Category.INDUSTRY, terms)
