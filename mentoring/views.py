from django.shortcuts import render

from accounts.models import Role
from accounts.permissions import role_required
from places.selectors import region_postal_codes


@role_required(Role.MENTOR)
def mentor_dashboard(request):
    return render(request, "mentoring/mentor_dashboard.html")


@role_required(Role.COORDINATOR)
def coordinator_dashboard(request):
    region = request.user.region
    return render(
        request,
        "mentoring/coordinator_dashboard.html",
        {"region": region, "postal_codes": region_postal_codes(region=region)},
    )
