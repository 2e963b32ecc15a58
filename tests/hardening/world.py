"""A small portal with one person per role and, for every kind of object, one that is "own" and one that is
"other", shared by the permission matrix and the test that GET changes nothing.

"Own" objects belong to the candidate, to employer A, to course provider P, to the mentor, and lie in the
region "Hannover" (30159, 30161) of the coordinator "in region". "Other" objects belong to other people and
organisations and lie in "Osnabrück" (49074, 49076), the region of the coordinator "out of region".
"""

from dataclasses import dataclass, field

from django.core import signing
from django.utils import timezone

from accounts.models import Invitation, InvitationKind
from accounts.selectors import invitation_token
from alerts.models import SavedSearch
from alerts.services import unsubscribe_token_make as saved_search_unsubscribe_token
from conversations.models import Conversation, Message, Report
from employers.models import Membership
from jobboerse.models import Listing, ListingStatus, OccupationMapping
from notifications.digests import unsubscribe_token_make
from notifications.models import Notification
from portal.models import ContactGrant
from tests.factories import (
    ActiveMentorshipFactory,
    AdminFactory,
    ApplicationFactory,
    CandidateFactory,
    CompleteCandidateProfileFactory,
    CoordinatorFactory,
    CoordinatorInvitationFactory,
    CourseFactory,
    CourseProviderOrganisationFactory,
    CourseRegistrationFactory,
    DocumentFactory,
    EventFactory,
    EventRegistrationFactory,
    MembershipFactory,
    MentorProfileFactory,
    MentorRequestFactory,
    OrganisationFactory,
    PublishedVacancyFactory,
    RegionFactory,
    StaffInvitationFactory,
    UnapprovedMentorProfileFactory,
    UserFactory,
)

ANON = "anonymous"
CANDIDATE = "candidate"
EMP_STAFF = "employer staff"
EMP_ADMIN = "employer admin"
PROVIDER = "course provider"
MENTOR = "mentor"
COORD_IN = "coordinator in region"
COORD_OUT = "coordinator out of region"
ADMIN = "admin"
SUBJECTS = (ANON, CANDIDATE, EMP_STAFF, EMP_ADMIN, PROVIDER, MENTOR, COORD_IN, COORD_OUT, ADMIN)

HANNOVER = ["30159", "30161"]
OSNABRUECK = ["49074", "49076"]


@dataclass
class Pair:
    own: object
    other: object


@dataclass
class World:
    users: dict = field(default_factory=dict)  # subject -> user (None for anonymous)
    objects: dict = field(default_factory=dict)  # kind -> Pair

    def user(self, subject):
        return self.users.get(subject)


def _side(region_codes, organisation, provider):
    """Everything that belongs to one side (own or other)."""
    code = region_codes[0]
    profile = CompleteCandidateProfileFactory(postal_code=code, visible_to_employers=False)
    vacancy = PublishedVacancyFactory(organisation=organisation, postal_code=code)
    application = ApplicationFactory(profile=profile, vacancy=vacancy)
    document = DocumentFactory(owner=profile.user)
    course = CourseFactory(provider=provider, postal_code=code)
    CourseRegistrationFactory(course=course, profile=profile)
    mentor = MentorProfileFactory(postal_code=code)
    mentorship = ActiveMentorshipFactory(mentor=mentor, profile=profile)
    waiting = MentorRequestFactory(profile=CompleteCandidateProfileFactory(postal_code=code))
    unapproved = UnapprovedMentorProfileFactory(postal_code=code)
    notification = Notification.objects.create(recipient=profile.user, kind="mentor_approved", params={})
    colleague = MembershipFactory(organisation=organisation, is_admin=False)
    # The application's thread, reported: the coordinators of the candidate's region may read it from then on.
    conversation = Conversation.objects.create(application=application)
    Message.objects.create(conversation=conversation, author=profile.user, body="Wann kann ich anfangen?")
    Report.objects.create(conversation=conversation, reporter=profile.user, reason="Man verlangt Geld.")
    Conversation.objects.create(mentorship=mentorship)
    saved_search = SavedSearch.objects.create(
        owner=profile.user, kind="vacancy", name="Lager", params={"q": ["Lager"]}, alerts_since=timezone.now()
    )
    return {
        "profile": profile,
        "vacancy": vacancy,
        "application": application,
        "document": document,
        "course": course,
        "mentor": mentor,
        "mentorship": mentorship,
        "mentor_request": waiting,
        "unapproved_mentor": unapproved,
        "notification": notification,
        "membership": colleague,
        "conversation": conversation,
        "saved_search": saved_search,
    }


def build_world() -> World:
    region_in = RegionFactory(name="Hannover", codes=HANNOVER)
    region_out = RegionFactory(name="Osnabrück", codes=OSNABRUECK)
    coordinator_in = CoordinatorFactory(region=region_in)
    coordinator_out = CoordinatorFactory(region=region_out)

    organisation_a = OrganisationFactory(name="Betrieb A", locations=HANNOVER[:1])
    organisation_b = OrganisationFactory(name="Betrieb B", locations=OSNABRUECK[:1])
    provider_p = CourseProviderOrganisationFactory(name="Sprachschule P", locations=HANNOVER[:1])
    provider_q = CourseProviderOrganisationFactory(name="Sprachschule Q", locations=OSNABRUECK[:1])

    own = _side(HANNOVER, organisation_a, provider_p)
    other = _side(OSNABRUECK, organisation_b, provider_q)

    employer_admin = UserFactory(role="employer")
    Membership.objects.create(organisation=organisation_a, user=employer_admin, is_admin=True)
    employer_staff = UserFactory(role="employer")
    Membership.objects.create(organisation=organisation_a, user=employer_staff, is_admin=False)
    provider_staff = UserFactory(role="provider")
    Membership.objects.create(organisation=provider_p, user=provider_staff, is_admin=True)
    admin = AdminFactory()

    # The candidate's own registrations, and a grant so that employer A may see the candidate who applied.
    candidate = own["profile"].user
    ContactGrant.objects.get_or_create(profile=own["profile"], organisation=organisation_a)
    event_own = EventFactory(organiser=coordinator_in, postal_code=HANNOVER[0])
    event_other = EventFactory(organiser=coordinator_out, postal_code=OSNABRUECK[0])
    EventRegistrationFactory(event=event_own, user=candidate)
    EventRegistrationFactory(event=event_other, user=other["profile"].user)

    world = World(
        users={
            ANON: None,
            CANDIDATE: candidate,
            EMP_STAFF: employer_staff,
            EMP_ADMIN: employer_admin,
            PROVIDER: provider_staff,
            MENTOR: own["mentor"].user,
            COORD_IN: coordinator_in,
            COORD_OUT: coordinator_out,
            ADMIN: admin,
        }
    )
    for kind in own:
        world.objects[kind] = Pair(own[kind], other[kind])
    world.objects["event"] = Pair(event_own, event_other)
    world.objects["organisation"] = Pair(organisation_a, organisation_b)
    # A Jobbörse occupation with an ad waiting for it ("own") and one that nothing waits for ("other"): the
    # mapping is statewide work, so "other" is not about a region but about there being nothing to map.
    waiting = OccupationMapping.objects.create(text="Fachkraft Lagerlogistik", normalised="fachkraft lagerlogistik")
    Listing.objects.create(refnr="10000-1", status=ListingStatus.UNMAPPED, mapping=waiting, needs_details=False)
    idle = OccupationMapping.objects.create(text="Hafenlotse", normalised="hafenlotse")
    world.objects["occupation_mapping"] = Pair(waiting, idle)

    # Tokens: a valid one ("own") and a forged one ("other").
    coordinator_invitation = CoordinatorInvitationFactory(region=region_in)
    staff_invitation = StaffInvitationFactory(organisation=organisation_a)
    imported = CandidateFactory(password=None)
    imported.set_unusable_password()
    imported.save(update_fields=["password"])
    account_invitation = Invitation.objects.create(
        kind=InvitationKind.IMPORTED_ACCOUNT, user=imported, invited_by=coordinator_in
    )
    world.objects["coordinator_invitation_token"] = Pair(invitation_token(invitation=coordinator_invitation), "forged")
    world.objects["staff_invitation_token"] = Pair(invitation_token(invitation=staff_invitation), "forged")
    world.objects["account_invitation_token"] = Pair(invitation_token(invitation=account_invitation), "forged")
    world.objects["unsubscribe_token"] = Pair(unsubscribe_token_make(user=candidate), signing.dumps("forged"))
    world.objects["saved_search_unsubscribe_token"] = Pair(
        saved_search_unsubscribe_token(owner=candidate, search_ids=[own["saved_search"].pk]), "forged"
    )
    return world
