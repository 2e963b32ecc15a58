"""Two people ask for the last place at the same moment: one gets it, the other waits, nobody is overbooked."""

import threading

import pytest
from django.db import connection, connections

from events.models import Event, EventRegistration, RegistrationStatus
from events.services import event_register
from tests.conftest import skip_or_fail
from tests.factories import CandidateFactory, EventFactory, EventRegistrationFactory, MentorFactory


@pytest.mark.django_db(transaction=True)
def test_two_people_registering_for_the_last_place_at_once_cannot_overbook_it():
    if connection.vendor != "postgresql":
        skip_or_fail("The concurrent registration test needs PostgreSQL (row locks); set DATABASE_URL.")
    event = EventFactory(capacity=2)
    EventRegistrationFactory(event=event)
    people = [CandidateFactory(), MentorFactory()]
    barrier = threading.Barrier(len(people))
    outcomes, errors = {}, []

    def register(person):
        try:
            barrier.wait(timeout=10)
            outcomes[person.pk] = event_register(event=Event.objects.get(pk=event.pk), user=person).status
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert sorted(outcomes.values()) == [RegistrationStatus.REGISTERED, RegistrationStatus.WAITING]
    assert EventRegistration.objects.filter(event=event).registered().count() == 2
