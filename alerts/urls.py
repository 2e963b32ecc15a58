from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("", views.saved_search_list, name="list"),
    path("save/", views.saved_search_save, name="create"),
    path("<int:pk>/", views.saved_search_detail, name="detail"),
    path("<int:pk>/rename/", views.saved_search_rename_view, name="rename"),
    path("<int:pk>/news/", views.saved_search_alerts_view, name="alerts"),
    path("<int:pk>/delete/", views.saved_search_delete_view, name="delete"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
