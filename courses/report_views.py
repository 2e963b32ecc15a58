"""The supply report pages: they read the cached SupplyReport and never compute it."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.models import Role
from common.csv_export import csv_download
from common.permissions import role_required
from common.scoped_cache import scoped_page
from places.models import Region

from .map_svg import supply_map_summary, supply_map_svg
from .report_selectors import supply_report_get, supply_report_regions
from .report_services import supply_report_request

REPORT_ROLES = (Role.COORDINATOR, Role.ADMIN)


def _scope(request, *, state: bool = False) -> Region | None:
    """Which report the request asks for: None for the state.

    Coordinators get their own region (a ?region= of theirs is ignored); admins get the state or ?region=<id>.
    """
    if state or request.GET.get("scope") == "state":
        return None
    if request.user.role == Role.COORDINATOR:
        return request.user.region
    region_id = request.GET.get("region", "")
    if not region_id:
        return None
    if not region_id.isdigit():
        raise Http404
    return get_object_or_404(Region, pk=int(region_id))


def _scope_name(region: Region | None) -> str:
    return _("Lower Saxony") if region is None else region.name


def _scope_query(request, region: Region | None) -> str:
    """The query string that names this scope for the CSV and map links."""
    if region is None:
        return "scope=state"
    if request.user.role == Role.ADMIN:
        return f"region={region.pk}"
    return ""


def _report_page(request, *, region: Region | None):
    if request.method == "POST":
        supply_report_request(region=region)
        messages.success(
            request, _("The report is being computed. If it does not appear yet, reload this page in a minute.")
        )
        return redirect(request.get_full_path())
    report = supply_report_get(region=region, with_data=False)

    def page():
        scope_name = _scope_name(region)
        context = {
            "report": report,
            "data": report.data if report else None,
            "region": region,
            "scope_name": scope_name,
            "scope_query": _scope_query(request, region),
            "is_admin": request.user.role == Role.ADMIN,
            "regions": supply_report_regions() if request.user.role == Role.ADMIN else None,
            "map_summary": supply_map_summary(data=report.data, scope_name=scope_name) if report else "",
        }
        return render(request, "courses/report.html", context)

    # The stored report is the same for everyone who may see it: the page kept whole per report and its
    # computation (common.scoped_cache), only the reader's CSRF token and unread badge filled in.
    return scoped_page(
        request,
        scope=("supply-report", region.pk if region else None),
        version=lambda: (report.pk, report.computed_at.isoformat()) if report else None,
        render=page,
    )


# Reads only (a POST only asks the worker for a report): without a transaction of its own the page saves two
# round trips to the database (BEGIN, COMMIT).
@transaction.non_atomic_requests
@role_required(*REPORT_ROLES)
@require_http_methods(["GET", "HEAD", "POST"])
def supply_report(request):
    return _report_page(request, region=_scope(request))


@role_required(*REPORT_ROLES)
@require_http_methods(["GET", "HEAD", "POST"])
def supply_report_state(request):
    return _report_page(request, region=None)


@role_required(*REPORT_ROLES)
@require_GET
def supply_report_csv(request):
    region = _scope(request)
    report = supply_report_get(region=region)
    if report is None:
        raise Http404
    data = report.data
    filename = "supply-report-{}-{}.csv".format(
        slugify(_scope_name(region)) or "region", timezone.localtime(report.computed_at).date().isoformat()
    )
    response, writer = csv_download(filename=filename)
    writer.writerow([_("Report area"), _scope_name(region)])
    writer.writerow([_("Computed at"), timezone.localtime(report.computed_at).strftime("%Y-%m-%d %H:%M")])
    writer.writerow([])
    writer.writerow(
        [
            _("Level of the next course"),
            _("Candidates who need a course"),
            _("Seats within reach"),
            _("Seats matched"),
            _("Unmet"),
        ]
    )
    for row in data["levels"]:
        writer.writerow([row["level"], row["demand"], row["seats"], row["matched"], row["unmet"]])
    totals = data["totals"]
    writer.writerow([_("All levels"), totals["demand"], totals["seats"], totals["matched"], totals["unmet"]])
    writer.writerow([])
    writer.writerow(
        [_("Postal code without a course within 30 km"), _("Candidates who need a course"), _("Nearest course (km)")]
    )
    for area in data["areas_without_course"]:
        nearest = area["nearest_course_km"]
        writer.writerow([area["postal_code"], area["candidates"], "" if nearest is None else number_format(nearest, 1)])
    return response


@role_required(*REPORT_ROLES)
@require_GET
def supply_report_map(request):
    region = _scope(request)
    report = supply_report_get(region=region)
    if report is None:
        raise Http404
    svg = supply_map_svg(data=report.data, scope_name=_scope_name(region))
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response
