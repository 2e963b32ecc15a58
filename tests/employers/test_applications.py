"""The employer's side of applications: the pipeline per vacancy, one application with who applied, the
history and the next steps; every step is recorded and the candidate is told in their own language."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from applications.models import Application, ApplicationEvent, ApplicationStatus
from applications.services import application_submit
from notifications.models import Notification
from tests.factories import (
    ApplicationFactory,
    CompleteCandidateProfileFactory,
    DocumentFactory,
    EmployerStaffFactory,
    PublishedVacancyFactory,
)

from .helpers import colleague_of, error_summary, text_of, url

pytestmark = pytest.mark.django_db

ARABIC = re.compile(r"[\u0600-\u06FF]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


@pytest.fixture
def employer(client):
    user = EmployerStaffFactory(first_name="Petra", last_name="Schulz")
    client.force_login(user)
    return user


@pytest.fixture
def vacancy(employer):
    return PublishedVacancyFactory(organisation=employer.membership.organisation, title="Maler/in in Hannover")


def apply(vacancy, *, language="de", **profile_fields):
    profile = CompleteCandidateProfileFactory(user__preferred_language=language, **profile_fields)
    return ApplicationFactory(vacancy=vacancy, profile=profile)


def test_the_vacancy_page_shows_the_pipeline_by_status_with_counts_and_names(client, vacancy):
    apply(vacancy, user__first_name="Amal", user__last_name="Haddad")
    apply(vacancy, user__first_name="Oleh", user__last_name="Koval")
    ApplicationFactory(vacancy=vacancy, status=ApplicationStatus.INVITED, profile__user__first_name="Yusuf")
    ApplicationFactory(vacancy=PublishedVacancyFactory(), profile__user__first_name="Fremd")

    response = client.get(url("vacancy_detail", pk=vacancy.pk))

    content = response.content.decode()
    submitted = re.search(r'id="status-submitted"[^>]*>(.*?)</section>', content, re.DOTALL).group(1)
    invited = re.search(r'id="status-invited"[^>]*>(.*?)</section>', content, re.DOTALL).group(1)
    hired = re.search(r'id="status-hired"[^>]*>(.*?)</section>', content, re.DOTALL).group(1)
    assert "Eingereicht" in submitted and ">2</span>" in submitted
    assert "Amal Haddad" in submitted and "Oleh Koval" in submitted
    assert "Yusuf" in invited and ">1</span>" in invited
    assert ">0</span>" in hired
    assert "3 Bewerbungen" in text_of(response)
    assert "Fremd" not in content


def test_marking_a_new_application_seen_tells_the_candidate_in_ukrainian(
    client, employer, vacancy, django_capture_on_commit_callbacks
):
    application = apply(vacancy, language="uk")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("application_detail", pk=application.pk), {"to_status": "seen"})

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SEEN
    seen = application.events.get(status=ApplicationStatus.SEEN)
    assert seen.actor == employer
    candidate_mail = [m for m in mail.outbox if m.to == [application.profile.user.email]]
    assert len(candidate_mail) == 1
    assert candidate_mail[0].extra_headers["Content-Language"] == "uk"
    assert "Переглянуто роботодавцем" in candidate_mail[0].subject
    assert "Maler/in in Hannover" in candidate_mail[0].subject
    assert "Вітаємо" in candidate_mail[0].body
    assert Notification.objects.filter(recipient=application.profile.user, kind="application_status_changed").exists()


def test_opening_an_application_changes_nothing_and_tells_nobody(
    client, vacancy, django_capture_on_commit_callbacks
):
    """A GET must not change state: a link on another site could otherwise "open" applications (issue 12)."""
    application = apply(vacancy)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(url("application_detail", pk=application.pk))

    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.events.count() == 1
    assert mail.outbox == []
    assert 'name="to_status" value="seen"' in response.content.decode()


def test_the_application_page_shows_who_applied_their_message_documents_and_history(client, employer, vacancy):
    profile = CompleteCandidateProfileFactory(
        user__first_name="Amal", user__last_name="Haddad", user__email="amal.haddad@example.org"
    )
    cv = DocumentFactory(owner=profile.user, title="Lebenslauf Amal")
    DocumentFactory(owner=profile.user, title="Nicht geteilt")
    application = application_submit(profile=profile, vacancy=vacancy, message="Ich streiche gern.", documents=[cv])
    client.post(url("application_detail", pk=application.pk), {"to_status": "seen"})

    response = client.get(url("application_detail", pk=application.pk))

    page = text_of(response)
    content = response.content.decode()
    assert "Amal Haddad" in page
    assert 'href="mailto:amal.haddad@example.org"' in content
    assert "Ich streiche gern." in page
    assert f'href="{reverse("documents:download", kwargs={"public_id": cv.public_id})}"' in content
    assert "Lebenslauf Amal" in page
    assert "Nicht geteilt" not in page
    assert "Arbeitserlaubnis" not in page
    assert "Eingereicht" in page and "von der Bewerberin oder dem Bewerber" in page
    assert "Vom Arbeitgeber gesehen" in page and "von Petra Schulz" in page
    assert reverse("employers:candidate_detail", args=[profile.public_id]) in content


def test_the_page_offers_exactly_the_allowed_next_steps(client, vacancy):
    application = apply(vacancy)

    content = client.get(url("application_detail", pk=application.pk)).content.decode()

    buttons = re.findall(r'<button type="submit" name="to_status" value="(\w+)"', content)
    assert buttons == ["seen", "invited", "declined"]


def test_employer_invites_agrees_and_hires_and_every_step_is_in_the_history(
    client, employer, vacancy, django_capture_on_commit_callbacks
):
    application = apply(vacancy, language="ar")
    client.post(url("application_detail", pk=application.pk), {"to_status": "seen"})
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("application_detail", pk=application.pk),
            {"to_status": "invited", "note": "Gespräch am Montag um 10 Uhr."},
        )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.INVITED
    event = application.events.get(status=ApplicationStatus.INVITED)
    assert (event.actor, event.note) == (employer, "Gespräch am Montag um 10 Uhr.")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [application.profile.user.email]
    assert message.extra_headers["Content-Language"] == "ar"
    assert "تمت الدعوة" in message.subject
    assert ARABIC.search(message.body) and "مرحبًا" in message.body
    assert "Gespräch" not in message.body  # no content of the employer's note, only a link

    client.post(url("application_detail", pk=application.pk), {"to_status": "agreed"})
    client.post(url("application_detail", pk=application.pk), {"to_status": "hired", "note": "Willkommen!"})

    application.refresh_from_db()
    assert application.status == ApplicationStatus.HIRED
    assert list(application.events.values_list("status", flat=True)) == [
        "submitted",
        "seen",
        "invited",
        "agreed",
        "hired",
    ]
    page = text_of(client.get(url("application_detail", pk=application.pk)))
    assert "Gespräch am Montag um 10 Uhr." in page and "Willkommen!" in page
    assert "Diese Bewerbung ist abgeschlossen („Eingestellt“)." in page


@pytest.mark.parametrize(
    ("status", "step"),
    [
        (ApplicationStatus.SUBMITTED, "hired"),
        (ApplicationStatus.SUBMITTED, "withdrawn"),
        (ApplicationStatus.SEEN, "agreed"),
        (ApplicationStatus.DECLINED, "invited"),
        (ApplicationStatus.WITHDRAWN, "invited"),
        (ApplicationStatus.HIRED, "declined"),
        (ApplicationStatus.INVITED, "nonsense"),
    ],
)
def test_a_step_that_is_not_allowed_is_refused_with_a_clear_error_and_recorded_nowhere(
    client, vacancy, status, step, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(vacancy=vacancy, status=status)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("application_detail", pk=application.pk), {"to_status": step})

    assert response.status_code == 200
    assert "Dieser Schritt ist für die Bewerbung nicht mehr möglich." in error_summary(response)
    assert Application.objects.get(pk=application.pk).status == status
    assert ApplicationEvent.objects.filter(application=application).count() == 1
    assert mail.outbox == []


def test_an_over_long_note_is_refused_and_nothing_changes(client, vacancy):
    application = ApplicationFactory(vacancy=vacancy, status=ApplicationStatus.SEEN)

    response = client.post(url("application_detail", pk=application.pk), {"to_status": "invited", "note": "x" * 1001})

    assert response.status_code == 200
    assert "höchstens 1000 Zeichen" in error_summary(response)
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.SEEN


def test_a_colleague_of_the_same_organisation_works_on_the_same_applications(client, employer, vacancy):
    application = apply(vacancy)
    colleague = colleague_of(employer, first_name="Jonas", last_name="Berg")
    client.force_login(colleague)

    client.post(url("application_detail", pk=application.pk), {"to_status": "declined", "note": "Leider besetzt."})

    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECLINED
    assert application.events.get(status=ApplicationStatus.DECLINED).actor == colleague


def test_the_candidate_is_told_in_russian_when_declined(client, vacancy, django_capture_on_commit_callbacks):
    application = ApplicationFactory(
        vacancy=vacancy, status=ApplicationStatus.SEEN, profile__user__preferred_language="ru"
    )

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("application_detail", pk=application.pk), {"to_status": "declined"})

    assert len(mail.outbox) == 1
    assert mail.outbox[0].extra_headers["Content-Language"] == "ru"
    assert CYRILLIC.search(mail.outbox[0].subject) and "Отказано" in mail.outbox[0].subject
