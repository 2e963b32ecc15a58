"""Jobbörse answers for tests, shaped as bundesAPI/jobsuche-api's openapi.yaml describes JobDetails."""

import base64

from places.geo import coordinates_of


def job_details(
    refnr: str,
    *,
    title: str = "Lagerhelfer (m/w/d)",
    beruf: str = "Helfer/in - Lagerwirtschaft",
    employer: str = "Weser Logistik GmbH",
    plz: str = "30159",
    ort: str = "Hannover",
    offer: str = "ARBEIT",
    models: tuple[str, ...] = ("VOLLZEIT",),
    modified: str = "2026-11-20T10:12:33.913",
    description: str = "Sie kommissionieren Ware mit dem Handscanner und verladen Sendungen.",
    start: str | None = None,
    fixed_term: str | None = "UNBEFRISTET",
    german: str | None = "GRUNDKENNTNISSE",
) -> dict:
    lat, lon = coordinates_of(plz)
    details = {
        "aktuelleVeroeffentlichungsdatum": "2026-11-20",
        "angebotsart": offer,
        "arbeitgeber": employer,
        "branchenbezeichnung": "Lagerei",
        "arbeitgeberHashId": "dj32HpGiU3tdrYi6ohcMOtUhtBLPvwGIRiRlcvDsebg=",
        "arbeitsorte": [
            {
                "land": "Deutschland",
                "region": "Niedersachsen",
                "plz": plz,
                "ort": ort,
                "strasse": "Hauptstraße 1",
                "koordinaten": {"lat": lat, "lon": lon},
            }
        ],
        "arbeitszeitmodelle": list(models),
        "betriebsgroesse": "VON_6_BIS_50",
        "ersteVeroeffentlichungsdatum": "2026-11-20",
        "freieBezeichnung": title,
        "hashId": base64.urlsafe_b64encode(refnr.encode()).decode(),
        "hauptberuf": beruf,
        "modifikationsTimestamp": modified,
        "stellenbeschreibung": description,
        "referenznummer": refnr,
        "fuerFluechtlingeGeeignet": True,
        "nurFuerSchwerbehinderte": False,
        "anzahlOffeneStellen": 1,
        "sprachkenntnisse": [{"bezeichnung": "Deutsch", "auspraegung": german}] if german else [],
        "mobilitaet": {"reisebereitschaft": "NICHT_ERFORDERLICH"},
        "berufserfahrung": "OHNE_BERUFSERFAHRUNG",
        "hauptDkz": "9907",
        "istBetreut": True,
        "istGoogleJobsRelevant": True,
        "angebotsartGruppe": offer,
        "anzeigeAnonym": False,
    }
    if start:
        details["eintrittsdatum"] = start
    if fixed_term:
        details["befristung"] = fixed_term
    return details


def search_response(items: list[dict], *, total: int, page: int = 1, size: int = 100) -> dict:
    """A JobSearchResponse page (maxErgebnisse, page and size are strings in the schema)."""
    return {"stellenangebote": items, "maxErgebnisse": str(total), "page": str(page), "size": str(size), "facetten": []}
