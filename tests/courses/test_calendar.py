"""A course's .ics file: each regular session in Lower Saxony's time where known, its whole span otherwise, and
the join link of an online course only for participants with a seat."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from courses.models import Delivery
from tests.factories import CourseFactory, CourseRegistrationFactory, OnlineCourseFactory

pytestmark = pytest.mark.django_db


def download(client, course):
    with translation.override("de"):
        return client.get(reverse("courses:ics", kwargs={"pk": course.pk}))


def unfold(raw: str) -> dict[str, str]:
    text = raw.replace("\r\n ", "")
    return dict(line.split(":", 1) for line in text.split("\r\n") if line and not line.startswith(("BEGIN", "END")))


def test_regular_sessions_repeat_weekly_at_local_time_until_the_course_ends(client):
    monday = datetime.date(2031, 9, 1)  # a Monday, in summer time; the course runs into winter time
    course = CourseFactory(
        start_date=monday + datetime.timedelta(days=1),
        end_date=datetime.date(2031, 12, 19),
        session_days=["MO", "WE"],
        session_starts=datetime.time(9, 0),
        session_ends=datetime.time(12, 30),
    )

    response = download(client, course)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    raw = response.content.decode()
    assert "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin" in raw
    properties = unfold(raw)
    assert properties["DTSTART;TZID=Europe/Berlin"] == "20310903T090000"  # the first Wednesday after the start
    assert properties["DTEND;TZID=Europe/Berlin"] == "20310903T123000"
    assert properties["RRULE"] == "FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20311219T113000Z"
    assert properties["SUMMARY"] == course.title
    assert properties["URL"].endswith(f"/de/courses/{course.pk}/")


def test_without_known_sessions_the_course_spans_whole_days(client):
    course = CourseFactory(start_date=datetime.date(2031, 9, 1), end_date=datetime.date(2031, 9, 30))

    properties = unfold(download(client, course).content.decode())

    assert properties["DTSTART;VALUE=DATE"] == "20310901"
    assert properties["DTEND;VALUE=DATE"] == "20311001"
    assert "RRULE" not in properties


def test_the_join_link_is_only_for_participants_with_a_seat(client):
    course = OnlineCourseFactory(online_url="https://meet.example.org/deutsch-b1")
    assert "meet.example.org" not in download(client, course).content.decode()

    registration = CourseRegistrationFactory(course=course)
    client.force_login(registration.profile.user)
    raw = download(client, course).content.decode().replace("\r\n ", "")
    assert "LOCATION:https://meet.example.org/deutsch-b1" in raw
    with translation.override("de"):
        page = client.get(reverse("courses:detail", kwargs={"pk": course.pk})).content.decode()
    assert 'href="https://meet.example.org/deutsch-b1"' in page


def test_drafts_have_no_calendar_file(client):
    course = CourseFactory(status="draft")
    assert download(client, course).status_code == 404


def test_the_provider_form_checks_the_sessions():
    from courses.forms import CourseForm

    form = CourseForm(
        data={
            "kind": "integration", "title": "Kurs", "level_from": "A1", "level_to": "B1",
            "delivery": Delivery.IN_PERSON, "postal_code": "30159", "start_date": "2031-09-01",
            "end_date": "2031-12-01", "schedule": "part_time", "seats_total": "10", "cost": "free",
            "session_starts": "12:00", "session_ends": "09:00", "online_url": "https://meet.example.org/x",
        }
    )  # fmt: skip

    assert not form.is_valid()
    assert set(form.errors) >= {"session_ends", "session_days", "online_url"}
