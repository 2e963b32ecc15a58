"""Candidates apply or show interest: the profile and chosen documents go to that employer only."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from applications.models import Application, ApplicationEvent, ApplicationKind, ApplicationStatus
from documents.models import DocumentShare
from notifications.models import Notification
from portal.models import ContactGrant
from tests.factories import (
    CandidateProfileFactory,
    CompleteCandidateProfileFactory,
    CoordinatorFactory,
    DocumentFactory,
    DraftVacancyFactory,
    EmployerStaffFactory,
    MentorFactory,
    PublishedVacancyFactory,
)

pytestmark = pytest.mark.django_db


def apply_url(vacancy) -> str:
    return reverse("applications:apply", kwargs={"pk": vacancy.pk})


@pytest.fixture
def employer():
    return EmployerStaffFactory(preferred_language="tr")


@pytest.fixture
def vacancy(employer):
    return PublishedVacancyFactory(title="Maler/in gesucht", organisation=employer.membership.organisation)


@pytest.fixture
def candidate_profile(client):
    profile = CompleteCandidateProfileFactory()
    client.force_login(profile.user)
    return profile


def test_detail_page_offers_the_apply_form_with_own_documents_only(client, vacancy, candidate_profile):
    DocumentFactory(owner=candidate_profile.user, title="Mein Lebenslauf")
    DocumentFactory(title="Fremdes Zeugnis")

    response = client.get(reverse("vacancies:detail", kwargs={"pk": vacancy.pk}))
    content = response.content.decode()

    assert apply_url(vacancy) in content
    assert "Mein Lebenslauf" in content
    assert "Fremdes Zeugnis" not in content
    assert vacancy.organisation.name in content  # the statement names who receives the profile


def test_applying_shares_profile_and_chosen_documents_with_that_employer_only(
    client, vacancy, employer, candidate_profile, django_capture_on_commit_callbacks
):
    chosen = DocumentFactory(owner=candidate_profile.user, title="Lebenslauf")
    not_chosen = DocumentFactory(owner=candidate_profile.user, title="Zeugnis")
    other_organisation_vacancy = PublishedVacancyFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            apply_url(vacancy),
            {"kind": ApplicationKind.APPLICATION, "message": "Ich habe 5 Jahre Erfahrung.", "documents": [chosen.pk]},
        )

    application = Application.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("applications:detail", kwargs={"pk": application.pk})
    assert (application.profile, application.vacancy, application.kind) == (
        candidate_profile,
        vacancy,
        ApplicationKind.APPLICATION,
    )
    assert application.message == "Ich habe 5 Jahre Erfahrung."
    assert list(application.documents.all()) == [chosen]
    assert list(DocumentShare.objects.values_list("document", "organisation")) == [(chosen.pk, vacancy.organisation_id)]
    assert not DocumentShare.objects.filter(document=not_chosen).exists()
    assert ContactGrant.objects.filter(profile=candidate_profile, organisation=vacancy.organisation).exists()
    assert not ContactGrant.objects.filter(organisation=other_organisation_vacancy.organisation).exists()
    assert list(application.events.values_list("status", flat=True)) == [ApplicationStatus.SUBMITTED]

    notice = Notification.objects.get(recipient=employer)
    assert notice.kind == "application_submitted"
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [employer.email]
    assert email.extra_headers["Content-Language"] == "tr"
    with translation.override("tr"):
        turkish = translation.gettext("New application for “%(title)s”.") % {"title": vacancy.title}
    assert turkish != f"New application for “{vacancy.title}”."
    assert turkish in email.body


def test_expressing_interest_without_documents(client, vacancy, candidate_profile):
    response = client.post(apply_url(vacancy), {"kind": ApplicationKind.INTEREST, "message": ""})

    application = Application.objects.get()
    assert response.status_code == 302
    assert application.kind == ApplicationKind.INTEREST
    assert application.documents.count() == 0
    assert Notification.objects.get().kind == "interest_submitted"


def test_the_application_page_confirms_what_was_sent(client, vacancy, candidate_profile):
    document = DocumentFactory(owner=candidate_profile.user, title="Lebenslauf 2025")
    response = client.post(
        apply_url(vacancy), {"kind": ApplicationKind.APPLICATION, "documents": [document.pk]}, follow=True
    )
    content = response.content.decode()

    assert "Lebenslauf 2025" in content
    assert "Maler/in gesucht" in content
    with translation.override("de"):
        assert str(ApplicationStatus.SUBMITTED.label) in content


def test_applying_twice_leads_to_the_first_application(client, vacancy, candidate_profile):
    client.post(apply_url(vacancy), {"kind": ApplicationKind.APPLICATION})
    first = Application.objects.get()

    response = client.post(apply_url(vacancy), {"kind": ApplicationKind.INTEREST}, follow=True)

    assert Application.objects.count() == 1
    assert response.redirect_chain[-1][0] == reverse("applications:detail", kwargs={"pk": first.pk})
    assert "Sie haben sich bereits auf dieses Angebot beworben" in response.content.decode()


def test_the_detail_page_says_you_already_applied(client, vacancy, candidate_profile):
    client.post(apply_url(vacancy), {"kind": ApplicationKind.APPLICATION})

    response = client.get(reverse("vacancies:detail", kwargs={"pk": vacancy.pk}))
    content = response.content.decode()

    assert apply_url(vacancy) not in content
    assert reverse("applications:detail", kwargs={"pk": Application.objects.get().pk}) in content


def test_applying_to_a_draft_is_refused(client, candidate_profile):
    draft = DraftVacancyFactory()

    response = client.post(apply_url(draft), {"kind": ApplicationKind.APPLICATION})

    assert response.status_code == 404
    assert not Application.objects.exists()
    assert not ContactGrant.objects.exists()


def test_a_too_long_message_is_an_error_next_to_the_field_and_nothing_is_saved(client, vacancy, candidate_profile):
    document = DocumentFactory(owner=candidate_profile.user)

    response = client.post(
        apply_url(vacancy), {"kind": ApplicationKind.APPLICATION, "message": "x" * 2001, "documents": [document.pk]}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["message"]
    assert "error-summary" in response.content.decode()
    assert not Application.objects.exists()
    assert not DocumentShare.objects.exists()
    assert not ContactGrant.objects.exists()
    assert not Notification.objects.exists()


def test_someone_elses_document_cannot_be_shared(client, vacancy, candidate_profile):
    DocumentFactory(owner=candidate_profile.user)
    foreign = DocumentFactory()

    response = client.post(apply_url(vacancy), {"kind": ApplicationKind.APPLICATION, "documents": [foreign.pk]})

    assert response.status_code == 200
    assert response.context["form"].errors["documents"]
    assert not Application.objects.exists()
    assert not DocumentShare.objects.exists()


def test_an_unknown_kind_is_an_error(client, vacancy, candidate_profile):
    response = client.post(apply_url(vacancy), {"kind": "marriage"})

    assert response.context["form"].errors["kind"]
    assert not Application.objects.exists()


def test_a_candidate_without_a_profile_yet_can_apply(client, vacancy):
    profile = CandidateProfileFactory()
    client.force_login(profile.user)

    response = client.post(apply_url(vacancy), {"kind": ApplicationKind.INTEREST})

    assert response.status_code == 302
    assert Application.objects.get().profile == profile


@pytest.mark.parametrize("factory", [EmployerStaffFactory, MentorFactory, CoordinatorFactory])
def test_other_roles_cannot_apply(client, vacancy, factory):
    client.force_login(factory())

    response = client.post(apply_url(vacancy), {"kind": ApplicationKind.APPLICATION})

    assert response.status_code == 403
    assert not Application.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, vacancy):
    response = client.post(apply_url(vacancy), {"kind": ApplicationKind.APPLICATION})

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Application.objects.exists()


def test_the_apply_page_works_without_javascript(client, vacancy, candidate_profile):
    response = client.get(apply_url(vacancy))

    assert response.status_code == 200
    assert '<form method="post" action="' + apply_url(vacancy) in response.content.decode()
    assert not ApplicationEvent.objects.exists()
