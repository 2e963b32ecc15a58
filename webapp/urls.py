from django.urls import path

from . import views

app_name = "webapp"

urlpatterns = [
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("offline/", views.offline, name="offline"),
]
