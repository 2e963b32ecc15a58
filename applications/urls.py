from django.urls import path

from . import views

app_name = "applications"

urlpatterns = [
    path("", views.application_list, name="list"),
    path("<int:pk>/", views.application_detail, name="detail"),
    path("<int:pk>/withdraw/", views.application_withdraw, name="withdraw"),
    path("vacancies/<int:pk>/apply/", views.application_apply, name="apply"),
]
