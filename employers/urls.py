from django.urls import path

from . import views

app_name = "employers"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
]
