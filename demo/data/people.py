"""The demo's people: candidates with their onboarding answers, mentors, coordinators and the admin.

User has no address, so the towns (and postal codes) of people live in the comments.
"""

from datetime import date

DEMO_DOMAIN = "demo.example.org"

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

# Candidates who let employers find their anonymous profile.
VISIBLE_CANDIDATES = ["ahmad@demo.example.org"]
