"""Demo offers from the Jobbörse for `manage.py seed_demo`: the recorded Lower Saxony sample, imported offline.

The sync runs against the recorded sample as it would against the Jobbörse, so the demo shows imported
offers (marked as such), an employer's own offer linked instead of shown twice, and occupations waiting for a
coordinator. The sample's dates move with the day of seeding; seeding again the same day changes nothing.
"""

from django.utils import timezone

from jobboerse.areas import LOWER_SAXONY_DISTRICTS
from jobboerse.recorded import RecordedJobboerse, load_sample
from jobboerse.services import jobboerse_sync


def jobboerse_demo_seed() -> None:
    today = timezone.localdate()
    jobboerse_sync(source=RecordedJobboerse(load_sample(today=today)), areas=list(LOWER_SAXONY_DISTRICTS), today=today)
