"""The five coordinator regions of the demo: two cities, three rural districts."""

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
