"""The term-based matchers: skills and tools, credentials, languages, industries, soft skills, logistics and
the keyword fallback. Each case is one heuristic's fixture: what it must find and what it must not."""

from __future__ import annotations

import pytest

from jobmatch.knowledge.vocabulary import load_vocabulary
from jobmatch.matching import Answer, Context, matcher_for, registered
from jobmatch.models import (
    Category,
    Evidence,
    JobEntry,
    Method,
    Requirement,
    RequirementKind,
    RoleSignal,
    Signals,
    Status,
)
from tests.helpers import doc

ENGLISH = (
    "Summary\nI am a dependable worker with experience in the office and at the front of the store, and I "
    "have worked with many of the people in the area for years."
)


def answer(
    category: str,
    text: str,
    terms: tuple[str, ...],
    *,
    all_of: bool = False,
    signals: Signals | None = None,
    **params: object,
) -> Answer:
    req = Requirement(
        "R1",
        params.pop("req_text", " ".join(terms)),  # type: ignore[arg-type]
        RequirementKind.REQUIRED,
        category=Category(category),
        terms=terms,
        all_of=all_of,
        **params,  # type: ignore[arg-type]
    )
    matcher = matcher_for(Category(category))
    assert matcher is not None
    found = matcher(req, Context(doc(text), signals or Signals()))
    for ev in found.evidence:  # a quote always contains what it is evidence for, and never a stop word alone
        assert ev.matched and ev.matched in ev.text
        assert ev.matched.lower() not in ("but", "and", "the", "hold", "of", "act")
    return found


def test_every_term_kind_has_a_registered_matcher() -> None:
    kinds = {Category.SKILL, Category.CREDENTIAL, Category.LANGUAGE, Category.INDUSTRY}
    kinds |= {Category.SOFT_SKILL, Category.LOGISTICS, Category.OTHER}
    assert kinds <= set(registered())


@pytest.mark.parametrize(
    "name", ["skills", "credentials", "languages", "industries", "soft_skills", "logistics"]
)
def test_every_vocabulary_says_where_its_entries_come_from(name: str) -> None:
    vocab = load_vocabulary(name)
    assert vocab.about and vocab.concepts


# --------------------------------------------------------------------------- skills and tools


def test_excel_by_its_aliases_not_by_word() -> None:
    assert answer("skill", "Proficient in MS Excel and Word", ("Microsoft Excel",)).score == 1.0
    assert answer("skill", "Microsoft Word, word processing", ("Microsoft Excel",)).score == 0.0


@pytest.mark.parametrize(
    "text",
    ["Office Manager, Acme", "Examiner, Patent and Trademark Office", "word processing and filing"],
)
def test_office_guards(text: str) -> None:
    assert answer("skill", text, ("Microsoft Office",)).score == 0.0


def test_office_suite_by_its_applications() -> None:
    assert answer("skill", "Skills: Word, Excel, PowerPoint", ("Microsoft Office",)).score == 1.0
    one = answer("skill", "Built reports in Excel", ("Microsoft Office",))
    assert 0 < one.score < 0.75  # one application: some of the suite
    assert one.evidence[0].method is Method.SYNONYM


def test_a_family_is_met_by_any_member_and_a_sibling_is_related() -> None:
    erp = answer("skill", "Used NetSuite daily for invoices", ("ERP", "SAP", "Oracle"))
    assert erp.score == 1.0 and "NetSuite" in erp.explanation
    related = answer("skill", "Posted invoices in Sage and Xero", ("SAP",))
    assert 0 < related.score < 0.75 and "related" in related.explanation


def test_crm_not_in_ordinary_words() -> None:
    assert answer("skill", "Act as liaison with vendors; acted as lead", ("CRM",)).score == 0.0
    assert answer("skill", "Managed leads in Salesforce", ("CRM",)).score == 1.0


def test_all_of_is_the_share_of_terms() -> None:
    found = answer(
        "skill",
        "Advanced Excel incl. pivot tables",
        ("Microsoft Excel", "pivot tables", "VLOOKUP"),
        all_of=True,
    )
    assert found.score == pytest.approx(2 / 3) and "missing VLOOKUP" in found.explanation


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Typing 45 wpm", 1.0, 1.0),
        ("Type 25 words per minute", 0.5, 0.5),
        ("Typing and filing", 0.1, 0.5),
        ("Filing", 0, 0),
    ],
)
def test_a_quantity_needs_a_number_at_least_as_large(text: str, low: float, high: float) -> None:
    assert low <= answer("skill", text, ("typing 35 words per minute",)).score <= high


def test_abbreviations_from_data_and_context_for_the_risky_ones() -> None:
    assert answer("skill", "Processed A/P for 200 vendors", ("Accounts Payable",)).score == 1.0
    assert answer("skill", "Keyed AP invoices and vendor payments", ("Accounts Payable",)).score == 1.0
    assert answer("skill", "Wrote to AP Stylebook standards", ("Accounts Payable",)).score == 0.0


def test_numbers_and_stems_in_skill_names() -> None:
    assert answer("skill", "Handled 1099 forms", ("1099 reporting",)).score == 1.0
    assert (
        answer("skill", "Bank reconciliations monthly", ("Reconciliation",)).evidence[0].matched
        == "reconciliations"
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # idiom_words_are_no_evidence: "in order to" says nothing of ordering
        ("Greeted customers in order to provide excellent service", False),
        # an_activity_is_not_its_noun: customer orders and purchase orders are not ordering
        ("Took customer orders and processed payments", False),
        ("Maintained the purchase order log", False),
        ("Ordered produce and dry goods from vendors", True),
        ("Daily inventory and ordering", True),
    ],
)
def test_ordering_is_the_activity_not_the_word(text: str, found: bool) -> None:
    assert (answer("skill", text, ("ordering",)).score > 0) is found


def test_a_word_of_an_idiom_elsewhere_on_the_line_still_counts() -> None:
    assert answer("skill", "In order to cut waste, ordered stock weekly", ("ordering",)).score > 0


def test_typo_of_a_tool_is_fuzzy_and_a_little_less_certain() -> None:
    found = answer("skill", "Tools: Quickbokks, Excel", ("QuickBooks",))
    assert 0.75 <= found.score < 1.0 and found.evidence[0].method is Method.FUZZY


# --------------------------------------------------------------------------- credentials


def test_credential_by_abbreviation_with_state_and_current() -> None:
    found = answer(
        "credential", "RN, California Board of Nursing, active", ("Registered Nurse",), fields=("California",)
    )
    assert found.score == 1.0 and "active" in found.explanation
    other = answer("credential", "RN license", ("Registered Nurse",), fields=("California",))
    assert 0.75 <= other.score < 1.0 and "state not said" in other.explanation
    assert answer("credential", "rn to bsn bridge", ("Registered Nurse",)).score == 0.0


@pytest.mark.parametrize(
    ("line", "asked", "met"),
    [
        ("CCRN, American Association of Critical-Care Nurses", "CCRN", True),
        ("Registered Dental Hygienist, Oregon Board of Dentistry", "RDH", True),
        ("NREMT certified EMT-B", "EMT", True),
        ("EPA Universal Certification (608)", "EPA 608", True),
        ("ASE Master Technician", "ASE certification", True),
        ("Coded office visits with CPT and ICD-10 codes", "personal trainer certification", False),
        ("Cisco CCNA", "CCNA", True),
        ("Passed the FE exam, 2015", "EIT", True),
        ("ENGINEERING INTERN", "EIT", False),  # a job title, not the Engineer Intern certification
    ],
)
def test_care_trade_and_it_credentials_of_the_catalogue(line: str, asked: str, met: bool) -> None:
    assert (answer("credential", line, (asked,)).score == 1.0) is met


def test_credential_not_held_yet_or_lapsed_is_partial() -> None:
    assert 0 < answer("credential", "Training towards ServSafe Manager", ("ServSafe",)).score < 0.75
    assert 0 < answer("credential", "CPR (expired 2019)", ("CPR",)).score < 0.75


def test_an_expiry_date_says_whether_the_credential_is_current() -> None:
    """expiry_date_decides: "Expiration 2024" is a date, not the word "expired"; before the résumé's now it
    has lapsed, from then on it is current."""
    now = Signals(as_of="2025-06")
    current = answer("credential", "BLS for Healthcare Providers, exp. 05/2027", ("BLS",), signals=now)
    assert current.score == 1.0 and "expires 2027" in current.explanation
    lapsed = answer("credential", "BLS certified, Expiration 2024", ("BLS",), signals=now)
    assert 0 < lapsed.score < 0.75 and "expired 2024" in lapsed.explanation
    # a bare "exp" is experience, and a range is no expiry; the month decides within the year
    assert answer("credential", "CDL Class A, 8 yrs exp, 2015-2023", ("CDL",), signals=now).score == 1.0
    assert answer("credential", "BLS, exp. 03/2025", ("BLS",), signals=now).score < 0.75
    assert answer("credential", "BLS, exp. 09/2025", ("BLS",), signals=now).score == 1.0
    # the word itself still says it, whatever the year
    assert answer("credential", "BLS (expired 2026)", ("BLS",), signals=now).score < 0.75


def test_food_protection_manager_certificates_and_the_food_handlers_card() -> None:
    asked = ("ServSafe Food Manager",)
    for line in (
        "Certified Food Safety Manager, National Registry",
        "ServSafe Food Protection Manager",
        "CFPM",
    ):
        assert answer("credential", line, asked).score == 1.0, line
    # the food handler's card is part of the manager's certificate: partial, with its own quote
    part = answer("credential", "Food handlers license, State of Oregon", asked)
    assert 0 < part.score < 0.75 and "Food handlers license" in part.evidence[0].text


def test_programme_named_without_its_level_is_partial() -> None:
    # programme_named_not_level: "ServSafe certified" for the manager certificate, "OSHA training" for OSHA 30
    partial = answer("credential", "ServSafe certified", ("ServSafe Food Protection Manager",))
    assert 0 < partial.score < 0.75 and "ServSafe" in partial.evidence[0].text
    assert (
        answer("credential", "ServSafe Manager certified", ("ServSafe Food Protection Manager",)).score == 1.0
    )
    assert 0 < answer("credential", "OSHA training, 2019", ("OSHA 30",)).score < 0.75
    # a category is not a programme: "computer systems" named does not show a CRM
    assert answer("skill", "Navigated multiple computer systems", ("CRM",)).score == 0.0


def test_any_business_software_family_shows_computer_systems() -> None:
    # "navigate multiple computer systems": operating systems, HR systems, databases and programming languages
    # are members of the family, each quoted; a common word that only looks like one is not
    for line in (
        "Operating Systems: Windows 10, Linux",
        "Proficient in HRIS and payroll databases",
        "Skills: Python, Java, SQL",
    ):
        found = answer("skill", line, ("computer systems",))
        assert found.score == 1.0 and found.evidence[0].text == line, line
    assert answer("skill", "Saw windows of opportunity in every market", ("computer systems",)).score == 0.0


def test_an_abbreviation_in_capitals_ending_in_s_is_another_abbreviation() -> None:
    # capital_s_is_no_plural: the CPRS records system is not CPR; "CPRs" or "CPR/AED" still are
    assert answer("credential", "Charted in CPRS daily for 30 veterans", ("CPR",)).score == 0.0
    assert answer("credential", "CPR/AED and BLS certified", ("CPR",)).score == 1.0
    assert answer("credential", "Automotive Service Excellence certified, A1-A8", ("ASE",)).score == 1.0


def test_a_compound_is_found_written_with_of() -> None:
    # of_phrase_is_the_compound: the words the other way round, joined by "of", where the noun phrase ends
    found = answer(
        "skill",
        "Responsible for administration of medication to 30 residents",
        ("medication administration",),
    )
    assert found.score == 1.0 and found.evidence[0].matched == "administration of medication"
    assert answer("skill", "Provided care of the patients on the unit", ("patient care",)).score == 1.0
    # "financial" describes the next word: a system of financial reporting is no financial system
    assert answer("skill", "Built a system of financial reporting", ("financial system",)).score == 0.0


def test_a_list_separator_parts_a_phrase() -> None:
    # list_parts_a_phrase: "client, database" in a skills list is two items, not a client database
    listed = "Skills: accounting, ADP payroll, budgets, client, database, decision making"
    assert answer("skill", listed, ("CRM",)).score == 0.0
    assert answer("skill", "Maintained the client database for 300 accounts", ("CRM",)).score == 0.5
    assert "named" not in answer("skill", "Billing, Clerk, Invoices", ("billing clerk",)).explanation


def test_a_soft_skill_term_made_of_one_concepts_words_is_that_concept() -> None:
    # term_of_one_concepts_words: "written and verbal communication" in any order and with "oral"
    for line in (
        "Excellent oral and written communication skills",
        "Strong verbal and written communication",
    ):
        found = answer("soft_skill", "Summary\n" + line, ("written and verbal communication",))
        assert found.score > 0 and "Communication" in found.explanation, line
    # a duty is not a trait: "Responsible for a team" does not say its holder is dependable
    assert answer("soft_skill", "Experience\nResponsible for a Team of nine", ("dependable",)).score == 0.0
    assert answer("soft_skill", "Summary\nResponsible and punctual worker", ("dependable",)).score > 0


def test_an_ambiguous_name_in_a_column_takes_its_context_from_the_lines_around() -> None:
    # context_of_a_column: "A+" alone on its line under CompTIA's other certifications is the certification
    column = "Certifications\nCompTIA\nSecurity+\nNetwork+\nA+"
    assert answer("credential", column, ("CompTIA A+",)).score == 1.0
    assert answer("credential", "Education\nGraduated with an A+ average", ("CompTIA A+",)).score == 0.0
    assert answer("credential", "Honors\nA+ in Calculus\nCertified Tutor", ("CompTIA A+",)).score == 0.0


def test_a_literal_terms_words_far_apart_are_some_of_it() -> None:
    # words_far_apart: both words in one line, but not as one thing
    apart = "Led store openings and educated staff on the management of displays"
    assert answer("skill", apart, ("store management",)).score == 0.5
    assert answer("skill", "Billing, Clerk, Invoices", ("billing clerk",)).score == 0.5
    assert answer("skill", "Managed the store of 25 staff", ("store management",)).score == 0.9
    # classroom management is a concept of the vocabulary now: project management in a classroom is not it
    lead = "Led project management and educated teachers on the use of technology in the classroom"
    assert answer("skill", lead, ("classroom management",)).score == 0.0
    assert answer("skill", "Managed the classroom of 25 students", ("classroom management",)).score == 1.0


def test_detailed_claims_attention_to_detail_but_details_do_not() -> None:
    assert (
        answer("soft_skill", "Summary\nI am detailed and multi-task oriented", ("attention to detail",)).score
        > 0
    )
    trained = "Summary\nI am a trainer for new employees on details of the group"
    assert answer("soft_skill", trained, ("attention to detail",)).score == 0.0


def test_credentials_all_of() -> None:
    assert answer("credential", "BLS and ACLS certified", ("BLS", "ACLS"), all_of=True).score == 1.0
    assert answer("credential", "BLS certified", ("BLS", "ACLS"), all_of=True).score == 0.5


# --------------------------------------------------------------------------- languages


def test_language_fluency_levels() -> None:
    assert (
        answer("language", ENGLISH + "\nBilingual English/Spanish", ("English", "Spanish"), all_of=True).score
        == 1.0
    )
    basic = answer("language", ENGLISH + "\nSpanish (Basic/Polite)", ("English", "Spanish"), all_of=True)
    assert 0 < basic.score < 0.75
    bare = answer("language", ENGLISH + "\nSkills: Sales Analysis, Spanish, Strategy", ("Spanish",))
    assert 0 < bare.score < 0.75


def test_english_is_inferred_but_the_other_language_needs_a_quote() -> None:
    found = answer("language", ENGLISH, ("English", "Spanish"), all_of=True)
    assert found.score == 0.0 and "written in it" in found.explanation and found.evidence == ()
    alone = answer("language", ENGLISH, ("English",))
    assert alone.score == 1.0 and "inferred" in alone.method


def test_a_stated_low_level_of_the_documents_language_is_partial() -> None:
    # stated_level_beats_the_document: the résumé is in English, but its writer says their English is B1
    for line in ("Languages: English - Intermediate", "English (B1), Russian (native)"):
        stated = answer("language", ENGLISH + "\n" + line, ("English",))
        assert 0 < stated.score < 0.75, line


def test_language_used_at_work_is_met() -> None:
    signals = Signals(jobs=(JobEntry("Agent", months=24, line_indexes=(2, 3)),))
    found = answer(
        "language",
        ENGLISH + "\nAgent, 2019 - 2021\nSupport English and Spanish incoming calls",
        ("Spanish",),
        signals=signals,
    )
    assert found.score == 1.0


# --------------------------------------------------------------------------- industries


@pytest.mark.parametrize(
    "text",
    [
        "Fixed cosmetic damage to cars",
        "Repaired make-up air units",
        "Executed the loan origination process",
        "Effectively as You Climb the Ladder",
        "Clients: Teleman, Daikin, Hunan Government, Kao Cosmetics, Dai Nippon Printing",
        "Used the Mac and PC",
    ],
)
def test_industry_guards(text: str) -> None:
    assert answer("industry", text, ("cosmetics",)).score == 0.0


def test_industry_in_a_job_counts_fully_a_single_word_partly() -> None:
    assert answer("industry", "Experience\nBeauty Advisor at Sephora", ("cosmetics",)).score == 1.0
    assert 0 < answer("industry", "Skills\nskincare", ("cosmetics",)).score < 0.75
    telecom = answer(
        "industry", "Clients included Verizon Wireless and T-Mobile.", ("telecommunications", "billing")
    )
    assert telecom.score == 1.0


def test_wholesale_banking_is_not_wholesale() -> None:
    assert answer("industry", "Wholesale Banking Intern", ("wholesale",)).score == 0.0
    assert answer("industry", "Experience\nwholesale distribution company", ("wholesale",)).score == 1.0


# --------------------------------------------------------------------------- soft skills

COMPLAINTS = "Experience\nAgent, 2018 - 2021\nResolved customer complaints daily"


def test_soft_skill_backed_by_a_job_duty() -> None:
    signals = Signals(jobs=(JobEntry("Agent", months=36, line_indexes=(1, 2)),))
    found = answer("soft_skill", COMPLAINTS, ("patience", "empathy"), all_of=True, signals=signals)
    assert found.score >= 0.75 and any(e.matched == "complaints" for e in found.evidence)


def test_keeping_confidences_is_shown_by_handling_confidential_records() -> None:
    """soft_skills.toml, confidentiality: one line handling what must not be told shows it."""
    text = "Experience\nHR Assistant, 2018 - 2021\nMaintained confidential personnel files"
    signals = Signals(jobs=(JobEntry("HR Assistant", months=36, line_indexes=(1, 2)),))
    found = answer("soft_skill", text, ("confidences",), signals=signals)
    assert found.score >= 0.75 and any("confidential" in e.text for e in found.evidence)
    assert answer("soft_skill", "Experience\nCook, 2018 - 2021\nPrepared meals", ("confidences",)).score == 0


def test_most_of_a_list_of_qualities_meets_it_and_two_are_both_asked() -> None:
    """most_qualities_are_enough: three or four qualities are met by the better half of them shown (the
    rest named as missing); two qualities are both asked."""
    signals = Signals(jobs=(JobEntry("Agent", months=36, line_indexes=(1, 2)),))
    four = answer("soft_skill", COMPLAINTS, ("patience", "empathy", "leadership", "creativity"), all_of=True,
                  signals=signals)  # fmt: skip
    assert four.score >= 0.75 and "missing" in four.explanation
    two = answer("soft_skill", COMPLAINTS, ("patience", "creativity"), all_of=True, signals=signals)
    assert two.score < 0.75


def test_soft_skill_only_said_is_partial_and_typos_do_not_count() -> None:
    said = answer("soft_skill", "Summary\nPatient and empathetic", ("empathy",))
    assert 0 < said.score < 0.75
    assert answer("soft_skill", "Worked through the night", ("attention to detail",)).score == 0.0


def test_an_accomplishment_line_backs_a_soft_skill_as_a_duty_does() -> None:
    """``accomplishments_are_work``: what was done at work, told in its own section, is work."""
    line = "Researched, calmed and rapidly resolved client conflicts"
    done = answer("soft_skill", f"Accomplishments\n{line}", ("patience",))
    assert done.score >= 0.75 and any("client conflicts" in e.text for e in done.evidence)
    # the same words under interests are no work
    assert answer("soft_skill", f"Interests\n{line}", ("patience",)).score < 0.75


def test_leadership_is_leading_not_being_supervised() -> None:
    jobs = Signals(jobs=(JobEntry("Laborer", months=36, line_indexes=(1, 2, 3)),))
    supervised = (
        "Experience\nLaborer, 2015 - 2018\nWorked with little supervision\n"
        "Followed instructions from supervisor"
    )
    assert answer("soft_skill", supervised, ("leadership",), signals=jobs).score == 0.0
    # irregular_past_is_the_verb: "led a team" is "lead a team"
    led = "Experience\nForeman, 2015 - 2018\nLed a team of 12 carpenters\nSupervised subcontractors"
    assert answer("soft_skill", led, ("leadership",), signals=jobs).score >= 0.75


def test_motivating_others_is_shown_by_the_work_not_by_being_motivated() -> None:
    signals = Signals(jobs=(JobEntry("Trainer", months=36, line_indexes=(1, 2)),))
    text = (
        "Experience\nTrainer, 2015 - 2018\nEncouraged and motivated members to attend group fitness classes."
    )
    assert answer("soft_skill", text, ("motivate clients",), signals=signals).score >= 0.75
    assert (
        answer("soft_skill", "Summary\nHighly motivated fitness professional", ("motivate clients",)).score
        == 0
    )


def test_soft_skill_backed_by_a_role_family_where_the_data_says_so() -> None:
    role = RoleSignal(
        present=True,
        years=4,
        recent_years=4,
        evidence=(Evidence("CSR, Acme", 1, 1, Method.EXACT, "customer service", "CSR"),),
    )
    found = answer(
        "soft_skill", "CSR, Acme", ("communication",), signals=Signals(roles=(("customer_service", role),))
    )
    assert found.score >= 0.75
    # a duty line about customers in another kind of job does not back communication
    jobs = Signals(jobs=(JobEntry("Engineer", months=60, line_indexes=(1, 2, 3)),))
    text = "Experience\nEngineer\nMet customers\nClients visited"
    assert answer("soft_skill", text, ("communication",), signals=jobs).score == 0.0


# --------------------------------------------------------------------------- logistics


def test_logistics_is_asked_at_the_screen_unless_shown() -> None:
    asked = answer("logistics", "Customer service", ("rotating shifts", "weekends"), all_of=True)
    assert asked.status is Status.ASK and asked.score == 0.0
    shown = answer(
        "logistics", "Worked rotating shifts and weekends", ("rotating shifts", "weekends"), all_of=True
    )
    assert shown.status is None and shown.score == 1.0 and len(shown.evidence) == 2
    clearance = answer("logistics", "Active Secret clearance", ("security clearance",))
    assert clearance.score == 1.0


def test_travel_shown_is_the_candidates_own_not_its_cost_or_others() -> None:
    """logistics.toml, travel: "traveled to client sites" shows it; travel expenditures cut or arrangements
    made for an executive are asked at the screen."""
    assert answer("logistics", "Traveled to client sites weekly", ("travel",)).score == 1.0
    for line in ("Slashed travel expenditures by 30%", "Coordinated travel arrangements for the CEO"):
        assert answer("logistics", line, ("travel",)).status is Status.ASK, line


def test_logistics_shown_in_part_is_partial_and_says_what_to_ask() -> None:
    terms = ("rotating shifts", "weekends")
    one = answer("logistics", "Worked weekends at the store", terms, all_of=True)
    assert one.status is None and 0 < one.score < 1.0
    assert "ask at screen: rotating shifts" in one.explanation and one.evidence[0].text.startswith(
        "Worked weekends"
    )
    # a related arrangement of working time (the "working hours" family of logistics.toml)
    related = answer("logistics", "Working overtime as needed", terms, all_of=True)
    assert 0 < related.score < 1.0 and related.evidence[0].term == "overtime"
    flexible = answer("logistics", "Flexible schedule, reliable", ("rotating shifts",))
    assert 0 < flexible.score < 1.0
    # "flexible" alone is a soft skill, not a schedule
    assert answer("logistics", "Flexible team player", terms, all_of=True).status is Status.ASK
    # an employer's schedule is not the candidate's working time
    guidelines = "Proposed new ideas for the holiday and schedule guidelines."
    assert answer("logistics", guidelines, ("Saturdays",)).status is Status.ASK


def test_everyday_words_of_working_time_count_only_beside_a_word_of_it() -> None:
    # on_a_line_with (logistics.toml): "holidays", "weekends" and "overtime" are working time only on a
    # line that says so; menus for the holidays, holiday brands and overtime costs are not
    terms = ("rotating shifts", "weekends")
    for line in (
        "Recommended menu items for new dish development, holidays, special events and promotions.",
        "Licensed designs to a balloon company for Holiday brands.",
        "Cut customer lead time and overtime premium expenses.",
        "Over time, some of these traits become a requirement.",
        "Planned weekend events for the community centre.",
        # a night that is an event, not working time, on a line with a working word ("availabilities")
        "Led a family game night program; kept track of members' availabilities.",
    ):
        assert answer("logistics", line, terms, all_of=True).status is Status.ASK, line
    # others_working_time: the candidate's staff work these hours, not the candidate
    staff = "Managed 20 full time staff and 40 part-time and on-call staff"
    assert answer("logistics", staff, ("on-call",)).status is Status.ASK
    assert answer("logistics", "Part of the on-call team for production incidents", ("on-call",)).score > 0
    checks = ("background check",)
    assert (
        answer("logistics", "Closure of background checks for new hire associates", checks).status
        is Status.ASK
    )
    assert answer("logistics", "Passed background check and drug screen", checks).score == 1.0
    badge = ("security badge",)
    assert answer("logistics", "Employee of the Month honors (twice)", badge).status is Status.ASK
    assert answer("logistics", "Held a SIDA badge at LAX", badge).score > 0
    for line in ("Worked holidays and overtime as needed", "Available to work weekends", "Worked nights"):
        assert answer("logistics", line, terms, all_of=True).score > 0, line


# --------------------------------------------------------------------------- the keyword fallback


def test_other_counts_units_found_together() -> None:
    found = answer(
        "other", "Processed A/P invoices in QuickBooks", (), req_text="Experience with A/P and QuickBooks"
    )
    assert found.score == 1.0 and {e.term for e in found.evidence} >= {"Accounts Payable", "QuickBooks"}


def test_other_never_offers_a_stop_word_or_a_lone_common_word() -> None:
    text = "Worked but left; First female, non-engineer to hold this position"
    assert answer("other", text, (), req_text="Must hold a valid license but not required").score == 0.0
    lone = answer(
        "other", "Customer service desk", (), req_text="Customer retention and upselling strategies"
    )
    assert lone.score == 0.0


def test_a_suite_named_shows_its_application_partly() -> None:
    found = answer("skill", "Proficient in MS Office", ("Microsoft Excel",))
    assert 0 < found.score < 0.75 and found.evidence[0].matched == "MS Office"


def test_stated_english_does_not_stand_in_for_the_other_language() -> None:
    found = answer(
        "language", ENGLISH + "\nFluent in English and Hebrew", ("English", "Spanish"), all_of=True
    )
    assert found.score == 0.0


def test_reconciliation_alone_is_not_the_close() -> None:
    found = answer("skill", "Performed bank reconciliations", ("GAAP", "month-end close"), all_of=True)
    assert found.score == 0.0
    close = answer(
        "skill",
        "Prepared journal entries and supported month-end close",
        ("GAAP", "month-end close"),
        all_of=True,
    )
    assert close.score >= 0.75  # closing the books shows the principles it follows: GAAP related, partial


def test_a_word_that_only_names_a_kind_of_thing_is_no_part_of_a_term() -> None:
    """kind_word_alone: "system" in a line is not half of "HRIS systems"; "HRIS" is."""
    text = "Experience\nOffice Manager, 2015 - 2019\nEntered hours into the payroll system"
    assert answer("skill", text, ("HRIS systems",)).score == 0.0
    assert answer("skill", text.replace("payroll system", "HRIS"), ("HRIS systems",)).score > 0


def test_an_ehr_named_where_nurses_document_their_work() -> None:
    """Epic is an ordinary word too; on a line of clinical documentation it is the EHR."""
    text = (
        "Experience\nStaff Nurse, 2018 - 2020\nDocumented assessments and medication administration in Epic"
    )
    assert answer("skill", text, ("electronic health records",)).score > 0
    assert (
        answer("skill", "Summary\nAn Epic journey through retail", ("electronic health records",)).score == 0
    )


def test_a_skill_the_resume_rates_low_is_partial_where_proficiency_is_asked() -> None:
    # stated_low_level: "Excel: beginner" does not show "Advanced Excel skills"; "Excel (advanced)" does
    ask = "Advanced Microsoft Excel skills"
    low = answer("skill", "Skills\nExcel: beginner, not yet proficient", ("Microsoft Excel",), req_text=ask)
    assert 0 < low.score <= 0.5 and "rated low" in low.explanation
    high = answer("skill", "Skills\nExcel (advanced), Word", ("Microsoft Excel",), req_text=ask)
    assert high.score >= 0.75
    basic = answer("skill", "Skills\nBasic Excel", ("Microsoft Excel",), req_text=ask)
    assert basic.score <= 0.5
    # where the posting asks for no level, a rated-low skill is still the skill
    plain = answer("skill", "Skills\nExcel: beginner", ("Microsoft Excel",), req_text="Experience with Excel")
    assert plain.score >= 0.75


def test_qualifier_not_shown_is_most_of_the_skill() -> None:
    found = answer("skill", "Scheduling for a staff of 40 across two sites", ("high-volume scheduling",))
    assert 0.7 <= found.score < 1.0 and "high-volume not shown" in found.explanation


def test_a_tool_in_two_families_is_related_through_the_one_the_posting_names() -> None:
    # ADP is an HRIS and a payroll/accounting system: for "an HRIS such as ADP", QuickBooks is nothing
    hris = ("HRIS", "ADP", "Workday", "UltiPro")
    assert answer("skill", "Invoiced customers through QuickBooks", hris).score == 0.0
    assert answer("skill", "Entered new hires in Paychex and Kronos", hris).score >= 0.75


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Staffing and recruiting for two plants", "full-cycle recruiting"),
        ("Developed training guides for New Hire Orientation", "onboarding"),
        ("Administered Family Medical Leave Act (FMLA) requests", "employment law"),
        ("Controlled food and labor costs at 31%", "food cost control"),
        ("Drew blood and took vitals for 30 patients a day", "phlebotomy"),
        ("Operated RF scanners to pick and pack orders", "RF scanner"),
        ("Answered multi-line phones and greeted visitors", "multi-line phone"),
    ],
)
def test_skills_of_other_fields_are_in_the_vocabulary(text: str, term: str) -> None:
    assert answer("skill", text, (term,)).score >= 0.75


def test_a_certifications_plus_is_part_of_its_name() -> None:
    asked = ("CompTIA A+", "Network+")
    assert answer("credential", "Managed network security and networking hardware", asked).score == 0.0
    assert answer("credential", "Certifications: CompTIA A+, Network+", asked).score == 1.0


def test_a_number_in_a_product_name_is_not_a_figure() -> None:
    """number_before_a_unit: "Microsoft 365 administration" is no "365 administrations" asked for."""
    found = answer("skill", "Microsoft Word, Excel and PowerPoint", ("Microsoft 365 administration",))
    assert found.score == 0.0
    typing = answer("skill", "Typing 50 words per minute", ("typing 35 words per minute",))
    assert typing.score == 1.0


def test_eligibility_to_obtain_a_licence_is_shown_by_a_degree_in_its_field() -> None:
    """eligible_by_degree: "a teaching certificate or eligibility to obtain one" and an education degree."""
    from jobmatch.models import EducationEntry

    degree = EducationEntry(
        "bachelor",
        "Elementary Education",
        evidence=Evidence(
            "B.S. Elementary Education", 1, 9, Method.EXACT, "bachelor", "B.S. Elementary Education"
        ),
    )
    signals = Signals(education=(degree,))
    notes = ("or eligibility to obtain one",)
    asked = ("teaching certificate",)
    eligible = answer("credential", "Taught third grade", asked, signals=signals, notes=notes)
    assert 0 < eligible.score < 0.75 and "eligible" in eligible.explanation
    assert answer("credential", "Taught third grade", asked, signals=signals).score == 0.0  # not accepted
    other = Signals(education=(EducationEntry("bachelor", "Accounting", evidence=degree.evidence),))
    assert answer("credential", "Taught third grade", asked, signals=other, notes=notes).score == 0.0


def test_a_verb_of_a_term_is_shown_by_its_synonyms_and_a_noun_is_not() -> None:
    """verb_synonyms (knowledge/words.toml): leading is supervising; "management" is no "supervised"."""
    assert answer("skill", "Supervised kitchen staff of 12", ("leading kitchen staff",)).score >= 0.75
    assert answer("skill", "Supervised the classroom aides", ("classroom management",)).score < 0.5


def test_a_product_is_not_shown_by_its_common_word_alone() -> None:
    """a_product_needs_its_maker; kind words ("control", "orders") are no half of a compound."""
    assert answer("skill", "Managed projects at all levels", ("Microsoft Project",)).score == 0.0
    assert answer("skill", "A safe classroom environment", ("Google Classroom",)).score == 0.0
    assert answer("skill", "Google Classroom and Seesaw", ("Google Classroom",)).score > 0.5
    assert answer("skill", "Corrosion control of airframes", ("cost control",)).score == 0.0
    assert answer("skill", "Ordered parts; tracked orders", ("change orders",)).score == 0.0


def test_years_of_the_postings_own_work_back_the_skills_it_asks_for_but_not_traits() -> None:
    """posting_job_backs_its_soft_skills: a teacher's classroom years show communication."""
    from jobmatch.matching.education import EXTRA_ROLE_EVIDENCE, EXTRA_ROLE_YEARS
    from jobmatch.matching.soft_skill import match_soft_term
    from jobmatch.matching.text import index_of

    document = doc("Experience\nThird Grade Teacher, 2012 - 2020\nStrong communication skills\n")
    job = Evidence("Third Grade Teacher, 2012 - 2020", 1, 2, Method.SYNONYM, "teacher", "Teacher")
    extra: dict[str, object] = {EXTRA_ROLE_YEARS: 8.0, EXTRA_ROLE_EVIDENCE: (job,)}
    index = index_of(document, Signals())
    said_only = match_soft_term(index, Signals(), "communication")
    backed = match_soft_term(index, Signals(), "communication", extra)
    assert said_only.score < 0.75 <= backed.score and job in backed.evidence
    assert match_soft_term(index, Signals(), "patience", extra).score < 0.75  # a trait: not by the job


def test_science_alone_is_no_part_of_exercise_science() -> None:
    assert answer("skill", "M.S. in Health Science", ("exercise science",)).score == 0.0


def test_versions_after_cpp_and_csharp_and_thousands_in_a_figure() -> None:
    assert answer("skill", "Wrote services in C++17", ("C++",)).score == 1.0
    low = answer("skill", "Typed 200 keystrokes per hour", ("typing 10,000 keystrokes per hour",))
    assert low.score < 1.0 and "asked: 10000 keystrokes per hour" in low.explanation


def test_eligibility_needs_a_degree_not_a_certificate() -> None:
    from jobmatch.models import EducationEntry

    ev = Evidence("Certificate in Accounting", 1, 9, Method.EXACT, "certificate", "Certificate in Accounting")
    signals = Signals(education=(EducationEntry("certificate", "Accounting", evidence=ev),))
    notes = ("or eligibility to obtain one",)
    assert answer("credential", "Bookkeeper", ("CPA",), signals=signals, notes=notes).score == 0.0


def _credential(term: str, text: str) -> Answer:
    from jobmatch.matching.credential import match_credential

    req = Requirement("R1", term, RequirementKind.REQUIRED, category=Category.CREDENTIAL, terms=(term,))
    return match_credential(req, Context(doc(text), Signals(), {}))


def _term_score(term: str, text: str) -> float:
    from jobmatch.matching.skill import match_term
    from jobmatch.matching.text import index_of

    return match_term(index_of(doc(text), Signals()), term).score


def test_a_typo_never_lands_on_another_known_name() -> None:
    # typo_is_no_other_name: "PowerPoint" is two letters from "Powerplant", and a tool of its own
    assert _credential("Powerplant", "Skills: Word, Excel, PowerPoint, Outlook").score == 0.0
    assert _credential("Powerplant", "Licenses: FAA Powerplant certificate, 2012").score > 0


def test_a_credential_that_is_part_of_the_one_asked_for_is_partial() -> None:
    # near_credential: CPR is part of BLS
    from jobmatch.matching.credential import NEAR

    cpr = _credential("BLS", "Certifications\nCPR certified, American Heart Association")
    assert cpr.score == NEAR and "CPR" in cpr.evidence[0].text and "part of" in cpr.explanation
    assert _credential("BLS", "Certifications\nBLS for Healthcare Providers").score > NEAR


def test_one_ase_test_is_part_of_ase_master_status() -> None:
    # a bare "ASE" no longer meets "ASE Master Technician" (it was one of ASE's aliases): part of it, partial
    some = _credential("ASE Master Technician", "Summary\nASE Certified in A1, A4, A5 and A6.")
    from jobmatch.matching.credential import NEAR

    assert some.score == NEAR and "part of" in some.explanation
    master = _credential("ASE Master Technician", "Certifications\nASE Certified Master Technician")
    assert master.score == 1.0


def test_a_technicians_repairs_by_the_parts_named() -> None:
    # O*NET 49-3023 tasks by the parts a technician names: pads and calipers are brake work
    assert _term_score("brakes", "Replaced pads, rotors and calipers on 12 vehicles a day") == 1.0
    assert _term_score("suspension repair", "Rebuilt struts and control arms") == 1.0
    assert _term_score("engine repair", "Overhauled engines and replaced head gaskets") == 1.0
    assert _term_score("electrical diagnosis", "Troubleshoot electrical faults with a multimeter") == 1.0
    assert _term_score("DVOM", "Troubleshoot electrical faults with a multimeter") == 1.0
    # a press brake bends sheet metal
    assert _term_score("brakes", "CNC programming of Trumpf press brake") == 0.0


def test_one_cad_tool_shows_some_of_another_of_its_kind() -> None:
    # civil and architectural CAD: AutoCAD is some of "AutoCAD Civil 3D"; SolidWorks (mechanical) is not
    assert 0 < _term_score("AutoCAD Civil 3D", "Proficiencies: AutoCAD 2012") < 0.75
    assert _term_score("AutoCAD Civil 3D", "Modelled parts in SolidWorks") == 0.0
    assert _term_score("CAD software", "Modelled parts in SolidWorks") >= 0.75


def test_a_team_size_is_met_by_a_count_of_people_led() -> None:
    # team_size: "a staff of 12", "supervised 25 associates" meet "a team of 10+"; fewer is partial; a count
    # on a line that leads nobody, or a year, is no team
    assert _term_score("team of 10+", "Supervised a staff of 12 in two stores") == 1.0
    assert _term_score("team of 10+", "Directly managed 25 sales associates") == 1.0
    assert 0 < _term_score("team of 10+", "Led a team of 8 servers") < 0.75
    assert _term_score("team of 10+", "Sold 25 cars a month to 40 customers") == 0.0
    assert _term_score("team of 10+", "Managed the 2015 budget for the department") == 0.0


def test_a_key_holder_does_no_data_entry() -> None:
    # "keying" stems to "key": the alias is "keying data", so a store's key holder is not a data-entry clerk
    assert _term_score("data entry", "Key Holder, Company Name - City, State") == 0.0
    assert _term_score("data entry", "Keying data into the order system, 60 WPM") > 0.75


def test_one_word_of_a_term_is_no_part_of_it() -> None:
    # one_word_is_no_part: a quote with one word of an unknown term does not contain the skill; two do
    assert _term_score("regional jets", "Met with regional managers every week.") == 0.0
    assert _term_score("read manuals", "Hobbies: reading, hiking.") == 0.0
    assert _term_score("regional jets", "Tested jet engines in the test cell.") == 0.0
    assert _term_score("cold calling", "Answered daily inbound calls.") == 0.0
    # a word a vocabulary knows is still one word of the term
    assert _term_score("makeup artistry", "Sold our skincare and makeup lines.") == 0.0
    assert 0 < _term_score("social media management", "Posted daily on social media.") < 1
    assert _term_score("cold calling", "Made 80 cold calls a day.") > 0.75


def test_a_product_is_named_whole_unless_a_word_is_a_product_of_its_own() -> None:
    # a_product_is_named_whole: "Power BI" is not shown by "power", but "AutoCAD" is a tool of its own
    assert _term_score("Power BI", "Cut power usage across the plant by 12%.") == 0.0
    assert _term_score("Muck Rack", "Built the bike rack for the office.") == 0.0
    assert 0 < _term_score("AutoCAD Plant", "Drafted the site plans in AutoCAD.") < 1


def test_a_one_letter_prefix_is_part_of_the_word() -> None:
    # prefix_is_part_of_the_word: "e-filing" is not shown by "case files" or "a filing system"
    for line in ("Maintained case files and the filing system", "Re-filing of archived records"):
        assert answer("skill", line, ("e-filing",)).score == 0.0, line
    for line in ("E-filing of pleadings in state court", "Electronic filing with PACER"):
        assert answer("skill", line, ("e-filing",)).score > 0.5, line


def test_software_and_trade_tools_are_known_by_their_aliases_and_guarded() -> None:
    # knowledge as data (skills.toml, O*NET technology skills): k8s is Kubernetes, EC2 is AWS work, a
    # capitalised "React" beside a front-end word is the library, "react quickly" and welding's "AWS D1.1" not
    assert answer("skill", "Deployed services on k8s clusters", ("Kubernetes",)).score >= 0.9
    assert answer("skill", "Ran batch jobs on EC2 instances", ("AWS",)).score >= 0.9
    assert answer("skill", "Built SPAs in React and TypeScript", ("React",)).score >= 0.9
    assert answer("skill", "Trained staff to react quickly to customer needs", ("React",)).score == 0.0
    assert answer("skill", "AWS D1.1 certified structural welder", ("AWS",)).score == 0.0
    assert answer("skill", "Legal research on Westlaw and LexisNexis", ("legal research",)).score >= 0.9


def test_construction_software_and_osha_cards_by_the_names_resumes_use() -> None:
    # skills.toml (O*NET tools of construction managers): "Bluebeam" is Bluebeam Revu, "MS Project" is
    # Microsoft Project, P6 is Primavera; "Primavera P6 scheduling" in a posting is the tool
    assert answer("skill", "Tools: Auto-CAD, Bluebeam, MS Project", ("Bluebeam Revu",)).score >= 0.9
    assert answer("skill", "Tools: Auto-CAD, Bluebeam, MS Project", ("Microsoft Project",)).score >= 0.9
    assert answer("skill", "Built schedules in P6", ("Primavera P6 scheduling",)).score >= 0.9
    assert answer("skill", "Managed the project budget", ("Microsoft Project",)).score == 0.0
    # credentials.toml: the posting's "OSHA 30-Hour Construction" is the OSHA 30 card a résumé names
    assert _credential("OSHA 30-Hour Construction", "Certifications\nOSHA 30 Certified").score >= 0.9
    assert _credential("OSHA 30-Hour Construction", "Certifications\nOSHA 10").score < 0.75


def test_court_and_discovery_tools_by_the_names_paralegals_write() -> None:
    # skills.toml: "Pacer" beside legal research tools is PACER, a runner's pacer is not; e-discovery names
    # the family; Relativity counts in a review context only
    assert answer("skill", "Research: Westlaw, LexisNexis, Pacer", ("PACER",)).score >= 0.9
    assert answer("skill", "Ran as a pacer for the city marathon", ("PACER",)).score == 0.0
    assert answer("skill", "Managed e-discovery for four cases", ("eDiscovery platforms",)).score >= 0.9
    assert answer("skill", "Reviewed documents in Relativity for production", ("Relativity",)).score >= 0.9
    assert answer("skill", "Taught the theory of relativity", ("Relativity",)).score == 0.0
    assert _credential("Notary Public commission", "Licenses\nNotary Public, State of Illinois").score >= 0.9


def test_a_plural_with_its_last_letter_changed_is_no_typo_of_a_name() -> None:
    # plural_is_another_word: "markets" is not "Marketo"; a real typo ("Markto") still is
    assert answer("skill", "Analyzed markets and trends", ("Marketo",)).score == 0.0
    assert answer("skill", "Built nurture campaigns in Markto", ("Marketo",)).score == 0.9


def test_marketing_and_trade_tools_by_their_old_and_spelt_out_names() -> None:
    # renamed products keep their old names (AdWords, Facebook Ads); NEC needs an electrical word beside it
    assert (
        answer(
            "skill", "Managed AdWords and Facebook Ads budgets", ("Google Ads", "Meta Ads"), all_of=True
        ).score
        == 1.0
    )
    assert (
        answer("skill", "Reviewed blueprints and electrical schematics", ("blueprint reading",)).score == 1.0
    )
    assert answer("skill", "Installed per NEC code requirements", ("National Electrical Code",)).score == 1.0
    assert answer("skill", "Sales engineer at NEC Corporation", ("National Electrical Code",)).score == 0.0
    assert answer("credential", "30 - Hour OSHA Construction Safety Certificate", ("OSHA 30",)).score > 0.5


def test_a_licence_class_asked_is_the_class_held() -> None:
    # licence_class: a Class B CDL is another licence of the kind; a bare CDL says no class
    asked = ("Class A CDL",)
    assert answer("credential", "Class A CDL, clean record", asked).score == 1.0
    assert answer("credential", "CDL-A, Hazmat endorsement", asked).score == 1.0
    assert 0 < answer("credential", "Class B CDL holder", asked).score <= 0.3
    unsaid = answer("credential", "Holds a CDL, 5 years", asked)
    assert 0.3 < unsaid.score < 0.75 and "class not stated" in unsaid.explanation


def test_a_credential_the_posting_allows_after_hire_is_asked_not_missing() -> None:
    # obtained_after_hire: "Must obtain NMLS registration within 90 days of hire"
    later = answer("credential", "Teller at First Bank", ("NMLS",), notes=("within 90 days of hire",))
    assert later.status is Status.ASK and "ask at screen" in later.explanation
    assert answer("credential", "Teller at First Bank", ("NMLS",)).status is not Status.ASK
    held = answer("credential", "NMLS registered loan officer", ("NMLS",), notes=("within 90 days of hire",))
    assert held.score > 0


def test_a_member_before_its_familys_name_is_the_member() -> None:
    # member_before_its_family: "Cerner electronic health records" asks for Cerner, "Salesforce CRM" for
    # Salesforce
    from jobmatch.matching._terms import resolve

    assert [resolve(t, ("skills",)).name for t in ("Cerner electronic health records", "Salesforce CRM")] == [  # type: ignore[union-attr]
        "Cerner",
        "Salesforce",
    ]
    assert answer("skill", "Charted in Cerner daily", ("Cerner electronic health records",)).score == 1.0


def test_a_kind_noun_after_the_name_names_the_same_thing() -> None:
    # kind_noun_after_the_name: "legal research platforms" is the legal-research concept, met by Westlaw
    found = answer("skill", "Legal Search Engine: Lexis Nexis, Westlaw", ("legal research platforms",))
    assert found.score >= 0.9


def test_a_level_is_the_languages_it_stands_beside_and_a_postings_word_is_the_word() -> None:
    # level_of_its_own_segment: German's B1 is no level of English
    assert (
        answer("language", ENGLISH + "\nLanguages: English (fluent), German (B1)", ("English",)).score == 1.0
    )
    # a posting's "Word" is Microsoft Word, whose bare name a résumé may write
    assert answer("skill", "Proficient in Word and Excel", ("Word",)).score == 1.0


def test_a_thorough_understanding_is_knowledge_not_care() -> None:
    line = "Thorough understanding of how to speak publicly"
    assert answer("soft_skill", line, ("attention to detail",)).score == 0.0
    assert answer("soft_skill", "Thorough and accurate in all paperwork", ("attention to detail",)).score > 0


def test_in_progress_is_the_status_of_the_credential_it_stands_beside() -> None:
    # status_of_its_own_segment: the CSCS is in progress, the CPR beside it is held
    line = "NSCA CSCS - In progress, NSCA CPR, AED, First Aid American Red Cross"
    assert answer("credential", line, ("CPR",)).score == 1.0
    assert answer("credential", "RN license, pending", ("RN",)).score < 1.0
    # trained for it, or about to sit for it, is not holding it yet
    assert answer("credential", "Trained for A&P license under supervision.", ("A&P",)).score == 0.4
    assert answer("credential", "Currently studying towards the CPA exam", ("CPA",)).score == 0.4


@pytest.mark.parametrize(
    "line",
    [
        "Coordinated with doctors and registered nurses to plan care",
        "Provided care under RN and MD supervision",
        "Worked under direct RN supervision",
        "Assists the work of the Registered Nurse",
        "Supervised 12 RNs and LPNs",
        "Charge nurse supervising registered nurses",
    ],
)
def test_the_holders_the_candidate_worked_under_or_beside_are_not_the_candidate(line: str) -> None:
    # worked_under_or_beside_them: the nurses of these lines are other people
    assert answer("credential", line, ("Registered Nurse", "RN")).score == 0


def test_holding_part_of_what_may_come_after_hire_is_never_worse_than_holding_none() -> None:
    # the_rest_after_hire: "BLS and ACLS, or obtained within 30 days of hire"
    asked = {"all_of": True, "notes": ("within 30 days of hire",)}
    part = answer("credential", "BLS certified (AHA)", ("BLS", "ACLS"), **asked)  # type: ignore[arg-type]
    assert part.score == 1.0 and "allows ACLS later" in part.explanation
    none = answer("credential", "Cashier", ("BLS", "ACLS"), **asked)  # type: ignore[arg-type]
    assert none.status is Status.ASK
    assert answer("credential", "BLS certified (AHA)", ("BLS", "ACLS"), all_of=True).score < 1.0


def test_a_licence_held_in_another_state_is_on_its_way() -> None:
    # another_state: most boards license by endorsement; a state not said at all stays worth a question
    asked = {"fields": ("Ohio", "multistate", "compact")}
    other = answer(
        "credential", "Registered Nurse in the State of Pennsylvania", ("Registered Nurse",), **asked
    )
    assert other.score == 0.6 and "held in Pennsylvania" in other.explanation
    assert (
        answer("credential", "Registered Nurse, State of Ohio", ("Registered Nurse",), **asked).score == 1.0
    )
    assert answer("credential", "Registered Nurse since 2010", ("Registered Nurse",), **asked).score == 0.85
    assert answer("credential", "Registered Nurse 2010 - 2015", ("Registered Nurse", "RN")).score == 1.0


def test_credentials_the_candidate_saw_to_in_others_are_not_theirs() -> None:
    # others_credentials
    assert (
        answer("credential", "Oversee 18 drivers ensuring all maintain current TWIC, CDL", ("CDL",)).score
        == 0
    )
    assert answer("credential", "Trained staff on CPR and first aid", ("CPR",)).score == 0
    own = "Supervised staff of 20 and maintained current CPR certification"
    assert answer("credential", own, ("CPR",)).score == 1.0


def test_medication_administration_by_its_verb_forms() -> None:
    med = ("medication administration",)
    assert answer("skill", "Administer prescribed medications to residents", med).score == 1.0
    assert answer("skill", "Passed medications to 30 residents each shift", med).score == 1.0


@pytest.mark.parametrize(
    ("line", "asked"),
    [
        ("Ran finite element analysis of brackets in ANSYS Workbench", "FEA"),
        ("Applied ASME Y14.5 tolerancing to every drawing", "GD&T"),
        ("Performed tolerance stack-up studies for enclosures", "tolerance analysis"),
    ],
)
def test_engineering_analysis_names_of_the_catalogue(line: str, asked: str) -> None:
    assert answer("skill", line, (asked,)).score == 1.0


def test_aerospace_and_defense_industries_and_their_guards() -> None:
    assert answer("industry", "Stress engineer on the Boeing 787 wing program", ("aerospace",)).score >= 0.75
    assert answer("industry", "Systems engineer for a defense contractor", ("defense",)).score >= 0.75
    assert answer("industry", "National Defense Service Medal", ("defense",)).score == 0.0


def test_a_skill_phrase_made_of_one_concepts_words_is_that_concept() -> None:
    # ``term_of_one_concepts_words`` for skills: "balance a cash drawer" is cash handling
    assert (
        answer("skill", "Balanced teller drawers and the vault every day", ("balance a cash drawer",)).score
        == 1.0
    )
    assert answer("skill", "Drew floor plans for the branch remodel", ("balance a cash drawer",)).score == 0.0


@pytest.mark.parametrize(
    ("text", "terms", "met"),
    [
        # a "such as" list of applicant tracking systems is met by any ATS
        ("Vurv, Taleo, applicant tracking in PeopleSoft", ("applicant tracking system", "Greenhouse"), True),
        ("Entered requisitions in Bullhorn", ("applicant tracking system", "iCIMS"), True),
        ("Grew tomatoes in the greenhouse", ("Greenhouse",), False),  # a greenhouse grows plants
        ("Used Greenhouse and Lever to track candidates", ("Greenhouse",), True),
        ("Posted assignments in Edmodo", ("learning management system", "Google Classroom"), True),
        ("Painted on canvas and paper", ("learning management system",), False),
        ("Entered new prescriptions in RxConnect", ("pharmacy management system", "Rx30"), True),
    ],
)
def test_a_recruiters_teachers_and_pharmacys_systems_by_family(
    text: str, terms: tuple[str, ...], met: bool
) -> None:
    assert (answer("skill", text, terms).score == 1.0) is met


def test_a_pharmacy_technicians_title_is_no_national_certification() -> None:
    # the state's registration and PTCB's CPhT are two credentials: the job title shows the first at most
    title = "Pharmacy Technician, Walgreens 2015 - 2018"
    assert answer("credential", title, ("PTCB", "NHA ExCPT", "CPhT")).score == 0.0
    assert answer("credential", "PTCB Certified Pharmacy Technician", ("CPhT",)).score == 1.0
    assert answer("credential", "Registered Pharmacy Technician, Ohio", ("pharmacy technician",)).score == 1.0


def test_a_products_certificate_needs_its_certificate_word() -> None:
    # product_certificate_needs_its_word: using HubSpot is some of a HubSpot certification, not all of it
    used = answer("credential", "Delivered social media campaigns via Hubspot", ("HubSpot",))
    assert 0 < used.score < 0.75 and "no certification" in used.explanation
    assert answer("credential", "HubSpot Inbound Marketing Certificate", ("HubSpot",)).score == 1.0
    # the product's other names count too (AdWords is Google Ads)
    assert answer("credential", "Google Analytics & AdWords Certified", ("Google Ads",)).score == 1.0


def test_a_care_setting_is_asked_as_a_setting_not_as_health_care() -> None:
    """industries.toml, care settings: "outpatient or physician-office experience" is met by work in such a
    setting; patients in a hospital ward are health care, not an outpatient setting; the settings are
    members of health care, so asking for health care is still met by them."""
    terms = ("outpatient", "physician-office")
    clinic = "Experience\nStaff Nurse, Family Practice Clinic, 2015 - 2019\nTriaged calls for primary care"
    assert answer("industry", clinic, terms).score == 1.0
    ward = "Experience\nStaff Nurse, 2015 - 2019\nCared for patients on a hospital medical-surgical unit"
    assert answer("industry", ward, terms).score == 0.0
    assert answer("industry", clinic, ("healthcare",)).score == 1.0


def test_social_media_tools_by_name_and_later_needs_its_context() -> None:
    tools = ("social media management tool",)
    assert answer("skill", "Skills\nHootsuite, Canva", tools).score >= 0.75
    assert answer("skill", "Experience\nScheduled Instagram posts in Later", ("Later",)).score >= 0.75
    assert answer("skill", "Experience\nLater promoted to shift lead", ("Later",)).score == 0.0


def test_a_cms_by_name_is_a_content_management_system() -> None:
    cms = ("content management system",)
    assert answer("skill", "Experience\nUpdated the college website in Drupal", cms).score >= 0.75
    assert answer("skill", "Experience\nWrote releases in AP style", ("AP style",)).score >= 0.75


def test_an_office_beside_access_is_no_microsoft_access() -> None:
    line = "Experience\nThe office was also responsible for the local PEG Access Channel."
    assert answer("skill", line, ("Microsoft Access",)).score == 0.0
    assert answer("skill", "Skills\nExcel, Access, Outlook", ("Microsoft Access",)).score >= 0.75


def test_help_desk_systems_by_name_are_ticketing_and_heat_needs_its_capitals() -> None:
    """skills.toml, ticketing system: Track-It! and HEAT are help-desk software; "heat" in lower case is
    no tool."""
    ticketing = ("ticketing system",)
    assert answer("skill", "Experience\nLogged calls in Track-It!", ticketing).score >= 0.75
    assert answer("skill", "Experience\nCall tickets in the HEAT database", ticketing).score >= 0.75
    assert answer("skill", "Experience\nControlled heat treatment of parts", ticketing).score == 0.0


def test_electronic_charting_and_the_military_record_are_ehr_use() -> None:
    """skills.toml, EHR: "Computer charting" and CHCS (the military health record) chart in an EHR."""
    assert answer("skill", "Skills\nComputer charting", ("electronic health record",)).score >= 0.75
    chcs = "Experience\nMedic, 2010 - 2014\nExtracted reports from Composite Health Care System (CHCS)"
    assert answer("skill", chcs, ("EHR",)).score >= 0.75


def test_an_employees_health_benefits_are_no_health_care_industry() -> None:
    assert answer("industry", "Ran open enrollment for health care benefits", ("healthcare",)).score == 0.0
    assert answer("industry", "Recruited nurses for a health care system", ("healthcare",)).score == 1.0


@pytest.mark.parametrize(
    ("line", "term"),
    [
        ("Adapted teaching methods to meet students' varying needs", "differentiated instruction"),
        ("Adept at lesson planning and classroom management", "lesson planning"),
        ("Manage student behavior and set ground rules", "classroom management"),
        ("Aligned lessons to CCSS (Common Core State Standards)", "Common Core"),
    ],
)
def test_a_teachers_practice_by_its_own_words(line: str, term: str) -> None:
    # O*NET 25-2021 tasks as the teachers' résumés word them
    assert answer("skill", line, (term,)).score == 1.0


def test_ordinary_words_are_no_product_they_spell_or_stem_to() -> None:
    # "Certification in Design" is no InDesign (ordinary_pairs); "premier" stems like "Premiere" (exact)
    assert answer("skill", "Certification in Design, 2015", ("Adobe InDesign",)).score == 0.0
    assert answer("skill", "Layouts in InDesign and Photoshop", ("Adobe InDesign",)).score == 1.0
    assert answer("skill", "Member of premier safety organizations", ("Premiere Pro",)).score == 0.0
    assert answer("skill", "Edited video in Premiere", ("Premiere Pro",)).score == 1.0


def test_index_match_is_one_excel_skill_not_two_words() -> None:
    # "INDEX/MATCH" is Excel's lookup pair: "adjusted inventory to match expectations" shows none of it
    assert answer("skill", "Adjusted labor and inventory to match expectations", ("INDEX/MATCH",)).score == 0
    assert answer("skill", "Built models with INDEX/MATCH and pivot tables", ("INDEX/MATCH",)).score == 1.0


def test_a_bi_tool_is_any_of_the_familys_members() -> None:
    # "a BI tool such as Tableau or Power BI": SAP's, Oracle's or IBM's BI tools are BI tools too
    for line in (
        "Reporting in SAP Business Intelligence",
        "Ad hoc reports in IBM Cognos",
        "OBIEE dashboards",
    ):
        assert answer("skill", line, ("BI tool", "Tableau", "Power BI")).score == 1.0


def test_a_language_inside_a_proper_name_is_not_spoken() -> None:
    # language_inside_a_name: "the Spanish Historic District" is a place, "English Department" a department
    assert answer("language", "Land use surveys of the Spanish Historic District", ("Spanish",)).score == 0
    assert answer("language", "Taught in the French Department", ("French",)).score == 0
    assert answer("language", "Bilingual English Spanish", ("Spanish",)).score == 1.0
    assert answer("language", "Spanish Speaker, English Speaker", ("Spanish",)).score > 0


@pytest.mark.parametrize(
    ("line", "met"),
    [
        ("Surpassed annual quota by 120% two years running", True),
        ("Consistently met and exceeded individual sales goals", True),
        ("Top 3 loan sales producer in the region", True),
        ("Raised production quotas on the packing line", False),
        ("Prepared monthly sales reports", False),
    ],
)
def test_a_sales_result_is_found_in_the_resumes_own_words(line: str, met: bool) -> None:
    """ "Proven track record of meeting or exceeding annual quota" asks for a result a résumé states in its
    own words: the skills vocabulary's "sales goals" and its aliases; a factory's production quota is none."""
    from jobmatch.models import Requirement as Req
    from jobmatch.posting.types import type_requirement

    typed = type_requirement(
        Req("R1", "Proven track record of meeting or exceeding annual quota", RequirementKind.REQUIRED)
    )
    assert (typed.category, typed.terms) == (Category.SKILL, ("annual quota",))
    assert (_term_score("annual quota", f"Experience\n{line}\n") > 0) is met


def test_each_certifying_body_names_its_own_personal_trainer_certification() -> None:
    """The personal-trainer certifications are a family of the bodies' own: an ISSA certificate for an asked
    NASM-CPT is a sibling (partial), and the quote names what it shows; ACE's group-fitness certificate is
    no ACE-CPT."""
    issa = _credential("NASM-CPT", "Certifications\nISSA Personal Trainer Certification, 2015")
    assert 0 < issa.score < 0.75 and "ISSA" in issa.explanation and "ISSA" in issa.evidence[0].text
    assert _credential("ACE-CPT", "Certifications\nACE Certified Personal Trainer, 2016").score >= 0.75
    assert _credential("ACE-CPT", "Certifications\nACE Certified Group Fitness Instructor").score == 0.0
    assert _credential("NCCA", "Certifications\nNSCA-CPT, 2012").score >= 0.75


def test_a_name_written_as_one_word_is_never_shown_by_a_piece_of_it() -> None:
    # one_written_word_is_whole: "Restaurant365" is a product; "restaurant" on a résumé is none of it
    assert (
        _term_score("Restaurant365", "Experience\nGreeted customers in the restaurant or drive-thru") == 0.0
    )
    assert _term_score("Restaurant365", "Skills\nRestaurant365, Toast POS") >= 0.75
