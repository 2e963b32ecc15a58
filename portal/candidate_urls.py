"""The candidate side: dashboard, onboarding and profile."""

from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.candidate_dashboard, name="candidate_dashboard"),
]
