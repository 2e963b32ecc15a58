from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.services import demo_seed

# Where `make run` serves the portal.
DEMO_URL = "http://127.0.0.1:8000/"


class Command(BaseCommand):
    help = "Load the demo data (running it again changes nothing) and print one login per role."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even though DEBUG is off.")

    def handle(self, *args, force: bool, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo only runs with DEBUG on: demo passwords must never reach production "
                "(pass --force to run it anyway)."
            )
        logins = demo_seed()
        role_width = max(map(len, logins)) + 2
        email_width = max(map(len, logins.values())) + 2
        self.stdout.write(f"Demo data is ready. Log in at {DEMO_URL}\n")
        self.stdout.write(f"  {'role':<{role_width}}{'e-mail':<{email_width}}password")
        for role, email in logins.items():
            self.stdout.write(f"  {role:<{role_width}}{email:<{email_width}}{settings.DEMO_PASSWORD}")
