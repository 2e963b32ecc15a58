from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from places.geo import coordinates_of
from portal.vocabulary import SPOKEN_LANGUAGES

from .models import TIME_LIMITED_KINDS, Membership, Organisation, Vacancy, VacancyStatus


@transaction.atomic
def organisation_create_with_admin(
    *, name: str, admin: User, is_employer: bool = True, is_course_provider: bool = False
) -> Organisation:
    """A new organisation whose first staff member administers it."""
    organisation = Organisation.objects.create(
        name=name.strip(), is_employer=is_employer, is_course_provider=is_course_provider
    )
    Membership.objects.create(organisation=organisation, user=admin, is_admin=True)
    return organisation


# --- Vacancies ---------------------------------------------------------------------------------------------

VACANCY_EDITABLE_FIELDS = [
    "kind", "title", "description", "occupation", "german_level_required", "useful_languages", "postal_code",
    "hours_per_week", "shift_work", "start_date", "duration_weeks", "is_paid", "support_language", "support_mentor",
    "support_paperwork", "support_housing", "support_childcare", "expires_on",
]  # fmt: skip


def _vacancy_validate(vacancy: Vacancy) -> None:
    """The rules a vacancy must meet before it is saved, as translated errors next to the fields."""
    errors = {}
    if vacancy.kind in TIME_LIMITED_KINDS and not vacancy.duration_weeks:
        errors["duration_weeks"] = _("Internships, job shadowing, work trials and EQ need a duration in weeks.")
    if vacancy.useful_languages and not set(vacancy.useful_languages) <= {code for code, _name in SPOKEN_LANGUAGES}:
        errors["useful_languages"] = _("Please choose the languages from the list.")
    if vacancy.start_date and vacancy.expires_on and vacancy.expires_on > vacancy.start_date + timedelta(days=366):
        errors["expires_on"] = _("A vacancy can stay open for at most a year after its start.")
    if errors:
        raise ValidationError(errors)
    vacancy.full_clean(exclude=["latitude", "longitude", "organisation", "created_by", "unpublished_by"])


def _vacancy_locate(vacancy: Vacancy) -> None:
    vacancy.latitude, vacancy.longitude = coordinates_of(vacancy.postal_code)


@transaction.atomic
def vacancy_create(*, organisation: Organisation, created_by: User, publish: bool = False, **fields) -> Vacancy:
    """A new vacancy of the organisation, saved as a draft or published straight away."""
    unknown = set(fields) - set(VACANCY_EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown vacancy fields: {sorted(unknown)}")
    vacancy = Vacancy(organisation=organisation, created_by=created_by, **fields)
    _vacancy_validate(vacancy)
    _vacancy_locate(vacancy)
    vacancy.save()
    if publish:
        vacancy_publish(vacancy=vacancy)
    else:
        _vacancy_changed(vacancy)
    return vacancy


@transaction.atomic
def vacancy_update(*, vacancy: Vacancy, **fields) -> Vacancy:
    unknown = set(fields) - set(VACANCY_EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown vacancy fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(vacancy, name, value)
    _vacancy_validate(vacancy)
    _vacancy_locate(vacancy)
    vacancy.save()
    _vacancy_changed(vacancy)
    return vacancy


def vacancy_publish(*, vacancy: Vacancy) -> Vacancy:
    """Publish a draft (or re-publish an expired or unpublished one); an expiry date in the past is refused."""
    if vacancy.status == VacancyStatus.FILLED:
        raise ValidationError(_("This vacancy is filled. Create a new one to offer it again."))
    if vacancy.expires_on and vacancy.expires_on < timezone.localdate():
        raise ValidationError({"expires_on": _("The date until which the offer is open lies in the past.")})
    vacancy.status = VacancyStatus.PUBLISHED
    vacancy.published_at = timezone.now()
    vacancy.unpublished_reason, vacancy.unpublished_at, vacancy.unpublished_by = "", None, None
    vacancy.save(
        update_fields=["status", "published_at", "unpublished_reason", "unpublished_at", "unpublished_by", "updated_at"]
    )
    _vacancy_changed(vacancy)
    return vacancy


def vacancy_mark_filled(*, vacancy: Vacancy) -> Vacancy:
    vacancy.status = VacancyStatus.FILLED
    vacancy.save(update_fields=["status", "updated_at"])
    _vacancy_changed(vacancy)
    return vacancy


def vacancy_unpublish(*, vacancy: Vacancy, by: User, reason: str) -> Vacancy:
    """A coordinator or admin takes an inappropriate vacancy offline; the employer sees the reason."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Please tell the employer why the vacancy is taken offline.")})
    vacancy.status = VacancyStatus.DRAFT
    vacancy.unpublished_reason = reason
    vacancy.unpublished_at = timezone.now()
    vacancy.unpublished_by = by
    vacancy.save(update_fields=["status", "unpublished_reason", "unpublished_at", "unpublished_by", "updated_at"])
    transaction.on_commit(lambda: _notify_unpublished(vacancy.pk))
    _vacancy_changed(vacancy)
    return vacancy


def _notify_unpublished(vacancy_id: int) -> None:
    from notifications.services import notification_create

    vacancy = Vacancy.objects.select_related("organisation").get(pk=vacancy_id)
    for membership in vacancy.organisation.memberships.select_related("user"):
        notification_create(
            recipient=membership.user,
            kind="vacancy_unpublished",
            params={"title": vacancy.title},
            url_name="employers:vacancy_detail",
            url_kwargs={"pk": vacancy.pk},
        )


def vacancies_expire_due(*, today=None, batch_size: int = 500) -> int:
    """Close every published vacancy whose expiry date has passed; running it twice changes nothing."""
    expired = 0
    while True:
        ids = list(Vacancy.objects.due_to_expire(today=today).values_list("pk", flat=True)[:batch_size])
        if not ids:
            return expired
        expired += Vacancy.objects.filter(pk__in=ids, status=VacancyStatus.PUBLISHED).update(
            status=VacancyStatus.EXPIRED, updated_at=timezone.now()
        )


def _vacancy_changed(vacancy: Vacancy) -> None:
    """Hook for what depends on vacancies (matching recomputes them in a later issue)."""
