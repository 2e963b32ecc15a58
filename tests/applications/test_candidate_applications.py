"""Candidates follow their applications, see the history and may withdraw; nobody else sees them."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from applications.models import ApplicationStatus
from applications.services import application_transition
from notifications.models import Notification
from tests.factories import ApplicationFactory, CandidateFactory, EmployerStaffFactory, MentorFactory

pytestmark = pytest.mark.django_db


def detail_url(application) -> str:
    return reverse("applications:detail", kwargs={"pk": application.pk})


def withdraw_url(application) -> str:
    return reverse("applications:withdraw", kwargs={"pk": application.pk})


@pytest.fixture
def employer():
    return EmployerStaffFactory(preferred_language="en")


@pytest.fixture
def application(client, employer):
    application = ApplicationFactory(
        vacancy__title="Maler/in gesucht", vacancy__organisation=employer.membership.organisation
    )
    client.force_login(application.profile.user)
    return application


def test_the_list_shows_own_applications_with_their_status(client, application):
    ApplicationFactory(vacancy__title="Fremde Bewerbung")

    response = client.get(reverse("applications:list"))
    content = response.content.decode()

    assert "Maler/in gesucht" in content
    assert detail_url(application) in content
    assert "Fremde Bewerbung" not in content


def test_the_detail_shows_the_history_with_both_sides_steps(client, application, employer):
    application_transition(
        application=application, to_status=ApplicationStatus.INVITED, actor=employer, note="Bitte am Montag um 9 Uhr."
    )

    response = client.get(detail_url(application))
    content = response.content.decode()

    assert response.status_code == 200
    with translation.override("de"):
        assert str(ApplicationStatus.SUBMITTED.label) in content
        assert str(ApplicationStatus.INVITED.label) in content
    assert "Bitte am Montag um 9 Uhr." in content
    assert "von Ihnen" in content and "vom Arbeitgeber" in content


def test_withdrawing_records_the_note_and_tells_the_employer(
    client, application, employer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(withdraw_url(application), {"note": "Ich habe eine andere Stelle gefunden."})

    application.refresh_from_db()
    assert response.status_code == 302
    assert application.status == ApplicationStatus.WITHDRAWN
    event = application.events.last()
    assert (event.status, event.note, event.actor) == (
        ApplicationStatus.WITHDRAWN,
        "Ich habe eine andere Stelle gefunden.",
        application.profile.user,
    )
    assert Notification.objects.get(recipient=employer).kind == "application_withdrawn"
    assert [email.to for email in mail.outbox] == [[employer.email]]
    assert "was withdrawn" in mail.outbox[0].body  # the employer reads English


def test_a_final_application_cannot_be_withdrawn_again(client, application):
    client.post(withdraw_url(application), {"note": ""})

    response = client.post(withdraw_url(application), {"note": ""})

    assert response.status_code == 200
    assert response.context["withdraw_form"].non_field_errors()
    assert application.events.filter(status=ApplicationStatus.WITHDRAWN).count() == 1


def test_a_withdrawn_application_offers_no_withdraw_button(client, application):
    client.post(withdraw_url(application), {"note": ""})

    response = client.get(detail_url(application))

    assert withdraw_url(application) not in response.content.decode()


def test_a_too_long_note_is_an_error_and_nothing_changes(client, application):
    response = client.post(withdraw_url(application), {"note": "x" * 1001})

    application.refresh_from_db()
    assert response.status_code == 200
    assert response.context["withdraw_form"].errors["note"]
    assert application.status == ApplicationStatus.SUBMITTED


def test_another_candidates_application_is_not_found(client, application):
    client.force_login(CandidateFactory())

    assert client.get(detail_url(application)).status_code == 404
    assert client.post(withdraw_url(application), {"note": ""}).status_code == 404
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


@pytest.mark.parametrize("factory", [EmployerStaffFactory, MentorFactory])
def test_other_roles_cannot_open_the_candidate_pages(client, application, factory):
    client.force_login(factory())

    assert client.get(reverse("applications:list")).status_code == 403
    assert client.get(detail_url(application)).status_code == 403


def test_withdrawing_needs_a_post(client, application):
    response = client.get(withdraw_url(application))

    assert response.status_code == 405
