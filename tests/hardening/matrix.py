"""Walking the URL table: every pattern of the resolver, its URL for an "own" and an "other" object, the
request as each subject, and what the answer means (200, 403, a redirect to the login ...)."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from .url_table import ADMIN_LOGIN, ADMIN_NAMESPACE, LOGIN, REDIRECT, ROW_BY_NAME, Row
from .world import SUBJECTS, World


@dataclass(frozen=True)
class Pattern:
    name: str | None
    route: str


def _walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield Pattern(name=name, route=prefix + str(pattern.pattern))


def all_patterns() -> list[Pattern]:
    return list(_walk(get_resolver().url_patterns))


def is_admin_pattern(pattern: Pattern) -> bool:
    """Django's admin, named or not (its redirects and catch-all have no name); the language prefix is "de/"."""
    return (pattern.name or "").startswith(ADMIN_NAMESPACE) or pattern.route.removeprefix("de/").startswith("admin/")


def unclassified() -> list[Pattern]:
    return [p for p in all_patterns() if not is_admin_pattern(p) and (p.name is None or p.name not in ROW_BY_NAME)]


def clients(world: World) -> dict[str, Client]:
    """One browser per subject, logged in (anonymous stays anonymous)."""
    result = {}
    for subject in SUBJECTS:
        client = Client()
        user = world.user(subject)
        if user is not None:
            client.force_login(user)
        result[subject] = client
    return result


def row_urls(row: Row, world: World) -> list[tuple[str, str]]:
    """[("own", url), ("other", url)] for a row with an object, [("own", url)] for one without."""
    with translation.override("de"):
        if row.fixed:
            return [
                (side, reverse(row.name, kwargs=kwargs))
                for side, kwargs in zip(("own", "other"), row.fixed, strict=True)
            ]
        if row.kind is None:
            return [("own", reverse(row.name))]
        pair = world.objects[row.kind]
        return [
            ("own", reverse(row.name, kwargs=row.kwargs(pair.own))),
            ("other", reverse(row.name, kwargs=row.kwargs(pair.other))),
        ]


def outcome(response):
    """The answer as the table writes it: a status code, or where a redirect goes (login, admin login)."""
    if response.status_code == 302:
        location = response["Location"]
        with translation.override("de"):
            login = reverse("account_login")
        if location.startswith(login) or location.startswith(login.replace("/de/", "/")):
            return LOGIN
        if "/admin/login/" in location:
            return ADMIN_LOGIN
        return REDIRECT
    return response.status_code


def request(client: Client, method: str, url: str):
    """GET as it is; a POST is undone afterwards so that every cell meets the same world."""
    if method == "get":
        return client.get(url)
    with transaction.atomic():
        response = client.post(url)
        transaction.set_rollback(True)
    return response


def admin_urls(world: World) -> list[str]:
    """One URL per pattern of the admin namespace, filled with an existing object where the pattern needs one."""
    from django.contrib import admin

    urls = []
    objects = {}
    for model in admin.site._registry:
        first = model._default_manager.order_by("pk").first()
        objects[f"{model._meta.app_label}_{model._meta.model_name}"] = first.pk if first else 0
    user = world.user("admin")
    with translation.override("de"):
        for pattern in all_patterns():
            if not (pattern.name or "").startswith(ADMIN_NAMESPACE):
                continue
            name = pattern.name
            short = name.removeprefix(ADMIN_NAMESPACE)
            if short == "app_list":
                urls.append(reverse(name, kwargs={"app_label": "accounts"}))
            elif short == "view_on_site":
                content_type = ContentType.objects.get_for_model(type(user))
                urls.append(reverse(name, kwargs={"content_type_id": content_type.pk, "object_id": user.pk}))
            elif "<path:object_id>" in pattern.route:
                model_key = short.rsplit("_", 1)[0]
                urls.append(reverse(name, kwargs={"object_id": objects.get(model_key, 0)}))
            elif "<id>" in pattern.route:  # the user admin's password form
                urls.append(reverse(name, kwargs={"id": user.pk}))
            else:
                urls.append(reverse(name))
    return urls
