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

# Templates: [a|b] picks one alternative per article; {X} fills a slot of the event.
KINDS: dict[str, dict[str, tuple[str, ...]]] = {
    "strike": {
        "titles": (
            "{Adem} [strikes|attacks|missile strikes|drone strikes] [hit|pound|target] {place}",
            "{Adem} [barrage|assault] [kills|leaves] {n} [dead|people dead] in {place}",
            "{B} says {n} killed in {Adem} [attack|strike] on {place}",
            "{Adem} forces [step up|intensify] [attacks|strikes] on {B} as {place} [burns|is hit again]",
            "[Overnight|Night-time|Early morning] {Adem} [strike|attack] on {place} kills {n}",
        ),
        "leads": (
            "{Adem} forces launched [waves of|dozens of|a barrage of] {weapon} at {place} [overnight|before dawn|"
            "on Tuesday], killing at least {n} people and damaging [apartment blocks|a power station|a hospital], "
            "{Bdem} officials said.",
            "At least {n} people were killed when {Adem} {weapon} struck {place}, according to {Bdem} emergency "
            "services.",
            "{B} accused {A} of targeting civilians after {weapon} [slammed into|hit|struck] {place}, leaving {n} "
            "dead and dozens wounded.",
        ),
        "details": (
            "{Blead} called the attack [a war crime|cowardly|a deliberate escalation] and urged allies to send "
            "more air defence systems.",
            "The {Bdem} military said it had intercepted most of the {weapon} but several got through.",
            "Rescue teams were still searching the rubble [on Wednesday|hours later|at nightfall].",
            "The {Adem} defence ministry said it had hit [military targets|an arms depot|troop positions] and "
            "denied striking civilian areas.",
            "It was the [deadliest|largest|third] attack on {place} this month.",
        ),
    },
    "offensive": {
        "titles": (
            "{Adem} troops [advance|push] toward {place}",
            "{Bdem} forces [repel|hold off|fight back] {Adem} assault near {place}",
            "Fighting [rages|intensifies] around {place} as {A} [presses|expands] offensive",
            "{Bdem} army [withdraws|pulls back] from positions near {place}",
        ),
        "leads": (
            "{Adem} troops [advanced|pushed forward|gained ground] near {place} after days of heavy fighting, "
            "{Bdem} commanders said, as [artillery|drone] duels continued along the front.",
            "{Bdem} soldiers fought off a major {Adem} assault on {place}, destroying {n} armoured vehicles, the "
            "general staff said.",
        ),
        "details": (
            "Military analysts said the {Adem} army was trying to [cut supply lines|encircle the town|seize the high "
            "ground] before winter.",
            "{Blead} visited troops near the front and promised reinforcements.",
            "Both sides reported heavy casualties that could not be independently verified.",
        ),
    },
    "summit": {
        "titles": (
            "{Alead} and {Blead} [meet|hold talks] in {Acap} on {topic}",
            "{A} and {B} [agree|sign] deal on {topic} after {Acap} talks",
            "{Alast} [hosts|welcomes] {Blast} for talks on {topic}",
            "{Adem}, {Bdem} leaders [pledge|vow] closer ties at {Acap} summit",
            "{Alast}-{Blast} talks [end without a deal|make progress] on {topic}",
        ),
        "leads": (
            "{Alead} and {Blead} met in {Acap} [on Monday|for two days|behind closed doors] to discuss {topic}, "
            "their first [meeting|face-to-face talks] since [the spring|last year|the summit in June].",
            "{A} and {B} signed an agreement on {topic} after talks between {Alead} and {Blead} in {Acap}, "
            "officials from both sides said.",
            "{Blead} arrived in {Acap} for talks with {Alead} focused on {topic} and regional security.",
        ),
        "details": (
            "The two leaders agreed to set up a joint working group and to meet again [before the end of the "
            "year|in {Bcap}|within months].",
            "Diplomats said the talks were [cordial|tense|constructive] but produced few concrete results.",
            "{Blead} said the agreement would [open a new chapter|deepen cooperation|ease tensions] between the "
            "two countries.",
            "A joint statement mentioned {topic} and trade but did not address [sanctions|the war|human rights].",
        ),
    },
    "sanctions": {
        "titles": (
            "{A} [imposes|announces|unveils] new sanctions on {B} over {topic}",
            "{B} [vows to retaliate|condemns] {Adem} sanctions [targeting|aimed at] {topic}",
            "{Adem} sanctions [hit|target] {n} {Bdem} [firms|entities|officials]",
        ),
        "leads": (
            "{A} imposed sanctions on {n} {Bdem} [companies|individuals|banks] linked to {topic}, the {Adem} "
            "[treasury|foreign ministry] said.",
            "{B} vowed to retaliate after {A} announced a new package of sanctions over {topic}.",
        ),
        "details": (
            "{Blead} called the measures [illegal|hostile|economic warfare] and said {B} would respond.",
            "The sanctions freeze assets and bar {Adem} businesses from dealing with the targets.",
            "Analysts said the measures were largely symbolic because trade between the two had already collapsed.",
        ),
    },
    "tariffs": {
        "titles": (
            "{A} [slaps|imposes] {n}% tariffs on {Bdem} {goods}",
            "{B} [hits back|retaliates] with tariffs on {Adem} {goods}",
            "Trade war [escalates|deepens] as {A} targets {Bdem} {goods}",
            "{A} and {B} [reach|agree] trade deal on {goods} tariffs",
        ),
        "leads": (
            "{A} will impose tariffs of {n}% on imports of {Bdem} {goods} from next month, {Alead} said, in a "
            "move that [rattled markets|drew swift condemnation|raised fears of a trade war].",
            "{B} announced retaliatory duties on {Adem} {goods} after {A} raised tariffs to {n}%.",
        ),
        "details": (
            "Shares in [exporters|carmakers|steelmakers] fell sharply on the news.",
            "Economists warned the tariffs would push up prices for consumers and slow growth.",
            "Trade between the two countries was worth {bn} billion dollars last year.",
        ),
    },
    "rates": {
        "titles": (
            "{Adem} central bank [raises|lifts] rates to {pct}%",
            "{Adem} central bank [cuts|lowers] key rate to {pct}% as inflation eases",
            "{A} [holds|keeps] interest rates at {pct}%",
        ),
        "leads": (
            "The {Adem} central bank set its key interest rate at {pct}% on [Thursday|Wednesday], citing "
            "[stubborn inflation|a weakening currency|slowing growth].",
            "{A}'s central bank moved its benchmark rate to {pct}%, a decision most economists had expected.",
        ),
        "details": (
            "Inflation stood at {pct2}% last month, above the bank's target.",
            "The currency [rose|slipped] after the announcement.",
            "The bank said it would watch energy prices and wage growth closely.",
        ),
    },
    "cyber": {
        "titles": (
            "{Adem} hackers [target|breach|hit] {Bdem} {infra} [networks|systems]",
            "Cyberattack [disrupts|cripples] {Bdem} {infra}",
            "{B} blames {A} for ransomware attack on {infra}",
        ),
        "leads": (
            "A cyberattack [knocked out|disrupted|crippled] {Bdem} {infra} systems for [hours|two days|most of the "
            "weekend], and officials blamed hackers working for {A}.",
            "{Bdem} authorities said state-backed {Adem} hackers had breached {infra} networks and stolen "
            "[data|credentials|sensitive files].",
        ),
        "details": (
            "Security researchers linked the malware to a group that has targeted {Bdem} institutions before.",
            "{A} denied any involvement and called the accusation [baseless|absurd|provocation].",
            "Services were being restored [gradually|on Wednesday|after backups were recovered].",
        ),
    },
    "disinfo": {
        "titles": (
            "{B} accuses {A} of disinformation campaign over {topic}",
            "{Adem} [bot network|troll farm|propaganda campaign] targets {Bdem} voters, report says",
            "Fake videos about {topic} [traced to|linked to] {Adem} [operation|network]",
        ),
        "leads": (
            "{B} accused {A} of running a coordinated disinformation campaign about {topic}, with [thousands of|"
            "hundreds of] fake accounts spreading fabricated videos.",
            "A network of {n} fake accounts linked to {A} pushed false claims about {topic} to {Bdem} audiences, "
            "researchers said.",
        ),
        "details": (
            "The platforms said they had removed the accounts for coordinated inauthentic behaviour.",
            "{Adem} officials dismissed the report as [propaganda|fabricated|hysteria].",
        ),
    },
    "aid": {
        "titles": (
            "{A} pledges {bn} billion in military aid to {B}",
            "{A} sends [new|fresh] {weapon} package to {B}",
            "{Blead} [thanks|welcomes] {Adem} aid as {A} pledges {bn} billion",
        ),
        "leads": (
            "{A} announced a {bn} billion military aid package for {B} including {weapon} and ammunition, "
            "{Alead} said.",
            "{Alead} pledged fresh military support for {B}, promising {weapon} and training for {Bdem} troops.",
        ),
        "details": (
            "The first deliveries are expected [within weeks|before winter|next month].",
            "{Blead} said the aid would help protect cities from attacks.",
            "Critics in {A} questioned the cost of the package.",
        ),
    },
    "disaster": {
        "titles": (
            "{disaster} [kill|leave] {n} [dead|people dead] in {A}",
            "{A}: {n} dead, thousands displaced after {disaster} [hit|strike|sweep] {place}",
            "Death toll from {disaster} in {place} rises to {n}",
        ),
        "leads": (
            "At least {n} people were killed and thousands displaced after {disaster} [hit|struck|swept through] "
            "{place}, {Adem} authorities said.",
            "Rescue workers in {place} searched for survivors after {disaster} killed {n} people and destroyed "
            "[homes|roads|bridges].",
        ),
        "details": (
            "The UN said it was sending emergency supplies and appealed for {bn} million dollars.",
            "{Alead} declared a state of emergency in the region.",
            "Aid agencies warned of disease outbreaks in crowded shelters.",
        ),
    },
    "humanitarian": {
        "titles": (
            "UN warns of famine in {place} as aid is blocked",
            "Aid convoys [reach|fail to reach] {place} as hunger spreads",
            "{n} [children|civilians] [dead|at risk] as {place} siege tightens, aid groups say",
        ),
        "leads": (
            "The UN warned that [famine|acute hunger|mass starvation] was spreading in {place}, where {n} people "
            "have been cut off from aid for weeks.",
            "Aid agencies said convoys carrying food and medicine to {place} had been [blocked|turned back|"
            "delayed] for a [third|fourth] week.",
        ),
        "details": (
            "Hospitals are running out of fuel and medicine, the World Health Organization said.",
            "The Red Cross called on all parties to allow humanitarian access.",
            "Hundreds of thousands of people have fled the area since the fighting began.",
        ),
    },
    "election": {
        "titles": (
            "{A} votes in [tight|snap|closely watched] election",
            "{Alead} [claims victory|concedes] in {Adem} election",
            "Protests in {Acap} over {issue} [enter third day|turn violent|draw thousands]",
            "{Adem} parliament [passes|rejects] bill on {issue}",
        ),
        "leads": (
            "Voters in {A} went to the polls in an election seen as a referendum on {Alead} and {issue}, with "
            "turnout at {pct}% by midday.",
            "Thousands of protesters filled the streets of {Acap} for a [second|third] day over {issue}, and "
            "police used tear gas to disperse them.",
            "The {Adem} parliament voted {n} to {n2} on a bill on {issue}, after a heated debate.",
        ),
        "details": (
            "Opposition leaders accused the government of [fraud|intimidation|ignoring the public].",
            "{Alead} said the government would not back down.",
            "Observers said the vote was [largely peaceful|marred by irregularities].",
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
        return {
            "A": an, "B": bn, "Adem": ad, "Bdem": bd, "Acap": ac, "Bcap": bc,
            "Alead": alead, "Blead": blead, "Alast": alead.split()[-1], "Blast": blead.split()[-1],
            "place": rng.choice(ap if solo else bp), "n": str(rng.choice((3, 4, 5, 7, 9, 12, 15, 18, 21, 24, 31, 40, 52, 67, 120))),
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
              span: timedelta = timedelta(days=3)) -> list[bytes]:
    """`count` RSS documents of `items` items each, from one world so stories span outlets."""
    now = now or datetime.now(UTC)
    world = NewsWorld(outlets=count, start=now - span, end=now - timedelta(minutes=5), seed=seed)
    per_outlet: list[list[NewsItem]] = [[] for _ in range(count)]
    for item in world.stream(count * items):
        per_outlet[item.outlet].append(item)
    return [rss_feed(world.outlets[i], per_outlet[i], seed=seed) for i in range(count)]
