"""What an offer says in fixed terms, so every reader sees it in their own language: tasks, times, what to bring.

Each term has an English label (translated like every other string) and its German wording, which the
vacancy page uses to explain German words in the employer's own text.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkingTime(models.TextChoices):
    DAY = "day", _("Daytime")
    EARLY = "early", _("Early shift")
    LATE = "late", _("Late shift")
    NIGHT = "night", _("Night shift")
    WEEKEND = "weekend", _("Weekends")


class BringItem(models.TextChoices):
    ID = "id", _("Passport or ID card")
    RESIDENCE = "residence", _("Residence permit")
    CV = "cv", _("CV (Lebenslauf)")
    CERTIFICATES = "certificates", _("School or work certificates")
    SAFETY_SHOES = "safety_shoes", _("Safety shoes")
    WORK_CLOTHES = "work_clothes", _("Work clothes")
    HEALTH_CERTIFICATE = "health_certificate", _("Health certificate for food work")
    DRIVING_LICENCE = "driving_licence", _("Driving licence")


# Task code: (label in the reader's language, German wording). General tasks first, then by KldB field.
TASKS = {
    "team_work": (_("Work in a team"), "im Team arbeiten"),
    "follow_instructions": (_("Follow work instructions"), "Arbeitsanweisungen befolgen"),
    "clean_workplace": (_("Keep the workplace clean"), "Arbeitsplatz sauber halten"),
    "carry_goods": (_("Carry goods"), "Waren tragen"),
    "plant_harvest": (_("Plant and harvest"), "pflanzen und ernten"),
    "care_animals": (_("Look after animals"), "Tiere versorgen"),
    "operate_farm_machines": (_("Operate farm machines"), "Landmaschinen bedienen"),
    "care_plants": (_("Water and care for plants"), "Pflanzen gießen und pflegen"),
    "tie_flowers": (_("Tie flowers"), "Blumen binden"),
    "cut_wood": (_("Saw and cut wood"), "Holz sägen und zuschneiden"),
    "assemble_furniture": (_("Assemble furniture"), "Möbel montieren"),
    "operate_machines": (_("Operate machines"), "Maschinen bedienen"),
    "check_quality": (_("Check quality"), "Qualität prüfen"),
    "weld": (_("Weld"), "schweißen"),
    "drill_grind": (_("Drill and grind metal"), "Metall bohren und schleifen"),
    "repair_vehicles": (_("Repair vehicles"), "Fahrzeuge reparieren"),
    "change_tyres": (_("Change tyres"), "Reifen wechseln"),
    "install_cables": (_("Lay cables"), "Kabel verlegen"),
    "connect_electrics": (_("Connect electrical devices"), "Elektrogeräte anschließen"),
    "sew": (_("Sew"), "nähen"),
    "prepare_food": (_("Prepare food"), "Lebensmittel zubereiten"),
    "bake": (_("Bake bread and cakes"), "Brot und Kuchen backen"),
    "pack_food": (_("Pack food"), "Lebensmittel verpacken"),
    "lay_bricks": (_("Lay bricks"), "mauern"),
    "mix_concrete": (_("Mix concrete"), "Beton mischen"),
    "paint_walls": (_("Paint walls"), "Wände streichen"),
    "lay_tiles": (_("Lay tiles"), "Fliesen legen"),
    "install_pipes": (_("Install pipes"), "Rohre verlegen"),
    "install_heating": (_("Install heating systems"), "Heizungen einbauen"),
    "use_computer": (_("Work on the computer"), "am Computer arbeiten"),
    "help_it_users": (_("Help colleagues with IT problems"), "Kollegen bei IT-Problemen helfen"),
    "pick_orders": (_("Pick orders"), "Waren kommissionieren"),
    "load_unload": (_("Load and unload lorries"), "Lkw be- und entladen"),
    "scan_goods": (_("Scan goods"), "Waren scannen"),
    "drive_forklift": (_("Drive a forklift"), "Gabelstapler fahren"),
    "deliver_parcels": (_("Deliver parcels"), "Pakete zustellen"),
    "drive_bus": (_("Drive a bus"), "Bus fahren"),
    "guard_building": (_("Guard buildings"), "Gebäude bewachen"),
    "check_entrances": (_("Check entrances"), "Eingänge kontrollieren"),
    "clean_rooms": (_("Clean rooms"), "Räume reinigen"),
    "clean_windows": (_("Clean windows"), "Fenster putzen"),
    "use_cleaning_machines": (_("Use cleaning machines"), "Reinigungsmaschinen benutzen"),
    "stock_shelves": (_("Stock shelves"), "Regale einräumen"),
    "operate_till": (_("Operate a till"), "an der Kasse arbeiten"),
    "advise_customers": (_("Advise customers"), "Kunden beraten"),
    "serve_guests": (_("Serve guests"), "Gäste bedienen"),
    "cook": (_("Cook"), "kochen"),
    "wash_dishes": (_("Wash dishes"), "Geschirr spülen"),
    "clean_hotel_rooms": (_("Clean hotel rooms"), "Hotelzimmer reinigen"),
    "file_documents": (_("File documents"), "Dokumente ablegen"),
    "answer_phone": (_("Answer the phone"), "Telefonate annehmen"),
    "enter_data": (_("Enter data"), "Daten eingeben"),
    "care_patients": (_("Care for patients"), "Patienten pflegen"),
    "help_washing": (_("Help people wash and dress"), "beim Waschen und Anziehen helfen"),
    "hand_out_meals": (_("Hand out meals"), "Essen verteilen"),
    "cut_hair": (_("Cut hair"), "Haare schneiden"),
    "look_after_children": (_("Look after children"), "Kinder betreuen"),
    "support_elderly": (_("Support older people"), "ältere Menschen begleiten"),
    "explain_tasks": (_("Explain tasks to learners"), "Lernenden Aufgaben erklären"),
    "sell_products": (_("Sell products"), "Produkte verkaufen"),
    "make_crafts": (_("Make things by hand"), "von Hand fertigen"),
}
GENERAL_TASKS = ["team_work", "follow_instructions", "clean_workplace", "carry_goods"]
TASKS_BY_FIELD = {
    "11": ["plant_harvest", "care_animals", "operate_farm_machines"],
    "12": ["care_plants", "tie_flowers", "plant_harvest"],
    "21": ["operate_machines", "check_quality"],
    "22": ["cut_wood", "assemble_furniture", "operate_machines"],
    "23": ["operate_machines", "check_quality", "use_computer"],
    "24": ["weld", "drill_grind", "operate_machines"],
    "25": ["repair_vehicles", "change_tyres", "operate_machines"],
    "26": ["install_cables", "connect_electrics"],
    "27": ["operate_machines", "check_quality", "use_computer"],
    "28": ["sew", "operate_machines"],
    "29": ["prepare_food", "bake", "pack_food"],
    "31": ["use_computer", "enter_data"],
    "32": ["lay_bricks", "mix_concrete"],
    "33": ["paint_walls", "lay_tiles"],
    "34": ["install_pipes", "install_heating"],
    "41": ["check_quality", "use_computer"],
    "43": ["use_computer", "help_it_users"],
    "51": ["pick_orders", "load_unload", "scan_goods", "drive_forklift"],
    "52": ["deliver_parcels", "drive_bus", "load_unload"],
    "53": ["guard_building", "check_entrances"],
    "54": ["clean_rooms", "clean_windows", "use_cleaning_machines"],
    "61": ["advise_customers", "sell_products", "use_computer"],
    "62": ["stock_shelves", "operate_till", "advise_customers"],
    "63": ["serve_guests", "cook", "wash_dishes", "clean_hotel_rooms"],
    "71": ["file_documents", "answer_phone", "enter_data"],
    "72": ["enter_data", "use_computer"],
    "73": ["file_documents", "enter_data"],
    "81": ["care_patients", "help_washing", "hand_out_meals"],
    "82": ["cut_hair", "help_washing"],
    "83": ["look_after_children", "support_elderly", "hand_out_meals"],
    "84": ["explain_tasks"],
    "92": ["use_computer", "sell_products"],
    "93": ["make_crafts", "sell_products"],
}


def task_label(code: str) -> str:
    return str(TASKS[code][0]) if code in TASKS else ""


def task_choices(*, field_code: str | None = None) -> list:
    """The tasks an employer picks from: those of the occupation's field, then the general ones; all when unknown."""
    if field_code in TASKS_BY_FIELD:
        own = TASKS_BY_FIELD[field_code]
        codes = [*own, *(code for code in GENERAL_TASKS if code not in own)]
    else:
        codes = list(TASKS)
    return [(code, TASKS[code][0]) for code in codes]
