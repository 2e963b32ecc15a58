from django.shortcuts import render

from accounts.models import Role
from accounts.permissions import role_required

from .selectors import organisation_of


@role_required(Role.EMPLOYER)
def dashboard(request):
    return render(request, "employers/dashboard.html", {"organisation": organisation_of(user=request.user)})
