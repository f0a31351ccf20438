"""The actor gazetteer: each trap a careless gazetteer falls into, lookup for commands, and the data files."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from bot.intel.actors import COUNTRY, ORG, Actor, ActorTag, Gazetteer, default_gazetteer

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def case(text: str, expected: list[str], id: str | None = None):  # noqa: A002 - pytest.param's own name
    return pytest.param(text, expected, id=id or text[:60])


# --- countries: every trap from the issue, each its own case ----------------------------------------------

TRAPS = [
    # turkey the bird vs Turkey / Türkiye the country
    case("Thanksgiving turkey prices rose again this year", []),
    case("A roast turkey with stuffing and gravy", []),
    case("Turkey sales soar before Thanksgiving as families buy a roast bird", [], "Turkey capitalised, food cues"),
    case("Turkey launches strikes on militants in northern Iraq", ["TR", "IQ"]),
    case("Türkiye and Greece hold talks on the Aegean", ["TR", "GR"]),
    case("Turkiye's central bank raised rates", ["TR"]),
    case("TURKEY AND RUSSIA SIGN GAS DEAL", ["TR", "RU"]),
    # Georgia the US state vs Georgia the country
    case("Storms hit Atlanta, Georgia overnight", ["US"]),
    case("Georgia's governor signed the bill on Tuesday", ["US"]),
    case("Georgia voters head to the polls in the Senate runoff between Democrats and Republicans", ["US"]),
    case("The state of Georgia certified its results", ["US"]),
    case("Protests in Georgia continue for a third week", ["GE"], "Georgia without US context"),
    case("Tbilisi said Georgia would not join the sanctions", ["GE"]),
    case("Georgia voters head to the polls as Georgian Dream seeks a fourth term", ["GE"]),
    case("Washington criticised Georgia's foreign agent law", ["US", "GE"]),
    case("Georgia's secretary of state certified the count after an audit", ["US"]),
    case("Long queues formed on the first day of early voting in Georgia", ["US"]),
    case("Georgia Republicans approved a new congressional map", ["US"]),
    case("Trump carried Georgia, a swing state, by two points", ["US"]),
    case("Storm damage in Georgia and the Carolinas left thousands without power", ["US"]),
    case("The University of Georgia raised tuition", ["US"]),
    case("Georgia's opposition urged voters to boycott the local elections", ["GE"], "voters alone is no cue"),
    case("Georgia's parliament passed a law modelled on Russia's", ["GE", "RU"], "a neighbour votes for the country"),
    # Jordan / Chad as given names
    case("Jordan Henderson completed his move on Thursday", []),
    case("Eddie Jordan, the former team owner, has died", []),
    case("Chad Smith played the drums", []),
    case("Jordan's King Abdullah met Blinken in Amman", ["JO", "US"]),
    case("Chad and Niger closed their shared border", ["TD", "NE"]),
    case("Jordan reopened its border crossing with Syria", ["JO", "SY"]),
    case("King Abdullah of Jordan", ["JO"]),
    case("Jordan Closes Border With Syria", ["JO", "SY"], "Title Case headline, no person in text"),
    case("Jordan Henderson Signs For Saudi Club\nJordan Henderson completed his move to the Saudi Pro League.",
         ["SA"], "Title Case headline, person named in the body"),
    case("Sofia Coppola's new film opens", []),
    case("Actor Michael B. Jordan will star in the remake", [], "given name + initial: a person"),
    case("Michael B. Jordan Signs On For Boxing Sequel", [], "even in a Title Case headline"),
    case("Iranian Foreign Minister Abbas Araqchi met his Omani counterpart", ["IR", "OM"]),
    # leaders' surnames that other people share
    case("Werner Herzog's new film opens", []),
    case("President Herzog visited the north", ["IL"]),
    case("Marcos Llorente scored twice", []),
    case("President Marcos met the coast guard", ["PH"]),
    case("Omar Sharif starred in the film", []),
    case("Nawaz Sharif returned to Lahore", ["PK"]),
    case("Jay Carney joined the firm", []),
    case("Mr Carney said tariffs would stay", ["CA"]),
    case("Ministers met in Sofia and Bucharest", ["BG", "RO"]),
    # Lake Chad, the Niger Delta and the river
    case("Weapons are flowing into the Lake Chad Basin", []),
    case("Oil spills in the Niger Delta", []),
    case("Fishing villages in the Niger Delta complain of leaks from the Trans Niger Pipeline", []),
    case("Flooding along the Niger river", []),
    case("Flooding along the River Niger", []),
    case("Niger and Nigeria", ["NE", "NG"]),
    case("Nigerien and Nigerian troops", ["NE", "NG"]),
    case("Gunmen attacked a village in Niger State", ["NG"]),
    # the Guineas: longest match wins and never also emits the shorter country
    case("Equatorial Guinea holds a vote", ["GQ"]),
    case("Guinea-Bissau and Guinea Bissau", ["GW"]),
    case("Papua New Guinea", ["PG"]),
    case("Piracy in the Gulf of Guinea", []),
    case("Guinea's junta set an election date", ["GN"]),
    case("Guinean and Equatorial Guinean officials", ["GN", "GQ"]),
    # the two Congos
    case("Brazzaville", ["CG"]),
    case("Congo-Brazzaville", ["CG"]),
    case("Republic of the Congo", ["CG"]),
    case("Democratic Republic of the Congo", ["CD"]),
    case("DRC, DR Congo and Congo-Kinshasa", ["CD"]),
    case("Kinshasa", ["CD"]),
    case("Fighting in eastern Congo displaced thousands", ["CD"]),
    case("Congolese troops", ["CD"]),
    case("Denis Sassou Nguesso said Congo would vote in March, Brazzaville announced", ["CG"]),
    # Sudan / South Sudan
    case("South Sudan", ["SS"]),
    case("Sudanese and South Sudanese refugees", ["SD", "SS"]),
    case("Khartoum", ["SD"]),
    # Dominica / Dominican Republic
    case("Dominican Republic", ["DO"]),
    case("Dominican troops", ["DO"]),
    case("Dominica", ["DM"]),
    # names inside names
    case("New Mexico", ["US"]),
    case("New Jersey and New York", ["US"]),
    case("New South Wales", ["AU"]),
    case("Paris Hilton", []),
    case("The Washington Post reported", ["US"]),
    case("Washington state", ["US"]),
    case("Indian Ocean", []),
    case("American Samoa", ["AS"]),
    case("Latin American leaders", []),
    case("Indian and American officials", ["IN", "US"]),
    case("Victoria", []),
    case("A Beatles Reunion Special", []),
    case("Cyclone hits Réunion Island", ["RE"]),
    case("Expedition to the North Pole", []),
    case("A Great Dane won the show", []),
    case("Chile exports copper", ["CL"]),
    case("chili peppers", []),
    case("China and Taiwan", ["CN", "TW"]),
    case("fine china plates", []),
    case("turkey, china, chile and jordan in lower case", []),
    case("Mali's junta", ["ML"]),
    case("Somalia", ["SO"]),
    case("Malik and Malia", []),
    case("Togolese and Togo", ["TG"]),
    case("Romanian", ["RO"]),
    case("Oman", ["OM"]),
    case("Peruvian and Peru", ["PE"]),
    case("Cuban and Cuba", ["CU"]),
    case("Mark Cuban", []),
    # not countries at all
    case("Kurdish fighters", []),
    case("Black Sea grain", []),
    case("Red Sea shipping", []),
    case("South China Sea tensions", [], "sea named after a country: a place, not the country"),
    # landmark words: water bodies, landforms, pipelines, venues and companies named after a country
    case("Russian warships sailed into the Gulf of Finland", ["RU"]),
    case("Tankers waited off Yemen in the Gulf of Aden", ["YE"]),
    case("A cyclone formed over the Bay of Bengal", []),
    case("North Korea fired two missiles into the Sea of Japan", ["KP"]),
    case("Herders crossed the Senegal River at dawn", []),
    case("Manila protested as ships massed in the Philippine Sea", ["PH"], "demonym + Sea, capital still counts"),
    case("Saboteurs hit the Trans-Niger Pipeline again", [], "hyphenated"),
    case("Output on the Trans Niger Pipeline resumed, Nigerian officials said", ["NG"]),
    case("Villa were beaten 2-0 at the Emirates Stadium", []),
    case("Turkish Airlines and Qatar Airways added flights", []),
    case("Students at the American University of Beirut walked out", ["LB"]),
    case("Cairo University reopened", ["EG"], "capitals are never joined to a landmark"),
    case("Egypt's Cairo University reopened", ["EG"]),
    # names of places elsewhere that contain a country
    case("Wildfires forced thousands from their homes in British Columbia", []),
    case("Wildfires in British Columbia, Canadian officials said", ["CA"]),
    case("A shell company registered in the British Virgin Islands (BVI)", ["VG"]),
    case("A volcano erupted on New Britain in Papua New Guinea", ["PG"]),
    case("Snowstorms across New England", ["US"]),
    # Korea
    case("North Korea", ["KP"]),
    case("Pyongyang", ["KP"]),
    case("DPRK", ["KP"]),
    case("South Korea and Seoul", ["KR"]),
    case("Korean officials", ["KR"]),
    case("North Korean troops", ["KP"]),
    # Ireland
    case("Irish", ["IE"]),
    case("Northern Irish", ["GB"]),
    # Chechen: a Russian republic
    case("Chechen fighters", ["RU"]),
    # case and word boundaries
    case("us and them", []),
    case("US troops", ["US"]),
    case("U.S. troops", ["US"]),
    case("U.S.-led coalition", ["US"]),
    case("USA", ["US"]),
    case("the USSR", []),
    case("RUSSIA STRIKES KYIV", ["RU", "UA"]),
]


@pytest.mark.parametrize("text, expected", TRAPS)
def test_country_traps(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert gaz.countries(text) == expected


# --- the dev items ------------------------------------------------------------------------------------------

DEV = [
    (
        "South Sudan and Uganda agree border patrols\n"
        "Juba and Kampala will run joint patrols along their shared border after a spate of cattle raids.",
        {"SS", "UG"}, {"SD"},
    ),
    (
        "Dominican Republic tightens Haiti border checks\n"
        "Santo Domingo sent more troops to the frontier with Haiti as gang violence spread across the border region.",
        {"DO", "HT"}, {"DM"},
    ),
    ("Wheat futures close at $7.42 a bushel\nChicago wheat futures closed at $7.42 a bushel on Monday, "
     "down 1.2% on the day, as Black Sea export volumes held steady.", {"US"}, set()),
    ("Jordan Henderson signs with a Saudi club\nThe England midfielder completed his move to the Saudi Pro League "
     "on Thursday.", {"GB", "SA"}, {"JO"}),
    ("Oil spill fouls creeks in the Niger Delta\nResidents of Bayelsa state say a ruptured pipeline has fouled "
     "fishing creeks across the Niger Delta, the heart of Nigeria's oil industry.", {"NG"}, {"NE"}),
    ("Paris Hilton launches a new perfume line\nThe hotel heiress unveiled the fragrance at a launch party in "
     "Los Angeles on Friday.", {"US"}, {"FR"}),
    ("Equatorial Guinea holds parliamentary vote\nVoters in Equatorial Guinea cast ballots on Sunday in an "
     "election the opposition calls a formality.", {"GQ"}, {"GN"}),
    ("Buhari warns of war weapons flowing into Lake Chad Basin\nPresident Muhammadu Buhari on Tuesday in Abuja "
     "urged more vigilance, drawing attention to weapons from the Russia and Ukraine war in the Lake Chad Basin.",
     {"NG", "RU", "UA"}, {"TD"}),
    ("Cavusoglu airs rare complaint over Moscow stalling Syria constitution talks\nThe top Turkish diplomat "
     "complained that Russia is stalling talks between the warring Syrian parties, as a Russian delegation "
     "prepared to visit Ankara.", {"TR", "RU", "SY"}, set()),
    ("Kadyrov raises Sufi militia for the war\nChechen leader Ramzan Kadyrov is organising a military force for "
     "use in Ukraine, under the terms of Putin's mobilisation order.", {"RU", "UA"}, set()),
]


@pytest.mark.parametrize("text, expected, never", DEV, ids=[d[0].split("\n")[0][:50] for d in DEV])
def test_dev_items(gaz: Gazetteer, text: str, expected: set[str], never: set[str]) -> None:
    found = gaz.countries(text)
    assert set(found) == expected
    assert not set(found) & never
    assert len(found) == len(set(found))


# --- metonyms and people ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, code", [
    ("Moscow", "RU"), ("Tehran", "IR"), ("Ankara", "TR"), ("Abuja", "NG"), ("Juba", "SS"), ("Kampala", "UG"),
    ("Santo Domingo", "DO"), ("the Kremlin", "RU"), ("the White House", "US"), ("Downing Street", "GB"),
    ("the Elysee", "FR"), ("the Élysée", "FR"), ("Zhongnanhai", "CN"), ("the Pentagon", "US"), ("Whitehall", "GB"),
    ("Putin", "RU"), ("Erdogan", "TR"), ("Erdoğan", "TR"), ("Recep Tayyip Erdogan", "TR"), ("Zelensky", "UA"),
    ("Zelenskyy", "UA"), ("Volodymyr Zelenskyy", "UA"), ("Buhari", "NG"), ("Cavusoglu", "TR"),
    ("Çavuşoğlu", "TR"), ("Netanyahu", "IL"), ("Xi Jinping", "CN"), ("Kim Jong-un", "KP"), ("Kim Jong Un", "KP"),
    ("Côte d'Ivoire", "CI"), ("Cote d’Ivoire", "CI"), ("Ivory Coast", "CI"), ("Russian Federation", "RU"),
    ("the UK", "GB"), ("Britain", "GB"), ("England", "GB"), ("Iranian", "IR"), ("Saudi", "SA"),
])
def test_metonyms_demonyms_and_leaders(gaz: Gazetteer, text: str, code: str) -> None:
    assert gaz.countries(f"{text} said on Monday") == [code]


@pytest.mark.parametrize("text, expected", [
    case("Abbas Araghchi met Mahmoud Abbas", ["IR", "PS"], "longest name decides whose Abbas"),
    case("Luís Montenegro visited Montenegro", ["PT", "ME"]),
    case("Francesca Albanese, the UN rapporteur", []),
    case("Anthony Albanese", ["AU"]),
    case("Xi'an", []),
])
def test_people_with_place_like_names(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert gaz.countries(text) == expected


@pytest.mark.parametrize("text", ["Chicago", "Los Angeles", "Texas", "California", "New York", "Wyoming",
                                  "Honolulu", "Washington, D.C."])
def test_us_places_mean_us(gaz: Gazetteer, text: str) -> None:
    assert gaz.countries(f"Officials in {text} said") == ["US"]


# --- tags: order, evidence, mentions ---------------------------------------------------------------------------

def test_tags_keep_evidence_in_order_of_first_appearance(gaz: Gazetteer) -> None:
    tags = gaz.tag("Tehran said the Iranian navy would respond; Moscow agreed. Tehran later denied it.")
    assert [t.actor.id for t in tags] == ["IR", "RU"]
    iran = tags[0]
    assert iran == ActorTag(Actor("IR", COUNTRY, "Iran"), ("Tehran", "Iranian"), 3)


def test_evidence_is_the_text_as_written(gaz: Gazetteer) -> None:
    [tag] = gaz.tag("Erdoğan met U.S. envoys; the U.S. and Erdogan agreed")[1:]
    assert tag.evidence == ("U.S.",) and tag.mentions == 2
    assert gaz.tag("Erdoğan and Erdogan")[0].evidence == ("Erdoğan", "Erdogan")


def test_countries_is_the_country_part_of_tag(gaz: Gazetteer) -> None:
    text = "NATO allies met in Brussels as Hezbollah fired on Israel"
    assert gaz.countries(text) == [t.actor.id for t in gaz.tag(text) if t.actor.kind == COUNTRY] == ["BE", "IL"]


# --- organisations ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, org", [
    ("NATO", "NATO"), ("Nato", "NATO"), ("the European Union", "EU"), ("the UN", "UN"), ("African Union", "AFRICAN_UNION"),
    ("Syrian Democratic Forces", "SDF"), ("the SDF", "SDF"), ("Hezbollah", "HEZBOLLAH"), ("Houthi rebels", "HOUTHIS"),
    ("the Houthis", "HOUTHIS"), ("Wagner Group", "WAGNER"), ("Wagner mercenaries", "WAGNER"), ("Hamas", "HAMAS"),
    ("Islamic State", "ISIS"), ("al-Shabaab", "AL_SHABAAB"), ("Boko Haram", "BOKO_HARAM"), ("the Taliban", "TALIBAN"),
    ("Rapid Support Forces", "RSF"), ("M23 rebels", "M23"), ("HTS", "HTS"), ("Gazprom", "GAZPROM"),
    ("Rosatom", "ROSATOM"), ("the IAEA", "IAEA"), ("the World Bank", "WORLD_BANK"), ("OPEC+", "OPEC"),
])
def test_organisations(gaz: Gazetteer, text: str, org: str) -> None:
    tags = gaz.tag(f"{text} said on Monday")
    assert [(t.actor.id, t.actor.kind) for t in tags] == [(org, ORG)]


def test_organisations_never_add_a_country(gaz: Gazetteer) -> None:
    text = "The Kurdish-led Syrian Democratic Forces (SDF) and NATO; Houthi attacks in the Red Sea"
    assert gaz.countries(text) == []
    assert [t.actor.id for t in gaz.tag(text)] == ["SDF", "NATO", "HOUTHIS"]
    assert gaz.tag(text)[0].evidence == ("Syrian Democratic Forces", "SDF")


def test_all_caps_acronym_that_is_a_word_is_ignored_in_shouting(gaz: Gazetteer) -> None:
    assert [t.actor.id for t in gaz.tag("WHO warns of cholera in Yemen")] == ["WHO", "YE"]
    assert gaz.tag("WHO IS BEHIND THE ATTACK") == []


def test_rsf_is_the_sudanese_force_unless_the_text_is_about_press_freedom(gaz: Gazetteer) -> None:
    assert [t.actor.id for t in gaz.tag("RSF fighters advanced in Darfur")] == ["RSF"]
    assert gaz.tag("RSF, the press freedom group Reporters Without Borders, said") == []


# --- lookup for commands ------------------------------------------------------------------------------------

@pytest.mark.parametrize("query, actor_id", [
    ("russia", "RU"), ("Russian", "RU"), ("ru", "RU"), ("RU", "RU"), ("rus", "RU"), ("Moscow", "RU"),
    ("putin", "RU"), ("the kremlin", "RU"), ("nato", "NATO"), ("Türkiye", "TR"), ("turkiye", "TR"),
    ("turkey", "TR"), ("south korea", "KR"), ("  South   Korea ", "KR"), ("uk", "GB"), ("au", "AU"),
    ("african union", "AFRICAN_UNION"), ("world bank", "WORLD_BANK"), ("world_bank", "WORLD_BANK"),
    ("georgia", "GE"), ("congo", "CD"), ("jordan", "JO"), ("erdogan", "TR"), ("the hague", "NL"),
])
def test_resolve(gaz: Gazetteer, query: str, actor_id: str) -> None:
    actor = gaz.resolve(query)
    assert actor is not None and actor.id == actor_id


@pytest.mark.parametrize("query", ["", "   ", "atlantis", "zz"])
def test_resolve_unknown(gaz: Gazetteer, query: str) -> None:
    assert gaz.resolve(query) is None


def test_suggest_ranks_names_before_aliases_and_caps_the_list(gaz: Gazetteer) -> None:
    assert gaz.suggest("ru")[0].id == "RU"
    assert {a.id for a in gaz.suggest("kor")[:2]} == {"KR", "KP"}
    assert gaz.suggest("nat")[0].id == "NATO"
    assert [a.id for a in gaz.suggest("putin")] == ["RU"]
    assert len(gaz.suggest("a")) == 25 and len(gaz.suggest("a", limit=5)) == 5
    assert gaz.suggest("") and all(a.kind == COUNTRY for a in gaz.suggest("", limit=10))
    assert gaz.suggest("qqqq") == []


def test_get_and_all_countries(gaz: Gazetteer) -> None:
    assert gaz.get("RU") == Actor("RU", COUNTRY, "Russia")
    assert gaz.get("nato") == Actor("NATO", ORG, "NATO")
    assert gaz.get("XX") is None
    countries = gaz.all_countries()
    assert len(countries) >= 195 and all(a.kind == COUNTRY and len(a.id) == 2 for a in countries)
    assert [a.name for a in countries] == sorted(a.name for a in countries)
    assert {"US", "GB", "XK", "PS", "TW", "SS"} <= {a.id for a in countries}


# --- data files and module hygiene --------------------------------------------------------------------------

def _data(name: str) -> dict:
    return json.loads(resources.files("bot.intel.data").joinpath(name).read_text(encoding="utf-8"))


def test_leaders_file_is_dated_and_covers_at_least_60_countries(gaz: Gazetteer) -> None:
    leaders = _data("leaders.json")
    assert date.fromisoformat(leaders["as_of"]) >= date(2025, 1, 1)
    assert len(leaders["current"]) >= 60
    assert {"NG", "TR"} <= set(leaders["former"])  # Buhari, Cavusoglu
    for section in ("current", "former", "other"):
        for code, people in leaders[section].items():
            assert gaz.get(code) is not None and gaz.get(code).kind == COUNTRY, code
            assert all(p["name"] and p["role"] for p in people)


def test_organisation_ids_are_upper_case_and_never_country_codes(gaz: Gazetteer) -> None:
    for org_id in _data("organisations.json")["organisations"]:
        assert org_id == org_id.upper() and " " not in org_id
        assert gaz.get(org_id).kind == ORG


def test_importing_does_not_import_discord_or_build_the_gazetteer() -> None:
    code = ("import sys, bot.intel.actors as a; "
            "assert 'discord' not in sys.modules; assert a.default_gazetteer.cache_info().currsize == 0; "
            "a.default_gazetteer().tag('Putin'); assert 'discord' not in sys.modules")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


# --- places the text puts in another country --------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    case("A tornado struck Lebanon, Tennessee, overnight", ["US"]),
    case("The refinery in Lima, Ohio, is back at full rates", ["US"]),
    case("Police in Moscow, Idaho said on Monday", ["US"], "no comma after the state"),
    case("ATHENS, Ga. (AP) - Thousands turned out for the parade", ["US"], "AP dateline, state abbreviation"),
    case("Bulldogs Win In Athens\nThe game in Athens, Georgia, sold out.", ["US"], "every Athens in the text"),
    case("Atlanta, Georgia", ["US"]),
    case("Protests in Tbilisi, Georgia, grew", ["GE"], "the capital settles Georgia as the country"),
    case("Agents raided a battery plant in Ellabell, Georgia, and detained South Korean workers", ["US", "KR"],
         "an unknown town before Georgia votes for the state"),
    case("A forum opened in Batumi, Georgia, on Monday", ["GE"], "a vote, not a decision: Batumi is a cue too"),
    case("Envoys from Russia, Georgia and Armenia met", ["RU", "GE", "AM"], "a list, not an address"),
    case("Envoys from Lebanon, Georgia, Armenia and Iraq met", ["LB", "GE", "AM", "IQ"], "a list, not an address"),
    case("In Moscow, Georgia's envoy said the talks failed", ["RU", "GE"], "not an address"),
    case("For Mexico, California is the largest market", ["MX", "US"], "not an address"),
    case("Rockets hit the northern Lebanese city of Tripoli", ["LB"]),
    case("Fuel ran short in Lebanon's Tripoli", ["LB"]),
    case("A protest in Tripoli, Lebanon, turned violent", ["LB"]),
    case("Rival militias clashed in Tripoli", ["LY"]),
    case("Libya's Tripoli government rejected the plan", ["LY"]),
    case("Israel's Doha strike drew condemnation", ["IL", "QA"], "a possessive alone puts no capital elsewhere"),
    case("The Ukrainian port of Odesa came under fire", ["UA"]),
])
def test_places_put_elsewhere(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert gaz.countries(text) == expected


@pytest.mark.parametrize("text, expected", [
    case("Saka scored twice as Arsenal won at the Emirates", []),
    case("The Gunners are unbeaten at the Emirates this season, Arsenal said", []),
    case("Ministers met in the Emirates to discuss Sudan", ["AE", "SD"]),
])
def test_the_emirates_in_a_match_report_is_the_stadium(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert gaz.countries(text) == expected


def test_evidence_of_an_address_is_the_state(gaz: Gazetteer) -> None:
    [tag] = gaz.tag("Flooding in Lebanon, Tennessee, and Lebanon, Ohio, closed roads")
    assert tag.actor.id == "US" and tag.evidence == ("Tennessee", "Ohio")
