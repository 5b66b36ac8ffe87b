"""Word matching by stems: derivations, variants, abbreviations, numbers, typos and quotes."""

from __future__ import annotations

import pytest

from jobmatch.matching.text import compile_phrase, find_phrase, index_of, stem, tokens
from jobmatch.models import Method
from tests.helpers import doc


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("reconciliations", "reconcile"),
        ("reconciled", "reconciliation"),
        ("organised", "organization"),
        ("organizational", "organized"),
        ("accuracy", "accurate"),
        ("communicating", "communication"),
        ("invoices", "invoicing"),
        ("shipping", "ships"),
        ("scheduling", "schedule"),
        ("companies", "company"),
        # irregular_past_is_the_verb (words.toml): the past of an irregular verb is the verb
        ("sold", "selling"),
        ("taught", "teach"),
        ("oversaw", "oversee"),
    ],
)
def test_stems_join_inflections_and_derivations(a: str, b: str) -> None:
    assert stem(a) == stem(b)


@pytest.mark.parametrize(("a", "b"), [("state", "statement"), ("custom", "customer"), ("bill", "billion")])
def test_stems_keep_different_words_apart(a: str, b: str) -> None:
    assert stem(a) != stem(b)


def test_a_posting_verb_is_found_in_its_irregular_past() -> None:
    assert find_phrase("sell personal training packages", "Successfully sold personal training packages.")
    assert find_phrase("sell", "Soldered circuit boards") is None


def test_two_ordinary_words_are_no_name_they_spell() -> None:
    # ordinary_pair_is_its_words: "responsibilities over time" is not overtime
    assert find_phrase("overtime", "Given more responsibilities over time") is None
    assert find_phrase("overtime", "Worked overtime during peak season") is not None


def test_hyphen_slash_and_space_are_one_break() -> None:
    assert find_phrase("full-cycle bookkeeping", "Full cycle bookkeeping for 3 clients") is not None
    assert find_phrase("full cycle", "Full-Cycle AP") is not None
    assert find_phrase("English Spanish", "Bilingual English/Spanish") is not None


def test_ampersand_is_and() -> None:
    assert find_phrase("research and development", "Research & Development lead") is not None


def test_short_letter_compound_is_one_abbreviation_token() -> None:
    assert [t[0] for t in tokens("A/P and A/R, AT&T")] == ["ap", "and", "ar", "at&t"]


def test_ampersand_kept() -> None:
    # "A&P" (airframe and powerplant) is not "AP" (advanced placement); "A/P" still is "AP".
    index = index_of(doc("AP Bio certified 2015\nFAA A&P certificate"))
    hits = index.find(compile_phrase("A&P"))
    assert [index.lines[h.index].text for h in hits] == ["FAA A&P certificate"]


def test_abbreviation_in_capitals_needs_the_same_capitals() -> None:
    index = index_of(doc("Processed A/P invoices\nleave ap alone\nAP Stylebook"))
    hits = index.find(compile_phrase("A/P", exact_case=True))
    assert [h.matched for h in hits] == ["A/P"]


def test_number_words_are_numbers_but_one_stays_a_word() -> None:
    assert stem("three") == stem("3") and stem("Ten") == "10"
    assert find_phrase("three-way match", "Processed 3-way matching of POs") is not None
    assert stem("one") == "one"


def test_numbers_are_tokens() -> None:
    assert find_phrase("1099", "Prepared 1099 forms for vendors") is not None
    assert find_phrase("1,300 payments", "reconciling over 1,300 payments daily") is not None


@pytest.mark.parametrize("phrase", ["but", "and the", "hold", "of"])
def test_a_phrase_of_stop_words_is_never_evidence(phrase: str) -> None:
    index = index_of(
        doc("Worked but left; First female non-engineer to hold this position, and the rest of it")
    )
    assert index.find(compile_phrase(phrase)) == []
    assert find_phrase(phrase, "but hold of and the") is None


def test_the_quote_contains_what_it_is_evidence_for() -> None:
    document = doc("Summary\nPerformed monthly bank reconciliations and vendor set-up")
    index = index_of(document)
    (hit,) = index.find(compile_phrase("bank reconciliation"))
    line = document.lines[hit.index].text
    assert hit.matched == "bank reconciliations" and line[hit.start : hit.end] == hit.matched
    ev = index.evidence(hit)
    assert ev.matched in ev.text and ev.line == 2 and ev.page == 1


def test_typos_of_long_words_only_and_never_another_ending() -> None:
    index = index_of(doc("Bank reconcilliations\nExel sheets\nDistributed the mail"))
    (hit,) = index.find(compile_phrase("reconciliations", fuzzy=True))
    assert hit.method is Method.FUZZY and hit.matched == "reconcilliations" and hit.ratio < 100
    assert index.find(compile_phrase("Excel", fuzzy=True)) == []  # five letters: no typo matching
    assert index.find(compile_phrase("distributor", fuzzy=True)) == []  # another word, not a typo


def test_two_typos_only_between_two_long_words() -> None:
    """two_typos_both_long: "timeline" is not a misspelt "Timberline"; "reconcilliatons" (two edits from
    "reconciliations", both long) still is."""
    index = index_of(doc("met every timeline and budget\nBank reconcilliatons done"))
    assert index.find(compile_phrase("Timberline", fuzzy=True)) == []
    (hit,) = index.find(compile_phrase("reconciliations", fuzzy=True))
    assert hit.method is Method.FUZZY and hit.matched == "reconcilliatons"


def test_six_letter_words_are_no_typos() -> None:
    """ "being" is one letter from "Boeing": a word of six letters one edit from another is another word too
    often to be read as its typo; seven letters and up still are ("Tablaeu")."""
    assert index_of(doc("Managed 12 tanks being erected")).find(compile_phrase("Boeing", fuzzy=True)) == []
    (hit,) = index_of(doc("Dashboards in Tablaeu")).find(compile_phrase("Tableau", fuzzy=True))
    assert hit.method is Method.FUZZY and hit.matched == "Tablaeu"


def test_a_document_is_indexed_once() -> None:
    document = doc("one line")
    assert index_of(document) is index_of(document)


def test_a_name_cut_by_a_line_break_is_found_and_quoted_whole() -> None:
    index = index_of(doc("Skills: Listening, MS\nOffice, Teaching\nEnds here.\nOffice hours"))
    (hit,) = index.find(compile_phrase("MS Office"))
    ev = index.evidence(hit)
    assert hit.matched == "MS\nOffice".replace("\n", " ") and ev.matched in ev.text and ev.line == 1


def test_a_one_word_name_written_as_two_words_is_found() -> None:
    """split_compound: "Sales Force" is Salesforce; two short words never make a short name."""
    index = index_of(
        doc("Sales Software: Sales Force, Social Media\nQuick Books daily\nlog in to the portal")
    )
    sf = index.find(compile_phrase("Salesforce"))
    assert [(h.index, h.matched, h.method) for h in sf] == [(0, "Sales Force", Method.EXACT)]
    assert index.find(compile_phrase("QuickBooks"))[0].matched == "Quick Books"
    assert index.find(compile_phrase("into")) == []
    assert index.find(compile_phrase("Salesforce"), (1, 2)) == []


def test_a_pair_of_ordinary_words_is_the_product_only_capitalised() -> None:
    """ordinary_pair_is_its_words: "a sales force of 300" is a team; "power point" is still PowerPoint."""
    index = index_of(doc("Supported the VP of Sales with a sales force of 300 reps\nDecks in power point"))
    assert index.find(compile_phrase("salesforce")) == []
    assert index.find(compile_phrase("powerpoint"))[0].matched == "power point"


def test_british_spellings_are_the_words() -> None:
    """british_spelling_is_the_word: a posting's "financial modelling" is a résumé's "financial modeling", a
    "licence" a license, a "programme" a program."""
    for british, american in (("modelling", "modeling"), ("licence", "license"), ("programme", "program"),
                              ("paediatric", "pediatric"), ("organisation", "organization")):  # fmt: skip
        assert stem(british) == stem(american)
    (hit,) = index_of(doc("Built financial modeling templates")).find(compile_phrase("financial modelling"))
    assert hit.matched == "financial modeling"
