from django.db import migrations


class Migration(migrations.Migration):
    """Staff invitations live in accounts.Invitation now; accounts 0003 moved the rows."""

    dependencies = [
        ("employers", "0007_vacancy_status_kind_geo"),
        ("accounts", "0003_invitation_rows"),
    ]

    operations = [
        migrations.DeleteModel(name="StaffInvitation"),
    ]
