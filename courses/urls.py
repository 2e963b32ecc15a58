from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("provider/", views.provider_dashboard, name="provider_dashboard"),
]
