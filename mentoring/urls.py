from django.urls import path

from . import views

app_name = "mentoring"

urlpatterns = [
    path("mentor/", views.mentor_dashboard, name="mentor_dashboard"),
    path("coordinator/", views.coordinator_dashboard, name="coordinator_dashboard"),
]
