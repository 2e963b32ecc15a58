"""The first seed into an empty database: what it refuses, what the command prints, and the e-mails it does not send.

Each test seeds on its own here (no module-wide demo): these are the things only a first seed shows.
"""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import CommandError, call_command

from accounts.models import Role, User
from applications.models import Application
from courses.models import Course, SupplyReport
from demo import services
from demo.services import demo_seed
from employers.models import Organisation, Vacancy
from notifications.models import Notification
from occupations.models import Occupation
from places.models import Region
from portal.models import CandidateProfile

pytestmark = pytest.mark.django_db


def _seeded_rows() -> dict[str, int]:
    models = [User, EmailAddress, Region, Organisation, CandidateProfile, Vacancy, Course, Application, SupplyReport]
    return {model.__name__: model.objects.count() for model in models if model.objects.exists()}


def test_seed_refuses_unknown_postal_codes_and_creates_nothing(monkeypatch):
    monkeypatch.setattr(services, "REGIONS", [*services.REGIONS, {"name": "Atlantis", "postal_codes": ["00000"]}])

    with pytest.raises(ValueError, match="00000"):
        demo_seed()

    assert _seeded_rows() == {}


def test_seed_refuses_occupations_missing_from_the_catalogue_and_creates_nothing():
    Occupation.objects.filter(kldb_code="33212").delete()

    with pytest.raises(ValueError, match="33212"):
        demo_seed()

    assert _seeded_rows() == {}


def test_command_refuses_to_run_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", stdout=StringIO())

    assert not User.objects.exists()


def test_command_runs_without_debug_when_forced(settings):
    settings.DEBUG = False

    call_command("seed_demo", "--force", stdout=StringIO())

    assert User.objects.filter(role=Role.ADMIN).exists()


def test_seeding_sends_no_email(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        demo_seed()

    assert callbacks, "the seed notified nobody, so this test proves nothing"
    assert Notification.objects.exists()
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
    assert mail.outbox == []


def test_command_prints_no_personal_data_but_the_demo_logins(settings, capfd, django_capture_on_commit_callbacks):
    settings.DEBUG = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    out = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=out)

    captured = capfd.readouterr()
    printed = out.getvalue() + captured.out + captured.err
    logins = set(demo_seed().values())
    for user in User.objects.exclude(email__in=logins):
        assert user.email not in printed
        assert f"{user.first_name} {user.last_name}" not in printed
    for email in logins:
        assert email in printed
