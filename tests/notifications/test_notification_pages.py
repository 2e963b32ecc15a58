"""Everyone's notices, in the reader's language, with a small unread count in the header."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import RequestContext, Template
from django.urls import reverse
from django.utils import translation

from notifications.models import Notification
from notifications.services import notification_create, notification_mark_read, notifications_mark_all_read
from tests.factories import CandidateFactory, EmployerStaffFactory, MentorFactory

pytestmark = pytest.mark.django_db

LIST = reverse("notifications:list")


def notify(user, title="Maler/in gesucht", kind="application_withdrawn"):
    return notification_create(
        recipient=user, kind=kind, params={"title": title}, url_name="applications:list", email=False
    )


@pytest.fixture
def employer(client):
    user = EmployerStaffFactory()
    client.force_login(user)
    return user


def test_notices_are_listed_newest_first_in_the_readers_language(client, employer):
    notify(employer, title="Erste")
    notify(employer, title="Zweite")

    english = client.get("/en/notifications/").content.decode()

    assert "An application for “Zweite” was withdrawn." in english
    assert english.index("Zweite") < english.index("Erste")


def test_other_peoples_notices_are_not_listed(client, employer):
    notify(CandidateFactory(), title="Geheim")

    response = client.get(LIST)

    assert "Geheim" not in response.content.decode()
    assert "Noch keine Benachrichtigungen" in response.content.decode()


def test_marking_one_notice_read(client, employer):
    first, second = notify(employer), notify(employer)

    response = client.post(reverse("notifications:read", kwargs={"pk": first.pk}))

    first.refresh_from_db()
    second.refresh_from_db()
    assert response.status_code == 302
    assert response.url == LIST
    assert first.read_at is not None
    assert second.read_at is None


def test_opening_a_notice_marks_it_read_and_goes_to_its_page(client, employer):
    notice = notify(employer)

    response = client.post(reverse("notifications:read", kwargs={"pk": notice.pk}), {"open": "1"})

    notice.refresh_from_db()
    assert response.status_code == 302
    assert response.url == notice.link == "/de/candidate/applications/"
    assert notice.read_at is not None


def test_marking_all_notices_read(client, employer):
    notify(employer)
    notify(employer)
    others = notify(MentorFactory())

    client.post(reverse("notifications:read_all"))

    assert not Notification.objects.filter(recipient=employer, read_at__isnull=True).exists()
    others.refresh_from_db()
    assert others.read_at is None


def test_someone_elses_notice_cannot_be_marked_read(client, employer):
    foreign = notify(CandidateFactory())

    response = client.post(reverse("notifications:read", kwargs={"pk": foreign.pk}))

    foreign.refresh_from_db()
    assert response.status_code == 404
    assert foreign.read_at is None


def test_marking_read_needs_a_post(client, employer):
    notice = notify(employer)

    assert client.get(reverse("notifications:read", kwargs={"pk": notice.pk})).status_code == 405
    notice.refresh_from_db()
    assert notice.read_at is None


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(LIST)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_the_header_shows_the_unread_count(client, employer):
    notify(employer)
    notify(employer)
    notify(employer)
    read = notify(employer)
    client.post(reverse("notifications:read", kwargs={"pk": read.pk}))

    content = client.get(reverse("home")).content.decode()

    assert reverse("notifications:list") in content
    assert 'notification-badge">3<span class="visually-hidden"> ungelesen</span>' in content


def test_the_unread_badge_is_counted_once_kept_and_none_for_visitors(rf, employer, django_assert_num_queries):
    notify(employer)
    template = Template("{% load notification_tags %}[{% unread_badge %}][{% unread_badge %}]")

    def badge(count: int) -> str:
        return (
            f' <span class="badge rounded-pill notification-badge">{count}<span class="visually-hidden"> unread</span>'
            "</span>"
        )

    def rendered(user) -> str:
        request = rf.get("/")
        request.user = user
        with translation.override("en"):
            return template.render(RequestContext(request))

    with django_assert_num_queries(1):
        assert rendered(employer) == f"[{badge(1)}][{badge(1)}]"
    with django_assert_num_queries(0):
        assert rendered(employer) == f"[{badge(1)}][{badge(1)}]", "kept for the next page"
    with django_assert_num_queries(0):
        assert rendered(AnonymousUser()) == "[][]"

    second = notify(employer)
    assert rendered(employer) == f"[{badge(2)}][{badge(2)}]", "a new notice shows at once"
    notification_mark_read(notification=second)
    assert rendered(employer) == f"[{badge(1)}][{badge(1)}]", "so does one read"
    notifications_mark_all_read(recipient=employer)
    assert rendered(employer) == "[][]", "and all read at once, in bulk"
    unwanted = notify(employer)
    assert rendered(employer) == f"[{badge(1)}][{badge(1)}]"
    unwanted.delete()
    assert rendered(employer) == "[][]", "a deleted notice leaves the count too"


def test_the_header_has_no_badge_without_unread_notices(client, employer):
    content = client.get(reverse("home")).content.decode()

    assert "notification-badge" not in content


def test_anonymous_visitors_see_no_notification_link(client):
    content = client.get(reverse("home")).content.decode()

    assert reverse("notifications:list") not in content
