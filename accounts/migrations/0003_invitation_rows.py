"""Move the rows of the three invitation tables into accounts.Invitation.

Each row keeps its dates and its old id (legacy_id): links sent before the merge are signed with the old table's
salt and id, and accounts.selectors still opens them until they expire.
"""

from django.core.management.color import no_style
from django.db import migrations

COLUMNS = ("invited_by_id", "created_at", "sent_at", "accepted_at")


def forwards(apps, schema_editor):
    Invitation = apps.get_model("accounts", "Invitation")
    sources = (
        ("coordinator", apps.get_model("accounts", "CoordinatorInvitation"), ("email", "language", "region_id")),
        ("staff", apps.get_model("employers", "StaffInvitation"), ("email", "language", "organisation_id")),
        ("imported_account", apps.get_model("imports", "AccountInvitation"), ("user_id",)),
    )
    for kind, model, own in sources:
        rows = model.objects.order_by("pk").values("pk", *COLUMNS, *own)
        Invitation.objects.bulk_create(
            [Invitation(kind=kind, legacy_id=row.pop("pk"), **row) for row in rows.iterator(chunk_size=2000)],
            batch_size=2000,
        )


def backwards(apps, schema_editor):
    """Back into the three tables under their old ids (invitations made after the merge get new ones)."""
    Invitation = apps.get_model("accounts", "Invitation")
    targets = {
        "coordinator": (apps.get_model("accounts", "CoordinatorInvitation"), ("email", "language", "region_id")),
        "staff": (apps.get_model("employers", "StaffInvitation"), ("email", "language", "organisation_id")),
        "imported_account": (apps.get_model("imports", "AccountInvitation"), ("user_id",)),
    }
    for kind, (model, own) in targets.items():
        rows = Invitation.objects.filter(kind=kind).order_by("pk").values("legacy_id", *COLUMNS, *own)
        model.objects.bulk_create([model(pk=row.pop("legacy_id"), **row) for row in rows], batch_size=2000)
        # The rows were given their old ids explicitly: move the table's sequence past them.
        for sql in schema_editor.connection.ops.sequence_reset_sql(no_style(), [model]):
            schema_editor.execute(sql)
    Invitation.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_invitation"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
