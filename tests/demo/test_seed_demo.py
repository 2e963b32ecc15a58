import datetime
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Role, User
from accounts.views import DASHBOARD_BY_ROLE
from applications.models import Application, ApplicationEvent, ApplicationStatus
from courses.models import Course, CourseRegistration, Delivery, SupplyReport
from demo.data.courses import COURSE_REGISTRATIONS, COURSES
from demo.data.organisations import ORGANISATIONS
from demo.data.people import CANDIDATES, COORDINATORS, EXTRA_CANDIDATES, MENTORS
from demo.data.regions import REGIONS
from demo.data.vacancies import APPLICATIONS, VACANCIES
from demo.services import demo_seed
from employers.models import Membership, Organisation, Vacancy, VacancyKind, VacancyStatus
from notifications.models import Notification
from places.geo import is_known_postal_code
from places.models import Region
from places.selectors import region_postal_codes
from portal.models import CandidateProfile, ContactGrant

# The demo is seeded once for this module (tests/demo/conftest.py); tests that seed again do so on top of it.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_demo")]


def _seed_again() -> dict[str, str]:
    # Without the recorded Jobbörse ads, as the module's seed (tests/demo/test_jobboerse.py seeds them).
    return demo_seed(with_jobboerse=False)


SEEDED_MODELS = [
    User, Organisation, Membership, Region, EmailAddress, CandidateProfile, Vacancy, Course, Application,
    ApplicationEvent, CourseRegistration, ContactGrant, Notification, SupplyReport,
]  # fmt: skip


def _row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in SEEDED_MODELS}


def _rows() -> dict[str, list]:
    return {
        "users": list(
            User.objects.order_by("email").values_list(
                "email", "password", "role", "first_name", "last_name", "preferred_language",
                "region__name", "is_staff", "is_superuser",
            )
        ),
        "organisations": list(
            Organisation.objects.order_by("pk").values_list("pk", "name", "is_employer", "is_course_provider")
        ),
        "memberships": list(
            Membership.objects.order_by("pk").values_list(
                "pk", "user__email", "organisation__name", "is_admin"
            )
        ),
        "region_codes": list(Region.objects.order_by("name").values_list("name", "postal_codes__code")),
        "email_addresses": list(
            EmailAddress.objects.order_by("pk").values_list("pk", "email", "verified", "primary")
        ),
        "profiles": list(
            CandidateProfile.objects.order_by("pk").values_list("pk", "updated_at", "visible_to_employers")
        ),
        "organisation_profiles": list(
            Organisation.objects.order_by("pk").values_list(
                "pk", "sector", "size", "locations", "about", "contact_email", "best_practice_story"
            )
        ),
        "vacancies": list(
            Vacancy.objects.order_by("pk").values_list(
                "pk", "title", "status", "start_date", "expires_on", "published_at", "updated_at"
            )
        ),
        "courses": list(
            Course.objects.order_by("pk").values_list(
                "pk", "title", "status", "start_date", "end_date", "seats_left", "updated_at"
            )
        ),
        "applications": list(Application.objects.order_by("pk").values_list("pk", "status", "updated_at")),
        "registrations": list(
            CourseRegistration.objects.order_by("pk").values_list("pk", "status", "updated_at")
        ),
        "notifications": list(Notification.objects.order_by("pk").values_list("pk", "kind", "emailed_at")),
    }  # fmt: skip


def test_seed_creates_every_demo_row():
    candidates = len(CANDIDATES) + len(EXTRA_CANDIDATES)
    accounts = candidates + len(MENTORS) + len(COORDINATORS) + len(ORGANISATIONS) + 1
    counts = _row_counts()
    assert {name: counts[name] for name in ["User", "Organisation", "Membership", "Region", "EmailAddress"]} == {
        "User": accounts,
        "Organisation": len(ORGANISATIONS),
        "Membership": len(ORGANISATIONS),
        "Region": len(REGIONS),
        "EmailAddress": accounts,
    }
    assert counts["CandidateProfile"] == candidates
    assert counts["Vacancy"] == len(VACANCIES)
    assert counts["Course"] == len(COURSES)
    assert counts["Application"] == len(APPLICATIONS)
    assert counts["CourseRegistration"] == sum(len(spec["candidates"]) for spec in COURSE_REGISTRATIONS)
    # The state's report and one per region.
    assert counts["SupplyReport"] == len(REGIONS) + 1


def test_seeding_twice_gives_identical_row_counts():
    counts = _row_counts()

    _seed_again()

    assert _row_counts() == counts


def test_seeding_twice_changes_nothing(seeded_demo):
    rows = _rows()

    assert _seed_again() == seeded_demo
    assert _rows() == rows


def test_seed_returns_one_login_per_role_in_role_order(seeded_demo):
    logins = seeded_demo

    assert list(logins) == Role.values
    assert {role: User.objects.get(email=email).role for role, email in logins.items()} == {
        role: role for role in Role.values
    }


def test_every_role_has_a_demo_user():
    for role in Role.values:
        assert User.objects.filter(role=role).exists(), role


def test_every_demo_address_is_verified_and_primary():
    assert not EmailAddress.objects.filter(verified=False).exists()
    assert EmailAddress.objects.filter(primary=True).count() == User.objects.count()


def test_painting_firm_employs_and_teaches_and_its_staff_are_employers():
    firm = Organisation.objects.get(is_employer=True, is_course_provider=True)
    assert firm.name.startswith("Malerbetrieb")
    assert firm.memberships.get().user.role == Role.EMPLOYER


def test_every_staff_account_belongs_to_an_organisation_of_its_kind():
    for user in User.objects.filter(role__in=[Role.EMPLOYER, Role.PROVIDER]).select_related("membership__organisation"):
        organisation = user.membership.organisation
        assert organisation.is_employer if user.role == Role.EMPLOYER else organisation.is_course_provider


@pytest.mark.parametrize("role", Role.values)
def test_demo_login_of_each_role_opens_its_dashboard(client, settings, seeded_demo, role):
    email = seeded_demo[role]
    user = User.objects.get(email=email)

    with translation.override("de"):
        login_url = reverse("account_login")
    response = client.post(login_url, {"login": email, "password": settings.DEMO_PASSWORD}, follow=True)

    with translation.override(user.preferred_language):
        dashboard_url = reverse(DASHBOARD_BY_ROLE[role])
    assert (response.status_code, response.request["PATH_INFO"]) == (200, dashboard_url)
    assert response.wsgi_request.user == user


def test_every_coordinator_region_has_only_known_postal_codes():
    coordinators = User.objects.coordinators().select_related("region")
    assert coordinators.count() == len(COORDINATORS)
    for coordinator in coordinators:
        codes = region_postal_codes(region=coordinator.region)
        assert codes, coordinator.region.name
        assert [code for code in codes if not is_known_postal_code(code)] == []


def test_command_prints_one_login_per_role_with_the_demo_password(settings, seeded_demo):
    settings.DEBUG = True
    out = StringIO()

    call_command("seed_demo", stdout=out)

    output = out.getvalue()
    assert "http://127.0.0.1:8000/" in output
    assert settings.DEMO_PASSWORD in output
    for role, email in seeded_demo.items():
        assert f"{role} " in output
        assert email in output


# --- Vacancies, courses, applications (issues 4 and 5) -------------------------------------------------------


def test_every_kind_of_vacancy_is_published_at_least_three_times():
    for kind in VacancyKind.values:
        assert Vacancy.objects.published().filter(kind=kind).count() >= 3, kind
    assert not Vacancy.objects.exclude(status=VacancyStatus.PUBLISHED).exists()


def test_demo_vacancies_start_and_stay_open_from_today_on():
    today = timezone.localdate()

    for vacancy in Vacancy.objects.all():
        assert vacancy.expires_on > today, vacancy.title
        assert vacancy.start_date is None or vacancy.start_date >= today, vacancy.title


def test_demo_vacancies_ask_for_different_german_levels_in_cities_and_rural_districts():
    assert set(Vacancy.objects.values_list("german_level_required", flat=True)) >= {"0", "A1", "A2", "B1"}
    for region in ["Region Hannover", "Landkreis Cuxhaven", "Landkreis Emsland", "Landkreis Lüchow-Dannenberg",
                   "Stadt Osnabrück"]:  # fmt: skip
        codes = region_postal_codes(region=Region.objects.get(name=region))
        assert Vacancy.objects.published().filter(postal_code__in=codes).exists(), region


def test_painting_firm_offers_job_shadowing_and_an_internship_in_its_training_centre_in_neustadt():
    firm = Organisation.objects.get(name__startswith="Malerbetrieb")
    offers = firm.vacancies.published().filter(postal_code="31535")
    assert {VacancyKind.HOSPITATION, VacancyKind.INTERNSHIP} <= set(offers.values_list("kind", flat=True))
    assert offers.filter(kind=VacancyKind.INTERNSHIP, title__contains="Ausbildungszentrum").exists()


def test_public_profile_of_the_painting_firm_tells_its_training_centre_story(client):
    firm = Organisation.objects.get(name__startswith="Malerbetrieb")

    with translation.override("de"):
        response = client.get(reverse("employers:organisation_public", kwargs={"pk": firm.pk}))

    assert response.status_code == 200
    assert "Übungskabinen" in response.content.decode()
    assert firm.sector and firm.size and firm.contact_email
    for organisation in Organisation.objects.all():
        assert organisation.locations, organisation.name
        assert all(is_known_postal_code(code) for code in organisation.locations), organisation.name


def test_a_vacancy_that_has_started_moves_to_fresh_dates_when_seeded_again():
    today = timezone.localdate()
    vacancy = Vacancy.objects.get(title__startswith="Schnuppertage")
    Vacancy.objects.filter(pk=vacancy.pk).update(
        start_date=today - datetime.timedelta(days=30), expires_on=today - datetime.timedelta(days=1),
        status=VacancyStatus.EXPIRED,
    )  # fmt: skip

    _seed_again()

    vacancy.refresh_from_db()
    assert (vacancy.status, vacancy.start_date) == (VacancyStatus.PUBLISHED, today + datetime.timedelta(days=14))
    assert vacancy.expires_on > today


def test_a_course_that_has_started_moves_to_fresh_dates_and_keeps_its_registrations():
    today = timezone.localdate()
    course = Course.objects.get(title="Azubi-Sprachkurs Malerhandwerk")
    Course.objects.filter(pk=course.pk).update(start_date=today - datetime.timedelta(days=7))

    _seed_again()

    course.refresh_from_db()
    assert course.start_date == today + datetime.timedelta(days=21)
    assert course.end_date == course.start_date + datetime.timedelta(weeks=30)
    assert course.registrations.registered().count() == 1
    assert course.seats_left == course.seats_total - 1


def test_courses_of_every_kind_take_place_in_cities_rural_districts_and_online():
    courses = Course.objects.published()

    assert {"integration", "literacy", "women_parents", "job_bsk", "azubi_bsk"} <= set(
        courses.values_list("kind", flat=True)
    )
    assert courses.filter(kind="women_parents", childcare=True).exists()
    assert courses.filter(delivery=Delivery.ONLINE).count() >= 2
    for region in ["Region Hannover", "Stadt Osnabrück", "Landkreis Lüchow-Dannenberg", "Landkreis Cuxhaven"]:
        codes = region_postal_codes(region=Region.objects.get(name=region))
        assert courses.filter(postal_code__in=codes).exclude(delivery=Delivery.ONLINE).exists(), region
    today = timezone.localdate()
    assert courses.filter(start_date__lte=today + datetime.timedelta(days=90)).exists()
    assert courses.filter(start_date__gt=today + datetime.timedelta(days=90)).exists()


def _report_totals(region_name: str) -> dict:
    return SupplyReport.objects.get(region__name=region_name).data["totals"]


def test_supply_report_after_seeding_shows_unmet_demand_in_the_rural_districts_but_not_in_the_cities():
    for rural in ["Landkreis Lüchow-Dannenberg", "Landkreis Cuxhaven"]:
        totals = _report_totals(rural)
        assert totals["demand"] > 0 and totals["unmet"] > 0, (rural, totals)
    for city in ["Region Hannover", "Stadt Osnabrück"]:
        totals = _report_totals(city)
        assert totals["demand"] > 0 and totals["unmet"] == 0, (city, totals)
    assert SupplyReport.objects.get(region=None).data["totals"]["unmet"] > 0


def test_coordinator_of_the_wendland_sees_the_gap_on_the_supply_report_page(client):
    coordinator = User.objects.get(email="kuemmerer.wendland@demo.example.org")
    client.force_login(coordinator)

    with translation.override(coordinator.preferred_language):
        response = client.get(reverse("courses:supply_report"))

    assert response.status_code == 200
    assert response.context["report"].data["totals"]["unmet"] == _report_totals("Landkreis Lüchow-Dannenberg")["unmet"]


def test_extra_candidates_learn_german_in_the_rural_districts_and_are_not_logins(seeded_demo):
    logins = seeded_demo

    rural_codes = set(region_postal_codes(region=Region.objects.get(name="Landkreis Cuxhaven"))) | set(
        region_postal_codes(region=Region.objects.get(name="Landkreis Lüchow-Dannenberg"))
    )
    extra = CandidateProfile.objects.filter(user__email__in=[p["email"] for p in EXTRA_CANDIDATES])
    rural = extra.filter(postal_code__in=rural_codes)
    assert rural.count() >= 10
    assert set(rural.values_list("german_level", flat=True)) <= {"A1", "A2"}
    assert not set(logins.values()) & {p["email"] for p in EXTRA_CANDIDATES}


def test_employer_dashboard_and_candidate_lists_are_not_empty(client):
    employer = User.objects.get(email="arbeitgeber@demo.example.org")
    ahmad = User.objects.get(email="ahmad@demo.example.org")

    client.force_login(employer)
    with translation.override(employer.preferred_language):
        dashboard = client.get(reverse("employers:dashboard"))
    client.force_login(ahmad)
    with translation.override(ahmad.preferred_language):
        applications = client.get(reverse("applications:list"))
        courses = client.get(reverse("courses:my_registrations"))

    assert "Schnuppertage im Ausbildungszentrum" in dashboard.content.decode()
    assert "Schnuppertage im Ausbildungszentrum" in applications.content.decode()
    assert "Azubi-Sprachkurs Malerhandwerk" in courses.content.decode()
    invited = Application.objects.get(profile__user=ahmad)
    assert invited.status == ApplicationStatus.INVITED
    assert list(invited.events.values_list("status", flat=True)) == ["submitted", "seen", "invited"]


def test_ahmad_is_visible_to_employers_and_the_other_demo_candidates_are_not():
    visible = CandidateProfile.objects.filter(visible_to_employers=True)
    assert list(visible.values_list("user__email", flat=True)) == ["ahmad@demo.example.org"]


def test_seed_includes_mentors_requests_and_events_with_a_job_fair_for_migrant_women():
    from events.models import Event
    from mentoring.models import MentorProfile, MentorRequest, Mentorship

    assert MentorProfile.objects.approved().exists()
    assert MentorRequest.objects.filter(status="waiting").exists()
    assert Mentorship.objects.active().exists()
    assert Event.objects.filter(kind="job_fair", target_group="women").exists()


def test_the_demo_candidates_see_matches_on_their_dashboard(client):
    from matching.models import Match

    ahmad = User.objects.get(email="ahmad@demo.example.org")
    assert Match.objects.filter(profile__user=ahmad).exists()
