"""Demo data for a believable Lower Saxony, loaded by `manage.py seed_demo`.

Running the seed again creates and changes nothing: people are found by e-mail address,
organisations by name and regions by name. Passwords are set only when an account is created.
Organisation and User have no address yet, so the towns (and postal codes) of people and
organisations live in the comments; the regions' postal codes are stored and checked.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction

from accounts.models import Role, User
from employers.models import Membership, Organisation
from employers.services import organisation_create_with_admin
from occupations.models import Occupation
from places.geo import is_known_postal_code
from places.models import Region
from places.services import region_save
from portal.models import DRIVING_LICENCE_CLASSES, CandidateProfile, OnboardingStep
from portal.services import (
    candidate_circumstances_save,
    candidate_experience_save,
    candidate_languages_save,
    candidate_occupation_add,
    candidate_occupation_remove,
    candidate_place_save,
    candidate_profile_ensure,
    candidate_wishes_save,
)
from portal.vocabulary import OfferKind

REGIONS = [
    {
        "name": "Region Hannover",
        "postal_codes": [
            # Landeshauptstadt Hannover
            "30159", "30161", "30163", "30165", "30167", "30169", "30171", "30173", "30175", "30177",
            "30179", "30419", "30449", "30451", "30453", "30455", "30457", "30459", "30519", "30521",
            "30539", "30559", "30625", "30627", "30629", "30655", "30657", "30659", "30669",
            # Umland: Langenhagen, Garbsen, Laatzen, Seelze, Ronnenberg, Hemmingen, Pattensen, Gehrden,
            # Barsinghausen, Wennigsen, Springe, Lehrte, Sehnde, Burgdorf, Uetze, Burgwedel, Isernhagen,
            # Wedemark, Wunstorf, Neustadt am Rübenberge
            "30851", "30853", "30855", "30823", "30826", "30827", "30880", "30926", "30952", "30966",
            "30982", "30989", "30890", "30974", "31832", "31275", "31319", "31303", "31311", "30938",
            "30916", "30900", "31515", "31535",
        ],
    },
    {
        "name": "Landkreis Cuxhaven",
        "postal_codes": [
            # Cuxhaven, Otterndorf, Hemmoor, Geestland, Loxstedt, Beverstedt, Schiffdorf,
            # Hagen im Bremischen, Wurster Nordseeküste, Cadenberge, Neuhaus (Oste), Ihlienworth,
            # Wanna, Lamstedt, Hechthausen, Osten, Bülkau
            "27472", "27474", "27476", "27478", "21762", "21745", "27607", "27624", "27612", "27616",
            "27619", "27628", "27639", "21781", "21785", "21775", "21776", "21769", "21755", "21756",
            "21782",
        ],
    },
    {
        "name": "Landkreis Emsland",
        "postal_codes": [
            # Meppen, Lingen (Ems), Papenburg, Haren (Ems), Haselünne, Sögel, Werlte, Freren, Salzbergen,
            # Emsbüren, Dörpen, Lathen, Twist, Geeste, Herzlake, Rhede (Ems), Esterwegen, Lengerich, Spelle
            "49716", "49808", "49809", "49811", "26871", "49733", "49740", "49751", "49757", "49832",
            "48499", "48488", "26892", "49762", "49767", "49744", "49770", "26899", "26897", "49838",
            "48480",
        ],
    },
    {
        "name": "Landkreis Lüchow-Dannenberg",
        "postal_codes": [
            # Lüchow, Dannenberg (Elbe), Hitzacker (Elbe), Clenze, Wustrow, Schnega, Bergen an der Dumme,
            # Gartow, Damnatz, Göhrde, Gorleben, Gusborn, Höhbeck, Jameln, Karwitz, Küsten, Langendorf,
            # Lemgow, Luckau, Lübbow, Neu Darchau, Prezelle, Schnackenburg, Trebel, Waddeweitz,
            # Woltersdorf, Zernien
            "29439", "29451", "29456", "29459", "29462", "29465", "29468", "29471", "29472", "29473",
            "29475", "29476", "29478", "29479", "29481", "29482", "29484", "29485", "29487", "29488",
            "29490", "29491", "29493", "29494", "29496", "29497", "29499",
        ],
    },
    {
        "name": "Stadt Osnabrück",
        "postal_codes": ["49074", "49076", "49078", "49080", "49082", "49084", "49086", "49088", "49090"],
    },
]  # fmt: skip

# The first organisation of each kind gives the login printed for its role. Staff of an organisation
# that employs people are employer staff; staff of a pure course provider are provider staff.
ORGANISATIONS = [
    {
        # Neustadt am Rübenberge (31535); trains its own apprentices, so it offers courses too.
        "name": "Malerbetrieb Brinkmann mit eigenem Ausbildungszentrum",
        "is_employer": True,
        "is_course_provider": True,
        "staff": {"email": "arbeitgeber@demo.example.org", "first_name": "Jens", "last_name": "Brinkmann"},
    },
    {
        # Osnabrück (49074)
        "name": "Seniorenzentrum Haseufer gGmbH",
        "is_employer": True,
        "is_course_provider": False,
        "staff": {
            "email": "pflege.osnabrueck@demo.example.org",
            "first_name": "Martina",
            "last_name": "Schröder",
        },
    },
    {
        # Lüneburg (21335)
        "name": "Pflegeheim Am Kalkberg",
        "is_employer": True,
        "is_course_provider": False,
        "staff": {"email": "pflege.lueneburg@demo.example.org", "first_name": "Stefan", "last_name": "Kruse"},
    },
    {
        # Hannover-Lahe (30659)
        "name": "Lahe Logistik GmbH",
        "is_employer": True,
        "is_course_provider": False,
        "staff": {"email": "logistik@demo.example.org", "first_name": "Oliver", "last_name": "Petersen"},
    },
    {
        # Meppen, Landkreis Emsland (49716)
        "name": "Tischlerei Hüsing",
        "is_employer": True,
        "is_course_provider": False,
        "staff": {"email": "tischlerei@demo.example.org", "first_name": "Heinz", "last_name": "Hüsing"},
    },
    {
        # Cuxhaven (27472)
        "name": "Hotel Hafenblick Cuxhaven",
        "is_employer": True,
        "is_course_provider": False,
        "staff": {"email": "hotel@demo.example.org", "first_name": "Wiebke", "last_name": "Carstens"},
    },
    {
        # Lüchow, Landkreis Lüchow-Dannenberg (29439)
        "name": "Landbäckerei Wendlandkorn",
        "is_employer": True,
        "is_course_provider": False,
        "staff": {"email": "baeckerei@demo.example.org", "first_name": "Uwe", "last_name": "Lüdtke"},
    },
    {
        # Hannover-Mitte (30159)
        "name": "Volkshochschule Hannover",
        "is_employer": False,
        "is_course_provider": True,
        "staff": {"email": "anbieter@demo.example.org", "first_name": "Claudia", "last_name": "Hartmann"},
    },
    {
        # Lingen (Ems) (49808)
        "name": "Sprachschule Ems-Vechte",
        "is_employer": False,
        "is_course_provider": True,
        "staff": {"email": "sprachschule@demo.example.org", "first_name": "Maria", "last_name": "Evers"},
    },
    {
        # Lüchow (29439)
        "name": "VHS Lüchow-Dannenberg",
        "is_employer": False,
        "is_course_provider": True,
        "staff": {"email": "vhs.wendland@demo.example.org", "first_name": "Henning", "last_name": "Rathmann"},
    },
    {
        # Osnabrück (49074)
        "name": "Bildungswerk Osnabrücker Land e. V.",
        "is_employer": False,
        "is_course_provider": True,
        "staff": {"email": "bildungswerk@demo.example.org", "first_name": "Ralf", "last_name": "Niemeyer"},
    },
]

CANDIDATES = [
    # From Kyiv, a nurse, lives in Osnabrück (49076)
    {"email": "kandidatin@demo.example.org", "first_name": "Olena", "last_name": "Kovalenko",
     "preferred_language": "uk"},
    # From Aleppo, a painter, lives in Neustadt am Rübenberge (31535)
    {"email": "ahmad@demo.example.org", "first_name": "Ahmad", "last_name": "Al-Hassan",
     "preferred_language": "ar"},
    # From Herat, a seamstress with A1 German, lives in Lüchow, Landkreis Lüchow-Dannenberg (29439)
    {"email": "mariam@demo.example.org", "first_name": "Mariam", "last_name": "Ahmadi",
     "preferred_language": "fa"},
    # From Kharkiv, Russian-speaking car mechanic, lives in Neustadt am Rübenberge (31535)
    {"email": "dmytro@demo.example.org", "first_name": "Dmytro", "last_name": "Bondarenko",
     "preferred_language": "ru"},
    # From Shiraz, a cook, lives in Cuxhaven (27474)
    {"email": "reza@demo.example.org", "first_name": "Reza", "last_name": "Karimi",
     "preferred_language": "fa"},
    # From Asmara, worked in a warehouse, lives in Nienburg (Weser) (31582)
    {"email": "yonas@demo.example.org", "first_name": "Yonas", "last_name": "Tesfaye",
     "preferred_language": "en"},
    # From Diyarbakır, a primary-school teacher, lives in Göttingen (37073)
    {"email": "elif@demo.example.org", "first_name": "Elif", "last_name": "Yıldız",
     "preferred_language": "tr"},
    # From Homs, in Germany since 2016, trained office clerk, lives in Meppen, Landkreis Emsland (49716)
    {"email": "rasha@demo.example.org", "first_name": "Rasha", "last_name": "Haddad",
     "preferred_language": "de"},
]  # fmt: skip

# What each demo candidate told the onboarding, by e-mail address: every step answered, so the profiles are
# complete. Occupations by KldB 2010 code from the catalogue; no earliest start, so the seed never ages.
CANDIDATE_PROFILES = {
    "kandidatin@demo.example.org": {
        "german_level": "B1", "german_certificate": "telc",
        "other_languages": [("uk", "native"), ("ru", "C2"), ("en", "B1")],
        "occupations": [("81302", 12)],
        "school_education": "upper_secondary", "vocational_education": "vocational_school",
        "foreign_qualification": "Krankenschwester, Medizinisches College Kyjiw (Ukraine)",
        "recognition_status": "in_progress",
        "looking_for": ["job", "language_course"], "hours_per_week": 30,
        "postal_code": "49076", "travel_radius_km": 20, "transport": "public", "driving_licences": [],
        "childcare_needed": True, "shift_work_possible": True, "work_permit": "yes",
    },
    "ahmad@demo.example.org": {
        "german_level": "A2", "german_certificate": "",
        "other_languages": [("ar", "native"), ("ku", "B1"), ("en", "A2")],
        "occupations": [("33212", 9), ("33302", 3)],
        "school_education": "lower_secondary", "vocational_education": "on_the_job",
        "foreign_qualification": "", "recognition_status": "",
        "looking_for": ["job", "work_trial"], "hours_per_week": 40,
        "postal_code": "31535", "travel_radius_km": 30, "transport": "car", "driving_licences": ["B"],
        "childcare_needed": False, "shift_work_possible": True, "work_permit": "yes",
    },
    "mariam@demo.example.org": {
        "german_level": "A1", "german_certificate": "",
        "other_languages": [("fa", "native"), ("ps", "B1")],
        "occupations": [("28221", 6)],
        "school_education": "primary", "vocational_education": "on_the_job",
        "foreign_qualification": "", "recognition_status": "",
        "looking_for": ["language_course", "internship", "ausbildung"], "hours_per_week": 20,
        "postal_code": "29439", "travel_radius_km": 25, "transport": "public", "driving_licences": [],
        "childcare_needed": True, "shift_work_possible": False, "work_permit": "needs_approval",
    },
    "dmytro@demo.example.org": {
        "german_level": "A2", "german_certificate": "dtz",
        "other_languages": [("ru", "native"), ("uk", "C2"), ("en", "A2")],
        "occupations": [("25212", 10)],
        "school_education": "secondary", "vocational_education": "vocational_school",
        "foreign_qualification": "Kfz-Schlosser, Fachschule Charkiw (Ukraine)", "recognition_status": "not_started",
        "looking_for": ["job", "eq"], "hours_per_week": 40,
        "postal_code": "31535", "travel_radius_km": 40, "transport": "car", "driving_licences": ["B", "C1"],
        "childcare_needed": False, "shift_work_possible": True, "work_permit": "yes",
    },
    "reza@demo.example.org": {
        "german_level": "B1", "german_certificate": "goethe",
        "other_languages": [("fa", "native"), ("en", "B2")],
        "occupations": [("29302", 7)],
        "school_education": "upper_secondary", "vocational_education": "on_the_job",
        "foreign_qualification": "", "recognition_status": "",
        "looking_for": ["job", "hospitation"], "hours_per_week": 38,
        "postal_code": "27474", "travel_radius_km": 30, "transport": "public", "driving_licences": [],
        "childcare_needed": False, "shift_work_possible": True, "work_permit": "yes",
    },
    "yonas@demo.example.org": {
        "german_level": "A2", "german_certificate": "",
        "other_languages": [("ti", "native"), ("ar", "B1"), ("en", "B2")],
        "occupations": [("51311", 3), ("52531", 2)],
        "school_education": "secondary", "vocational_education": "none",
        "foreign_qualification": "", "recognition_status": "",
        "looking_for": ["job", "ausbildung"], "hours_per_week": 40,
        "postal_code": "31582", "travel_radius_km": 50, "transport": "public", "driving_licences": [],
        "childcare_needed": False, "shift_work_possible": True, "work_permit": "",
    },
    "elif@demo.example.org": {
        "german_level": "B2", "german_certificate": "telc",
        "other_languages": [("tr", "native"), ("ku", "C1"), ("en", "B1")],
        "occupations": [("84114", 6)],
        "school_education": "upper_secondary", "vocational_education": "university",
        "foreign_qualification": "Lehramt Grundschule, Dicle Üniversitesi (Türkei)", "recognition_status": "partial",
        "looking_for": ["job", "internship", "hospitation"], "hours_per_week": 25,
        "postal_code": "37073", "travel_radius_km": 20, "transport": "public", "driving_licences": [],
        "childcare_needed": True, "shift_work_possible": False, "work_permit": "yes",
    },
    "rasha@demo.example.org": {
        "german_level": "C1", "german_certificate": "testdaf",
        "other_languages": [("ar", "native"), ("en", "B2")],
        "occupations": [("71402", 4)],
        "school_education": "upper_secondary", "vocational_education": "vocational_school",
        "foreign_qualification": "", "recognition_status": "",
        "looking_for": ["job"], "hours_per_week": 30,
        "postal_code": "49716", "travel_radius_km": 35, "transport": "car", "driving_licences": ["B"],
        "childcare_needed": True, "shift_work_possible": False, "work_permit": "yes",
    },
}  # fmt: skip

MENTORS = [
    # Hannover-List (30163)
    {"email": "mentorin@demo.example.org", "first_name": "Sabine", "last_name": "Meyer",
     "preferred_language": "de"},
    # Otterndorf, Landkreis Cuxhaven (21762)
    {"email": "mentor.cuxhaven@demo.example.org", "first_name": "Klaus", "last_name": "Hinrichs",
     "preferred_language": "de"},
    # Came from Damascus in 2015, mentors in Osnabrück (49074)
    {"email": "mentorin.osnabrueck@demo.example.org", "first_name": "Hiba", "last_name": "Darwish",
     "preferred_language": "ar"},
    # Dannenberg (Elbe), Landkreis Lüchow-Dannenberg (29451)
    {"email": "mentorin.wendland@demo.example.org", "first_name": "Gerda", "last_name": "Wilkens",
     "preferred_language": "de"},
    # Russian-German, Lingen (Ems) (49809)
    {"email": "mentorin.lingen@demo.example.org", "first_name": "Swetlana", "last_name": "Becker",
     "preferred_language": "ru"},
]  # fmt: skip

COORDINATORS = [
    {"email": "kuemmerer@demo.example.org", "first_name": "Katrin", "last_name": "Vogt",
     "region": "Region Hannover"},
    {"email": "kuemmerer.cuxhaven@demo.example.org", "first_name": "Hauke", "last_name": "Claußen",
     "region": "Landkreis Cuxhaven"},
    {"email": "kuemmerer.emsland@demo.example.org", "first_name": "Bernd", "last_name": "Többen",
     "region": "Landkreis Emsland"},
    {"email": "kuemmerer.wendland@demo.example.org", "first_name": "Anke", "last_name": "Schulz",
     "region": "Landkreis Lüchow-Dannenberg"},
    {"email": "kuemmerer.osnabrueck@demo.example.org", "first_name": "Aylin", "last_name": "Demir",
     "region": "Stadt Osnabrück"},
]  # fmt: skip

ADMIN = {"email": "admin@demo.example.org", "first_name": "Birte", "last_name": "Janssen"}


@transaction.atomic
def demo_seed() -> dict[str, str]:
    """Create the demo data where it is missing; return one login e-mail per role, in Role order."""
    unknown = sorted({code for region in REGIONS for code in region["postal_codes"] if not is_known_postal_code(code)})
    if unknown:
        raise ValueError(f"Unknown postal codes in the demo regions: {', '.join(unknown)}")
    occupations = Occupation.objects.in_bulk(
        {code for profile in CANDIDATE_PROFILES.values() for code, _years in profile["occupations"]},
        field_name="kldb_code",
    )
    missing = sorted(
        {code for profile in CANDIDATE_PROFILES.values() for code, _years in profile["occupations"]} - set(occupations)
    )
    if missing:
        raise ValueError(
            f"Occupations of the demo profiles missing from the catalogue: {', '.join(missing)} "
            "(manage.py load_occupations loads it)"
        )

    # region_save finds each region by name and sets exactly these codes; equal codes change nothing.
    regions = {
        region["name"]: region_save(name=region["name"], postal_codes=region["postal_codes"]) for region in REGIONS
    }
    users = [_user_ensure(role=Role.CANDIDATE, **person) for person in CANDIDATES]
    for user in users:
        _candidate_profile_ensure(user=user, wanted=CANDIDATE_PROFILES[user.email], occupations=occupations)
    for organisation in ORGANISATIONS:
        staff = _user_ensure(
            role=Role.EMPLOYER if organisation["is_employer"] else Role.PROVIDER, **organisation["staff"]
        )
        _organisation_ensure(
            name=organisation["name"],
            is_employer=organisation["is_employer"],
            is_course_provider=organisation["is_course_provider"],
            staff=staff,
        )
        users.append(staff)
    users += [_user_ensure(role=Role.MENTOR, **person) for person in MENTORS]
    users += [
        _user_ensure(role=Role.COORDINATOR, **{**person, "region": regions[person["region"]]})
        for person in COORDINATORS
    ]
    users.append(_user_ensure(role=Role.ADMIN, is_staff=True, is_superuser=True, **ADMIN))

    logins: dict[str, str] = {}
    for user in users:
        logins.setdefault(user.role, user.email)
    return {role: logins[role] for role in Role.values}


def _user_ensure(
    *,
    email: str,
    role: str,
    first_name: str,
    last_name: str,
    preferred_language: str = "de",
    region: Region | None = None,
    is_staff: bool = False,
    is_superuser: bool = False,
) -> User:
    """The demo account with a verified primary address; an existing one is put back to the demo state."""
    wanted = {
        "role": role,
        "first_name": first_name,
        "last_name": last_name,
        "preferred_language": preferred_language,
        "region": region,
        "is_staff": is_staff,
        "is_superuser": is_superuser,
    }
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=settings.DEMO_PASSWORD, **wanted)
    else:
        changed = [field for field, value in wanted.items() if getattr(user, field) != value]
        if changed:
            for field in changed:
                setattr(user, field, wanted[field])
            user.save(update_fields=changed)

    address, _ = EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    if not (address.verified and address.primary):
        EmailAddress.objects.filter(user=user, primary=True).exclude(pk=address.pk).update(primary=False)
        address.verified = address.primary = True
        address.save(update_fields=["verified", "primary"])
    return user


def _organisation_ensure(*, name: str, is_employer: bool, is_course_provider: bool, staff: User) -> Organisation:
    organisation = Organisation.objects.filter(name=name).order_by("pk").first()
    if organisation is None:
        return organisation_create_with_admin(
            name=name, admin=staff, is_employer=is_employer, is_course_provider=is_course_provider
        )

    wanted = {"is_employer": is_employer, "is_course_provider": is_course_provider}
    changed = [field for field, value in wanted.items() if getattr(organisation, field) != value]
    if changed:
        for field in changed:
            setattr(organisation, field, wanted[field])
        organisation.save(update_fields=changed)
    # A staff account deleted and seeded again has lost its membership; there is no service for adding
    # a colleague yet, so the demo restores it directly.
    Membership.objects.get_or_create(user=staff, defaults={"organisation": organisation, "is_admin": True})
    return organisation


def _candidate_profile_ensure(*, user: User, wanted: dict, occupations: dict[str, Occupation]) -> CandidateProfile:
    """The demo candidate's completed onboarding, written through the onboarding services.

    A profile already in the demo state is left alone, so seeding again changes nothing (not even updated_at).
    """
    profile = candidate_profile_ensure(user=user)
    if _profile_state(profile) == _wanted_state(wanted):
        return profile

    candidate_languages_save(
        profile=profile,
        german_level=wanted["german_level"],
        german_certificate=wanted["german_certificate"],
        other_languages=wanted["other_languages"],
    )
    candidate_experience_save(
        profile=profile,
        school_education=wanted["school_education"],
        vocational_education=wanted["vocational_education"],
        foreign_qualification=wanted["foreign_qualification"],
        recognition_status=wanted["recognition_status"],
    )
    wanted_occupations = {occupations[code]: years for code, years in wanted["occupations"]}
    for entry in profile.occupations.select_related("occupation"):
        if entry.occupation not in wanted_occupations:
            candidate_occupation_remove(profile=profile, candidate_occupation=entry)
    for occupation, years in wanted_occupations.items():
        candidate_occupation_add(profile=profile, occupation=occupation, years_experience=years)
    candidate_wishes_save(
        profile=profile,
        looking_for=wanted["looking_for"],
        hours_per_week=wanted["hours_per_week"],
        earliest_start=None,
    )
    candidate_place_save(
        profile=profile,
        postal_code=wanted["postal_code"],
        travel_radius_km=wanted["travel_radius_km"],
        transport=wanted["transport"],
        driving_licences=wanted["driving_licences"],
    )
    candidate_circumstances_save(
        profile=profile,
        childcare_needed=wanted["childcare_needed"],
        shift_work_possible=wanted["shift_work_possible"],
        work_permit=wanted["work_permit"],
    )
    return profile


_PROFILE_FIELDS = [
    "german_level", "german_certificate", "school_education", "vocational_education", "foreign_qualification",
    "recognition_status", "looking_for", "hours_per_week", "postal_code", "travel_radius_km", "transport",
    "driving_licences", "childcare_needed", "shift_work_possible", "work_permit",
]  # fmt: skip


def _profile_state(profile: CandidateProfile) -> dict:
    return {
        **{name: getattr(profile, name) for name in _PROFILE_FIELDS},
        "earliest_start": profile.earliest_start,
        "completed_steps": profile.completed_steps,
        "other_languages": list(profile.languages.values_list("language", "level")),
        "occupations": sorted(profile.occupations.values_list("occupation__kldb_code", "years_experience")),
    }


def _wanted_state(wanted: dict) -> dict:
    return {
        **{name: wanted[name] for name in _PROFILE_FIELDS},
        # As the services store them: in catalogue order.
        "looking_for": [kind for kind in OfferKind.values if kind in wanted["looking_for"]],
        "driving_licences": [licence for licence in DRIVING_LICENCE_CLASSES if licence in wanted["driving_licences"]],
        "earliest_start": None,
        "completed_steps": list(OnboardingStep.values),
        "other_languages": list(wanted["other_languages"]),
        "occupations": sorted(wanted["occupations"]),
    }
