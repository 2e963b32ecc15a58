"""A course as a calendar entry: every regular session where the days and times are known, else its whole
span as days. The file itself is written by the one iCalendar writer (events.ics)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from events.ics import CalendarEntry, calendar_file

from .models import Course, CourseStatus, Delivery, Weekday

WEEKDAY_CODES = Weekday.values  # Monday first, as datetime.date.weekday() counts


def _first_session(course: Course) -> datetime.date | None:
    """The first day on or after the start on which the course meets."""
    for offset in range(7):
        day = course.start_date + datetime.timedelta(days=offset)
        if WEEKDAY_CODES[day.weekday()] in course.session_days and day <= course.end_date:
            return day
    return None


def course_location(course: Course, *, online_link: bool) -> str:
    online = course.online_url if online_link and course.online_url else _("Online")
    if course.delivery == Delivery.ONLINE:
        return online
    place = course.postal_code
    return f"{place} / {online}" if course.delivery == Delivery.HYBRID else place


def course_ics(*, course: Course, url: str, online_link: bool, now: datetime.datetime) -> str:
    """The course's calendar file; the join link only when `online_link` (participants with a seat)."""
    description = [course.description.strip(), url]
    if online_link and course.online_url:
        description.insert(1, _("Join online: %(url)s") % {"url": course.online_url})
    entry = CalendarEntry(
        uid=f"course-{course.pk}",
        summary=course.title,
        description="\n\n".join(part for part in description if part),
        location=course_location(course, online_link=online_link),
        url=url,
        start=course.start_date,
        end=course.end_date,
        cancelled=course.status == CourseStatus.CANCELLED,
    )
    first = _first_session(course) if course.session_starts and course.session_ends else None
    if first is not None:
        zone = timezone.get_default_timezone()
        entry.start = datetime.datetime.combine(first, course.session_starts, tzinfo=zone)
        entry.end = datetime.datetime.combine(first, course.session_ends, tzinfo=zone)
        entry.weekly_on = tuple(code for code in WEEKDAY_CODES if code in course.session_days)
        entry.until = datetime.datetime.combine(course.end_date, course.session_ends, tzinfo=zone)
    return calendar_file(entry=entry, now=now, product="Courses")
