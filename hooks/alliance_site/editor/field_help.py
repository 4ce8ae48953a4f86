"""What editors read about each data file and field: a Danish label and a hint.

One source for both helpers built from the model: the JSON Schemas in schema/ (hover text in
VS Code) and the web editor's form at /admin/ (label above each field, hint below it). The
guidance that used to sit in comments in the YAML files lives here, since the web editor
rewrites a file without its comments. tests/test_cms.py fails when a model field has no label
or no hint.
"""

from __future__ import annotations

# Per data file (key as in loading.DATA_FILES): the name in the editor's menu and what it holds.
FILE_LABELS = {
    "alliance": "Alliancen",
    "municipalities": "Kommuner og konsulenter",
    "partners": "Partnere",
    "topics": "Emner",
    "members": "Medlemmer",
    "efforts": "Indsatser",
    "events": "Arrangementer",
    "news": "Nyheder",
}
FILE_HELP = {
    "alliance": "Fakta om alliancen: navn, tekst på forsiden, kontakt og eventuelle klynger.",
    "municipalities": "Kommunerne i alliancen, deres erhvervsservice og konsulenter.",
    "partners": "Aktørerne i netværket: jobcentre, uddannelser, bureauer, organisationer m.fl. "
                "Angiv kun kontaktoplysninger, der står i offentlige kilder; ellers henvises til hjemmesiden.",
    "topics": "Emnerne, som konsulenterne og partnerne hjælper med. Hvert emne får sin egen side. "
              "Skriv generelt: satser og beløbsgrænser ændres, så henvis til myndighedernes egne sider.",
    "members": "Valgfri: medlemmer, der ikke er kommuner (fx en erhvervsorganisation), med egne konsulenter.",
    "efforts": "Valgfri: alliancens indsatser med mål, parter og årlige statusrapporter.",
    "events": "Valgfri: arrangementer med dato, sted og beskrivelse. Hvert arrangement får en kalenderfil.",
    "news": "Nyheder til virksomhederne, én fil pr. nyhed i data/nyheder/, navngivet efter nyhedens id. "
            "Nyheden vises fra sin dato på forsiden, på /nyheder/ og i feedet; skriv dagens dato, når den skal ud.",
}

# Labels by field name, the same in every model unless LABEL_OVERRIDES says otherwise.
LABELS = {
    "id": "Id", "name": "Navn", "title": "Titel", "tagline": "Undertitel", "description": "Beskrivelse",
    "run_by": "Drives af", "funding": "Finansiering", "founded": "Stiftet (årstal)", "contact": "Kontakt",
    "clusters": "Klynger", "phone": "Telefon", "email": "E-mail", "website": "Hjemmeside",
    "address": "Adresse", "photo": "Foto", "topics": "Emner", "languages": "Sprog",
    "reviewed": "Senest kontrolleret", "cluster": "Klynge", "business_service": "Erhvervsservice",
    "consultants": "Konsulenter", "type": "Slags aktør", "all_municipalities": "Dækker alle kommuner",
    "municipalities": "Kommuner", "summary": "Kort resumé", "order": "Rækkefølge", "body": "Tekst",
    "kind": "Slags organisation", "year": "År", "goals": "Mål", "parties": "Parter",
    "reports": "Statusrapporter", "date": "Dato", "time": "Tidspunkt", "place": "Sted",
    "link": "Link til mere om arrangementet", "registration": "Tilmelding (link eller e-mail)",
    "registration_deadline": "Tilmeldingsfrist", "street": "Vej og husnummer", "postcode": "Postnummer",
    "town": "By", "partners": "Partnere", "members": "Medlemmer", "efforts": "Indsatser",
    "events": "Arrangementer", "file": "Billedfil", "alt": "Tekst til skærmlæsere (alt-tekst)",
    "image": "Billede", "logo": "Logo", "brand_colour": "Alliancens farve",
    "brand_colour_dark": "Farve til links i mørkt tema", "end_date": "Slutdato", "updated": "Senest ændret",
    "opening_hours": "Telefontid", "response_time": "Svartid på e-mail", "booking": "Link til at booke et møde",
    "towns": "Byer", "postcodes": "Postnumre", "need": "Behovet med virksomhedens ord",
    "words": "Søgeord (virksomhedens ord)", "steps": "Det sker, når I ringer", "prepare": "Det skal I have klar",
    "question": "Opfølgende spørgsmål", "questions": "Opfølgende spørgsmål i guiden", "text": "Tekst",
    "hint": "Hjælpetekst", "answers": "Svar", "topic": "Fører til emnet",
    "demo": "Eksempelsite",
}
LABEL_OVERRIDES = {
    ("Consultant", "title"): "Stilling",
    ("Municipality", "name"): "Kommunens navn",
    ("Municipality", "consultants"): "Kommunens konsulenter",
    ("Member", "municipalities"): "Kommuner, som medlemmets konsulenter dækker",
    ("Topic", "title"): "Overskrift",
    ("Effort", "title"): "Indsatsens navn",
    ("StatusReport", "body"): "Status",
    ("Question", "text"): "Spørgsmålet",
    ("Answer", "text"): "Svaret",
    ("Answer", "question"): "Fører til spørgsmålet",
}
# What one entry of a list is called, for "Tilføj ..." buttons.
SINGULAR = {
    "Cluster": "klynge", "Consultant": "konsulent", "Municipality": "kommune", "Partner": "partner",
    "Topic": "emne", "Member": "medlem", "StatusReport": "statusrapport", "Effort": "indsats",
    "Event": "arrangement", "NewsItem": "nyhed", "Question": "spørgsmål", "Answer": "svar",
}

REVIEWED = "Dato for seneste kontrol af oplysningerne, skrevet ÅÅÅÅ-MM-DD, fx 2026-01-31."
ID = "Fast id: små bogstaver a-z, tal og bindestreger (æ→ae, ø→oe, å→aa). Bruges i adresser; ændr det ikke."
PHONE = ("Otte cifre, fx +45 12 34 56 78; mellemrum er valgfri. "
         "Et udenlandsk nummer skrives med + og landekode.")
URL = "Hele adressen; skal starte med https://."
MARKDOWN = "Markdown: **fed**, [link](https://...), - punkter. HTML og billeder er ikke tilladt."
OPENING_HOURS = "Hvornår telefonen tages (valgfri), fx 'Man-tors 8-15, fre 8-13'; vises ved telefonnummeret."
RESPONSE_TIME = "Hvor hurtigt e-mails besvares (valgfri), fx 'Vi svarer inden for to hverdage'; vises ved e-mailen."
BOOKING = "Valgfri adresse, hvor virksomheder selv kan booke et møde. " + URL
SERVES_ALL = "Sæt flueben, hvis de er der for virksomheder i hele alliancen; ellers vælg kommunerne nedenfor."
FIELD_HELP: dict[str, dict[str, str]] = {
    "AllianceFile": {
        "name": "Alliancens navn, fx ArbejdskraftAlliancen.",
        "tagline": "Én sætning under navnet på forsiden (højst 160 tegn).",
        "description": "Forsidens tekst. " + MARKDOWN,
        "run_by": "Hvem driver alliancen, fx et sekretariat.",
        "funding": "Hvem finansierer alliancen (valgfri, højst 400 tegn).",
        "founded": "Årstal for stiftelsen (valgfri), fx 2018.",
        "contact": "Alliancens fælles kontaktoplysninger.",
        "clusters": "Valgfri regionale klynger af kommuner.",
        "logo": "Valgfrit logo (.svg eller .png, højst 100 KB) i sidehovedet, som ikon i browserfanen og ved "
                "deling på sociale medier. Filen lægges i data/.",
        "brand_colour": "Valgfri farve til sidehovedet og links, skrevet #rrggbb, fx #0b5a6b. Den skal give "
                        "kontrast 4,5:1 til hvid tekst; ellers siger tjekket, hvilken kontrast den giver.",
        "brand_colour_dark": "Valgfri lysere farve til links i det mørke tema (#rrggbb). Uden den bruges "
                             "alliancens farve blandet med hvid.",
        "demo": "Kun for et site med eksempeldata: hver side siger da, at det er et eksempel, og sitet må "
                "offentliggøres med eksempeladresser og opdigtede telefonnumre.",
    },
    "Image": {
        "file": "Billedfilen under data/, fx nyheder/billeder/moede.jpg (.jpg, .png eller .webp, højst 1 MB; et "
                "logo .svg eller .png, højst 100 KB).",
        "alt": "Hvad billedet viser, til dem der ikke kan se det, fx 'Konsulenterne fra de otte kommuner'. "
               "Skal altid udfyldes.",
    },
    "Contact": {
        "name": "Navn på kontakten.", "phone": PHONE, "email": "E-mail, fx navn@kommune.dk.",
        "website": URL, "address": "Postadresse på én linje.", "opening_hours": OPENING_HOURS,
        "response_time": RESPONSE_TIME,
    },
    "Cluster": {"id": ID, "name": "Klyngens navn, fx Sydsjælland.", "description": "Kort beskrivelse (valgfri)."},
    "BusinessService": {
        "name": "Erhvervsservicens navn, fx Næstved Erhverv. Kontrollér navn og hjemmeside.", "website": URL,
        "phone": "Fælles telefon, som virksomheder kan ringe til, når ingen konsulent dækker deres behov. " + PHONE,
        "email": "Fælles e-mail.", "address": "Adresse på én linje.", "opening_hours": OPENING_HOURS,
        "response_time": RESPONSE_TIME, "booking": BOOKING,
    },
    "Consultant": {
        "id": ID + " Fx fornavn-efternavn-kommune.", "name": "Fulde navn.", "title": "Stilling, fx Virksomhedskonsulent.",
        "phone": "Direkte telefon. " + PHONE, "email": "Arbejdsmail, fx navn@kommune.dk.",
        "photo": "Valgfrit portrætfoto (.jpg, .png eller .webp, højst 1 MB). Det gemmes i data/fotos/.",
        "topics": "Emnerne, konsulenten rådgiver om; mindst ét.",
        "languages": "Sprog, konsulenten rådgiver på, fx dansk, engelsk.", "reviewed": REVIEWED,
        "booking": BOOKING,
    },
    "Municipality": {
        "id": ID + " Fx naestved.", "name": "Kommunens navn uden 'Kommune', fx Næstved.",
        "cluster": "Klyngen, kommunen hører til (valgfri); klyngerne står under Alliancen.",
        "business_service": "Organisationen, der varetager kommunens erhvervsservice.",
        "consultants": "Kommunens konsulenter.",
        "towns": "Kommunens større byer, én pr. linje, fx Haslev. En virksomhed, der søger på sin by, finder "
                 "kommunen, og guiden finder kommunen ud fra byen.",
        "postcodes": "Postnumre i kommunen, fire cifre, fx 4690. Et postnummer, der dækker flere kommuner, "
                     "skrives hos dem alle; så spørger guiden virksomheden.",
    },
    "Partner": {
        "id": ID, "name": "Organisationens navn.", "type": "Slags aktør; vælg fra listen.",
        "description": "Hvad de kan hjælpe virksomheder med (højst 400 tegn).",
        "website": URL, "all_municipalities": SERVES_ALL,
        "municipalities": "Kommunerne, partneren er der for, hvis ikke alle.",
        "topics": "Emnerne, partneren hjælper med.",
        "contact": "Valgfri kontaktoplysninger; kun oplysninger fra offentlige kilder.",
        "reviewed": REVIEWED,
    },
    "Topic": {
        "id": ID + " Indgår i adressen: /emner/id/.", "title": "Overskrift på emnets side.",
        "summary": "Én sætning til oversigter (højst 160 tegn).", "order": "Rækkefølge i oversigten: 1, 2, 3 ...",
        "body": "Emnets tekst. " + MARKDOWN,
        "need": "Behovet, som en virksomhed ville sige det, fx 'Vi mangler medarbejdere'. Det er svaret i guidens "
                "første spørgsmål; uden det bruges overskriften.",
        "words": "Ord, virksomheder søger efter, når de har brug for emnet, én pr. linje, fx sygemelding, "
                 "lærling. Søgningen finder emnets side på dem.",
        "steps": "Det sker, når virksomheden ringer: 2-4 korte trin, én sætning pr. punkt.",
        "prepare": "Det skal virksomheden have klar, før den ringer, én sætning pr. punkt.",
        "question": "Valgfrit opfølgende spørgsmål, som guiden stiller efter dette behov; vælg blandt spørgsmålene "
                    "nederst i Emner.",
    },
    "Question": {
        "id": ID, "text": "Spørgsmålet, som guiden stiller, fx 'Er medarbejderen sygemeldt nu?'.",
        "hint": "Valgfri forklaring under spørgsmålet (højst 160 tegn).",
        "answers": "Mindst to svar. Hvert svar fører enten til et emne eller til et nyt spørgsmål.",
    },
    "Answer": {
        "text": "Svaret, som virksomheden vælger, fx 'Ja'.",
        "topic": "Emnet, svaret fører til (resultatsiden). Udfyld dette eller 'Fører til spørgsmålet', ikke begge.",
        "question": "Id på spørgsmålet, svaret fører til. Udfyld dette eller 'Fører til emnet', ikke begge.",
    },
    "Member": {
        "id": ID, "name": "Organisationens navn.", "kind": "Slags organisation, fx Erhvervsorganisation.",
        "description": "Kort beskrivelse (højst 400 tegn).", "website": URL,
        "phone": PHONE, "email": "Fælles e-mail.", "address": "Adresse på én linje.",
        "all_municipalities": SERVES_ALL,
        "municipalities": "Kommunerne, medlemmets konsulenter dækker, hvis ikke alle.",
        "consultants": "Medlemmets konsulenter; samme felter som kommunernes.",
    },
    "Effort": {
        "id": ID, "title": "Indsatsens navn.", "summary": "Én sætning (højst 160 tegn).",
        "order": "Rækkefølge i oversigten: 1, 2, 3 ...", "goals": "Mål, én sætning pr. punkt (højst 300 tegn).",
        "parties": "Id'er på kommuner, medlemmer eller partnere bag indsatsen, fx naestved.",
        "topics": "Emnerne, indsatsen handler om.", "body": "Uddybende tekst (valgfri). " + MARKDOWN,
        "reports": "Årlige statusrapporter.",
    },
    "StatusReport": {"year": "Årstal, fx 2026.", "body": "Status. " + MARKDOWN},
    "Event": {
        "id": ID, "title": "Arrangementets titel.", "date": "Dato, ÅÅÅÅ-MM-DD.",
        "time": "Start og slut, fx 9.00-12.00 (dansk tid); uden tidspunkt varer arrangementet hele dagen.",
        "place": "Stedets navn, fx Holbæk Bibliotek, eller byen.", "description": "Beskrivelse. " + MARKDOWN,
        "link": "Link til en side med mere om arrangementet (valgfri). " + URL,
        "address": "Adressen, så deltagerne kan finde vej (valgfri); siden linker til den på et kort.",
        "registration": "Hvor man tilmelder sig (valgfri): et link, der begynder med https://, eller en "
                        "e-mailadresse. Vises som knappen »Tilmeld dig«.",
        "registration_deadline": "Sidste dag for tilmelding (valgfri), ÅÅÅÅ-MM-DD; derefter står der, at "
                                 "tilmeldingen er lukket.",
        "end_date": "Sidste dag for et arrangement over flere dage (valgfri), ÅÅÅÅ-MM-DD.",
        "topics": "Emnerne, arrangementet handler om; det vises på emnernes sider.",
        "municipalities": "Kommunerne, arrangementet er for; det vises på kommunernes sider.",
        "updated": "Datoen, hvor dato, tid eller sted sidst blev ændret (ÅÅÅÅ-MM-DD), så kalendere, der "
                   "abonnerer, henter ændringen.",
    },
    "Address": {"street": "Vej og husnummer, fx Klostergade 15.", "postcode": "Postnummer, fire cifre, fx 4300.",
                "town": "By, fx Holbæk."},
    "NewsItem": {
        "id": ID + " Indgår i adressen (/nyheder/id/) og i filens navn.", "title": "Nyhedens overskrift.",
        "date": "Udgivelsesdato, ÅÅÅÅ-MM-DD; ikke en dato i fremtiden.",
        "updated": "Datoen, hvor nyheden sidst blev rettet (valgfri), ÅÅÅÅ-MM-DD.",
        "summary": "Én sætning til forsiden, oversigten og feedet (højst 160 tegn).",
        "body": "Nyhedens tekst. " + MARKDOWN,
        "topics": "Emnerne, nyheden handler om; den vises på emnernes sider og i deres feeds.",
        "municipalities": "Kommunerne, nyheden handler om; den vises på kommunernes sider.",
        "image": "Valgfrit billede med alt-tekst.",
    },
    "MembersFile": {"members": "Ét punkt pr. medlem."},
    "EffortsFile": {"efforts": "Ét punkt pr. indsats."},
    "EventsFile": {"events": "Ét punkt pr. arrangement."},
    "MunicipalitiesFile": {"municipalities": "Ét punkt pr. kommune."},
    "PartnersFile": {"partners": "Ét punkt pr. partner."},
    "TopicsFile": {"topics": "Ét punkt pr. emne.",
                   "questions": "Valgfri opfølgende spørgsmål, som guiden stiller efter et behov; et emne "
                                "peger på sit spørgsmål under 'Opfølgende spørgsmål'."},
}


def label(model_name: str, field: str) -> str:
    """The Danish label of a field, as the form shows it."""
    return LABEL_OVERRIDES.get((model_name, field)) or LABELS[field]
