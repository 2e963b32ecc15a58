"""Demo events on top of portal.demo: a job fair for migrant women, a Patenschaft evening, an online workshop.

Runs after `portal.demo.demo_seed` (it needs the demo organisations and accounts). Written through the event
services; running it again changes nothing, except that an event which has started is moved to its next date,
so the demo always shows upcoming events.
"""

from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from employers.models import Organisation
from events.models import Event, EventKind, EventStatus, TargetGroup
from events.selectors import registration_of
from events.services import event_create, event_publish, event_register, event_update

# Employers from portal.demo.ORGANISATIONS that have a stand at the job fair.
JOB_FAIR_EMPLOYERS = [
    "Malerbetrieb Brinkmann mit eigenem Ausbildungszentrum",
    "Lahe Logistik GmbH",
    "Seniorenzentrum Haseufer gGmbH",
    "Pflegeheim Am Kalkberg",
    "Hotel Hafenblick Cuxhaven",
]

# Each event: who organises it (a demo login), when (days from today, local start and end time), what.
EVENTS = [
    {
        "organiser": "kuemmerer@demo.example.org",
        "days_ahead": 21, "start": time(10, 0), "end": time(15, 0), "deadline_days_before": 2,
        "participating": JOB_FAIR_EMPLOYERS,
        "fields": {
            "kind": EventKind.JOB_FAIR,
            "title": "Jobmesse für Frauen: Arbeit, Ausbildung und Kinderbetreuung",
            "description": (
                "Arbeitgeberinnen und Arbeitgeber aus Pflege, Logistik, Handwerk und Hotellerie stellen sich vor "
                "und suchen Mitarbeiterinnen und Auszubildende. Sie können direkt am Stand ins Gespräch kommen; "
                "bringen Sie gern Ihren Lebenslauf mit. Dolmetscherinnen sprechen Arabisch, Dari/Farsi, "
                "Ukrainisch und Türkisch. Während der Messe betreuen Erzieherinnen Ihre Kinder im Nebenraum."
            ),
            "online": False, "postal_code": "30159", "address": "Neues Rathaus, Trammplatz 2, Hodlersaal",
            "online_url": "", "languages": ["de", "ar", "fa", "uk", "tr"], "capacity": 80,
            "target_group": TargetGroup.WOMEN, "childcare": True,
        },
        "registrants": [("elif@demo.example.org", True), ("kandidatin@demo.example.org", True)],
    },
    {
        "organiser": "kuemmerer.wendland@demo.example.org",
        "days_ahead": 10, "start": time(18, 30), "end": time(20, 30), "deadline_days_before": 0,
        "participating": [],
        "fields": {
            "kind": EventKind.MENTORING_INFO,
            "title": "Infoabend: Patin oder Pate werden im Wendland",
            "description": (
                "Wie wird man Patin oder Pate für eine geflüchtete Familie oder eine Auszubildende? Wir erzählen "
                "von unseren Patenschaften, beantworten Fragen zu Zeitaufwand und Versicherung und bringen "
                "Interessierte mit Menschen zusammen, die Begleitung suchen. Mit Tee und Gebäck."
            ),
            "online": False, "postal_code": "29439", "address": "Kreishaus Lüchow, Königsberger Straße 10",
            "online_url": "", "languages": ["de", "fa", "ar"], "capacity": 30,
            "target_group": TargetGroup.EVERYONE, "childcare": False,
        },
        "registrants": [("mariam@demo.example.org", False), ("mentorin.wendland@demo.example.org", False)],
    },
    {
        "organiser": "anbieter@demo.example.org",
        "days_ahead": 7, "start": time(17, 0), "end": time(18, 30), "deadline_days_before": 1,
        "participating": [],
        "fields": {
            "kind": EventKind.WORKSHOP,
            "title": "Online-Workshop: Bewerben in Deutschland",
            "description": (
                "Lebenslauf, Anschreiben und Vorstellungsgespräch: was deutsche Betriebe erwarten. Wir üben "
                "gemeinsam und beantworten Ihre Fragen, auf Deutsch mit Übersetzung ins Ukrainische und Russische."
            ),
            "online": True, "postal_code": "", "address": "",
            "online_url": "https://meet.example.org/bruecke-bewerben", "languages": ["de", "uk", "ru", "en"],
            "capacity": 25, "target_group": TargetGroup.EVERYONE, "childcare": False,
        },
        "registrants": [("kandidatin@demo.example.org", False), ("dmytro@demo.example.org", False)],
    },
]  # fmt: skip


def _moments(spec: dict, today) -> dict:
    day = today + timedelta(days=spec["days_ahead"])
    starts_at = timezone.make_aware(datetime.combine(day, spec["start"]))
    deadline_day = day - timedelta(days=spec["deadline_days_before"])
    deadline = min(timezone.make_aware(datetime.combine(deadline_day, time(23, 59, 59))), starts_at)
    return {
        "starts_at": starts_at,
        "ends_at": timezone.make_aware(datetime.combine(day, spec["end"])),
        "registration_deadline": deadline,
    }


def _user(email: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        raise ValueError(f"Demo account {email} is missing: run portal.demo.demo_seed first.")
    return user


@transaction.atomic
def events_demo_seed() -> list[Event]:
    """Create the demo events and a few registrations where they are missing; returns the events."""
    now = timezone.now()
    today = timezone.localdate(now)
    events = []
    for spec in EVENTS:
        organiser = _user(spec["organiser"])
        organisations = list(Organisation.objects.filter(name__in=spec["participating"]).order_by("name"))
        if len(organisations) != len(spec["participating"]):
            raise ValueError("Demo employers of the job fair are missing: run portal.demo.demo_seed first.")
        event = Event.objects.filter(organiser=organiser, title=spec["fields"]["title"]).first()
        if event is None:
            event = event_create(
                created_by=organiser,
                participating_organisations=organisations,
                publish=True,
                **spec["fields"],
                **_moments(spec, today),
            )
        elif event.status != EventStatus.CANCELLED:
            event = _event_restore(event, spec, organiser, organisations, now=now, today=today)
        events.append(event)
        for email, confirms in spec["registrants"]:
            user = _user(email)
            if registration_of(event=event, user=user) is None:
                try:
                    event_register(event=event, user=user, confirms_target_group=confirms, now=now)
                except ValidationError:
                    pass  # full or closed: the demo does not force anybody in
    return events


def _event_restore(event: Event, spec: dict, organiser: User, organisations: list, *, now, today) -> Event:
    """Put a demo event back to the demo state; its dates change only once it has started."""
    wanted = dict(spec["fields"])
    if event.starts_at <= now:
        wanted.update(_moments(spec, today))
    changed = {name: value for name, value in wanted.items() if getattr(event, name) != value}
    same_employers = {o.pk for o in event.participating_organisations.all()} == {o.pk for o in organisations}
    if changed or not same_employers:
        event = event_update(event=event, by=organiser, participating_organisations=organisations, **changed)
    if event.status == EventStatus.DRAFT:
        event = event_publish(event=event, by=organiser, now=now)
    return event
