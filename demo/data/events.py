"""The demo events: a job fair for migrant women, a Patenschaft evening, an online workshop."""

from datetime import time

from events.models import EventKind, TargetGroup

# Employers from demo.data.organisations that have a stand at the job fair.
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
