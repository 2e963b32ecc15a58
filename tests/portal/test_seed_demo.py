from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from accounts.models import Role, User
from accounts.views import DASHBOARD_BY_ROLE
from employers.models import Membership, Organisation
from places.geo import is_known_postal_code
from places.models import Region
from places.selectors import region_postal_codes
from portal import demo
from portal.demo import demo_seed

pytestmark = pytest.mark.django_db

SEEDED_MODELS = [User, Organisation, Membership, Region, EmailAddress]


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
    }  # fmt: skip


def test_seed_creates_every_demo_row():
    demo_seed()

    people = len(demo.CANDIDATES) + len(demo.MENTORS) + len(demo.COORDINATORS) + len(demo.ORGANISATIONS) + 1
    assert _row_counts() == {
        "User": people,
        "Organisation": len(demo.ORGANISATIONS),
        "Membership": len(demo.ORGANISATIONS),
        "Region": len(demo.REGIONS),
        "EmailAddress": people,
    }


def test_seeding_twice_gives_identical_row_counts():
    demo_seed()
    counts = _row_counts()

    demo_seed()

    assert _row_counts() == counts


def test_seeding_twice_changes_nothing():
    first_logins = demo_seed()
    rows = _rows()

    assert demo_seed() == first_logins
    assert _rows() == rows


def test_seed_returns_one_login_per_role_in_role_order():
    logins = demo_seed()

    assert list(logins) == Role.values
    assert {role: User.objects.get(email=email).role for role, email in logins.items()} == {
        role: role for role in Role.values
    }


def test_every_role_has_a_demo_user():
    demo_seed()

    for role in Role.values:
        assert User.objects.filter(role=role).exists(), role


def test_every_demo_address_is_verified_and_primary():
    demo_seed()

    assert not EmailAddress.objects.filter(verified=False).exists()
    assert EmailAddress.objects.filter(primary=True).count() == User.objects.count()


def test_painting_firm_employs_and_teaches_and_its_staff_are_employers():
    demo_seed()

    firm = Organisation.objects.get(is_employer=True, is_course_provider=True)
    assert firm.name.startswith("Malerbetrieb")
    assert firm.memberships.get().user.role == Role.EMPLOYER


def test_every_staff_account_belongs_to_an_organisation_of_its_kind():
    demo_seed()

    for user in User.objects.filter(role__in=[Role.EMPLOYER, Role.PROVIDER]).select_related(
        "membership__organisation"
    ):
        organisation = user.membership.organisation
        assert organisation.is_employer if user.role == Role.EMPLOYER else organisation.is_course_provider


@pytest.mark.parametrize("role", Role.values)
def test_demo_login_of_each_role_opens_its_dashboard(client, settings, role):
    email = demo_seed()[role]
    user = User.objects.get(email=email)

    with translation.override("de"):
        login_url = reverse("account_login")
    response = client.post(login_url, {"login": email, "password": settings.DEMO_PASSWORD}, follow=True)

    with translation.override(user.preferred_language):
        dashboard_url = reverse(DASHBOARD_BY_ROLE[role])
    assert (response.status_code, response.request["PATH_INFO"]) == (200, dashboard_url)
    assert response.wsgi_request.user == user


def test_every_coordinator_region_has_only_known_postal_codes():
    demo_seed()

    coordinators = User.objects.coordinators().select_related("region")
    assert coordinators.count() == len(demo.COORDINATORS)
    for coordinator in coordinators:
        codes = region_postal_codes(region=coordinator.region)
        assert codes, coordinator.region.name
        assert [code for code in codes if not is_known_postal_code(code)] == []


def test_seed_refuses_unknown_postal_codes_and_creates_nothing(monkeypatch):
    monkeypatch.setattr(demo, "REGIONS", [*demo.REGIONS, {"name": "Atlantis", "postal_codes": ["00000"]}])

    with pytest.raises(ValueError, match="00000"):
        demo_seed()

    assert _row_counts() == dict.fromkeys(_row_counts(), 0)


def test_command_refuses_to_run_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", stdout=StringIO())

    assert not User.objects.exists()


def test_command_runs_without_debug_when_forced(settings):
    settings.DEBUG = False

    call_command("seed_demo", "--force", stdout=StringIO())

    assert User.objects.filter(role=Role.ADMIN).exists()


def test_command_prints_one_login_per_role_with_the_demo_password(settings):
    settings.DEBUG = True
    out = StringIO()

    call_command("seed_demo", stdout=out)

    output = out.getvalue()
    assert "http://127.0.0.1:8000/" in output
    assert settings.DEMO_PASSWORD in output
    for role, email in demo_seed().items():
        assert f"{role} " in output
        assert email in output
