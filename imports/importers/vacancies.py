from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from accounts.models import Role, User
from common.vocabulary import SPOKEN_LANGUAGES, GermanLevel, OfferKind
from employers.models import Organisation, Vacancy, VacancyKind, VacancyStatus
from employers.offer_vocabulary import TASKS, BringItem, WorkingTime
from employers.selectors import organisation_coordinated_by
from employers.services import vacancy_create
from portal.models import DRIVING_LICENCE_CLASSES

from ..csv_tools import (
    BadValueError,
    Column,
    RowCheck,
    choice_parser,
    list_parser,
    parse_date,
    parse_german_level,
    parse_whole_number,
    parse_yes_no,
)
from ..selectors import organisation_by_name
from ..values import (
    OFFER_VALUES,
    SPOKEN_LANGUAGE_VALUES,
    parse_known_postal_code,
    parse_name,
    parse_occupation,
    parse_spoken_languages,
)
from .base import Importer, described, require_in_region, several, yes_no
from .candidates import parse_driving_licences

TASK_VALUES = {code: [german, code] for code, (_label, german) in TASKS.items()}
WORKING_TIME_VALUES = {
    WorkingTime.DAY: ["tagsüber", "Tagschicht", "Tag"],
    WorkingTime.EARLY: ["Frühschicht", "früh"],
    WorkingTime.LATE: ["Spätschicht", "spät"],
    WorkingTime.NIGHT: ["Nachtschicht", "nachts", "Nacht"],
    WorkingTime.WEEKEND: ["Wochenende", "am Wochenende"],
}
BRING_VALUES = {
    BringItem.ID: ["Ausweis", "Pass", "Personalausweis"],
    BringItem.RESIDENCE: ["Aufenthaltstitel", "Aufenthaltserlaubnis"],
    BringItem.CV: ["Lebenslauf"],
    BringItem.CERTIFICATES: ["Zeugnisse"],
    BringItem.SAFETY_SHOES: ["Sicherheitsschuhe"],
    BringItem.WORK_CLOTHES: ["Arbeitskleidung"],
    BringItem.HEALTH_CERTIFICATE: ["Gesundheitszeugnis", "Rote Karte"],
    BringItem.DRIVING_LICENCE: ["Führerschein"],
}
KIND_VALUES = {VacancyKind(kind.value): texts for kind, texts in OFFER_VALUES.items()}
STATUS_VALUES = {
    VacancyStatus.PUBLISHED: ["veröffentlicht", "veroeffentlicht", "online", "öffentlich"],
    VacancyStatus.DRAFT: ["Entwurf", "entworfen", "offline"],
}


def _field_label(name: str):
    return Vacancy._meta.get_field(name).verbose_name


def parse_licence_classes_required(text: str) -> list[str]:
    """Classes such as "C, CE"; every one must be an official class, "keiner" means none."""
    classes = parse_driving_licences(text)
    unknown = [licence for licence in classes if licence not in DRIVING_LICENCE_CLASSES]
    if unknown:
        raise BadValueError(
            _("“%(value)s” is not a driving-licence class. Allowed are: %(allowed)s.")
            % {"value": ", ".join(unknown), "allowed": ", ".join(DRIVING_LICENCE_CLASSES)}
        )
    return classes


COLUMNS = (
    Column(
        "Organisation", "organisation", True, ("Arbeitgeber", "Betrieb", "Firma", "Unternehmen"),
        help=gettext_lazy("The name of an organisation that is already in the portal and employs people "
                          "(import organisations first)."),
    ),
    Column(
        "Angebotsart", "kind", True, ("Art", "Angebot", "Art des Angebots"),
        help=gettext_lazy("One of the values below."), values=described(KIND_VALUES, OfferKind.choices),
    ),
    Column("Titel", "title", True, ("Stellentitel", "Bezeichnung"),
           help=gettext_lazy("Free text, at most 160 characters.")),
    Column("Beschreibung", "description", True, ("Stellenbeschreibung", "Text"),
           help=gettext_lazy("Free text, at most 6000 characters.")),
    Column(
        "Beruf", "occupation", True, ("Berufsbezeichnung", "KldB", "Berufskennziffer"),
        help=gettext_lazy("The five-digit KldB 2010 code (for example 22342) or the German name of the occupation "
                          "(for example “Tischler/in”)."),
    ),
    Column(
        "Deutschniveau", "german_level_required", False, ("Sprachniveau", "Deutsch", "Deutschkenntnisse"),
        help=gettext_lazy("The German needed: A1, A2, B1, B2, C1, C2, or 0 for none (empty = 0)."),
    ),
    Column(
        "Weitere Sprachen", "useful_languages", False, ("Sprachen", "Nützliche Sprachen"),
        help=several(gettext_lazy("Other useful languages by their German name, for example “Arabisch, Englisch”.")),
        values=described(SPOKEN_LANGUAGE_VALUES, SPOKEN_LANGUAGES),
    ),
    Column(
        "PLZ", "postal_code", True, ("Postleitzahl", "Ort/PLZ", "PLZ/Ort", "Arbeitsort"),
        help=gettext_lazy("The postal code of the workplace; the first five-digit number counts, so "
                          "“29439 Lüchow” is fine."),
    ),
    Column("Stunden pro Woche", "hours_per_week", True, ("Wochenstunden", "Stunden", "Arbeitszeit"),
           help=gettext_lazy("Whole number from 1 to 48.")),
    Column("Schichtarbeit", "shift_work", False, ("Schicht", "Schichtdienst"),
           help=yes_no(_field_label("shift_work"))),
    Column(
        "Führerschein", "driving_licences_required", False,
        ("Fuehrerschein", "Führerscheinklasse", "Führerscheinklassen", "Führerschein nötig"),
        help=gettext_lazy("Driving-licence classes the work needs, separated by commas, for example “C, CE” "
                          "(empty = none)."),
    ),
    Column(
        "Anerkennung nötig", "recognition_required", False,
        ("Anerkennung", "Anerkennung noetig", "Anerkennung erforderlich", "Berufsanerkennung"),
        help=gettext_lazy("Whether a qualification from abroad must be recognised in Germany – “ja” or “nein” "
                          "(empty = “ja” for a job in a regulated occupation such as Pflegefachkraft or "
                          "Erzieher/in, otherwise “nein”)."),
    ),
    Column(
        "Beginn", "start_date", False, ("Start", "Startdatum", "Eintritt", "Eintrittsdatum"),
        help=gettext_lazy("DD.MM.YYYY, for example 01.09.2030 (empty = as soon as possible)."),
    ),
    Column(
        "Dauer Wochen", "duration_weeks", False, ("Dauer", "Dauer in Wochen"),
        help=gettext_lazy("Whole number of weeks from 1 to 156; needed for EQ, Praktikum, Hospitation and "
                          "Arbeitserprobung."),
    ),
    Column("Bezahlt", "is_paid", False, ("Vergütung", "Verguetung"),
           help=yes_no(_field_label("is_paid"), default=True)),
    Column("Sprachförderung", "support_language", False, ("Sprachfoerderung", "Sprachunterstützung"),
           help=yes_no(_field_label("support_language"))),
    Column("Pate im Betrieb", "support_mentor", False, ("Mentor im Betrieb", "Betriebliche Patenschaft", "Patenschaft"),
           help=yes_no(_field_label("support_mentor"))),
    Column("Hilfe bei Behörden", "support_paperwork", False, ("Hilfe bei Behoerden", "Behördengänge", "Papierkram"),
           help=yes_no(_field_label("support_paperwork"))),
    Column("Hilfe bei Wohnungssuche", "support_housing", False, ("Wohnungssuche", "Wohnung"),
           help=yes_no(_field_label("support_housing"))),
    Column("Kinderbetreuung", "support_childcare", False, (),
           help=yes_no(_field_label("support_childcare"))),
    Column(
        "Offen bis", "expires_on", False, ("Bewerbungsschluss", "Ablaufdatum", "gültig bis"),
        help=gettext_lazy("DD.MM.YYYY; the vacancy closes after this day (empty = open until it is closed)."),
    ),
    Column(
        "Kurz in einfachem Deutsch", "summary_simple_german", False, ("Kurzbeschreibung", "Einfache Sprache"),
        help=gettext_lazy("Three to five short sentences in simple German, no abbreviations."),
    ),
    Column(
        "Aufgaben", "tasks", False, ("Tätigkeiten",),
        help=several(gettext_lazy("Tasks from the list below, in German, for example “Waren tragen”.")),
        values=described(TASK_VALUES, [(code, label) for code, (label, _german) in TASKS.items()]),
    ),
    Column(
        "Arbeitszeiten", "working_times", False, ("Schichten",),
        help=several(gettext_lazy("Working times, for example “Frühschicht, Wochenende”.")),
        values=described(WORKING_TIME_VALUES, WorkingTime.choices),
    ),
    Column(
        "Mitbringen", "what_to_bring", False, ("Bitte mitbringen",),
        help=several(gettext_lazy("What to bring, for example “Ausweis, Sicherheitsschuhe”.")),
        values=described(BRING_VALUES, BringItem.choices),
    ),
    Column("Ansprechperson", "contact_person", False, ("Kontaktperson", "Ansprechpartner"),
           help=gettext_lazy("Who candidates can ask, for example “Frau Yilmaz”.")),
    Column("Telefon", "contact_phone", False, ("Telefonnummer",),
           help=gettext_lazy("A phone number for questions.")),
    Column(
        "Status", "status", False, ("Veröffentlichen",),
        help=gettext_lazy("One of the values below (empty = Entwurf)."),
        values=described(STATUS_VALUES, VacancyStatus.choices),
    ),
)  # fmt: skip


def parse_organisation(text: str) -> Organisation:
    organisation = organisation_by_name(name=text)
    if organisation is None:
        raise BadValueError(
            _("There is no organisation named “%(name)s”. Please import the organisations first.") % {"name": text}
        )
    if not organisation.is_employer:
        raise BadValueError(
            _("“%(name)s” does not employ people, so it cannot offer vacancies.") % {"name": organisation.name}
        )
    return organisation


def _in_region(check: RowCheck, by: User) -> None:
    """A coordinator imports offers of organisations with a site in their region, at a workplace in it."""
    organisation = check.fields.get("organisation")
    if (
        by.role == Role.COORDINATOR
        and organisation
        and not organisation_coordinated_by(organisation=organisation, user=by)
    ):
        check.fail(
            "organisation",
            _("“%(name)s” has no location in your region “%(region)s”, so you cannot import its vacancies.")
            % {"name": organisation.name, "region": by.region.name},
        )
    require_in_region(check, by)


def _create(fields: dict, by) -> Vacancy:
    fields = dict(fields)
    organisation = fields.pop("organisation")
    publish = fields.pop("status") == VacancyStatus.PUBLISHED
    return vacancy_create(organisation=organisation, created_by=by, publish=publish, **fields)


def _done(count: int) -> str:
    return ngettext("%(count)s vacancy was imported.", "%(count)s vacancies were imported.", count) % {"count": count}


VACANCIES = Importer(
    kind="vacancies",
    label=gettext_lazy("Vacancies"),
    intro=gettext_lazy("Each row creates a job, apprenticeship, EQ, internship, job shadowing or work trial of an "
                       "organisation that is already in the portal."),
    columns=COLUMNS,
    parsers={
        "organisation": parse_organisation,
        "kind": choice_parser(KIND_VALUES),
        "title": parse_name,
        "occupation": parse_occupation,
        "german_level_required": parse_german_level,
        "useful_languages": parse_spoken_languages,
        "postal_code": parse_known_postal_code,
        "hours_per_week": parse_whole_number,
        "shift_work": parse_yes_no,
        "driving_licences_required": parse_licence_classes_required,
        "recognition_required": parse_yes_no,
        "start_date": parse_date,
        "duration_weeks": parse_whole_number,
        "is_paid": parse_yes_no,
        "support_language": parse_yes_no,
        "support_mentor": parse_yes_no,
        "support_paperwork": parse_yes_no,
        "support_housing": parse_yes_no,
        "support_childcare": parse_yes_no,
        "expires_on": parse_date,
        "summary_simple_german": str.strip,
        "tasks": list_parser(TASK_VALUES),
        "working_times": list_parser(WORKING_TIME_VALUES),
        "what_to_bring": list_parser(BRING_VALUES),
        "contact_person": str.strip,
        "contact_phone": str.strip,
        "status": choice_parser(STATUS_VALUES),
    },
    defaults={"german_level_required": GermanLevel.NONE, "status": VacancyStatus.DRAFT},
    create=_create,
    example="stellen-beispiel.csv",
    done=_done,
    preview=("organisation", "kind", "title", "occupation", "postal_code", "status"),
    in_region=_in_region,
)  # fmt: skip
