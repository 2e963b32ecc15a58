from django.urls import path

from . import views

app_name = "imports"

urlpatterns = [
    path("", views.import_start, name="start"),
    path("<slug:kind>/columns/", views.import_columns, name="columns"),
    path("<slug:kind>/example.csv", views.import_example, name="example"),
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
