"""Events and courses as iCalendar files (RFC 5545), so people can add them to the calendar on their phone.

`calendar_file` writes any one entry (the courses use it too); `event_ics` is the event's entry.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

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


def ics_local(moment: datetime) -> str:
    """A wall-clock time in Lower Saxony, for entries that repeat (their time stays put across summer time)."""
    return moment.strftime("%Y%m%dT%H%M%S")


# Germany's time zone as RFC 5545 wants it spelt out next to a TZID (summer time from the last Sunday of March
# to the last Sunday of October, since 1996).
BERLIN = "Europe/Berlin"
BERLIN_VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{BERLIN}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]


@dataclass
class CalendarEntry:
    """One VEVENT. `start`/`end` are aware datetimes, or dates for an entry that lasts whole days (`end` is the
    last day). With `weekly_on` (RFC 5545 day codes such as "MO") the entry repeats each week until `until`."""

    uid: str
    summary: str
    description: str
    location: str
    url: str
    start: datetime | date
    end: datetime | date
    cancelled: bool = False
    weekly_on: tuple[str, ...] = ()
    until: datetime | None = None


def calendar_file(*, entry: CalendarEntry, now: datetime, product: str = "Events") -> str:
    """The whole calendar file as text with CRLF line endings."""
    host = urlsplit(settings.SITE_URL).hostname or "bruecke"
    timezone_lines = []
    if isinstance(entry.start, datetime) and entry.weekly_on:
        berlin = ZoneInfo(BERLIN)
        timing = [
            (f"DTSTART;TZID={BERLIN}", ics_local(entry.start.astimezone(berlin))),
            (f"DTEND;TZID={BERLIN}", ics_local(entry.end.astimezone(berlin))),
            ("RRULE", f"FREQ=WEEKLY;BYDAY={','.join(entry.weekly_on)};UNTIL={ics_datetime(entry.until)}"),
        ]
        timezone_lines = BERLIN_VTIMEZONE
    elif isinstance(entry.start, datetime):
        timing = [("DTSTART", ics_datetime(entry.start)), ("DTEND", ics_datetime(entry.end))]
    else:
        # Whole days: the end is exclusive, the day after the last one.
        timing = [
            ("DTSTART;VALUE=DATE", entry.start.strftime("%Y%m%d")),
            ("DTEND;VALUE=DATE", (entry.end + timedelta(days=1)).strftime("%Y%m%d")),
        ]
    properties = [
        ("UID", f"{entry.uid}@{host}"),
        ("DTSTAMP", ics_datetime(now)),
        *timing,
        ("SUMMARY", ics_escape(entry.summary)),
        ("DESCRIPTION", ics_escape(entry.description)),
        ("LOCATION", ics_escape(entry.location)),
        ("URL", entry.url),
        ("STATUS", "CANCELLED" if entry.cancelled else "CONFIRMED"),
    ]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Bruecke//{product}//DE",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        *timezone_lines,
        "BEGIN:VEVENT",
        *(f"{name}:{value}" for name, value in properties),
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(ics_fold(line) + CRLF for line in lines)


def event_location(event: Event, *, online_link: bool) -> str:
    if event.online:
        return event.online_url if online_link and event.online_url else _("Online")
    # In German, as on the signs and in a map app.
    place = postal_code_label(postal_code=event.postal_code, language="de")
    return ", ".join(part for part in (event.address, place) if part)


def event_ics(*, event: Event, url: str, online_link: bool, now: datetime) -> str:
    """The event's calendar file; `url` is the absolute address of the event page."""
    entry = CalendarEntry(
        uid=str(event.uid),
        summary=event.title,
        description="\n\n".join(part for part in (event.description.strip(), url) if part),
        location=event_location(event, online_link=online_link),
        url=url,
        start=event.starts_at,
        end=event.ends_at,
        cancelled=event.status == EventStatus.CANCELLED,
    )
    return calendar_file(entry=entry, now=now)
