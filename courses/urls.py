from django.urls import path

from . import report_views, views

app_name = "courses"

urlpatterns = [
    # The supply report, for coordinators and admins.
    path("report/", report_views.supply_report, name="supply_report"),
    path("report/state/", report_views.supply_report_state, name="supply_report_state"),
    path("report.csv", report_views.supply_report_csv, name="supply_report_csv"),
    path("report/map.svg", report_views.supply_report_map, name="supply_report_map"),
    path("", views.search, name="search"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/calendar.ics", views.course_calendar_file, name="ics"),
    path("<int:pk>/register/", views.register, name="register"),
    path("<int:pk>/cancel-registration/", views.registration_cancel, name="registration_cancel"),
    path("my-registrations/", views.my_registrations, name="my_registrations"),
    path("provider/", views.provider_dashboard, name="provider_dashboard"),
    path("provider/new/", views.course_create_view, name="create"),
    path("provider/<int:pk>/edit/", views.course_edit, name="edit"),
    path("provider/<int:pk>/publish/", views.course_publish_view, name="publish"),
    path("provider/<int:pk>/cancel/", views.course_cancel_view, name="cancel"),
]
