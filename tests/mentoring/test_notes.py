"""Notes are written and read by the mentor and the coordinators only: never the candidate, an employer,
another mentor or the coordinator of another region."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from mentoring.models import MentorshipNote
from tests.factories import ActiveMentorshipFactory, EmployerStaffFactory, MentorFactory, MentorProfileFactory

pytestmark = pytest.mark.django_db

SECRET = "Hat Angst vor dem Termin bei der Ausländerbehörde."


@pytest.fixture
def mentorship():
    mentorship = ActiveMentorshipFactory()
    MentorshipNote.objects.create(
        mentorship=mentorship, author=mentorship.mentor.user, date=datetime.date(2026, 3, 2), text=SECRET
    )
    return mentorship


def detail(client, user, mentorship):
    client.force_login(user)
    return client.get(reverse("mentoring:mentorship_detail", kwargs={"pk": mentorship.pk}))


def test_the_mentor_and_the_coordinator_of_the_region_read_the_notes(client, mentorship, coordinator):
    for reader in (mentorship.mentor.user, coordinator):
        response = detail(client, reader, mentorship)
        assert response.status_code == 200
        assert SECRET in response.content.decode()


def test_the_candidate_sees_the_mentorship_but_not_the_notes(client, mentorship):
    response = detail(client, mentorship.profile.user, mentorship)

    assert response.status_code == 200
    assert mentorship.mentor.user.email in response.content.decode()
    assert SECRET not in response.content.decode()


def test_employers_other_mentors_and_other_regions_see_nothing(client, mentorship, other_coordinator):
    other_mentor = MentorProfileFactory().user
    for outsider in (EmployerStaffFactory(), other_mentor, MentorFactory(), other_coordinator):
        response = detail(client, outsider, mentorship)
        assert response.status_code in (403, 404)
        assert SECRET not in response.content.decode()


def test_the_timeline_shows_notes_to_the_coordinator(client, mentorship, coordinator):
    client.force_login(coordinator)

    response = client.get(reverse("mentoring:timeline", kwargs={"public_id": mentorship.profile.public_id}))

    assert SECRET in response.content.decode()


def test_mentor_and_coordinator_add_dated_notes(client, mentorship, coordinator):
    url = reverse("mentoring:mentorship_note", kwargs={"pk": mentorship.pk})
    client.force_login(mentorship.mentor.user)
    client.post(url, {"date": "2026-03-05", "text": "Lebenslauf fertig."})
    client.force_login(coordinator)
    client.post(url, {"date": timezone.localdate().isoformat(), "text": "Termin beim Jobcenter vereinbart."})

    notes = list(mentorship.notes.order_by("date").values_list("author", "text"))
    assert notes[-2:] == [
        (mentorship.mentor.user.pk, "Lebenslauf fertig."),
        (coordinator.pk, "Termin beim Jobcenter vereinbart."),
    ]


def test_the_candidate_cannot_write_a_note(client, mentorship):
    client.force_login(mentorship.profile.user)

    response = client.post(
        reverse("mentoring:mentorship_note", kwargs={"pk": mentorship.pk}), {"date": "2026-03-05", "text": "Hallo"}
    )

    assert response.status_code == 403
    assert mentorship.notes.count() == 1


def test_a_note_needs_text_and_no_future_date(client, mentorship):
    client.force_login(mentorship.mentor.user)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = client.post(
        reverse("mentoring:mentorship_note", kwargs={"pk": mentorship.pk}), {"date": tomorrow.isoformat(), "text": "x"}
    )

    assert response.status_code == 400
    with translation.override("de"):
        assert translation.gettext("The date cannot be in the future.") in response.content.decode()
    assert mentorship.notes.count() == 1
