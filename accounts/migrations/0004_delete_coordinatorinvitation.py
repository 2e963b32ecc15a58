from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_invitation_rows"),
    ]

    operations = [
        migrations.DeleteModel(name="CoordinatorInvitation"),
    ]
