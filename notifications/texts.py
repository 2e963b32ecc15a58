"""What each kind of notice says, rendered in the language active when it is read."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .models import Notification

TEXTS = {
    "application_submitted": _("New application for “%(title)s”."),
    "interest_submitted": _("Someone is interested in “%(title)s”."),
    "application_status_changed": _("Your application for “%(title)s”: %(status)s."),
    "application_withdrawn": _("An application for “%(title)s” was withdrawn."),
    "vacancy_unpublished": _("Your vacancy “%(title)s” was taken offline. Please read the reason."),
    "course_seat_free": _("A seat became free in the course “%(title)s”. It is yours now."),
    "course_cancelled": _("The course “%(title)s” was cancelled."),
    "event_place_free": _("A place became free at the event “%(title)s”. It is yours now."),
    "event_cancelled": _("The event “%(title)s” was cancelled."),
    "event_changed": _("The event “%(title)s” has changed. Please check the date and the place."),
    "event_reminder": _("Reminder: the event “%(title)s” is tomorrow."),
    # Mentoring: no names in the notice; the linked page shows what the reader may see.
    "mentor_awaits_approval": _("A new mentor in your region is waiting for your approval."),
    "mentor_approved": _("You are approved as a mentor. A coordinator can now introduce you to someone."),
    "mentor_requested": _("A candidate in your region is asking for a mentor."),
    "mentorship_proposed_mentor": _("A coordinator proposes you as the mentor of someone. Please accept or decline."),
    "mentorship_proposed_candidate": _("A coordinator has found a mentor for you. Please accept or decline."),
    "mentorship_accepted": _("Both sides have accepted: the mentorship can begin."),
    "mentorship_declined": _("A proposed mentorship will not take place."),
    "mentorship_declined_coordinator": _("A proposed mentorship was declined. The request is waiting again."),
    "mentorship_activated": _("Your mentorship has started."),
    "mentorship_paused": _("Your mentorship is paused."),
    "mentorship_resumed": _("Your mentorship continues."),
    "mentorship_ended": _("A mentorship has ended."),
    # Match digests: counts only, never who the candidates are.
    "match_digest_candidate": ngettext_lazy(
        "You have %(count)s new match.", "You have %(count)s new matches.", "count"
    ),
    "match_digest_employer": ngettext_lazy(
        "%(count)s new candidate fits your vacancy “%(title)s”.",
        "%(count)s new candidates fit your vacancy “%(title)s”.",
        "count",
    ),
    "match_digest_employer_many": ngettext_lazy(
        "New candidates fit %(count)s of your vacancies.", "New candidates fit %(count)s of your vacancies.", "count"
    ),
    # Saved searches: how many offers are new, never who a new candidate is.
    "saved_search_news": ngettext_lazy(
        "%(count)s new result for your saved search “%(name)s”.",
        "%(count)s new results for your saved search “%(name)s”.",
        "count",
    ),
    "saved_search_news_many": ngettext_lazy(
        "There is something new for %(count)s of your saved searches.",
        "There is something new for %(count)s of your saved searches.",
        "count",
    ),
    # Conversations: the notice names the thread's subject, never the message.
    "conversation_message": _("New message about “%(title)s”."),
    "conversation_message_mentorship": _("New message in your mentorship."),
    "conversation_reported": _("A conversation about “%(title)s” was reported to the coordinators. Please read it."),
    "conversation_reported_mentorship": _(
        "A mentorship conversation was reported to the coordinators. Please read it."
    ),
}


# A notice stores the value of a choice (an application's status, say) and shows its label in the reader's
# language; the app that owns the choices names them when it starts, so notifications imports none of them.
_param_choices: dict[str, type] = {}


def notification_param_choices_register(name: str, choices: type) -> None:
    _param_choices[name] = choices


def notification_text(notification: Notification) -> str:
    params = dict(notification.params)
    for name, choices in _param_choices.items():
        if name in params and params[name] in choices.values:
            params[name] = choices(params[name]).label
    template = TEXTS.get(notification.kind)
    if template is None:
        return str(_("You have a new notice."))
    # Formatting the lazy text itself lets a plural text pick its form by the count in `params`.
    return str(template % params)
