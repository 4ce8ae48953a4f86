"""Fixed facts for the synthetic national data set: regions, municipalities, names, topics.

The 98 municipalities are the real ones, grouped by their real region, with rounded
populations (thousands, 2024) that only steer how many consultants each one gets. Everything
about people and partners is invented from the word lists below.
"""

from __future__ import annotations

# Region id -> (name, [(municipality name, population in thousands), ...]).
REGIONS: dict[str, tuple[str, list[tuple[str, float]]]] = {
    "hovedstaden": ("Region Hovedstaden", [
        ("Albertslund", 28), ("Allerød", 26), ("Ballerup", 52), ("Bornholm", 39), ("Brøndby", 39),
        ("Dragør", 14), ("Egedal", 44), ("Fredensborg", 41), ("Frederiksberg", 105),
        ("Frederikssund", 46), ("Furesø", 41), ("Gentofte", 75), ("Gladsaxe", 70), ("Glostrup", 24),
        ("Gribskov", 42), ("Halsnæs", 32), ("Helsingør", 63), ("Herlev", 30), ("Hillerød", 53),
        ("Hvidovre", 55), ("Høje-Taastrup", 56), ("Hørsholm", 25), ("Ishøj", 24), ("København", 660),
        ("Lyngby-Taarbæk", 56), ("Rudersdal", 57), ("Rødovre", 41), ("Tårnby", 44), ("Vallensbæk", 17),
    ]),
    "sjaelland": ("Region Sjælland", [
        ("Faxe", 38), ("Greve", 51), ("Guldborgsund", 60), ("Holbæk", 73), ("Kalundborg", 49),
        ("Køge", 63), ("Lejre", 29), ("Lolland", 40), ("Næstved", 84), ("Odsherred", 33),
        ("Ringsted", 36), ("Roskilde", 91), ("Slagelse", 80), ("Solrød", 24), ("Sorø", 30),
        ("Stevns", 24), ("Vordingborg", 46),
    ]),
    "syddanmark": ("Region Syddanmark", [
        ("Aabenraa", 59), ("Assens", 41), ("Billund", 27), ("Esbjerg", 115), ("Faaborg-Midtfyn", 52),
        ("Fanø", 3.5), ("Fredericia", 52), ("Haderslev", 55), ("Kerteminde", 24), ("Kolding", 95),
        ("Langeland", 12), ("Middelfart", 39), ("Nordfyns", 30), ("Nyborg", 32), ("Odense", 208),
        ("Svendborg", 59), ("Sønderborg", 74), ("Tønder", 37), ("Varde", 50), ("Vejen", 43),
        ("Vejle", 121), ("Ærø", 6),
    ]),
    "midtjylland": ("Region Midtjylland", [
        ("Aarhus", 367), ("Favrskov", 50), ("Hedensted", 48), ("Herning", 90), ("Holstebro", 59),
        ("Horsens", 97), ("Ikast-Brande", 42), ("Lemvig", 19), ("Norddjurs", 37), ("Odder", 23),
        ("Randers", 99), ("Ringkøbing-Skjern", 56), ("Samsø", 3.7), ("Silkeborg", 100),
        ("Skanderborg", 64), ("Skive", 46), ("Struer", 21), ("Syddjurs", 43), ("Viborg", 97),
    ]),
    "nordjylland": ("Region Nordjylland", [
        ("Aalborg", 223), ("Brønderslev", 36), ("Frederikshavn", 59), ("Hjørring", 64),
        ("Jammerbugt", 38), ("Læsø", 1.8), ("Mariagerfjord", 42), ("Morsø", 20), ("Rebild", 30),
        ("Thisted", 43), ("Vesthimmerlands", 36),
    ]),
}

GIVEN_NAMES = [
    "Anne", "Mette", "Hanne", "Louise", "Camilla", "Sara", "Maria", "Julie", "Ida", "Emma",
    "Sofie", "Line", "Katrine", "Pernille", "Helle", "Trine", "Marianne", "Susanne", "Lene", "Birgitte",
    "Agnieszka", "Fatima", "Leyla", "Ingrid", "Astrid", "Freja", "Malene", "Tina", "Rikke", "Dorthe",
    "Peter", "Jens", "Lars", "Søren", "Anders", "Mikkel", "Jesper", "Thomas", "Morten", "Henrik",
    "Martin", "Rasmus", "Jakob", "Kasper", "Mads", "Niels", "Ole", "Bo", "Kim", "Jan",
    "Ahmad", "Omar", "Tomasz", "Erik", "Christian", "Frederik", "Emil", "Jonas", "Simon", "Torben",
]

FAMILY_NAMES = [
    "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen",
    "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Frederiksen",
    "Holm", "Lund", "Bach", "Brandt", "Kjær", "Dahl", "Skov", "Bjerre", "Vestergaard", "Østergaard",
    "Nowak", "Kowalski", "Yilmaz", "Hassan", "Ali", "Berg", "Friis", "Juhl", "Krogh", "Winther",
]

TITLES = ["Virksomhedskonsulent", "Erhvervskonsulent", "Rekrutteringskonsulent",
          "Fastholdelseskonsulent", "Uddannelseskonsulent", "Erhvervsudviklingskonsulent",
          "Jobkonsulent", "Seniorkonsulent"]

LANGUAGES = ["engelsk", "tysk", "polsk", "arabisk", "tyrkisk", "ukrainsk", "svensk", "fransk",
             "spansk", "rumænsk"]

# (id, title, summary). The first eleven are the default alliance's topics; all thirty are used.
TOPICS: list[tuple[str, str, str]] = [
    ("rekruttering", "Rekruttering", "Find, tiltræk og ansæt de rette medarbejdere."),
    ("fastholdelse", "Fastholdelse", "Behold de medarbejdere, I har, også når livet ændrer sig."),
    ("sygefravaer", "Sygefravær", "Hjælp, når en medarbejder er syg, og vejen tilbage til arbejdet."),
    ("opkvalificering", "Opkvalificering", "Efter- og videreuddannelse af jeres medarbejdere."),
    ("elever-og-laerlinge", "Elever og lærlinge", "Tag en elev eller lærling, og uddan jeres egne faglærte."),
    ("studerende", "Studerende", "Studiejob, projekter og specialer med studerende."),
    ("praktikanter", "Praktikanter", "Virksomhedspraktik som vej til en ansættelse."),
    ("international-arbejdskraft", "International arbejdskraft", "Ansæt medarbejdere fra udlandet."),
    ("delejob", "Delejob", "Del en medarbejder med en anden virksomhed."),
    ("inklusion", "Inklusion", "Ansæt personer med nedsat arbejdsevne, fx i fleksjob."),
    ("ledige-opkvalificering", "Opkvalificering af ledige", "Korte kurser, der gør ledige klar til jeres job."),
    ("seniorer", "Seniorer", "Ansæt og behold erfarne medarbejdere."),
    ("groen-omstilling", "Grøn omstilling", "Kompetencer til en grønnere produktion."),
    ("digitalisering", "Digitalisering", "Nye digitale værktøjer og de kompetencer, de kræver."),
    ("generationsskifte", "Generationsskifte", "Overdrag virksomheden til en ny ejer."),
    ("ivaerksaetteri", "Iværksætteri", "Hjælp til at starte og drive en ny virksomhed."),
    ("eksport", "Eksport", "Kompetencer og medarbejdere til nye markeder."),
    ("arbejdsmiljoe", "Arbejdsmiljø", "Et sundt arbejdsmiljø, der holder på medarbejderne."),
    ("ledelse", "Ledelse", "Ledere, der kan rekruttere, udvikle og fastholde."),
    ("loentilskud", "Løntilskud", "Ansættelse med løntilskud som vej ind på arbejdspladsen."),
    ("virksomhedspraktik", "Virksomhedspraktik", "Lær en kandidat at kende i en praktikperiode."),
    ("jobrotation", "Jobrotation", "Send medarbejdere på kursus, og få en vikar imens."),
    ("voksenlaerlinge", "Voksenlærlinge", "Uddan voksne medarbejdere til faglærte."),
    ("dansk-paa-arbejdspladsen", "Dansk på arbejdspladsen", "Danskundervisning for udenlandske medarbejdere."),
    ("saesonarbejde", "Sæsonarbejde", "Ekstra hænder i travle perioder."),
    ("fleksjob", "Fleksjob", "Ansæt en medarbejder med nedsat arbejdsevne i fleksjob."),
    ("socialoekonomi", "Socialøkonomi", "Samarbejde med socialøkonomiske virksomheder."),
    ("kompetenceafklaring", "Kompetenceafklaring", "Find ud af, hvad medarbejderne kan, og hvad de mangler."),
    ("sociale-klausuler", "Sociale klausuler", "Uddannelses- og beskæftigelseskrav i offentlige udbud."),
    ("mentorordninger", "Mentorordninger", "En mentor, der hjælper en ny medarbejder godt i gang."),
]

BODY_PARAGRAPHS = [
    "Mange virksomheder oplever, at det tager længere tid at finde de rette folk, og små "
    "virksomheder har sjældent en HR-afdeling, der kan holde styr på ordninger og aktører.",
    "Konsulenterne kender de lokale muligheder og sætter jer i forbindelse med jobcentret, "
    "uddannelsesinstitutionerne og de faglige organisationer, når det giver mening.",
    "Vejledningen er gratis, uvildig og fortrolig. Vi sælger ikke noget og anbefaler ikke "
    "bestemte leverandører; vi lytter til jeres behov og finder den løsning, der passer.",
    "Satser, beløbsgrænser og betingelser ændres løbende, så vi henviser altid til "
    "myndighedernes egne sider, når det kommer til detaljerne.",
]

HELP_ITEMS = [
    "**Afklaring af behovet**: hvilke opgaver skal løses, og hvilke kompetencer er afgørende?",
    "**Ordninger og støtte**: hvilke offentlige ordninger passer til jeres situation?",
    "**Kontakt til netværket**: jobcentre, a-kasser, skoler og private aktører.",
    "**Opfølgning**: vi følger op, når den nye medarbejder er startet.",
]

# Partner kinds: (type, share of the non-jobcentre partners, name patterns).
PARTNER_KINDS: list[tuple[str, int, list[str]]] = [
    ("uddannelsesinstitution", 90, ["{place} Erhvervsskole", "{place} Gymnasium og HF",
                                     "VUC {place}", "Professionshøjskolen {region}"]),
    ("rekrutteringsbureau", 80, ["{word} Rekruttering {place}", "{word} Bemanding", "{place} Jobformidling"]),
    ("fagforening", 50, ["{word} Fagforbund", "Fagforeningen {word}", "{word}fagligt Forbund"]),
    ("erhvervsorganisation", 70, ["Erhvervsforeningen {place}", "{place} Handelsstandsforening",
                                   "Erhvervsråd {region}"]),
    ("a-kasse", 40, ["{word} A-kasse", "A-kassen {word}"]),
    ("offentligt-program", 40, ["Program for {word} Kompetencer", "{word} Kompetenceløft",
                                 "Indsatsen {word} Job"]),
    ("andet", 32, ["{word} Netværk {place}", "Foreningen {word} Hænder"]),
]

PARTNER_WORDS = ["Nord", "Syd", "Øst", "Vest", "Grøn", "Blå", "Fælles", "Ny", "Stærk", "Klar",
                 "Aktiv", "Lokal", "Dansk", "Faglig", "Moderne", "Tryg", "Åben", "Solid", "Ung",
                 "Erfaren", "Fri", "Kreativ", "Teknisk", "Social", "Maritim", "Digital", "Sund",
                 "Bygge", "Handels", "Kyst"]

PARTNER_DESCRIPTIONS = {
    "jobcenter": "Kommunens jobcenter hjælper virksomheder med rekruttering, praktik, løntilskud og fastholdelse.",
    "uddannelsesinstitution": "Uddanner elever, lærlinge og voksne og skræddersyr kurser til virksomheder.",
    "rekrutteringsbureau": "Privat bureau, der finder kandidater til faste stillinger og vikariater.",
    "fagforening": "Faglig organisation, der rådgiver om overenskomster, løn og arbejdsvilkår.",
    "erhvervsorganisation": "Samler lokale virksomheder om netværk, rådgivning og fælles rekruttering.",
    "a-kasse": "Formidler ledige medlemmer til virksomheder og hjælper med jobopslag.",
    "offentligt-program": "Offentligt støttet indsats, der finansierer forløb for virksomheder og ledige.",
    "andet": "Forening eller netværk, der bygger bro mellem virksomheder og nye medarbejdere.",
}

# The employer's journey: words employers search for (the classic topics; the others use their
# title), what happens when they call, what to have ready, and towns made from a municipality's name.
TOPIC_WORDS: dict[str, list[str]] = {
    "rekruttering": ["ansætte", "jobopslag", "mangler folk", "kandidater"],
    "fastholdelse": ["beholde medarbejdere", "opsigelse", "trivsel"],
    "sygefravaer": ["sygemelding", "sygemeldt", "delvis raskmelding", "§ 56-aftale"],
    "opkvalificering": ["efteruddannelse", "kursus", "AMU-kursus"],
    "elever-og-laerlinge": ["lærling", "elevplads", "praktikplads", "uddannelsesaftale"],
    "studerende": ["studiejob", "studentermedhjælper", "dimittend"],
    "praktikanter": ["praktikant", "virksomhedspraktik", "løntilskud"],
    "international-arbejdskraft": ["udenlandsk arbejdskraft", "arbejdstilladelse", "Positivlisten"],
    "delejob": ["deltid", "dele en medarbejder"],
    "inklusion": ["fleksjob", "handicap", "mentor"],
    "ledige-opkvalificering": ["ledig", "jobrettet kursus"],
}
STEP_SENTENCES = [
    "I fortæller konsulenten om jeres behov i en kort samtale.",
    "Konsulenten foreslår de ordninger og samarbejdspartnere, der passer til jer.",
    "Konsulenten sætter jer i kontakt med jobcenter, uddannelse eller organisation.",
    "Konsulenten følger op efter et par uger og hører, hvordan det går.",
    "Sammen lægger I en plan med få, konkrete skridt.",
]
PREPARE_SENTENCES = [
    "En kort beskrivelse af opgaverne.",
    "Hvor mange medarbejdere det drejer sig om.",
    "Hvornår I har brug for hjælpen.",
    "Hvad I allerede har prøvet.",
]
TOWN_PREFIXES = ["Nørre", "Søndre", "Vester", "Øster", "Store", "Lille"]
