"""Reasons are words in the reader's language, made from the stored parts when a page is shown."""

from django.utils import translation

from matching.reasons import CANDIDATE, EMPLOYER, match_reasons

PARTS = [
    ["occupation_same", 33, {"years": 3}],
    ["german_gap", 8, {"have": "A2", "need": "B1"}],
    ["distance", 15, {"km": 12.3, "transport": "public"}],
    ["kind_wanted", 5, {"kind": "job"}],
    ["hours_open", 8, {"hours": 38}],
    ["start_fit", 6, {}],
    ["childcare_not_needed", 3, {}],
    ["shift_none", 3, {}],
]


def test_candidates_read_their_reasons_in_german():
    with translation.override("de"):
        reasons = match_reasons(PARTS, audience=CANDIDATE)
    assert reasons == [
        "Ihr Deutsch: A2 – B1 nötig",
        "gleicher Beruf, 3 Jahre Berufserfahrung",
        "12 km mit Bus und Bahn",
        "beginnt, wenn Sie anfangen können",
        "Sie suchen: Arbeitsstelle",
    ]


def test_candidates_read_their_reasons_in_arabic():
    with translation.override("ar"):
        reasons = match_reasons(PARTS, audience=CANDIDATE)
    assert reasons[0] == "لغتك الألمانية A2 – المطلوب B1"
    assert reasons[1] == "نفس المهنة، 3 سنوات خبرة"
    assert reasons[2] == "12 كم بالمواصلات العامة"


def test_employers_read_about_the_candidate_not_to_them():
    with translation.override("de"):
        reasons = match_reasons(PARTS, audience=EMPLOYER)
    assert "Deutsch: A2 – B1 nötig" in reasons
    assert "Ihr Deutsch: A2 – B1 nötig" not in reasons
    assert "sucht: Arbeitsstelle" in reasons


def test_parts_that_only_fill_the_score_give_no_reason_and_unknown_codes_are_skipped():
    parts = [["hours_open", 8, {}], ["shift_none", 3, {}], ["some_future_part", 4, {}]]
    assert match_reasons(parts) == []


def test_one_year_of_experience_is_singular():
    with translation.override("de"):
        assert match_reasons([["occupation_same", 31, {"years": 1}]]) == ["gleicher Beruf, 1 Jahr Berufserfahrung"]


def test_blockers_and_gaps_come_before_strengths_whatever_their_points():
    parts = [
        ["occupation_same", 35, {"years": 5}],
        ["distance", 14, {"km": 2, "transport": "car"}],
        ["hours_far", 0, {"hours": 38, "wanted": 20}],
        ["childcare_missing", 0, {}],
        ["closes_soon", 0, {"date": "2026-12-07"}],
        ["german_gap", 0, {"have": "A2", "need": "B1"}],
    ]
    with translation.override("en"):
        reasons = match_reasons(parts, audience=CANDIDATE)
    assert reasons[0] == "your German A2 – B1 needed"
    assert reasons[1] == "no childcare offered"
    assert reasons[2].startswith("38 hours a week")
    assert reasons[3].startswith("open only until")
    assert reasons[4:] == ["same occupation, 5 years of experience", "2 km by car"]


def test_the_same_order_for_employers():
    parts = [["occupation_same", 35, {"years": 5}], ["german_gap", 0, {"have": "A2", "need": "B1"}]]
    with translation.override("en"):
        assert match_reasons(parts, audience=EMPLOYER) == [
            "German A2 – B1 needed",
            "same occupation, 5 years of experience",
        ]
