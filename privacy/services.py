"""A person's control over their data: deleting the account (consent to be seen lives with the profile, portal)."""

import contextlib
import logging
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import router, transaction
from django.db.models import FileField
from django.db.models.deletion import Collector
from django.utils import timezone
from django.utils.module_loading import import_string

from accounts.models import Role, User

logger = logging.getLogger(__name__)


def _stored_files(collector: Collector) -> list[tuple]:
    """(storage, name) of every file held by a row the deletion will remove, whatever app it belongs to."""
    files = []

    def add(model, instances):
        file_fields = [field for field in model._meta.concrete_fields if isinstance(field, FileField)]
        if not file_fields:
            return
        for instance in instances:
            for field in file_fields:
                stored = getattr(instance, field.attname)
                if stored:
                    files.append((field.storage, stored.name if hasattr(stored, "name") else stored))

    for model, instances in collector.data.items():
        add(model, instances)
    for queryset in collector.fast_deletes:
        add(queryset.model, queryset)
    return files


def _sessions_of(user: User) -> list[str]:
    """Keys of the database sessions in which this person is logged in."""
    engine = import_string(f"{settings.SESSION_ENGINE}.SessionStore")
    if not hasattr(engine, "get_model_class") or engine.get_model_class() is not Session:
        return []
    user_id = str(user.pk)
    return [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == user_id
    ]


# Steps other apps need before a person's rows disappear, as dotted paths to callables taking the user and
# run inside the deletion's transaction: e.g. cancelling course registrations through the courses service so
# the seat goes to the waiting list, which a plain cascade would not do.
ACCOUNT_DELETION_STEPS: list[str] = [
    # First the refusals: a mentor still accompanying people, an organisation's last admin with colleagues.
    "mentoring.services.mentorships_require_ended_for_account",
    "employers.services.membership_leave_for_account",
    "courses.services.course_registrations_release_for_account",
    "events.services.event_registrations_release_for_account",
    "matching.services.match_delete_for_account",
]

# Roles whose owners may delete their account themselves; admins are operators, removed by another admin.
SELF_DELETING_ROLES = (Role.CANDIDATE, Role.EMPLOYER, Role.PROVIDER, Role.MENTOR, Role.COORDINATOR)


# What the admin log shows instead of a deleted person's name (not translated: the log is one language).
DELETED_REPR = "(deleted account)"


def _admin_log_scrub(collector: Collector) -> int:
    """Entries of the admin log about the rows being deleted keep what happened but no longer name the person."""
    scrubbed = 0
    groups = [(model, [instance.pk for instance in instances]) for model, instances in collector.data.items()]
    groups += [(queryset.model, list(queryset.values_list("pk", flat=True))) for queryset in collector.fast_deletes]
    for model, pks in groups:
        if not pks:
            continue
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        object_ids = [str(pk) for pk in pks]
        scrubbed += LogEntry.objects.filter(content_type=content_type, object_id__in=object_ids).update(
            object_repr=DELETED_REPR, change_message=""
        )
    return scrubbed


def _remove_files(files: list[tuple], folders: set[tuple]) -> None:
    for storage, name in files:
        storage.delete(name)
    # The person's folder of documents goes too once it is empty (file-system storage only).
    for storage, folder in folders:
        path = getattr(storage, "path", None)
        if path is None:
            continue
        with contextlib.suppress(OSError, NotImplementedError):
            directory = Path(path(folder))
            if directory.is_dir() and not any(directory.iterdir()):
                directory.rmdir()


def account_delete(*, user: User) -> None:
    """Delete the account and everything that hangs on it: rows, sessions, admin-log names and, after commit,
    stored files and the emptied folder.

    Staff leave their organisation first (its offers and history stay with it); the last admin of an
    organisation with colleagues must hand over first, and a mentor must end current mentorships first
    (ValidationError).
    """
    if user.role not in SELF_DELETING_ROLES:
        raise ValueError("This account cannot be deleted by its owner.")
    user_id = user.pk
    with transaction.atomic():
        for step in ACCOUNT_DELETION_STEPS:
            import_string(step)(user)
        collector = Collector(using=router.db_for_write(User, instance=user))
        collector.collect([user])
        files = _stored_files(collector)
        folders = {(storage, str(PurePosixPath(name).parent)) for storage, name in files}
        scrubbed = _admin_log_scrub(collector)
        session_store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")
        for session_key in _sessions_of(user):
            session_store(session_key).delete()  # the row and, with cached sessions, the cached copy
        user.delete()
        transaction.on_commit(lambda: _remove_files(files, folders))
    logger.info("account deleted user=%s files=%s admin_log_entries=%s", user_id, len(files), scrubbed)
