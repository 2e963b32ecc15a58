from django import template

from alerts.searches import params_clean, params_suggest_name, search_type_of
from alerts.selectors import saved_search_count_for

register = template.Library()


@register.simple_tag(takes_context=True)
def save_search_form(context, kind: str) -> dict | None:
    """What the "save this search" form of a results page needs: the page's filters as hidden fields (POSTed,
    never put into a link), a suggested name, and whether this visitor may save it; None to show nothing."""
    request = context.get("request")
    search_type = search_type_of(kind)
    if request is None or search_type is None:
        return None
    user = request.user
    if user.is_authenticated and user.role not in search_type.roles:
        return None
    # The filters the page applied (a candidate's first search starts from the profile's defaults).
    params = params_clean(search_type=search_type, data=context.get("search_data", request.GET))
    hidden = [(name, value) for name, values in params.items() for value in values]
    return {
        "kind": kind,
        "hidden": hidden,
        "may_save": user.is_authenticated,
        "suggested_name": params_suggest_name(search_type=search_type, params=params, user=user)
        if user.is_authenticated
        else "",
        "saved_count": saved_search_count_for(owner=user),
        "path": request.path,
    }
