from django.shortcuts import render

from accounts.models import Role
from accounts.permissions import role_required


def home(request):
    return render(request, "portal/home.html")


@role_required(Role.CANDIDATE)
def candidate_dashboard(request):
    return render(request, "portal/candidate_dashboard.html")
