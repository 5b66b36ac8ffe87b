"""The parts of a candidate's total (0–100), in one light module: the scorer weighs with these, and every
output that tells a reader how a score is made says it with them.

The total is ``(1 - WORDING_WEIGHT) × [(1 - ROLE_FIT_WEIGHT) × requirements + ROLE_FIT_WEIGHT × role fit]
+ WORDING_WEIGHT × wording``: the seniority penalty applies to the bracket, a missed must-have's cap to
the whole.
"""

from __future__ import annotations

# The requirements list is what the posting asks for; a recruiter's first screen is whether the person has
# done this kind of job before. That second question is a quarter of the bracket, shown as "role fit".
ROLE_FIT_WEIGHT = 0.25
# ``wording_is_evidence_of_fit`` (jobmatch.matching.wording): the rest of the total is how much of the
# posting's own wording the résumé shares. The matchers answer the items the vocabularies know; the
# wording carries the rest of the trade's words. 0.35 is where the ranking of the three dev sets peaks
# (mean Spearman 0.912; 0.906 at 0.2, 0.905 at 0.5); 16 postings of other fields, labelled under the same
# rubric but not used to choose it, rose from 0.69 to 0.75 with it. ``make eval`` re-chooses it on
# held-out folds (its nested choice).
WORDING_WEIGHT = 0.35


def percent(weight: float) -> str:
    return f"{100 * weight:g}%"


def scale_sentence() -> str:
    """How every total is made, for the outputs that say it."""
    return (
        f"Scores are 0-100 on one scale for every posting: {percent(1 - WORDING_WEIGHT)} the posting's "
        f"requirements and role fit ({percent(1 - ROLE_FIT_WEIGHT)} the share of its weighted requirements "
        f"met, {percent(ROLE_FIT_WEIGHT)} role fit), {percent(WORDING_WEIGHT)} how much of its wording the "
        "résumé shares."
    )
