"""From the API's JSON to what an offer says: kinds, hours, languages, dates, and what makes an ad unreadable."""

import datetime

import pytest

from common.vocabulary import GermanLevel, OfferKind
from jobboerse import parsing
from jobboerse.parsing import MalformedAdError, ad_from_details, search_page

from .ads import job_details, search_response

TODAY = datetime.date(2026, 12, 1)


def _ad(details, *, offer_type=1, working_times=("vz",)):
    return ad_from_details(
        details, refnr=details["referenznummer"], offer_type=offer_type, working_times=list(working_times), today=TODAY
    )


def test_a_job_ad_becomes_a_job_with_its_facts():
    ad = _ad(job_details("R-1", models=("VOLLZEIT", "SCHICHT_NACHTARBEIT_WOCHENENDE"), start="2027-01-15"))

    assert ad.kind == OfferKind.JOB
    assert ad.title == "Lagerhelfer (m/w/d)"
    assert ad.employer_name == "Weser Logistik GmbH"
    assert (ad.postal_code, ad.hours_per_week, ad.shift_work) == ("30159", 40, True)
    assert ad.start_date == datetime.date(2027, 1, 15)
    assert ad.fixed_term is False
    assert ad.german_level_required == GermanLevel.A2


def test_hours_named_in_the_text_beat_the_working_time_model():
    ad = _ad(job_details("R-1", models=("TEILZEIT",), description="Die Stelle umfasst 25 Stunden pro Woche."))
    assert ad.hours_per_week == 25
    assert _ad(job_details("R-2", models=("TEILZEIT",))).hours_per_week == parsing.HOURS_PART_TIME
    assert _ad(job_details("R-3", models=("MINIJOB",))).hours_per_week == parsing.HOURS_MINIJOB


def test_the_searched_working_time_stands_in_when_the_details_name_none():
    details = job_details("R-1", models=())
    assert _ad(details, working_times=("tz", "snw")).hours_per_week == parsing.HOURS_PART_TIME
    assert _ad(details, working_times=("tz", "snw")).shift_work is True


@pytest.mark.parametrize(
    ("offer", "title", "description", "kind", "weeks"),
    [
        ("AUSBILDUNG", "Ausbildung Koch (m/w/d)", "Drei Jahre.", OfferKind.AUSBILDUNG, None),
        ("AUSBILDUNG", "Einstiegsqualifizierung (EQ) im Verkauf", "Ab Februar.", OfferKind.EQ, parsing.EQ_WEEKS),
        ("PRAKTIKUM_TRAINEE", "Praktikum im Lager", "Das Praktikum dauert 6 Wochen.", OfferKind.INTERNSHIP, 6),
        ("PRAKTIKUM_TRAINEE", "Praktikum Kita", "Ein 3-monatiges Praktikum.", OfferKind.INTERNSHIP, 13),
        ("PRAKTIKUM_TRAINEE", "Praktikum Büro", "Beginn nach Absprache.", OfferKind.INTERNSHIP, 12),
        ("PRAKTIKUM_TRAINEE", "Trainee Vertrieb (m/w/d)", "18 Monate Programm.", OfferKind.JOB, None),
    ],
)
def test_the_kind_and_duration_follow_the_offer_type_and_the_text(offer, title, description, kind, weeks):
    ad = _ad(job_details("R-1", offer=offer, title=title, description=description))
    assert (ad.kind, ad.duration_weeks) == (kind, weeks)


def test_a_start_date_in_the_past_means_as_soon_as_possible():
    assert _ad(job_details("R-1", start="2026-10-01")).start_date is None


def test_other_languages_become_useful_languages():
    details = job_details("R-1", german="EXPERTENKENNTNISSE")
    details["sprachkenntnisse"].append({"bezeichnung": "Arabisch", "auspraegung": "GRUNDKENNTNISSE"})
    ad = _ad(details)
    assert (ad.german_level_required, ad.useful_languages) == (GermanLevel.C1, ["ar"])


def test_an_ad_without_german_skills_states_none():
    assert _ad(job_details("R-1", german=None)).german_level_required == GermanLevel.NONE


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"freieBezeichnung": "", "hauptberuf": ""}, "no title"),
        ({"arbeitsorte": []}, "no place of work"),
        ({"referenznummer": "R-other"}, "another reference number"),
        ({"eintrittsdatum": "bald"}, "not a date"),
    ],
)
def test_an_ad_missing_what_an_offer_needs_is_malformed(change, reason):
    details = {**job_details("R-1"), **change}
    with pytest.raises(MalformedAdError, match=reason):
        ad_from_details(details, refnr="R-1", offer_type=1, working_times=[], today=TODAY)


def test_long_texts_are_shortened_at_a_word():
    ad = _ad(job_details("R-1", title="Lagerhelfer " * 30, description="Wort " * 2000))
    assert len(ad.title) <= parsing.MAX_TITLE and ad.title.endswith("…")
    assert len(ad.description) <= parsing.MAX_DESCRIPTION


def test_search_entries_without_a_reference_number_are_counted_not_kept():
    page = search_page(
        search_response(
            [{"refnr": "R-1", "beruf": "Koch/Köchin", "arbeitsort": {"plz": "30159"}}, {"beruf": "Koch/Köchin"}, "x"],
            total=3,
        )
    )
    assert [item.refnr for item in page.items] == ["R-1"]
    assert (page.total, page.malformed) == (3, 2)


def test_an_empty_search_has_no_entries():
    assert search_page({"maxErgebnisse": "0"}).items == []


def test_employer_keys_ignore_legal_forms():
    assert parsing.employer_key("Lahe Logistik GmbH & Co. KG") == parsing.employer_key("LAHE Logistik GmbH")


def test_the_district_searches_cover_every_postal_code_of_lower_saxony():
    from courses.lower_saxony import lower_saxony_postal_codes
    from jobboerse.areas import LOWER_SAXONY_DISTRICTS
    from places.geo import coordinates_of, haversine_km

    circles = [(coordinates_of(area.postal_code), area.radius_km) for area in LOWER_SAXONY_DISTRICTS]
    missed = [
        code
        for code in lower_saxony_postal_codes()
        if not any(haversine_km(coordinates_of(code), centre) <= radius for centre, radius in circles)
    ]
    assert missed == []
