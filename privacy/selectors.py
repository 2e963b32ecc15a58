"""What is held about a person (the data export) and what others may see of it (the employer's view)."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from allauth.account.models import EmailAddress
from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from accounts.models import User
from common.vocabulary import OfferKind
from documents.models import Document
from portal.models import CandidateOccupation, CandidateProfile, ContactGrant, OnboardingStep

EXPORT_FORMAT = "bruecke-personal-data"
EXPORT_VERSION = 1


def _choice(value, label) -> dict:
    """A coded value with its name in the reader's language: machines read the code, people the label."""
    return {"code": value, "label": str(label)}


def _choices_of(values: list, choices) -> list[dict]:
    names = dict(choices.choices)
    return [_choice(value, names.get(value, value)) for value in values]


def _model_labels(model) -> dict:
    return {model_field.name: model_field.verbose_name for model_field in model._meta.concrete_fields}


# --- sections of the export ---------------------------------------------------------------------------------


def _export_account(user: User) -> dict:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "preferred_language": _choice(user.preferred_language, user.get_preferred_language_display()),
        "role": _choice(user.role, user.get_role_display()),
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }


def _export_email_addresses(user: User) -> list[dict]:
    return [
        {"email": address.email, "verified": address.verified, "primary": address.primary}
        for address in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    ]


# JSON list fields of the profile that hold codes of a choice class.
_PROFILE_CODE_LISTS = {"looking_for": OfferKind, "completed_steps": OnboardingStep}


def _export_profile(user: User) -> dict:
    """Every field of the profile, including the sensitive ones (work permit): it is the person's own data."""
    profile = CandidateProfile.objects.filter(user=user).first()
    if profile is None:
        return {}
    data = {}
    for model_field in CandidateProfile._meta.concrete_fields:
        if model_field.name in ("id", "user"):
            continue
        value = getattr(profile, model_field.attname)
        if model_field.choices:
            value = _choice(value, getattr(profile, f"get_{model_field.name}_display")())
        elif model_field.name in _PROFILE_CODE_LISTS:
            value = _choices_of(value, _PROFILE_CODE_LISTS[model_field.name])
        data[model_field.name] = value
    return data


def _export_languages(user: User) -> list[dict]:
    profile = CandidateProfile.objects.filter(user=user).first()
    if profile is None:
        return []
    return [
        {
            "language": _choice(language.language, language.get_language_display()),
            "level": _choice(language.level, language.get_level_display()),
        }
        for language in profile.languages.all()
    ]


def _export_occupations(user: User) -> list[dict]:
    occupations = CandidateOccupation.objects.filter(profile__user=user).select_related("occupation")
    return [
        {
            "name": entry.occupation.name(),
            "kldb_code": entry.occupation.kldb_code,
            "isco_code": entry.occupation.isco_code,
            "years_experience": entry.years_experience,
        }
        for entry in occupations
    ]


def _export_documents(user: User) -> list[dict]:
    documents = Document.objects.filter(owner=user).prefetch_related("shares__organisation")
    return [
        {
            "public_id": document.public_id,
            "title": document.title,
            "kind": _choice(document.kind, document.get_kind_display()),
            "content_type": document.content_type,
            "size": document.size,
            "uploaded_at": document.uploaded_at,
            "shared_with": [share.organisation.name for share in document.shares.all()],
        }
        for document in documents
    ]


def _export_contact_grants(user: User) -> list[dict]:
    grants = ContactGrant.objects.filter(profile__user=user).select_related("organisation").order_by("granted_at")
    return [
        {
            "organisation": grant.organisation.name,
            "reason": _choice(grant.reason, grant.get_reason_display()),
            "granted_at": grant.granted_at,
        }
        for grant in grants
    ]


def _export_applications(user: User) -> list[dict]:
    from applications.models import Application

    applications = (
        Application.objects.filter(profile__user=user)
        .select_related("vacancy__organisation")
        .prefetch_related("documents", "events")
        .order_by("created_at")
    )
    return [
        {
            "vacancy": application.vacancy.title,
            "organisation": application.vacancy.organisation.name,
            "kind": _choice(application.kind, application.get_kind_display()),
            "status": _choice(application.status, application.get_status_display()),
            "message": application.message,
            "documents": [document.title for document in application.documents.all()],
            "created_at": application.created_at,
            # The steps of the application; who at the employer made them is that person's data, not the candidate's.
            "history": [
                {
                    "status": _choice(event.status, event.get_status_display()),
                    "note": event.note,
                    "created_at": event.created_at,
                }
                for event in application.events.all()
            ],
        }
        for application in applications
    ]


def _export_course_registrations(user: User) -> list[dict]:
    from courses.models import CourseRegistration

    registrations = (
        CourseRegistration.objects.filter(profile__user=user).select_related("course__provider").order_by("created_at")
    )
    return [
        {
            "course": registration.course.title,
            "provider": registration.course.provider.name,
            "status": _choice(registration.status, registration.get_status_display()),
            "created_at": registration.created_at,
        }
        for registration in registrations
    ]


def _export_notifications(user: User) -> list[dict]:
    from notifications.models import Notification
    from notifications.texts import notification_text

    return [
        {
            "text": notification_text(notification),
            "created_at": notification.created_at,
            "read_at": notification.read_at,
        }
        for notification in Notification.objects.filter(recipient=user).order_by("created_at")
    ]


def _fields(instance, *, exclude: tuple = ()) -> dict:
    """Every stored field of a row except keys and `exclude`, coded values with their names."""
    data = {}
    for model_field in instance._meta.concrete_fields:
        if model_field.primary_key or model_field.is_relation or model_field.name in exclude:
            continue
        value = getattr(instance, model_field.attname)
        if model_field.choices:
            value = _choice(value, getattr(instance, f"get_{model_field.name}_display")())
        data[model_field.name] = value
    return data


def _export_membership(user: User) -> dict:
    from employers.models import Membership

    membership = Membership.objects.filter(user=user).select_related("organisation").first()
    if membership is None:
        return {}
    return {"organisation": membership.organisation.name, **_fields(membership)}


def _export_mentor_profile(user: User) -> dict:
    from mentoring.models import MentorProfile

    mentor = MentorProfile.objects.filter(user=user).first()
    return _fields(mentor) if mentor else {}


def _export_mentor_requests(user: User) -> list[dict]:
    from mentoring.models import MentorRequest

    return [_fields(request) for request in MentorRequest.objects.filter(profile__user=user).order_by("created_at")]


def _export_mentorships(user: User) -> list[dict]:
    """Mentorships as candidate or as mentor, with their steps and every note written about them."""
    from django.db.models import Q

    from mentoring.models import Mentorship

    mentorships = (
        Mentorship.objects.filter(Q(profile__user=user) | Q(mentor__user=user))
        .select_related("mentor__user", "profile__user")
        .prefetch_related("events", "notes")
        .order_by("created_at")
    )
    return [
        {
            "role": _("Mentor") if mentorship.mentor.user_id == user.pk else _("Candidate"),
            **_fields(mentorship),
            "history": [{**_fields(event), "by_you": event.actor_id == user.pk} for event in mentorship.events.all()],
            "notes": [{**_fields(note), "by_you": note.author_id == user.pk} for note in mentorship.notes.all()],
        }
        for mentorship in mentorships
    ]


def _export_event_registrations(user: User) -> list[dict]:
    from events.models import EventRegistration

    registrations = EventRegistration.objects.filter(user=user).select_related("event").order_by("created_at")
    return [{"event": registration.event.title, **_fields(registration)} for registration in registrations]


def _export_matches(user: User) -> list[dict]:
    """Stored matches of the candidate (or, for a mentor, the candidates' matches are theirs, not the mentor's)."""
    from matching.models import Match
    from matching.reasons import match_reasons

    matches = Match.objects.filter(profile__user=user).select_related("vacancy", "course").order_by("-score", "pk")
    data = []
    for match in matches:
        offer = match.vacancy or match.course
        data.append(
            {
                "offer": offer.title if offer else _("Mentor"),
                "kind": _choice(match.kind, match.get_kind_display()),
                "score": match.score,
                "reasons": match_reasons(match.parts),
                "found": match.created_at,
                "computed": match.computed_at,
                "notified": match.notified_at,
            }
        )
    return data


def _export_notification_settings(user: User) -> dict:
    from notifications.models import DigestDelivery, NotificationPreference

    preference = NotificationPreference.objects.filter(user=user).first()
    return {
        "match_digest": preference.match_digest if preference else True,
        "changed_at": preference.changed_at if preference else None,
        "digests_sent_on": list(
            DigestDelivery.objects.filter(user=user).order_by("sent_on").values_list("sent_on", flat=True)
        ),
    }


def _export_employer_notices(user: User) -> list[dict]:
    from notifications.models import EmployerMatchNotice

    notices = EmployerMatchNotice.objects.filter(profile__user=user).select_related("organisation", "vacancy")
    return [
        {"organisation": notice.organisation.name, "vacancy": notice.vacancy.title, "notified_at": notice.notified_at}
        for notice in notices.order_by("notified_at")
    ]


def _export_account_invitations(user: User) -> list[dict]:
    """The invitation that brought an imported account to its owner. Invitations the person sent to others are
    the invitees' data; invitations to an address before it had an account name no account."""
    from accounts.models import Invitation

    return [
        _fields(invitation, exclude=INVITATION_NOT_EXPORTED) for invitation in Invitation.objects.filter(user=user)
    ]


# Of an imported account's invitation: the kind is always the same, address and language are the account's own
# (empty here), and the former id is bookkeeping of the merge of the invitation tables.
INVITATION_NOT_EXPORTED = ("kind", "email", "language", "legacy_id")


def _invitation_labels() -> dict:
    from accounts.models import Invitation

    labels = _model_labels(Invitation)
    return {key: label for key, label in labels.items() if key not in INVITATION_NOT_EXPORTED}


@dataclass(frozen=True)
class ExportSection:
    """One part of the data export.

    `collect` (a callable or its dotted path) takes the user and returns JSON-serialisable data (dates allowed)
    as a dict or a list of dicts; `labels` names its keys for the readable page (a dict or a callable
    returning one). Coded values are {"code": ..., "label": ...}.
    """

    key: str
    title: Promise
    collect: Callable[[User], Any] | str
    labels: dict | Callable[[], dict] = field(default_factory=dict)
    # Labels of the models whose rows about the person this section exports (checked by a test).
    models: tuple[str, ...] = ()

    def data_for(self, user: User):
        collect = import_string(self.collect) if isinstance(self.collect, str) else self.collect
        return collect(user)

    def label_map(self) -> dict:
        return self.labels() if callable(self.labels) else self.labels


# Every app that stores something about a candidate adds its section here (mentoring, for example):
# ExportSection("mentoring", gettext_lazy("Mentoring"), "mentoring.selectors.mentoring_export_for_user", {...})
EXPORT_SECTIONS: list[ExportSection] = [
    ExportSection(
        "account",
        gettext_lazy("Account"),
        _export_account,
        lambda: _model_labels(User),
        models=("accounts.User",),
    ),
    ExportSection(
        "email_addresses",
        gettext_lazy("E-mail addresses"),
        _export_email_addresses,
        lambda: _model_labels(EmailAddress),
        models=("account.EmailAddress",),
    ),
    ExportSection(
        "profile",
        gettext_lazy("Profile"),
        _export_profile,
        lambda: _model_labels(CandidateProfile),
        models=("portal.CandidateProfile",),
    ),
    ExportSection(
        "languages",
        gettext_lazy("Languages"),
        _export_languages,
        {"language": gettext_lazy("Language"), "level": gettext_lazy("Level")},
        models=("portal.CandidateLanguage",),
    ),
    ExportSection(
        "occupations",
        gettext_lazy("Occupations"),
        _export_occupations,
        {
            "name": gettext_lazy("Occupation"),
            "kldb_code": gettext_lazy("KldB 2010 code"),
            "isco_code": gettext_lazy("ISCO-08 code"),
            "years_experience": gettext_lazy("years of experience"),
        },
        models=("portal.CandidateOccupation",),
    ),
    ExportSection(
        "documents",
        gettext_lazy("Documents"),
        _export_documents,
        lambda: {**_model_labels(Document), "shared_with": gettext_lazy("Shared with")},
        models=("documents.Document", "documents.DocumentShare"),
    ),
    ExportSection(
        "contact_grants",
        gettext_lazy("Organisations that may see who you are"),
        _export_contact_grants,
        lambda: {**_model_labels(ContactGrant), "organisation": gettext_lazy("Organisation")},
        models=("portal.ContactGrant",),
    ),
    ExportSection(
        "applications",
        gettext_lazy("Applications"),
        _export_applications,
        lambda: {
            **_model_labels(import_string("applications.models.Application")),
            "vacancy": gettext_lazy("Offer"),
            "organisation": gettext_lazy("Organisation"),
            "documents": gettext_lazy("Shared documents"),
            "history": gettext_lazy("History"),
            "note": gettext_lazy("Note"),
        },
        models=("applications.Application", "applications.ApplicationEvent", "applications.Application_documents"),
    ),
    ExportSection(
        "course_registrations",
        gettext_lazy("Course registrations"),
        _export_course_registrations,
        lambda: {
            **_model_labels(import_string("courses.models.CourseRegistration")),
            "course": gettext_lazy("Course"),
            "provider": gettext_lazy("Course provider"),
        },
        models=("courses.CourseRegistration",),
    ),
    ExportSection(
        "notifications",
        gettext_lazy("Notifications"),
        _export_notifications,
        lambda: {
            **_model_labels(import_string("notifications.models.Notification")),
            "text": gettext_lazy("Text"),
        },
        models=("notifications.Notification",),
    ),
    ExportSection(
        "saved_searches",
        gettext_lazy("Saved searches"),
        "alerts.selectors.saved_search_export_for",
        lambda: {
            **_model_labels(import_string("alerts.models.SavedSearch")),
            "filters": gettext_lazy("Filters"),
        },
        models=("alerts.SavedSearch",),
    ),
    ExportSection(
        "conversations",
        gettext_lazy("Conversations"),
        "conversations.selectors.conversation_export_for",
        {
            "about": gettext_lazy("About"),
            "messages": gettext_lazy("Messages"),
            "from": gettext_lazy("From"),
            "kind": gettext_lazy("Kind"),
            "text": gettext_lazy("Text"),
            "documents": gettext_lazy("Attached documents"),
            "sent": gettext_lazy("Sent"),
            "reports": gettext_lazy("Reports to the coordinators"),
            "reason": gettext_lazy("What happened"),
            "reported": gettext_lazy("Reported"),
        },
        models=(
            "conversations.Conversation",
            "conversations.Message",
            "conversations.Message_documents",
            "conversations.Participant",
            "conversations.Report",
        ),
    ),
    ExportSection(
        "organisation",
        gettext_lazy("Your organisation"),
        _export_membership,
        lambda: {
            **_model_labels(import_string("employers.models.Membership")),
            "organisation": gettext_lazy("Organisation"),
        },
        models=("employers.Membership",),
    ),
    ExportSection(
        "mentor_profile",
        gettext_lazy("Mentor profile"),
        _export_mentor_profile,
        lambda: _model_labels(import_string("mentoring.models.MentorProfile")),
        models=("mentoring.MentorProfile",),
    ),
    ExportSection(
        "mentor_requests",
        gettext_lazy("Requests for a mentor"),
        _export_mentor_requests,
        lambda: _model_labels(import_string("mentoring.models.MentorRequest")),
        models=("mentoring.MentorRequest",),
    ),
    ExportSection(
        "mentorships",
        gettext_lazy("Mentorships"),
        _export_mentorships,
        lambda: {
            **_model_labels(import_string("mentoring.models.Mentorship")),
            **_model_labels(import_string("mentoring.models.MentorshipNote")),
            "role": gettext_lazy("Your part"),
            "history": gettext_lazy("History"),
            "notes": gettext_lazy("Notes"),
            "by_you": gettext_lazy("Written by you"),
        },
        models=("mentoring.Mentorship", "mentoring.MentorshipEvent", "mentoring.MentorshipNote"),
    ),
    ExportSection(
        "event_registrations",
        gettext_lazy("Event registrations and check-ins"),
        _export_event_registrations,
        lambda: {
            **_model_labels(import_string("events.models.EventRegistration")),
            "event": gettext_lazy("Event"),
        },
        models=("events.EventRegistration",),
    ),
    ExportSection(
        "matches",
        gettext_lazy("Suggested offers and why they fit"),
        _export_matches,
        {
            "offer": gettext_lazy("Offer"),
            "kind": gettext_lazy("Kind"),
            "score": gettext_lazy("Score"),
            "reasons": gettext_lazy("Why it fits"),
            "found": gettext_lazy("Found"),
            "computed": gettext_lazy("Computed"),
            "notified": gettext_lazy("You were told"),
        },
        models=("matching.Match",),
    ),
    ExportSection(
        "notification_settings",
        gettext_lazy("Notification settings"),
        _export_notification_settings,
        lambda: {
            **_model_labels(import_string("notifications.models.NotificationPreference")),
            "digests_sent_on": gettext_lazy("Digests sent on"),
        },
        models=("notifications.NotificationPreference", "notifications.DigestDelivery"),
    ),
    ExportSection(
        "employer_notices",
        gettext_lazy("Employers told (without your name) that you fit an offer"),
        _export_employer_notices,
        {
            "organisation": gettext_lazy("Organisation"),
            "vacancy": gettext_lazy("Offer"),
            "notified_at": gettext_lazy("Told"),
        },
        models=("notifications.EmployerMatchNotice",),
    ),
    ExportSection(
        "account_invitations",
        gettext_lazy("Invitations to the portal"),
        _export_account_invitations,
        _invitation_labels,
        models=("accounts.Invitation",),
    ),
]

# Rows that name the person without being about them, with the reason they are not in the export: what the person
# did as staff belongs to the organisation's records, and the admin log is scrubbed when an account is deleted.
EXPORT_EXEMPT: dict[str, str] = {
    "admin.LogEntry": "the operators' record of their own actions",
    "account.EmailConfirmation": "one-time keys of the confirmation links, deleted once used",
    "accounts.User_groups": "operators' permission groups; none for the roles that export",
    "accounts.User_user_permissions": "operators' permissions; none for the roles that export",
    "alerts.SavedSearchAlert": "ids of offers announced for a saved search; the announcements are notifications",
    "employers.Vacancy": "offers the staff member created or took offline: the organisation's data",
    "events.Event": "events the person organised: the organisation's data",
    "jobboerse.OccupationMapping": "occupation mappings an admin chose: the portal's data",
    "matching.MatchInputs": "one number hashed from what the matches were computed from; nothing readable in it",
}


def candidate_data_export(*, user: User) -> dict:
    """Everything Brücke holds about this person (whatever their role), one key per section, in the current
    language."""
    data = {
        "export": {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "created_at": timezone.now(),
            "language": get_language(),
        }
    }
    for section in EXPORT_SECTIONS:
        data[section.key] = section.data_for(user)
    return data


# --- the export as a readable page ---------------------------------------------------------------------------


def _is_choice(value) -> bool:
    return isinstance(value, dict) and set(value) == {"code", "label"}


def _readable_text(value) -> str:
    if value is None or value == "":
        return _("Not stated")
    if value == []:
        return _("No entries")
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if _is_choice(value):
        return value["label"] or _("Not stated")
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, list):
        return ", ".join(_readable_text(item) for item in value)
    if isinstance(value, UUID):
        return str(value)
    return formats.localize(value)


def _readable_rows(data: dict, labels: dict) -> list[dict]:
    rows = []
    for key, value in data.items():
        label = str(labels.get(key) or key.replace("_", " "))
        label = label[:1].upper() + label[1:]
        if isinstance(value, dict) and not _is_choice(value):
            rows.append({"label": label, "entries": [_readable_rows(value, labels)]})
        elif isinstance(value, list) and value and all(isinstance(i, dict) and not _is_choice(i) for i in value):
            rows.append({"label": label, "entries": [_readable_rows(item, labels) for item in value]})
        else:
            rows.append({"label": label, "text": _readable_text(value)})
    return rows


def candidate_data_export_readable(*, user: User) -> dict:
    """The same export, arranged for reading: per section a title and labelled rows, or a list of entries
    (each a list of rows). A row has a label and either a text or entries of its own."""
    data = candidate_data_export(user=user)
    sections = []
    for section in EXPORT_SECTIONS:
        value = data[section.key]
        labels = section.label_map()
        if isinstance(value, list):
            sections.append(
                {"key": section.key, "title": section.title, "entries": [_readable_rows(i, labels) for i in value]}
            )
        else:
            sections.append({"key": section.key, "title": section.title, "rows": _readable_rows(value, labels)})
    return {"created_at": data["export"]["created_at"], "sections": sections}
