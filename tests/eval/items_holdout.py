"""Labeled holdout set for `python -m bot analyze`: do not tune on it.

Written independently of tests/eval/items_tune.py (other stories, other outlets' wording, another mix of
regions), with the same format and label rules as /work/shared/eval/dev_items.py (see README.md beside this
file). Dates: 2026-11-02 .. 2026-11-20. Ids start with "h", story labels with "H", dup labels are the id of
the first item of the article.
"""

_MIDTERM_T = "Americans vote in midterms with control of Congress at stake"
_MIDTERM_B = ("Polls opened across the United States on Tuesday for midterm elections that will decide control of the House "
              "of Representatives and the Senate, with turnout expected to approach record levels.")
_VOLGOGRAD_B = ("A Ukrainian drone attack overnight caused a fire at the Lukoil refinery in Volgograd, Russia's regional "
                "governor said, the third strike on the plant this year.")
_YEMEN_CHOLERA_B = ("The World Health Organization said Yemen had recorded more than 200,000 suspected cholera cases in 2026, "
                    "with Hodeidah and Taiz worst affected, as funding cuts closed treatment centres.")
_WALIKALE_T = "Kinshasa accuses Rwanda after rebels take Walikale"
_WALIKALE_B = ("Congo's government in Kinshasa said Rwandan troops supported the M23 advance on Walikale and called for UN "
               "sanctions against Kigali. Rwanda denied the claim.")
_DJIBO_T = "Dozens killed in attack on army convoy in Burkina Faso"
_DJIBO_B = ("Jihadist fighters ambushed an army supply convoy near Djibo in northern Burkina Faso, killing at least 30 "
            "soldiers and volunteer militiamen, security sources said.")
_KR_CARD_B = ("Hackers stole personal data of about 3 million customers from a major South Korean credit card company, the "
              "country's financial regulator said.")
_SMOG_B = ("Authorities in New Delhi closed primary schools and banned construction after the air quality index rose above "
           "450, as smoke from crop burning in Punjab and Haryana blanketed the capital.")
_TYPHOON_B = ("A powerful typhoon made landfall in Eastern Samar with sustained winds of 185 km/h, the Philippine weather "
              "agency PAGASA said. More than 300,000 people had been evacuated.")
_PL_WATER_T = "Warsaw blames Russian GRU for attempted water plant hack"
_PL_WATER_B = ("Polish officials said the attackers had accessed control software at the plant, the latest in a wave of "
               "sabotage attempts Poland attributes to Moscow.")
_SPAMOUFLAGE_T = "Network of fake accounts targets Philippine coast guard"
_SPAMOUFLAGE_B = ("Researchers identified hundreds of fake accounts posting AI-generated comments attacking the Philippine "
                  "Coast Guard's spokesman and praising China's position on the South China Sea.")
_COP31_T = "COP31 climate talks open in Antalya"
_COP31_B = ("Delegates from nearly 200 countries gathered in Antalya, Turkey, for the UN climate summit, where Australia is "
            "leading the negotiations under an unusual power-sharing deal with the host.")
_GAESA_T = "US adds Cuban military firms to restricted list"
_GAESA_B = ("The US State Department added 11 companies linked to Cuba's military conglomerate GAESA to its restricted list, "
            "barring Americans from doing business with hotels they run in Havana and Varadero.")

ITEMS = [
    # H01 US midterm election day: 2 outlets, a mirror copy, uncalled races next morning
    dict(id="h001", feed="capitalwire", title=_MIDTERM_T, body=_MIDTERM_B,
         date="2026-11-03T14:00:00Z", dup="h001", story="H01", cc=["US"], domain="politics"),
    dict(id="h003", feed="newsmirror", title=_MIDTERM_T, body=_MIDTERM_B,
         date="2026-11-03T14:30:00Z", dup="h001", story="H01", cc=["US"], domain="politics"),
    dict(id="h002", feed="globalpost", title="Midterm voting under way amid reports of long lines in swing states",
         body="Voters in Arizona, Michigan and Pennsylvania reported waits of more than an hour at some precincts, election "
              "officials said, as the US midterm vote got under way.",
         date="2026-11-03T17:30:00Z", dup="h002", story="H01", cc=["US"], domain="politics"),
    dict(id="h004", feed="capitalwire", title="Key House races remain uncalled after midterm night",
         body="Several House races in California and New York were still too close to call on Wednesday morning, leaving "
              "control of the chamber undecided after the US midterm elections.",
         date="2026-11-04T09:00:00Z", dup="h004", story="H01", cc=["US"], domain="politics"),
    dict(id="h144", feed="dispatch", title="Election day turnout runs ahead of 2022 in early counts",
         body="Early turnout figures from several states suggested more Americans were voting in person on Tuesday than in "
              "the 2022 midterms, election officials said, with polls closing first in Indiana and Kentucky.",
         date="2026-11-03T20:00:00Z", dup="h144", story="H01", cc=["US"], never=["IN"], domain="politics"),

    # H02 trap: a battery plant in Georgia, the US state
    dict(id="h005", feed="globalpost", title="Hyundai's Georgia battery plant to open next year after delays",
         body="Hyundai and LG Energy Solution said on Thursday that their battery factory near Savannah, Georgia, would start "
              "production in mid-2027, more than a year after an immigration raid detained hundreds of South Korean workers at the site.",
         date="2026-11-05T15:00:00Z", dup="h005", story="H02", cc=["US", "KR"], never=["GE"], domain="economy"),
    dict(id="h006", feed="tradejournal", title="South Korean battery makers resume hiring at Georgia site",
         body="LG Energy Solution, announcing with Hyundai that the Ellabell, Georgia, plant would open in mid-2027, said it had "
              "brought back 300 engineers from South Korea on new visas agreed with the US State Department.",
         date="2026-11-05T17:00:00Z", dup="h006", story="H02", cc=["KR", "US"], never=["GE"], domain="economy"),

    # H03 Russian missiles hit Odesa's grain terminal; toll rises next day
    dict(id="h007", feed="globalpost", title="Russian missiles hit grain terminal in Odesa port",
         body="A Russian missile strike overnight damaged a grain terminal and a Panama-flagged cargo ship in the port of "
              "Odesa, killing two port workers, Ukraine's navy said.",
         date="2026-11-06T06:00:00Z", dup="h007", story="H03", cc=["RU", "UA", "PA"], domain="military"),
    dict(id="h008", feed="dispatch", title="Two dead as strike on Ukrainian Black Sea port sets grain silos ablaze",
         body="Firefighters battled a blaze at grain silos in Odesa after what Ukrainian officials said were Russian Iskander "
              "missiles hit the harbour, also damaging a bulk carrier waiting to load corn.",
         date="2026-11-06T08:30:00Z", dup="h008", story="H03", cc=["UA", "RU"], domain="military"),
    dict(id="h009", feed="capitalwire", title="Zelensky: Odesa attack targets global food security",
         body="Volodymyr Zelensky said Moscow's strike on Odesa's port was aimed at disrupting grain exports to Africa and "
              "Asia, and urged Turkey and Egypt to press Russia to stop attacking shipping.",
         date="2026-11-06T11:00:00Z", dup="h009", story="H03", cc=["UA", "RU", "TR", "EG"], domain="military"),
    dict(id="h010", feed="dispatch", title="Odesa port death toll rises to four",
         body="Two more workers died in hospital after Friday's Russian missile strike on Odesa's grain terminal, raising "
              "the toll to four, the regional governor said. Ukraine's Black Sea ports continued loading.",
         date="2026-11-07T09:00:00Z", dup="h010", story="H03", cc=["RU", "UA"], domain="military"),

    # H04 hard negative: a Ukrainian drone strike on a Russian refinery the same night; wire item updated
    dict(id="h011", feed="wiredesk", title="Ukrainian drones set fire to Volgograd refinery", body=_VOLGOGRAD_B,
         date="2026-11-06T09:00:00Z", dup="h011", story="H04", cc=["UA", "RU"], domain="military"),
    dict(id="h136", feed="wiredesk-update", same_guid_as="h011",
         title="Ukrainian drone strike halts Volgograd refinery, governor says",
         body=_VOLGOGRAD_B + " Firefighters put out the blaze by mid-morning.",
         date="2026-11-06T12:20:00Z", dup="h011", story="H04", cc=["UA", "RU"], domain="military"),
    dict(id="h012", feed="energywire", title="Volgograd refinery halts primary unit after drone strike",
         body="The refinery, one of the largest in southern Russia, stopped its main crude distillation unit following the "
              "attack, industry sources said, cutting processing by about 40,000 barrels a day. Kyiv's military "
              "intelligence claimed responsibility.",
         date="2026-11-06T13:00:00Z", dup="h012", story="H04", cc=["RU", "UA"], domain="economy"),

    # H05 gas for Transnistria
    dict(id="h013", feed="continentaldesk", title="Transnistria faces gas cut as Moldova payment dispute drags on",
         body="Moldova's energy ministry said gas deliveries to the breakaway Transnistria region would stop on November 15 "
              "unless a payment dispute with the Russian-backed authorities in Tiraspol is resolved.",
         date="2026-11-09T10:00:00Z", dup="h013", story="H05", cc=["MD", "RU"], domain="economy"),
    dict(id="h014", feed="dispatch", title="Chisinau warns of winter energy crunch in breakaway region",
         body="Moldovan officials, who warned that deliveries would stop on November 15, said they had offered to supply "
              "Transnistria with gas bought on European markets, but the separatist leadership insisted on Russia's Gazprom.",
         date="2026-11-09T14:00:00Z", dup="h014", story="H05", cc=["MD", "RU"], domain="economy"),

    # H06 Finland expels Russian diplomats
    dict(id="h015", feed="northerndesk", title="Finland expels two Russian diplomats over espionage",
         body="Finland ordered two Russian embassy staff in Helsinki to leave the country within a week, saying they had "
              "engaged in activities incompatible with their diplomatic status.",
         date="2026-11-10T10:00:00Z", dup="h015", story="H06", cc=["FI", "RU"], domain="diplomacy"),
    dict(id="h016", feed="globalpost", title="Moscow vows response after Helsinki expulsions",
         body="Russia's foreign ministry said it would retaliate for Finland's decision to expel two of its diplomats, "
              "calling the move part of a 'hostile course' by the Finnish government.",
         date="2026-11-10T13:00:00Z", dup="h016", story="H06", cc=["RU", "FI"], domain="diplomacy"),

    # H07 bazaar strike and protests in Iran
    dict(id="h017", feed="gulfdispatch", title="Bazaar merchants strike in Tehran as rial hits record low",
         body="Shopkeepers in Tehran's Grand Bazaar shut their stores and marched against soaring prices after the Iranian "
              "rial fell past 1.2 million per dollar on the open market.",
         date="2026-11-12T15:00:00Z", dup="h017", story="H07", cc=["IR"], domain="politics"),
    dict(id="h018", feed="dispatch", title="Protests spread from Tehran bazaar to other Iranian cities",
         body="Videos verified by rights groups showed protesters chanting against the government in Isfahan and Mashhad as "
              "a strike by Tehran traders over the currency crisis entered its second day.",
         date="2026-11-13T10:00:00Z", dup="h018", story="H07", cc=["IR"], domain="politics"),

    # templated rial bulletins: not duplicates, not one story
    dict(id="h019", feed="fxbulletin", title="Iranian rial trades at 1,214,000 per dollar",
         body="The Iranian rial traded at 1,214,000 per dollar on Tehran's open market on Monday, according to foreign "
              "exchange websites, down 0.6% from the previous session.",
         date="2026-11-16T08:00:00Z", dup="h019", story="H08", cc=["IR"], domain="economy"),
    dict(id="h020", feed="fxbulletin", title="Iranian rial trades at 1,198,500 per dollar",
         body="The Iranian rial traded at 1,198,500 per dollar on Tehran's open market on Tuesday, according to foreign "
              "exchange websites, up 1.3% from the previous session.",
         date="2026-11-17T08:00:00Z", dup="h020", story="H09", cc=["IR"], domain="economy"),

    # H10 Israel-Syria security talks in Baku
    dict(id="h021", feed="levantdaily", title="Israeli and Syrian officials hold security talks in Baku",
         body="Israeli and Syrian officials met in Baku for a new round of US-mediated talks on a security arrangement for "
              "southern Syria, Azerbaijani sources said.",
         date="2026-11-04T10:00:00Z", dup="h021", story="H10", cc=["IL", "SY", "US", "AZ"], domain="diplomacy"),
    dict(id="h022", feed="globalpost", title="Syria, Israel discuss buffer zone in Azerbaijan talks",
         body="Damascus is seeking the withdrawal of Israeli troops from positions they took in the buffer zone after "
              "December 2024, while Israel wants southern Syria demilitarised, officials familiar with the talks said.",
         date="2026-11-04T15:00:00Z", dup="h022", story="H10", cc=["SY", "IL", "AZ"], domain="diplomacy"),

    # H11 cholera in Yemen, with a republished copy
    dict(id="h023", feed="aidmonitor", title="Yemen's cholera cases pass 200,000 this year, WHO says", body=_YEMEN_CHOLERA_B,
         date="2026-11-08T09:00:00Z", dup="h023", story="H11", cc=["YE"], domain="humanitarian"),
    dict(id="h024", feed="gulfdispatch", title="Funding cuts close cholera clinics across Yemen",
         body="The WHO said on Sunday that Yemen had passed 200,000 suspected cholera cases this year, and aid agencies said "
              "they had shut 40 treatment units since June for lack of money, leaving rural patients hours from care.",
         date="2026-11-08T12:00:00Z", dup="h024", story="H11", cc=["YE"], domain="humanitarian"),
    dict(id="h025", feed="newsroundup", title="Yemen's cholera cases pass 200,000 this year, WHO says",
         body=_YEMEN_CHOLERA_B + " Republished with permission from Aid Monitor.",
         date="2026-11-08T14:30:00Z", dup="h023", story="H11", cc=["YE"], domain="humanitarian"),

    # H12 Gaza ceasefire talks in Doha; Israel's verdict next day
    dict(id="h026", feed="gulfdispatch", title="Doha hosts talks on next phase of Gaza ceasefire",
         body="Qatari, Egyptian and US mediators met Hamas and Israeli negotiators in Doha to discuss the deployment of an "
              "international stabilisation force in Gaza and the disarmament of Palestinian armed groups.",
         date="2026-11-11T10:00:00Z", dup="h026", story="H12", cc=["QA", "EG", "US", "IL", "PS"], domain="diplomacy"),
    dict(id="h027", feed="levantdaily", title="Mediators push Hamas on weapons handover in Qatar talks",
         body="Egypt and Qatar presented a proposal under which Hamas would store its heavy weapons under Egyptian "
              "supervision, according to a Palestinian official briefed on the talks.",
         date="2026-11-11T13:00:00Z", dup="h027", story="H12", cc=["EG", "QA", "PS"], domain="diplomacy"),
    dict(id="h028", feed="globalpost", title="Israel says Doha talks made 'limited progress'",
         body="An Israeli official said the talks in Qatar had produced limited progress on disarmament and that Israel would "
              "not withdraw further from Gaza until Hamas and other Palestinian factions gave up their weapons.",
         date="2026-11-12T08:00:00Z", dup="h028", story="H12", cc=["IL", "QA", "PS"], domain="diplomacy"),

    # H13 drone attack on the Khor Mor gas field in Iraq
    dict(id="h029", feed="gulfdispatch", title="Drone attack halts output at Iraqi Kurdistan gas field",
         body="A drone struck the Khor Mor gas field in Iraq's Kurdistan region overnight, halting production and causing "
              "power cuts across the region, the Kurdish authorities said.",
         date="2026-11-14T08:00:00Z", dup="h029", story="H13", cc=["IQ"], domain="military"),
    dict(id="h030", feed="dispatch", title="Baghdad orders probe into drone strike on Khor Mor field",
         body="Iraq's prime minister ordered an investigation into the attack on the gas field, which is operated by a "
              "company from the United Arab Emirates and has been hit several times since 2022.",
         date="2026-11-14T11:00:00Z", dup="h030", story="H13", cc=["IQ", "AE"], domain="military"),

    # H14 drought in Somalia
    dict(id="h031", feed="aidmonitor", title="Failed rains push 4 million Somalis towards hunger",
         body="Poor autumn rains have left 4.4 million people in Somalia facing acute food shortages, the UN's food security "
              "monitors said, warning of famine risk in Bay and Bakool regions.",
         date="2026-11-05T09:00:00Z", dup="h031", story="H14", cc=["SO"], never=["ML"], domain="humanitarian"),
    dict(id="h032", feed="eastafricawire", title="Somali herders lose livestock as drought deepens",
         body="Pastoralists in central Somalia said they had lost up to half their goats and camels as wells dried up, as a "
              "UN-backed assessment warned that 4.4 million Somalis face acute food shortages.",
         date="2026-11-05T12:00:00Z", dup="h032", story="H14", cc=["SO"], never=["ML"], domain="humanitarian"),

    # H15 Fano militia takes Debre Tabor
    dict(id="h033", feed="eastafricawire", title="Fano militia seizes town in Ethiopia's Amhara region",
         body="Fano fighters took control of the town of Debre Tabor after clashes with Ethiopian federal troops, residents "
              "said, in one of the militia's biggest gains in months.",
         date="2026-11-13T10:00:00Z", dup="h033", story="H15", cc=["ET"], domain="military"),
    dict(id="h034", feed="globalpost", title="Amhara town falls to Fano fighters, residents say",
         body="Residents of Debre Tabor said Fano militiamen entered the town at dawn after federal troops withdrew, the "
              "latest setback for Addis Ababa in a two-year insurgency.",
         date="2026-11-13T14:00:00Z", dup="h034", story="H15", cc=["ET"], domain="military"),

    # H16 M23 takes Walikale; a tracked link
    dict(id="h035", feed="eastafricawire", title="M23 rebels capture town in eastern DR Congo despite truce",
         body="M23 rebels seized the town of Walikale in the Democratic Republic of the Congo's North Kivu province, local "
              "officials said, defying a ceasefire agreed under Qatari mediation.",
         date="2026-11-16T09:00:00Z", dup="h035", story="H16", cc=["CD", "QA"], never=["CG"], domain="military"),
    dict(id="h036", feed="globalpost", title=_WALIKALE_T, body=_WALIKALE_B,
         date="2026-11-16T12:00:00Z", dup="h036", story="H16", cc=["CD", "RW"], never=["CG"], domain="military"),
    dict(id="h037", feed="socialfeed", same_link_as="h036", link_suffix="?ref=rss",
         title=_WALIKALE_T, body=_WALIKALE_B,
         date="2026-11-16T12:45:00Z", dup="h036", story="H16", cc=["CD", "RW"], never=["CG"], domain="military"),

    # H17 school kidnapping in Zamfara; escape next day
    dict(id="h038", feed="westafricapost", title="Gunmen abduct 60 pupils from school in northwest Nigeria",
         body="Armed men abducted about 60 pupils from a boarding school in Nigeria's Zamfara state before dawn, police said, "
              "the largest school kidnapping since 2024.",
         date="2026-11-18T10:00:00Z", dup="h038", story="H17", cc=["NG"], never=["NE"], domain="military"),
    dict(id="h039", feed="globalpost", title="Tinubu orders rescue of kidnapped Zamfara schoolchildren",
         body="President Bola Tinubu ordered security chiefs to rescue the abducted students and sent the defence minister "
              "to Zamfara. Parents gathered at the school gates demanding news.",
         date="2026-11-18T13:00:00Z", dup="h039", story="H17", cc=["NG"], never=["NE"], domain="military"),
    dict(id="h145", feed="dispatch", title="Zamfara parents plead for children's release after school raid",
         body="Parents of the roughly 60 pupils abducted from a boarding school in Zamfara state appealed to the kidnappers "
              "for mercy, as Nigerian troops combed nearby forests.",
         date="2026-11-18T16:00:00Z", dup="h145", story="H17", cc=["NG"], never=["NE"], domain="military"),
    dict(id="h040", feed="westafricapost", title="Nigeria says 12 abducted pupils escaped",
         body="Twelve of the pupils abducted from a school in Zamfara escaped their captors and reached a military base, "
              "Nigerian police said, while the search for the rest continued.",
         date="2026-11-19T09:00:00Z", dup="h040", story="H17", cc=["NG"], never=["NE"], domain="military"),

    # H18 trap: the River Niger in Bamako
    dict(id="h041", feed="westafricapost", title="River Niger floods districts of Bamako",
         body="The River Niger burst its banks in Bamako after weeks of heavy rain upstream, flooding homes in three "
              "districts and displacing about 8,000 residents, Mali's civil protection agency said.",
         date="2026-11-02T10:00:00Z", dup="h041", story="H18", cc=["ML"], never=["NE"], domain="humanitarian"),

    # H19 Niger's junta replaces elected councils
    dict(id="h042", feed="sahelwatch", title="Niger's junta leader Tiani dissolves regional councils",
         body="General Abdourahamane Tiani dissolved Niger's elected regional and municipal councils and replaced them with "
              "military-appointed administrators, state television reported from Niamey.",
         date="2026-11-10T11:00:00Z", dup="h042", story="H19", cc=["NE"], never=["NG"], domain="politics"),
    dict(id="h043", feed="westafricapost", title="Niamey replaces local councils with appointed delegates",
         body="Nigerien authorities named special delegates to run municipalities, completing the dismantling of "
              "institutions elected before the 2023 coup.",
         date="2026-11-10T14:00:00Z", dup="h043", story="H19", cc=["NE"], never=["NG"], domain="politics"),

    # H20 convoy ambush in Burkina Faso, with a mirror copy
    dict(id="h044", feed="sahelwatch", title=_DJIBO_T, body=_DJIBO_B,
         date="2026-11-14T10:00:00Z", dup="h044", story="H20", cc=["BF"], domain="military"),
    dict(id="h045", feed="newsmirror", title=_DJIBO_T, body=_DJIBO_B,
         date="2026-11-14T10:50:00Z", dup="h044", story="H20", cc=["BF"], domain="military"),

    # H21 Sudanese refugees in eastern Chad (Chad the country)
    dict(id="h046", feed="aidmonitor", title="Chad struggles to shelter new wave of Sudanese refugees",
         body="More than 60,000 Sudanese refugees crossed into eastern Chad in October, fleeing attacks in North Darfur, the "
              "UN refugee agency said, and camps near Adre are beyond capacity.",
         date="2026-11-03T09:00:00Z", dup="h046", story="H21", cc=["TD", "SD"], never=["SS"], domain="humanitarian"),
    dict(id="h047", feed="eastafricawire", title="N'Djamena appeals for aid as refugee camps overflow",
         body="Chad's government asked donors for $300 million to support refugees from Sudan, as the UN refugee agency said "
              "more than 60,000 had arrived in October and camps in the east were running out of water and food.",
         date="2026-11-03T12:00:00Z", dup="h047", story="H21", cc=["TD", "SD"], never=["SS"], domain="humanitarian"),

    # H22 / H23 traps: Lake Chad, and Chad as a first name
    dict(id="h048", feed="westafricapost", title="Cameroon troops repel Boko Haram raid near Lake Chad",
         body="Cameroonian soldiers repelled an attack by Boko Haram fighters on a military post near Lake Chad in the Far "
              "North region, killing 11 militants, the defence ministry said.",
         date="2026-11-12T09:00:00Z", dup="h048", story="H22", cc=["CM"], never=["TD"], domain="military"),
    dict(id="h049", feed="sportsline", title="Chad Whitaker wins Houston Open in playoff",
         body="Chad Whitaker birdied the second playoff hole to win the Houston Open, his first PGA Tour title, after a "
              "four-way tie at Memorial Park.",
         date="2026-11-08T22:00:00Z", dup="h049", story="H23", cc=["US"], never=["TD"], domain="other"),

    # H24 shipwreck off Libya
    dict(id="h050", feed="medwatch", title="Dozens missing after migrant boat capsizes off Libya",
         body="At least 42 people are missing after a rubber boat carrying migrants from Libya capsized in the "
              "Mediterranean, the International Organization for Migration said. Seven survivors were taken to Lampedusa, "
              "Italy.",
         date="2026-11-06T10:00:00Z", dup="h050", story="H24", cc=["LY", "IT"], domain="humanitarian"),
    dict(id="h051", feed="continentaldesk", title="Survivors of Libya shipwreck reach Lampedusa",
         body="Italian coast guard officers said the survivors, from Sudan and Eritrea, had left Zuwara two days earlier. It "
              "was the deadliest shipwreck on the central Mediterranean route this year.",
         date="2026-11-06T13:00:00Z", dup="h051", story="H24", cc=["LY", "IT", "SD", "ER"], never=["SS"],
         domain="humanitarian"),

    # H25 Machar's trial in Juba
    dict(id="h052", feed="eastafricawire", title="South Sudan court adjourns Machar treason trial",
         body="A special court in Juba adjourned the treason trial of suspended First Vice-President Riek Machar until "
              "December, as his supporters accused President Salva Kiir of using the case to sideline him before elections.",
         date="2026-11-09T10:00:00Z", dup="h052", story="H25", cc=["SS"], never=["SD"], domain="politics"),
    dict(id="h053", feed="globalpost", title="Machar trial delay deepens South Sudan's political crisis",
         body="Diplomats in South Sudan warned that the prolonged detention of opposition leader Riek Machar risked "
              "unravelling the 2018 peace deal before the December vote.",
         date="2026-11-09T13:00:00Z", dup="h053", story="H25", cc=["SS"], never=["SD"], domain="politics"),

    # H26 truce proposal for Sudan
    dict(id="h054", feed="globalpost", title="US, Saudi Arabia, UAE and Egypt press Sudan's warring sides on truce",
         body="Foreign ministers of the United States, Saudi Arabia, the United Arab Emirates and Egypt urged Sudan's army "
              "and the Rapid Support Forces to accept a three-month humanitarian truce, in a joint statement from Washington.",
         date="2026-11-15T10:00:00Z", dup="h054", story="H26", cc=["US", "SA", "AE", "EG", "SD"], never=["SS"],
         domain="diplomacy"),
    dict(id="h055", feed="eastafricawire", title="Sudan's army rejects truce proposal, RSF says it accepts",
         body="General Abdel Fattah al-Burhan's government said it would not accept a truce that left the RSF in control of "
              "Darfur's cities, while the paramilitary group said it welcomed the proposal.",
         date="2026-11-15T14:00:00Z", dup="h055", story="H26", cc=["SD"], never=["SS"], domain="diplomacy"),

    # H27 China bans Japanese seafood again
    dict(id="h056", feed="eastasiadaily", title="China suspends Japanese seafood imports again",
         body="China's customs administration suspended imports of Japanese seafood, weeks after partially lifting a ban, "
              "amid a dispute over Prime Minister Sanae Takaichi's remarks on Taiwan.",
         date="2026-11-05T05:00:00Z", dup="h056", story="H27", cc=["CN", "JP", "TW"], domain="economy"),
    dict(id="h057", feed="globalpost", title="Tokyo protests Beijing's renewed seafood ban",
         body="Japan's government called China's reinstated ban on seafood imports 'extremely regrettable' and said it had "
              "no scientific basis. Japanese scallop exporters said they had cargoes stuck in port.",
         date="2026-11-05T08:00:00Z", dup="h057", story="H27", cc=["JP", "CN"], domain="economy"),

    # H28 Taiwan's local election campaign
    dict(id="h058", feed="eastasiadaily", title="Taiwan's parties make final push before local elections",
         body="Taiwan's ruling Democratic Progressive Party and the opposition Kuomintang held rallies in Taipei and Kaohsiung on "
              "Sunday, two weeks before the November 28 local elections, seen as a test for President Lai Ching-te.",
         date="2026-11-15T09:00:00Z", dup="h058", story="H28", cc=["TW"], domain="politics"),
    dict(id="h059", feed="straitsnews", title="KMT bets on cost-of-living anger in Taipei mayoral race",
         body="At its rally in Taipei on Sunday the Kuomintang focused on housing and electricity prices, while the DPP's "
              "rally framed the vote as a referendum on resisting pressure from Beijing.",
         date="2026-11-15T12:00:00Z", dup="h059", story="H28", cc=["TW", "CN"], domain="politics"),

    # H29 card-company breach in South Korea: Atom item and its update
    dict(id="h060", feed="techsec", title="South Korean card issuer hit by data breach affecting 3 million", body=_KR_CARD_B,
         date="2026-11-04T03:00:00Z", dup="h060", story="H29", cc=["KR"], domain="cyber"),
    dict(id="h061", feed="eastasiadaily", title="Seoul orders security audit after card company breach",
         body="South Korea's Financial Services Commission ordered emergency security checks at all card issuers after a "
              "breach exposed names, card numbers and expiry dates.",
         date="2026-11-04T06:00:00Z", dup="h061", story="H29", cc=["KR"], domain="cyber"),
    dict(id="h062", feed="techsec-update", same_guid_as="h060",
         title="South Korean card issuer breach affects 3.2 million, regulator says",
         body="Hackers stole personal data of about 3.2 million customers from a major South Korean credit card company, the "
              "country's financial regulator said, raising its earlier estimate.",
         date="2026-11-04T11:00:00Z", dup="h060", story="H29", cc=["KR"], domain="cyber"),

    # H30 smog in New Delhi, with a syndicated copy
    dict(id="h063", feed="southasiatoday", title="Delhi shuts primary schools as smog reaches 'severe' level", body=_SMOG_B,
         date="2026-11-11T06:00:00Z", dup="h063", story="H30", cc=["IN"], domain="humanitarian"),
    dict(id="h064", feed="globalpost", title="Indian capital chokes under toxic haze",
         body="Flights were delayed and visibility fell below 200 metres in Delhi as pollution levels hit their worst this "
              "season. Doctors reported a rise in respiratory cases.",
         date="2026-11-11T09:00:00Z", dup="h064", story="H30", cc=["IN"], domain="humanitarian"),
    dict(id="h134", feed="asiaroundup", title="Smog closes Delhi primary schools",
         body=_SMOG_B + " (Distributed by a partner news service.)",
         date="2026-11-11T10:30:00Z", dup="h063", story="H30", cc=["IN"], domain="humanitarian"),

    # templated air-quality bulletins
    dict(id="h065", feed="southasiatoday", title="New Delhi air quality index at 388, 'very poor'",
         body="New Delhi's average air quality index stood at 388 at 9 am on Monday, in the 'very poor' category, the "
              "Central Pollution Control Board said. PM2.5 was the main pollutant.",
         date="2026-11-16T04:00:00Z", dup="h065", story="H31", cc=["IN"], domain="humanitarian"),
    dict(id="h066", feed="southasiatoday", title="New Delhi air quality index at 412, 'severe'",
         body="New Delhi's average air quality index stood at 412 at 9 am on Tuesday, in the 'severe' category, the Central "
              "Pollution Control Board said. PM2.5 was the main pollutant.",
         date="2026-11-17T04:00:00Z", dup="h066", story="H32", cc=["IN"], domain="humanitarian"),

    # H33 clash at the Chaman crossing; H34 hard negative: scheduled talks in Istanbul the next day
    dict(id="h067", feed="southasiatoday", title="Pakistani and Afghan forces clash at Chaman border crossing",
         body="Pakistani and Afghan Taliban forces exchanged heavy fire at the Chaman crossing overnight, killing three "
              "soldiers and two civilians, officials on both sides said.",
         date="2026-11-07T08:00:00Z", dup="h067", story="H33", cc=["PK", "AF"], domain="military"),
    dict(id="h068", feed="globalpost", title="Border clash shuts key Pakistan-Afghanistan trade route",
         body="The Chaman-Spin Boldak crossing was closed after overnight fighting between the two countries' forces, "
              "stranding hundreds of trucks. Islamabad accused Kabul of sheltering militants.",
         date="2026-11-07T11:00:00Z", dup="h068", story="H33", cc=["PK", "AF"], domain="military"),
    dict(id="h069", feed="gulfdispatch", title="Pakistan and Afghanistan resume talks in Istanbul",
         body="Delegations from Pakistan and Afghanistan's Taliban government met in Istanbul for a round of Turkish- and "
              "Qatari-mediated talks on cross-border militancy that was scheduled last month, Turkey's foreign ministry said.",
         date="2026-11-08T10:00:00Z", dup="h069", story="H34", cc=["PK", "AF", "TR", "QA"], domain="diplomacy"),
    dict(id="h070", feed="dispatch", title="Istanbul talks on Pakistan-Afghan militancy open under Turkish mediation",
         body="Pakistani officials said they would demand verifiable action against the Pakistani Taliban at the talks, "
              "planned since October, while the Afghan side called for an end to Pakistani airstrikes.",
         date="2026-11-08T13:00:00Z", dup="h070", story="H34", cc=["PK", "AF", "TR"], domain="diplomacy"),

    # H35 fire in a Rohingya camp
    dict(id="h071", feed="aidmonitor", title="Fire destroys 800 shelters in Rohingya camp in Bangladesh",
         body="A fire swept through a Rohingya refugee camp in Cox's Bazar, Bangladesh, destroying about 800 shelters and "
              "leaving 5,000 people homeless, the UN refugee agency said.",
         date="2026-11-17T09:00:00Z", dup="h071", story="H35", cc=["BD"], domain="humanitarian"),
    dict(id="h072", feed="southasiatoday", title="Thousands homeless after blaze at Cox's Bazar refugee camp",
         body="Refugees who fled Myanmar said the fire spread quickly through bamboo and tarpaulin shelters. Bangladeshi "
              "authorities said the cause was being investigated.",
         date="2026-11-17T12:00:00Z", dup="h072", story="H35", cc=["MM", "BD"], domain="humanitarian"),

    # H36 typhoon in the Philippines: Atom item updated under the same guid
    dict(id="h073", feed="regionalnews", title="Typhoon makes landfall in eastern Philippines", body=_TYPHOON_B,
         date="2026-11-12T02:00:00Z", dup="h073", story="H36", cc=["PH"], domain="humanitarian"),
    dict(id="h074", feed="eastasiadaily", title="Thousands evacuated as typhoon slams Samar",
         body="Residents of coastal towns in Samar fled to evacuation centres as the storm tore roofs off houses and cut "
              "power, Philippine disaster officials said.",
         date="2026-11-12T06:00:00Z", dup="h074", story="H36", cc=["PH"], domain="humanitarian"),
    dict(id="h075", feed="regionalnews-update", same_guid_as="h073",
         title="Typhoon leaves at least 12 dead in eastern Philippines",
         body="A powerful typhoon that made landfall in Eastern Samar killed at least 12 people, Philippine disaster "
              "officials said. More than 300,000 people had been evacuated.",
         date="2026-11-12T09:00:00Z", dup="h073", story="H36", cc=["PH"], domain="humanitarian"),

    # H37 trap: the South China Sea without China
    dict(id="h076", feed="eastasiadaily", title="Petronas starts gas production at new South China Sea field",
         body="Malaysia's state energy company Petronas said it had begun gas production at its Kasawari field off Sarawak "
              "in the South China Sea, adding 900 million standard cubic feet a day.",
         date="2026-11-19T05:00:00Z", dup="h076", story="H37", cc=["MY"], never=["CN"], domain="economy"),

    # H38 Venezuelans leave Colombia
    dict(id="h077", feed="latamwire", title="Venezuelan migrants return home from Colombia in growing numbers",
         body="Colombian migration authorities said on Friday that about 90,000 Venezuelans had crossed back into Venezuela "
              "through Cucuta since August, citing job losses and tighter US immigration policy.",
         date="2026-11-13T14:00:00Z", dup="h077", story="H38", cc=["CO", "VE", "US"], domain="humanitarian"),
    dict(id="h078", feed="globalpost", title="Bogota sees reversal of Venezuelan migration flow",
         body="Figures released by Colombia's migration agency in Bogota on Friday showed departures of Venezuelans exceeding "
              "arrivals for three months running, a first since the exodus began a decade ago.",
         date="2026-11-13T17:00:00Z", dup="h078", story="H38", cc=["CO", "VE"], domain="humanitarian"),

    # H39 a mayor killed in Michoacan
    dict(id="h079", feed="latamwire", title="Mexican mayor shot dead in Michoacan",
         body="Gunmen killed the mayor of a town in Mexico's Michoacan state during a public event, the state prosecutor "
              "said, the third mayor murdered in the state this year.",
         date="2026-11-04T16:00:00Z", dup="h079", story="H39", cc=["MX"], domain="politics"),
    dict(id="h080", feed="dispatch", title="Sheinbaum vows justice after Michoacan mayor's killing",
         body="President Claudia Sheinbaum condemned the killing and said federal forces would reinforce security in "
              "Michoacan, where cartels have targeted local officials who refuse to pay extortion.",
         date="2026-11-04T19:00:00Z", dup="h080", story="H39", cc=["MX"], domain="politics"),

    # H40 .. H42 US traps: New Mexico chile, Washington State, Jersey City
    dict(id="h081", feed="southwestnews", title="New Mexico red chile growers report best crop in a decade",
         body="Farmers in southern New Mexico said cooler nights had produced the best red chile crop in ten years, and "
              "prices for dried pods fell about 15%.",
         date="2026-11-07T18:00:00Z", dup="h081", story="H40", cc=["US"], never=["MX", "CL"], domain="economy"),
    dict(id="h082", feed="capitalwire", title="Washington state ferry workers approve new contract",
         body="Workers on Washington State Ferries ratified a contract that ends months of cancelled sailings across Puget "
              "Sound, the state's transportation department said.",
         date="2026-11-16T20:00:00Z", dup="h082", story="H41", cc=["US"], domain="economy"),
    dict(id="h083", feed="capitalwire", title="Jersey City opens new ferry terminal to Manhattan",
         body="Jersey City officials opened a $90 million ferry terminal on the Hudson River, cutting the commute to lower "
              "Manhattan to eight minutes.",
         date="2026-11-19T15:00:00Z", dup="h083", story="H42", cc=["US"], never=["JE"], domain="economy"),

    # H43 COP31 opens in Antalya, with a mirror copy
    dict(id="h084", feed="globalpost", title=_COP31_T, body=_COP31_B,
         date="2026-11-09T10:00:00Z", dup="h084", story="H43", cc=["TR", "AU"], domain="diplomacy"),
    dict(id="h133", feed="newsmirror", title=_COP31_T, body=_COP31_B,
         date="2026-11-09T10:40:00Z", dup="h084", story="H43", cc=["TR", "AU"], domain="diplomacy"),
    dict(id="h085", feed="climatedesk", title="Turkey's Erdogan urges rich nations to pay up at climate summit",
         body="Opening the COP31 conference, President Recep Tayyip Erdogan said developed countries had failed to deliver "
              "promised climate finance and called for a new fund for countries hit by drought.",
         date="2026-11-09T13:00:00Z", dup="h085", story="H43", cc=["TR"], domain="diplomacy"),
    dict(id="h146", feed="dispatch", title="Host Turkey pushes drought fund as COP31 gets under way",
         body="Turkish negotiators used the opening day of the UN climate conference in Antalya to rally support for a "
              "drought adaptation fund, while Australia's climate minister, who chairs the talks, urged countries to "
              "present new emission targets.",
         date="2026-11-09T16:00:00Z", dup="h146", story="H43", cc=["TR", "AU"], domain="diplomacy"),

    # H44 trap: turkey the bird, in Canada
    dict(id="h088", feed="northerndesk", title="Canadian grocers warn of turkey shortage before Christmas",
         body="Canadian supermarket chains said frozen turkey supplies were 20% below normal after avian flu outbreaks on "
              "farms in Ontario and British Columbia, and prices had risen sharply.",
         date="2026-11-18T14:00:00Z", dup="h088", story="H44", cc=["CA"], never=["TR", "GB", "CO"], domain="economy"),

    # H45 Georgia's court bans opposition parties (Georgia the country)
    dict(id="h089", feed="caucasusreport", title="Georgia's constitutional court bans three opposition parties",
         body="Georgia's constitutional court granted a request by the ruling Georgian Dream party to ban three pro-Western "
              "opposition parties, a move the EU said would push Tbilisi further from membership.",
         date="2026-11-06T10:00:00Z", dup="h089", story="H45", cc=["GE"], never=["US"], domain="politics"),
    dict(id="h090", feed="globalpost", title="Tbilisi court outlaws main opposition groups",
         body="Opposition leaders in Tbilisi called the ruling a death blow to Georgian democracy and said they would "
              "continue to organise protests.",
         date="2026-11-06T14:00:00Z", dup="h090", story="H45", cc=["GE"], never=["US"], domain="politics"),

    # H46 Kazakhstan's first nuclear plant
    dict(id="h091", feed="centralasiadaily", title="Kazakhstan and Rosatom begin construction of first nuclear plant",
         body="Kazakhstan held a groundbreaking ceremony on Wednesday for its first nuclear power plant near Lake Balkhash, to be built by "
              "Russia's Rosatom, President Kassym-Jomart Tokayev's office said.",
         date="2026-11-11T08:00:00Z", dup="h091", story="H46", cc=["KZ", "RU"], domain="economy"),
    dict(id="h092", feed="energywire", title="Rosatom pours first concrete at Kazakh nuclear site",
         body="The Russian state nuclear company, which broke ground at the Balkhash site on Wednesday, said it would build two "
              "VVER-1200 reactors there, with the "
              "first due online in 2035. Astana plans a second plant with China's CNNC.",
         date="2026-11-11T11:00:00Z", dup="h092", story="H46", cc=["RU", "KZ", "CN"], domain="economy"),

    # H47 Aliyev and Putin meet in Dushanbe
    dict(id="h093", feed="caucasusreport", title="Aliyev and Putin meet in Dushanbe to mend ties",
         body="Azerbaijan's President Ilham Aliyev and Vladimir Putin met on the sidelines of a regional summit in Dushanbe "
              "and agreed to restore direct flights, a year after a row over the downing of an Azerbaijani airliner.",
         date="2026-11-18T10:00:00Z", dup="h093", story="H47", cc=["AZ", "RU", "TJ"], domain="diplomacy"),
    dict(id="h094", feed="globalpost", title="Baku and Moscow agree to restore flights after leaders' talks",
         body="The Kremlin said the two leaders discussed trade and transport corridors, and that Russian airlines would "
              "resume flights to Baku in December.",
         date="2026-11-18T13:00:00Z", dup="h094", story="H47", cc=["AZ", "RU"], domain="diplomacy"),

    # H48 attempted hack of a Polish water plant, with a syndicated copy
    dict(id="h095", feed="techsec", title="Poland says it foiled cyberattack on city water system",
         body="Poland's digital affairs minister said hackers had tried to take control of a water treatment plant serving a "
              "large city, and that the attack was stopped before it could poison supplies. He blamed Russian military "
              "intelligence.",
         date="2026-11-13T09:00:00Z", dup="h095", story="H48", cc=["PL", "RU"], domain="cyber"),
    dict(id="h096", feed="continentaldesk", title=_PL_WATER_T, body=_PL_WATER_B,
         date="2026-11-13T12:00:00Z", dup="h096", story="H48", cc=["PL", "RU"], domain="cyber"),
    dict(id="h097", feed="newsroundup", title=_PL_WATER_T,
         body=_PL_WATER_B + " This story first appeared on Continental Desk.",
         date="2026-11-13T15:00:00Z", dup="h096", story="H48", cc=["PL", "RU"], domain="cyber"),

    # H49 ransomware at a British retailer
    dict(id="h098", feed="cyberbrief", title="British retailer halts online orders after ransomware attack",
         body="One of Britain's largest clothing chains suspended online sales and contactless payments in some stores after "
              "a ransomware attack, the company told the London Stock Exchange.",
         date="2026-11-17T10:00:00Z", dup="h098", story="H49", cc=["GB"], domain="cyber"),
    dict(id="h099", feed="globalpost", title="UK cyber agency assisting retailer hit by hackers",
         body="The UK's National Cyber Security Centre said it was working with the retailer, whose online shop remained "
              "offline for a second day.",
         date="2026-11-18T09:00:00Z", dup="h099", story="H49", cc=["GB"], domain="cyber"),

    # H50 deepfake of Moldova's president
    dict(id="h100", feed="factcheckers", title="Deepfake of Moldova's Sandu urges citizens to flee to Romania",
         body="A manipulated video of President Maia Sandu telling Moldovans to leave for Romania before a 'Russian "
              "invasion' was shared widely on Telegram, the Moldovan government's Center for Strategic Communication said.",
         date="2026-11-05T10:00:00Z", dup="h100", story="H50", cc=["MD", "RO", "RU"], domain="information"),
    dict(id="h101", feed="continentaldesk", title="Chisinau blames pro-Kremlin network for fake Sandu video",
         body="Moldovan authorities said the doctored clip was part of a campaign by a network linked to fugitive oligarch "
              "Ilan Shor, which they say is financed from Moscow.",
         date="2026-11-05T13:00:00Z", dup="h101", story="H50", cc=["MD", "RU"], domain="information"),

    # H51 influence campaign against the Philippine coast guard; a tracked link
    dict(id="h102", feed="factcheckers", title=_SPAMOUFLAGE_T, body=_SPAMOUFLAGE_B,
         date="2026-11-14T08:00:00Z", dup="h102", story="H51", cc=["PH", "CN"], domain="information"),
    dict(id="h103", feed="eastasiadaily", title="Manila flags China-linked influence campaign",
         body="The Philippine National Security Council said the inauthentic accounts bore the hallmarks of a Chinese state "
              "influence operation known as Spamouflage, and asked platforms to remove them.",
         date="2026-11-14T11:00:00Z", dup="h103", story="H51", cc=["PH", "CN"], domain="information"),
    dict(id="h104", feed="newsletter", same_link_as="h102",
         link_suffix="?utm_source=newsletter&utm_medium=email&utm_campaign=weekly",
         title=_SPAMOUFLAGE_T, body=_SPAMOUFLAGE_B,
         date="2026-11-14T12:30:00Z", dup="h102", story="H51", cc=["PH", "CN"], domain="information"),

    # H52 Russia blocks WhatsApp
    dict(id="h105", feed="continentaldesk", title="Russia fully blocks WhatsApp, pushes state messenger",
         body="Russia's communications regulator Roskomnadzor said it had fully blocked WhatsApp, urging users to switch to "
              "the state-backed Max messenger.",
         date="2026-11-19T10:00:00Z", dup="h105", story="H52", cc=["RU"], domain="information"),
    dict(id="h106", feed="globalpost", title="Millions of Russians cut off from WhatsApp",
         body="Users across Russia reported that WhatsApp no longer worked even over VPNs, after months of throttling by the "
              "authorities in Moscow.",
         date="2026-11-19T13:00:00Z", dup="h106", story="H52", cc=["RU"], domain="information"),

    # H53 .. H56 sport, culture, celebrity; name traps
    dict(id="h107", feed="sportsline", title="Jordan Pickford saves penalty as England beat Serbia",
         body="Goalkeeper Jordan Pickford saved a second-half penalty as England beat Serbia 2-0 at Wembley in the Nations "
              "League.",
         date="2026-11-15T21:00:00Z", dup="h107", story="H53", cc=["GB", "RS"], never=["JO"], domain="other"),
    dict(id="h108", feed="artsreview", title="Film festival in Paris, Texas, marks movie's anniversary",
         body="The town of Paris, Texas, hosted a weekend festival celebrating the Wim Wenders film that made its name "
              "famous, with screenings and a concert.",
         date="2026-11-10T18:00:00Z", dup="h108", story="H54", cc=["US"], never=["FR"], domain="other"),
    dict(id="h109", feed="artsreview", title="Exhibition celebrates 250 years of fine china in Stoke",
         body="A museum in Stoke-on-Trent, England, opened an exhibition of fine china and earthenware tracing the "
              "Potteries' industrial history.",
         date="2026-11-16T12:00:00Z", dup="h109", story="H55", cc=["GB"], never=["CN"], domain="other"),
    dict(id="h110", feed="showbiz", title="Pop singer announces world tour opening in Mexico City",
         body="Singer Lena Hart announced a 40-date world tour that opens in Mexico City in March and ends in Tokyo in "
              "October.",
         date="2026-11-13T20:00:00Z", dup="h110", story="H56", cc=["MX", "JP"], domain="other"),

    # H57 / H58 Dominica vs the Dominican Republic
    dict(id="h111", feed="caribbeanwire", title="Dominica breaks ground on geothermal power plant",
         body="Dominica began building a 10-megawatt geothermal plant in the Roseau Valley that the government says will cut "
              "electricity bills by a third.",
         date="2026-11-09T14:00:00Z", dup="h111", story="H57", cc=["DM"], never=["DO"], domain="economy"),
    dict(id="h112", feed="caribbeanwire", title="Dominican Republic's tourism arrivals hit record",
         body="The Dominican Republic welcomed 9.1 million visitors in the first ten months of the year, the tourism ministry "
              "in Santo Domingo said.",
         date="2026-11-17T15:00:00Z", dup="h112", story="H58", cc=["DO"], never=["DM"], domain="economy"),

    # H59 / H60 the two Congos
    dict(id="h113", feed="eastafricawire", title="Ferry capsizes on Congo River, dozens missing",
         body="A ferry carrying more than 200 passengers capsized on the Congo River near Mbandaka in the Democratic Republic "
              "of the Congo, provincial officials said, with at least 38 bodies recovered.",
         date="2026-11-02T09:00:00Z", dup="h113", story="H59", cc=["CD"], never=["CG"], domain="humanitarian"),
    dict(id="h114", feed="westafricapost", title="Brazzaville reopens rail link to Pointe-Noire",
         body="The Republic of the Congo reopened the renovated Congo-Ocean railway between Brazzaville and the port of "
              "Pointe-Noire after a three-year upgrade financed by Chinese loans.",
         date="2026-11-19T11:00:00Z", dup="h114", story="H60", cc=["CG", "CN"], never=["CD"], domain="economy"),

    # H61 .. H63 Guinea, the Gulf of Guinea, Equatorial Guinea
    dict(id="h115", feed="westafricapost", title="Guinea's bauxite exports hit record",
         body="Guinea exported a record 19 million tonnes of bauxite in the third quarter, mostly to China, the mines "
              "ministry in Conakry said.",
         date="2026-11-05T10:00:00Z", dup="h115", story="H61", cc=["GN", "CN"], never=["GQ", "GW", "PG"],
         domain="economy"),
    dict(id="h116", feed="maritimedaily", title="Navies hold anti-piracy drill in Gulf of Guinea",
         body="Warships from Nigeria, Ghana and Togo held a joint anti-piracy exercise in the Gulf of Guinea, the Nigerian "
              "navy said.",
         date="2026-11-15T10:00:00Z", dup="h116", story="H62", cc=["NG", "GH", "TG"], never=["GN"], domain="military"),
    dict(id="h117", feed="westafricapost", title="Equatorial Guinea signs gas deal with Cameroon",
         body="Equatorial Guinea and Cameroon signed an agreement in Malabo to jointly develop the Yoyo-Yolanda gas fields "
              "that straddle their maritime border.",
         date="2026-11-18T10:00:00Z", dup="h117", story="H63", cc=["GQ", "CM"], never=["GN"], domain="economy"),

    # H64 South Sudanese refugees in Uganda; H65 the Indian Ocean off Mauritius
    dict(id="h118", feed="aidmonitor", title="South Sudanese refugees in Uganda face ration cuts",
         body="The World Food Programme said it would cut rations for 800,000 South Sudanese refugees in Uganda by half from "
              "December because of funding shortfalls.",
         date="2026-11-20T09:00:00Z", dup="h118", story="H64", cc=["SS", "UG"], never=["SD"], domain="humanitarian"),
    dict(id="h119", feed="islandsnews", title="Oil spill threatens Mauritius reefs after cargo ship runs aground",
         body="A bulk carrier ran aground on a reef off the south-east coast of Mauritius in the Indian Ocean, leaking fuel "
              "oil towards a marine park, the government said.",
         date="2026-11-14T09:00:00Z", dup="h119", story="H65", cc=["MU"], never=["IN"], domain="humanitarian"),

    # H66 US restrictions on Cuban military firms; a link with a fragment
    dict(id="h120", feed="latamwire", title=_GAESA_T, body=_GAESA_B,
         date="2026-11-10T15:00:00Z", dup="h120", story="H66", cc=["US", "CU"], domain="economy"),
    dict(id="h121", feed="globalpost", title="Havana condemns new US restrictions on Cuban hotels",
         body="Cuba's foreign minister Bruno Rodriguez said the new US measures were an attempt to strangle the island's "
              "tourism industry.",
         date="2026-11-10T18:00:00Z", dup="h121", story="H66", cc=["CU", "US"], domain="economy"),
    dict(id="h135", feed="aggregator", same_link_as="h120", link_suffix="#comments",
         title=_GAESA_T, body=_GAESA_B,
         date="2026-11-10T16:20:00Z", dup="h120", story="H66", cc=["US", "CU"], domain="economy"),

    # H67 hunger in Haiti
    dict(id="h122", feed="aidmonitor", title="Half of Haiti's population faces acute hunger, UN says",
         body="About 5.7 million people in Haiti are facing crisis levels of hunger or worse, the UN-backed food security "
              "assessment found, as gang violence blocks roads out of Port-au-Prince.",
         date="2026-11-19T13:00:00Z", dup="h122", story="H67", cc=["HT"], domain="humanitarian"),
    dict(id="h123", feed="latamwire", title="Haiti hunger deepens as gangs choke supply routes",
         body="Farmers in Haiti's Artibonite valley said gangs were extorting payments on every truck of rice, pushing prices "
              "up in the capital, according to a new UN food security report.",
         date="2026-11-19T16:00:00Z", dup="h123", story="H67", cc=["HT"], domain="humanitarian"),

    # H68 Brazil cuts rates
    dict(id="h124", feed="latamwire", title="Brazil's central bank cuts Selic rate to 13.75%",
         body="Brazil's central bank lowered its benchmark Selic interest rate by 50 basis points to 13.75% on Wednesday, "
              "citing slowing inflation.",
         date="2026-11-04T22:00:00Z", dup="h124", story="H68", cc=["BR"], domain="economy"),
    dict(id="h125", feed="marketsdaily", title="Real steady after Brazil rate cut",
         body="Brazil's real held near 5.30 per dollar after the central bank's half-point cut, which economists said "
              "signalled a cautious easing cycle.",
         date="2026-11-05T10:00:00Z", dup="h125", story="H68", cc=["BR"], domain="economy"),

    # H69 Israeli strike near Tyre; H70 hard negative: the Lebanese army's arms seizure the same day
    dict(id="h126", feed="levantdaily", title="Israeli strike on car near Tyre kills one",
         body="An Israeli drone strike on a car near the southern Lebanese city of Tyre killed one person, Lebanon's health "
              "ministry said.",
         date="2026-11-16T08:00:00Z", dup="h126", story="H69", cc=["IL", "LB"], domain="military"),
    dict(id="h127", feed="globalpost", title="Drone strike near Tyre hits vehicle on coastal road",
         body="The Israeli military said it struck a Hezbollah operative near Tyre who was involved in rebuilding weapons "
              "sites in southern Lebanon.",
         date="2026-11-16T10:00:00Z", dup="h127", story="H69", cc=["IL", "LB"], domain="military"),
    dict(id="h128", feed="levantdaily", title="Lebanese army seizes Hezbollah arms depot south of Litani",
         body="Lebanon's army said it had taken over a Hezbollah weapons depot in a valley south of the Litani river, as part "
              "of a government plan to bring all arms under state control.",
         date="2026-11-16T15:00:00Z", dup="h128", story="H70", cc=["LB"], domain="military"),
    dict(id="h129", feed="dispatch", title="Lebanon's army takes control of Hezbollah depot and tunnels",
         body="Lebanese troops took control of a Hezbollah weapons depot and tunnel complex south of the Litani on Monday and "
              "removed rocket launchers, the army said, in an operation coordinated with the ceasefire monitoring committee.",
         date="2026-11-16T18:00:00Z", dup="h129", story="H70", cc=["LB"], domain="military"),

    # templated Russian air-defence bulletins
    dict(id="h130", feed="continentaldesk", title="Russia says air defences destroyed 57 Ukrainian drones overnight",
         body="Russian air defence systems destroyed 57 Ukrainian drones overnight over eight regions, including 12 over the "
              "Moscow region, Russia's defence ministry said.",
         date="2026-11-02T07:00:00Z", dup="h130", story="H71", cc=["RU", "UA"], domain="military"),
    dict(id="h131", feed="continentaldesk", title="Russia says air defences destroyed 83 Ukrainian drones overnight",
         body="Russian air defence systems destroyed 83 Ukrainian drones overnight over eleven regions, including 20 over the "
              "Moscow region, Russia's defence ministry said.",
         date="2026-11-03T07:00:00Z", dup="h131", story="H72", cc=["RU", "UA"], domain="military"),

    # H73 cricket in Kolkata
    dict(id="h132", feed="sportsline", title="India beat South Africa by six wickets in Kolkata Test",
         body="India chased down 214 on the fourth day at Eden Gardens to beat South Africa by six wickets and take a 1-0 "
              "lead in the series.",
         date="2026-11-19T17:00:00Z", dup="h132", story="H73", cc=["IN", "ZA"], domain="other"),

    # H74 India orders X to block accounts
    dict(id="h137", feed="southasiatoday", title="India orders X to block 2,300 accounts over 'anti-national' posts",
         body="India's information technology ministry ordered the social media platform X to block about 2,300 accounts, "
              "including those of two news outlets, saying their posts threatened public order.",
         date="2026-11-06T07:00:00Z", dup="h137", story="H74", cc=["IN"], domain="information"),
    dict(id="h138", feed="globalpost", title="X says it is 'deeply concerned' by New Delhi's blocking order",
         body="The platform said it had complied with the Indian government's order to withhold thousands of accounts but "
              "disagreed with it, calling it press censorship.",
         date="2026-11-06T15:00:00Z", dup="h138", story="H74", cc=["IN"], domain="information"),

    # H75 theft through a Brazilian instant-payments provider; an arrest the next day
    dict(id="h139", feed="techsec", title="Hackers siphon $140 million through Brazilian payment system provider",
         body="Criminals used stolen credentials at a software provider that connects smaller banks to Brazil's Pix instant "
              "payment system to divert about 750 million reais, Brazil's central bank said.",
         date="2026-11-12T13:00:00Z", dup="h139", story="H75", cc=["BR"], domain="cyber"),
    dict(id="h140", feed="latamwire", title="Police in Brasilia arrest IT worker over Pix provider breach",
         body="Federal police in Brasilia arrested an employee of the software firm, accusing him of selling his login "
              "credentials to the gang behind the theft of 750 million reais from the instant payments network.",
         date="2026-11-13T18:00:00Z", dup="h140", story="H75", cc=["BR"], domain="cyber"),

    # H76 cyberattack stops a Japanese carmaker's plants
    dict(id="h141", feed="cyberbrief", title="Japanese carmaker halts domestic plants after cyberattack",
         body="A Japanese automaker suspended production at all 11 of its assembly plants in Japan after a cyberattack on a "
              "parts supplier's ordering system, the company said.",
         date="2026-11-19T04:00:00Z", dup="h141", story="H76", cc=["JP"], domain="cyber"),
    dict(id="h142", feed="eastasiadaily", title="Supplier hack idles car factories across Japan",
         body="Assembly lines stopped in Aichi and Fukuoka after ransomware hit a supplier's systems, leaving Japan's "
              "third-largest carmaker unable to order parts for at least a day.",
         date="2026-11-19T07:30:00Z", dup="h142", story="H76", cc=["JP"], domain="cyber"),

    # H77 fake news clip about Ukrainian refugees in Poland
    dict(id="h143", feed="factcheckers", title="Fake news clip claims Ukrainian refugees rioted in Warsaw",
         body="A video styled as a broadcaster's report claiming that Ukrainian refugees rioted in Warsaw was fabricated, "
              "fact-checkers found, and was first posted by accounts that regularly spread Russian state narratives.",
         date="2026-11-17T11:00:00Z", dup="h143", story="H77", cc=["UA", "PL", "RU"], domain="information"),
]
