"""The demo events: a job fair for migrant women in Hannover, a Patenschaft evening in Lüchow, an online workshop."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from demo.data.organisations import ORGANISATIONS
from demo.services import demo_events_seed
from events.models import Event, EventRegistration

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_demo")]


def _rows() -> dict[str, list]:
    return {
        "events": list(Event.objects.order_by("pk").values()),
        "employers": list(Event.participating_organisations.through.objects.order_by("pk").values()),
        "registrations": list(EventRegistration.objects.order_by("pk").values()),
    }


def test_the_demo_has_a_job_fair_for_migrant_women_with_childcare_in_hannover():
    fair = Event.objects.get(kind="job_fair")
    assert (fair.status, fair.target_group, fair.childcare, fair.postal_code) == ("published", "women", True, "30159")
    employers = set(fair.participating_organisations.values_list("name", flat=True))
    assert len(employers) >= 3
    assert employers <= {organisation["name"] for organisation in ORGANISATIONS if organisation["is_employer"]}
    assert fair.registrations.registered().count() >= 1


def test_the_demo_has_a_patenschaft_evening_in_luechow_and_an_online_workshop():
    evening = Event.objects.get(kind="mentoring_info")
    workshop = Event.objects.get(kind="workshop")
    assert (evening.postal_code, evening.online) == ("29439", False)
    assert evening.organiser.email == "kuemmerer.wendland@demo.example.org"
    assert (workshop.online, workshop.postal_code, workshop.organisation.name) == (True, "", "Volkshochschule Hannover")
    assert all(event.starts_at > timezone.now() for event in (evening, workshop))


def test_seeding_again_changes_nothing():
    before = _rows()

    demo_events_seed()

    assert _rows() == before


def test_a_demo_event_that_has_started_moves_to_its_next_date():
    evening = Event.objects.get(kind="mentoring_info")
    Event.objects.filter(pk=evening.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=3),
        ends_at=timezone.now() - datetime.timedelta(days=3, hours=-2),
        registration_deadline=None,
    )

    demo_events_seed()

    evening.refresh_from_db()
    assert evening.starts_at > timezone.now()
    assert Event.objects.count() == 3


def test_the_demo_events_are_on_the_public_list(client):
    with translation.override("en"):
        content = client.get(reverse("events:list")).content.decode()

    for event in Event.objects.all():
        assert event.title in content
