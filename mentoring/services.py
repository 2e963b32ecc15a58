"""Writes for mentoring: mentor profiles and approval, candidates' requests, the mentorship lifecycle, notes.

Lifecycle: a coordinator proposes a mentor (proposed); when the candidate and the mentor have both said
yes it is accepted; the coordinator or the mentor starts it (active), pauses and resumes it, and ends it
with a reason. Either side may decline a proposal (it ends, and the request waits again).
"""

import datetime
from collections import Counter
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from accounts.selectors import user_coordinates_postal_code
from common.dates import date_range_error
from notifications.services import notification_create
from places.geo import coordinates_of
from portal.models import CandidateProfile

from .models import (
    MENTOR_LANGUAGES,
    Availability,
    HelpTopic,
    MentorProfile,
    MentorRequest,
    MentorRequestStatus,
    Mentorship,
    MentorshipEvent,
    MentorshipNote,
    MentorshipStatus,
    MentorshipStep,
)
from .selectors import (
    ROLE_CANDIDATE,
    ROLE_COORDINATOR,
    ROLE_MENTOR,
    coordinators_for_postal_code,
    mentorship_role_of,
)

MENTOR_PROFILE_FIELDS = [
    "languages", "postal_code", "travel_radius_km", "capacity", "helps_with", "availability", "about",
]  # fmt: skip

# Which status may follow which; an ended mentorship is final.
TRANSITIONS = {
    MentorshipStatus.PROPOSED: (MentorshipStatus.ACCEPTED, MentorshipStatus.ENDED),
    MentorshipStatus.ACCEPTED: (MentorshipStatus.ACTIVE, MentorshipStatus.ENDED),
    MentorshipStatus.ACTIVE: (MentorshipStatus.PAUSED, MentorshipStatus.ENDED),
    MentorshipStatus.PAUSED: (MentorshipStatus.ACTIVE, MentorshipStatus.ENDED),
}
LANGUAGE_CODES = [code for code, _name in MENTOR_LANGUAGES]
STEP_NOT_POSSIBLE = _("This step is not possible in the mentorship's current state.")
# Notes record what happened during a mentorship; older dates are typos.
NOTE_YEARS_BACK = 10


# --- Mentor profiles ---------------------------------------------------------------------------------------


@transaction.atomic
def mentor_profile_save(*, user: User, **fields) -> MentorProfile:
    """Create or change the mentor's own profile; a new one waits for a coordinator's approval."""
    unknown = set(fields) - set(MENTOR_PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown mentor profile fields: {sorted(unknown)}")
    if user.role != Role.MENTOR:
        raise PermissionDenied
    profile = MentorProfile.objects.select_for_update().filter(user=user).first()
    created = profile is None
    if created:
        profile = MentorProfile(user=user)
    for name, value in fields.items():
        setattr(profile, name, value)
    errors: dict[str, list] = {}
    if not profile.languages:
        errors["languages"] = [_("Choose at least one language you speak.")]
    elif any(code not in LANGUAGE_CODES for code in profile.languages):
        errors["languages"] = [_("Choose languages from the list.")]
    if not profile.helps_with:
        errors["helps_with"] = [_("Choose at least one thing you help with.")]
    elif any(topic not in HelpTopic.values for topic in profile.helps_with):
        errors["helps_with"] = [_("Choose topics from the list.")]
    if any(slot not in Availability.values for slot in profile.availability):
        errors["availability"] = [_("Choose times from the list.")]
    try:
        profile.full_clean(exclude=["user", "approved_by", *errors])
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    # Kept in catalogue order, so equal choices compare equal.
    profile.languages = [code for code in LANGUAGE_CODES if code in profile.languages]
    profile.helps_with = [topic for topic in HelpTopic.values if topic in profile.helps_with]
    profile.availability = [slot for slot in Availability.values if slot in profile.availability]
    point = coordinates_of(profile.postal_code)
    profile.latitude, profile.longitude = point if point else (None, None)
    profile.save()
    if created:
        for coordinator in coordinators_for_postal_code(postal_code=profile.postal_code):
            notification_create(
                recipient=coordinator, kind="mentor_awaits_approval", params={}, url_name="mentoring:mentor_approvals"
            )
    return profile


@transaction.atomic
def mentor_approve(*, mentor: MentorProfile, approved_by: User) -> MentorProfile:
    """A coordinator of the mentor's region (or an admin) lets the mentor be assigned."""
    if not user_coordinates_postal_code(user=approved_by, postal_code=mentor.postal_code):
        raise PermissionDenied
    mentor = MentorProfile.objects.select_for_update().get(pk=mentor.pk)
    if mentor.approved_at is not None:
        return mentor
    mentor.approved_at = timezone.now()
    mentor.approved_by = approved_by
    mentor.save(update_fields=["approved_at", "approved_by", "updated_at"])
    notification_create(recipient=mentor.user, kind="mentor_approved", params={}, url_name="mentoring:mentor_dashboard")
    return mentor


# --- Candidates' requests ----------------------------------------------------------------------------------


@transaction.atomic
def mentor_request_create(*, profile: CandidateProfile, topics: Iterable[str], message: str = "") -> MentorRequest:
    """The candidate asks for a mentor; the coordinators of their place hear about it."""
    topics = [topic for topic in HelpTopic.values if topic in set(topics)]
    errors: dict[str, list] = {}
    if not topics:
        errors["topics"] = [_("Choose at least one thing you would like help with.")]
    if len(message) > 1000:
        errors["message"] = [_("Please write at most 1000 characters.")]
    if not profile.postal_code:
        errors["__all__"] = [
            _("Please add your postal code to your profile first, so that a coordinator near you can find a mentor.")
        ]
    if errors:
        raise ValidationError(errors)
    CandidateProfile.objects.select_for_update().filter(pk=profile.pk).first()
    if profile.mentor_requests.filter(status=MentorRequestStatus.WAITING).exists():
        raise ValidationError(_("You have already asked for a mentor. A coordinator is looking for one."))
    if profile.mentorships.current().exists():
        raise ValidationError(_("You already have a mentor or a proposal for one."))
    request = MentorRequest.objects.create(profile=profile, topics=topics, message=message.strip())
    for coordinator in coordinators_for_postal_code(postal_code=profile.postal_code):
        notification_create(
            recipient=coordinator,
            kind="mentor_requested",
            params={},
            url_name="mentoring:request_detail",
            url_kwargs={"pk": request.pk},
        )
    return request


@transaction.atomic
def mentor_request_withdraw(*, mentor_request: MentorRequest, user: User) -> MentorRequest:
    if mentor_request.profile.user_id != user.pk:
        raise PermissionDenied
    request = MentorRequest.objects.select_for_update().get(pk=mentor_request.pk)
    if request.status != MentorRequestStatus.WAITING:
        raise ValidationError(_("This request is no longer waiting."))
    request.status = MentorRequestStatus.WITHDRAWN
    request.save(update_fields=["status", "updated_at"])
    return request


# --- Proposing mentorships ---------------------------------------------------------------------------------


def _propose(*, request: MentorRequest, mentor: MentorProfile, proposed_by: User, free: int) -> Mentorship:
    """One proposal with the rows already locked; `free` is the mentor's free places before it."""
    if not user_coordinates_postal_code(user=proposed_by, postal_code=request.profile.postal_code):
        raise PermissionDenied
    if request.status != MentorRequestStatus.WAITING:
        raise ValidationError(_("This request is no longer waiting for a mentor."))
    if not mentor.is_approved or not mentor.user.is_active:
        raise ValidationError(_("%(name)s is not approved as a mentor yet.") % {"name": mentor.user.get_full_name()})
    if free <= 0:
        raise ValidationError(_("%(name)s has no free place any more.") % {"name": mentor.user.get_full_name()})
    if Mentorship.objects.current().filter(mentor=mentor, profile=request.profile).exists():
        raise ValidationError(_("This mentor already accompanies the candidate."))
    mentorship = Mentorship.objects.create(
        mentor=mentor, profile=request.profile, request=request, proposed_by=proposed_by
    )
    MentorshipEvent.objects.create(
        mentorship=mentorship, step=MentorshipStep.PROPOSED, status=mentorship.status, actor=proposed_by
    )
    request.status = MentorRequestStatus.ASSIGNED
    request.save(update_fields=["status", "updated_at"])
    link = {"url_name": "mentoring:mentorship_detail", "url_kwargs": {"pk": mentorship.pk}}
    notification_create(recipient=mentor.user, kind="mentorship_proposed_mentor", params={}, **link)
    notification_create(recipient=request.profile.user, kind="mentorship_proposed_candidate", params={}, **link)
    return mentorship


def _free_places(mentor_pks: Iterable[int]) -> dict[int, int]:
    """Lock the mentors' rows and count their free places now."""
    mentors = {
        mentor.pk: mentor
        for mentor in MentorProfile.objects.select_for_update().filter(pk__in=set(mentor_pks)).order_by("pk")
    }
    taken = Counter(Mentorship.objects.current().filter(mentor__in=mentors).values_list("mentor_id", flat=True))
    return {pk: mentor.capacity - taken[pk] for pk, mentor in mentors.items()}


@transaction.atomic
def mentorship_propose(*, mentor_request: MentorRequest, mentor: MentorProfile, proposed_by: User) -> Mentorship:
    """A coordinator proposes this mentor for the candidate's request; both sides are asked to accept."""
    free = _free_places([mentor.pk])
    request = (
        MentorRequest.objects.select_for_update(of=("self",)).select_related("profile__user").get(pk=mentor_request.pk)
    )
    mentor = MentorProfile.objects.select_related("user").get(pk=mentor.pk)
    return _propose(request=request, mentor=mentor, proposed_by=proposed_by, free=free.get(mentor.pk, 0))


@transaction.atomic
def mentorships_propose_many(
    *, pairs: Iterable[tuple[MentorRequest, MentorProfile]], proposed_by: User
) -> list[Mentorship]:
    """Confirm a whole suggestion in one go: every proposal is made, or (on any problem) none."""
    pairs = list(pairs)
    requests_seen = Counter(request.pk for request, _mentor in pairs)
    if any(count > 1 for count in requests_seen.values()):
        raise ValidationError(_("A request can get only one mentor."))
    free = _free_places(mentor.pk for _request, mentor in pairs)
    wanted = Counter(mentor.pk for _request, mentor in pairs)
    mentors = MentorProfile.objects.select_related("user").in_bulk(list(wanted))
    full = [mentors[pk] for pk, count in wanted.items() if count > free.get(pk, 0)]
    if full:
        raise ValidationError(
            [
                _("%(name)s was chosen %(count)s times; free places: %(free)s.")
                % {
                    "name": mentor.user.get_full_name(),
                    "free": max(free.get(mentor.pk, 0), 0),
                    "count": wanted[mentor.pk],
                }
                for mentor in full
            ]
        )
    requests = (
        MentorRequest.objects.select_for_update(of=("self",))
        .select_related("profile__user")
        .in_bulk(list(requests_seen))
    )
    created = []
    for request, mentor in sorted(pairs, key=lambda pair: pair[0].pk):
        try:
            created.append(
                _propose(
                    request=requests[request.pk],
                    mentor=mentors[mentor.pk],
                    proposed_by=proposed_by,
                    free=free[mentor.pk],
                )
            )
        except ValidationError as error:
            name = requests[request.pk].profile.user.get_full_name()
            raise ValidationError(
                [_("%(name)s: %(problem)s") % {"name": name, "problem": message} for message in error.messages]
            ) from error
        free[mentor.pk] -= 1
    return created


# --- The lifecycle -----------------------------------------------------------------------------------------


def _locked(mentorship: Mentorship) -> Mentorship:
    return (
        Mentorship.objects.select_for_update(of=("self",))
        .select_related("mentor__user", "profile__user", "request")
        .get(pk=mentorship.pk)
    )


def _record(mentorship: Mentorship, *, step: str, actor: User, reason: str = "") -> None:
    MentorshipEvent.objects.create(
        mentorship=mentorship, step=step, status=mentorship.status, actor=actor, reason=reason
    )


def _notify(mentorship: Mentorship, *, kind: str, actor: User, coordinators: bool = False) -> None:
    """Tell the candidate and the mentor (and optionally the coordinators), never the person who acted."""
    recipients = [mentorship.profile.user, mentorship.mentor.user]
    if coordinators:
        recipients += list(coordinators_for_postal_code(postal_code=mentorship.profile.postal_code))
    seen = {actor.pk}
    for recipient in recipients:
        if recipient.pk in seen:
            continue
        seen.add(recipient.pk)
        notification_create(
            recipient=recipient,
            kind=kind,
            params={},
            url_name="mentoring:mentorship_detail",
            url_kwargs={"pk": mentorship.pk},
        )


def _require(mentorship: Mentorship, user: User, roles: tuple[str, ...]) -> str:
    role = mentorship_role_of(user=user, mentorship=mentorship)
    if role not in roles:
        raise PermissionDenied
    return role


def _require_status(mentorship: Mentorship, target: str) -> None:
    if target not in TRANSITIONS.get(mentorship.status, ()):
        raise ValidationError(STEP_NOT_POSSIBLE)


def _clean_reason(reason: str, *, required: bool) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise ValidationError({"reason": [_("Please give a reason.")]})
    if len(reason) > 1000:
        raise ValidationError({"reason": [_("Please write at most 1000 characters.")]})
    return reason


@transaction.atomic
def mentorship_accept(*, mentorship: Mentorship, user: User) -> Mentorship:
    """The candidate or the mentor says yes; with both yeses the mentorship is accepted."""
    mentorship = _locked(mentorship)
    role = _require(mentorship, user, (ROLE_CANDIDATE, ROLE_MENTOR))
    if mentorship.status != MentorshipStatus.PROPOSED:
        raise ValidationError(STEP_NOT_POSSIBLE)
    now = timezone.now()
    if role == ROLE_CANDIDATE:
        if mentorship.candidate_accepted_at:
            return mentorship
        mentorship.candidate_accepted_at = now
        step = MentorshipStep.CANDIDATE_ACCEPTED
    else:
        if mentorship.mentor_accepted_at:
            return mentorship
        mentorship.mentor_accepted_at = now
        step = MentorshipStep.MENTOR_ACCEPTED
    if mentorship.candidate_accepted_at and mentorship.mentor_accepted_at:
        mentorship.status = MentorshipStatus.ACCEPTED
    mentorship.save(update_fields=["candidate_accepted_at", "mentor_accepted_at", "status", "updated_at"])
    _record(mentorship, step=step, actor=user)
    if mentorship.status == MentorshipStatus.ACCEPTED:
        _notify(mentorship, kind="mentorship_accepted", actor=user, coordinators=True)
    return mentorship


@transaction.atomic
def mentorship_decline(*, mentorship: Mentorship, user: User, reason: str) -> Mentorship:
    """The candidate or the mentor says no to a proposal: it ends and the request waits for another mentor."""
    reason = _clean_reason(reason, required=True)
    mentorship = _locked(mentorship)
    _require(mentorship, user, (ROLE_CANDIDATE, ROLE_MENTOR))
    if mentorship.status != MentorshipStatus.PROPOSED:
        raise ValidationError(STEP_NOT_POSSIBLE)
    mentorship.status = MentorshipStatus.ENDED
    mentorship.ended_reason = reason
    mentorship.save(update_fields=["status", "ended_reason", "updated_at"])
    _record(mentorship, step=MentorshipStep.DECLINED, actor=user, reason=reason)
    _notify(mentorship, kind="mentorship_declined", actor=user)
    _request_reopen(mentorship, actor=user)
    return mentorship


def _request_reopen(mentorship: Mentorship, *, actor: User) -> None:
    """A proposal that came to nothing puts its request back on the coordinators' list."""
    request = mentorship.request
    if request is None or request.status != MentorRequestStatus.ASSIGNED:
        return
    if mentorship.profile.mentor_requests.filter(status=MentorRequestStatus.WAITING).exists():
        return
    request.status = MentorRequestStatus.WAITING
    request.save(update_fields=["status", "updated_at"])
    for coordinator in coordinators_for_postal_code(postal_code=mentorship.profile.postal_code):
        if coordinator.pk != actor.pk:
            notification_create(
                recipient=coordinator,
                kind="mentorship_declined_coordinator",
                params={},
                url_name="mentoring:request_detail",
                url_kwargs={"pk": request.pk},
            )


@transaction.atomic
def mentorship_activate(*, mentorship: Mentorship, user: User) -> Mentorship:
    """The coordinator or the mentor starts an accepted mentorship, or resumes a paused one."""
    mentorship = _locked(mentorship)
    _require(mentorship, user, (ROLE_MENTOR, ROLE_COORDINATOR))
    _require_status(mentorship, MentorshipStatus.ACTIVE)
    step = MentorshipStep.RESUMED if mentorship.status == MentorshipStatus.PAUSED else MentorshipStep.ACTIVATED
    mentorship.status = MentorshipStatus.ACTIVE
    mentorship.save(update_fields=["status", "updated_at"])
    _record(mentorship, step=step, actor=user)
    _notify(
        mentorship, kind="mentorship_resumed" if step == MentorshipStep.RESUMED else "mentorship_activated", actor=user
    )
    return mentorship


@transaction.atomic
def mentorship_pause(*, mentorship: Mentorship, user: User, reason: str = "") -> Mentorship:
    reason = _clean_reason(reason, required=False)
    mentorship = _locked(mentorship)
    _require(mentorship, user, (ROLE_MENTOR, ROLE_COORDINATOR))
    _require_status(mentorship, MentorshipStatus.PAUSED)
    mentorship.status = MentorshipStatus.PAUSED
    mentorship.save(update_fields=["status", "updated_at"])
    _record(mentorship, step=MentorshipStep.PAUSED, actor=user, reason=reason)
    _notify(mentorship, kind="mentorship_paused", actor=user)
    return mentorship


@transaction.atomic
def mentorship_end(*, mentorship: Mentorship, user: User, reason: str) -> Mentorship:
    """The coordinator or the mentor ends a mentorship; a reason is required. The mentor's place becomes free."""
    reason = _clean_reason(reason, required=True)
    mentorship = _locked(mentorship)
    role = _require(mentorship, user, (ROLE_MENTOR, ROLE_COORDINATOR))
    _require_status(mentorship, MentorshipStatus.ENDED)
    was_proposed = mentorship.status == MentorshipStatus.PROPOSED
    mentorship.status = MentorshipStatus.ENDED
    mentorship.ended_reason = reason
    mentorship.save(update_fields=["status", "ended_reason", "updated_at"])
    _record(mentorship, step=MentorshipStep.ENDED, actor=user, reason=reason)
    _notify(mentorship, kind="mentorship_ended", actor=user, coordinators=role == ROLE_MENTOR)
    if was_proposed:
        _request_reopen(mentorship, actor=user)
    return mentorship


def mentorship_actions(*, mentorship: Mentorship, user: User) -> list[str]:
    """The steps this user may take now, for the buttons on the page (the services check again)."""
    role = mentorship_role_of(user=user, mentorship=mentorship)
    status = mentorship.status
    actions = []
    if status == MentorshipStatus.PROPOSED and role in (ROLE_CANDIDATE, ROLE_MENTOR):
        accepted = mentorship.candidate_accepted_at if role == ROLE_CANDIDATE else mentorship.mentor_accepted_at
        if not accepted:
            actions.append("accept")
        actions.append("decline")
    if role in (ROLE_MENTOR, ROLE_COORDINATOR):
        allowed = TRANSITIONS.get(status, ())
        if MentorshipStatus.ACTIVE in allowed:
            actions.append("activate")
        if MentorshipStatus.PAUSED in allowed:
            actions.append("pause")
        # A mentor answers a proposal with "decline"; a coordinator may withdraw it ("end").
        if MentorshipStatus.ENDED in allowed and (status != MentorshipStatus.PROPOSED or role == ROLE_COORDINATOR):
            actions.append("end")
    return actions


# --- Notes -------------------------------------------------------------------------------------------------


@transaction.atomic
def mentorship_note_add(
    *, mentorship: Mentorship, author: User, text: str, date: datetime.date | None = None
) -> MentorshipNote:
    """A short dated note of the mentor or a coordinator; only they can read it."""
    if mentorship_role_of(user=author, mentorship=mentorship) not in (ROLE_MENTOR, ROLE_COORDINATOR):
        raise PermissionDenied
    text = (text or "").strip()
    date = date or timezone.localdate()
    errors: dict[str, list] = {}
    if not text:
        errors["text"] = [_("Please write the note.")]
    elif len(text) > 2000:
        errors["text"] = [_("Please write at most 2000 characters.")]
    if date > timezone.localdate():
        errors["date"] = [_("The date cannot be in the future.")]
    elif (error := date_range_error(date, years_back=NOTE_YEARS_BACK)) is not None:
        errors["date"] = error.messages
    if errors:
        raise ValidationError(errors)
    return MentorshipNote.objects.create(mentorship=mentorship, author=author, date=date, text=text)


def mentorships_require_ended_for_account(user) -> None:
    """A mentor ends their mentorships before leaving, so that nobody they accompany is dropped without a word."""
    if Mentorship.objects.current().filter(mentor__user=user).exists():
        raise ValidationError(
            _(
                "You still accompany people as a mentor. Please end these mentorships first, so that they know. "
                "Then delete your account."
            ),
            code="mentorships_current",
        )
