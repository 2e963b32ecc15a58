from django.urls import path

from . import views

app_name = "mentoring"

urlpatterns = [
    # Candidates
    path("ask/", views.request_view, name="request"),
    path("ask/withdraw/", views.request_withdraw, name="request_withdraw"),
    # Mentors
    path("mentor/", views.mentor_dashboard, name="mentor_dashboard"),
    path("mentor/profile/", views.mentor_profile, name="mentor_profile"),
    # A mentorship, seen by its candidate, its mentor and the coordinators
    path("mentorships/<int:pk>/", views.mentorship_detail, name="mentorship_detail"),
    path("mentorships/<int:pk>/notes/", views.mentorship_note, name="mentorship_note"),
    path("mentorships/<int:pk>/<slug:action>/", views.mentorship_step, name="mentorship_step"),
    # Coordinators and admins
    path("coordinator/", views.coordinator_dashboard, name="coordinator_dashboard"),
    path("coordinator/mentors/", views.mentor_approvals, name="mentor_approvals"),
    path("coordinator/mentors/<int:pk>/approve/", views.mentor_approve_view, name="mentor_approve"),
    path("coordinator/requests/", views.request_list, name="request_list"),
    path("coordinator/requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("coordinator/requests/<int:pk>/assign/", views.request_assign, name="request_assign"),
    path("coordinator/suggest/", views.suggest, name="suggest"),
    path("coordinator/caseload/", views.caseload, name="caseload"),
    path("coordinator/candidates/<uuid:public_id>/", views.timeline, name="timeline"),
]
