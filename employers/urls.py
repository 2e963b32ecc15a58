from django.urls import path

from . import views

app_name = "employers"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("organisation/", views.organisation_edit, name="organisation_edit"),
    path("organisations/<int:pk>/", views.organisation_public_view, name="organisation_public"),
    path("staff/", views.staff, name="staff"),
    path("staff/<int:pk>/remove/", views.staff_remove_view, name="staff_remove"),
    path("staff/<int:pk>/admin/", views.staff_admin_view, name="staff_admin"),
    path("invitation/<str:token>/", views.staff_invitation_accept_view, name="staff_invitation_accept"),
    path("vacancies/new/", views.vacancy_create_view, name="vacancy_create"),
    path("vacancies/<int:pk>/", views.vacancy_detail, name="vacancy_detail"),
    path("vacancies/<int:pk>/edit/", views.vacancy_edit, name="vacancy_edit"),
    path("vacancies/<int:pk>/publish/", views.vacancy_publish_view, name="vacancy_publish"),
    path("vacancies/<int:pk>/filled/", views.vacancy_mark_filled_view, name="vacancy_mark_filled"),
    path("vacancies/<int:pk>/unpublish/", views.vacancy_unpublish_view, name="vacancy_unpublish"),
    path("applications/<int:pk>/", views.application_detail, name="application_detail"),
    path("moderation/", views.moderation, name="moderation"),
    path("candidates/", views.candidate_search_view, name="candidate_search"),
    path("candidates/<uuid:public_id>/", views.candidate_detail, name="candidate_detail"),
]
