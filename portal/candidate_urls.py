"""The candidate side: dashboard, onboarding and profile. Always the logged-in candidate's own profile."""

from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.candidate_dashboard, name="candidate_dashboard"),
    path("onboarding/", views.onboarding_resume, name="onboarding_resume"),
    path("onboarding/<slug:step>/", views.onboarding_step, name="onboarding_step"),
    path("profile/", views.profile_detail, name="profile"),
]
