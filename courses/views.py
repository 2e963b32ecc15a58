from django.shortcuts import render

from accounts.models import Role
from accounts.permissions import role_required
from employers.selectors import organisation_of


@role_required(Role.PROVIDER)
def provider_dashboard(request):
    return render(request, "courses/provider_dashboard.html", {"organisation": organisation_of(user=request.user)})
