"""Every URL pattern of the portal with the answer each role expects, for "own" and "other" objects.

One row per URL name. A new URL (from any branch) is classified by adding one row here; the permission
matrix fails and names every URL pattern that has no row. Subjects and objects: tests/hardening/world.py.

Reading a row: `only(EMP_STAFF, EMP_ADMIN)` means those two get 200 for their own object and 404 for the
other one, everybody else logged in gets 403 and anonymous visitors are sent to log in. Cells are
(own, other); URLs without an object have one cell per role (the "own" one). `|` overrides single roles.
"""

from collections.abc import Callable
from dataclasses import dataclass

from .world import ADMIN, ANON, CANDIDATE, COORD_IN, COORD_OUT, EMP_ADMIN, EMP_STAFF, MENTOR, PROVIDER, SUBJECTS

OK, REDIRECT, BAD, DENIED, MISSING, NOT_ALLOWED, CONFLICT = 200, 302, 400, 403, 404, 405, 409
LOGIN = "login"  # 302 to the login page
ADMIN_LOGIN = "admin login"  # 302 to the technical administration's login
# A POST the view served for this person: saved and redirected, or refused with the form and its errors.
SERVED = frozenset({OK, REDIRECT, BAD})

LOGGED_IN = tuple(subject for subject in SUBJECTS if subject != ANON)
COORDINATORS = (COORD_IN, COORD_OUT)
EMPLOYERS = (EMP_STAFF, EMP_ADMIN)
# Everyone but the operators sees, downloads and deletes their own data.
OWN_DATA = (CANDIDATE, EMP_STAFF, EMP_ADMIN, PROVIDER, MENTOR, COORD_IN, COORD_OUT)


def only(*subjects, own=OK, other=MISSING) -> dict:
    """These subjects are served (own) or find nothing (other); other roles are refused, anonymous must log in."""
    cells = {subject: (DENIED, DENIED) for subject in LOGGED_IN}
    cells[ANON] = (LOGIN, LOGIN)
    cells.update({subject: (own, other) for subject in subjects})
    return cells


def everyone(own=OK, other=None) -> dict:
    return {subject: (own, own if other is None else other) for subject in SUBJECTS}


def logged_in(own=OK, other=None) -> dict:
    return {**everyone(own, other), ANON: (LOGIN, LOGIN)}


def regional(own=OK, *, admin=True) -> dict:
    """Coordinators serve objects of their region only: the "own" object lies in COORD_IN's region, the
    "other" one in COORD_OUT's; admins see both."""
    cells = {COORD_IN: (own, MISSING), COORD_OUT: (MISSING, own)}
    if admin:
        cells[ADMIN] = (own, own)
    return cells


def token(logged_in_answer=CONFLICT) -> dict:
    """An invitation link: a valid token opens the page for anonymous visitors, a forged one is 404."""
    return {**{subject: (logged_in_answer, MISSING) for subject in LOGGED_IN}, ANON: (OK, MISSING)}


def pk(obj) -> dict:
    return {"pk": obj.pk}


def public_id(obj) -> dict:
    return {"public_id": obj.public_id}


def as_token(value) -> dict:
    return {"token": value}


@dataclass(frozen=True)
class Row:
    name: str
    expect: dict
    kind: str | None = None  # the world's object kind whose own/other object fills the URL
    method: str = "get"  # POST-only views are requested with an empty POST, undone afterwards
    kwargs: Callable[[object], dict] = pk
    fixed: tuple = ()  # ((own kwargs), (other kwargs)) for URLs whose parameters are not objects


# Rows are kept one per line where they fit, as a table, rather than in the formatter's layout.
# fmt: off
ROWS = [
    # --- Public pages and every logged-in person ------------------------------------------------------------
    Row("set_language", everyone(REDIRECT), method="post"),
    Row("home", everyone()),
    Row("javascript-catalog", everyone()),
    Row("dashboard", logged_in(REDIRECT)),
    Row("vacancies:search", everyone()),
    Row("vacancies:detail", everyone(), kind="vacancy"),
    Row("occupations:search", everyone()),
    Row("courses:search", everyone()),
    Row("courses:detail", everyone(), kind="course"),
    Row("events:list", everyone()),
    Row("events:detail", everyone(), kind="event"),
    Row("events:ics", everyone(), kind="event"),
    Row("employers:organisation_public", everyone(), kind="organisation"),
    Row("notifications:list", logged_in()),
    Row(
        "notifications:read", {**logged_in(MISSING), CANDIDATE: (REDIRECT, MISSING)}, kind="notification", method="post"
    ),  # fmt: skip
    Row("notifications:read_all", logged_in(REDIRECT), method="post"),
    Row("notifications:preferences", only(CANDIDATE, *EMPLOYERS, own=REDIRECT), method="post"),
    Row("notifications:unsubscribe", everyone(OK, MISSING), kind="unsubscribe_token", kwargs=as_token),
    # Impressum, privacy policy, accessibility statement and contact, linked in every footer; no page "unknown".
    Row("pages:page", everyone(OK, MISSING), fixed=({"kind": "impressum"}, {"kind": "unknown"})),
    Row("pages:contact", everyone()),
    # The installable web app: manifest, service worker and offline page hold nobody's data.
    Row("webapp:manifest", everyone()),
    Row("webapp:offline", everyone()),
    Row("service_worker", everyone()),
    # Public like the course page; only the join link inside is for participants.
    Row("courses:ics", everyone(), kind="course"),
    # Saved searches are their owner's only (the candidate's here); employers' staff save searches too.
    Row("alerts:list", only(CANDIDATE, *EMPLOYERS)),
    # An empty POST names no kind of search: nothing to save (404).
    Row("alerts:create", only(CANDIDATE, *EMPLOYERS, own=MISSING), method="post"),
    Row("alerts:detail", only(CANDIDATE) | {EMP_STAFF: (MISSING, MISSING), EMP_ADMIN: (MISSING, MISSING)},
        kind="saved_search"),  # fmt: skip
    Row("alerts:rename", only(CANDIDATE, own=REDIRECT) | {EMP_STAFF: (MISSING, MISSING),
        EMP_ADMIN: (MISSING, MISSING)}, kind="saved_search", method="post"),  # fmt: skip
    Row("alerts:alerts", only(CANDIDATE, own=REDIRECT) | {EMP_STAFF: (MISSING, MISSING),
        EMP_ADMIN: (MISSING, MISSING)}, kind="saved_search", method="post"),  # fmt: skip
    Row("alerts:delete", only(CANDIDATE, own=REDIRECT) | {EMP_STAFF: (MISSING, MISSING),
        EMP_ADMIN: (MISSING, MISSING)}, kind="saved_search", method="post"),  # fmt: skip
    # The link in the daily e-mail: the signed token is the proof, so it opens without logging in.
    Row("alerts:unsubscribe", everyone(OK, MISSING), kind="saved_search_unsubscribe_token", kwargs=as_token),
    # --- Conversations: the application's candidate and staff, the mentorship's candidate and mentor; the region's
    # coordinators read mentorship threads, and application threads once reported (both are, in the world).
    Row("conversations:list", logged_in()),
    Row("conversations:application", {**logged_in(MISSING), CANDIDATE: (OK, MISSING), EMP_STAFF: (OK, MISSING),
        EMP_ADMIN: (OK, MISSING)} | regional(), kind="application"),  # fmt: skip
    Row("conversations:mentorship", {**logged_in(MISSING), CANDIDATE: (OK, MISSING), MENTOR: (OK, MISSING)}
        | regional(), kind="mentorship"),  # fmt: skip
    Row("conversations:read", {**logged_in(MISSING), CANDIDATE: (REDIRECT, MISSING), EMP_STAFF: (REDIRECT, MISSING),
        EMP_ADMIN: (REDIRECT, MISSING)} | regional(REDIRECT), kind="conversation", method="post"),  # fmt: skip
    # Only the candidate shares contact details; coordinators only read and never report.
    Row("conversations:share_contact", {**logged_in(MISSING), CANDIDATE: (REDIRECT, MISSING)}, kind="conversation",
        method="post"),  # fmt: skip
    Row("conversations:report", {**logged_in(MISSING), CANDIDATE: (OK, MISSING), EMP_STAFF: (OK, MISSING),
        EMP_ADMIN: (OK, MISSING)}, kind="conversation"),  # fmt: skip
    # --- Candidates ---------------------------------------------------------------------------------------------
    Row("portal:candidate_dashboard", only(CANDIDATE)),
    Row("portal:onboarding_resume", only(CANDIDATE, own=REDIRECT)),
    Row("portal:onboarding_step", only(CANDIDATE), fixed=({"step": "languages"}, {"step": "unknown-step"})),
    Row("portal:profile", only(CANDIDATE)),
    Row("documents:list", only(CANDIDATE)),
    Row("documents:upload", only(CANDIDATE)),
    Row("documents:download", {**logged_in(MISSING), CANDIDATE: (OK, MISSING)}, kind="document", kwargs=public_id),
    Row("documents:delete", only(CANDIDATE, own=REDIRECT), kind="document", kwargs=public_id, method="post"),
    Row("privacy:overview", only(CANDIDATE)),
    Row("privacy:visibility", only(CANDIDATE, own=SERVED), method="post"),
    Row("privacy:export_page", only(*OWN_DATA)),
    Row("privacy:export_json", only(*OWN_DATA)),
    Row("privacy:delete_account", only(*OWN_DATA)),
    Row("applications:list", only(CANDIDATE)),
    Row("applications:detail", only(CANDIDATE), kind="application"),
    Row("applications:withdraw", only(CANDIDATE, own=SERVED), kind="application", method="post"),
    # The candidate applied to the own vacancy already (sent to that application); the other one is open.
    Row("applications:apply", only(CANDIDATE, own=REDIRECT, other=OK), kind="vacancy"),
    Row("courses:register", only(CANDIDATE, own=REDIRECT, other=REDIRECT), kind="course", method="post"),
    Row("courses:registration_cancel", only(CANDIDATE, own=REDIRECT), kind="course", method="post"),
    Row("courses:my_registrations", only(CANDIDATE)),
    Row("mentoring:request", only(CANDIDATE)),
    # The candidate has a mentor, so there is no waiting request to withdraw.
    Row("mentoring:request_withdraw", only(CANDIDATE, own=MISSING), method="post"),
    Row("matching:my_matches", only(CANDIDATE)),
    Row("events:register", only(CANDIDATE, MENTOR, own=REDIRECT, other=REDIRECT), kind="event", method="post"),
    # Only the candidate is registered for the own event.
    Row(
        "events:registration_cancel",
        only(CANDIDATE, MENTOR, own=REDIRECT) | {MENTOR: (MISSING, MISSING)},
        kind="event",
        method="post",
    ),  # fmt: skip
    Row("events:my_registrations", only(CANDIDATE, MENTOR)),
    # --- Employers ------------------------------------------------------------------------------------------------
    Row("employers:dashboard", only(*EMPLOYERS)),
    Row("employers:organisation_edit", only(EMP_ADMIN, PROVIDER)),
    Row("employers:staff", only(*EMPLOYERS, PROVIDER)),
    Row(
        "employers:staff_remove",
        only(EMP_ADMIN, PROVIDER, own=REDIRECT) | {EMP_STAFF: (DENIED, MISSING), PROVIDER: (MISSING, MISSING)},
        kind="membership",
        method="post",
    ),  # fmt: skip
    Row(
        "employers:staff_admin",
        only(EMP_ADMIN, PROVIDER, own=REDIRECT) | {EMP_STAFF: (DENIED, MISSING), PROVIDER: (MISSING, MISSING)},
        kind="membership",
        method="post",
    ),  # fmt: skip
    Row("employers:staff_invitation_accept", token(), kind="staff_invitation_token", kwargs=as_token),
    Row("employers:vacancy_create", only(*EMPLOYERS)),
    Row("employers:vacancy_detail", only(*EMPLOYERS), kind="vacancy"),
    Row("employers:vacancy_edit", only(*EMPLOYERS), kind="vacancy"),
    Row("employers:vacancy_publish", only(*EMPLOYERS, own=REDIRECT), kind="vacancy", method="post"),
    Row("employers:vacancy_mark_filled", only(*EMPLOYERS, own=REDIRECT), kind="vacancy", method="post"),
    Row("employers:application_detail", only(*EMPLOYERS), kind="application"),
    # Employer A may see the candidate who applied there; the other candidate applied elsewhere and is hidden.
    Row("employers:candidate_detail", only(*EMPLOYERS), kind="profile", kwargs=public_id),
    Row("employers:candidate_search", only(*EMPLOYERS)),
    Row("matching:vacancy_candidates", only(*EMPLOYERS), kind="vacancy"),
    # --- Course providers ----------------------------------------------------------------------------------------
    # Employer staff may manage courses too, but employer A offers none (403 from the provider check).
    Row("courses:provider_dashboard", only(PROVIDER)),
    Row("courses:create", only(PROVIDER)),
    Row("courses:edit", only(PROVIDER), kind="course"),
    Row("courses:publish", only(PROVIDER, own=REDIRECT), kind="course", method="post"),
    Row("courses:cancel", only(PROVIDER), kind="course"),
    Row("course_import", only(PROVIDER, *COORDINATORS)),
    # --- Mentors, and the mentorship page shared with candidates and coordinators --------------------------------
    Row("mentoring:mentor_dashboard", only(MENTOR)),
    Row("mentoring:mentor_profile", only(MENTOR)),
    Row("mentoring:mentorship_detail", only(CANDIDATE, MENTOR) | regional(), kind="mentorship"),
    Row("mentoring:mentorship_note", only(MENTOR, own=BAD) | regional(BAD), kind="mentorship", method="post"),
    # "end" needs a reason (400 without one); the candidate may not end a mentorship (404).
    Row(
        "mentoring:mentorship_step",
        only(CANDIDATE, MENTOR, own=BAD) | {CANDIDATE: (MISSING, MISSING)} | regional(BAD),
        kind="mentorship",
        method="post",
        kwargs=lambda obj: {"pk": obj.pk, "action": "end"},
    ),  # fmt: skip
    # --- Coordinators and admins ---------------------------------------------------------------------------------
    Row("accounts:admin_dashboard", only(ADMIN)),
    Row("accounts:invitation_accept", token(), kind="coordinator_invitation_token", kwargs=as_token),
    Row("employers:moderation", only(*COORDINATORS, ADMIN)),
    Row("employers:vacancy_unpublish", only() | regional(), kind="vacancy"),
    Row("courses:supply_report", only(*COORDINATORS, ADMIN)),
    Row("courses:supply_report_state", only(*COORDINATORS, ADMIN)),
    Row("courses:supply_report_csv", only(*COORDINATORS, ADMIN)),
    Row("courses:supply_report_map", only(*COORDINATORS, ADMIN)),
    Row("mentoring:coordinator_dashboard", only(*COORDINATORS)),
    Row("mentoring:mentor_approvals", only(*COORDINATORS, ADMIN)),
    Row("mentoring:mentor_approve", only() | regional(REDIRECT), kind="unapproved_mentor", method="post"),
    Row("mentoring:request_list", only(*COORDINATORS, ADMIN)),
    Row("mentoring:request_detail", only() | regional(), kind="mentor_request"),
    # Without a chosen mentor the form is invalid: 404, as for a request outside the region.
    Row("mentoring:request_assign", only(*COORDINATORS, ADMIN, own=MISSING), kind="mentor_request", method="post"),
    Row("mentoring:suggest", only(*COORDINATORS, ADMIN)),
    Row("mentoring:caseload", only(*COORDINATORS, ADMIN)),
    Row("mentoring:timeline", only() | regional(), kind="profile", kwargs=public_id),
    Row("matching:candidate_pathways", only() | regional(admin=False), kind="profile", kwargs=public_id),
    Row("imports:start", only(*COORDINATORS, ADMIN)),
    Row("imports:columns", only(*COORDINATORS, ADMIN), fixed=({"kind": "vacancies"}, {"kind": "unknown"})),
    Row("imports:example", only(*COORDINATORS, ADMIN), fixed=({"kind": "vacancies"}, {"kind": "unknown"})),
    Row("imports:invitation_accept", token(), kind="account_invitation_token", kwargs=as_token),
    # The Jobbörse import: its runs for admins; occupations to map (statewide) for coordinators and admins. The
    # "other" mapping has no ad waiting for it, so there is nothing to map (404).
    Row("jobboerse:overview", only(ADMIN)),
    Row("jobboerse:occupations", only(*COORDINATORS, ADMIN)),
    Row("jobboerse:occupation_map", only(*COORDINATORS, ADMIN), kind="occupation_mapping"),
    # --- Events: organisers (coordinators of the place, organisation staff for their organisation, admins) -------
    Row("events:manage", only(*EMPLOYERS, PROVIDER, *COORDINATORS, ADMIN)),
    Row("events:create", only(*EMPLOYERS, PROVIDER, *COORDINATORS, ADMIN)),
    Row("events:edit", only(*EMPLOYERS, PROVIDER, own=MISSING) | regional(), kind="event"),
    Row("events:publish", only(*EMPLOYERS, PROVIDER, own=MISSING) | regional(REDIRECT), kind="event", method="post"),
    Row("events:cancel", only(*EMPLOYERS, PROVIDER, own=MISSING) | regional(), kind="event"),
    Row("events:participants", only(*EMPLOYERS, PROVIDER, own=MISSING) | regional(), kind="event"),
    Row("events:check_in", only(*EMPLOYERS, PROVIDER, own=MISSING) | regional(), kind="event"),
    # --- Accounts (django-allauth) -------------------------------------------------------------------------------
    Row("account_login", {**logged_in(REDIRECT), ANON: (OK, OK)}),
    Row("account_signup", {**logged_in(REDIRECT), ANON: (OK, OK)}),
    Row("account_logout", {**logged_in(OK), ANON: (REDIRECT, REDIRECT)}),
    Row("account_inactive", everyone()),
    Row("account_reauthenticate", logged_in()),
    Row("account_request_reauthentication_code", logged_in()),
    # Without a code requested first, the confirmation pages send back to where codes are asked for.
    Row("account_confirm_reauthentication_code", logged_in(REDIRECT)),
    Row("account_email", logged_in()),
    Row("account_email_verification_sent", everyone()),
    Row("account_change_password", logged_in()),
    Row("account_set_password", logged_in(REDIRECT)),
    Row("account_reset_password", everyone()),
    Row("account_reset_password_done", everyone()),
    Row("account_confirm_login_code", logged_in(REDIRECT)),
    # A forged key shows allauth's page "this link is invalid" (200) and confirms nothing.
    Row("account_confirm_email", everyone(), fixed=({"key": "forged"}, {"key": "forged"})),
    Row("account_reset_password_from_key", everyone(), fixed=({"uidb36": "1", "key": "forged"},) * 2),
    Row("account_reset_password_from_key_done", everyone()),
    # Anyone may ask for the confirmation e-mail again; the answer never says whether the address exists.
    Row("accounts:verification_resend", everyone()),
]
# fmt: on

ROW_BY_NAME = {row.name: row for row in ROWS}

# The technical administration (Django's admin, every pattern of the admin namespace): admins only; everyone
# else is sent to its own login page. Classified as a whole, so a newly registered model needs no row.
ADMIN_NAMESPACE = "admin:"
