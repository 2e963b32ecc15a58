from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo data of every app and `manage.py seed_demo`.

    An aggregating top layer: it writes through the other apps' services, and no other app imports it.
    """

    name = "demo"
