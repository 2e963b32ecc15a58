from django.db import migrations

TODO_DE = "[Vom Betreiber zu ergänzen]"
TODO_EN = "[To be completed by the operator]"

PAGES = {
    ("impressum", "de"): (
        "Impressum",
        f"""Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG) und § 18 Medienstaatsvertrag (MStV)

Herausgeber: {TODO_DE} (Name der Behörde oder Einrichtung, Anschrift)

Vertreten durch: {TODO_DE}

Kontakt: Telefon {TODO_DE}, E-Mail {TODO_DE}. Sie können uns auch über das Kontaktformular auf der Seite „Kontakt“ schreiben.

Umsatzsteuer-Identifikationsnummer: {TODO_DE}

Inhaltlich verantwortlich nach § 18 Abs. 2 MStV: {TODO_DE} (Name, Anschrift)

Die Angebote von Arbeitgebern, Kursträgern und Veranstaltern verantworten diese selbst. Wir prüfen Angebote, wenn uns ein Hinweis erreicht, und nehmen rechtswidrige Inhalte offline.""",
    ),
    ("impressum", "en"): (
        "Legal notice",
        f"""Information according to section 5 of the German Digital Services Act (DDG) and section 18 of the Interstate Media Treaty (MStV)

Publisher: {TODO_EN} (name of the authority or organisation, address)

Represented by: {TODO_EN}

Contact: phone {TODO_EN}, e-mail {TODO_EN}. You can also write to us with the form on the "Contact" page.

VAT identification number: {TODO_EN}

Responsible for the content according to section 18 (2) MStV: {TODO_EN} (name, address)

Employers, course providers and event organisers are responsible for their own offers. We check offers when someone points us to a problem and take unlawful content offline.""",
    ),
    ("privacy", "de"): (
        "Datenschutzerklärung",
        f"""Verantwortlich für die Verarbeitung Ihrer Daten: {TODO_DE} (Name, Anschrift, E-Mail)

Datenschutzbeauftragte oder Datenschutzbeauftragter: {TODO_DE} (Kontakt)

Welche Daten wir verarbeiten und wozu: Wenn Sie ein Konto anlegen, speichern wir Ihre E-Mail-Adresse, Ihr Passwort (nur verschlüsselt) und Ihre Sprache. Wenn Sie Ihr Profil ausfüllen, speichern wir Ihre Angaben zu Sprachen, Erfahrung, Wünschen und Wohnort, um passende Angebote, Kurse und Mentorinnen oder Mentoren für Sie zu finden. Arbeitgeber sehen Ihr Profil nur, wenn Sie es erlauben, und Ihren Namen nur, wenn Sie sich bewerben oder einer Kontaktanfrage zustimmen.

Rechtsgrundlagen: Ihre Einwilligung (Art. 6 Abs. 1 Buchst. a DSGVO), die Durchführung der Vermittlung, die Sie wünschen (Art. 6 Abs. 1 Buchst. b DSGVO), und die Erfüllung öffentlicher Aufgaben (Art. 6 Abs. 1 Buchst. e DSGVO). {TODO_DE}

Speicherdauer: Wir löschen Ihre Daten, wenn Sie Ihr Konto löschen. Sie können das jederzeit selbst unter „Meine Daten“ tun. {TODO_DE}

Cookies: Wir verwenden nur Cookies, die technisch nötig sind: für die Anmeldung, für Ihre Sprache und zum Schutz von Formularen. Wir verwenden keine Werbung und keine Analyse-Dienste.

Ihre Rechte: Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, Datenübertragbarkeit und Widerspruch (Art. 15 bis 21 DSGVO). Eine Einwilligung können Sie jederzeit widerrufen. Ihre Daten können Sie unter „Meine Daten“ herunterladen.

Beschwerde: Sie können sich bei der Aufsichtsbehörde beschweren: Die Landesbeauftragte für den Datenschutz Niedersachsen, Prinzenstraße 5, 30159 Hannover.""",
    ),
    ("privacy", "en"): (
        "Privacy policy",
        f"""Controller responsible for processing your data: {TODO_EN} (name, address, e-mail)

Data protection officer: {TODO_EN} (contact)

What data we process and why: when you create an account, we store your e-mail address, your password (only encrypted) and your language. When you fill in your profile, we store what you tell us about languages, experience, wishes and where you live, to find offers, courses and mentors that fit you. Employers see your profile only if you allow it, and your name only when you apply or accept a contact request.

Legal bases: your consent (Art. 6 (1) (a) GDPR), the placement you ask for (Art. 6 (1) (b) GDPR) and the performance of public tasks (Art. 6 (1) (e) GDPR). {TODO_EN}

How long we keep data: we delete your data when you delete your account. You can do that yourself at any time under "My data". {TODO_EN}

Cookies: we only use cookies that are technically necessary: for signing in, for your language and to protect forms. We use no advertising and no analytics services.

Your rights: you have the right of access, rectification, erasure, restriction of processing, data portability and objection (Art. 15 to 21 GDPR). You can withdraw a consent at any time. You can download your data under "My data".

Complaints: you can complain to the supervisory authority: Die Landesbeauftragte für den Datenschutz Niedersachsen, Prinzenstraße 5, 30159 Hannover.""",
    ),
    ("accessibility", "de"): (
        "Erklärung zur Barrierefreiheit",
        f"""{TODO_DE} (Name der Behörde oder Einrichtung) ist bemüht, diese Website im Einklang mit dem Niedersächsischen Behindertengleichstellungsgesetz (NBGG) und der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen.

Stand der Vereinbarkeit: Diese Website ist weitgehend mit den Anforderungen der BITV 2.0 vereinbar. Sie wird mit automatischen Prüfungen (axe) und Tests auf Mobiltelefonen in sieben Sprachen, auch von rechts nach links, geprüft. {TODO_DE} (Ergebnis der letzten Prüfung, Datum)

Nicht barrierefreie Inhalte: Texte von Arbeitgebern und Kursträgern sind oft nur auf Deutsch und nicht in Leichter Sprache. {TODO_DE}

Erstellung dieser Erklärung: {TODO_DE} (Datum)

Barriere melden: Wenn Ihnen Barrieren auffallen, schreiben Sie uns über die Seite „Kontakt“ oder an {TODO_DE}.

Schlichtungsverfahren: Wenn Sie mit unserer Antwort nicht zufrieden sind, können Sie sich an die Schlichtungsstelle bei der Landesbeauftragten für Menschen mit Behinderungen Niedersachsen wenden. {TODO_DE} (Anschrift)""",
    ),
    ("accessibility", "en"): (
        "Accessibility statement",
        f"""{TODO_EN} (name of the authority or organisation) is committed to making this website accessible in accordance with the Lower Saxony Disability Equality Act (NBGG) and the German Barrier-Free Information Technology Ordinance (BITV 2.0).

Compliance status: this website is largely compliant with BITV 2.0. It is checked with automated tests (axe) and tests on mobile phones in seven languages, right-to-left included. {TODO_EN} (result and date of the last audit)

Content that is not accessible: texts written by employers and course providers are often only in German and not in plain language. {TODO_EN}

Preparation of this statement: {TODO_EN} (date)

Report a barrier: if you find a barrier, write to us on the "Contact" page or to {TODO_EN}.

Enforcement procedure: if you are not satisfied with our answer, you can turn to the conciliation body of the Lower Saxony Commissioner for People with Disabilities. {TODO_EN} (address)""",
    ),
    ("contact", "de"): (
        "Kontakt",
        f"""Sie haben eine Frage zu Brücke, ein Problem mit Ihrem Konto oder eine Barriere gefunden? Schreiben Sie uns. Sie können in Ihrer Sprache schreiben.

Post: {TODO_DE}

Telefon: {TODO_DE} (Sprechzeiten)""",
    ),
    ("contact", "en"): (
        "Contact",
        f"""Do you have a question about Brücke, a problem with your account, or did you find a barrier? Write to us. You can write in your own language.

Post: {TODO_EN}

Phone: {TODO_EN} (opening hours)""",
    ),
}


def add_pages(apps, schema_editor):
    SitePage = apps.get_model("portal", "SitePage")
    for (kind, language), (title, body) in PAGES.items():
        SitePage.objects.get_or_create(kind=kind, language=language, defaults={"title": title, "body": body})


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_site_pages")]

    operations = [migrations.RunPython(add_pages, migrations.RunPython.noop)]
