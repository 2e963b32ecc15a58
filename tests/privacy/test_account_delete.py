"""A candidate deletes their account: every row about them and every file goes, and nothing else."""

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils.module_loading import import_string

from accounts.models import Role
from documents.models import Document
from documents.services import document_share
from portal.models import CandidateProfile, ContactGrant
from portal.services import contact_grant_give
from privacy.services import account_delete
from tests.documents.helpers import field_error, stored_files
from tests.factories import (
    FACTORY_BY_ROLE,
    TEST_PASSWORD,
    ApplicationFactory,
    CompleteCandidateProfileFactory,
    CourseRegistrationFactory,
    DocumentFactory,
    EmployerStaffFactory,
)

pytestmark = pytest.mark.django_db

User = get_user_model()


def rows_referencing(target, pks) -> dict[str, int]:
    """Rows of any model (including many-to-many tables) whose foreign key points at one of these rows."""
    found = {}
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if isinstance(field, models.ForeignKey) and field.related_model is target:
                count = model._default_manager.filter(**{f"{field.attname}__in": pks}).count()
                if count:
                    found[f"{model._meta.label}.{field.name}"] = count
    return found


@pytest.fixture
def candidate_with_everything():
    """A candidate with a profile, languages, occupations, two documents (one shared) and a contact grant."""
    profile = CompleteCandidateProfileFactory(work_permit="yes")
    employer = EmployerStaffFactory()
    organisation = employer.membership.organisation
    shared = DocumentFactory(owner=profile.user, title="Lebenslauf")
    DocumentFactory(owner=profile.user, kind="certificate", title="Zeugnis")
    document_share(document=shared, organisation=organisation)
    contact_grant_give(profile=profile, organisation=organisation, reason=ContactGrant.Reason.APPLIED)
    return profile


def test_the_confirmation_page_asks_for_the_password(client, candidate_with_everything):
    client.force_login(candidate_with_everything.user)

    page = client.get(reverse("privacy:delete_account")).content.decode()

    assert 'type="password" name="password"' in page
    assert 'autocomplete="current-password"' in page


def test_a_wrong_password_deletes_nothing(client, candidate_with_everything, django_capture_on_commit_callbacks):
    user = candidate_with_everything.user
    client.force_login(user)
    files_before = stored_files()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy:delete_account"), {"password": "not-my-password"})

    assert response.status_code == 200
    assert "Dieses Passwort ist nicht richtig." in field_error(response.content.decode(), "password")
    assert User.objects.filter(pk=user.pk).exists()
    assert CandidateProfile.objects.filter(user=user).count() == 1
    assert Document.objects.filter(owner=user).count() == 2
    assert stored_files() == files_before
    assert client.get(reverse("privacy:overview")).status_code == 200


def test_an_empty_password_deletes_nothing(client, candidate_with_everything):
    client.force_login(candidate_with_everything.user)

    response = client.post(reverse("privacy:delete_account"), {})

    assert field_error(response.content.decode(), "password")
    assert User.objects.filter(pk=candidate_with_everything.user.pk).exists()


def test_deleting_removes_every_row_and_file_and_logs_out(
    client, candidate_with_everything, django_capture_on_commit_callbacks
):
    profile = candidate_with_everything
    user = profile.user
    document_ids = list(Document.objects.filter(owner=user).values_list("pk", flat=True))
    other = DocumentFactory(title="Fremdes Dokument")
    other_files = [path for path in stored_files() if path.parent.name == str(other.owner_id)]
    client.force_login(user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy:delete_account"), {"password": TEST_PASSWORD}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("home")
    assert "Ihr Konto und alle Ihre Daten wurden gelöscht." in response.content.decode()
    assert not User.objects.filter(pk=user.pk).exists()
    assert not EmailAddress.objects.filter(email=user.email).exists()
    assert rows_referencing(User, [user.pk]) == {}
    assert rows_referencing(CandidateProfile, [profile.pk]) == {}
    assert rows_referencing(Document, document_ids) == {}
    assert stored_files() == other_files
    # The other candidate keeps everything.
    assert Document.objects.filter(pk=other.pk).exists()
    # Logged out: the candidate pages now ask to log in.
    assert client.get(reverse("privacy:overview")).url.startswith(reverse("account_login"))


def test_deleting_ends_every_session_of_the_person(client, candidate_with_everything):
    user = candidate_with_everything.user
    phone = Client()
    phone.force_login(user)
    bystander = Client()
    bystander.force_login(EmployerStaffFactory())
    client.force_login(user)

    client.post(reverse("privacy:delete_account"), {"password": TEST_PASSWORD})

    assert not Session.objects.filter(session_key=phone.session.session_key).exists()
    assert Session.objects.filter(session_key=bystander.session.session_key).exists()
    # Sessions are read from the cache first: the cached copy is gone as well.
    session_store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")
    assert not session_store().exists(phone.session.session_key)
    assert session_store().exists(bystander.session.session_key)
    assert phone.get(reverse("privacy:overview")).status_code == 302


@pytest.mark.parametrize("role", [Role.ADMIN])
def test_operators_cannot_use_the_deletion_page(client, role):
    user = FACTORY_BY_ROLE[role]()
    client.force_login(user)

    response = client.post(reverse("privacy:delete_account"), {"password": TEST_PASSWORD})

    assert response.status_code == 403
    assert User.objects.filter(pk=user.pk).exists()


def test_the_service_refuses_admin_accounts():
    admin = FACTORY_BY_ROLE[Role.ADMIN]()

    with pytest.raises(ValueError):
        account_delete(user=admin)

    assert User.objects.filter(pk=admin.pk).exists()


def test_deleting_also_removes_applications_course_registrations_and_notifications(
    client, django_capture_on_commit_callbacks
):
    application = ApplicationFactory()
    profile = application.profile
    application.documents.add(DocumentFactory(owner=profile.user))
    registration = CourseRegistrationFactory(profile=profile)
    client.force_login(profile.user)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("privacy:delete_account"), {"password": TEST_PASSWORD})

    assert rows_referencing(User, [profile.user.pk]) == {}
    assert rows_referencing(CandidateProfile, [profile.pk]) == {}
    assert not type(application).objects.filter(pk=application.pk).exists()
    assert not type(registration).objects.filter(pk=registration.pk).exists()
    # The vacancy and the course belong to others and stay.
    assert type(application.vacancy).objects.filter(pk=application.vacancy_id).exists()
    assert type(registration.course).objects.filter(pk=registration.course_id).exists()
    assert stored_files() == []
