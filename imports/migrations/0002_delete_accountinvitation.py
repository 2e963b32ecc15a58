from django.db import migrations


class Migration(migrations.Migration):
    """Invitations of imported accounts live in accounts.Invitation now; accounts 0003 moved the rows."""

    dependencies = [
        ("imports", "0001_initial"),
        ("accounts", "0003_invitation_rows"),
    ]

    operations = [
        migrations.DeleteModel(name="AccountInvitation"),
    ]
