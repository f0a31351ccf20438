"""The domain classifier on realistic headline + lead pairs, and the rules around the primary/secondary choice."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.intel.domains import (
    DOMAINS, DomainClassifier, DomainSettings, DomainTag, PhraseMatcher, default_classifier, inflections, normalise,
)

ROOT = Path(__file__).resolve().parents[2]

# (title, lead, primary). The first block mirrors shared/eval/dev_items.py; the rest are written in their style.
EXAMPLES: list[tuple[str, str, str]] = [
    ("Are Russia and Iran expanding military ties?",
     "The US says the two allies are giving each other 'unprecedented support' in Ukraine. Iran is now Russia's "
     "biggest military backer. That's the warning from the US National Security Council.", "military"),
    ("Russia and Iran agree drone production deal, officials say",
     "Iran and Russia have reportedly agreed to a deal which will allow Russia to produce Iran-designed armed drones "
     "for use in Ukraine. Iranian leaders assess that production in Russia will let Tehran skirt further U.S. and "
     "European sanctions on its drone factories.", "military"),
    ("Why Ukraine should not rush to retake the peninsula",
     "Ukraine's liberation of Kherson at the beginning of November was more than a dramatic military victory: it "
     "called Vladimir Putin's bluff.", "military"),
    ("Russian delegation heads to Turkey for talks on Syria",
     "A high-level Russian diplomatic delegation led by deputy foreign minister Sergey Vershinin is heading to "
     "Turkey on Thursday for talks amid repeated Turkish threats of a ground offensive in northern Syria.",
     "diplomacy"),
    ("Cavusoglu airs rare complaint over Moscow stalling Syria constitution talks",
     "The top Turkish diplomat complained that Russia is stalling constitutional talks between the warring Syrian "
     "parties, and called on Moscow to let the process resume.", "diplomacy"),
    ("Erdogan: 'Kobani is finished'",
     "The visit comes as Ankara threatens to launch a new ground operation against the Syrian Kurdish groups in "
     "northern Syria.", "military"),
    ("Buhari warns of war weapons flowing into Lake Chad Basin",
     "President Muhammadu Buhari urged tightening of security around borders, drawing attention to the increased "
     "number of arms, ammunition and other weapons from the Russia and Ukraine war.", "military"),
    ("Orban uses World Cup spotlight to talk of 'civilisational' borders",
     "Hungary did not qualify for the tournament in Qatar, but Prime Minister Viktor Orban used the global focus on "
     "football to describe central European borders by ethnicity rather than recognised frontiers.", "politics"),
    ("Kadyrov raises Sufi militia for the war",
     "Chechen leader Ramzan Kadyrov is organising a military force drawn from a Sufi order for use in Ukraine, "
     "under the terms of Putin's mobilisation order.", "military"),
    ("Mediterranean migration crisis in full swing as Europe looks east",
     "While Europe remains transfixed on the war in Ukraine, thousands of migrants crossed from Libya towards Italy "
     "this week, and rescue ships waited days for a port.", "humanitarian"),
    ("Wheat futures close at $7.42 a bushel",
     "Chicago wheat futures closed at $7.42 a bushel on Monday, down 1.2% on the day, as Black Sea export volumes "
     "held steady.", "economy"),
    ("Oil spill fouls creeks in the Niger Delta",
     "Residents of Bayelsa state say a ruptured pipeline has fouled fishing creeks across the Niger Delta, the heart "
     "of Nigeria's oil industry.", "humanitarian"),
    ("Equatorial Guinea holds parliamentary vote",
     "Voters in Equatorial Guinea cast ballots on Sunday in an election the opposition calls a formality.", "politics"),
    ("Paris Hilton launches a new perfume line",
     "The hotel heiress unveiled the fragrance at a launch party in Los Angeles on Friday.", "other"),
    ("South Sudan and Uganda agree border patrols",
     "Juba and Kampala will run joint patrols along their shared border after a spate of cattle raids.", "military"),
    ("Dominican Republic tightens Haiti border checks",
     "Santo Domingo sent more troops to the frontier with Haiti as gang violence spread across the border region.",
     "military"),
    ("Jordan Henderson signs with a Saudi club",
     "The England midfielder completed his move to the Saudi Pro League on Thursday.", "other"),
    # military
    ("Russian missiles hit Kyiv power stations overnight",
     "Air defence units shot down most of the cruise missiles, the Ukrainian air force said, but strikes knocked "
     "out heating in several districts.", "military"),
    ("Azerbaijan launches 'anti-terror' operation in Karabakh",
     "Artillery shelling was reported around Stepanakert as Baku's troops advanced on Armenian separatist positions.",
     "military"),
    ("Al-Shabaab fighters storm army base in central Somalia",
     "Militants detonated a car bomb at the gate before gunmen attacked soldiers inside, a local commander said.",
     "military"),
    # diplomacy
    ("Lavrov and Wang Yi hold talks in Moscow",
     "The foreign ministers discussed a peace plan for Ukraine and agreed to deepen coordination at the UN "
     "Security Council, the Russian foreign ministry said.", "diplomacy"),
    ("Armenia and Azerbaijan leaders to meet at EU summit",
     "European Council president Charles Michel will host the talks, which envoys say could settle a draft peace "
     "treaty.", "diplomacy"),
    ("Turkey summons Swedish ambassador over Koran burning",
     "Ankara's foreign ministry lodged a protest with the envoy, casting doubt on Stockholm's bid to join NATO.",
     "diplomacy"),
    # economy
    ("EU agrees price cap on Russian diesel",
     "The cap of $100 a barrel comes on top of an embargo on seaborne crude imports and will cut Moscow's oil "
     "revenue, officials said.", "economy"),
    ("Brent climbs above $95 as Saudi output cuts bite",
     "Oil prices rose for a fourth session as traders bet that tighter supply and strong demand would drain "
     "inventories.", "economy"),
    ("Ghana's central bank raises interest rates to 27%",
     "The bank said inflation, now above 40%, would stay high as the cedi weakens against the dollar.", "economy"),
    ("US tightens sanctions on Iranian oil exports",
     "The Treasury blacklisted a network of shipping companies it said sold Iranian crude to buyers in Asia.",
     "economy"),
    # cyber
    ("Hackers target Ukrainian power grid with new malware",
     "Researchers said the Sandworm group deployed a wiper on the utility's servers weeks before the attack.",
     "cyber"),
    ("Ransomware attack halts operations at Japanese port",
     "The port authority said its container terminal systems were encrypted and a ransom note was found.", "cyber"),
    ("Pro-Russian hackers claim DDoS attacks on German airports",
     "The Killnet group said it took airport websites offline; officials said flights were not affected.", "cyber"),
    ("Data breach exposes millions of Indian health records",
     "A hacker posted the stolen data on a forum, and the government said its cybersecurity agency was "
     "investigating.", "cyber"),
    # information
    ("Kremlin steps up disinformation about Ukrainian refugees",
     "State media and pro-Kremlin Telegram channels spread false claims that refugees are committing crimes, "
     "fact-checkers found.", "information"),
    ("Belarus jails journalist for nine years",
     "The reporter for an independent news outlet was convicted of 'extremism', in what press freedom groups "
     "called an act of censorship.", "information"),
    ("Researchers uncover Chinese bot network pushing anti-US propaganda",
     "The network of fake accounts on X and Facebook amplified narratives about American decline, the DFRLab said.",
     "information"),
    # politics
    ("Protesters clash with police in Tbilisi over 'foreign agent' law",
     "Riot police used tear gas and water cannon as thousands rallied outside parliament for a third night.",
     "politics"),
    ("Senegal's opposition leader jailed ahead of election",
     "Ousmane Sonko's supporters say the charges are meant to keep him off the ballot in February's presidential "
     "vote.", "politics"),
    ("Slovak government falls after no-confidence vote",
     "Lawmakers voted to remove Prime Minister Eduard Heger's coalition cabinet, opening the way to an early "
     "election.", "politics"),
    ("Ukrainian minister resigns amid corruption scandal",
     "The deputy minister was detained on suspicion of bribery over army food contracts, prosecutors said.",
     "politics"),
    # humanitarian
    ("Earthquake kills hundreds in western Afghanistan",
     "Rescuers dug through rubble in Herat province as aid agencies warned survivors faced winter without shelter.",
     "humanitarian"),
    ("Cholera spreads in Haiti's displaced camps",
     "Health officials said the outbreak was worst in camps for people displaced by gang violence in "
     "Port-au-Prince.", "humanitarian"),
    ("UN says Sudan faces the world's worst famine",
     "More than 25 million people need food aid, and refugees are pouring into Chad, the World Food Programme said.",
     "humanitarian"),
    # other
    ("Real Madrid complete transfer of Jude Bellingham",
     "The England midfielder joins the Spanish club for a fee of 103 million euros.", "other"),
    ("Astronomers spot water vapour on distant planet",
     "Scientists using the James Webb telescope said the finding could help the search for habitable worlds.",
     "other"),
    ("Oppenheimer sweeps the Oscars",
     "Christopher Nolan's film won seven awards, including best actor for Cillian Murphy, at the Hollywood ceremony.",
     "other"),
]


# (title, lead, the two domains expected, in either order): items that really are about two things.
MIXED: list[tuple[str, str, set[str]]] = [
    ("EU foreign ministers agree new sanctions on Iran over drone deliveries",
     "The ministers, meeting in Brussels, approved an asset freeze on firms that export engines for Iranian drones, "
     "diplomats said.", {"economy", "diplomacy"}),
    ("Refugees flee fighting in eastern Congo",
     "Tens of thousands have been displaced as M23 rebels advance on Goma, and aid agencies say camps are "
     "overwhelmed.", {"humanitarian", "military"}),
    ("Russian military hackers behind attack on Ukrainian artillery app, researchers say",
     "The Fancy Bear group planted malware in an Android app used by Ukrainian artillery units to aim howitzers.",
     {"cyber", "military"}),
    ("Protests spread in Kazakhstan over fuel price rise",
     "Demonstrators torched government buildings in Almaty after the cost of liquefied gas doubled when price caps "
     "were lifted.", {"politics", "economy"}),
    ("Journalist killed in Israeli strike on southern Lebanon",
     "The Reuters videographer was killed by tank fire while filming cross-border shelling, the news agency said.",
     {"military", "information"}),
    ("UN envoy urges aid access to besieged Tigray",
     "The special envoy told the Security Council that millions face famine and called on Addis Ababa to let "
     "humanitarian convoys through.", {"humanitarian", "diplomacy"}),
    ("Kremlin-backed media spread claims of Ukrainian 'dirty bomb'",
     "State television repeated the defence minister's claims, which Western officials called disinformation "
     "meant to justify escalation.", {"information", "military"}),
    ("Opposition wins Turkish local elections as inflation bites",
     "Voters punished the ruling party over soaring prices and a collapsing lira, handing the opposition Istanbul "
     "and Ankara.", {"politics", "economy"}),
    ("Germany approves Leopard tank deliveries after talks with allies",
     "Chancellor Olaf Scholz said the decision followed weeks of talks with Washington and NATO partners on sending "
     "tanks to Ukraine.", {"military", "diplomacy"}),
    ("Floods wipe out Pakistan's cotton crop, lifting global prices",
     "The floods displaced millions and destroyed farmland in Sindh, and cotton futures rose 5% in New York.",
     {"humanitarian", "economy"}),
]


@pytest.fixture(scope="module")
def clf() -> DomainClassifier:
    return default_classifier()


@pytest.mark.parametrize(("title", "lead", "want"), EXAMPLES, ids=[e[0][:40] for e in EXAMPLES])
def test_primary_domain_of_realistic_items(clf: DomainClassifier, title: str, lead: str, want: str) -> None:
    tag = clf.classify(title, lead)
    assert tag.primary == want, (tag.domains, dict(tag.evidence))


def test_every_domain_has_at_least_three_examples() -> None:
    for domain in DOMAINS:
        assert sum(want == domain for _, _, want in EXAMPLES) >= 3, domain


@pytest.mark.parametrize(("title", "lead", "want"), MIXED, ids=[m[0][:40] for m in MIXED])
def test_secondary_kept_when_a_second_domain_has_real_weight(
        clf: DomainClassifier, title: str, lead: str, want: set[str]) -> None:
    tag = clf.classify(title, lead)
    assert set(tag.domains) == want, (tag.domains, dict(tag.scores))


def test_mean_domains_per_item_stays_small(clf: DomainClassifier) -> None:
    items = [(title, lead) for title, lead, _ in EXAMPLES + MIXED]
    sizes = [len(clf.classify(title, lead).domains) for title, lead in items]
    mean = sum(sizes) / len(sizes)
    assert 1.1 < mean <= 1.8  # some secondaries, but not a second label on everything


def test_secondary_is_the_runner_up_and_needs_both_bars(clf: DomainClassifier) -> None:
    tag = clf.classify(*MIXED[0][:2])
    assert tag.domains == ("economy", "diplomacy")
    runner_up = max((d for d in tag.scores if d not in ("economy", "other")), key=tag.scores.__getitem__)
    assert runner_up == "diplomacy"
    s = clf.settings
    assert tag.scores["diplomacy"] >= max(s.secondary_min, s.secondary_ratio * tag.scores["economy"])
    strict = DomainClassifier({"economy": {"sanctions": 3}, "diplomacy": {"envoy": 3}},
                              settings=DomainSettings(secondary_min=7))
    assert strict.classify("Sanctions", "An envoy said.").secondary is None  # 3 < minimum 7
    assert strict.classify("Sanctions, sanctions", "Envoy envoy envoy.").domains == ("economy", "diplomacy")  # 12, 9
    close = DomainClassifier({"economy": {"sanctions": 3}, "diplomacy": {"envoy": 3}},
                             settings=DomainSettings(secondary_ratio=0.9))
    assert close.classify("Sanctions, sanctions", "Envoy envoy envoy.").secondary is None  # 9 < 0.9 x 12


def test_secondary_dropped_when_far_behind(clf: DomainClassifier) -> None:
    tag = clf.classify("Wheat futures close at $7.42 a bushel",
                       "Wheat futures closed at $7.42, as traders watched the war in Ukraine.")
    assert tag.primary == "economy" and tag.secondary is None
    assert tag.scores["military"] > 0  # the war was seen, just not enough to count


def test_other_is_the_fallback_and_never_a_secondary(clf: DomainClassifier) -> None:
    tag = clf.classify("Local bakery wins award", "The family-run shop was praised for its sourdough.")
    assert tag.primary == "other" and tag.secondary is None and tag.domains == ("other",)
    for title, lead, *_ in EXAMPLES + MIXED:
        assert clf.classify(title, lead).secondary != "other"


def test_weak_cue_alone_does_not_make_a_domain(clf: DomainClassifier) -> None:
    # "president" is a politics cue, but a single weak cue is below the bar
    tag = clf.classify("New library opens", "The president cut the ribbon; the building has a garden and a cafe.")
    assert tag.primary == "other"
    assert tag.scores == {"politics": 1.0}


def test_politicians_statements_outweigh_the_sport_setting(clf: DomainClassifier) -> None:
    sport = clf.classify("Hungary knocked out of the Euros", "The football team lost 2-0 in the tournament.")
    politics = clf.classify(*EXAMPLES[7][:2])
    assert sport.primary == "other"
    assert politics.primary == "politics" and politics.scores["other"] > 0


def test_evidence_lists_matched_cues_weightiest_first(clf: DomainClassifier) -> None:
    tag = clf.classify("Russia and Iran agree drone production deal, officials say", EXAMPLES[1][1])
    military = tag.evidence["military"]
    assert military[0] == "drone production"        # title cue, weight 3 x 2
    assert "armed drone" in military and "drone" not in tag.evidence.get("economy", ())
    assert "sanction" in tag.evidence["economy"]
    assert set(tag.evidence) == set(tag.scores)
    assert len(set(military)) == len(military)


def test_longest_cue_wins_where_cues_overlap(clf: DomainClassifier) -> None:
    tag = clf.classify("", "An oil spill and military aid; the sides struck a deal.")
    assert "oil" not in tag.evidence.get("economy", ())
    assert "aid" not in tag.evidence.get("humanitarian", ())
    assert "strike" not in tag.evidence.get("military", ())
    assert "strike a deal" in tag.evidence["diplomacy"]  # evidence names the lexicon entry, not the surface form


def test_inflected_forms_match(clf: DomainClassifier) -> None:
    for text in ("a drone", "two drones", "troops struck the town", "strikes continued", "ballots were counted"):
        assert clf.classify("", text).scores, text
    assert clf.classify("", "Troops struck").evidence["military"] == ("troops", "strike")
    assert clf.classify("", "people talk about it").scores == {}  # "=talks" is exact: "talk" is no cue


def test_title_cues_weigh_double(clf: DomainClassifier) -> None:
    in_title = clf.classify("Troops", "")
    in_body = clf.classify("", "Troops")
    assert in_title.scores["military"] == 2 * in_body.scores["military"]
    # the same two cues, swapped between title and body, swap the primary
    assert clf.classify("Refugees flee", "Troops were seen.").primary == "humanitarian"
    assert clf.classify("Troops seen", "Refugees fled.").primary == "military"


def test_repeats_of_one_cue_are_capped(clf: DomainClassifier) -> None:
    tag = clf.classify("", "war " * 10)
    assert tag.scores["military"] == 2 * clf.settings.max_repeats


def test_word_boundaries(clf: DomainClassifier) -> None:
    assert clf.classify("", "The warden of the armoury met a wartless aide.").scores == {}


def test_tag_is_immutable(clf: DomainClassifier) -> None:
    tag = clf.classify(*EXAMPLES[0][:2])
    with pytest.raises(AttributeError):
        tag.primary = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        tag.scores["military"] = 0  # type: ignore[index]


def test_domain_tag_domains_property() -> None:
    assert DomainTag("cyber", None, {}, {}).domains == ("cyber",)
    assert DomainTag("cyber", "military", {}, {}).domains == ("cyber", "military")


def test_hand_built_classifier_and_settings() -> None:
    clf = DomainClassifier({"military": {"tank": 2}, "economy": {"price": 2}},
                           settings=DomainSettings(min_score=1, secondary_min=1))
    tag = clf.classify("Tank prices", "")
    assert tag.domains == ("military", "economy")  # a tie goes to DOMAINS order after the title score
    with pytest.raises(ValueError):
        DomainClassifier({"sports": {"goal": 1}})
    with pytest.raises(ValueError):
        DomainClassifier({"military": {"tank": 1}, "economy": {"tank": 1}})


def test_normalise_and_inflections() -> None:
    assert normalise("Didn't  Fact-Check, Turkey\u2019s") == " did not fact check | turkey s "
    assert {"drones", "drone"} <= inflections("drone")
    assert {"strike", "strikes", "struck", "striking"} <= inflections("strike", {"strike": ["struck"]})
    assert "banned" in inflections("ban") and "refugees" in inflections("refugee")


def test_phrase_matcher_reports_offsets() -> None:
    matcher = PhraseMatcher([("air strike", "a"), ("strike", "b"), ("=talks", "c")], {"strike": ["struck"]})
    text = normalise("An air strike, then they struck; talks, no talk.")
    found = [(text[start:end + 1], phrase, payload) for start, end, phrase, payload in matcher.find(text)]
    assert found == [("air strike", "air strike", "a"), ("struck", "strike", "b"), ("talks", "talks", "c")]
    assert PhraseMatcher([]).find(text) == []


def _run(code: str) -> None:
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_default_classifier_is_cached_and_not_built_at_import() -> None:
    _run("import bot.intel.domains as d; assert d.default_classifier.cache_info().currsize == 0; "
         "assert d.default_classifier() is d.default_classifier()")


def test_importing_does_not_import_discord() -> None:
    _run("import sys, bot.intel.domains, bot.intel.tone; "
         "assert not [m for m in sys.modules if m.split('.')[0] == 'discord'], 'discord was imported'")


# (title, lead, primary): one or more items per kind of lexicon fix, in wording of their own. Each names the cue
# family it guards, so a failure says which part of the lexicon regressed.
CUE_FAMILIES: list[tuple[str, str, str, str]] = [
    ("information: blocked apps", "Regulator blocks WhatsApp and steers users to a state messenger",
     "Calls on the foreign app have failed since Monday; the watchdog said it broke data storage rules.",
     "information"),
    ("information: shutdowns", "Authorities cut mobile internet as vote count drags on",
     "Rights monitors called it the third internet shutdown this year and said news sites were unreachable.",
     "information"),
    ("information: outlets", "Two journalists detained after covering border protest",
     "The reporters worked for an independent media outlet that had been labelled a foreign agent.", "information"),
    ("information: broadcasters", "Junta pulls foreign radio and TV off the air",
     "The order followed coverage of an ambush on an army convoy; the stations had aired survivors' accounts.",
     "information"),
    ("information, not cyber: deepfakes", "Deepfake of finance minister spreads after account takeover",
     "The fabricated clip, posted from hacked accounts, showed the minister announcing a bank holiday.",
     "information"),
    ("information, not cyber: influence operations", "Fake video of army general traced to influence operation",
     "A network of websites and accounts pushed the clip in three languages, a cybersecurity firm said.",
     "information"),
    ("information, not military: fact checks", "Viral footage of 'rocket barrage' is from 2014",
     "The clip shared as showing rockets over the capital was filmed a decade ago, a check of the footage found. "
     "It has drawn more than a million views.", "information"),
    ("economy: energy projects", "Kenya opens new geothermal power plant in Rift Valley",
     "The 80-megawatt station will add to the grid and cut reliance on imported diesel, the energy ministry said.",
     "economy"),
    ("economy: tourism", "Tourist arrivals hit record as visa rules ease",
     "Hotels reported occupancy above 90% and the tourism board raised its revenue forecast.", "economy"),
    ("economy: investment", "Gulf fund pledges $5 billion investment in Egyptian ports",
     "The agreement, signed by both prime ministers, covers container terminals and logistics zones.", "economy"),
    ("economy: factories and jobs", "Carmaker to build $3 billion plant in Ohio",
     "The factory will employ 2,000 people when it opens in 2028, the state governor said.", "economy"),
    ("economy: labour disputes", "Dockers stage walkout over pay",
     "The union said industrial action would continue until a wage deal was reached.", "economy"),
    ("economy: commodity sales", "Mali to sell gold stock seized from mining firm",
     "The junta said it would put the bullion up for sale after nationalising the mine; the company threatened "
     "arbitration.", "economy"),
    ("economy over diplomacy: economic measures", "Beijing imposes restrictions on Japanese hotels and seafood",
     "The foreign ministry said the measures answered Tokyo's remarks; travel agencies cancelled group tours.",
     "economy"),
    ("economy over diplomacy: economic measures", "Ministers agree tariffs on Chinese steel after talks",
     "Trade ministers said the duties of up to 25% would take effect in January.", "economy"),
    ("humanitarian: storms", "Tornado flattens homes in rural Oklahoma",
     "The weather service said the twister was on the ground for 20 minutes; three people were injured.",
     "humanitarian"),
    ("humanitarian: storms", "Tropical storm makes landfall in the Philippines",
     "Thousands were moved to evacuation centres as the storm brought floods to coastal towns.", "humanitarian"),
    ("humanitarian, not military: fires", "Fire at chemical warehouse in port city",
     "Civil defence crews said the blaze was contained by morning and no one was hurt.", "humanitarian"),
    ("humanitarian: power cuts", "Nationwide blackout leaves hospitals on generators",
     "Millions were without electricity for a second night after the grid failed.", "humanitarian"),
    ("humanitarian: people on the move", "Families flee as fighting nears provincial capital",
     "Aid groups said some 15,000 people had fled in three days and schools were being used as shelters.",
     "humanitarian"),
    ("humanitarian: deportations", "Country deports thousands of migrants in a week",
     "Officials said the mass expulsions would continue; aid workers reported people left at the border "
     "without water.", "humanitarian"),
    ("humanitarian, not economy: pollution", "Pipeline leak coats mangroves in crude",
     "Fishing communities said the oil leak had fouled their creeks for a second time this year.",
     "humanitarian"),
    ("diplomacy: borders agreed", "Neighbours sign protocol on border demarcation",
     "The two governments agreed to demarcate a further stretch of frontier under last year's peace agreement.",
     "diplomacy"),
    ("diplomacy: diplomatic protests", "Vilnius protests to Minsk over balloon incursions",
     "The foreign ministry summoned the Belarusian charge d'affaires and handed him a note of protest.",
     "diplomacy"),
    ("military: exercises", "Navy stages live-fire drills near disputed islands",
     "The exercises involve destroyers and fighter jets and follow a record defence budget.", "military"),
    ("other: auctions", "Antique porcelain vase fetches record price at auction",
     "The auction house said a private collector bought the piece after a ten-minute bidding war.", "other"),
]


@pytest.mark.parametrize(("family", "title", "lead", "want"), CUE_FAMILIES,
                         ids=[f"{c[0]}: {c[1][:30]}" for c in CUE_FAMILIES])
def test_cue_families(clf: DomainClassifier, family: str, title: str, lead: str, want: str) -> None:
    tag = clf.classify(title, lead)
    assert tag.primary == want, (family, tag.domains, dict(tag.evidence))


def test_cue_families_keep_secondaries_rare(clf: DomainClassifier) -> None:
    sizes = [len(clf.classify(title, lead).domains) for _, title, lead, _ in CUE_FAMILIES]
    assert sum(sizes) / len(sizes) <= 1.5


def test_new_cues_do_not_fire_on_look_alikes(clf: DomainClassifier) -> None:
    # the verb forms of nouns listed exact ("=plant", "=supply", "=thanked") are not economy / diplomacy cues
    assert "economy" not in clf.classify("", "The spies planted malware and supplied fake passwords.").scores
    assert "diplomacy" not in clf.classify("", "Output rose thanks to new wells.").scores
    # a government "under fire" is not a fire; oil drilling is not a military drill
    assert "humanitarian" not in clf.classify("", "The minister came under fire from his party.").scores
    drilling = clf.classify("", "Offshore drilling resumed.")
    assert "military" not in drilling.scores and "drilling" in drilling.evidence["economy"]
    # longer cues still win: an auction of bonds is finance, gunfire is military not a fire
    assert "bond auction" in clf.classify("", "A bond auction was held.").evidence["economy"]
    assert "humanitarian" not in clf.classify("", "Gunfire and tank fire were heard.").scores


def test_economic_measure_beats_the_diplomatic_setting(clf: DomainClassifier) -> None:
    tag = clf.classify("Foreign ministers agree embargo on rare earths exports",
                       "The ban was approved at a summit after weeks of talks, diplomats said.")
    assert set(tag.domains) == {"economy", "diplomacy"}
    tag = clf.classify("Government imposes sanctions on shipping insurers",
                       "The foreign ministry said the restrictions would cover cargo insurance.")
    assert tag.primary == "economy"
