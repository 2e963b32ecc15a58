"""A scratch database for a benchmark: created beside the configured one, dropped afterwards.

Used by the benchmarks that build their own data (`python benchmarks/<name>.py`, Django already set up):
on PostgreSQL `<NAME>_bench`, on SQLite a file in a temporary folder. Tasks run in-process and e-mails stay in
memory, so nothing leaves the machine.
"""

import os
import shutil
import tempfile
from collections.abc import Callable

from django.conf import settings
from django.db import connection


def run_in_scratch_database(run: Callable[[], None]) -> None:
    from config.celery import app

    app.conf.task_always_eager = True  # nothing leaves for a broker
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    test_settings = connection.settings_dict.setdefault("TEST", {})
    vendor = connection.vendor
    workdir = None
    if vendor == "sqlite":
        workdir = tempfile.mkdtemp(prefix="bruecke-bench-")
        test_settings["NAME"] = os.path.join(workdir, "bench.sqlite3")
    else:
        test_settings["NAME"] = f"{connection.settings_dict['NAME']}_bench"
    print(f"Benchmark database: {vendor}, {test_settings['NAME']} (dropped afterwards)")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        if workdir:
            shutil.rmtree(workdir, ignore_errors=True)
