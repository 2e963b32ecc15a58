"""Employers and course providers of the demo, each with one staff account and a public profile."""

from employers.models import CompanySize, Sector

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
