"""The demo mentoring: the mentors' profiles, candidates waiting for a mentor, one active mentorship."""

MENTOR_PROFILES = {
    "mentorin@demo.example.org": {
        "languages": ["de", "en"], "postal_code": "30163", "travel_radius_km": 30, "capacity": 3,
        "helps_with": ["job_search", "applications", "paperwork"], "availability": ["evenings", "weekends"],
        "about": "Ich war 30 Jahre Personalreferentin bei einem Logistikunternehmen und helfe gern bei "
        "Bewerbungen und beim ersten Schritt in den Betrieb.",
    },
    "mentor.cuxhaven@demo.example.org": {
        "languages": ["de"], "postal_code": "21762", "travel_radius_km": 30, "capacity": 2,
        "helps_with": ["paperwork", "german_practice", "everyday_life"], "availability": ["weekdays"],
        "about": "Rentner, früher bei der Gemeindeverwaltung. Ich kenne die Ämter im Landkreis und habe Zeit.",
    },
    "mentorin.osnabrueck@demo.example.org": {
        "languages": ["de", "ar", "en"], "postal_code": "49074", "travel_radius_km": 15, "capacity": 3,
        "helps_with": ["applications", "paperwork", "everyday_life"], "availability": ["evenings", "weekends"],
        "about": "Ich bin 2015 aus Damaskus gekommen, habe hier eine Ausbildung gemacht und weiß, wie schwer "
        "der Anfang ist.",
    },
    "mentorin.wendland@demo.example.org": {
        "languages": ["de"], "postal_code": "29451", "travel_radius_km": 40, "capacity": 2,
        "helps_with": ["german_practice", "everyday_life"], "availability": ["weekdays", "weekends"],
        "about": "Lehrerin im Ruhestand. Bei Kaffee und Kuchen Deutsch üben, das geht am besten.",
    },
    "mentorin.lingen@demo.example.org": {
        "languages": ["de", "uk", "ru"], "postal_code": "49809", "travel_radius_km": 30, "capacity": 2,
        "helps_with": ["job_search", "applications", "german_practice"], "availability": ["evenings"],
        "about": "Ich arbeite in der Pflege und begleite gern Menschen, die in Gesundheitsberufen anfangen wollen.",
    },
}  # fmt: skip

# Demo candidates who wait for a mentor: topics and a message.
WAITING_REQUESTS = {
    "ahmad@demo.example.org": (
        ["job_search", "applications"],
        "Ich suche Arbeit als Lagerist und brauche Hilfe mit dem Lebenslauf.",
    ),
    "dmytro@demo.example.org": (["paperwork", "german_practice"], "Briefe vom Jobcenter verstehe ich oft nicht."),
    "reza@demo.example.org": (["paperwork", "everyday_life"], ""),
}

ACTIVE = {
    "candidate": "kandidatin@demo.example.org",
    "mentor": "mentorin.osnabrueck@demo.example.org",
    "topics": ["applications", "everyday_life"],
    "message": "Ich möchte in der Pflege arbeiten und brauche jemanden, der mir bei den Bewerbungen hilft.",
    "note": "Erstes Treffen im Café am Markt. Lebenslauf gemeinsam angefangen, Anerkennung der Ausbildung "
    "besprochen. Nächstes Treffen in zwei Wochen.",
}
