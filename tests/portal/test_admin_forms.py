"""The technical administration's forms: a link typed without a scheme means https, as in the portal's own forms
(Django 6.0 changes the default; until then a URL field without `assume_scheme` warns)."""

import warnings

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.utils.deprecation import RemovedInDjango60Warning

from tests.factories import AdminFactory

pytestmark = pytest.mark.django_db


def test_every_admin_form_builds_without_a_deprecated_url_scheme():
    request = RequestFactory().get("/")
    request.user = AdminFactory()
    url_fields = 0

    with warnings.catch_warnings():
        warnings.simplefilter("error", RemovedInDjango60Warning)
        for model_admin in admin.site._registry.values():
            # The form behind a change page holds every editable field of the model (the user admin's add form
            # is another one, so an existing row is shown where there is one).
            existing = model_admin.model._default_manager.order_by("pk").first()
            form = model_admin.get_form(request, existing, fields=None)
            for field in form.base_fields.values():
                if hasattr(field, "assume_scheme"):
                    url_fields += 1
                    assert field.assume_scheme == "https", f"{type(model_admin).__name__}: {field.label}"

    assert url_fields >= 2  # the join link of courses and the meeting link of events
