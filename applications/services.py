from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from documents.models import Document
from documents.services import document_share
from employers.models import Vacancy, VacancyStatus
from notifications.services import notification_create
from portal.models import CandidateProfile, ContactGrant
from portal.services import contact_grant_give

from .models import (
    CANDIDATE_TRANSITIONS,
    EMPLOYER_TRANSITIONS,
    Application,
    ApplicationEvent,
    ApplicationKind,
    ApplicationStatus,
)

MAX_DOCUMENTS_PER_APPLICATION = 5


@transaction.atomic
def application_submit(
    *,
    profile: CandidateProfile,
    vacancy: Vacancy,
    message: str = "",
    kind: str = ApplicationKind.APPLICATION,
    documents: list[Document] = (),
) -> Application:
    """Apply for (or show interest in) a published vacancy, sharing the profile and chosen documents with its
    organisation only; the employer's staff are told in their own language."""
    message = (message or "").strip()
    if vacancy.status != VacancyStatus.PUBLISHED:
        raise ValidationError(_("This offer is no longer open."))
    if vacancy.is_external:
        raise ValidationError(_("Applications for this offer go to its original ad. Please follow the link there."))
    if kind not in ApplicationKind.values:
        raise ValidationError({"kind": _("Please choose whether you apply or show interest.")})
    if len(message) > Application._meta.get_field("message").max_length:
        raise ValidationError({"message": _("Please keep your message under 2000 characters.")})
    documents = list(documents)
    if any(document.owner_id != profile.user_id for document in documents):
        raise ValidationError({"documents": _("You can only share your own documents.")})
    if len(documents) > MAX_DOCUMENTS_PER_APPLICATION:
        raise ValidationError(
            {"documents": _("Please share at most %(count)s documents.") % {"count": MAX_DOCUMENTS_PER_APPLICATION}}
        )
    try:
        with transaction.atomic():
            application = Application.objects.create(profile=profile, vacancy=vacancy, kind=kind, message=message)
    except IntegrityError as error:
        raise ValidationError(_("You have already applied for this offer.")) from error
    application.documents.set(documents)
    for document in documents:
        document_share(document=document, organisation=vacancy.organisation)
    contact_grant_give(profile=profile, organisation=vacancy.organisation, reason=ContactGrant.Reason.APPLIED)
    ApplicationEvent.objects.create(application=application, status=ApplicationStatus.SUBMITTED, actor=profile.user)
    notification_kind = "application_submitted" if kind == ApplicationKind.APPLICATION else "interest_submitted"
    _notify_employer(application, notification_kind)
    return application


@transaction.atomic
def application_transition(*, application: Application, to_status: str, actor: User, note: str = "") -> Application:
    """Move an application on; each side may only make its own steps, and the other side is told."""
    application = Application.objects.select_for_update().select_related("vacancy", "profile").get(pk=application.pk)
    if actor.role == Role.CANDIDATE and application.profile.user_id == actor.pk:
        allowed = CANDIDATE_TRANSITIONS
    elif actor.role == Role.EMPLOYER and _is_staff_of(actor, application.vacancy.organisation_id):
        allowed = EMPLOYER_TRANSITIONS
    else:
        raise PermissionDenied
    if to_status not in allowed.get(application.status, ()):
        raise ValidationError(
            _("An application that is “%(current)s” cannot become “%(next)s”.")
            % {
                "current": ApplicationStatus(application.status).label,
                "next": ApplicationStatus(to_status).label if to_status in ApplicationStatus.values else to_status,
            }
        )
    note = (note or "").strip()
    if len(note) > ApplicationEvent._meta.get_field("note").max_length:
        raise ValidationError({"note": _("Please keep the note under 1000 characters.")})
    application.status = to_status
    application.save(update_fields=["status", "updated_at"])
    ApplicationEvent.objects.create(application=application, status=to_status, actor=actor, note=note)
    if actor.role == Role.CANDIDATE:
        _notify_employer(application, "application_withdrawn")
    else:
        _notify_candidate(application)
    return application


def _is_staff_of(user: User, organisation_id: int) -> bool:
    membership = getattr(user, "membership", None)
    return membership is not None and membership.organisation_id == organisation_id


def _notify_employer(application: Application, kind: str) -> None:
    vacancy = application.vacancy
    for membership in vacancy.organisation.memberships.select_related("user").filter(user__is_active=True):
        notification_create(
            recipient=membership.user,
            kind=kind,
            params={"title": vacancy.title},
            url_name="employers:application_detail",
            url_kwargs={"pk": application.pk},
        )


def _notify_candidate(application: Application) -> None:
    notification_create(
        recipient=application.profile.user,
        kind="application_status_changed",
        params={"title": application.vacancy.title, "status": application.status},
        url_name="applications:detail",
        url_kwargs={"pk": application.pk},
    )
