"""Demo mentoring on top of portal.demo: the five demo mentors with approved profiles, three candidates
waiting for a mentor, and one active mentorship in Osnabrück with a note.

Runs after `portal.demo.demo_seed` (it needs the demo accounts). Written through the mentoring services;
running it again changes nothing.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from mentoring.models import MentorProfile
from mentoring.selectors import coordinators_for_postal_code
from mentoring.services import (
    mentor_approve,
    mentor_profile_save,
    mentor_request_create,
    mentorship_accept,
    mentorship_activate,
    mentorship_note_add,
    mentorship_propose,
)
from portal.models import CandidateProfile

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

# Candidates from portal.demo who wait for a mentor: topics and a message.
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


@transaction.atomic
def mentoring_demo_seed() -> None:
    """Create the demo mentoring where it is missing; existing demo state is left as it is."""
    for email, wanted in MENTOR_PROFILES.items():
        user = User.objects.filter(email=email, role=Role.MENTOR).first()
        if user is None:
            continue
        mentor = MentorProfile.objects.filter(user=user).first()
        if mentor is None or any(_differs(getattr(mentor, name), value) for name, value in wanted.items()):
            mentor = mentor_profile_save(user=user, **wanted)
        if not mentor.is_approved:
            mentor_approve(mentor=mentor, approved_by=_coordinator_for(mentor.postal_code))

    for email, (topics, message) in WAITING_REQUESTS.items():
        profile = CandidateProfile.objects.filter(user__email=email).first()
        if profile is not None and not profile.mentor_requests.exists() and profile.postal_code:
            mentor_request_create(profile=profile, topics=topics, message=message)

    profile = CandidateProfile.objects.filter(user__email=ACTIVE["candidate"]).first()
    mentor = MentorProfile.objects.filter(user__email=ACTIVE["mentor"]).select_related("user").first()
    if profile is None or mentor is None or profile.mentor_requests.exists() or not profile.postal_code:
        return
    request = mentor_request_create(profile=profile, topics=ACTIVE["topics"], message=ACTIVE["message"])
    mentorship = mentorship_propose(
        mentor_request=request, mentor=mentor, proposed_by=_coordinator_for(profile.postal_code)
    )
    mentorship = mentorship_accept(mentorship=mentorship, user=profile.user)
    mentorship = mentorship_accept(mentorship=mentorship, user=mentor.user)
    mentorship = mentorship_activate(mentorship=mentorship, user=mentor.user)
    mentorship_note_add(
        mentorship=mentorship,
        author=mentor.user,
        text=ACTIVE["note"],
        date=timezone.localdate() - datetime.timedelta(days=3),
    )


def _differs(current, wanted) -> bool:
    if isinstance(wanted, list):
        return sorted(current) != sorted(wanted)
    return current != wanted


def _coordinator_for(postal_code: str) -> User:
    """The demo coordinator of the place, or the demo admin where no region covers it."""
    coordinator = coordinators_for_postal_code(postal_code=postal_code).order_by("pk").first()
    return coordinator or User.objects.filter(role=Role.ADMIN, is_active=True).order_by("pk").first()
