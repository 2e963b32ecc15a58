"""The technical administration shows courses read-only and cancels them only through the service."""

import pytest
from django.urls import reverse

from courses.models import CourseStatus, RegistrationStatus
from courses.services import course_register
from notifications.models import Notification
from tests.factories import AdminFactory, CompleteCandidateProfileFactory, CourseFactory

pytestmark = pytest.mark.django_db


def test_admin_lists_courses_and_cancels_them_with_the_people_told(client):
    course = CourseFactory(title="Kurs im Admin")
    registration = course_register(course=course, profile=CompleteCandidateProfileFactory())
    client.force_login(AdminFactory())

    listing = client.get(reverse("admin:courses_course_changelist"))
    detail = client.get(reverse("admin:courses_course_change", args=[course.pk]))
    client.post(
        reverse("admin:courses_course_changelist"),
        {"action": "cancel_courses", "_selected_action": [course.pk]},
    )

    assert "Kurs im Admin" in listing.content.decode()
    assert detail.status_code == 200 and 'name="title"' not in detail.content.decode()
    course.refresh_from_db()
    registration.refresh_from_db()
    assert course.status == CourseStatus.CANCELLED
    assert registration.status == RegistrationStatus.CANCELLED
    assert Notification.objects.filter(kind="course_cancelled", recipient=registration.profile.user).exists()
