from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from accounts import views as account_views
from imports import views as import_views
from portal import views
from webapp import views as webapp_views

urlpatterns = [
    path("i18n/setlang/", account_views.language_switch, name="set_language"),
    # At the root, so that the service worker's scope is the whole site in every language.
    path("sw.js", webapp_views.service_worker, name="service_worker"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("dashboard/", account_views.dashboard, name="dashboard"),
    path("candidate/", include("portal.candidate_urls")),
    path("about/", include("portal.page_urls")),
    path("candidate/documents/", include("documents.urls")),
    path("candidate/my-data/", include("privacy.urls")),
    path("candidate/applications/", include("applications.urls")),
    path("vacancies/", include("employers.search_urls")),
    path("notifications/", include("notifications.urls")),
    path("occupations/", include("occupations.urls")),
    path("accounts/", include("allauth.urls")),
    path("accounts/", include("accounts.urls")),
    path("employer/", include("employers.urls")),
    # The course import is one kind of the shared import flow (imports/), at the address providers know.
    path("courses/provider/import/", import_views.course_import, name="course_import"),
    path("courses/", include("courses.urls")),
    path("mentoring/", include("mentoring.urls")),
    path("matching/", include("matching.urls")),
    path("events/", include("events.urls")),
    path("saved-searches/", include("alerts.urls")),
    path("conversations/", include("conversations.urls")),
    path("", include("webapp.urls")),
    path("coordinator/import/", include("imports.urls")),
    path("jobboerse/", include("jobboerse.urls")),
    path("admin/", admin.site.urls),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
)
