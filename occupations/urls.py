from django.urls import path

from . import views

app_name = "occupations"

urlpatterns = [
    path("", views.occupation_search_page, name="search"),
]
