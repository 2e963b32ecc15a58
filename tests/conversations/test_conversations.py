"""Conversations per application and per mentorship: who may read and write, escaped plain text, attachments only
from the candidate's own documents, contact details only when the candidate shares them, notices and at most one
e-mail an hour in the reader's language, reports to the coordinators, export and deletion with the account."""

import datetime

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation

from conversations.models import Conversation, Message, Participant, Report
from conversations.selectors import thread_for_application
from conversations.services import conversation_message_notify
from documents.models import DocumentShare
from notifications.models import Notification
from privacy.selectors import candidate_data_export
from privacy.services import account_delete
from tests.factories import (
    ActiveMentorshipFactory,
    ApplicationFactory,
    CandidateProfileFactory,
    CoordinatorFactory,
    DocumentFactory,
    EmployerStaffFactory,
    MembershipFactory,
    MentorshipFactory,
)

pytestmark = pytest.mark.django_db


def url(name, language="de", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


@pytest.fixture
def application():
    application = ApplicationFactory(profile__user__preferred_language="ar")
    staff = EmployerStaffFactory(preferred_language="uk")
    staff.membership.organisation = application.vacancy.organisation
    staff.membership.save()
    application.staff = staff
    return application


def post(client, path, data=None):
    """A POST whose after-commit work (the notices) runs, as it does outside a test's transaction."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(path, data or {})


def write(client, user, application, body, **extra):
    client.force_login(user)
    return post(client, url("conversations:application", pk=application.pk), {"body": body, **extra})


def test_the_candidate_writes_and_the_staff_get_a_notice_and_an_email_in_their_language(client, application):
    candidate, staff = application.profile.user, application.staff

    response = write(client, candidate, application, "Wann kann ich anfangen?")

    assert response.status_code == 302
    [message] = Message.objects.all()
    assert message.author == candidate and message.body == "Wann kann ich anfangen?"
    [notice] = Notification.objects.filter(recipient=staff)
    assert notice.kind == "conversation_message"
    assert notice.link == url("conversations:application", "uk", pk=application.pk)
    [email] = mails_to(staff)
    assert email.extra_headers["Content-Language"] == "uk"
    assert "Wann kann ich anfangen" not in email.body  # the e-mail says there is a message, not what it says
    assert not mails_to(candidate)
    client.force_login(staff)
    page = client.get(url("conversations:application", pk=application.pk)).content.decode()
    assert "Wann kann ich anfangen?" in page


def test_at_most_one_email_per_thread_and_hour_but_a_notice_after_reading(client, application):
    staff = application.staff
    write(client, application.profile.user, application, "Erste Nachricht")
    write(client, application.profile.user, application, "Zweite Nachricht")
    assert len(mails_to(staff)) == 1
    assert Notification.objects.filter(recipient=staff).count() == 1

    # Read, then a new message: a new notice, but still no second e-mail within the hour.
    client.force_login(staff)
    conversation = Conversation.objects.get()
    client.post(url("conversations:read", pk=conversation.pk))
    write(client, application.profile.user, application, "Dritte Nachricht")
    assert Notification.objects.filter(recipient=staff).count() == 2
    assert len(mails_to(staff)) == 1

    # An hour later the next message is e-mailed again.
    later = Message.objects.create(conversation=conversation, author=application.profile.user, body="Später")
    Message.objects.filter(pk=later.pk).update(created_at=timezone.now() + datetime.timedelta(hours=1, minutes=1))
    later.refresh_from_db()
    thread = thread_for_application(user=application.profile.user, pk=application.pk)
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert conversation_message_notify(message=later, thread=thread) == 1
    assert len(mails_to(staff)) == 2


def test_outsiders_find_nothing_and_visitors_are_sent_to_log_in(client, application):
    write(client, application.profile.user, application, "Hallo")
    thread_url = url("conversations:application", pk=application.pk)
    conversation = Conversation.objects.get()
    for outsider in (
        EmployerStaffFactory(),
        CandidateProfileFactory().user,
        CoordinatorFactory(region__codes=["30159"]),
    ):
        client.force_login(outsider)
        assert client.get(thread_url).status_code == 404
        assert client.post(thread_url, {"body": "x"}).status_code == 404
        assert client.post(url("conversations:read", pk=conversation.pk)).status_code == 404
        assert client.post(url("conversations:report", pk=conversation.pk), {"reason": "x"}).status_code == 404
    client.logout()
    response = client.get(thread_url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Message.objects.count() == 1 and not Report.objects.exists()


def test_opening_a_thread_changes_nothing(client, application):
    client.force_login(application.profile.user)
    assert client.get(url("conversations:application", pk=application.pk)).status_code == 200
    assert not Conversation.objects.exists() and not Participant.objects.exists()


def test_messages_are_escaped_plain_text(client, application):
    write(client, application.profile.user, application, '<script>alert("x")</script> <b>fett</b>')
    page = client.get(url("conversations:application", pk=application.pk)).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;b&gt;fett&lt;/b&gt;" in page


def test_sending_is_rate_limited(client, application):
    for number in range(10):
        assert write(client, application.profile.user, application, f"Nachricht {number}").status_code == 302
    response = write(client, application.profile.user, application, "Noch eine")
    assert response.status_code == 400
    assert Message.objects.count() == 10


def test_the_candidate_attaches_only_own_documents_which_the_organisation_may_then_open(client, application):
    candidate, staff = application.profile.user, application.staff
    own = DocumentFactory(owner=candidate, title="Zeugnis")
    foreign = DocumentFactory(title="Fremd")

    response = write(client, candidate, application, "Mein Zeugnis", documents=[str(foreign.pk)])
    assert response.status_code == 400 and not Message.objects.exists()
    write(client, candidate, application, "Mein Zeugnis", documents=[str(own.pk)])

    [message] = Message.objects.all()
    assert list(message.documents.all()) == [own]
    assert DocumentShare.objects.filter(document=own, organisation=application.vacancy.organisation).exists()
    client.force_login(staff)
    assert client.get(url("documents:download", public_id=own.public_id)).status_code == 200
    assert client.get(url("documents:download", public_id=foreign.public_id)).status_code == 404
    # Staff cannot attach anything.
    response = write(client, staff, application, "Danke", documents=[str(own.pk)])
    assert Message.objects.count() == 2 and not Message.objects.last().documents.exists()
    assert response.status_code == 302


def test_contact_details_show_only_once_the_candidate_shares_them(client, application):
    candidate, staff = application.profile.user, application.staff
    write(client, staff, application, "Bitte kommen Sie vorbei.")
    client.force_login(staff)
    thread_url = url("conversations:application", pk=application.pk)
    assert candidate.email not in client.get(thread_url).content.decode()
    client.force_login(candidate)
    assert staff.email not in client.get(thread_url).content.decode()

    post(client, url("conversations:share_contact", pk=Conversation.objects.get().pk))

    client.force_login(staff)
    assert f"mailto:{candidate.email}" in client.get(thread_url).content.decode()
    assert client.post(url("conversations:share_contact", pk=Conversation.objects.get().pk)).status_code == 404


def test_a_report_lets_the_regions_coordinators_read_but_not_write(client, application):
    coordinator = CoordinatorFactory(region__codes=[application.profile.postal_code], preferred_language="en")
    elsewhere = CoordinatorFactory(region__codes=["49074"])
    write(client, application.profile.user, application, "Hallo")
    conversation = Conversation.objects.get()
    thread_url = url("conversations:application", pk=application.pk)

    client.force_login(application.profile.user)
    response = post(client, url("conversations:report", pk=conversation.pk), {"reason": "Man verlangt Geld."})

    assert response.status_code == 302
    assert Report.objects.get().reason == "Man verlangt Geld."
    [notice] = Notification.objects.filter(recipient=coordinator)
    assert notice.kind == "conversation_reported"
    assert len(mails_to(coordinator)) == 1
    again = post(client, url("conversations:report", pk=conversation.pk), {"reason": "Noch einmal."})
    assert again.status_code == 200 and Report.objects.count() == 1  # once a day is enough
    client.force_login(coordinator)
    assert "Hallo" in client.get(thread_url).content.decode()
    assert client.post(thread_url, {"body": "Ich schreibe mit"}).status_code == 404
    client.force_login(elsewhere)
    assert client.get(thread_url).status_code == 404


def test_a_mentorship_thread_opens_when_both_said_yes_and_coordinators_of_the_region_read_it(client):
    proposed = MentorshipFactory()
    client.force_login(proposed.profile.user)
    assert client.get(url("conversations:mentorship", pk=proposed.pk)).status_code == 404

    mentorship = ActiveMentorshipFactory()
    coordinator = CoordinatorFactory(region__codes=[mentorship.profile.postal_code])
    client.force_login(mentorship.profile.user)
    post(client, url("conversations:mentorship", pk=mentorship.pk), {"body": "Hallo Mentor"})
    client.force_login(mentorship.mentor.user)
    page = client.get(url("conversations:mentorship", pk=mentorship.pk)).content.decode()
    assert "Hallo Mentor" in page
    [notice] = Notification.objects.filter(recipient=mentorship.mentor.user)
    assert notice.kind == "conversation_message_mentorship"
    client.force_login(coordinator)
    assert "Hallo Mentor" in client.get(url("conversations:mentorship", pk=mentorship.pk)).content.decode()
    assert client.post(url("conversations:mentorship", pk=mentorship.pk), {"body": "x"}).status_code == 404


def test_messages_are_in_the_data_export_and_go_with_the_account(client, application):
    write(client, application.profile.user, application, "Meine Frage")
    write(client, application.staff, application, "Unsere Antwort")

    [thread] = candidate_data_export(user=application.profile.user)["conversations"]
    assert [entry["text"] for entry in thread["messages"]] == ["Meine Frage", "Unsere Antwort"]
    assert application.staff.first_name not in str(thread)

    account_delete(user=application.profile.user)
    assert not Message.objects.exists() and not Conversation.objects.exists()


def test_staff_of_the_organisation_all_hear_of_a_message_but_not_its_author(client, application):
    colleague = MembershipFactory(organisation=application.vacancy.organisation).user
    write(client, application.staff, application, "Wir melden uns.")
    assert Notification.objects.filter(recipient=colleague).count() == 1
    assert Notification.objects.filter(recipient=application.profile.user).count() == 1
    assert not Notification.objects.filter(recipient=application.staff).exists()
