"""Synthetic world news for the benchmarks: events, outlets, and the articles outlets write about them.

Deterministic for a seed. An *event* (a strike, a summit, a rate decision, a flood...) names countries, their
leaders, a place and figures; several outlets write about it in their own words (so story clustering and the
relations table have real work), a few syndicate another outlet's text with a credit line (near-duplicates) or
carry the same wire link (canonical-link duplicates). Used by bench/feed_server.py (RSS over HTTP) and
bench/analyze.py (ParsedEntry straight into the pipeline).
"""

from __future__ import annotations

import hashlib
import itertools
import random
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape

# code, name, demonym, capital, leaders (full names the gazetteer knows), places
COUNTRIES: dict[str, tuple[str, str, str, tuple[str, ...], tuple[str, ...]]] = {
    "US": ("the United States", "American", "Washington", ("Donald Trump", "Marco Rubio", "Pete Hegseth"),
           ("Texas", "Guam", "Alaska")),
    "RU": ("Russia", "Russian", "Moscow", ("Vladimir Putin", "Sergei Lavrov", "Dmitry Peskov"),
           ("Belgorod", "Kursk", "Bryansk", "Rostov-on-Don")),
    "UA": ("Ukraine", "Ukrainian", "Kyiv", ("Volodymyr Zelensky", "Andrii Sybiha", "Yulia Svyrydenko"),
           ("Kharkiv", "Zaporizhzhia", "Odesa", "Dnipro", "Pokrovsk", "Sumy")),
    "CN": ("China", "Chinese", "Beijing", ("Xi Jinping", "Wang Yi", "Li Qiang"), ("Shanghai", "Fujian", "Guangdong")),
    "GB": ("Britain", "British", "London", ("Keir Starmer", "Yvette Cooper"), ("Manchester", "Downing Street")),
    "FR": ("France", "French", "Paris", ("Emmanuel Macron", "Jean-Noël Barrot"), ("Marseille", "Lyon")),
    "DE": ("Germany", "German", "Berlin", ("Friedrich Merz", "Boris Pistorius", "Johann Wadephul"),
           ("Hamburg", "Munich")),
    "IT": ("Italy", "Italian", "Rome", ("Giorgia Meloni", "Antonio Tajani"), ("Milan", "Lampedusa")),
    "JP": ("Japan", "Japanese", "Tokyo", ("Sanae Takaichi", "Toshimitsu Motegi"), ("Okinawa", "Osaka")),
    "IN": ("India", "Indian", "New Delhi", ("Narendra Modi", "Subrahmanyam Jaishankar"),
           ("Mumbai", "Kashmir", "Punjab")),
    "PK": ("Pakistan", "Pakistani", "Islamabad", ("Shehbaz Sharif", "Asim Munir", "Ishaq Dar"),
           ("Lahore", "Karachi", "Balochistan")),
    "IR": ("Iran", "Iranian", "Tehran", ("Masoud Pezeshkian", "Abbas Araghchi", "Ali Khamenei"),
           ("Isfahan", "Natanz", "Bandar Abbas")),
    "IL": ("Israel", "Israeli", "Jerusalem", ("Benjamin Netanyahu", "Israel Katz", "Gideon Sa'ar"),
           ("Haifa", "Tel Aviv", "the Golan Heights")),
    "PS": ("Gaza", "Palestinian", "Ramallah", ("Mahmoud Abbas", "Mohammad Mustafa"),
           ("Khan Younis", "Rafah", "Jenin", "Gaza City")),
    "LB": ("Lebanon", "Lebanese", "Beirut", ("Joseph Aoun", "Nawaf Salam"), ("Nabatieh", "Tyre", "Sidon")),
    "SY": ("Syria", "Syrian", "Damascus", ("Ahmed al-Sharaa", "Asaad al-Shaibani"), ("Aleppo", "Idlib", "Deir ez-Zor")),
    "TR": ("Turkey", "Turkish", "Ankara", ("Recep Tayyip Erdoğan", "Hakan Fidan"), ("Istanbul", "Gaziantep")),
    "SA": ("Saudi Arabia", "Saudi", "Riyadh", ("Mohammed bin Salman", "Faisal bin Farhan"), ("Jeddah", "Dhahran")),
    "AE": ("the United Arab Emirates", "Emirati", "Abu Dhabi", ("Mohamed bin Zayed", "Abdullah bin Zayed"),
           ("Dubai",)),
    "QA": ("Qatar", "Qatari", "Doha", ("Tamim bin Hamad Al Thani",), ("Lusail",)),
    "EG": ("Egypt", "Egyptian", "Cairo", ("Abdel Fattah el-Sisi", "Badr Abdelatty"), ("Sinai", "Alexandria")),
    "IQ": ("Iraq", "Iraqi", "Baghdad", ("Mohammed Shia al-Sudani", "Fuad Hussein"), ("Basra", "Mosul", "Erbil")),
    "YE": ("Yemen", "Yemeni", "Sanaa", ("Rashad al-Alimi",), ("Hodeidah", "Aden", "Marib")),
    "KP": ("North Korea", "North Korean", "Pyongyang", ("Kim Jong Un", "Choe Son Hui"), ("Sinpo", "Yongbyon")),
    "KR": ("South Korea", "South Korean", "Seoul", ("Lee Jae-myung", "Cho Hyun"), ("Busan", "Incheon")),
    "TW": ("Taiwan", "Taiwanese", "Taipei", ("Lai Ching-te", "Lin Chia-lung"), ("Kinmen", "Kaohsiung")),
    "PH": ("the Philippines", "Philippine", "Manila", ("Ferdinand Marcos Jr.", "Theresa Lazaro"),
           ("Second Thomas Shoal", "Palawan")),
    "VN": ("Vietnam", "Vietnamese", "Hanoi", ("To Lam", "Pham Minh Chinh"), ("Ho Chi Minh City", "Da Nang")),
    "ID": ("Indonesia", "Indonesian", "Jakarta", ("Prabowo Subianto",), ("Surabaya", "Sulawesi")),
    "AU": ("Australia", "Australian", "Canberra", ("Anthony Albanese", "Penny Wong"), ("Sydney", "Darwin")),
    "CA": ("Canada", "Canadian", "Ottawa", ("Mark Carney", "Anita Anand"), ("Alberta", "Toronto")),
    "MX": ("Mexico", "Mexican", "Mexico City", ("Claudia Sheinbaum",), ("Sinaloa", "Tijuana")),
    "BR": ("Brazil", "Brazilian", "Brasilia", ("Luiz Inácio Lula da Silva", "Mauro Vieira"), ("Sao Paulo", "Amazonas")),
    "AR": ("Argentina", "Argentine", "Buenos Aires", ("Javier Milei",), ("Cordoba", "Rosario")),
    "VE": ("Venezuela", "Venezuelan", "Caracas", ("Nicolás Maduro", "Yván Gil"), ("Maracaibo", "Zulia")),
    "CO": ("Colombia", "Colombian", "Bogota", ("Gustavo Petro",), ("Cali", "Catatumbo")),
    "NG": ("Nigeria", "Nigerian", "Abuja", ("Bola Tinubu", "Yusuf Tuggar"), ("Lagos", "Borno", "Zamfara")),
    "ZA": ("South Africa", "South African", "Pretoria", ("Cyril Ramaphosa", "Ronald Lamola"), ("Johannesburg", "Durban")),
    "ET": ("Ethiopia", "Ethiopian", "Addis Ababa", ("Abiy Ahmed",), ("Tigray", "Amhara")),
    "KE": ("Kenya", "Kenyan", "Nairobi", ("William Ruto",), ("Mombasa", "Garissa")),
    "SD": ("Sudan", "Sudanese", "Khartoum", ("Abdel Fattah al-Burhan", "Kamil Idris"), ("El Fasher", "Omdurman", "Darfur")),
    "CD": ("DR Congo", "Congolese", "Kinshasa", ("Félix Tshisekedi",), ("Goma", "Bukavu", "North Kivu")),
    "RW": ("Rwanda", "Rwandan", "Kigali", ("Paul Kagame", "Olivier Nduhungirehe"), ("Rubavu",)),
    "SO": ("Somalia", "Somali", "Mogadishu", ("Hassan Sheikh Mohamud",), ("Baidoa", "Puntland")),
    "ML": ("Mali", "Malian", "Bamako", ("Assimi Goïta",), ("Timbuktu", "Gao")),
    "LY": ("Libya", "Libyan", "Tripoli", ("Abdul Hamid Dbeibah",), ("Benghazi", "Misrata")),
    "PL": ("Poland", "Polish", "Warsaw", ("Donald Tusk",), ("Rzeszow", "Gdansk")),
    "HU": ("Hungary", "Hungarian", "Budapest", ("Viktor Orbán",), ("Debrecen",)),
    "RS": ("Serbia", "Serbian", "Belgrade", ("Aleksandar Vučić",), ("Novi Sad",)),
    "GE": ("Georgia", "Georgian", "Tbilisi", ("Irakli Kobakhidze",), ("Batumi",)),
    "AM": ("Armenia", "Armenian", "Yerevan", ("Nikol Pashinyan",), ("Syunik",)),
    "AZ": ("Azerbaijan", "Azerbaijani", "Baku", ("Ilham Aliyev",), ("Ganja",)),
    "BY": ("Belarus", "Belarusian", "Minsk", ("Alexander Lukashenko",), ("Brest", "Grodno")),
    "TH": ("Thailand", "Thai", "Bangkok", ("Anutin Charnvirakul",), ("Chiang Mai",)),
    "MM": ("Myanmar", "Burmese", "Naypyidaw", ("Min Aung Hlaing",), ("Rakhine", "Mandalay")),
    "BD": ("Bangladesh", "Bangladeshi", "Dhaka", ("Muhammad Yunus",), ("Chittagong", "Cox's Bazar")),
    "AF": ("Afghanistan", "Afghan", "Kabul", ("Amir Khan Muttaqi",), ("Kandahar", "Herat")),
    "KZ": ("Kazakhstan", "Kazakh", "Astana", ("Kassym-Jomart Tokayev",), ("Almaty",)),
    "ES": ("Spain", "Spanish", "Madrid", ("Pedro Sánchez", "José Manuel Albares"), ("Barcelona", "Valencia")),
}

# Country pairs that make most of the news, with relative weights; other pairs turn up at random.
RIVALRIES: tuple[tuple[str, str, float], ...] = (
    ("RU", "UA", 12), ("IL", "PS", 8), ("IL", "LB", 4), ("IL", "IR", 4), ("US", "IR", 4), ("US", "CN", 5),
    ("CN", "TW", 3), ("KP", "KR", 2), ("IN", "PK", 3), ("CD", "RW", 2), ("AM", "AZ", 1.5), ("RU", "IR", 3),
    ("US", "RU", 4), ("CN", "PH", 2), ("SA", "YE", 1.5), ("US", "VE", 2), ("TR", "SY", 1.5), ("PK", "AF", 1.5),
    ("US", "UA", 3), ("RU", "BY", 1), ("CN", "RU", 2), ("US", "MX", 2), ("US", "CA", 1.5), ("DE", "UA", 1.5),
    ("FR", "UA", 1), ("GB", "UA", 1), ("SD", "AE", 1), ("EG", "PS", 1.5), ("QA", "PS", 1.5), ("US", "IL", 3),
    ("JP", "CN", 1.5), ("IN", "CN", 1.5), ("PL", "BY", 1), ("TR", "RU", 1), ("SA", "IR", 1),
)
EVENT_LIFETIME_S = 36 * 3600.0
ACTIVE_EVENTS = 400
SOLO_WEIGHT = 0.35  # share of events about one country only (elections, floods, budgets)
# Who attacks whom, and who arms whom (ordered pairs), for the military kinds.
ATTACKS: tuple[tuple[str, str, float], ...] = (
    ("RU", "UA", 12), ("UA", "RU", 4), ("IL", "PS", 6), ("IL", "LB", 3), ("IL", "IR", 2), ("IR", "IL", 1.5),
    ("US", "IR", 1), ("RW", "CD", 1), ("PK", "AF", 1), ("IN", "PK", 1), ("PK", "IN", 1), ("TR", "SY", 1),
    ("US", "YE", 1), ("SA", "YE", 0.5), ("AZ", "AM", 0.5), ("KP", "KR", 0.3), ("US", "VE", 0.5),
)
SUPPORT: tuple[tuple[str, str, float], ...] = (
    ("US", "UA", 3), ("DE", "UA", 2), ("FR", "UA", 1), ("GB", "UA", 1.5), ("PL", "UA", 1), ("IR", "RU", 1.5),
    ("KP", "RU", 1), ("US", "IL", 2), ("CN", "RU", 1), ("US", "TW", 1), ("RU", "BY", 0.5), ("AE", "SD", 0.5),
    ("US", "PH", 0.5), ("TR", "SY", 0.5), ("JP", "PH", 0.3), ("RU", "IR", 0.5),
)

TOPICS = (
    "grain exports", "the nuclear programme", "border security", "energy prices", "drone production",
    "a prisoner exchange", "sanctions relief", "the ceasefire plan", "air defence systems", "gas supplies",
    "shipping lanes", "rare earth exports", "semiconductor controls", "migration", "refugee returns",
    "reconstruction funding", "debt restructuring", "a maritime boundary", "water rights", "arms sales",
    "military cooperation", "a security pact", "fishing rights", "oil output", "election monitoring",
    "frozen assets", "a hostage release", "humanitarian corridors", "satellite launches", "port access",
    "fertiliser supplies", "pipeline repairs", "visa rules", "troop withdrawals", "peacekeeping",
)
INFRA = ("power grid", "banking", "hospital", "railway", "airport", "water utility", "telecoms", "port", "pipeline",
         "government email", "election commission", "tax authority", "satellite")
GOODS = ("steel", "electric vehicles", "solar panels", "wheat", "soybeans", "aluminium", "chips", "pharmaceuticals",
         "cars", "wine", "timber", "fertiliser", "textiles", "lithium")
WEAPONS = ("drones", "ballistic missiles", "cruise missiles", "artillery shells", "glide bombs", "rockets",
           "fighter jets", "attack helicopters", "air defence interceptors", "tanks")
DISASTERS = ("floods", "an earthquake", "a cyclone", "wildfires", "landslides", "a cholera outbreak", "drought",
             "a heatwave", "a mine collapse", "a ferry disaster")
ISSUES = ("fuel prices", "corruption", "a new media law", "pension reform", "power cuts", "election results",
          "the cost of living", "judicial reform", "police violence", "unpaid wages")

TARGETS = ("a grain terminal", "a railway depot", "a thermal power plant", "an oil refinery", "a fuel depot",
           "a market", "a school", "a hospital", "an apartment block", "a bridge", "a port warehouse",
           "a substation", "a checkpoint", "an airfield", "a water pumping station", "a shopping centre")
CAUSES = ("stubborn inflation", "a weakening currency", "slowing growth", "soaring food prices", "a budget gap",
          "falling exports", "a wage spiral", "an energy shock")
VENUES = ("palace", "residence", "lodge", "retreat", "manor")  # lower case: the name is the place, not "Palace"
PROGRAMMES = ("accord", "initiative", "framework", "compact", "plan", "reform bill", "charter")
FIRMS = ("tek", "gaz", "prom", "trans", "corp", "com", "neft", "bank", "soft", "stal")  # "Okaforgaz", "Novaktek"
# Templates: [a|b] picks one alternative per article; {X} fills a slot of the event.
KINDS: dict[str, dict[str, tuple[str, ...]]] = {
    "strike": {
        "titles": (
            "{Adem} {weapon} hit {target} in {town}, {n} killed",
            "{Adem} strike on {town} {target} kills {n}",
            "{B} says {n} dead after {Adem} attack on {target} in {town}",
            "[Overnight|Night-time|Dawn] {Adem} raid on {town} [leaves|kills] {n} [dead|people]",
            "{Official} says {n} killed as {Adem} {weapon} strike {town}",
        ),
        "leads": (
            "{Adem} {weapon} struck {target} in {town}, near {place}, [overnight|before dawn|on Tuesday], killing "
            "at least {n} people, {role} {official} said.",
            "At least {n} people were killed when {Adem} {weapon} hit {target} in {town}, {official}, the {role}, "
            "told reporters.",
            "{B} accused {A} of a deliberate attack on {target} in {town} after {weapon} left {n} dead, "
            "{role} {official} said.",
        ),
        "details": (
            "{Blead} called the attack on {town} [a war crime|cowardly|a deliberate escalation] and urged allies to "
            "send more air defence systems.",
            "The {Bdem} military said it had intercepted most of the {weapon} but several got through.",
            "Rescue teams in {town} were still searching the rubble of {target} [on Wednesday|hours later].",
            "The {Adem} defence ministry said it had hit [military targets|an arms depot|troop positions] near {town}.",
        ),
    },
    "offensive": {
        "titles": (
            "{Adem} troops [advance|push] toward {town} near {place}",
            "{Bdem} forces [repel|hold off] {Adem} assault on {town}",
            "Fighting [rages|intensifies] around {town} as {A} presses offensive",
            "{Bdem} army [withdraws|pulls back] from {town}, {official} says",
        ),
        "leads": (
            "{Adem} troops [advanced|pushed forward] toward {town}, near {place}, after days of fighting, "
            "{role} {official} said, with {n} armoured vehicles [lost|destroyed] on the approaches to {target}.",
            "{Bdem} soldiers fought off an {Adem} assault on {town}, destroying {n} armoured vehicles near {target}, "
            "according to {official}.",
        ),
        "details": (
            "Analysts said the {Adem} army was trying to [cut supply lines|encircle {town}|seize the high ground].",
            "{Blead} visited troops near {town} and promised reinforcements.",
            "Both sides reported heavy losses around {target} that could not be verified.",
        ),
    },
    "summit": {
        "titles": (
            "{Alead} and {Blead} [meet|hold talks] at {venue} on {topic}",
            "{A}, {B} sign {topic} accord at {venue}",
            "{Alast} [hosts|welcomes] {Blast} at {venue} for {topic} talks",
            "{Alast}-{Blast} talks at {venue} [end without a deal|make progress] on {topic}",
        ),
        "leads": (
            "{Alead} and {Blead} met at {venue} in {Acap} to discuss {topic}, with {official}, the {role}, leading "
            "the [working group|negotiating team].",
            "{A} and {B} signed the {programme} on {topic} at {venue}, {role} {official} said after the talks.",
            "{Blead} arrived at {venue} for talks with {Alead} on {topic} and the {programme}.",
        ),
        "details": (
            "The two sides agreed that {official} would [draft a roadmap|chair a joint commission] on the {programme}.",
            "Diplomats said the talks at {venue} were [cordial|tense|constructive] but produced few concrete results.",
            "{Blead} said the {programme} would [open a new chapter|deepen cooperation|ease tensions].",
        ),
    },
    "sanctions": {
        "titles": (
            "{A} sanctions {firm} over {topic}",
            "{B} [vows to retaliate|condemns] {Adem} sanctions on {firm}",
            "{Adem} sanctions hit {firm} and {n} [entities|officials]",
        ),
        "leads": (
            "{A} imposed sanctions on {firm} and {n} other {Bdem} [companies|individuals] linked to {topic}, "
            "{role} {official} said.",
            "{B} vowed to retaliate after {A} blacklisted {firm} over {topic}, according to {official}.",
        ),
        "details": (
            "{firm} called the measures [illegal|baseless] and said it would challenge them.",
            "The sanctions freeze the assets of {firm} and bar {Adem} businesses from dealing with it.",
            "{Blead} said {B} would respond to the listing of {firm}.",
        ),
    },
    "tariffs": {
        "titles": (
            "{A} [slaps|imposes] {n}% tariffs on {Bdem} {goods}",
            "{B} [hits back|retaliates] with tariffs on {Adem} {goods}, {firm} warns of losses",
            "{firm} hit as {A} targets {Bdem} {goods}",
        ),
        "leads": (
            "{A} will impose tariffs of {n}% on {Bdem} {goods} from next month, {role} {official} said, in a move "
            "that hit shares in {firm}.",
            "{B} announced duties on {Adem} {goods} after {A} raised tariffs to {n}%, and {firm} warned of losses.",
        ),
        "details": (
            "Shares in {firm} fell [sharply|nine percent] on the news.",
            "Economists warned the tariffs on {goods} would push up prices.",
            "Trade in {goods} between the two countries was worth {bn} billion dollars last year.",
        ),
    },
    "rates": {
        "titles": (
            "{Adem} central bank [raises|lifts] rates to {pct}%, {official} cites {cause}",
            "{Adem} central bank cuts key rate to {pct}% as {cause} eases",
            "{A} holds rates at {pct}% as {official} warns on {cause}",
        ),
        "leads": (
            "The {Adem} central bank set its key rate at {pct}%, citing {cause}, governor {official} said.",
            "{A}'s central bank moved its benchmark rate to {pct}% after {cause}, {official} told reporters.",
        ),
        "details": (
            "Inflation stood at {pct2}% last month, above the target {official} has set.",
            "{official} said the bank would watch {cause} closely.",
        ),
    },
    "cyber": {
        "titles": (
            "{Adem} hackers breach {firm} {infra} systems",
            "Cyberattack [disrupts|cripples] {town} {infra}",
            "{B} blames {A} for ransomware attack on {firm}",
        ),
        "leads": (
            "A cyberattack [knocked out|disrupted] {infra} systems run by {firm} in {town} for [hours|two days], and "
            "{role} {official} blamed hackers working for {A}.",
            "{Bdem} authorities said state-backed {Adem} hackers had breached {firm} and stolen [data|credentials], "
            "according to {official}.",
        ),
        "details": (
            "Researchers linked the malware used against {firm} to a group that has targeted {B} before.",
            "{A} denied any involvement and called the accusation [baseless|absurd].",
            "Services in {town} were being restored [gradually|on Wednesday].",
        ),
    },
    "disinfo": {
        "titles": (
            "{B} accuses {A} of disinformation over {topic}, names {firm}",
            "{Adem} [bot network|troll farm] run from {town} targets {Bdem} voters",
            "Fake videos about {topic} traced to {firm} in {town}",
        ),
        "leads": (
            "{B} accused {A} of running a disinformation campaign about {topic} through {firm}, a company "
            "registered in {town}, {role} {official} said.",
            "A network of {n} fake accounts run from {town} pushed false claims about {topic}, researchers said, "
            "tracing it to {firm}.",
        ),
        "details": (
            "The platforms said they had removed accounts linked to {firm}.",
            "{Adem} officials dismissed the report on {firm} as [propaganda|fabricated].",
        ),
    },
    "aid": {
        "titles": (
            "{A} pledges {bn} billion in {weapon} and aid to {B}",
            "{A} sends {weapon} from {firm} to {B}",
            "{Blead} [thanks|welcomes] {Adem} {weapon} package, {official} says",
        ),
        "leads": (
            "{A} announced a {bn} billion package for {B} including {weapon} built by {firm}, {role} {official} said.",
            "{Alead} pledged {weapon} made by {firm} to {B}, with training for {Bdem} crews at {venue}.",
        ),
        "details": (
            "The first {weapon} from {firm} are expected [within weeks|before winter].",
            "{Blead} said the {weapon} would help protect {place}.",
            "Critics in {A} questioned the cost of the {firm} contract.",
        ),
    },
    "disaster": {
        "titles": (
            "{disaster} kill {n} in {town}, {A}",
            "{A}: {n} dead after {disaster} hit {town}",
            "Death toll from {disaster} in {town} rises to {n}, {official} says",
        ),
        "leads": (
            "At least {n} people were killed after {disaster} hit {town} in {place}, {role} {official} said.",
            "Rescue workers in {town} searched for survivors after {disaster} killed {n} people near {target}, "
            "according to {official}.",
        ),
        "details": (
            "The UN said it was sending supplies to {town} and appealed for {bn} million dollars.",
            "{Alead} declared a state of emergency around {town}.",
            "Aid agencies warned of disease in the shelters of {town}.",
        ),
    },
    "humanitarian": {
        "titles": (
            "UN warns of famine in {town} as aid is blocked",
            "Aid convoys [reach|fail to reach] {town} as hunger spreads, {official} says",
            "{n} [children|civilians] at risk as {town} siege tightens",
        ),
        "leads": (
            "The UN warned that [famine|acute hunger] was spreading in {town}, in {place}, where {n} thousand people "
            "have been cut off, coordinator {official} said.",
            "Convoys carrying food to {town} had been [blocked|turned back] at {target} for a [third|fourth] week, "
            "{official} said.",
        ),
        "details": (
            "Hospitals in {town} are running out of fuel and medicine, the World Health Organization said.",
            "The Red Cross called for access to {town}.",
        ),
    },
    "election": {
        "titles": (
            "{A} votes in [tight|snap] election as {official} challenges {Alast}",
            "Protests in {town} over {issue} [enter third day|turn violent]",
            "{Adem} parliament [passes|rejects] {programme} on {issue}",
        ),
        "leads": (
            "Voters in {A} went to the polls with opposition leader {official} challenging {Alead} over {issue}, "
            "and turnout at {pct}% by midday.",
            "Thousands of protesters filled the streets of {town} for a [second|third] day over {issue}, and "
            "{official}, the {role}, appealed for calm.",
            "The {Adem} parliament voted {n} to {n2} on the {programme}, which {official} had championed.",
        ),
        "details": (
            "Supporters of {official} accused the government of [fraud|intimidation].",
            "{Alead} said the government would not back down on the {programme}.",
        ),
    },
}
MILITARY_KINDS = ("strike", "offensive", "aid")
PAIR_KINDS = ("strike", "offensive", "summit", "sanctions", "tariffs", "cyber", "disinfo", "aid")
PAIR_WEIGHTS = (5, 3, 4, 2, 2, 1.5, 1, 1.5)
SOLO_KINDS = ("rates", "disaster", "humanitarian", "election")
SOLO_WEIGHTS = (2, 2, 1.5, 3)

QUOTES = (
    "\u201cWe will not stand by while this continues,\u201d a senior official told reporters.",
    "\u201cThis is a turning point,\u201d said an analyst at a think tank in {Acap}.",
    "\u201cThe situation remains extremely serious,\u201d a spokesperson said.",
    "The foreign ministry in {Bcap} summoned the {Adem} ambassador.",
    "Markets in {Acap} were little changed after the news.",
    "More details are expected at a briefing [later on Tuesday|on Wednesday|this week].",
)
# A sentence of each outlet's own, so two outlets' accounts of one event are not near-copies of each other.
COLOUR_OPENERS = ("Earlier in the day,", "In a separate development,", "Speaking to reporters,", "Late on Monday,",
                  "According to local media,", "In a televised address,", "On social media,", "Meanwhile,",
                  "Behind the scenes,", "By the evening,", "In {Acap},", "In {Bcap},")
COLOUR_SUBJECTS = ("a government spokesperson", "residents", "local officials", "a senior diplomat",
                   "opposition figures", "regional analysts", "witnesses", "a military source", "the ministry",
                   "business leaders", "aid workers", "lawmakers", "a former ambassador", "state media")
COLOUR_VERBS = ("warned of", "described", "pointed to", "played down", "raised concerns about", "welcomed",
                "questioned", "highlighted", "dismissed talk of", "drew attention to")
COLOUR_OBJECTS = ("the risk of further escalation", "the economic fallout", "growing pressure on the government",
                  "the mood in {Acap}", "the response from {B}", "the slow pace of talks", "the impact on civilians",
                  "longer-term consequences", "divisions among allies", "rising prices", "the role of {Adem} "
                  "intelligence", "public anger", "a possible change of course", "what comes next for {B}")
COLOUR_TAILS = ("", "", " in the coming weeks", " across the region", " for the second time this month",
                " amid wider uncertainty", " after weeks of silence", " in unusually blunt terms")
# Event-specific names (a village, an official), as real reports carry: what tells one strike from the next.
_TOWN_HEADS = ("Nov", "Kal", "Bel", "Ras", "Tar", "Mir", "Sab", "Dor", "Kaz", "Zar", "Ham", "Lub", "Pol", "Sar",
               "Vel", "Gor", "Ash", "Tel", "Khan", "Mar", "Bor", "Ust", "Yar", "Kur", "Sol", "Tam", "Ner", "Ozer")
_TOWN_TAILS = ("ivka", "ovo", "abad", "pur", "aya", "ino", "esh", "aro", "ugu", "ville", "dorf", "akh", "iyah", "ora",
               "enko", "ansk", "oye", "ali", "uri", "etsk", "ama", "ivtsi")
_TOWN_QUALIFIERS = ("", "", "", "Upper ", "Lower ", "New ", "Old ", "East ", "West ", "Port ")
_FIRST_NAMES = ("Oleg", "Amina", "Farid", "Li", "Maria", "Tomas", "Nadia", "Yusuf", "Elena", "Kwame", "Hana", "Rafael",
                "Ivan", "Leila", "Sipho", "Chen", "Anna", "Omar", "Priya", "Dmytro", "Sofia", "Karim", "Aiko", "Jonas")
_SURNAMES = ("Marchenko", "Haddad", "Okafor", "Novak", "Rahimi", "Silva", "Kovalenko", "Mensah", "Tanaka", "Petrov",
             "Aziz", "Moreau", "Lindqvist", "Nasser", "Osei", "Volkov", "Khoury", "Tembo", "Ibrahim", "Horvath",
             "Quispe", "Sato", "Bakr", "Duarte", "Farouk", "Yilmaz", "Mwangi", "Castillo", "Hassan", "Kowalski")
_SURNAME_TAILS = ("enko", "ov", "idze", "ian", "escu", "ski", "oglu", "ani", "ez", "sson", "oussa", "ati", "ura", "ek")
_ROLES = ("regional governor", "district chief", "ministry spokesperson", "special envoy", "deputy minister",
          "police chief", "mayor", "army spokesman", "senior negotiator", "central bank governor", "UN coordinator")
SPECIFICS = (
    "{Role} {official} said the situation in {town} was [under control|worse than first reported|still being "
    "assessed].",
    "Local authorities in {town} [confirmed|reported] the figures, according to {official}.",
    "{official}, the {role}, [confirmed|described] the [events|details] in {town} to reporters.",
    "[Speaking from|Writing from|Interviewed in] {town}, {official} called for [calm|patience|urgent help].",
)
TRAILERS = (
    "This article first appeared on {outlet}.",
    "Republished with permission from {outlet}.",
    "Source: {outlet}",
    "The post {title} appeared first on {outlet}.",
)

_OUTLET_FIRST = ("Daily", "Global", "World", "Evening", "Morning", "Frontline", "Capital", "Continental", "Coastal",
                 "Northern", "Eastern", "Pacific", "Atlantic", "Gulf", "Sahel", "Baltic", "Andean", "Balkan")
_OUTLET_SECOND = ("Post", "Herald", "Monitor", "Observer", "Dispatch", "Review", "Tribune", "Wire", "Gazette",
                  "Courier", "Journal", "Chronicle", "Times", "Digest", "Report", "Bulletin", "Sentinel")
_ALT = re.compile(r"\[([^\[\]]+)\]")
_SLOT = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True)
class Outlet:
    index: int
    name: str
    domain: str
    content_encoded: bool  # the feed carries the full text in content:encoded too
    cdata: bool            # descriptions in CDATA rather than escaped HTML


@dataclass(frozen=True, slots=True)
class NewsItem:
    """One article as an outlet publishes it: plain-text title and paragraphs (HTML is added when served)."""

    outlet: int
    guid: str
    link: str
    title: str
    paragraphs: tuple[str, ...]
    published: datetime
    event: int
    copy_of: str | None = None  # guid of the article this one syndicates, if any

    @property
    def summary(self) -> str:
        return " ".join(self.paragraphs[:3])


@dataclass(slots=True)
class _Event:
    id: int
    kind: str
    born: float
    weight: float
    slots: dict[str, str]


def outlet(index: int, seed: int = 0) -> Outlet:
    rng = random.Random(f"outlet:{seed}:{index}")
    name = f"{rng.choice(_OUTLET_FIRST)} {rng.choice(_OUTLET_SECOND)}"
    if index >= 100:
        name = f"{name} {index // 100}"
    slug = re.sub(r"[^a-z0-9]+", "", name.lower())
    return Outlet(index, name, f"{slug}-{index}.example", rng.random() < 0.25, rng.random() < 0.3)


class NewsWorld:
    """A stream of articles in time order from `outlets` outlets between `start` and `end`."""

    def __init__(self, *, outlets: int, start: datetime, end: datetime, seed: int = 0,
                 new_event_share: float = 0.32, copy_share: float = 0.05, wire_share: float = 0.03) -> None:
        self.outlets = [outlet(i, seed) for i in range(outlets)]
        self.start, self.end = start, end
        self._rng = random.Random(f"world:{seed}")
        self._seed = seed
        self._new_event_share = new_event_share
        self._copy_share = copy_share
        self._wire_share = wire_share
        self._events: list[_Event] = []
        self._cumulative: list[float] | None = None
        self._recent_items: list[NewsItem] = []
        self._serial = 0
        self._codes = sorted(COUNTRIES)

    def stream(self, count: int, *, per_outlet: int | None = None):  # type: ignore[no-untyped-def]
        """Yield `count` items, evenly spread over [start, end], outlets dealt in shuffled rounds so each one
        gets the same number (exactly `per_outlet` when count == outlets * per_outlet)."""
        span = (self.end - self.start).total_seconds()
        order: list[int] = []
        for k in range(count):
            if not order:
                order = list(range(len(self.outlets)))
                self._rng.shuffle(order)
            at = self.start.timestamp() + span * (k + self._rng.random()) / count
            yield self._item(order.pop(), min(at, self.end.timestamp()))

    # --- events ---

    def _event_for(self, at: float) -> _Event:
        """A new event (about a third of the time), else one of the recent ones, popular ones more often."""
        changed = False
        while self._events and (self._events[0].born < at - EVENT_LIFETIME_S or len(self._events) > ACTIVE_EVENTS):
            self._events.pop(0)
            changed = True
        if not self._events or self._rng.random() < self._new_event_share:
            event = self._new_event(at)
            self._events.append(event)
            self._cumulative = None
            return event
        if changed or self._cumulative is None:
            self._cumulative = list(itertools.accumulate(event.weight for event in self._events))
        return self._rng.choices(self._events, cum_weights=self._cumulative)[0]

    def _new_event(self, at: float) -> _Event:
        rng = self._rng
        self._serial += 1
        if rng.random() < SOLO_WEIGHT:
            kind = rng.choices(SOLO_KINDS, SOLO_WEIGHTS)[0]
            a = rng.choice(self._codes)
            b = rng.choice([c for c in self._codes if c != a])
        else:
            kind = rng.choices(PAIR_KINDS, PAIR_WEIGHTS)[0]
            pairs = ATTACKS if kind in ("strike", "offensive") else SUPPORT if kind == "aid" else RIVALRIES
            if rng.random() < 0.85 or kind in MILITARY_KINDS:
                a, b, _ = rng.choices(pairs, [w for _, _, w in pairs])[0]
                if pairs is RIVALRIES and rng.random() < 0.5:
                    a, b = b, a
            else:
                a, b = rng.sample(self._codes, 2)
        slots = self._slots(a, b, rng, solo=kind in SOLO_KINDS)
        weight = min(rng.paretovariate(1.3), 40.0)
        return _Event(self._serial, kind, at, weight, slots)

    @staticmethod
    def _slots(a: str, b: str, rng: random.Random, *, solo: bool) -> dict[str, str]:
        an, ad, ac, al, ap = COUNTRIES[a]
        bn, bd, bc, bl, bp = COUNTRIES[b]
        alead, blead = rng.choice(al), rng.choice(bl)
        town = f"{rng.choice(_TOWN_QUALIFIERS)}{rng.choice(_TOWN_HEADS)}{rng.choice(_TOWN_TAILS)}"
        role = rng.choice(_ROLES)
        official = f"{rng.choice(_FIRST_NAMES)} {rng.choice(_TOWN_HEADS)}{rng.choice(_SURNAME_TAILS)}"
        return {
            "town": town, "official": official, "Official": official, "role": role,
            "Role": role[0].upper() + role[1:],
            "target": rng.choice(TARGETS), "cause": rng.choice(CAUSES),
            "venue": f"{rng.choice(_TOWN_HEADS)}{rng.choice(_TOWN_TAILS)} {rng.choice(VENUES)}",
            "programme": f"{rng.choice(_TOWN_HEADS)}{rng.choice(_TOWN_TAILS)} {rng.choice(PROGRAMMES)}",
            "firm": f"{rng.choice(_SURNAMES)}{rng.choice(FIRMS)}",
            "A": an, "B": bn, "Adem": ad, "Bdem": bd, "Acap": ac, "Bcap": bc,
            "Alead": alead, "Blead": blead, "Alast": alead.split()[-1], "Blast": blead.split()[-1],
            "place": town if rng.random() < 0.6 else rng.choice(ap if solo else bp), "n": str(rng.choice((3, 4, 5, 7, 9, 12, 15, 18, 21, 24, 31, 40, 52, 67, 120))),
            "n2": str(rng.randint(40, 200)), "topic": rng.choice(TOPICS), "infra": rng.choice(INFRA),
            "goods": rng.choice(GOODS), "weapon": rng.choice(WEAPONS), "disaster": rng.choice(DISASTERS),
            "issue": rng.choice(ISSUES), "pct": f"{rng.randint(1, 24)}.{rng.choice((0, 25, 5, 75))}".rstrip("0").rstrip("."),
            "pct2": f"{rng.randint(2, 15)}.{rng.randint(0, 9)}", "bn": str(rng.choice((1.2, 2, 2.5, 3, 4.8, 6, 10, 12))),
        }

    # --- articles ---

    def _item(self, outlet_index: int, at: float) -> NewsItem:
        rng = self._rng
        out = self.outlets[outlet_index]
        published = datetime.fromtimestamp(at, tz=UTC).replace(microsecond=0)
        self._serial += 1
        serial = self._serial
        guid = f"{out.domain}:{serial}"
        roll = rng.random()
        original = rng.choice(self._recent_items[-400:]) if self._recent_items else None
        if original is not None and original.outlet != outlet_index and roll < self._copy_share + self._wire_share:
            if roll < self._copy_share:  # syndicated text under this outlet's own guid and link
                trailer = rng.choice(TRAILERS).format(outlet=self.outlets[original.outlet].name, title=original.title)
                paragraphs = (*original.paragraphs[:-1], f"{original.paragraphs[-1]} {trailer}")
                link = f"https://www.{out.domain}/world/{_slug(original.title)}-{serial}"
                item = NewsItem(outlet_index, guid, link, original.title, paragraphs, published, original.event,
                                copy_of=original.guid)
            else:  # a wire story carried under the wire's link, with tracking noise
                link = f"{original.link}?utm_source={out.domain}&utm_medium=rss"
                item = NewsItem(outlet_index, guid, link, original.title, original.paragraphs, published,
                                original.event, copy_of=original.guid)
            return item
        event = self._event_for(at)
        templates = KINDS[event.kind]
        title = _fill(rng.choice(templates["titles"]), event.slots, rng)
        lead = _fill(rng.choice(templates["leads"]), event.slots, rng)
        details = rng.sample(templates["details"], k=min(len(templates["details"]), rng.choice((1, 1, 2))))
        sentences = [lead, *(_fill(d, event.slots, rng) for d in details)]
        if rng.random() < 0.75:
            sentences.insert(1, _fill(rng.choice(SPECIFICS), event.slots, rng))
        if rng.random() < 0.85:
            colour = (f"{rng.choice(COLOUR_OPENERS)} {rng.choice(COLOUR_SUBJECTS)} {rng.choice(COLOUR_VERBS)} "
                      f"{rng.choice(COLOUR_OBJECTS)}{rng.choice(COLOUR_TAILS)}.")
            sentences.insert(rng.randint(1, len(sentences)), _fill(colour, event.slots, rng))
        if rng.random() < 0.35:
            sentences.append(_fill(rng.choice(QUOTES), event.slots, rng))
        paragraphs = (" ".join(sentences[:2]), *sentences[2:]) if len(sentences) > 2 else (" ".join(sentences),)
        link = f"https://www.{out.domain}/{published:%Y/%m/%d}/{_slug(title)}-{serial}"
        item = NewsItem(outlet_index, guid, link, title, tuple(paragraphs), published, event.id)
        self._recent_items.append(item)
        if len(self._recent_items) > 2000:
            del self._recent_items[:1000]
        return item


def _fill(template: str, slots: dict[str, str], rng: random.Random) -> str:
    text = _ALT.sub(lambda m: rng.choice(m.group(1).split("|")), template)
    text = _SLOT.sub(lambda m: slots[m.group(1)], text)
    text = text[0].upper() + text[1:]
    return text


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]


# --- RSS ---

def item_html(item: NewsItem, rng: random.Random, *, full: bool = False) -> str:
    """The item's text as feeds carry it: paragraphs, a link or two, an image, entities."""
    paragraphs = item.paragraphs if full else item.paragraphs[:2]
    parts = []
    if rng.random() < 0.2:
        parts.append(f'<img src="https://cdn.{item.link.split("/")[2]}/img/{item.event}.jpg" alt="" width="640"/>')
    for number, paragraph in enumerate(paragraphs):
        text = escape(paragraph).replace("\u2019", "&#8217;")
        if number == 0 and rng.random() < 0.3:
            words = text.split(" ", 3)
            if len(words) == 4:
                text = f"<strong>{' '.join(words[:3])}</strong> {words[3]}"
        parts.append(f"<p>{text}</p>")
    if rng.random() < 0.5:
        parts.append(f'<p><a href="{escape(item.link)}">Read more&nbsp;&raquo;</a></p>')
    return "".join(parts)


def rss_feed(out: Outlet, items: list[NewsItem], *, seed: int = 0) -> bytes:
    """An RSS 2.0 document, newest item first."""
    rng = random.Random(f"rss:{seed}:{out.index}")
    body = []
    for item in sorted(items, key=lambda i: i.published, reverse=True):
        description = item_html(item, rng)
        if out.cdata:
            description_xml = f"<![CDATA[{description}]]>"
        else:
            description_xml = escape(description)
        guid = (f"<guid isPermaLink=\"true\">{escape(item.link)}</guid>" if rng.random() < 0.2
                else f"<guid isPermaLink=\"false\">{escape(item.guid)}</guid>")
        fields = [
            f"<title>{escape(item.title)}</title>", f"<link>{escape(item.link)}</link>", guid,
            f"<pubDate>{format_datetime(item.published)}</pubDate>",
            f"<category>{rng.choice(('World', 'Politics', 'Business', 'Security', 'Europe', 'Asia', 'Africa'))}"
            "</category>",
            f"<dc:creator>{rng.choice(('Staff', 'Wire Desk', 'Our correspondent', 'News Desk'))}</dc:creator>",
            f"<description>{description_xml}</description>",
        ]
        if out.content_encoded:
            fields.append(f"<content:encoded><![CDATA[{item_html(item, rng, full=True)}]]></content:encoded>")
        body.append("<item>" + "".join(fields) + "</item>")
    newest = max((item.published for item in items), default=datetime.now(UTC))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
        f"<title>{escape(out.name)} - World</title><link>https://www.{out.domain}/</link>"
        f"<description>World news from {escape(out.name)}</description><language>en</language>"
        f"<lastBuildDate>{format_datetime(newest)}</lastBuildDate><ttl>15</ttl>"
        + "".join(body) + "</channel></rss>"
    ).encode("utf-8")


def etag_of(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


def feeds_for(count: int, items: int, *, seed: int = 0, now: datetime | None = None,
              span: timedelta = timedelta(days=5)) -> list[bytes]:
    """`count` RSS documents of `items` items each, from one world so stories span outlets."""
    now = now or datetime.now(UTC)
    world = NewsWorld(outlets=count, start=now - span, end=now - timedelta(minutes=5), seed=seed)
    per_outlet: list[list[NewsItem]] = [[] for _ in range(count)]
    for item in world.stream(count * items):
        per_outlet[item.outlet].append(item)
    return [rss_feed(world.outlets[i], per_outlet[i], seed=seed) for i in range(count)]
