from django.urls import path

from . import views

app_name = "matching"

urlpatterns = [
    path("my-matches/", views.my_matches, name="my_matches"),
    path("vacancies/<int:pk>/candidates/", views.vacancy_candidates, name="vacancy_candidates"),
    path("coordinator/candidates/<uuid:public_id>/pathways/", views.candidate_pathways, name="candidate_pathways"),
]
