"""The reasons of a match in words, in the reader's language, from the stored parts of its score.

Rendered when a page is shown (in the active language), never stored, so a candidate reading Arabic and an
employer reading German see the same match explained each in their own language. Candidates are addressed
("your German A2 – B1 needed"); employers and coordinators read about the candidate ("German A2 – B1 needed").
Parts that only fill up the score (nothing asked, nothing to say) give no reason.

Order: what stands in the way first (a German gap before anything else), then what the candidate must hurry
for, then the strengths, strongest first. A card shows the first `CARD_REASONS`, the detail page all.
"""

import datetime

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from common.vocabulary import SPOKEN_LANGUAGES, GermanLevel, OfferKind
from courses.models import CourseSubject
from mentoring.models import HelpTopic

from .engine import band

# Lazy labels: read in the reader's language when a reason is written.
_SUBJECT_LABELS = dict(CourseSubject.choices)

CANDIDATE = "candidate"
CARD_REASONS = 5
EMPLOYER = "employer"
COORDINATOR = "coordinator"


def _date(value: str) -> str:
    return formats.date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")


def _km(value) -> int:
    return max(1, round(value or 0))


def _offer_kind(value: str) -> str:
    return str(dict(OfferKind.choices).get(value, value))


def _course_kind(value: str) -> str:
    from courses.models import CourseKind

    return str(dict(CourseKind.choices).get(value, value))


def _occupation_same(params, you):
    years = params.get("years") or 0
    if not years:
        return _("same occupation")
    return ngettext(
        "same occupation, %(years)s year of experience", "same occupation, %(years)s years of experience", years
    ) % {"years": years}


def _german_enough(params, you):
    if you:
        return _("your German %(have)s is enough (%(need)s needed)") % params
    return _("German %(have)s, %(need)s needed") % params


def _german_gap(params, you):
    if params["have"] == GermanLevel.NONE:
        if you:
            return _("you have no German yet – %(need)s needed") % params
        return _("no German yet – %(need)s needed") % params
    if you:
        return _("your German %(have)s – %(need)s needed") % params
    return _("German %(have)s – %(need)s needed") % params


def _distance(params, you):
    values = {"km": _km(params.get("km"))}
    transport = params.get("transport")
    if transport == "car":
        return _("%(km)s km by car") % values
    if transport == "public":
        return _("%(km)s km by public transport") % values
    return _("%(km)s km away") % values


def _kind_wanted(params, you):
    values = {"kind": _offer_kind(params["kind"])}
    if you:
        return _("you look for: %(kind)s") % values
    return _("looks for: %(kind)s") % values


def _hours_fit(params, you):
    if you:
        return _("%(hours)s hours a week, as you wish") % params
    return _("wants %(wanted)s hours a week") % params


def _hours_other(params, you):
    if you:
        return _("%(hours)s hours a week, you want %(wanted)s") % params
    return _("wants %(wanted)s hours a week, %(hours)s offered") % params


def _start_fit(params, you):
    return _("starts when you can") if you else _("can start in time")


def _start_early(params, you):
    values = {"start": _date(params["start"]), "available": _date(params["available"])}
    if you:
        return _("starts %(start)s, you can from %(available)s") % values
    return _("can start from %(available)s, the offer starts %(start)s") % values


def _childcare_missing(params, you):
    return _("no childcare offered") if you else _("needs childcare, none offered")


def _shift_ok(params, you):
    return _("shift work, which you can do") if you else _("can work shifts")


def _shift_unknown(params, you):
    return _("shift work (you have not said whether you can)") if you else _("shift work (not said whether possible)")


def _shift_not_possible(params, you):
    return _("shift work, which you said you cannot do") if you else _("cannot work shifts")


def _licence_ok(params, you):
    values = {"classes": ", ".join(params.get("classes") or ())}
    if you:
        return _("driving licence %(classes)s needed – you have it") % values
    return _("has driving licence %(classes)s, as required") % values


def _recognition_ok(params, you):
    if you:
        return _("recognised qualification needed – yours is recognised")
    return _("qualification recognised in Germany, as required")


def _closes_soon(params, you):
    return _("open only until %(date)s – apply soon") % {"date": _date(params["date"])}


def _course_subject(value: str) -> str:
    return str(_SUBJECT_LABELS.get(value, value))


def _subject_fit(params, you):
    values = {"subject": _course_subject(params["subject"])}
    if you:
        return _("%(subject)s: fits your occupation") % values
    return _("%(subject)s: fits the candidate's occupation") % values


def _subject_other(params, you):
    return _("for another occupational field: %(subject)s") % {"subject": _course_subject(params["subject"])}


def _level_start(params, you):
    if params["from"] == GermanLevel.NONE:
        return _("no German needed to start, leads to %(to)s") % params
    if you:
        return _("starts at your level %(from)s, leads to %(to)s") % params
    return _("starts at %(from)s, the candidate's level, leads to %(to)s") % params


def _level_continue(params, you):
    if you:
        return _("you can join with your %(have)s, leads to %(to)s") % params
    return _("can join with %(have)s, leads to %(to)s") % params


def _level_below(params, you):
    if params["have"] == GermanLevel.NONE:
        if you:
            return _("starts at %(from)s, you have no German yet") % params
        return _("starts at %(from)s, no German yet") % params
    if you:
        return _("starts at %(from)s, one level above yours (%(have)s)") % params
    return _("starts at %(from)s, one level above the candidate's (%(have)s)") % params


def _course_kind_fit(params, you):
    values = {"kind": _course_kind(params["kind"])}
    if you:
        return _("%(kind)s: suits your plans") % values
    return _("%(kind)s: suits the candidate's plans") % values


def _course_start(params, you):
    return _("starts %(start)s") % {"start": _date(params["start"])}


def _course_running(params, you):
    return _("running since %(start)s") % {"start": _date(params["start"])}


def _course_start_early(params, you):
    values = {"start": _date(params["start"]), "available": _date(params["available"])}
    if you:
        return _("starts %(start)s, before you can (%(available)s)") % values
    return _("starts %(start)s, before the candidate can (%(available)s)") % values


def _mentor_distance(params, you):
    return _("%(km)s km away") % {"km": _km(params.get("km"))}


def _mentor_topics(params, you):
    names = dict(HelpTopic.choices)
    return _("helps with: %(topics)s") % {"topics": ", ".join(str(names.get(t, t)) for t in params["topics"])}


def _mentor_language(params, you):
    names = dict(SPOKEN_LANGUAGES)
    return _("speaks %(languages)s") % {"languages": ", ".join(str(names.get(c, c)) for c in params["languages"])}


def _mentor_german(params, you):
    return _("you can talk in German") if you else _("can talk in German")


def _mentor_no_language(params, you):
    return _("no shared language yet")


def _mentor_free(params, you):
    free = params.get("free") or 0
    if not free:
        return None
    return ngettext("has room for %(count)s more person", "has room for %(count)s more people", free) % {"count": free}


RENDERERS = {
    "occupation_same": _occupation_same,
    "occupation_related": lambda params, you: _("related occupation"),
    "occupation_field": lambda params, you: _("same occupational field"),
    "german_not_needed": lambda params, you: _("no German needed"),
    "german_enough": _german_enough,
    "german_gap": _german_gap,
    "distance": _distance,
    "online": lambda params, you: _("online course"),
    "kind_wanted": _kind_wanted,
    "hours_fit": _hours_fit,
    "hours_near": _hours_other,
    "hours_far": _hours_other,
    "start_fit": _start_fit,
    "start_early": _start_early,
    "childcare_offered": lambda params, you: _("childcare offered"),
    "childcare_missing": _childcare_missing,
    "shift_ok": _shift_ok,
    "shift_unknown": _shift_unknown,
    "shift_not_possible": _shift_not_possible,
    "level_start": _level_start,
    "level_continue": _level_continue,
    "level_below": _level_below,
    "course_kind_fit": _course_kind_fit,
    "course_start_soon": _course_start,
    "course_start_later": _course_start,
    "course_running": _course_running,
    "course_start_early": _course_start_early,
    "schedule_full_time": lambda params, you: _("full-time course"),
    "subject_fit": _subject_fit,
    "subject_other": _subject_other,
    "waiting_list": lambda params, you: _("fully booked – waiting list open"),
    "licence_ok": _licence_ok,
    "recognition_ok": _recognition_ok,
    "closes_soon": _closes_soon,
    "mentor_distance": _mentor_distance,
    "mentor_topics": _mentor_topics,
    "mentor_language": _mentor_language,
    "mentor_german": _mentor_german,
    "mentor_no_language": _mentor_no_language,
    "mentor_free": _mentor_free,
}


# What stands in the way, most serious first: these come before every strength.
GAPS = (
    "german_gap",
    "level_below",
    "waiting_list",
    "childcare_missing",
    "shift_unknown",
    "hours_far",
    "start_early",
    "course_start_early",
    "hours_near",
    "schedule_full_time",
    "subject_other",
    "mentor_no_language",
)
# What the candidate must hurry for: after the gaps, before the strengths.
URGENT = ("closes_soon",)
_RANK = {code: n for n, code in enumerate(GAPS + URGENT)}


def _order(item) -> tuple:
    position, (code, points, _params) = item
    rank = _RANK.get(code)
    if rank is not None:
        return (0, rank, position)
    return (1, -points, position)


def match_reasons(parts, *, audience: str = CANDIDATE) -> list[str]:
    """The reasons of a match in the active language: blockers and gaps first, then strengths by points."""
    you = audience == CANDIDATE
    texts = []
    for _position, (code, _points, params) in sorted(enumerate(parts), key=_order):
        renderer = RENDERERS.get(code)
        text = renderer(params, you) if renderer else None
        if text:
            texts.append(text)
    return texts


def band_label(score: int) -> str:
    """The band of a score as named on the page."""
    return {
        "very_good": pgettext("match band", "very good"),
        "good": pgettext("match band", "good"),
        "support": pgettext("match band", "possible with support"),
    }[band(score)]
