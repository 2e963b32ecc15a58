"""The demo shows the facts matching needs: licences, recognition, course subjects, full courses, birth dates."""

import pytest

from courses.models import Course
from demo.services import demo_seed
from employers.models import Vacancy
from portal.models import CandidateProfile

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_demo")]


def test_some_demo_offers_need_a_car_or_lorry_licence():
    licences = {tuple(v.driving_licences_required) for v in Vacancy.objects.exclude(driving_licences_required=[])}

    assert ("B",) in licences
    assert ("C", "CE") in licences


def test_a_nursing_job_needs_recognition_but_the_nursing_apprenticeship_does_not():
    job = Vacancy.objects.get(title__startswith="Pflegefachkraft (m/w/d)")
    apprenticeship = Vacancy.objects.get(title="Ausbildung Pflegefachfrau / Pflegefachmann")

    assert job.occupation.regulated and job.recognition_required
    assert apprenticeship.occupation.regulated and not apprenticeship.recognition_required


def test_job_related_courses_name_their_field_of_work():
    assert Course.objects.get(title="Job-Berufssprachkurs B2 Pflege").subject == "care"
    assert Course.objects.get(title="Job-Berufssprachkurs B1 Gastronomie und Hotellerie").subject == "hospitality"


def test_there_is_a_full_course_with_and_one_without_a_waiting_list():
    with_list = Course.objects.get(title="Job-Berufssprachkurs B2 Pflege")
    without_list = Course.objects.get(title="Werkstatt-Deutsch: Fachwörter am Bau")

    assert (with_list.seats_left, with_list.waiting_list_open) == (0, True)
    assert (without_list.seats_left, without_list.waiting_list_open) == (0, False)


def test_some_candidates_gave_their_birth_date_and_others_did_not():
    born = CandidateProfile.objects.exclude(birth_date=None)

    assert born.filter(user__email="kandidat.osnabrueck1@demo.example.org").exists()
    assert 2 < born.count() < CandidateProfile.objects.count()


def test_seeding_again_changes_no_offer_course_or_profile():
    stamps = {
        model: dict(model.objects.values_list("pk", "updated_at")) for model in (Vacancy, Course, CandidateProfile)
    }

    demo_seed(with_jobboerse=False)

    for model, before in stamps.items():
        assert dict(model.objects.values_list("pk", "updated_at")) == before, model.__name__
