from django.urls import path

from . import views

app_name = "jobboerse"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("occupations/", views.occupations, name="occupations"),
    path("occupations/<int:pk>/", views.occupation_map, name="occupation_map"),
]
