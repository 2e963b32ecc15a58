"""Demo data for a believable Lower Saxony, loaded by `manage.py seed_demo`.

Running the seed again creates and changes nothing (only the supply reports, a cache computed from the data,
are computed anew): people are found by e-mail address, organisations by name, regions by name, vacancies and
courses by organisation and title, and applications and course registrations by candidate and offer. Passwords
are set only when an account is created. User has no address, so the towns (and postal codes) of people live in
the comments; the organisations' places are their profile locations. Every postal code is checked.

Dates are counted from the day of seeding, so the demo never goes stale: a vacancy or course keeps its
dates until it has started or expired, and only then moves to the same distance from today. Everything
is written through the apps' services, as a person using the portal would. The demo people are made up,
so no e-mail goes out about them (see `_demo_notifications_settle`).
"""

import functools
from datetime import date, datetime, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from accounts.models import Role, User
from applications.models import Application, ApplicationKind, ApplicationStatus
from applications.services import application_submit, application_transition
from courses.models import (
    Cost,
    Course,
    CourseKind,
    CourseRegistration,
    CourseStatus,
    CourseSubject,
    Delivery,
    Schedule,
)
from courses.report_services import supply_reports_refresh_all
from courses.services import course_create, course_publish, course_register, course_update
from employers.models import CompanySize, Membership, Organisation, Sector, Vacancy, VacancyKind, VacancyStatus
from employers.offer_vocabulary import TASKS_BY_FIELD
from employers.services import (
    organisation_create_with_admin,
    organisation_profile_update,
    vacancy_create,
    vacancy_recognition_default,
    vacancy_update,
)
from matching.services import match_recompute_all
from notifications.models import Notification
from occupations.models import Occupation
from places.geo import is_known_postal_code
from places.models import Region
from places.services import region_save
from portal.models import CandidateProfile, OnboardingStep, driving_licences_in_order
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
from portal.vocabulary import GermanLevel, OfferKind
from privacy.services import candidate_visibility_set

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
# "profile" is the public profile (employers.services.organisation_profile_update), locations in sorted order
# as the service stores them.
ORGANISATIONS = [
    {
        "name": "Malerbetrieb Brinkmann mit eigenem Ausbildungszentrum",
        "is_employer": True,
        "is_course_provider": True,
        "staff": {"email": "arbeitgeber@demo.example.org", "first_name": "Jens", "last_name": "Brinkmann"},
        "profile": {
            "sector": Sector.CRAFTS, "size": CompanySize.SMALL, "locations": ["30159", "31535"],
            "about": (
                "Familienbetrieb in dritter Generation in Neustadt am Rübenberge mit 28 Beschäftigten: Innenräume, "
                "Fassaden, Bodenbeläge und Wärmedämmung für Privatleute, Wohnungsbaugesellschaften und öffentliche "
                "Bauherren in der Region Hannover. Wir bilden jedes Jahr vier bis sechs Lehrlinge aus."
            ),
            "contact_name": "Jens Brinkmann", "contact_email": "ausbildung.brinkmann@demo.example.org",
            "best_practice_story": (
                "In unserer alten Lagerhalle haben wir ein Ausbildungszentrum eingerichtet: zwölf Übungskabinen, in "
                "denen alle das Malerhandwerk ausprobieren können, ohne dass eine Kundenwand auf dem Spiel steht. "
                "Einmal im Monat laden wir zu Schnuppertagen ein. Deutsch braucht es dafür noch nicht: Unsere "
                "Ausbilder arbeiten mit Bildkarten, Vormachen und Mitmachen.\n\n"
                "Wer Gefallen findet, macht ein Praktikum, dann eine Einstiegsqualifizierung und schließlich die "
                "Ausbildung. Den Azubi-Sprachkurs gibt es samstags im Haus, die Fachwörter lernen die Auszubildenden "
                "direkt an der Wand. Von 14 Geflüchteten, die seit 2018 bei uns angefangen haben, haben neun die "
                "Gesellenprüfung bestanden; vier arbeiten heute als Gesellen bei uns, einer leitet eine eigene Kolonne."
            ),
        },
    },
    {
        "name": "Seniorenzentrum Haseufer gGmbH",
        "is_employer": True,
        "is_course_provider": False,
        "staff": {
            "email": "pflege.osnabrueck@demo.example.org",
            "first_name": "Martina",
            "last_name": "Schröder",
        },
        "profile": {
            "sector": Sector.CARE, "size": CompanySize.MEDIUM, "locations": ["49074"],
            "about": (
                "Gemeinnütziges Seniorenzentrum an der Hase in Osnabrück: 120 Plätze in der stationären Pflege, "
                "Tagespflege und betreutes Wohnen. Unsere Teams sprechen zusammen elf Sprachen; wir begleiten "
                "Pflegekräfte aus dem Ausland durch die Anerkennung."
            ),
            "contact_name": "Martina Schröder", "contact_email": "bewerbung.haseufer@demo.example.org",
            "best_practice_story": "",
        },
    },
    {
        "name": "Pflegeheim Am Kalkberg",
        "is_employer": True,
        "is_course_provider": False,
        "staff": {"email": "pflege.lueneburg@demo.example.org", "first_name": "Stefan", "last_name": "Kruse"},
        "profile": {
            "sector": Sector.CARE, "size": CompanySize.MEDIUM, "locations": ["21335"],
            "about": (
                "Pflegeheim mit 84 Plätzen am Fuß des Kalkbergs in Lüneburg. Neue Kolleginnen und Kollegen "
                "arbeiten die ersten Wochen an der Seite einer festen Patin oder eines festen Paten."
            ),
            "contact_name": "Stefan Kruse", "contact_email": "personal.kalkberg@demo.example.org",
            "best_practice_story": "",
        },
    },
    {
        "name": "Lahe Logistik GmbH",
        "is_employer": True,
        "is_course_provider": False,
        "staff": {"email": "logistik@demo.example.org", "first_name": "Oliver", "last_name": "Petersen"},
        "profile": {
            "sector": Sector.LOGISTICS, "size": CompanySize.LARGE, "locations": ["30659"],
            "about": (
                "Kontraktlogistik für Handel und Industrie in Hannover-Lahe: 40.000 Palettenplätze, Lager im "
                "Drei-Schicht-Betrieb. Einweisungen gibt es auch auf Englisch, Arabisch und Tigrinya."
            ),
            "contact_name": "Oliver Petersen", "contact_email": "jobs.lahe@demo.example.org",
            "best_practice_story": "",
        },
    },
    {
        "name": "Tischlerei Hüsing",
        "is_employer": True,
        "is_course_provider": False,
        "staff": {"email": "tischlerei@demo.example.org", "first_name": "Heinz", "last_name": "Hüsing"},
        "profile": {
            "sector": Sector.CRAFTS, "size": CompanySize.SMALL, "locations": ["49716"],
            "about": (
                "Bau- und Möbeltischlerei in Meppen: Fenster, Türen, Treppen und Küchen nach Maß. Zwölf "
                "Beschäftigte, davon drei Auszubildende."
            ),
            "contact_name": "Heinz Hüsing", "contact_email": "info.huesing@demo.example.org",
            "best_practice_story": "",
        },
    },
    {
        "name": "Hotel Hafenblick Cuxhaven",
        "is_employer": True,
        "is_course_provider": False,
        "staff": {"email": "hotel@demo.example.org", "first_name": "Wiebke", "last_name": "Carstens"},
        "profile": {
            "sector": Sector.HOSPITALITY, "size": CompanySize.SMALL, "locations": ["27472"],
            "about": (
                "Familiengeführtes Hotel mit 46 Zimmern und Restaurant am Alten Hafen. Für neue Mitarbeitende "
                "haben wir Personalzimmer im Haus."
            ),
            "contact_name": "Wiebke Carstens", "contact_email": "team.hafenblick@demo.example.org",
            "best_practice_story": "",
        },
    },
    {
        "name": "Landbäckerei Wendlandkorn",
        "is_employer": True,
        "is_course_provider": False,
        "staff": {"email": "baeckerei@demo.example.org", "first_name": "Uwe", "last_name": "Lüdtke"},
        "profile": {
            "sector": Sector.FOOD, "size": CompanySize.SMALL, "locations": ["29439", "29451"],
            "about": (
                "Bäckerei mit Backstube in Lüchow und Filialen in Lüchow und Dannenberg. Wir backen mit Getreide "
                "von Höfen aus dem Wendland."
            ),
            "contact_name": "Uwe Lüdtke", "contact_email": "backstube.wendlandkorn@demo.example.org",
            "best_practice_story": "",
        },
    },
    {
        "name": "Volkshochschule Hannover",
        "is_employer": False,
        "is_course_provider": True,
        "staff": {"email": "anbieter@demo.example.org", "first_name": "Claudia", "last_name": "Hartmann"},
        "profile": {
            "sector": Sector.SOCIAL, "size": CompanySize.LARGE, "locations": ["30159", "30449", "30453"],
            "about": (
                "Die Volkshochschule der Landeshauptstadt: Integrations-, Alphabetisierungs- und Berufssprachkurse "
                "in der Innenstadt, in Linden und online."
            ),
            "contact_name": "Claudia Hartmann", "contact_email": "deutsch.vhs-hannover@demo.example.org",
            "best_practice_story": "",
        },
    },
    {
        "name": "Sprachschule Ems-Vechte",
        "is_employer": False,
        "is_course_provider": True,
        "staff": {"email": "sprachschule@demo.example.org", "first_name": "Maria", "last_name": "Evers"},
        "profile": {
            "sector": Sector.SOCIAL, "size": CompanySize.SMALL, "locations": ["49716", "49808"],
            "about": "Zugelassener Träger für Integrations- und Berufssprachkurse in Lingen und Meppen.",
            "contact_name": "Maria Evers", "contact_email": "kurse.ems-vechte@demo.example.org",
            "best_practice_story": "",
        },
    },
    {
        "name": "VHS Lüchow-Dannenberg",
        "is_employer": False,
        "is_course_provider": True,
        "staff": {"email": "vhs.wendland@demo.example.org", "first_name": "Henning", "last_name": "Rathmann"},
        "profile": {
            "sector": Sector.SOCIAL, "size": CompanySize.SMALL, "locations": ["29439", "29451"],
            "about": (
                "Kreisvolkshochschule für das Wendland mit Kursorten in Lüchow und Dannenberg. Für Deutschkurse "
                "fehlen uns Lehrkräfte; wer DaF unterrichten kann, melde sich gern."
            ),
            "contact_name": "Henning Rathmann", "contact_email": "sprachen.vhs-wendland@demo.example.org",
            "best_practice_story": "",
        },
    },
    {
        "name": "Bildungswerk Osnabrücker Land e. V.",
        "is_employer": False,
        "is_course_provider": True,
        "staff": {"email": "bildungswerk@demo.example.org", "first_name": "Ralf", "last_name": "Niemeyer"},
        "profile": {
            "sector": Sector.SOCIAL, "size": CompanySize.MEDIUM, "locations": ["49074", "49076", "49078", "49082"],
            "about": (
                "Träger der Erwachsenenbildung in Stadt und Landkreis Osnabrück: Integrationskurse, Frauenkurse "
                "mit Kinderbetreuung und Berufssprachkurse für Pflege und Handwerk."
            ),
            "contact_name": "Ralf Niemeyer", "contact_email": "beratung.bildungswerk-os@demo.example.org",
            "best_practice_story": "",
        },
    },
    {
        "name": "Weserland Logistik GmbH",
        "is_employer": True,
        "is_course_provider": False,
        "staff": {"email": "logistik.nienburg@demo.example.org", "first_name": "Tobias", "last_name": "Wöhler"},
        "profile": {
            "sector": Sector.LOGISTICS, "size": CompanySize.MEDIUM, "locations": ["31582"],
            "about": (
                "Spedition und Lager in Nienburg (Weser): Nahverkehr mit 35 Lkw, Lager für Baustoffe und "
                "Landtechnik. Wir helfen beim Umschreiben ausländischer Führerscheine."
            ),
            "contact_name": "Tobias Wöhler", "contact_email": "personal.weserland@demo.example.org",
            "best_practice_story": "",
        },
    },
    {
        "name": "Ambulanter Pflegedienst Küstenhand",
        "is_employer": True,
        "is_course_provider": False,
        "staff": {"email": "pflegedienst.cuxhaven@demo.example.org", "first_name": "Imke", "last_name": "Tiedemann"},
        "profile": {
            "sector": Sector.CARE, "size": CompanySize.SMALL, "locations": ["21762", "27474"],
            "about": (
                "Ambulanter Pflegedienst in Cuxhaven und Otterndorf: 30 Pflegekräfte versorgen rund 180 Menschen "
                "zu Hause. Dienstwagen stellen wir, den Führerschein fördern wir."
            ),
            "contact_name": "Imke Tiedemann", "contact_email": "bewerbung.kuestenhand@demo.example.org",
            "best_practice_story": "",
        },
    },
    {
        "name": "Gemüsehof Lammers",
        "is_employer": True,
        "is_course_provider": False,
        "staff": {"email": "hof.emsland@demo.example.org", "first_name": "Georg", "last_name": "Lammers"},
        "profile": {
            "sector": Sector.AGRICULTURE, "size": CompanySize.SMALL, "locations": ["49740"],
            "about": (
                "Familienhof bei Haselünne mit Spargel, Kartoffeln und Möhren auf 180 Hektar und eigener "
                "Aufbereitung. Wohnungen für Mitarbeitende gibt es auf dem Hof."
            ),
            "contact_name": "Georg Lammers", "contact_email": "hof.lammers@demo.example.org",
            "best_practice_story": "",
        },
    },
    {
        "name": "Frischemarkt Jeetzel, Filiale Lüchow",
        "is_employer": True,
        "is_course_provider": False,
        "staff": {"email": "markt.luechow@demo.example.org", "first_name": "Sandra", "last_name": "Pieper"},
        "profile": {
            "sector": Sector.RETAIL, "size": CompanySize.SMALL, "locations": ["29439"],
            "about": (
                "Supermarkt einer regionalen Handelskette in Lüchow mit 26 Beschäftigten, geöffnet Montag bis "
                "Samstag von 7 bis 21 Uhr."
            ),
            "contact_name": "Sandra Pieper", "contact_email": "filiale.luechow@demo.example.org",
            "best_practice_story": "",
        },
    },
    {
        "name": "Familienzentrum Weststadt Göttingen",
        "is_employer": True,
        "is_course_provider": False,
        "staff": {"email": "kita.goettingen@demo.example.org", "first_name": "Nina", "last_name": "Albrecht"},
        "profile": {
            "sector": Sector.SOCIAL, "size": CompanySize.SMALL, "locations": ["37081"],
            "about": (
                "Kita und Familienzentrum mit 95 Kindern aus 23 Ländern. Pädagogische Fachkräfte aus dem Ausland "
                "begleiten wir bis zur Anerkennung."
            ),
            "contact_name": "Nina Albrecht", "contact_email": "leitung.weststadt@demo.example.org",
            "best_practice_story": "",
        },
    },
    {
        "name": "Volkshochschule Cuxhaven",
        "is_employer": False,
        "is_course_provider": True,
        "staff": {"email": "vhs.cuxhaven@demo.example.org", "first_name": "Jan", "last_name": "Ehlers"},
        "profile": {
            "sector": Sector.SOCIAL, "size": CompanySize.SMALL, "locations": ["27472"],
            "about": (
                "Volkshochschule für Cuxhaven und das Umland. Integrationskurse gibt es nur in der Stadt Cuxhaven; "
                "wer im Umland wohnt, fährt oft mehr als eine Stunde mit Bus und Bahn."
            ),
            "contact_name": "Jan Ehlers", "contact_email": "deutsch.vhs-cuxhaven@demo.example.org",
            "best_practice_story": "",
        },
    },
]  # fmt: skip

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
        "birth_date": date(1984, 5, 17),
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
        "birth_date": date(1989, 2, 3),
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
        "birth_date": date(1996, 8, 22),
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
        "birth_date": date(1979, 11, 9),
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
        "birth_date": date(1992, 4, 30),
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
        "birth_date": date(2006, 1, 14),
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
        "birth_date": date(2003, 9, 1),
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
        "birth_date": date(1990, 12, 12),
    },
}  # fmt: skip

# Made-up people who still learn German, most of them in the rural districts of Cuxhaven and Lüchow-Dannenberg:
# the demand the supply report weighs the courses against. They are not printed as logins.
# (e-mail, first name, last name, portal language, mother tongue, German, postal code and town,
#  (KldB, years of experience), looking for, childcare needed, driving licences)
_EXTRA_CANDIDATE_ROWS = [
    ("kandidat.cux1@demo.example.org", "Abdullah", "Rahimi", "fa", "fa", "A1", "27472",  # Cuxhaven
     ("29301", 2), ["job", "language_course"], False, []),
    ("kandidat.cux2@demo.example.org", "Samira", "Haidari", "fa", "fa", "A1", "27474",  # Cuxhaven
     ("83211", 3), ["language_course", "internship"], True, []),
    ("kandidat.cux3@demo.example.org", "Mohammed", "Al-Khalil", "ar", "ar", "A2", "27476",  # Cuxhaven-Altenwalde
     ("32101", 6), ["job", "language_course"], False, []),
    ("kandidat.cux4@demo.example.org", "Tetiana", "Melnyk", "uk", "uk", "A1", "21762",  # Otterndorf
     ("81301", 4), ["job", "language_course"], True, []),
    ("kandidat.cux5@demo.example.org", "Yusuf", "Aydın", "tr", "ku", "A2", "21745",  # Hemmoor
     ("52182", 5), ["job"], False, ["B"]),
    ("kandidat.cux6@demo.example.org", "Amanuel", "Gebremedhin", "en", "ti", "A1", "27607",  # Geestland
     ("51311", 2), ["job", "work_trial"], False, []),
    ("kandidat.cux7@demo.example.org", "Nadia", "Sultani", "fa", "fa", "A1", "27612",  # Loxstedt
     ("54101", 3), ["language_course", "job"], True, []),
    ("kandidat.cux8@demo.example.org", "Oleksandr", "Shevchuk", "uk", "uk", "A2", "27472",  # Cuxhaven
     ("24422", 10), ["job"], False, ["B"]),
    ("kandidat.luechow1@demo.example.org", "Hamid", "Noori", "fa", "fa", "A1", "29439",  # Lüchow
     ("12101", 4), ["job", "language_course"], False, []),
    ("kandidat.luechow2@demo.example.org", "Fatima", "Rezaei", "fa", "fa", "A1", "29439",  # Lüchow
     ("83111", 2), ["language_course", "ausbildung"], True, []),
    ("kandidat.luechow3@demo.example.org", "Khaled", "Ibrahim", "ar", "ar", "A2", "29451",  # Dannenberg
     ("25201", 7), ["job", "eq"], False, ["B"]),
    ("kandidat.luechow4@demo.example.org", "Rima", "Saleh", "ar", "ar", "A1", "29451",  # Dannenberg
     ("29301", 1), ["language_course", "internship"], True, []),
    ("kandidat.luechow5@demo.example.org", "Iryna", "Tkachenko", "uk", "uk", "A2", "29456",  # Hitzacker
     ("62102", 6), ["job", "language_course"], True, []),
    ("kandidat.luechow6@demo.example.org", "Abdirahman", "Warsame", "en", "so", "A1", "29459",  # Clenze
     ("11101", 3), ["job", "work_trial"], False, []),
    ("kandidat.luechow7@demo.example.org", "Zainab", "Ahmadzai", "fa", "ps", "A1", "29462",  # Wustrow
     ("28221", 5), ["language_course"], True, []),
    ("kandidat.luechow8@demo.example.org", "Viktor", "Morozov", "ru", "ru", "A2", "29471",  # Gartow
     ("52122", 12), ["job"], False, ["B", "C", "CE"]),
    ("kandidat.hannover1@demo.example.org", "Ali", "Hosseini", "fa", "fa", "A1", "30449",  # Hannover-Linden
     ("33212", 2), ["job", "language_course"], False, []),
    ("kandidat.hannover2@demo.example.org", "Daria", "Kravets", "uk", "uk", "A2", "30659",  # Hannover-Lahe
     ("71401", 3), ["language_course", "job"], True, []),
    ("kandidat.osnabrueck1@demo.example.org", "Omar", "Suleiman", "ar", "ar", "A2", "49076",  # Osnabrück
     ("22342", 5), ["ausbildung", "language_course"], False, []),
    ("kandidat.osnabrueck2@demo.example.org", "Svitlana", "Bondar", "uk", "uk", "A1", "49082",  # Osnabrück
     ("54101", 2), ["job", "language_course"], True, []),
]  # fmt: skip

# Two young people who want an apprenticeship gave their date of birth (the others left it out).
_EXTRA_BIRTH_DATES = {
    "kandidat.luechow2@demo.example.org": date(2005, 3, 2),
    "kandidat.osnabrueck1@demo.example.org": date(2004, 10, 27),
}

EXTRA_CANDIDATES = [
    {"email": email, "first_name": first_name, "last_name": last_name, "preferred_language": language}
    for email, first_name, last_name, language, *_rest in _EXTRA_CANDIDATE_ROWS
]
EXTRA_CANDIDATE_PROFILES = {
    email: {
        "german_level": german_level, "german_certificate": "",
        "other_languages": [(mother_tongue, "native")],
        "occupations": [occupation],
        "school_education": "secondary", "vocational_education": "on_the_job",
        "foreign_qualification": "", "recognition_status": "",
        "looking_for": looking_for, "hours_per_week": 20 if childcare_needed else 35,
        "postal_code": postal_code, "travel_radius_km": 40 if licences else 25,
        "transport": "car" if licences else "public", "driving_licences": licences,
        "childcare_needed": childcare_needed, "shift_work_possible": not childcare_needed, "work_permit": "yes",
        "birth_date": _EXTRA_BIRTH_DATES.get(email),
    }
    for (
        email, _first, _last, _language, mother_tongue, german_level, postal_code, occupation, looking_for,
        childcare_needed, licences,
    ) in _EXTRA_CANDIDATE_ROWS
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

# Vacancies of every kind. "starts_in" and "open_for" count days from the day of seeding (no start: as soon as
# possible); "weeks" is the duration of a time-limited offer; "support" names the support_* flags that are set.
VACANCIES = [
    # Malerbetrieb Brinkmann, Neustadt am Rübenberge: the trade tried in the training centre, then EQ and Ausbildung
    {"organisation": "Malerbetrieb Brinkmann mit eigenem Ausbildungszentrum", "kind": VacancyKind.HOSPITATION,
     "title": "Schnuppertage im Ausbildungszentrum: das Malerhandwerk ausprobieren", "occupation": "33212",
     "german": GermanLevel.NONE, "postal_code": "31535", "hours": 20, "starts_in": 14, "open_for": 45, "weeks": 1,
     "paid": False, "languages": ["ar", "fa", "uk"], "support": ["language", "mentor"],
     "description": (
         "Drei Tage in unserem Ausbildungszentrum in Neustadt: Sie spachteln, streichen und tapezieren an "
         "Übungswänden, begleitet von unseren Ausbildern. Deutsch brauchen Sie dafür noch nicht – wir zeigen viel "
         "und erklären mit Bildkarten. Danach wissen Sie, ob ein Praktikum oder eine Ausbildung zu Ihnen passt. "
         "Arbeitskleidung stellen wir, Mittagessen gibt es gemeinsam."
     )},
    {"organisation": "Malerbetrieb Brinkmann mit eigenem Ausbildungszentrum", "kind": VacancyKind.INTERNSHIP,
     "title": "Praktikum im Ausbildungszentrum: Maler/in und Lackierer/in", "occupation": "33212",
     "summary": "Sie lernen den Beruf Maler. Sie streichen Wände. Eine Kollegin zeigt Ihnen alles.",
     "german": GermanLevel.A1, "postal_code": "31535", "hours": 35, "starts_in": 28, "open_for": 60, "weeks": 4,
     "paid": False, "languages": ["ar", "uk"], "support": ["language", "mentor"],
     "description": (
         "Vier Wochen Praktikum: die ersten beiden Wochen im Ausbildungszentrum, danach mit einer Kolonne auf "
         "Baustellen in Neustadt und Hannover. Eine feste Ansprechperson begleitet Sie und übt mit Ihnen die "
         "wichtigsten Fachwörter. Wer möchte, kann danach bei uns mit einer Einstiegsqualifizierung weitermachen."
     )},
    {"organisation": "Malerbetrieb Brinkmann mit eigenem Ausbildungszentrum", "kind": VacancyKind.EQ,
     "title": "Einstiegsqualifizierung (EQ) Maler/in und Lackierer/in", "occupation": "33212",
     "german": GermanLevel.A2, "postal_code": "31535", "hours": 38, "starts_in": 60, "open_for": 75, "weeks": 26,
     "support": ["language", "mentor", "paperwork"],
     "description": (
         "Sechs Monate Einstiegsqualifizierung mit Vergütung, gefördert von der Agentur für Arbeit. Sie lernen die "
         "Grundlagen des Handwerks im Betrieb und besuchen samstags unseren Azubi-Sprachkurs. Eine erfolgreiche EQ "
         "kann auf die Ausbildung angerechnet werden. Wir helfen beim Antrag bei der Arbeitsagentur."
     )},
    {"organisation": "Malerbetrieb Brinkmann mit eigenem Ausbildungszentrum", "kind": VacancyKind.AUSBILDUNG,
     "title": "Ausbildung Maler/in und Lackierer/in (m/w/d)", "occupation": "33212",
     "german": GermanLevel.A2, "postal_code": "31535", "hours": 39, "starts_in": 90, "open_for": 80,
     "languages": ["ar"], "support": ["language", "mentor", "paperwork", "housing"],
     "description": (
         "Drei Jahre Ausbildung im Malerhandwerk: Wände gestalten, Fassaden beschichten, Böden verlegen, Wärme "
         "dämmen. Die Berufsschule ist in Neustadt, dazu kommen Lernzeiten in unserem Ausbildungszentrum. Unsere "
         "Ausbildungspatin hilft bei Fachbegriffen und Berufsschulaufgaben; wer noch Deutsch lernt, besucht den "
         "Azubi-Sprachkurs im Haus. Bei der Wohnungssuche in Neustadt unterstützen wir."
     )},
    {"organisation": "Malerbetrieb Brinkmann mit eigenem Ausbildungszentrum", "kind": VacancyKind.JOB,
     "title": "Malergeselle / Malergesellin (m/w/d)", "occupation": "33212",
     "german": GermanLevel.B1, "postal_code": "31535", "hours": 40, "starts_in": None, "open_for": 60,
     "languages": ["ar", "ru"], "support": ["paperwork"],
     "description": (
         "Für unsere Kolonnen in Neustadt und Hannover suchen wir Gesellinnen und Gesellen oder Fachkräfte mit "
         "mehrjähriger Berufserfahrung aus dem Ausland. Wir helfen bei der Anerkennung Ihres Abschlusses. "
         "Firmenwagen für die Fahrt zur Baustelle, Bezahlung nach Tarif, 30 Tage Urlaub."
     )},
    {"organisation": "Malerbetrieb Brinkmann mit eigenem Ausbildungszentrum", "kind": VacancyKind.WORK_TRIAL,
     "title": "Arbeitserprobung im Trockenbau", "occupation": "33302",
     "german": GermanLevel.A1, "postal_code": "31535", "hours": 38, "starts_in": 21, "open_for": 40, "weeks": 2,
     "paid": False, "support": ["mentor"],
     "description": (
         "Zwei Wochen mitarbeiten und zeigen, was Sie können: Ständerwände stellen, Gipskarton beplanken, "
         "spachteln. Die Arbeitserprobung kann über das Jobcenter oder die Arbeitsagentur gefördert werden; "
         "wir klären das gern mit Ihnen."
     )},
    # Seniorenzentrum Haseufer, Osnabrück
    {"organisation": "Seniorenzentrum Haseufer gGmbH", "kind": VacancyKind.JOB,
     "title": "Pflegefachkraft (m/w/d) – auch während der Anerkennung", "occupation": "81302",
     "german": GermanLevel.B1, "postal_code": "49074", "hours": 30, "starts_in": 30, "open_for": 90,
     "shift": True, "languages": ["uk", "ru", "ar"], "support": ["language", "paperwork", "childcare"],
     "description": (
         "Sie sind im Ausland Pflegefachkraft geworden und Ihre Anerkennung läuft? Dann arbeiten Sie bei uns "
         "zunächst als Pflegehelfer/in und nach der Anerkennung als Fachkraft. Wir begleiten Sie durch den "
         "Anpassungslehrgang und bezahlen den Fachsprachkurs Pflege. Für Kinder von Mitarbeitenden gibt es Plätze "
         "in der Kita nebenan."
     )},
    {"organisation": "Seniorenzentrum Haseufer gGmbH", "kind": VacancyKind.AUSBILDUNG,
     "title": "Ausbildung Pflegefachfrau / Pflegefachmann", "occupation": "81302",
     "german": GermanLevel.B1, "postal_code": "49074", "hours": 38, "starts_in": 75, "open_for": 70,
     "shift": True, "support": ["language", "mentor"],
     "description": (
         "Die generalistische Pflegeausbildung dauert drei Jahre, mit Einsätzen bei uns, im Krankenhaus und in der "
         "ambulanten Pflege. Die Pflegeschule ist in Osnabrück. Praxisanleiterinnen nehmen sich Zeit für Sie, und "
         "einmal pro Woche gibt es Lernstunden für Fachsprache."
     )},
    {"organisation": "Seniorenzentrum Haseufer gGmbH", "kind": VacancyKind.HOSPITATION,
     "title": "Hospitation in der Altenpflege: eine Woche im Wohnbereich", "occupation": "82101",
     "german": GermanLevel.A2, "postal_code": "49074", "hours": 25, "starts_in": 14, "open_for": 45, "weeks": 1,
     "paid": False, "support": ["mentor"],
     "description": (
         "Eine Woche im Frühdienst dabei sein: Sie begleiten eine erfahrene Pflegekraft, helfen beim Frühstück, "
         "bei Spaziergängen und Gesprächen und erfahren, wie Pflege in Deutschland organisiert ist."
     )},
    {"organisation": "Seniorenzentrum Haseufer gGmbH", "kind": VacancyKind.WORK_TRIAL,
     "title": "Arbeitserprobung als Betreuungskraft (Alltagsbegleitung)", "occupation": "83141",
     "german": GermanLevel.A2, "postal_code": "49074", "hours": 20, "starts_in": 21, "open_for": 50, "weeks": 2,
     "paid": False, "support": ["mentor", "paperwork"],
     "description": (
         "Zwei Wochen in der Tagespflege: vorlesen, singen, basteln, spazieren gehen. Passt es, bieten wir eine "
         "Qualifizierung zur Betreuungskraft nach § 53c SGB XI an."
     )},
    # Pflegeheim Am Kalkberg, Lüneburg
    {"organisation": "Pflegeheim Am Kalkberg", "kind": VacancyKind.JOB,
     "title": "Pflegehelfer/in in der Altenpflege (m/w/d)", "occupation": "82101",
     "german": GermanLevel.A2, "postal_code": "21335", "hours": 30, "starts_in": None, "open_for": 60,
     "shift": True, "languages": ["ar", "fa"], "support": ["language", "mentor", "housing"],
     "description": (
         "Sie unterstützen unsere Pflegefachkräfte bei der Grundpflege und beim Essen und sind für unsere "
         "Bewohnerinnen und Bewohner da. Erfahrung in der Pflege von Angehörigen zählt. Deutschunterricht während "
         "der Arbeitszeit, Hilfe bei der Wohnungssuche in Lüneburg."
     )},
    {"organisation": "Pflegeheim Am Kalkberg", "kind": VacancyKind.INTERNSHIP,
     "title": "Orientierungspraktikum Pflege", "occupation": "81301",
     "german": GermanLevel.A2, "postal_code": "21335", "hours": 30, "starts_in": 21, "open_for": 45, "weeks": 6,
     "paid": False, "support": ["mentor"],
     "description": (
         "Sechs Wochen, um den Pflegeberuf kennenzulernen, bevor Sie sich für eine Ausbildung entscheiden. "
         "Eine Praxisanleiterin begleitet Sie; am Ende gibt es ein Zeugnis für Ihre Bewerbung."
     )},
    # Lahe Logistik, Hannover
    {"organisation": "Lahe Logistik GmbH", "kind": VacancyKind.JOB,
     "title": "Lagerhelfer/in im Schichtdienst (m/w/d)", "occupation": "51311",
     "german": GermanLevel.A1, "postal_code": "30659", "hours": 40, "starts_in": 14, "open_for": 45,
     "shift": True, "languages": ["en", "ar", "ti"], "support": ["language"],
     "description": (
         "Kommissionieren mit Handscanner, Ware einlagern, Paletten sichern. Die Einweisung gibt es auch auf "
         "Englisch, Arabisch und Tigrinya, und zweimal pro Woche Deutschunterricht im Betrieb. Schichtzulagen, "
         "Jobticket für Bus und Bahn."
     )},
    {"organisation": "Lahe Logistik GmbH", "kind": VacancyKind.AUSBILDUNG,
     "title": "Ausbildung Fachkraft für Lagerlogistik", "occupation": "51312",
     "german": GermanLevel.B1, "postal_code": "30659", "hours": 40, "starts_in": 70, "open_for": 65,
     "support": ["mentor", "language"],
     "description": (
         "Drei Jahre Ausbildung in Wareneingang, Lager, Versand und Disposition. Den Staplerschein machen Sie im "
         "ersten Jahr bei uns. Ein Ausbildungspate hilft bei der Prüfungsvorbereitung."
     )},
    {"organisation": "Lahe Logistik GmbH", "kind": VacancyKind.WORK_TRIAL,
     "title": "Arbeitserprobung Staplerfahrer/in", "occupation": "52531",
     "german": GermanLevel.A2, "postal_code": "30659", "hours": 40, "starts_in": 10, "open_for": 30, "weeks": 1,
     "paid": False, "shift": True,
     "description": (
         "Eine Woche auf dem Stapler im Wareneingang. Sie brauchen einen Staplerschein, auch einen aus dem Ausland; "
         "wir prüfen ihn gemeinsam mit Ihnen."
     )},
    # Tischlerei Hüsing, Meppen
    {"organisation": "Tischlerei Hüsing", "kind": VacancyKind.AUSBILDUNG,
     "title": "Ausbildung Tischler/in", "occupation": "22342",
     "german": GermanLevel.A2, "postal_code": "49716", "hours": 39, "starts_in": 60, "open_for": 75,
     "support": ["mentor", "paperwork", "housing"],
     "description": (
         "Drei Jahre Ausbildung in unserer Werkstatt und auf Montage: Fenster, Treppen, Küchen. Die Berufsschule "
         "ist in Meppen. Wir haben schon zwei Auszubildende aus Syrien und Afghanistan zur Gesellenprüfung "
         "begleitet und helfen bei Behördengängen und der Wohnungssuche."
     )},
    {"organisation": "Tischlerei Hüsing", "kind": VacancyKind.INTERNSHIP,
     "title": "Praktikum in der Tischlerwerkstatt", "occupation": "22342",
     "german": GermanLevel.A1, "postal_code": "49716", "hours": 35, "starts_in": 14, "open_for": 40, "weeks": 3,
     "paid": False, "support": ["mentor"],
     "description": (
         "Drei Wochen Holz, Maschinen und Montage kennenlernen. Sie bauen unter Anleitung ein eigenes kleines "
         "Möbelstück, das Sie mitnehmen dürfen."
     )},
    {"organisation": "Tischlerei Hüsing", "kind": VacancyKind.EQ,
     "title": "Einstiegsqualifizierung Tischler/in", "occupation": "22342",
     "german": GermanLevel.A2, "postal_code": "49716", "hours": 38, "starts_in": 40, "open_for": 60, "weeks": 20,
     "support": ["mentor", "language"],
     "description": (
         "Die EQ bereitet auf die Ausbildung vor: Sie arbeiten in der Werkstatt mit, lernen Werkzeuge und "
         "Maschinen sicher zu bedienen und besuchen einmal pro Woche die Berufsschule."
     )},
    # Hotel Hafenblick, Cuxhaven
    {"organisation": "Hotel Hafenblick Cuxhaven", "kind": VacancyKind.JOB,
     "title": "Koch / Köchin für unser Hafenrestaurant (m/w/d)", "occupation": "29302",
     "german": GermanLevel.A2, "postal_code": "27472", "hours": 40, "starts_in": 14, "open_for": 60,
     "shift": True, "languages": ["fa", "en"], "support": ["housing", "language"],
     "description": (
         "Fisch, regionale Küche und ein wechselnder Mittagstisch für bis zu 120 Gäste. Berufserfahrung aus dem "
         "Ausland zählt, ein Abschluss ist nicht nötig. Ein Personalzimmer im Haus können Sie für die ersten "
         "Monate mieten."
     )},
    {"organisation": "Hotel Hafenblick Cuxhaven", "kind": VacancyKind.JOB,
     "title": "Zimmerreiniger/in in Teilzeit (m/w/d)", "occupation": "63221",
     "german": GermanLevel.NONE, "postal_code": "27472", "hours": 20, "starts_in": None, "open_for": 45,
     "languages": ["ar", "uk", "ru"],
     "description": (
         "Vormittags von 9 bis 13 Uhr Zimmer und Flure reinigen. Eine Kollegin arbeitet Sie ein; Deutsch lernen "
         "Sie bei uns nebenbei."
     )},
    {"organisation": "Hotel Hafenblick Cuxhaven", "kind": VacancyKind.AUSBILDUNG,
     "title": "Ausbildung Hotelfachmann/-frau", "occupation": "63222",
     "german": GermanLevel.B1, "postal_code": "27472", "hours": 40, "starts_in": 80, "open_for": 75,
     "shift": True, "support": ["housing", "mentor"],
     "description": (
         "Drei Jahre an Rezeption, im Restaurant, in der Küche und im Housekeeping. Die Berufsschule ist in "
         "Cuxhaven. Auszubildende wohnen im ersten Jahr günstig in unserem Personalhaus."
     )},
    {"organisation": "Hotel Hafenblick Cuxhaven", "kind": VacancyKind.HOSPITATION,
     "title": "Hospitation in der Hotelküche", "occupation": "29301",
     "german": GermanLevel.A1, "postal_code": "27472", "hours": 30, "starts_in": 14, "open_for": 40, "weeks": 1,
     "paid": False, "support": ["mentor"],
     "description": (
         "Eine Woche in unserer Küche mitlaufen: vorbereiten, anrichten, den Ablauf bei vollem Haus erleben. "
         "Danach sprechen wir über eine Stelle als Küchenhilfe oder Koch/Köchin."
     )},
    # Landbäckerei Wendlandkorn, Lüchow
    {"organisation": "Landbäckerei Wendlandkorn", "kind": VacancyKind.AUSBILDUNG,
     "title": "Ausbildung Bäcker/in", "occupation": "29222",
     "german": GermanLevel.A2, "postal_code": "29439", "hours": 40, "starts_in": 60, "open_for": 75,
     "shift": True, "support": ["mentor", "housing"],
     "description": (
         "Drei Jahre in der Backstube: Brot, Brötchen, Kuchen aus regionalem Getreide. Die Arbeit beginnt früh am "
         "Morgen, dafür ist mittags Schluss. Die Berufsschule ist in Lüneburg; die Fahrtkosten übernehmen wir."
     )},
    {"organisation": "Landbäckerei Wendlandkorn", "kind": VacancyKind.EQ,
     "title": "Einstiegsqualifizierung in der Backstube", "occupation": "29222",
     "german": GermanLevel.A1, "postal_code": "29439", "hours": 35, "starts_in": 45, "open_for": 60, "weeks": 26,
     "shift": True, "support": ["mentor", "language"],
     "description": (
         "Sechs Monate mitbacken und Deutsch lernen, bevor die Ausbildung beginnt. Die EQ wird von der "
         "Agentur für Arbeit gefördert und vergütet."
     )},
    {"organisation": "Landbäckerei Wendlandkorn", "kind": VacancyKind.WORK_TRIAL,
     "title": "Arbeitserprobung im Verkauf: Fachverkäufer/in Bäckerei", "occupation": "62312",
     "german": GermanLevel.A2, "postal_code": "29451", "hours": 25, "starts_in": 14, "open_for": 40, "weeks": 2,
     "paid": False,
     "description": (
         "Zwei Wochen in unserer Filiale in Dannenberg: Kundschaft bedienen, Kaffee kochen, Ware präsentieren. "
         "Passt es, stellen wir in Teilzeit ein."
     )},
    # Weserland Logistik, Nienburg (Weser)
    {"organisation": "Weserland Logistik GmbH", "kind": VacancyKind.JOB,
     "title": "Berufskraftfahrer/in im Nahverkehr, Lkw CE (m/w/d)", "occupation": "52122",
     "licences": ["C", "CE"],
     "german": GermanLevel.A2, "postal_code": "31582", "hours": 40, "starts_in": 21, "open_for": 60,
     "languages": ["ru", "uk", "tr"], "support": ["paperwork"],
     "description": (
         "Touren zu Baustellen und Landhändlern im Umkreis von 100 km, abends zu Hause. Wir helfen beim "
         "Umschreiben Ihres Führerscheins und bezahlen die Module für die Berufskraftfahrer-Qualifikation."
     )},
    {"organisation": "Weserland Logistik GmbH", "kind": VacancyKind.EQ,
     "title": "Einstiegsqualifizierung Fachkraft für Lagerlogistik", "occupation": "51312",
     "german": GermanLevel.A2, "postal_code": "31582", "hours": 38, "starts_in": 50, "open_for": 70, "weeks": 26,
     "support": ["mentor"],
     "description": (
         "Ein halbes Jahr im Lager mitarbeiten und die Ausbildung vorbereiten. Den Staplerschein bezahlen wir."
     )},
    {"organisation": "Weserland Logistik GmbH", "kind": VacancyKind.WORK_TRIAL,
     "title": "Arbeitserprobung im Wareneingang", "occupation": "51311",
     "german": GermanLevel.A1, "postal_code": "31582", "hours": 30, "starts_in": 10, "open_for": 30, "weeks": 2,
     "paid": False, "languages": ["en", "ti"],
     "description": (
         "Zwei Wochen Ware annehmen, prüfen und einlagern. Wer zeigt, dass er zupacken kann, bekommt einen Vertrag "
         "als Lagerhelfer/in."
     )},
    # Ambulanter Pflegedienst Küstenhand, Cuxhaven and Otterndorf
    {"organisation": "Ambulanter Pflegedienst Küstenhand", "kind": VacancyKind.JOB,
     "title": "Pflegehilfskraft in der ambulanten Pflege (m/w/d)", "occupation": "81301",
     "licences": ["B"],
     "german": GermanLevel.A2, "postal_code": "27474", "hours": 25, "starts_in": 21, "open_for": 60,
     "shift": True, "languages": ["uk", "fa"], "support": ["language", "housing"],
     "description": (
         "Sie besuchen Menschen zu Hause, helfen beim Waschen, Anziehen und im Haushalt. Dienstwagen stellen wir; "
         "wer noch keinen Führerschein hat, fährt die ersten Monate mit einer Kollegin."
     )},
    {"organisation": "Ambulanter Pflegedienst Küstenhand", "kind": VacancyKind.INTERNSHIP,
     "title": "Praktikum in der ambulanten Pflege", "occupation": "81301",
     "german": GermanLevel.A2, "postal_code": "21762", "hours": 30, "starts_in": 28, "open_for": 50, "weeks": 4,
     "paid": False, "support": ["mentor"],
     "description": (
         "Vier Wochen auf Tour mit unseren Pflegekräften in Otterndorf und den Dörfern ringsum. Ideal vor einer "
         "Ausbildung zur Pflegefachkraft."
     )},
    # Gemüsehof Lammers, Haselünne (Emsland)
    {"organisation": "Gemüsehof Lammers", "kind": VacancyKind.JOB,
     "title": "Helfer/in in Ernte und Aufbereitung (m/w/d)", "occupation": "11101",
     "licences": ["B"],
     "german": GermanLevel.NONE, "postal_code": "49740", "hours": 40, "starts_in": 14, "open_for": 45,
     "languages": ["uk", "ru", "ar"], "support": ["housing"],
     "description": (
         "Kartoffeln und Möhren ernten, waschen, sortieren und verpacken. Unbefristet, nicht nur zur Saison. "
         "Wohnungen auf dem Hof können Sie mieten."
     )},
    {"organisation": "Gemüsehof Lammers", "kind": VacancyKind.AUSBILDUNG,
     "title": "Ausbildung Landwirt/in", "occupation": "11102",
     "german": GermanLevel.A2, "postal_code": "49740", "hours": 40, "starts_in": 90, "open_for": 80,
     "support": ["housing", "mentor"],
     "description": (
         "Drei Jahre Ackerbau, Maschinen, Vermarktung. Die Berufsschule ist in Meppen. Eine Wohnung auf dem Hof "
         "gibt es während der Ausbildung günstig."
     )},
    {"organisation": "Gemüsehof Lammers", "kind": VacancyKind.WORK_TRIAL,
     "title": "Arbeitserprobung auf dem Traktor", "occupation": "52512",
     "licences": ["T"],
     "german": GermanLevel.A1, "postal_code": "49740", "hours": 40, "starts_in": 14, "open_for": 30, "weeks": 1,
     "paid": False, "support": ["housing"],
     "description": (
         "Eine Woche Traktor und Erntemaschinen fahren, begleitet von unserem Vorarbeiter. Ein Führerschein der "
         "Klasse T oder Erfahrung mit Landmaschinen aus Ihrer Heimat ist hilfreich."
     )},
    # Frischemarkt Jeetzel, Lüchow
    {"organisation": "Frischemarkt Jeetzel, Filiale Lüchow", "kind": VacancyKind.JOB,
     "title": "Verkäufer/in im Lebensmittelmarkt, Teilzeit (m/w/d)", "occupation": "62302",
     "german": GermanLevel.A2, "postal_code": "29439", "hours": 25, "starts_in": 14, "open_for": 45,
     "support": ["language", "childcare"],
     "description": (
         "Ware einräumen, an der Frischetheke bedienen, an der Kasse aushelfen. Die Schichten planen wir so, dass "
         "sie zu Kita- und Schulzeiten passen."
     )},
    {"organisation": "Frischemarkt Jeetzel, Filiale Lüchow", "kind": VacancyKind.AUSBILDUNG,
     "title": "Ausbildung Verkäufer/in", "occupation": "62102",
     "german": GermanLevel.B1, "postal_code": "29439", "hours": 38, "starts_in": 75, "open_for": 70,
     "support": ["mentor"],
     "description": (
         "Zwei Jahre Ausbildung im Supermarkt, danach ist das dritte Jahr zur Kauffrau oder zum Kaufmann im "
         "Einzelhandel möglich. Die Berufsschule ist in Lüchow."
     )},
    {"organisation": "Frischemarkt Jeetzel, Filiale Lüchow", "kind": VacancyKind.INTERNSHIP,
     "title": "Praktikum im Supermarkt: Ware einräumen und Kasse kennenlernen", "occupation": "62101",
     "german": GermanLevel.A1, "postal_code": "29439", "hours": 25, "starts_in": 14, "open_for": 40, "weeks": 2,
     "paid": False,
     "description": (
         "Zwei Wochen vormittags im Markt: Regale auffüllen, Frische prüfen und einen Blick auf die Kasse werfen."
     )},
    # Familienzentrum Weststadt, Göttingen
    {"organisation": "Familienzentrum Weststadt Göttingen", "kind": VacancyKind.HOSPITATION,
     "title": "Hospitation in der Kita für pädagogische Fachkräfte aus dem Ausland", "occupation": "83112",
     "german": GermanLevel.B1, "postal_code": "37081", "hours": 20, "starts_in": 21, "open_for": 50, "weeks": 2,
     "paid": False, "languages": ["tr", "ar", "uk"], "support": ["mentor", "paperwork"],
     "description": (
         "Sie waren Lehrerin, Lehrer oder Erzieher/in und möchten in einer deutschen Kita arbeiten? Zwei Wochen "
         "in unseren Gruppen zeigen, wie frühkindliche Bildung hier funktioniert. Wir beraten zur Anerkennung als "
         "Erzieher/in."
     )},
    {"organisation": "Familienzentrum Weststadt Göttingen", "kind": VacancyKind.JOB,
     "title": "Betreuungskraft für die Randzeiten (m/w/d)", "occupation": "83111",
     "german": GermanLevel.B1, "postal_code": "37081", "hours": 15, "starts_in": 30, "open_for": 60,
     "languages": ["tr", "ar"], "support": ["childcare"],
     "description": (
         "Frühdienst von 7 bis 8 Uhr und Spätdienst von 15 bis 17 Uhr: Sie betreuen Kinder beim Ankommen, Spielen "
         "und Abholen. Ihre eigenen Kinder können unsere Kita besuchen."
     )},
]  # fmt: skip

# Courses across cities and rural districts: plenty in Hannover and Osnabrück, little in Cuxhaven and
# Lüchow-Dannenberg, where most of what there is starts only after the report's 90 days. Online courses count for
# everybody in the supply report, so the demo offers them at B2 and C1 and for A1 to B1 only later.
# "starts_in" counts days from the day of seeding; the course lasts "weeks".
COURSES = [
    # Volkshochschule Hannover
    {"provider": "Volkshochschule Hannover", "kind": CourseKind.INTEGRATION,
     "title": "Integrationskurs A1–B1 (Vollzeit), Hannover-Mitte", "levels": ("A1", "B1"),
     "delivery": Delivery.IN_PERSON, "postal_code": "30159", "schedule": Schedule.FULL_TIME, "starts_in": 21,
     "weeks": 26, "seats": 20, "cost": Cost.FUNDED,
     "description": "700 Unterrichtsstunden mit Orientierungskurs, montags bis freitags von 8.30 bis 12.45 Uhr."},
    {"provider": "Volkshochschule Hannover", "kind": CourseKind.INTEGRATION,
     "title": "Integrationskurs am Abend, Hannover-Linden", "levels": ("A1", "B1"),
     "delivery": Delivery.IN_PERSON, "postal_code": "30449", "schedule": Schedule.EVENINGS, "starts_in": 45,
     "weeks": 52, "seats": 18, "cost": Cost.FUNDED,
     "description": "Für Berufstätige: viermal pro Woche von 18 bis 21 Uhr."},
    {"provider": "Volkshochschule Hannover", "kind": CourseKind.LITERACY,
     "title": "Integrationskurs mit Alphabetisierung", "levels": ("0", "A2"),
     "delivery": Delivery.IN_PERSON, "postal_code": "30161", "schedule": Schedule.PART_TIME, "starts_in": 30,
     "weeks": 52, "seats": 12, "cost": Cost.FUNDED,
     "description": "Lesen und Schreiben in lateinischer Schrift lernen, in kleinen Gruppen und langsamem Tempo."},
    {"provider": "Volkshochschule Hannover", "kind": CourseKind.WOMEN_PARENTS,
     "title": "Elternintegrationskurs mit Kinderbetreuung, Hannover-Linden", "levels": ("A1", "B1"),
     "delivery": Delivery.IN_PERSON, "postal_code": "30453", "schedule": Schedule.PART_TIME, "starts_in": 14,
     "weeks": 52, "seats": 15, "cost": Cost.FUNDED, "childcare": True,
     "description": "Vormittags, während der Kurszeit betreuen Erzieherinnen Kinder ab einem Jahr im Nebenraum."},
    {"provider": "Volkshochschule Hannover", "kind": CourseKind.JOB_BSK,
     "title": "Job-Berufssprachkurs B1 für Handwerk und Technik", "levels": ("B1", "B1"),
     "subject": CourseSubject.CRAFTS,
     "delivery": Delivery.IN_PERSON, "postal_code": "30159", "schedule": Schedule.PART_TIME, "starts_in": 60,
     "weeks": 16, "seats": 20, "cost": Cost.FUNDED,
     "description": "Für alle, die den DTZ mit A2 abgeschlossen haben und B1 für Beruf oder Ausbildung brauchen."},
    {"provider": "Volkshochschule Hannover", "kind": CourseKind.JOB_BSK,
     "title": "Job-Berufssprachkurs B2 online", "levels": ("B2", "B2"),
     "delivery": Delivery.ONLINE, "postal_code": "", "schedule": Schedule.EVENINGS, "starts_in": 40,
     "weeks": 20, "seats": 20, "cost": Cost.FUNDED,
     "description": "Im virtuellen Klassenzimmer, dreimal pro Woche abends; Sie brauchen einen Laptop oder ein "
                    "Tablet."},
    {"provider": "Volkshochschule Hannover", "kind": CourseKind.JOB_BSK,
     "title": "Job-Berufssprachkurs C1 für akademische Berufe", "levels": ("C1", "C1"),
     "delivery": Delivery.IN_PERSON, "postal_code": "30159", "schedule": Schedule.PART_TIME, "starts_in": 120,
     "weeks": 20, "seats": 16, "cost": Cost.FUNDED,
     "description": "Für Ingenieurinnen, Lehrer, Ärztinnen und andere mit Hochschulabschluss."},
    # Malerbetrieb Brinkmann's training centre, Neustadt am Rübenberge
    {"provider": "Malerbetrieb Brinkmann mit eigenem Ausbildungszentrum", "kind": CourseKind.AZUBI_BSK,
     "title": "Azubi-Sprachkurs Malerhandwerk", "levels": ("B1", "B2"),
     "subject": CourseSubject.CRAFTS,
     "delivery": Delivery.IN_PERSON, "postal_code": "31535", "schedule": Schedule.WEEKENDS, "starts_in": 21,
     "weeks": 30, "seats": 12, "cost": Cost.FREE,
     "description": "Samstags im Ausbildungszentrum: Fachsprache für Berufsschule und Baustelle, offen für alle "
                    "Auszubildenden im Handwerk der Region."},
    {"provider": "Malerbetrieb Brinkmann mit eigenem Ausbildungszentrum", "kind": CourseKind.VOCATIONAL,
     "title": "Werkstatt-Deutsch: Fachwörter am Bau", "levels": ("A2", "B1"),
     "subject": CourseSubject.CRAFTS,
     # One seat, taken: full, and the provider takes no names for a waiting list.
     "delivery": Delivery.IN_PERSON, "postal_code": "31535", "schedule": Schedule.EVENINGS, "starts_in": 35,
     "weeks": 10, "seats": 1, "waiting_list": False, "cost": Cost.FREE,
     "description": "Zweimal pro Woche nach Feierabend: Werkzeuge, Materialien und Arbeitssicherheit auf Deutsch."},
    # Bildungswerk Osnabrücker Land
    {"provider": "Bildungswerk Osnabrücker Land e. V.", "kind": CourseKind.INTEGRATION,
     "title": "Integrationskurs A1–B1 (Vollzeit), Osnabrück", "levels": ("A1", "B1"),
     "delivery": Delivery.IN_PERSON, "postal_code": "49074", "schedule": Schedule.FULL_TIME, "starts_in": 10,
     "weeks": 26, "seats": 20, "cost": Cost.FUNDED,
     "description": "Montags bis freitags vormittags, mit Orientierungskurs und Abschlussprüfung DTZ."},
    {"provider": "Bildungswerk Osnabrücker Land e. V.", "kind": CourseKind.WOMEN_PARENTS,
     "title": "Frauenintegrationskurs mit Kinderbetreuung", "levels": ("A1", "B1"),
     "delivery": Delivery.IN_PERSON, "postal_code": "49076", "schedule": Schedule.PART_TIME, "starts_in": 30,
     "weeks": 52, "seats": 15, "cost": Cost.FUNDED, "childcare": True,
     "description": "Nur für Frauen, mit Lehrerinnen und Kinderbetreuung im Haus; Ausflüge zu Ämtern und Betrieben."},
    {"provider": "Bildungswerk Osnabrücker Land e. V.", "kind": CourseKind.JOB_BSK,
     "title": "Job-Berufssprachkurs B2 Pflege", "levels": ("B2", "B2"),
     "subject": CourseSubject.CARE,
     # One seat, taken: full, but the waiting list stays open.
     "delivery": Delivery.IN_PERSON, "postal_code": "49074", "schedule": Schedule.PART_TIME, "starts_in": 28,
     "weeks": 20, "seats": 1, "waiting_list": True, "cost": Cost.FUNDED,
     "description": "Fachsprache für Pflegekräfte in der Anerkennung: Übergabe, Dokumentation, Gespräche mit "
                    "Angehörigen."},
    {"provider": "Bildungswerk Osnabrücker Land e. V.", "kind": CourseKind.LITERACY,
     "title": "Alphabetisierungskurs Osnabrück-Schinkel", "levels": ("0", "A1"),
     "delivery": Delivery.IN_PERSON, "postal_code": "49082", "schedule": Schedule.PART_TIME, "starts_in": 50,
     "weeks": 40, "seats": 12, "cost": Cost.FUNDED,
     "description": "Für alle, die noch nicht oder nur in einer anderen Schrift lesen und schreiben."},
    {"provider": "Bildungswerk Osnabrücker Land e. V.", "kind": CourseKind.AZUBI_BSK,
     "title": "Azubi-Sprachkurs Pflege und Gesundheit", "levels": ("B1", "B2"),
     "subject": CourseSubject.CARE,
     "delivery": Delivery.IN_PERSON, "postal_code": "49078", "schedule": Schedule.EVENINGS, "starts_in": 130,
     "weeks": 30, "seats": 14, "cost": Cost.FUNDED,
     "description": "Begleitend zur Pflegeausbildung, zweimal pro Woche nach der Schicht."},
    # Sprachschule Ems-Vechte, Lingen and Meppen
    {"provider": "Sprachschule Ems-Vechte", "kind": CourseKind.INTEGRATION,
     "title": "Integrationskurs A1–B1, Lingen", "levels": ("A1", "B1"),
     "delivery": Delivery.IN_PERSON, "postal_code": "49808", "schedule": Schedule.FULL_TIME, "starts_in": 20,
     "weeks": 26, "seats": 20, "cost": Cost.FUNDED,
     "description": "Vormittags, fünfmal pro Woche; Fahrtkosten übernimmt das BAMF auf Antrag."},
    {"provider": "Sprachschule Ems-Vechte", "kind": CourseKind.INTEGRATION,
     "title": "Integrationskurs A1–B1 (Teilzeit), Meppen", "levels": ("A1", "B1"),
     "delivery": Delivery.IN_PERSON, "postal_code": "49716", "schedule": Schedule.PART_TIME, "starts_in": 55,
     "weeks": 40, "seats": 16, "cost": Cost.FUNDED,
     "description": "Dreimal pro Woche vormittags, passend zu Schichtarbeit in der Landwirtschaft."},
    {"provider": "Sprachschule Ems-Vechte", "kind": CourseKind.AZUBI_BSK,
     "title": "Azubi-Sprachkurs Handwerk und Landwirtschaft", "levels": ("B1", "B2"),
     "subject": CourseSubject.CRAFTS,
     "delivery": Delivery.IN_PERSON, "postal_code": "49808", "schedule": Schedule.EVENINGS, "starts_in": 40,
     "weeks": 26, "seats": 12, "cost": Cost.FUNDED,
     "description": "Begleitend zur Ausbildung: Fachsprache, Berichtsheft und Prüfungsvorbereitung."},
    {"provider": "Sprachschule Ems-Vechte", "kind": CourseKind.INTEGRATION,
     "title": "Online-Integrationskurs im virtuellen Klassenzimmer", "levels": ("A1", "B1"),
     "delivery": Delivery.ONLINE, "postal_code": "", "schedule": Schedule.PART_TIME, "starts_in": 100,
     "weeks": 40, "seats": 20, "cost": Cost.FUNDED,
     "description": "Für alle, die keinen Kurs in der Nähe erreichen; ein Leihtablet gibt es auf Anfrage."},
    {"provider": "Sprachschule Ems-Vechte", "kind": CourseKind.JOB_BSK,
     "title": "Job-Berufssprachkurs C1 online", "levels": ("C1", "C1"),
     "delivery": Delivery.ONLINE, "postal_code": "", "schedule": Schedule.EVENINGS, "starts_in": 70,
     "weeks": 20, "seats": 15, "cost": Cost.FUNDED,
     "description": "Dreimal pro Woche abends im virtuellen Klassenzimmer, mit Abschlussprüfung telc C1."},
    # VHS Lüchow-Dannenberg: one small course soon, the parents' course only next term
    {"provider": "VHS Lüchow-Dannenberg", "kind": CourseKind.LITERACY,
     "title": "Alphabetisierungskurs in Lüchow", "levels": ("0", "A1"),
     "delivery": Delivery.IN_PERSON, "postal_code": "29439", "schedule": Schedule.PART_TIME, "starts_in": 28,
     "weeks": 30, "seats": 8, "cost": Cost.FUNDED,
     "description": "Dreimal pro Woche vormittags in der VHS Lüchow."},
    {"provider": "VHS Lüchow-Dannenberg", "kind": CourseKind.WOMEN_PARENTS,
     "title": "Elternintegrationskurs mit Kinderbetreuung, Dannenberg", "levels": ("A1", "B1"),
     "delivery": Delivery.IN_PERSON, "postal_code": "29451", "schedule": Schedule.PART_TIME, "starts_in": 150,
     "weeks": 52, "seats": 12, "cost": Cost.FUNDED, "childcare": True,
     "description": "Vormittags, mit Kinderbetreuung. Der Kurs beginnt, sobald eine Lehrkraft gefunden ist."},
    # Volkshochschule Cuxhaven: a small Job-BSK soon, the next integration course only later
    {"provider": "Volkshochschule Cuxhaven", "kind": CourseKind.JOB_BSK,
     "title": "Job-Berufssprachkurs B1 Gastronomie und Hotellerie", "levels": ("B1", "B1"),
     "subject": CourseSubject.HOSPITALITY,
     "delivery": Delivery.IN_PERSON, "postal_code": "27472", "schedule": Schedule.PART_TIME, "starts_in": 35,
     "weeks": 16, "seats": 8, "cost": Cost.FUNDED,
     "description": "Nachmittags, nach dem Frühdienst; mit Praxistagen in Hotels am Hafen."},
    {"provider": "Volkshochschule Cuxhaven", "kind": CourseKind.INTEGRATION,
     "title": "Integrationskurs A1–B1 (Teilzeit), Cuxhaven", "levels": ("A1", "B1"),
     "delivery": Delivery.IN_PERSON, "postal_code": "27472", "schedule": Schedule.PART_TIME, "starts_in": 125,
     "weeks": 40, "seats": 20, "cost": Cost.FUNDED,
     "description": "Viermal pro Woche vormittags; die Warteliste ist lang."},
]  # fmt: skip

# Applications the demo candidates have sent, with the steps the employer has taken since.
APPLICATIONS = [
    {"candidate": "ahmad@demo.example.org",
     "vacancy": ("Malerbetrieb Brinkmann mit eigenem Ausbildungszentrum",
                 "Schnuppertage im Ausbildungszentrum: das Malerhandwerk ausprobieren"),
     "kind": ApplicationKind.APPLICATION,
     "message": "Guten Tag, ich war in Syrien neun Jahre Maler. Ich möchte gern die Schnuppertage machen.",
     "steps": [ApplicationStatus.SEEN, ApplicationStatus.INVITED]},
    {"candidate": "reza@demo.example.org",
     "vacancy": ("Hotel Hafenblick Cuxhaven", "Koch / Köchin für unser Hafenrestaurant (m/w/d)"),
     "kind": ApplicationKind.APPLICATION,
     "message": "Ich habe sieben Jahre in einem Restaurant in Schiras gekocht und wohne in Cuxhaven.",
     "steps": [ApplicationStatus.SEEN]},
    {"candidate": "kandidatin@demo.example.org",
     "vacancy": ("Seniorenzentrum Haseufer gGmbH", "Pflegefachkraft (m/w/d) – auch während der Anerkennung"),
     "kind": ApplicationKind.APPLICATION,
     "message": "Meine Anerkennung als Pflegefachkraft läuft beim NLGA. Ich suche eine Stelle mit 30 Stunden.",
     "steps": []},
    {"candidate": "yonas@demo.example.org",
     "vacancy": ("Weserland Logistik GmbH", "Arbeitserprobung im Wareneingang"),
     "kind": ApplicationKind.INTEREST, "message": "", "steps": [ApplicationStatus.SEEN, ApplicationStatus.INVITED]},
    {"candidate": "elif@demo.example.org",
     "vacancy": ("Familienzentrum Weststadt Göttingen",
                 "Hospitation in der Kita für pädagogische Fachkräfte aus dem Ausland"),
     "kind": ApplicationKind.APPLICATION,
     "message": "Ich war sechs Jahre Grundschullehrerin in Diyarbakır und möchte in einer Kita arbeiten.",
     "steps": []},
    {"candidate": "dmytro@demo.example.org",
     "vacancy": ("Malerbetrieb Brinkmann mit eigenem Ausbildungszentrum", "Arbeitserprobung im Trockenbau"),
     "kind": ApplicationKind.INTEREST, "message": "", "steps": []},
    {"candidate": "mariam@demo.example.org",
     "vacancy": ("Frischemarkt Jeetzel, Filiale Lüchow",
                 "Praktikum im Supermarkt: Ware einräumen und Kasse kennenlernen"),
     "kind": ApplicationKind.INTEREST, "message": "", "steps": [ApplicationStatus.SEEN]},
]  # fmt: skip

# Who registered for which course, in this order: seats, or the waiting list once a course is full.
COURSE_REGISTRATIONS = [
    {"provider": "Malerbetrieb Brinkmann mit eigenem Ausbildungszentrum", "title": "Azubi-Sprachkurs Malerhandwerk",
     "candidates": ["ahmad@demo.example.org"]},
    {"provider": "Malerbetrieb Brinkmann mit eigenem Ausbildungszentrum",
     "title": "Werkstatt-Deutsch: Fachwörter am Bau", "candidates": ["dmytro@demo.example.org"]},
    {"provider": "Bildungswerk Osnabrücker Land e. V.", "title": "Job-Berufssprachkurs B2 Pflege",
     "candidates": ["kandidatin@demo.example.org"]},
    {"provider": "Bildungswerk Osnabrücker Land e. V.", "title": "Frauenintegrationskurs mit Kinderbetreuung",
     "candidates": ["kandidat.osnabrueck2@demo.example.org"]},
    {"provider": "VHS Lüchow-Dannenberg", "title": "Elternintegrationskurs mit Kinderbetreuung, Dannenberg",
     "candidates": ["mariam@demo.example.org", "kandidat.luechow7@demo.example.org"]},
    {"provider": "Volkshochschule Cuxhaven", "title": "Job-Berufssprachkurs B1 Gastronomie und Hotellerie",
     "candidates": ["kandidat.cux3@demo.example.org", "kandidat.cux8@demo.example.org"]},
    {"provider": "Volkshochschule Hannover", "title": "Integrationskurs A1–B1 (Vollzeit), Hannover-Mitte",
     "candidates": ["kandidat.hannover1@demo.example.org"]},
]  # fmt: skip

# Candidates who let employers find their anonymous profile.
VISIBLE_CANDIDATES = ["ahmad@demo.example.org"]

DEMO_DOMAIN = "demo.example.org"

# Demo data of other apps, seeded after this one where the module exists: (module, function).
# The other apps' demo data, seeded after the people and organisations it refers to.
DEMO_HOOKS = [
    "demo.mentoring.mentoring_demo_seed",
    "demo.events.events_demo_seed",
    "demo.jobboerse.jobboerse_demo_seed",
]


def demo_seed() -> dict[str, str]:
    """Create the demo data where it is missing; return one login e-mail per role, in Role order.

    Then the demo data of the other apps (DEMO_HOOKS) and the supply reports, which are computed from it.
    """
    with transaction.atomic():
        started = timezone.now()
        logins = _demo_seed(today=timezone.localdate(started))
        _demo_hooks_run()
        _demo_notifications_settle(since=started)
        # Caches computed from what was seeded, not demo data: recomputing them only updates the same rows.
        supply_reports_refresh_all()
        match_recompute_all()
    return logins


def _demo_seed(*, today: date) -> dict[str, str]:
    _demo_data_check()
    occupations = Occupation.objects.in_bulk(_demo_occupation_codes(), field_name="kldb_code")

    # region_save finds each region by name and sets exactly these codes; equal codes change nothing.
    regions = {
        region["name"]: region_save(name=region["name"], postal_codes=region["postal_codes"]) for region in REGIONS
    }
    users = [_user_ensure(role=Role.CANDIDATE, **person) for person in CANDIDATES]
    profiles = {
        user.email: _candidate_profile_ensure(user=user, wanted=CANDIDATE_PROFILES[user.email], occupations=occupations)
        for user in users
    }
    for person in EXTRA_CANDIDATES:
        user = _user_ensure(role=Role.CANDIDATE, **person)
        profiles[user.email] = _candidate_profile_ensure(
            user=user, wanted=EXTRA_CANDIDATE_PROFILES[user.email], occupations=occupations
        )
    organisations: dict[str, tuple[Organisation, User]] = {}
    for organisation in ORGANISATIONS:
        staff = _user_ensure(
            role=Role.EMPLOYER if organisation["is_employer"] else Role.PROVIDER, **organisation["staff"]
        )
        seeded = _organisation_ensure(
            name=organisation["name"],
            is_employer=organisation["is_employer"],
            is_course_provider=organisation["is_course_provider"],
            staff=staff,
        )
        _organisation_profile_ensure(organisation=seeded, staff=staff, wanted=organisation["profile"])
        organisations[seeded.name] = (seeded, staff)
        users.append(staff)
    users += [_user_ensure(role=Role.MENTOR, **person) for person in MENTORS]
    users += [
        _user_ensure(role=Role.COORDINATOR, **{**person, "region": regions[person["region"]]})
        for person in COORDINATORS
    ]
    users.append(_user_ensure(role=Role.ADMIN, is_staff=True, is_superuser=True, **ADMIN))

    vacancies = {
        (spec["organisation"], spec["title"]): _vacancy_ensure(
            spec=spec, organisations=organisations, occupations=occupations, today=today
        )
        for spec in VACANCIES
    }
    courses = {
        (spec["provider"], spec["title"]): _course_ensure(spec=spec, organisations=organisations, today=today)
        for spec in COURSES
    }
    for spec in APPLICATIONS:
        organisation_name, _title = spec["vacancy"]
        _application_ensure(
            spec=spec,
            profile=profiles[spec["candidate"]],
            vacancy=vacancies[spec["vacancy"]],
            staff=organisations[organisation_name][1],
        )
    for spec in COURSE_REGISTRATIONS:
        for email in spec["candidates"]:
            _course_registration_ensure(profile=profiles[email], course=courses[(spec["provider"], spec["title"])])
    for email in VISIBLE_CANDIDATES:
        candidate_visibility_set(profile=profiles[email], visible=True)

    logins: dict[str, str] = {}
    for user in users:
        logins.setdefault(user.role, user.email)
    return {role: logins[role] for role in Role.values}


def _demo_occupation_codes() -> set[str]:
    profiles = [*CANDIDATE_PROFILES.values(), *EXTRA_CANDIDATE_PROFILES.values()]
    return {code for profile in profiles for code, _years in profile["occupations"]} | {
        spec["occupation"] for spec in VACANCIES
    }


def _demo_data_check() -> None:
    """Refuse demo data that could only be seeded half: unknown postal codes or occupations."""
    postal_codes = {
        *(code for region in REGIONS for code in region["postal_codes"]),
        *(profile["postal_code"] for profile in [*CANDIDATE_PROFILES.values(), *EXTRA_CANDIDATE_PROFILES.values()]),
        *(code for organisation in ORGANISATIONS for code in organisation["profile"]["locations"]),
        *(spec["postal_code"] for spec in [*VACANCIES, *COURSES] if spec["postal_code"]),
    }
    unknown = sorted(code for code in postal_codes if not is_known_postal_code(code))
    if unknown:
        raise ValueError(f"Unknown postal codes in the demo data: {', '.join(unknown)}")
    codes = _demo_occupation_codes()
    missing = sorted(codes - set(Occupation.objects.filter(kldb_code__in=codes).values_list("kldb_code", flat=True)))
    if missing:
        raise ValueError(
            f"Occupations of the demo data missing from the catalogue: {', '.join(missing)} "
            "(manage.py load_occupations loads it)"
        )


def _demo_hooks_run() -> None:
    for dotted_path in DEMO_HOOKS:
        import_string(dotted_path)()


def _demo_notifications_settle(*, since: datetime) -> None:
    """Count the notifications the seed caused as e-mailed, so none is sent.

    The demo people are made up: mail to them would only print their addresses into the terminal of
    `make run` (console backend) or go nowhere. The notices themselves stay in the portal.
    """
    Notification.objects.filter(
        created_at__gte=since, emailed_at__isnull=True, recipient__email__endswith=f"@{DEMO_DOMAIN}"
    ).update(emailed_at=timezone.now())


@functools.cache
def _demo_password_hash(password: str, hashers: tuple[str, ...]) -> str:
    """One hash (and salt) for every demo account: they share a public password anyway, and hashing it fifty
    times over would take most of the seed's time. Keyed by the hashers, so a changed setting hashes anew."""
    return make_password(password)


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
        user = User.objects.create_user(email=email, password=None, **wanted)
        user.password = _demo_password_hash(settings.DEMO_PASSWORD, tuple(settings.PASSWORD_HASHERS))
        user.save(update_fields=["password"])
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


def _organisation_profile_ensure(*, organisation: Organisation, staff: User, wanted: dict) -> Organisation:
    changed = {name: value for name, value in wanted.items() if getattr(organisation, name) != value}
    if changed:
        organisation = organisation_profile_update(organisation=organisation, by=staff, **changed)
    return organisation


_SUPPORT_FLAGS = ["language", "mentor", "paperwork", "housing", "childcare"]


def _vacancy_fields(spec: dict, occupations: dict[str, Occupation]) -> dict:
    """The vacancy as vacancy_create takes it, without its dates."""
    return {
        "kind": spec["kind"],
        "title": spec["title"],
        "description": spec["description"],
        "occupation": occupations[spec["occupation"]],
        "german_level_required": spec["german"],
        "useful_languages": spec.get("languages", []),
        "postal_code": spec["postal_code"],
        "hours_per_week": spec["hours"],
        "shift_work": spec.get("shift", False),
        "duration_weeks": spec.get("weeks"),
        "is_paid": spec.get("paid", True),
        **{f"support_{flag}": flag in spec.get("support", []) for flag in _SUPPORT_FLAGS},
        # Readable offers: the typical tasks of the occupation's field, times and papers in fixed terms.
        "tasks": spec.get("tasks", TASKS_BY_FIELD.get(occupations[spec["occupation"]].field.code, [])[:3]),
        "working_times": spec.get("times", ["early", "late"] if spec.get("shift") else ["day"]),
        "what_to_bring": spec.get("bring", ["id", "cv"]),
        "summary_simple_german": spec.get("summary", ""),
        "driving_licences_required": spec.get("licences", []),
        # Written out, so that seeding again finds nothing changed; the same default the form and import use.
        "recognition_required": spec.get(
            "recognition",
            vacancy_recognition_default(occupation=occupations[spec["occupation"]], kind=spec["kind"]),
        ),
    }


def _vacancy_dates(spec: dict, today: date) -> dict:
    starts_in = spec["starts_in"]
    return {
        "start_date": None if starts_in is None else today + timedelta(days=starts_in),
        "expires_on": today + timedelta(days=spec["open_for"]),
    }


def _vacancy_ensure(
    *, spec: dict, organisations: dict[str, tuple[Organisation, User]], occupations: dict[str, Occupation], today: date
) -> Vacancy:
    """The published demo vacancy; one that has started, expired or been taken offline moves to fresh dates.

    A vacancy somebody marked as filled while trying the demo stays filled.
    """
    organisation, staff = organisations[spec["organisation"]]
    fields = _vacancy_fields(spec, occupations)
    vacancy = Vacancy.objects.filter(organisation=organisation, title=spec["title"]).order_by("pk").first()
    if vacancy is None:
        return vacancy_create(
            organisation=organisation, created_by=staff, publish=True, **fields, **_vacancy_dates(spec, today)
        )
    if vacancy.status == VacancyStatus.FILLED:
        return vacancy
    stale = (
        vacancy.status != VacancyStatus.PUBLISHED
        or (vacancy.start_date is not None and vacancy.start_date < today)
        or (vacancy.expires_on is not None and vacancy.expires_on < today)
    )
    wanted = {**fields, **(_vacancy_dates(spec, today) if stale else {})}
    changed = {name: value for name, value in wanted.items() if getattr(vacancy, name) != value}
    if changed or vacancy.status != VacancyStatus.PUBLISHED:
        vacancy = vacancy_update(vacancy=vacancy, publish=vacancy.status != VacancyStatus.PUBLISHED, **changed)
    return vacancy


def _course_fields(spec: dict) -> dict:
    """The course as course_create takes it, without its dates."""
    organisation = next(o for o in ORGANISATIONS if o["name"] == spec["provider"])
    level_from, level_to = spec["levels"]
    return {
        "kind": spec["kind"],
        "title": spec["title"],
        "description": spec["description"],
        "level_from": level_from,
        "level_to": level_to,
        "delivery": spec["delivery"],
        "postal_code": spec["postal_code"],
        "schedule": spec["schedule"],
        "childcare": spec.get("childcare", False),
        "seats_total": spec["seats"],
        "waiting_list_open": spec.get("waiting_list", True),
        "subject": spec.get("subject", ""),
        "cost": spec["cost"],
        "contact_name": organisation["profile"]["contact_name"],
        "contact_email": organisation["profile"]["contact_email"],
    }


def _course_dates(spec: dict, today: date) -> dict:
    start = today + timedelta(days=spec["starts_in"])
    return {"start_date": start, "end_date": start + timedelta(weeks=spec["weeks"])}


def _course_ensure(*, spec: dict, organisations: dict[str, tuple[Organisation, User]], today: date) -> Course:
    """The published demo course; one that has started moves to fresh dates. A cancelled one stays cancelled."""
    provider, staff = organisations[spec["provider"]]
    fields = _course_fields(spec)
    course = Course.objects.filter(provider=provider, title=spec["title"]).order_by("pk").first()
    if course is None:
        return course_create(provider=provider, created_by=staff, publish=True, **fields, **_course_dates(spec, today))
    if course.status == CourseStatus.CANCELLED:
        return course
    wanted = {**fields, **(_course_dates(spec, today) if course.start_date < today else {})}
    changed = {name: value for name, value in wanted.items() if getattr(course, name) != value}
    if changed:
        course = course_update(course=course, **changed)
    if course.status != CourseStatus.PUBLISHED:
        course = course_publish(course=course)
    return course


def _application_ensure(*, spec: dict, profile: CandidateProfile, vacancy: Vacancy, staff: User) -> None:
    """Apply once, then take the employer's steps; an existing application is left as it is."""
    if (
        vacancy.status != VacancyStatus.PUBLISHED
        or Application.objects.filter(profile=profile, vacancy=vacancy).exists()
    ):
        return
    application = application_submit(profile=profile, vacancy=vacancy, message=spec["message"], kind=spec["kind"])
    for status in spec["steps"]:
        application = application_transition(application=application, to_status=status, actor=staff)


def _course_registration_ensure(*, profile: CandidateProfile, course: Course) -> None:
    """Register once; a registration the candidate cancelled while trying the demo stays cancelled."""
    if (
        course.status != CourseStatus.PUBLISHED
        or CourseRegistration.objects.filter(course=course, profile=profile).exists()
    ):
        return
    course_register(course=course, profile=profile)


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
        birth_date=wanted["birth_date"],
    )
    return profile


_PROFILE_FIELDS = [
    "german_level", "german_certificate", "school_education", "vocational_education", "foreign_qualification",
    "recognition_status", "looking_for", "hours_per_week", "postal_code", "travel_radius_km", "transport",
    "driving_licences", "childcare_needed", "shift_work_possible", "work_permit", "birth_date",
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
        "driving_licences": driving_licences_in_order(wanted["driving_licences"]),
        "earliest_start": None,
        "completed_steps": list(OnboardingStep.values),
        "other_languages": list(wanted["other_languages"]),
        "occupations": sorted(wanted["occupations"]),
    }
