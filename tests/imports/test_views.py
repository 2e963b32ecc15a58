"""The import pages: who may use them, the check before the import, the column instructions, the invitation link."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from accounts.models import Invitation, Role, User
from employers.models import Organisation
from mentoring.models import MentorProfile
from tests.factories import FACTORY_BY_ROLE, TEST_PASSWORD, CoordinatorFactory
from tests.imports.conftest import STATEWIDE_CODES

pytestmark = pytest.mark.django_db

EXAMPLES = settings.BASE_DIR / "docs" / "examples"
ORGANISATIONS = (EXAMPLES / "organisationen-beispiel.csv").read_bytes()
CANDIDATES = (EXAMPLES / "kandidierende-beispiel.csv").read_bytes()
KINDS = ["organisations", "vacancies", "candidates", "mentors"]
PAGES = [
    ("imports:start", {}),
    *[(name, {"kind": kind}) for name in ("imports:columns", "imports:example") for kind in KINDS],
]


def upload(data: bytes, name="partner.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/csv")


@pytest.fixture
def coordinator(client):
    user = CoordinatorFactory(region__codes=STATEWIDE_CODES)
    client.force_login(user)
    return user


# --- Permissions -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_anonymous_visitors_are_sent_to_log_in(client, name, kwargs):
    response = client.get(reverse(name, kwargs=kwargs))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("role", [Role.CANDIDATE, Role.EMPLOYER, Role.PROVIDER, Role.MENTOR])
@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_other_roles_are_refused(client, role, name, kwargs):
    client.force_login(FACTORY_BY_ROLE[role]())

    assert client.get(reverse(name, kwargs=kwargs)).status_code == 403
    assert (
        client.post(reverse("imports:start"), {"kind": "organisations", "file": upload(ORGANISATIONS)}).status_code
        == 403
    )
    assert not Organisation.objects.filter(name="Tischlerei Meyer GmbH").exists()


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ADMIN])
@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_coordinators_and_admins_may_use_every_page(client, role, name, kwargs):
    client.force_login(FACTORY_BY_ROLE[role]())

    assert client.get(reverse(name, kwargs=kwargs)).status_code == 200


def test_an_unknown_kind_is_not_found(client, coordinator):
    assert client.get(reverse("imports:columns", kwargs={"kind": "pets"})).status_code == 404


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ADMIN])
def test_the_dashboards_link_to_the_import(client, role):
    client.force_login(FACTORY_BY_ROLE[role]())

    response = client.get(reverse("dashboard"), follow=True)

    assert reverse("imports:start") in response.content.decode()


# --- Check, then import ------------------------------------------------------------------------------------


def test_upload_shows_the_checked_rows_and_the_import_button_creates_them(client, coordinator):
    preview = client.post(reverse("imports:start"), {"kind": "organisations", "file": upload(ORGANISATIONS)})

    content = preview.content.decode()
    assert "Tischlerei Meyer GmbH" in content
    assert "UTF-8 (BOM)" in content
    assert "no-store" in preview["Cache-Control"]
    assert not Organisation.objects.exists()

    response = client.post(reverse("imports:start"), {"token": preview.context["token"]}, follow=True)

    assert Organisation.objects.count() == 5
    assert "5 Organisationen wurden importiert." in response.content.decode()


def test_upload_with_bad_rows_lists_row_column_and_reason_and_offers_no_import(client, coordinator):
    data = CANDIDATES.replace(b"30159 Hannover", b"99999").replace(b";B1;telc;", b";D7;telc;")

    response = client.post(reverse("imports:start"), {"kind": "candidates", "file": upload(data)})

    content = response.content.decode()
    assert "token" not in response.context
    assert [(e.row, e.column) for e in response.context["result"].errors] == [(2, "PLZ"), (3, "Deutschniveau")]
    assert "Die Postleitzahl 99999 ist uns nicht bekannt" in content
    assert "„D7“ ist kein Deutschniveau" in content
    assert "Nichts wurde gespeichert" in content
    assert not User.objects.filter(role=Role.CANDIDATE).exists()


def test_the_result_is_shown_in_the_readers_language_with_german_column_names(client, coordinator):
    data = CANDIDATES.replace(b";B1;telc;", b";D7;telc;")

    with translation.override("uk"):
        url = reverse("imports:start")

    response = client.post(url, {"kind": "candidates", "file": upload(data)})

    content = response.content.decode()
    assert "Deutschniveau" in content  # the column keeps its German name
    assert "Результат перевірки" in content


def test_a_tampered_import_token_is_refused(client, coordinator):
    response = client.post(reverse("imports:start"), {"token": "not-a-token"}, follow=True)

    assert response.status_code == 200
    assert not Organisation.objects.exists()


def test_a_token_of_another_user_is_refused(client, coordinator):
    token = client.post(reverse("imports:start"), {"kind": "organisations", "file": upload(ORGANISATIONS)}).context[
        "token"
    ]
    client.force_login(CoordinatorFactory())

    response = client.post(reverse("imports:start"), {"token": token})

    assert response.status_code == 403
    assert not Organisation.objects.exists()


def test_a_file_that_changed_in_the_portal_meanwhile_imports_nothing(client, coordinator):
    token = client.post(reverse("imports:start"), {"kind": "organisations", "file": upload(ORGANISATIONS)}).context[
        "token"
    ]
    Organisation.objects.create(name="Hotel am Schlossgarten")

    response = client.post(reverse("imports:start"), {"token": token})

    assert [(e.row, e.column) for e in response.context["result"].errors] == [(5, "Name")]
    assert "Der Import ist fehlgeschlagen" in response.content.decode()
    assert Organisation.objects.count() == 1


def test_kind_and_file_are_required(client, coordinator):
    response = client.post(reverse("imports:start"), {"kind": ""})

    assert set(response.context["form"].errors) == {"kind", "file"}


# --- Column instructions and example files -----------------------------------------------------------------


def test_the_column_instructions_are_in_the_readers_language_and_keep_german_column_names(client, coordinator):
    with translation.override("en"):
        english = client.get(reverse("imports:columns", kwargs={"kind": "mentors"})).content.decode()
    with translation.override("ar"):
        arabic = client.get(reverse("imports:columns", kwargs={"kind": "mentors"})).content.decode()

    assert "Anzahl Personen" in english and "Anzahl Personen" in arabic
    assert "How many people the mentor can accompany at the same time" in english
    assert "عدد الأشخاص الذين يستطيع المرشد مرافقتهم" in arabic
    assert "Job search" in english  # the meaning of the German value "Jobsuche"


def test_the_start_page_documents_every_kind_as_a_table(client, coordinator):
    content = client.get(reverse("imports:start")).content.decode()

    for heading in ["Standorte", "Angebotsart", "Deutschniveau", "Hilft bei"]:
        assert f'<code lang="de">{heading}</code>' in content
    for kind in KINDS:
        assert reverse("imports:columns", kwargs={"kind": kind}) in content


def test_the_example_file_can_be_downloaded(client, coordinator):
    response = client.get(reverse("imports:example", kwargs={"kind": "candidates"}))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "kandidierende-beispiel.csv" in response["Content-Disposition"]
    assert response.content == CANDIDATES


# --- The invitation ----------------------------------------------------------------------------------------


def _import_and_get_link(client, kind: str, address: str, django_capture_on_commit_callbacks) -> str:
    data = EXAMPLES / {"candidates": "kandidierende-beispiel.csv", "mentors": "mentorinnen-beispiel.csv"}[kind]
    token = client.post(reverse("imports:start"), {"kind": kind, "file": upload(data.read_bytes())}).context["token"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("imports:start"), {"token": token})
    message = next(message for message in mail.outbox if message.to == [address])
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def test_an_imported_candidate_sets_a_password_with_the_link_and_is_logged_in(
    client, coordinator, django_capture_on_commit_callbacks
):
    link = _import_and_get_link(client, "candidates", "olena.kovalenko@example.org", django_capture_on_commit_callbacks)
    assert link.startswith("/uk/")
    client.logout()

    page = client.get(link)
    assert "olena.kovalenko@example.org" in page.content.decode()
    response = client.post(link, {"password1": TEST_PASSWORD, "password2": TEST_PASSWORD})

    assert response.status_code == 302
    user = User.objects.get(email="olena.kovalenko@example.org")
    assert user.check_password(TEST_PASSWORD)
    assert EmailAddress.objects.get(user=user).verified
    assert client.get(reverse("dashboard")).url == reverse("portal:candidate_dashboard")
    assert Invitation.objects.get(user=user).accepted_at is not None
    assert user.candidate_profile.visible_to_employers is False

    client.logout()
    assert client.get(link).status_code == 404  # used once


def test_an_imported_mentor_sets_a_password_and_still_awaits_approval(
    client, coordinator, django_capture_on_commit_callbacks
):
    link = _import_and_get_link(client, "mentors", "thomas.becker@example.org", django_capture_on_commit_callbacks)
    client.logout()

    client.post(link, {"password1": TEST_PASSWORD, "password2": TEST_PASSWORD})

    assert client.login(email="thomas.becker@example.org", password=TEST_PASSWORD)
    assert MentorProfile.objects.get(user__email="thomas.becker@example.org").is_approved is False


def test_the_invitation_needs_matching_passwords(client, coordinator, django_capture_on_commit_callbacks):
    link = _import_and_get_link(client, "candidates", "yonas.tesfay@example.org", django_capture_on_commit_callbacks)
    client.logout()

    response = client.post(link, {"password1": TEST_PASSWORD, "password2": "something-else-entirely"})

    assert "password2" in response.context["form"].errors
    assert not User.objects.get(email="yonas.tesfay@example.org").has_usable_password()


def test_the_invitation_ends_when_a_password_was_set_another_way(
    client, coordinator, django_capture_on_commit_callbacks
):
    link = _import_and_get_link(client, "candidates", "reza.ahmadi@example.org", django_capture_on_commit_callbacks)
    client.logout()
    user = User.objects.get(email="reza.ahmadi@example.org")
    user.set_password(TEST_PASSWORD)  # as allauth's "forgot password" does
    user.save(update_fields=["password"])

    assert client.get(link).status_code == 404


def test_a_forged_invitation_link_is_not_found(client):
    assert client.get(reverse("imports:invitation_accept", kwargs={"token": "forged"})).status_code == 404
