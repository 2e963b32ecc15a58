"""The demo vacancies of every kind, and the applications the demo candidates have sent."""

from applications.models import ApplicationKind, ApplicationStatus
from common.vocabulary import GermanLevel
from employers.models import VacancyKind

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
