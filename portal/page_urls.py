"""Impressum, privacy policy, accessibility statement and contact: public pages linked in every footer."""

from django.urls import path

from . import views

app_name = "pages"

urlpatterns = [
    path("contact/", views.contact, name="contact"),
    path("<slug:kind>/", views.site_page, name="page"),
]
