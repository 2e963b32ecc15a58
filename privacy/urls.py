from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("visibility/", views.visibility, name="visibility"),
    path("export/", views.export_page, name="export_page"),
    path("export/bruecke-my-data.json", views.export_json, name="export_json"),
    path("delete-account/", views.delete_account, name="delete_account"),
]
