from django.urls import path

from . import views

app_name = "conversations"

urlpatterns = [
    path("", views.conversation_list, name="list"),
    path("applications/<int:pk>/", views.application_thread, name="application"),
    path("mentorships/<int:pk>/", views.mentorship_thread, name="mentorship"),
    path("<int:pk>/read/", views.conversation_read, name="read"),
    path("<int:pk>/share-contact/", views.contact_share, name="share_contact"),
    path("<int:pk>/report/", views.conversation_report_view, name="report"),
]
