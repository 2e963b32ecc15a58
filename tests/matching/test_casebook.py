"""The casebook: scenarios as a placement officer states them (tests/matching/casebook/cases.json), each run
through the same paths as production – the nightly recomputation of a block of candidates stores the matches,
and the candidate's pages read them, the pathways and the mentor proposals through the same selectors.

A case gives the candidate's facts, the offers around them (vacancies, courses, mentors, by name), and what a
placement officer expects: the vacancies and courses shown, in this order (anything not listed must not be
shown), the pathways, the first reason or the band of a match, the mentors proposed. Dates are given in days
from today (`…_in_days`), a date of birth in years (`age`).
"""

import datetime
import json
from pathlib import Path

import pytest
from django.utils import timezone, translation

from matching.models import MatchKind
from matching.selectors import match_list_for_candidate, mentor_rank_for_candidate, pathways_for_candidate
from matching.services import match_recompute_chunk
from portal.models import CandidateLanguage
from tests.factories import ActiveMentorshipFactory, MentorProfileFactory

from . import world

pytestmark = pytest.mark.django_db

CASES = json.loads((Path(__file__).parent / "casebook" / "cases.json").read_text(encoding="utf-8"))
# Regulated occupations as marked in the catalogue (occupations migration 0004).
REGULATED = {"81302", "81342", "81352", "81404", "81474", "81712", "81722", "81804", "82102", "83112", "83124",
             "83132", "84124"}  # fmt: skip


def _dates(fields: dict) -> dict:
    today = timezone.localdate()
    values = {}
    for name, value in fields.items():
        if name.endswith("_in_days"):
            values[name.removesuffix("_in_days")] = today + datetime.timedelta(days=value)
        else:
            values[name] = value
    return values


class World:
    def __init__(self):
        self.occupations = {}
        self.names = {}

    def occupation(self, code: str):
        if code not in self.occupations:
            found = world.occupation(code, f"Beruf {code}")
            if code in REGULATED:
                found.regulated = True
                found.save(update_fields=["regulated"])
            self.occupations[code] = found
        return self.occupations[code]

    def candidate(self, facts: dict):
        facts = _dates(dict(facts))
        occupations = [(self.occupation(code), years) for code, years in facts.pop("occupations", [])]
        languages = facts.pop("languages", [])
        age = facts.pop("age", None)
        if age is not None:
            facts["birth_date"] = timezone.localdate().replace(day=1) - datetime.timedelta(days=round(age * 365.25))
        profile = world.candidate(occupations=occupations, **facts)
        for language in languages:
            CandidateLanguage.objects.create(profile=profile, language=language, level="native")
        return profile

    def offer(self, name: str, spec: dict):
        spec = _dates(dict(spec))
        kind = spec.pop("type", "vacancy")
        if kind == "vacancy":
            occupation = self.occupation(spec.pop("kldb", "33302"))
            spec.setdefault("title", name)
            if "recognition_required" not in spec:
                spec["recognition_required"] = occupation.regulated
            made = world.vacancy(occupation=occupation, **spec)
        elif kind == "course":
            spec.setdefault("title", name)
            if spec.pop("online", False):
                spec.update(delivery="online", postal_code="")
            if "seats_left" in spec:
                spec.setdefault("seats_total", max(spec["seats_left"], 12))
            made = world.course(**spec)
        else:
            taken = spec.pop("taken", 0)
            made = MentorProfileFactory(**spec)
            for _ in range(taken):
                ActiveMentorshipFactory(mentor=made)
        self.names[(kind, made.pk)] = name
        return made


def test_the_casebook_has_at_least_forty_cases_each_explained():
    assert len(CASES) >= 40
    assert len({case["id"] for case in CASES}) == len(CASES)
    assert all(case["why"].strip() and case["expect"] for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_casebook(case):
    here = World()
    profile = here.candidate(case.get("candidate", {}))
    for name, spec in case.get("offers", {}).items():
        here.offer(name, spec)
    # The nightly recomputation of the block of candidate ids that holds this candidate.
    match_recompute_chunk(first_id=profile.pk, last_id=profile.pk)
    expect = case["expect"]

    with translation.override("en"):
        vacancies = match_list_for_candidate(profile=profile, kind=MatchKind.VACANCY)
        courses = match_list_for_candidate(profile=profile, kind=MatchKind.COURSE)
        by_name = {here.names[("vacancy", i.target.pk)]: i for i in vacancies}
        by_name.update({here.names[("course", i.target.pk)]: i for i in courses})
        explanation = case["why"]
        if "vacancies" in expect:
            assert [here.names[("vacancy", i.target.pk)] for i in vacancies] == expect["vacancies"], explanation
        if "courses" in expect:
            assert [here.names[("course", i.target.pk)] for i in courses] == expect["courses"], explanation
        for name, text in expect.get("first_reason", {}).items():
            assert by_name[name].reasons[0] == text, explanation
        for name, text in expect.get("reason", {}).items():
            assert text in by_name[name].reasons, explanation
        for name, start in expect.get("reason_starts", {}).items():
            assert any(reason.startswith(start) for reason in by_name[name].reasons), explanation
        for name, expected_band in expect.get("band", {}).items():
            assert by_name[name].band == expected_band, explanation
        if "pathways" in expect:
            pathways = pathways_for_candidate(profile=profile)
            found = [
                {
                    "vacancy": here.names[("vacancy", p.vacancy.pk)],
                    "courses": [here.names[("course", c.pk)] for c in p.courses],
                    "trial": here.names[("vacancy", p.trial.pk)] if p.trial else None,
                    "recognition": p.recognition_status is not None,
                    "holds": p.holds,
                }
                for p in pathways
            ]
            wanted = [
                {"courses": [], "trial": None, "recognition": False, "holds": True, **p} for p in expect["pathways"]
            ]
            assert found == wanted, explanation
        if "mentors" in expect:
            ranked = mentor_rank_for_candidate(profile=profile, topics=expect["mentors"]["topics"])
            names = [here.names[("mentor", mentor.pk)] for mentor, _score, _reasons in ranked]
            assert names == expect["mentors"]["order"], explanation
