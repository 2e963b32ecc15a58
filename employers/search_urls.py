from django.urls import path

from . import search_views

app_name = "vacancies"

urlpatterns = [
    path("", search_views.vacancy_search, name="search"),
    path("<int:pk>/", search_views.vacancy_detail, name="detail"),
]
