"""An event as an iCalendar file (RFC 5545), so people can add it to the calendar on their phone."""

from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from places.selectors import postal_code_label

from .models import Event, EventStatus

CRLF = "\r\n"
MAX_LINE_OCTETS = 75


def ics_escape(text: str) -> str:
    """TEXT values escape backslash, semicolon and comma, and write line breaks as \\n (RFC 5545, 3.3.11)."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def ics_fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets; a continuation starts with one space (3.1).

    Never splits a UTF-8 character, so Arabic or Ukrainian titles stay readable.
    """
    pieces, current, limit = [], b"", MAX_LINE_OCTETS
    for character in line:
        encoded = character.encode("utf-8")
        if len(current) + len(encoded) > limit:
            pieces.append(current.decode("utf-8"))
            current, limit = b"", MAX_LINE_OCTETS - 1
        current += encoded
    pieces.append(current.decode("utf-8"))
    return (CRLF + " ").join(pieces)


def ics_datetime(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_location(event: Event, *, online_link: bool) -> str:
    if event.online:
        return event.online_url if online_link and event.online_url else _("Online")
    # In German, as on the signs and in a map app.
    place = postal_code_label(postal_code=event.postal_code, language="de")
    return ", ".join(part for part in (event.address, place) if part)


def event_ics(*, event: Event, url: str, online_link: bool, now: datetime) -> str:
    """The whole calendar file as text with CRLF line endings; `url` is the absolute address of the event page."""
    host = urlsplit(settings.SITE_URL).hostname or "bruecke"
    description = "\n\n".join(part for part in (event.description.strip(), url) if part)
    properties = [
        ("UID", f"{event.uid}@{host}"),
        ("DTSTAMP", ics_datetime(now)),
        ("DTSTART", ics_datetime(event.starts_at)),
        ("DTEND", ics_datetime(event.ends_at)),
        ("SUMMARY", ics_escape(event.title)),
        ("DESCRIPTION", ics_escape(description)),
        ("LOCATION", ics_escape(event_location(event, online_link=online_link))),
        ("URL", url),
        ("STATUS", "CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED"),
    ]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Bruecke//Events//DE",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        *(f"{name}:{value}" for name, value in properties),
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(ics_fold(line) + CRLF for line in lines)
