import html
import re

from django.urls import reverse

from tests.factories import MembershipFactory, OccupationFactory


def text_of(response) -> str:
    """The page as a person reads it: without tags, entities decoded, whitespace collapsed."""
    content = response.content.decode()
    content = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", content, flags=re.DOTALL)
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", content).split()))


def field_error(response, field: str) -> str:
    """The error shown right next to a form field (empty if there is none)."""
    content = response.content.decode()
    match = re.search(rf'id="id_{field}_error"[^>]*>(.*?)</(?:div|p|span)>', content, re.DOTALL)
    if not match:
        return ""
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split()))


def error_summary(response) -> str:
    match = re.search(r"data-error-summary>(.*?)</div>", response.content.decode(), re.DOTALL)
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())) if match else ""


def colleague_of(employer, *, is_admin=False, **user_fields):
    """Another staff member of the employer's organisation."""
    return MembershipFactory(
        organisation=employer.membership.organisation,
        is_admin=is_admin,
        **{f"user__{k}": v for k, v in user_fields.items()},
    ).user


def vacancy_form_data(occupation=None, **overrides) -> dict:
    """A complete, valid vacancy form: a paid painter job in Hannover with language support."""
    data = {
        "kind": "job",
        "title": "Maler/in (m/w/d)",
        "occupation": occupation if isinstance(occupation, str) else (occupation or OccupationFactory()).pk,
        "description": "Wir streichen Wohnungen in Hannover. Einarbeitung durch erfahrene Kolleginnen.",
        "german_level_required": "A2",
        "useful_languages": ["ar", "uk"],
        "postal_code": "30159",
        "hours_per_week": "38",
        "start_date": "",
        "duration_weeks": "",
        "expires_on": "",
        "is_paid": "on",
        "support": ["support_language", "support_mentor"],
        "action": "save",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def is_checked(response, name: str, value: str) -> bool:
    """Whether the checkbox or radio button `name` with `value` is ticked on the page."""
    pattern = rf'<input[^>]*name="{name}" value="{value}"[^>]*>'
    return any(" checked" in tag for tag in re.findall(pattern, response.content.decode()))


def url(name: str, **kwargs) -> str:
    return reverse(f"employers:{name}", kwargs=kwargs or None)
