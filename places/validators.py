from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .geo import POSTAL_CODE_PATTERN, is_known_postal_code, normalise_postal_code


def validate_postal_code(value: str) -> None:
    code = normalise_postal_code(value)
    if not POSTAL_CODE_PATTERN.match(code):
        raise ValidationError(
            _("A German postal code has exactly five digits, for example 30159."), code="invalid_postal_code"
        )
    if not is_known_postal_code(code):
        raise ValidationError(
            _("We do not know the postal code %(code)s. Please check the five digits."),
            code="unknown_postal_code",
            params={"code": code},
        )
