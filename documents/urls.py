from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("", views.document_list, name="list"),
    path("upload/", views.document_upload_view, name="upload"),
    path("<uuid:public_id>/", views.document_download, name="download"),
    path("<uuid:public_id>/delete/", views.document_remove, name="delete"),
]
