from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("admin-dashboard/", views.admin_dashboard, name="admin_dashboard"),
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("verification/send-again/", views.verification_resend, name="verification_resend"),
]
