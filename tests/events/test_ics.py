"""The calendar file follows RFC 5545: CRLF lines of at most 75 octets, UTC times, escaped text."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from events.ics import ics_escape, ics_fold
from tests.factories import (
    CandidateFactory,
    DraftEventFactory,
    EventFactory,
    EventRegistrationFactory,
    OnlineEventFactory,
)

pytestmark = pytest.mark.django_db


def download(client, event):
    with translation.override("de"):
        return client.get(reverse("events:ics", kwargs={"pk": event.pk}))


def unfold(raw: str) -> dict[str, str]:
    """The calendar's properties by name, after undoing the line folding."""
    text = raw.replace("\r\n ", "")
    return dict(line.split(":", 1) for line in text.split("\r\n") if line)


def test_the_calendar_file_is_a_valid_vevent_with_utc_times(client, settings):
    settings.SITE_URL = "https://bruecke.example"
    berlin = timezone.get_default_timezone()
    starts = datetime.datetime(2031, 7, 3, 10, 0, tzinfo=berlin)
    event = EventFactory(starts_at=starts, ends_at=starts + datetime.timedelta(hours=3), address="Rathaus")

    response = download(client, event)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="event-{event.pk}.ics"'
    raw = response.content.decode("utf-8")
    assert raw.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    assert raw.endswith("END:VEVENT\r\nEND:VCALENDAR\r\n")
    assert "\n" not in raw.replace("\r\n", "")
    properties = unfold(raw)
    assert properties["UID"] == f"{event.uid}@bruecke.example"
    assert properties["DTSTART"] == "20310703T080000Z"  # 10:00 summer time in Berlin
    assert properties["DTEND"] == "20310703T110000Z"
    assert properties["DTSTAMP"].endswith("Z") and len(properties["DTSTAMP"]) == 16
    assert properties["SUMMARY"] == event.title
    assert properties["LOCATION"] == "Rathaus\\, 30159 Hannover"
    assert properties["STATUS"] == "CONFIRMED"
    assert properties["URL"] == f"https://bruecke.example/de/events/{event.pk}/"


def test_long_multilingual_lines_are_folded_at_75_octets_without_breaking_a_character(client):
    title = "Ярмарка вакансій для жінок з дітьми; معرض الوظائف للنساء, mit Kinderbetreuung " * 2
    event = EventFactory(title=title.strip(), description="Erste Zeile\nZweite Zeile, mit Komma")

    raw = download(client, event).content.decode("utf-8")

    lines = raw.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert any(line.startswith(" ") for line in lines)
    properties = unfold(raw)
    assert properties["SUMMARY"] == ics_escape(title.strip())
    assert properties["DESCRIPTION"].startswith("Erste Zeile\\nZweite Zeile\\, mit Komma\\n\\nhttp://")


def test_text_escapes_backslash_semicolon_comma_and_line_breaks():
    assert ics_escape("a\\b;c,d\r\ne\nf") == "a\\\\b\\;c\\,d\\ne\\nf"


def test_folding_keeps_short_lines_and_marks_continuations_with_one_space():
    assert ics_fold("SUMMARY:kurz") == "SUMMARY:kurz"
    folded = ics_fold("DESCRIPTION:" + "ä" * 80)
    pieces = folded.split("\r\n")
    # 12 octets of name, then two octets per "ä": the first line stops at 74 rather than split a character.
    assert [len(piece.encode()) for piece in pieces] == [74, 75, 25]
    assert "".join(piece.removeprefix(" ") for piece in pieces) == "DESCRIPTION:" + "ä" * 80
    assert pieces[1].startswith(" ") and not pieces[1].startswith("  ")


def test_the_meeting_link_is_in_the_file_only_for_people_with_a_place(client):
    event = OnlineEventFactory()
    registered = EventRegistrationFactory(event=event).user

    anonymous = unfold(download(client, event).content.decode())
    client.force_login(registered)
    own = unfold(download(client, event).content.decode())

    assert anonymous["LOCATION"] == "Online"
    assert event.online_url not in str(anonymous)
    assert own["LOCATION"] == ics_escape(event.online_url)


def test_a_cancelled_event_is_marked_cancelled_and_a_draft_has_no_file(client):
    cancelled = EventFactory(status="cancelled")
    client.force_login(CandidateFactory())

    assert unfold(download(client, cancelled).content.decode())["STATUS"] == "CANCELLED"
    assert download(client, DraftEventFactory()).status_code == 404
