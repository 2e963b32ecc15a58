"""factory_boy factories, one per meaningful state, shared by all tests."""

import factory
from allauth.account.models import EmailAddress
from django.conf import settings

from accounts.models import Invitation, InvitationKind, Role, User
from employers.models import Membership, Organisation
from places.models import Region
from places.services import region_save

TEST_PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    """A person with a verified e-mail address who can log in with TEST_PASSWORD."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    role = Role.CANDIDATE
    preferred_language = "de"
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class CandidateFactory(UserFactory):
    role = Role.CANDIDATE


class MentorFactory(UserFactory):
    role = Role.MENTOR


class AdminFactory(UserFactory):
    role = Role.ADMIN
    is_staff = True
    is_superuser = True


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["name"]
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Region {n}")

    @factory.post_generation
    def codes(self, create, extracted, **kwargs):
        # Through the service: transactional tests flush the postal-code table the migration loaded.
        if create:
            region_save(name=self.name, postal_codes=extracted or ["30159", "30161"], region=self)


class CoordinatorFactory(UserFactory):
    role = Role.COORDINATOR
    region = factory.SubFactory(RegionFactory)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Betrieb {n} GmbH")
    is_employer = True
    is_course_provider = False


class CourseProviderOrganisationFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Sprachschule {n}")
    is_employer = False
    is_course_provider = True


class EmployerStaffFactory(UserFactory):
    role = Role.EMPLOYER
    membership = factory.RelatedFactory(
        "tests.factories.MembershipFactory", factory_related_name="user", is_admin=True
    )


class ProviderStaffFactory(UserFactory):
    role = Role.PROVIDER
    membership = factory.RelatedFactory(
        "tests.factories.MembershipFactory",
        factory_related_name="user",
        is_admin=True,
        organisation=factory.SubFactory(CourseProviderOrganisationFactory),
    )


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory, role=Role.EMPLOYER)
    is_admin = False


class CoordinatorInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    kind = InvitationKind.COORDINATOR
    email = factory.Sequence(lambda n: f"coordinator{n}@example.org")
    region = factory.SubFactory(RegionFactory)
    language = settings.LANGUAGE_CODE
    invited_by = factory.SubFactory(AdminFactory)


FACTORY_BY_ROLE = {
    Role.CANDIDATE: CandidateFactory,
    Role.EMPLOYER: EmployerStaffFactory,
    Role.PROVIDER: ProviderStaffFactory,
    Role.MENTOR: MentorFactory,
    Role.COORDINATOR: CoordinatorFactory,
    Role.ADMIN: AdminFactory,
}


# --- Occupation catalogue and candidate profiles (issue 3) -------------------------------------------------
# (imports kept local to this block so the file stays easy to extend)
from common.vocabulary import GermanLevel, LanguageLevel, OfferKind  # noqa: E402
from documents.models import Document, DocumentKind  # noqa: E402
from occupations.models import Occupation, OccupationField  # noqa: E402
from portal.models import CandidateLanguage, CandidateOccupation, CandidateProfile  # noqa: E402

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class OccupationFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OccupationField
        django_get_or_create = ["code"]

    # 95-99 are not KldB fields, so a factory never hands back a field of the real catalogue the migration loads.
    code = factory.Sequence(lambda n: f"{95 + n % 5}")
    names = factory.LazyAttribute(lambda o: {lang: f"Field {o.code} ({lang})" for lang in LANGUAGE_CODES})


class OccupationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Occupation
        django_get_or_create = ["kldb_code"]

    field = factory.SubFactory(OccupationFieldFactory)
    kldb_code = factory.LazyAttributeSequence(lambda o, n: f"{o.field.code}{n % 1000:03d}")
    isco_code = "7115"
    names = factory.LazyAttribute(lambda o: {lang: f"Occupation {o.kldb_code} ({lang})" for lang in LANGUAGE_CODES})


class CandidateProfileFactory(factory.django.DjangoModelFactory):
    """A profile just created: nothing filled in yet."""

    class Meta:
        model = CandidateProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(CandidateFactory)


class CompleteCandidateProfileFactory(CandidateProfileFactory):
    """A profile with every onboarding step done: A2 German, painter with 5 years, wants a job, Hannover."""

    german_level = GermanLevel.A2
    school_education = "secondary"
    vocational_education = "on_the_job"
    looking_for = factory.LazyFunction(lambda: [OfferKind.JOB, OfferKind.INTERNSHIP])
    hours_per_week = 30
    postal_code = "30159"
    travel_radius_km = 25
    transport = "public"
    childcare_needed = False
    shift_work_possible = True
    completed_steps = factory.LazyFunction(lambda: ["languages", "experience", "wishes", "place", "circumstances"])

    @factory.post_generation
    def with_language_and_occupation(self, create, extracted, **kwargs):
        if create:
            CandidateLanguage.objects.create(profile=self, language="ar", level=LanguageLevel.NATIVE)
            CandidateOccupation.objects.create(profile=self, occupation=OccupationFactory(), years_experience=5)


class VisibleCandidateProfileFactory(CompleteCandidateProfileFactory):
    visible_to_employers = True


class DocumentFactory(factory.django.DjangoModelFactory):
    """A small but real PDF owned by a candidate."""

    class Meta:
        model = Document

    owner = factory.SubFactory(CandidateFactory)
    kind = DocumentKind.CV
    title = "Lebenslauf"
    file = factory.django.FileField(filename="cv.pdf", data=b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    content_type = "application/pdf"
    size = factory.LazyAttribute(lambda o: o.file.size)


# --- Courses (issue 5) -------------------------------------------------------------------------------------
import datetime  # noqa: E402

from courses.models import Course, CourseKind, CourseRegistration, CourseStatus, Delivery, RegistrationStatus  # noqa: E402
from places.geo import coordinates_of  # noqa: E402


class CourseFactory(factory.django.DjangoModelFactory):
    """A published B1 integration course in Hannover (30159) starting in two weeks, 12 of 12 seats left."""

    class Meta:
        model = Course

    provider = factory.SubFactory(CourseProviderOrganisationFactory)
    kind = CourseKind.INTEGRATION
    title = factory.Sequence(lambda n: f"Integrationskurs {n}")
    description = "Deutsch im Alltag und im Beruf."
    level_from = GermanLevel.A2
    level_to = GermanLevel.B1
    delivery = Delivery.IN_PERSON
    postal_code = "30159"
    latitude = factory.LazyAttribute(lambda o: coordinates_of(o.postal_code)[0] if o.postal_code else None)
    longitude = factory.LazyAttribute(lambda o: coordinates_of(o.postal_code)[1] if o.postal_code else None)
    start_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=14))
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=120))
    schedule = "part_time"
    childcare = False
    seats_total = 12
    seats_left = factory.LazyAttribute(lambda o: o.seats_total)
    cost = "funded"
    contact_name = "Frau Beispiel"
    contact_email = "kurse@example.org"
    status = CourseStatus.PUBLISHED


class DraftCourseFactory(CourseFactory):
    status = CourseStatus.DRAFT


class OnlineCourseFactory(CourseFactory):
    delivery = Delivery.ONLINE
    postal_code = ""


class CourseRegistrationFactory(factory.django.DjangoModelFactory):
    """A candidate holding a seat (the factory does not touch seats_left; use the service for that)."""

    class Meta:
        model = CourseRegistration

    course = factory.SubFactory(CourseFactory)
    profile = factory.SubFactory(CompleteCandidateProfileFactory)
    status = RegistrationStatus.REGISTERED


# --- Vacancies and applications (issue 4) ------------------------------------------------------------------
from django.utils import timezone  # noqa: E402

from applications.models import Application, ApplicationEvent, ApplicationStatus  # noqa: E402
from employers.models import Vacancy, VacancyKind, VacancyStatus  # noqa: E402
from portal.models import ContactGrant  # noqa: E402


class VacancyFactory(factory.django.DjangoModelFactory):
    """A draft job for a painter in Hannover (30159), 38 hours, A2 German; not visible to candidates."""

    class Meta:
        model = Vacancy

    organisation = factory.SubFactory(OrganisationFactory)
    kind = VacancyKind.JOB
    title = factory.Sequence(lambda n: f"Maler/in gesucht {n}")
    description = "Wir suchen Verstärkung für unser Team. Einarbeitung im Betrieb."
    occupation = factory.SubFactory(OccupationFactory)
    german_level_required = GermanLevel.A2
    postal_code = "30159"
    latitude = factory.LazyAttribute(lambda o: coordinates_of(o.postal_code)[0])
    longitude = factory.LazyAttribute(lambda o: coordinates_of(o.postal_code)[1])
    hours_per_week = 38
    status = VacancyStatus.DRAFT


class DraftVacancyFactory(VacancyFactory):
    pass


class PublishedVacancyFactory(VacancyFactory):
    status = VacancyStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class InternshipVacancyFactory(PublishedVacancyFactory):
    """A published six-week internship (time-limited offers always have a duration)."""

    kind = VacancyKind.INTERNSHIP
    title = factory.Sequence(lambda n: f"Praktikum Malerei {n}")
    duration_weeks = 6
    is_paid = False


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A fresh application to a published vacancy, as `application_submit` leaves it: the submitted step in the
    history and the candidate's permission for the organisation to see who they are."""

    class Meta:
        model = Application
        skip_postgeneration_save = True

    profile = factory.SubFactory(CompleteCandidateProfileFactory)
    vacancy = factory.SubFactory(PublishedVacancyFactory)
    message = "Ich habe fünf Jahre als Maler gearbeitet."
    status = ApplicationStatus.SUBMITTED

    @factory.post_generation
    def history(self, create, extracted, **kwargs):
        if create:
            ApplicationEvent.objects.create(
                application=self, status=ApplicationStatus.SUBMITTED, actor=self.profile.user
            )
            ContactGrant.objects.get_or_create(
                profile=self.profile,
                organisation=self.vacancy.organisation,
                defaults={"reason": ContactGrant.Reason.APPLIED},
            )


class StaffInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    kind = InvitationKind.STAFF
    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"colleague{n}@example.org")
    language = settings.LANGUAGE_CODE
    invited_by = None


class ImportedAccountInvitationFactory(factory.django.DjangoModelFactory):
    """An account a partner import created without a password, and its invitation."""

    class Meta:
        model = Invitation

    kind = InvitationKind.IMPORTED_ACCOUNT
    user = factory.SubFactory(UserFactory, password=None)
    invited_by = factory.SubFactory(CoordinatorFactory)


# --- Events (issue 7) --------------------------------------------------------------------------------------
from events.models import Event, EventKind, EventRegistration, EventStatus, TargetGroup  # noqa: E402
from events.models import RegistrationStatus as EventRegistrationStatus  # noqa: E402


def _local_moment(days: int, hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class EventFactory(factory.django.DjangoModelFactory):
    """A published workshop in Hannover (30159) in two weeks, 10 to 14 o'clock, 20 places, organised by the
    coordinator of the region (30159, 30161)."""

    class Meta:
        model = Event

    organiser = factory.SubFactory(CoordinatorFactory)
    organisation = None
    kind = EventKind.WORKSHOP
    title = factory.Sequence(lambda n: f"Bewerbungswerkstatt {n}")
    description = "Lebenslauf schreiben, Vorstellungsgespräch üben."
    starts_at = factory.LazyFunction(lambda: _local_moment(14, 10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=4))
    registration_deadline = None
    online = False
    postal_code = "30159"
    address = "Rathaus, Trammplatz 2"
    languages = factory.LazyFunction(lambda: ["de", "ar"])
    capacity = 20
    target_group = TargetGroup.EVERYONE
    childcare = False
    status = EventStatus.PUBLISHED


class DraftEventFactory(EventFactory):
    status = EventStatus.DRAFT


class OnlineEventFactory(EventFactory):
    online = True
    postal_code = ""
    address = ""
    online_url = "https://meet.example.org/bruecke-workshop"


class JobFairFactory(EventFactory):
    """A job fair for women with childcare, organised by an employer's staff member for their organisation."""

    organiser = factory.SubFactory(EmployerStaffFactory)
    organisation = factory.LazyAttribute(lambda o: o.organiser.membership.organisation)
    kind = EventKind.JOB_FAIR
    title = factory.Sequence(lambda n: f"Jobmesse für Frauen {n}")
    target_group = TargetGroup.WOMEN
    childcare = True


class EventRegistrationFactory(factory.django.DjangoModelFactory):
    """A candidate with a place (the factory skips the capacity check; use the service for that)."""

    class Meta:
        model = EventRegistration

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(CandidateFactory)
    status = EventRegistrationStatus.REGISTERED


# --- Mentoring (issue 7) -----------------------------------------------------------------------------------
from mentoring.models import MentorProfile, MentorRequest, MentorRequestStatus, Mentorship, MentorshipStatus  # noqa: E402


class MentorProfileFactory(factory.django.DjangoModelFactory):
    """An approved mentor in Hannover (30159) speaking German and Arabic, going 20 km, with two places."""

    class Meta:
        model = MentorProfile

    user = factory.SubFactory(MentorFactory)
    languages = factory.LazyFunction(lambda: ["de", "ar"])
    postal_code = "30159"
    latitude = factory.LazyAttribute(lambda o: coordinates_of(o.postal_code)[0])
    longitude = factory.LazyAttribute(lambda o: coordinates_of(o.postal_code)[1])
    travel_radius_km = 20
    capacity = 2
    helps_with = factory.LazyFunction(lambda: ["job_search", "applications"])
    availability = factory.LazyFunction(lambda: ["evenings"])
    approved_at = factory.LazyFunction(timezone.now)


class UnapprovedMentorProfileFactory(MentorProfileFactory):
    approved_at = None


class MentorRequestFactory(factory.django.DjangoModelFactory):
    """A candidate in Hannover (A2 German, Arabic mother tongue) waiting for help with the job search."""

    class Meta:
        model = MentorRequest

    profile = factory.SubFactory(CompleteCandidateProfileFactory)
    topics = factory.LazyFunction(lambda: ["job_search"])
    status = MentorRequestStatus.WAITING


class MentorshipFactory(factory.django.DjangoModelFactory):
    """A proposal nobody has answered yet, made from the candidate's request."""

    class Meta:
        model = Mentorship

    mentor = factory.SubFactory(MentorProfileFactory)
    profile = factory.SubFactory(CompleteCandidateProfileFactory)
    request = factory.SubFactory(
        MentorRequestFactory, profile=factory.SelfAttribute("..profile"), status=MentorRequestStatus.ASSIGNED
    )
    status = MentorshipStatus.PROPOSED


class ActiveMentorshipFactory(MentorshipFactory):
    status = MentorshipStatus.ACTIVE
    candidate_accepted_at = factory.LazyFunction(timezone.now)
    mentor_accepted_at = factory.LazyFunction(timezone.now)


# --- Matching (issue 6) ------------------------------------------------------------------------------------


class CandidateOccupationFactory(factory.django.DjangoModelFactory):
    """An occupation a candidate has worked in, with three years of experience."""

    class Meta:
        model = CandidateOccupation

    profile = factory.SubFactory(CandidateProfileFactory)
    occupation = factory.SubFactory(OccupationFactory)
    years_experience = 3
