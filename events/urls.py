from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("<int:pk>/", views.event_detail, name="detail"),
    path("<int:pk>/calendar.ics", views.event_calendar_file, name="ics"),
    path("<int:pk>/register/", views.register, name="register"),
    path("<int:pk>/cancel-registration/", views.registration_cancel, name="registration_cancel"),
    path("my-events/", views.my_registrations, name="my_registrations"),
    path("organise/", views.manage, name="manage"),
    path("organise/new/", views.event_create_view, name="create"),
    path("organise/<int:pk>/edit/", views.event_edit, name="edit"),
    path("organise/<int:pk>/publish/", views.event_publish_view, name="publish"),
    path("organise/<int:pk>/cancel/", views.event_cancel_view, name="cancel"),
    path("organise/<int:pk>/participants/", views.participants, name="participants"),
    path("organise/<int:pk>/check-in/", views.check_in, name="check_in"),
]
