"""Labeled tuning set for `python -m bot analyze` (dedup, stories, countries, domains).

Same format and label rules as /work/shared/eval/dev_items.py (see README.md beside this file).
Engineers tune the pipeline on this set; tests/eval/items_holdout.py checks that it generalises.
Dates: 2026-10-12 .. 2026-11-01. Ids start with "t", story labels with "T", dup labels are the id of the
first item of the article.
"""

_KYIV_DRONE_T = "Russian drones hit Kyiv apartment block, killing three"
_KYIV_DRONE_B = ("A Russian drone attack overnight struck a nine-storey apartment building in Kyiv's Obolon district, "
                 "killing three people and injuring 12, the city's military administration said. Air defences were active "
                 "over the Ukrainian capital for more than four hours.")
_KYIV_RESCUE_T = "Three dead as drone slams into residential building in Ukrainian capital"
_KYIV_RESCUE_B = ("Rescuers in Kyiv spent Wednesday morning pulling residents from a partly collapsed block of flats after a "
                  "drone hit its upper floors during a night-long Russian raid. Mayor Vitali Klitschko said three people "
                  "were confirmed dead and a dozen were being treated in hospital.")
_EU_SANCTIONS_T = "EU adopts new sanctions package targeting Russia's shadow fleet"
_EU_SANCTIONS_B = ("European Union governments approved a new round of sanctions against Russia on Thursday, adding 118 "
                   "tankers of the so-called shadow fleet to a port-access ban and listing two refineries in China that "
                   "process Russian crude.")
_LT_DDOS_B = ("Websites of Lithuania's government, parliament and several ministries were unreachable for hours on Monday "
              "after a distributed denial-of-service attack claimed by a pro-Russian hacktivist group, the national cyber "
              "security centre said.")
_LT_DDOS_UPD_B = ("Websites of Lithuania's government, parliament and several ministries were restored by late morning on "
                  "Monday after a distributed denial-of-service attack claimed by a pro-Russian hacktivist group, the national "
                  "cyber security centre said. No data was compromised.")
_SPAIN_FLOOD_B = ("Torrential rain triggered flash floods in Spain's Valencia and Murcia regions overnight, killing at least "
                  "four people and forcing the evacuation of 1,200 residents, emergency services said.")
_GAZA_AID_B = ("The number of aid trucks entering Gaza dropped to an average of 310 a day in the first half of October, the "
               "UN humanitarian office said, warning that Palestinian families in the north were again running short of flour.")
_IAEA_T = "Iran and UN watchdog discuss return of inspectors"
_IAEA_B = ("Iranian Foreign Minister Abbas Araqchi told visiting IAEA Director General Rafael Grossi that any inspections of "
           "the Fordow and Natanz sites must be agreed case by case, Iranian state media reported.")
_CENTCOM_B = ("US Central Command said a Houthi anti-ship missile struck a merchant vessel in the Red Sea on Sunday and that "
              "American warships in the area shot down two drones launched from Yemen.")
_KREMLIN_SYRIA_T = "Putin and al-Sharaa discuss bases, wheat supplies"
_KREMLIN_SYRIA_B = ("Vladimir Putin hosted Syria's interim leader at the Kremlin, where the two discussed Russian wheat "
                    "deliveries to Damascus and the status of Russian military facilities on the Syrian coast, the Kremlin said.")
_BF_MEDIA_T = "Ouagadougou cuts off French radio, TV over attack coverage"
_BF_MEDIA_B = ("Captain Ibrahim Traore's government ordered a suspension of French public radio and television after they "
               "aired interviews about a militant attack, the latest move against foreign media.")
_CHOLERA_B = ("A cholera outbreak in displacement camps around Tawila in Sudan's North Darfur state has killed at least 40 "
              "people in a week, Doctors Without Borders said, warning that clean water supplies had collapsed.")
_DRC_T = "Kinshasa, Kigali trade blame as US hosts peace review"
_DRC_B = ("Congo's government accused Rwanda of still deploying troops alongside M23 fighters in South Kivu, while Kigali said "
          "Kinshasa had failed to act against the FDLR militia, at talks hosted by the US State Department.")
_TRIPOLI_B = ("The UN mission in Libya urged an immediate ceasefire after militias clashed in Tripoli, killing at least seven "
              "people, and said it was in contact with Prime Minister Abdulhamid Dbeibah's government.")
_PLA_T = "China launches large-scale military drills around Taiwan"
_PLA_B = ("China's Eastern Theatre Command began joint exercises codenamed 'Strait Thunder-2026B' around Taiwan on Wednesday, "
          "deploying warships and aircraft to simulate a blockade of major ports.")
_TAIPEI_B = ("President Lai Ching-te's office condemned the Chinese exercises as a threat to regional peace and said the "
             "armed forces had set up a response centre. Japan said it was monitoring the drills closely.")
_JP_HACK_T = "Japan says China-linked hackers breached telecom networks"
_JP_HACK_B = ("Japan's National Police Agency said a hacking group linked to China's security services had breached the "
              "networks of two major telecom operators, accessing call records of government officials.")
_KASHMIR_T = "India says Pakistani troops violated ceasefire in Kashmir"
_KASHMIR_B = ("The Indian army said Pakistani troops opened fire on its posts in the Kupwara sector of Kashmir overnight, the "
              "first ceasefire violation along the Line of Control since May 2025. One Indian soldier was wounded.")
_AFGHAN_B = ("More than 2.5 million Afghans have returned or been deported from Iran and Pakistan since January, the "
             "International Organization for Migration said, straining aid in border provinces as winter approaches.")
_BRAZIL_T = "Brazilians vote in tight presidential runoff"
_BRAZIL_B = ("Brazilians voted on Sunday in a presidential runoff between President Luiz Inacio Lula da Silva and his "
             "right-wing challenger, with polls showing the race within the margin of error.")
_CISA_B = ("The US Cybersecurity and Infrastructure Security Agency said hackers linked to Iran's Revolutionary Guards had "
           "compromised control systems at several small water utilities in Pennsylvania and Texas.")
_ANTWERP_T = "Antwerp port hit by cyberattack on logistics platform"
_ANTWERP_B = ("Trucks queued for kilometres outside container terminals in Antwerp after hackers encrypted systems used to "
              "book pickups, the port authority said. Belgium's cyber centre is investigating.")
_STORM1516_T = "Germany uncovers network of fake news sites posing as local papers"
_STORM1516_B = ("Germany's interior ministry said it had identified more than 100 websites imitating regional newspapers that "
                "spread false stories about migrants and energy prices, and attributed the campaign to a Russian operation "
                "known as Storm-1516.")
_NAIROBI_T = "Police fire tear gas at Nairobi protest over fuel taxes"
_NAIROBI_B = ("Kenyan police fired tear gas at hundreds of protesters marching on parliament in Nairobi against a proposed "
              "increase in fuel levies, witnesses said.")
_ARM_AZ_B = ("Deputy prime ministers of Armenia and Azerbaijan signed a protocol in Yerevan on the next stage of marking "
             "their shared border, following the peace agreement initialled in Washington last year.")

ITEMS = [
    # T01 overnight drone strike on a Kyiv apartment block: 4 outlets, a mirror copy, a tracked link, a toll update
    dict(id="t001", feed="wiredesk", title=_KYIV_DRONE_T, body=_KYIV_DRONE_B,
         date="2026-10-14T04:50:00Z", dup="t001", story="T01", cc=["UA", "RU"], domain="military"),
    dict(id="t002", feed="mirrorsite", title=_KYIV_DRONE_T, body=_KYIV_DRONE_B,
         date="2026-10-14T05:30:00Z", dup="t001", story="T01", cc=["UA", "RU"], domain="military"),
    dict(id="t003", feed="europedesk", title=_KYIV_RESCUE_T, body=_KYIV_RESCUE_B,
         date="2026-10-14T07:15:00Z", dup="t003", story="T01", cc=["UA", "RU"], domain="military"),
    dict(id="t004", feed="newsletter", same_link_as="t003", link_suffix="?utm_source=newsletter&utm_medium=email",
         title=_KYIV_RESCUE_T, body=_KYIV_RESCUE_B,
         date="2026-10-14T08:05:00Z", dup="t003", story="T01", cc=["UA", "RU"], domain="military"),
    dict(id="t005", feed="worldbrief", title="Zelensky presses allies for air defence after deadly strike on Obolon",
         body="President Volodymyr Zelensky said the Russian attack on a residential building in Obolon showed why partners "
              "must speed up deliveries of Patriot interceptors. Three people were killed in the strike, according to "
              "Ukrainian officials.",
         date="2026-10-14T09:40:00Z", dup="t005", story="T01", cc=["UA", "RU"], domain="military"),
    dict(id="t227", feed="dailyglobe", title="Night of drones leaves Obolon residents picking through wreckage",
         body="Residents of the Obolon district in northern Kyiv swept broken glass from courtyards after a Russian drone tore "
              "into an apartment block overnight, killing three people, according to city officials.",
         date="2026-10-14T10:30:00Z", dup="t227", story="T01", cc=["UA", "RU"], domain="military"),
    dict(id="t006", feed="wiredesk", title="Death toll from Kyiv drone strike rises to five",
         body="Two more bodies were recovered overnight from the Obolon apartment building hit by a Russian drone early on "
              "Wednesday, bringing the death toll to five, Ukraine's State Emergency Service said.",
         date="2026-10-15T08:10:00Z", dup="t006", story="T01", cc=["UA", "RU"], domain="military"),

    # T02 hard negative: a separate daytime missile strike on a Kyiv power plant the same day
    dict(id="t007", feed="wiredesk", title="Missile strike on Kyiv power plant cuts electricity to eastern districts",
         body="Russian ballistic missiles struck a combined heat and power plant in Kyiv on Wednesday afternoon, causing "
              "outages across districts on the city's left bank, Ukraine's energy ministry said. No casualties were reported.",
         date="2026-10-14T13:20:00Z", dup="t007", story="T02", cc=["UA", "RU"], domain="military"),
    dict(id="t008", feed="regionalnews", title="Daytime ballistic attack targets capital's energy grid",
         body="In a rare daytime attack, Russia fired ballistic missiles at a thermal power station in the Ukrainian capital, "
              "plunging parts of the left bank into darkness. Grid operator Ukrenergo said repair crews had restored power "
              "to about half of affected homes by evening.",
         date="2026-10-14T14:45:00Z", dup="t008", story="T02", cc=["UA", "RU"], domain="military"),

    # T03 Ukraine-Turkey talks on Black Sea shipping
    dict(id="t009", feed="europedesk", title="Sybiha and Fidan discuss Black Sea shipping in Ankara",
         body="Ukrainian Foreign Minister Andrii Sybiha met his Turkish counterpart Hakan Fidan in Ankara on Monday to "
              "discuss the safety of commercial vessels in the Black Sea after a series of Russian strikes near Odesa's ports.",
         date="2026-10-12T10:30:00Z", dup="t009", story="T03", cc=["UA", "TR", "RU"], domain="diplomacy"),
    dict(id="t010", feed="regionalnews", title="Turkey offers to host talks on safe navigation, Fidan says",
         body="Turkey is ready to host technical talks on the security of merchant shipping in the Black Sea, Foreign "
              "Minister Hakan Fidan said after meeting Ukraine's top diplomat. Fidan said the proposal had also been "
              "conveyed to Moscow.",
         date="2026-10-12T13:10:00Z", dup="t010", story="T03", cc=["TR", "UA", "RU"], domain="diplomacy"),

    # T04 EU sanctions package: 3 outlets, a syndicated copy, the Kremlin's reaction next day
    dict(id="t011", feed="europedesk", title=_EU_SANCTIONS_T, body=_EU_SANCTIONS_B,
         date="2026-10-15T11:00:00Z", dup="t011", story="T04", cc=["RU", "CN"], domain="economy"),
    dict(id="t012", feed="wiredesk", title="EU blacklists more tankers, Chinese refiners in new Russia sanctions",
         body="The EU's latest sanctions on Moscow bar another 118 vessels from European ports and freeze the assets of two "
              "Chinese refiners accused of buying Russian oil above the price cap, diplomats said. The package also "
              "tightens a ban on Russian liquefied natural gas transshipment.",
         date="2026-10-15T12:20:00Z", dup="t012", story="T04", cc=["RU", "CN"], domain="economy"),
    dict(id="t013", feed="marketsdaily", title="Oil tanker rates jump after EU widens shadow fleet ban",
         body="Freight rates for Aframax tankers on Baltic routes rose as much as 9% after the European Union added 118 "
              "ships to its list of vessels barred over Russian oil trade. Traders said the move would tighten tonnage "
              "available to Russia's exporters.",
         date="2026-10-15T14:00:00Z", dup="t013", story="T04", cc=["RU"], domain="economy"),
    dict(id="t014", feed="wiredesk", title="Kremlin says new EU sanctions will 'boomerang' on Europe",
         body="Kremlin spokesman Dmitry Peskov said the European Union's latest sanctions package was illegal and would hurt "
              "European economies more than Russia's. China's foreign ministry separately protested the listing of two of "
              "its refineries.",
         date="2026-10-16T09:15:00Z", dup="t014", story="T04", cc=["RU", "CN"], domain="economy"),
    dict(id="t015", feed="eastwestwire", title=_EU_SANCTIONS_T,
         body=_EU_SANCTIONS_B + " This article first appeared on Europe Desk.",
         date="2026-10-15T15:30:00Z", dup="t011", story="T04", cc=["RU", "CN"], domain="economy"),

    # T05 hard negative: unrelated US Treasury sanctions on the Russian oil trade, same day
    dict(id="t016", feed="americasdesk", title="US Treasury sanctions UAE-based traders over Russian oil",
         body="The US Treasury Department imposed sanctions on six companies based in the United Arab Emirates that it said "
              "helped ship Russian crude above the price cap. Treasury Secretary Scott Bessent said the network had moved "
              "more than $4 billion of oil since January.",
         date="2026-10-15T18:30:00Z", dup="t016", story="T05", cc=["US", "AE", "RU"], domain="economy"),
    dict(id="t017", feed="gulfmonitor", title="Emirati firms hit by new American sanctions on oil trade",
         body="Six trading firms registered in Dubai and Sharjah were added to the US sanctions list on Thursday over their "
              "role in selling Russian oil, according to a Treasury statement. The UAE government did not immediately comment.",
         date="2026-10-15T20:05:00Z", dup="t017", story="T05", cc=["AE", "US", "RU"], domain="economy"),

    # T06 deepfake of Poland's president
    dict(id="t018", feed="factcheckers", title="Fake video shows Polish president announcing troop deployment to Ukraine",
         body="A fabricated video in which President Karol Nawrocki appears to announce the sending of Polish troops to "
              "Ukraine has been viewed more than two million times on X and Telegram. Audio analysis shows the voice was "
              "synthetically generated.",
         date="2026-10-13T09:00:00Z", dup="t018", story="T06", cc=["PL", "UA"], domain="information"),
    dict(id="t019", feed="europedesk", title="Warsaw blames Russian network for Nawrocki deepfake",
         body="Poland's digital affairs ministry said a deepfake of the president spreading on social media was pushed by "
              "accounts linked to a Russian influence operation, and asked platforms to remove it.",
         date="2026-10-13T12:40:00Z", dup="t019", story="T06", cc=["PL", "RU"], domain="information"),
    dict(id="t020", feed="wiredesk", title="Platforms pull deepfake of Poland's president after government request",
         body="Meta and TikTok said they had removed copies of a manipulated video of President Karol Nawrocki, a day after "
              "Warsaw accused a Kremlin-backed network of spreading it.",
         date="2026-10-14T07:30:00Z", dup="t020", story="T06", cc=["PL", "RU"], domain="information"),

    # T07 DDoS on Lithuanian government sites: Atom item and its update (same guid, new title)
    dict(id="t021", feed="techsec", title="DDoS attacks knock Lithuanian government websites offline", body=_LT_DDOS_B,
         date="2026-10-19T08:20:00Z", dup="t021", story="T07", cc=["LT", "RU"], domain="cyber"),
    dict(id="t022", feed="techsec-update", same_guid_as="t021",
         title="Lithuanian government sites restored after pro-Russian DDoS attack", body=_LT_DDOS_UPD_B,
         date="2026-10-19T11:45:00Z", dup="t021", story="T07", cc=["LT", "RU"], domain="cyber"),
    dict(id="t023", feed="europedesk", title="Vilnius says hacktivists targeted state portals in retaliation for drone aid",
         body="Lithuanian officials said a hacker group that backs Moscow flooded state portals with junk traffic after "
              "Vilnius announced new drone deliveries to Kyiv. Officials said the attack caused no lasting damage.",
         date="2026-10-19T10:10:00Z", dup="t023", story="T07", cc=["LT", "RU", "UA"], domain="cyber"),

    # T08 protests in Tbilisi (Georgia the country)
    dict(id="t024", feed="caucasusreport", title="Thousands rally in Tbilisi against media law",
         body="Thousands of people marched down Rustaveli Avenue in Tbilisi on Saturday to protest a law that would give the "
              "Georgian Dream government power to shut down broadcasters that receive foreign funding.",
         date="2026-10-17T19:00:00Z", dup="t024", story="T08", cc=["GE"], never=["US"], domain="politics"),
    dict(id="t025", feed="europedesk", title="Georgian protesters march on parliament over broadcasting bill",
         body="Protesters waving EU and Georgian flags gathered outside parliament in the capital, accusing the ruling party "
              "of muzzling independent media. Prime Minister Irakli Kobakhidze said the law would protect Georgia's "
              "sovereignty.",
         date="2026-10-17T21:30:00Z", dup="t025", story="T08", cc=["GE"], never=["US"], domain="politics"),
    dict(id="t026", feed="wiredesk", title="Georgian police detain 27 after overnight protest in capital",
         body="Police in Tbilisi detained 27 people as they cleared protesters from outside parliament early on Sunday, the "
              "interior ministry said. Opposition groups called for another rally on Monday.",
         date="2026-10-18T08:00:00Z", dup="t026", story="T08", cc=["GE"], never=["US"], domain="politics"),

    # T09 trap: Georgia the US state (Atlanta, Senate race)
    dict(id="t027", feed="americasdesk", title="Georgia sets early voting record in Senate race",
         body="More than 410,000 ballots were cast on the first day of early voting in Georgia on Monday, the secretary of "
              "state's office said, as Democratic Senator Jon Ossoff seeks a second term in one of the most closely "
              "watched races of the midterms.",
         date="2026-10-13T15:00:00Z", dup="t027", story="T09", cc=["US"], never=["GE"], domain="politics"),
    dict(id="t028", feed="wiredesk", title="Long lines in Atlanta as early voting opens",
         body="Voters in Atlanta and its suburbs waited up to two hours at some polling sites as early voting began for the "
              "November 3 midterm elections, with turnout well above the 2022 pace, Georgia election officials said.",
         date="2026-10-13T18:20:00Z", dup="t028", story="T09", cc=["US"], never=["GE"], domain="politics"),

    # T10 Russian jets in Estonian airspace: the incident, the summons, Russia's denial next day
    dict(id="t029", feed="europedesk", title="Estonia says Russian fighter jets violated its airspace",
         body="Two Russian Su-30 fighter jets entered Estonian airspace near Vaindloo island for about three minutes on "
              "Wednesday, the Estonian defence forces said. Italian F-35s on NATO air policing duty were scrambled to "
              "escort them out.",
         date="2026-10-21T10:00:00Z", dup="t029", story="T10", cc=["EE", "RU", "IT"], domain="military"),
    dict(id="t030", feed="wiredesk", title="Tallinn summons Russian envoy over airspace breach",
         body="Estonia's foreign ministry summoned Russia's charge d'affaires after two military jets crossed into its "
              "airspace over the Gulf of Finland, calling the incident a deliberate provocation.",
         date="2026-10-21T12:30:00Z", dup="t030", story="T10", cc=["EE", "RU"], never=["FI"], domain="diplomacy"),
    dict(id="t031", feed="wiredesk", title="Russia denies its jets entered Estonian airspace",
         body="Russia's defence ministry said its Su-30 jets were on a scheduled flight to Kaliningrad over neutral waters "
              "and did not cross into Estonian airspace, rejecting Tallinn's account.",
         date="2026-10-22T07:45:00Z", dup="t031", story="T10", cc=["RU", "EE"], domain="military"),

    # T11 flash floods in Spain, with a syndicated copy under a new title
    dict(id="t032", feed="humanitarianwatch", title="Flash floods kill four in eastern Spain", body=_SPAIN_FLOOD_B,
         date="2026-10-23T09:00:00Z", dup="t032", story="T11", cc=["ES"], domain="humanitarian"),
    dict(id="t033", feed="europedesk", title="Spanish army deployed as storms flood Valencia towns",
         body="Spain sent military emergency units to towns south of Valencia where streets turned into rivers after up to "
              "300 litres of rain per square metre fell in a few hours. Four deaths have been confirmed.",
         date="2026-10-23T11:30:00Z", dup="t033", story="T11", cc=["ES"], domain="humanitarian"),
    dict(id="t034", feed="mediterraneanpost", title="Spain: four dead in flash floods",
         body=_SPAIN_FLOOD_B + " (Syndicated from a partner agency.)",
         date="2026-10-23T13:40:00Z", dup="t032", story="T11", cc=["ES"], domain="humanitarian"),

    # T12 football; "Emirates" is a stadium
    dict(id="t035", feed="sports", title="Arsenal beat Inter 3-1 to stay top of Champions League table",
         body="Bukayo Saka scored twice as Arsenal beat Inter Milan 3-1 at the Emirates Stadium to stay unbeaten in the "
              "Champions League league phase.",
         date="2026-10-21T22:10:00Z", dup="t035", story="T12", cc=[], never=["AE"], domain="other"),
    dict(id="t036", feed="footballweekly", title="Saka double sinks Inter at the Emirates",
         body="Arsenal moved to 12 points from four matches after a 3-1 win over the Italian champions, with Bukayo Saka "
              "scoring either side of half-time in north London.",
         date="2026-10-21T22:45:00Z", dup="t036", story="T12", cc=["IT", "GB"], never=["AE"], domain="other"),

    # T13 Israeli strike near Nabatieh kills a Hezbollah commander; Aoun's condemnation next day
    dict(id="t037", feed="levantwire", title="Israeli strike kills Hezbollah commander in south Lebanon",
         body="An Israeli drone strike on a car near the town of Nabatieh killed a senior commander of Hezbollah's Radwan "
              "force, the Israeli military said. Lebanese state media reported two people killed in the strike.",
         date="2026-10-16T06:30:00Z", dup="t037", story="T13", cc=["IL", "LB"], domain="military"),
    dict(id="t038", feed="wiredesk", title="Israel says it killed Radwan force commander near Nabatieh",
         body="The Israeli army said it had targeted a Radwan unit commander responsible for rebuilding Hezbollah positions "
              "close to the Lebanese border, in the latest strike despite a ceasefire in place since November 2024.",
         date="2026-10-16T08:00:00Z", dup="t038", story="T13", cc=["IL", "LB"], domain="military"),
    dict(id="t039", feed="gulfmonitor", title="Two killed as drone hits vehicle on Nabatieh road",
         body="A drone strike on a vehicle on the road between Nabatieh and Kfar Roummane in southern Lebanon killed two men "
              "on Friday morning, Lebanon's health ministry said, blaming Israel.",
         date="2026-10-16T10:20:00Z", dup="t039", story="T13", cc=["LB", "IL"], domain="military"),
    dict(id="t040", feed="wiredesk", title="Lebanon's Aoun condemns strike, urges ceasefire monitors to act",
         body="Lebanese President Joseph Aoun condemned Friday's Israeli strike near Nabatieh as a violation of the "
              "ceasefire and called on the US-led monitoring committee to press Israel to halt its attacks.",
         date="2026-10-17T09:30:00Z", dup="t040", story="T13", cc=["LB", "IL", "US"], domain="diplomacy"),

    # T14 hard negative: a different Israeli strike, on Beirut's southern suburbs, the next day
    dict(id="t041", feed="levantwire", title="Israeli strike hits building in Beirut's southern suburbs",
         body="An Israeli air strike flattened a four-storey building in Beirut's Haret Hreik district on Saturday afternoon "
              "after residents were warned to evacuate, Lebanese media said. The Israeli military said the building housed "
              "a Hezbollah drone workshop.",
         date="2026-10-17T15:40:00Z", dup="t041", story="T14", cc=["IL", "LB"], domain="military"),
    dict(id="t042", feed="wiredesk", title="Israel bombs suspected Hezbollah drone site in Lebanese capital",
         body="Israel struck what it called a Hezbollah drone storage facility in the Dahiyeh area south of Beirut, the "
              "first strike on the Lebanese capital in six weeks. No casualties were reported after an evacuation warning.",
         date="2026-10-17T17:05:00Z", dup="t042", story="T14", cc=["IL", "LB"], domain="military"),

    # T15 aid into Gaza falls: UN figures, aid groups, a syndicated copy, Israel's rebuttal next day
    dict(id="t043", feed="humanitarianwatch", title="UN says aid entering Gaza fell by a third in two weeks", body=_GAZA_AID_B,
         date="2026-10-20T10:00:00Z", dup="t043", story="T15", cc=["PS"], domain="humanitarian"),
    dict(id="t044", feed="gulfmonitor", title="Aid groups blame crossing closures for Gaza shortfall",
         body="Relief agencies said repeated closures of the Kerem Shalom crossing by Israeli authorities were slowing "
              "deliveries into the Palestinian enclave, where UN figures show truck arrivals down by about a third this month.",
         date="2026-10-20T12:30:00Z", dup="t044", story="T15", cc=["IL", "PS"], domain="humanitarian"),
    dict(id="t045", feed="worldbrief", title="Gaza aid deliveries drop sharply, UN says",
         body=_GAZA_AID_B + " This article first appeared on Humanitarian Watch.",
         date="2026-10-20T14:00:00Z", dup="t043", story="T15", cc=["PS"], domain="humanitarian"),
    dict(id="t046", feed="wiredesk", title="Israel rejects UN figures on Gaza aid, says 600 trucks a day crossing",
         body="Israel's COGAT agency disputed the UN count of aid entering Gaza, saying more than 600 trucks a day had "
              "crossed in October and that UN agencies were failing to collect cargo from the Palestinian side of the "
              "crossings.",
         date="2026-10-21T08:30:00Z", dup="t046", story="T15", cc=["IL", "PS"], domain="humanitarian"),

    # T16 IAEA chief in Tehran: arrival, talks (and a mirror copy), outcome next day
    dict(id="t047", feed="gulfmonitor", title="IAEA chief Grossi arrives in Tehran for inspection talks",
         body="Rafael Grossi, head of the UN nuclear watchdog, arrived in Tehran on Thursday for talks on restoring "
              "inspectors' access to Iranian nuclear sites damaged in last year's strikes.",
         date="2026-10-22T09:00:00Z", dup="t047", story="T16", cc=["IR"], domain="diplomacy"),
    dict(id="t048", feed="wiredesk", title=_IAEA_T, body=_IAEA_B,
         date="2026-10-22T11:20:00Z", dup="t048", story="T16", cc=["IR"], domain="diplomacy"),
    dict(id="t049", feed="mirrorsite", title=_IAEA_T, body=_IAEA_B,
         date="2026-10-22T11:50:00Z", dup="t048", story="T16", cc=["IR"], domain="diplomacy"),
    dict(id="t050", feed="europedesk", title="Grossi says no deal yet on full inspections after Tehran visit",
         body="Speaking on his return to Vienna, IAEA chief Rafael Grossi said talks with Iran had been constructive but had "
              "not produced an agreement on access to all enriched uranium stockpiles.",
         date="2026-10-23T08:00:00Z", dup="t050", story="T16", cc=["IR", "AT"], domain="diplomacy"),

    # T17 Houthi missile hits a ship in the Red Sea; the wire item is later updated under the same guid
    dict(id="t051", feed="shippingnews", title="Bulk carrier reports missile strike off Yemen",
         body="A Liberian-flagged bulk carrier was hit by a missile 60 nautical miles west of Yemen's port of Hodeidah, the "
              "UK Maritime Trade Operations agency said. The crew were reported safe and the ship was proceeding to its "
              "next port.",
         date="2026-10-18T07:00:00Z", dup="t051", story="T17", cc=["YE", "LR", "GB"], domain="military"),
    dict(id="t052", feed="gulfmonitor", title="Houthis claim attack on ship in Red Sea",
         body="Yemen's Houthi movement said it fired an anti-ship ballistic missile at a vessel it said was linked to Israel, "
              "the first such claim since August.",
         date="2026-10-18T09:30:00Z", dup="t052", story="T17", cc=["YE", "IL"], domain="military"),
    dict(id="t053", feed="wiredesk", title="US Central Command says Houthi missile damaged merchant ship", body=_CENTCOM_B,
         date="2026-10-18T13:00:00Z", dup="t053", story="T17", cc=["US", "YE"], domain="military"),
    dict(id="t222", feed="wiredesk-update", same_guid_as="t053",
         title="US warships down Houthi drones after missile hits merchant ship",
         body=_CENTCOM_B + " The vessel's crew contained a small fire and the ship continued north.",
         date="2026-10-18T16:10:00Z", dup="t053", story="T17", cc=["US", "YE"], domain="military"),

    # T18 Iraq-Turkmenistan gas swap via Iran
    dict(id="t054", feed="gulfmonitor", title="Iraq signs gas supply deal with Turkmenistan",
         body="Iraq's electricity ministry signed a five-year agreement with Turkmenistan to import up to 20 million cubic "
              "metres of gas a day through a swap arrangement via Iran, aiming to ease summer power shortages.",
         date="2026-10-26T10:00:00Z", dup="t054", story="T18", cc=["IQ", "TM", "IR"], domain="economy"),
    dict(id="t055", feed="marketsdaily", title="Baghdad turns to Turkmen gas via Iranian swap",
         body="Baghdad will pay for Turkmen gas delivered through Iran's network, officials said, a structure meant to avoid "
              "breaching US sanctions on direct payments to Tehran.",
         date="2026-10-26T14:00:00Z", dup="t055", story="T18", cc=["IQ", "TM", "IR", "US"], domain="economy"),

    # T19 OPEC+ output pause
    dict(id="t056", feed="marketsdaily", title="OPEC+ agrees to pause output increases in first quarter",
         body="Eight OPEC+ members led by Saudi Arabia and Russia agreed on Sunday to keep production unchanged from January "
              "to March, citing weaker seasonal demand. Brent crude futures are expected to open higher on Monday.",
         date="2026-11-01T15:00:00Z", dup="t056", story="T19", cc=["SA", "RU"], domain="economy"),
    dict(id="t057", feed="gulfmonitor", title="Riyadh and Moscow steer OPEC+ towards output pause",
         body="Saudi Energy Minister Prince Abdulaziz bin Salman said the group would remain 'cautious and pre-emptive' as "
              "it held output steady for the first three months of 2027.",
         date="2026-11-01T16:20:00Z", dup="t057", story="T19", cc=["SA", "RU"], domain="economy"),
    dict(id="t058", feed="wiredesk", title="Oil producers hold output steady for early 2027",
         body="The OPEC+ alliance decided at a virtual meeting to halt its monthly supply increases for the first quarter, a "
              "move analysts said was aimed at preventing a glut. Kazakhstan and Iraq were asked to compensate for past "
              "overproduction.",
         date="2026-11-01T17:40:00Z", dup="t058", story="T19", cc=["KZ", "IQ"], domain="economy"),

    # T20 Syria's president in Moscow, with a shared link carrying a click id
    dict(id="t059", feed="levantwire", title="Syria's Sharaa in Moscow for talks on Russian bases",
         body="Syrian President Ahmed al-Sharaa arrived in Moscow on Tuesday for talks with Vladimir Putin on the future of "
              "Russia's naval base at Tartus and the Hmeimim air base.",
         date="2026-10-27T09:00:00Z", dup="t059", story="T20", cc=["SY", "RU"], domain="diplomacy"),
    dict(id="t060", feed="wiredesk", title=_KREMLIN_SYRIA_T, body=_KREMLIN_SYRIA_B,
         date="2026-10-27T14:30:00Z", dup="t060", story="T20", cc=["RU", "SY"], domain="diplomacy"),
    dict(id="t061", feed="socialshare", same_link_as="t060", link_suffix="?fbclid=IwAR3xYzQ81kd",
         title=_KREMLIN_SYRIA_T, body=_KREMLIN_SYRIA_B,
         date="2026-10-27T16:00:00Z", dup="t060", story="T20", cc=["RU", "SY"], domain="diplomacy"),

    # T21 Syrian refugee returns
    dict(id="t062", feed="humanitarianwatch", title="Over 1.2 million Syrian refugees have returned home, UNHCR says",
         body="More than 1.2 million Syrians have returned from Turkey, Lebanon and Jordan since December 2024, the UN "
              "refugee agency said, warning that many find their homes destroyed and services lacking.",
         date="2026-10-29T10:00:00Z", dup="t062", story="T21", cc=["SY", "TR", "LB", "JO"], domain="humanitarian"),
    dict(id="t063", feed="levantwire", title="Returnees strain services in Homs and Aleppo, aid agencies warn",
         body="Aid groups said the return of hundreds of thousands of Syrian families has overwhelmed water and health "
              "services in Homs and Aleppo, as UNHCR released new figures on returns from neighbouring countries.",
         date="2026-10-29T13:00:00Z", dup="t063", story="T21", cc=["SY"], domain="humanitarian"),

    # T22 trap: Jordan Bardella is a person
    dict(id="t064", feed="europedesk", title="Jordan Bardella rallies supporters in Marseille over pensions",
         body="National Rally president Jordan Bardella told several thousand supporters in Marseille that his party would "
              "repeal France's pension reform if it wins power in 2027.",
         date="2026-10-24T10:00:00Z", dup="t064", story="T22", cc=["FR"], never=["JO"], domain="politics"),
    dict(id="t065", feed="wiredesk", title="Bardella targets pension reform in Marseille rally",
         body="The French far-right leader, 31, used the rally to court retirees ahead of next year's presidential election, "
              "promising a return to retirement at 62 for those who started work before 20. Jordan Bardella did not say "
              "whether he would be the party's candidate.",
         date="2026-10-24T12:00:00Z", dup="t065", story="T22", cc=["FR"], never=["JO"], domain="politics"),

    # T23 attack on the Boulkessi base in Mali, toll next day
    dict(id="t066", feed="africanews", title="Militants attack army base in central Mali",
         body="Fighters from the al-Qaeda-linked JNIM group attacked a military camp near Boulkessi in central Mali at dawn, "
              "the Malian army said, adding that its troops repelled the assault with air support.",
         date="2026-10-14T11:00:00Z", dup="t066", story="T23", cc=["ML"], domain="military"),
    dict(id="t067", feed="sahelpost", title="Dozens feared dead in assault on Boulkessi camp",
         body="Local sources said dozens of soldiers may have been killed when JNIM militants overran parts of the Boulkessi "
              "base, though Mali's army gave no toll and said the attackers had been pushed back.",
         date="2026-10-14T13:30:00Z", dup="t067", story="T23", cc=["ML"], domain="military"),
    dict(id="t068", feed="wiredesk", title="Mali's junta says 21 soldiers killed in Boulkessi attack",
         body="Mali's transitional government said 21 soldiers and more than 40 attackers died in the assault on the "
              "Boulkessi military camp, and declared three days of national mourning.",
         date="2026-10-15T09:00:00Z", dup="t068", story="T23", cc=["ML"], domain="military"),

    # T24 hard negative: a separate JNIM ambush on a fuel convoy the next day
    dict(id="t069", feed="sahelpost", title="JNIM ambush destroys fuel convoy on Kayes road",
         body="Militants ambushed a convoy of 40 fuel tankers escorted by the army on the road from Senegal to Bamako, "
              "setting about half of the trucks on fire, transport unions said.",
         date="2026-10-15T16:00:00Z", dup="t069", story="T24", cc=["SN", "ML"], domain="military"),
    dict(id="t070", feed="africanews", title="Fuel tankers torched as blockade of Malian capital tightens",
         body="An attack on a fuel convoy near Kayes on Thursday deepened shortages in Bamako, where queues at petrol "
              "stations stretched for kilometres, drivers said.",
         date="2026-10-15T18:20:00Z", dup="t070", story="T24", cc=["ML"], domain="military"),

    # T25 Burkina Faso suspends French broadcasters; a link with a fragment
    dict(id="t071", feed="mediawatch", title="Burkina Faso suspends two French broadcasters",
         body="Burkina Faso's communications regulator suspended the broadcasts of two French outlets for three months, "
              "accusing them of spreading 'terrorist propaganda' after they reported on an attack in the north.",
         date="2026-10-19T10:00:00Z", dup="t071", story="T25", cc=["BF", "FR"], domain="information"),
    dict(id="t072", feed="africanews", title=_BF_MEDIA_T, body=_BF_MEDIA_B,
         date="2026-10-19T12:30:00Z", dup="t072", story="T25", cc=["BF", "FR"], domain="information"),
    dict(id="t073", feed="aggregator", same_link_as="t072", link_suffix="#comments",
         title=_BF_MEDIA_T, body=_BF_MEDIA_B,
         date="2026-10-19T13:10:00Z", dup="t072", story="T25", cc=["BF", "FR"], domain="information"),

    # T26 Niger's uranium sale (Nigerien is not Nigerian)
    dict(id="t074", feed="africanews", title="Niger moves to sell uranium stockpile from former Orano mine",
         body="Niger's military government said it would put 1,500 tonnes of uranium concentrate from the Somair mine up for "
              "sale, after nationalising the site previously run by France's Orano.",
         date="2026-10-22T10:00:00Z", dup="t074", story="T26", cc=["NE", "FR"], never=["NG"], domain="economy"),
    dict(id="t075", feed="marketsdaily", title="Niamey's uranium sale plan rattles Orano",
         body="French nuclear group Orano said any sale of uranium from the Somair mine would be illegal and that it would "
              "pursue arbitration, after Nigerien authorities announced plans to market the stockpile.",
         date="2026-10-22T14:30:00Z", dup="t075", story="T26", cc=["NE", "FR"], never=["NG"], domain="economy"),

    # T27 cholera in Darfur (Sudan, not South Sudan), with a syndicated copy
    dict(id="t076", feed="humanitarianwatch", title="Cholera spreads in Sudan's Darfur, killing 40 in a week", body=_CHOLERA_B,
         date="2026-10-13T09:30:00Z", dup="t076", story="T27", cc=["SD"], never=["SS"], domain="humanitarian"),
    dict(id="t077", feed="africanews", title="MSF warns of cholera surge in Tawila camps",
         body="Medical charity MSF said it was treating more than 300 suspected cholera cases a day in Tawila, where "
              "hundreds of thousands of people who fled fighting in El Fasher are sheltering. Sudanese health authorities "
              "have not declared a new outbreak.",
         date="2026-10-13T12:00:00Z", dup="t077", story="T27", cc=["SD"], never=["SS"], domain="humanitarian"),
    dict(id="t078", feed="reliefdigest", title="Sudan: cholera kills 40 in Darfur camps",
         body=_CHOLERA_B + " (Syndicated from a partner agency.)",
         date="2026-10-13T15:00:00Z", dup="t076", story="T27", cc=["SD"], never=["SS"], domain="humanitarian"),

    # T28 / T29 hard negatives: two separate RSF drone strikes in Sudan on the same day
    dict(id="t079", feed="africanews", title="RSF drones hit fuel depot in Port Sudan",
         body="Drones launched by the paramilitary Rapid Support Forces struck a fuel storage depot near Port Sudan's "
              "southern harbour before dawn, sparking a fire that burned for hours, Sudanese army officials said.",
         date="2026-10-24T07:30:00Z", dup="t079", story="T28", cc=["SD"], never=["SS"], domain="military"),
    dict(id="t080", feed="wiredesk", title="Fire rages at Port Sudan fuel terminal after drone strike",
         body="Thick smoke rose over Port Sudan on Saturday after a drone attack on a fuel terminal that Sudan's army blamed "
              "on the RSF. There were no immediate reports of casualties.",
         date="2026-10-24T09:10:00Z", dup="t080", story="T28", cc=["SD"], never=["SS"], domain="military"),
    dict(id="t081", feed="africanews", title="Drone attack knocks out Atbara power station",
         body="A drone strike on the main power station in Atbara in northern Sudan cut electricity to the city and "
              "neighbouring towns on Saturday evening, the state electricity company said, blaming the Rapid Support Forces.",
         date="2026-10-24T19:00:00Z", dup="t081", story="T29", cc=["SD"], never=["SS"], domain="military"),
    dict(id="t082", feed="gulfmonitor", title="Blackout in Sudan's River Nile state after strike on power plant",
         body="Residents of Atbara and Ed Damer were left without power after an evening drone attack on a power plant, the "
              "second RSF strike on infrastructure in Sudan that day.",
         date="2026-10-24T21:00:00Z", dup="t082", story="T29", cc=["SD"], never=["SS"], domain="military"),

    # T30 South Sudan's election may slip
    dict(id="t083", feed="africanews", title="South Sudan election body warns December vote may slip",
         body="South Sudan's National Elections Commission said voter registration had reached only 38% of its target, "
              "warning that the December 2026 general election could be delayed again without urgent funding.",
         date="2026-10-28T10:00:00Z", dup="t083", story="T30", cc=["SS"], never=["SD"], domain="politics"),
    dict(id="t084", feed="wiredesk", title="Juba poll commission says registration lagging ahead of election",
         body="Officials in Juba said insecurity in Jonglei and Upper Nile states and a funding gap of $120 million had "
              "slowed voter registration for what would be South Sudan's first election since independence.",
         date="2026-10-28T13:00:00Z", dup="t084", story="T30", cc=["SS"], never=["SD"], domain="politics"),

    # T31 Ethiopia-Eritrea tension
    dict(id="t085", feed="africanews", title="Ethiopia accuses Eritrea of massing troops near border",
         body="Ethiopia's government said Eritrea had moved several mechanised divisions towards the border in recent weeks, "
              "in a letter to the UN Secretary-General that Asmara dismissed as a pretext for war.",
         date="2026-10-30T09:00:00Z", dup="t085", story="T31", cc=["ET", "ER"], domain="military"),
    dict(id="t086", feed="wiredesk", title="Addis Ababa writes to UN over Eritrean troop build-up",
         body="Prime Minister Abiy Ahmed's government urged the UN to act on what it called Eritrean preparations for an "
              "offensive, amid Ethiopian statements about regaining access to the Red Sea.",
         date="2026-10-30T12:40:00Z", dup="t086", story="T31", cc=["ET", "ER"], domain="diplomacy"),

    # T32 hotel siege in Mogadishu ("Somali" contains "Mali")
    dict(id="t087", feed="africanews", title="Al-Shabaab gunmen storm hotel in Mogadishu",
         body="Gunmen from the al-Shabaab group stormed a hotel near Somalia's presidential palace in Mogadishu after a car "
              "bomb blew open its gates, police said. Security forces were still battling the attackers hours later.",
         date="2026-10-25T18:00:00Z", dup="t087", story="T32", cc=["SO"], never=["ML"], domain="military"),
    dict(id="t088", feed="wiredesk", title="Somali forces battle militants after car bomb at Mogadishu hotel",
         body="Somali special forces surrounded a hotel in the capital where al-Shabaab fighters were holding out after a "
              "suicide car bombing, witnesses said. At least six people were killed.",
         date="2026-10-25T20:10:00Z", dup="t088", story="T32", cc=["SO"], never=["ML"], domain="military"),
    dict(id="t089", feed="africanews", title="Mogadishu hotel siege ends, 14 dead",
         body="Somalia's security ministry said the siege of the hotel ended overnight when the last of five attackers was "
              "killed, bringing the death toll to 14 including three soldiers.",
         date="2026-10-26T07:30:00Z", dup="t089", story="T32", cc=["SO"], never=["ML"], domain="military"),

    # T33 DR Congo and Rwanda review their peace deal in Washington; a mirror copy
    dict(id="t090", feed="africanews", title="DR Congo and Rwanda meet in Washington to review peace deal",
         body="Foreign ministers of the Democratic Republic of the Congo and Rwanda met in Washington to review "
              "implementation of their 2025 peace agreement, as fighting between Congolese troops and M23 rebels continued "
              "around Uvira.",
         date="2026-10-20T10:00:00Z", dup="t090", story="T33", cc=["CD", "RW", "US"], never=["CG"], domain="diplomacy"),
    dict(id="t091", feed="wiredesk", title=_DRC_T, body=_DRC_B,
         date="2026-10-20T15:00:00Z", dup="t091", story="T33", cc=["CD", "RW", "US"], never=["CG"], domain="diplomacy"),
    dict(id="t092", feed="mirrorsite", title=_DRC_T, body=_DRC_B,
         date="2026-10-20T15:40:00Z", dup="t091", story="T33", cc=["CD", "RW", "US"], never=["CG"], domain="diplomacy"),

    # T34 oil spill in the Niger Delta
    dict(id="t093", feed="energynews", title="Pipeline leak spreads crude across Niger Delta creeks",
         body="A leak on the Trans Niger Pipeline has spread crude oil across creeks in Nigeria's Rivers state, fishing "
              "communities in the Niger Delta said, accusing operators of a slow response.",
         date="2026-10-27T09:00:00Z", dup="t093", story="T34", cc=["NG"], never=["NE"], domain="humanitarian"),
    dict(id="t094", feed="africanews", title="Nigerian regulator probes Trans Niger Pipeline spill",
         body="Nigeria's upstream petroleum regulator said it had sent investigators to the site of a leak in the Niger "
              "Delta that residents say has killed fish and contaminated drinking water.",
         date="2026-10-27T12:00:00Z", dup="t094", story="T34", cc=["NG"], never=["NE"], domain="humanitarian"),

    # T35 Boko Haram on Lake Chad (Nigeria)
    dict(id="t095", feed="africanews", title="Boko Haram kills 12 fishermen on Lake Chad islands",
         body="Suspected Boko Haram militants killed 12 fishermen on islands in the Nigerian sector of Lake Chad, near "
              "Kukawa in Borno state, local officials said.",
         date="2026-10-18T10:00:00Z", dup="t095", story="T35", cc=["NG"], never=["TD"], domain="military"),
    dict(id="t096", feed="sahelpost", title="Borno governor condemns killing of fishermen near Lake Chad",
         body="Borno state governor Babagana Zulum condemned the killing of a dozen fishermen near Lake Chad and called on "
              "Nigeria's army to secure fishing routes in the lake basin.",
         date="2026-10-18T13:00:00Z", dup="t096", story="T35", cc=["NG"], never=["TD"], domain="military"),

    # T36 clashes in Tripoli, Libya; the wire item updated later under the same guid
    dict(id="t097", feed="africanews", title="Heavy clashes erupt between armed groups in Tripoli",
         body="Rival armed groups fought with heavy weapons in several districts of the Libyan capital overnight, forcing "
              "Tripoli's Mitiga airport to suspend flights, residents said.",
         date="2026-10-29T20:00:00Z", dup="t097", story="T36", cc=["LY"], domain="military"),
    dict(id="t098", feed="wiredesk", title="UN calls for calm as fighting shuts Mitiga airport", body=_TRIPOLI_B,
         date="2026-10-30T07:00:00Z", dup="t098", story="T36", cc=["LY"], domain="military"),
    dict(id="t223", feed="wiredesk-update", same_guid_as="t098",
         title="Tripoli clashes kill 11 as UN urges ceasefire",
         body="The UN mission in Libya urged an immediate ceasefire after militias clashed in Tripoli, killing at least 11 "
              "people, and said it was in contact with Prime Minister Abdulhamid Dbeibah's government.",
         date="2026-10-30T11:30:00Z", dup="t098", story="T36", cc=["LY"], domain="military"),

    # T37 trap: Tripoli in Lebanon, a day later
    dict(id="t099", feed="levantwire", title="Fire at fuel depot in Lebanon's Tripoli port",
         body="A fire broke out at a fuel storage facility in the northern Lebanese city of Tripoli, civil defence teams "
              "said, and was brought under control after three hours without casualties.",
         date="2026-10-30T10:00:00Z", dup="t099", story="T37", cc=["LB"], never=["LY"], domain="humanitarian"),

    # T38 .. T42 the Congos and the Guineas
    dict(id="t100", feed="africanews", title="Republic of Congo signs gas export deal with Eni",
         body="The government in Brazzaville signed an agreement with Italy's Eni to expand liquefied natural gas exports "
              "from its offshore Congo LNG project, the hydrocarbons ministry said.",
         date="2026-10-21T10:00:00Z", dup="t100", story="T38", cc=["CG", "IT"], never=["CD"], domain="economy"),
    dict(id="t101", feed="africanews", title="Guinea's Doumbouya names new prime minister",
         body="President Mamadi Doumbouya appointed a new prime minister on Friday and asked him to form a government "
              "focused on the Simandou iron ore project, the presidency in Conakry said.",
         date="2026-10-23T09:00:00Z", dup="t101", story="T39", cc=["GN"], never=["GQ", "GW", "PG"], domain="politics"),
    dict(id="t102", feed="africanews", title="Guinea-Bissau sets date for legislative elections",
         body="Guinea-Bissau's transitional authorities said legislative and presidential elections would be held in June "
              "2027, after months of pressure from the West African bloc ECOWAS.",
         date="2026-10-26T10:00:00Z", dup="t102", story="T40", cc=["GW"], never=["GN"], domain="politics"),
    dict(id="t103", feed="marketsdaily", title="Equatorial Guinea offers new offshore oil blocks",
         body="Equatorial Guinea launched a licensing round for 12 offshore blocks, hoping to reverse a decline in oil output "
              "that has shrunk its economy for most of the past decade.",
         date="2026-10-28T10:00:00Z", dup="t103", story="T41", cc=["GQ"], never=["GN"], domain="economy"),
    dict(id="t104", feed="shippingnews", title="Pirates board tanker in Gulf of Guinea, kidnap six crew",
         body="Pirates boarded a product tanker about 90 nautical miles south of Lome and kidnapped six crew members, the "
              "International Maritime Bureau said, the first kidnapping in the Gulf of Guinea this year.",
         date="2026-10-31T09:00:00Z", dup="t104", story="T42", cc=["TG"], never=["GN"], domain="military"),

    # T43 earthquake in Papua New Guinea
    dict(id="t105", feed="humanitarianwatch", title="Strong earthquake hits Papua New Guinea highlands",
         body="A magnitude 6.6 earthquake struck Papua New Guinea's Enga province, triggering landslides that blocked roads "
              "to several villages, disaster officials said.",
         date="2026-10-31T06:00:00Z", dup="t105", story="T43", cc=["PG"], never=["GN"], domain="humanitarian"),
    dict(id="t106", feed="asiawire", title="Landslides cut off villages after PNG quake",
         body="Rescue teams in Papua New Guinea were trying to reach remote villages in the highlands after a strong quake "
              "set off landslides. Australia offered helicopters to help.",
         date="2026-10-31T09:30:00Z", dup="t106", story="T43", cc=["PG", "AU"], never=["GN"], domain="humanitarian"),

    # T44 Chinese drills around Taiwan: 4 outlets, a mirror, an update (Atom -> RSS), the end of drills next day
    dict(id="t107", feed="asiawire", title=_PLA_T, body=_PLA_B,
         date="2026-10-28T02:30:00Z", dup="t107", story="T44", cc=["CN", "TW"], domain="military"),
    dict(id="t218", feed="mirrorsite", title=_PLA_T, body=_PLA_B,
         date="2026-10-28T03:05:00Z", dup="t107", story="T44", cc=["CN", "TW"], domain="military"),
    dict(id="t108", feed="wiredesk", title="Taiwan tracks 71 Chinese aircraft as Beijing stages blockade drills",
         body="Taiwan's defence ministry said it detected 71 Chinese military aircraft and 24 ships around the island, as "
              "Beijing held drills it called a warning to 'separatist forces'.",
         date="2026-10-28T04:10:00Z", dup="t108", story="T44", cc=["TW", "CN"], domain="military"),
    dict(id="t109", feed="regionalnews", title="Taipei condemns Chinese exercises, puts forces on alert", body=_TAIPEI_B,
         date="2026-10-28T06:00:00Z", dup="t109", story="T44", cc=["TW", "CN", "JP"], domain="military"),
    dict(id="t110", feed="straitsreport", title="Strait Thunder drills: what we know",
         body="The drills are the second large Chinese exercise around Taiwan this year and come after Taipei announced a "
              "record defence budget. The US State Department urged Beijing to show restraint.",
         date="2026-10-28T08:20:00Z", dup="t110", story="T44", cc=["CN", "TW", "US"], domain="military"),
    dict(id="t228", feed="europedesk", title="Beijing's blockade rehearsal puts Taiwan Strait shipping on edge",
         body="Shipping firms rerouted some container vessels away from the Taiwan Strait after China announced live-fire "
              "zones for its Strait Thunder drills, insurers said. The exercises surround Taiwan's main island and its "
              "outlying islands.",
         date="2026-10-28T05:15:00Z", dup="t228", story="T44", cc=["CN", "TW"], domain="military"),
    dict(id="t111", feed="regionalnews-update", same_guid_as="t109",
         title="Taipei condemns Chinese drills, scrambles jets and deploys missile units",
         body="President Lai Ching-te's office condemned the Chinese exercises as a threat to regional peace and said the "
              "armed forces had deployed missile units and scrambled jets. Japan said it was monitoring the drills closely.",
         date="2026-10-28T10:00:00Z", dup="t109", story="T44", cc=["TW", "CN", "JP"], domain="military"),
    dict(id="t112", feed="asiawire", title="China ends two-day drills around Taiwan",
         body="China's military said it had concluded the Strait Thunder-2026B exercises after two days, having 'tested "
              "joint blockade capabilities'. Taiwan reported 130 aircraft sorties in total.",
         date="2026-10-29T09:00:00Z", dup="t112", story="T44", cc=["CN", "TW"], domain="military"),

    # T45 hard negative: China sanctions US arms makers the same day
    dict(id="t113", feed="asiawire", title="Beijing sanctions US defence firms over Taiwan arms package",
         body="China's commerce ministry added nine American defence companies to its unreliable entity list, banning them "
              "from trade with China, in response to a $1.4 billion US arms sale to Taiwan approved last week.",
         date="2026-10-28T11:00:00Z", dup="t113", story="T45", cc=["CN", "US", "TW"], domain="economy"),
    dict(id="t114", feed="wiredesk", title="China blacklists nine US arms makers",
         body="The Chinese measures freeze any assets the companies hold in China and bar their executives from entering the "
              "country. Washington said the sanctions would have little practical effect.",
         date="2026-10-28T13:30:00Z", dup="t114", story="T45", cc=["CN", "US"], domain="economy"),

    # T46 Japan blames China-linked hackers; tracked link; China's denial
    dict(id="t115", feed="techsec", title=_JP_HACK_T, body=_JP_HACK_B,
         date="2026-10-16T03:00:00Z", dup="t115", story="T46", cc=["JP", "CN"], domain="cyber"),
    dict(id="t116", feed="asiawire", title="Tokyo attributes telecom intrusion to Chinese state group",
         body="Japan's chief cabinet secretary said Tokyo had 'strongly protested' to Beijing after investigators linked an "
              "intrusion into telecom carriers to a Chinese state-backed group known as MirrorFace.",
         date="2026-10-16T06:30:00Z", dup="t116", story="T46", cc=["JP", "CN"], domain="cyber"),
    dict(id="t117", feed="newsletter", same_link_as="t115", link_suffix="?utm_source=x&utm_medium=rss",
         title=_JP_HACK_T, body=_JP_HACK_B,
         date="2026-10-16T07:00:00Z", dup="t115", story="T46", cc=["JP", "CN"], domain="cyber"),
    dict(id="t118", feed="wiredesk", title="China rejects Japanese hacking accusation as 'groundless'",
         body="China's foreign ministry spokesperson said Japan's claims about a state-backed hacking campaign against its "
              "telecom firms were groundless smears and that China itself was a major victim of cyberattacks.",
         date="2026-10-16T10:00:00Z", dup="t118", story="T46", cc=["CN", "JP"], domain="cyber"),

    # T47 North Korean ballistic missile test, state media next day
    dict(id="t119", feed="asiawire", title="North Korea fires ballistic missile into sea",
         body="North Korea launched a ballistic missile off its east coast on Thursday morning, South Korea's Joint Chiefs "
              "of Staff said. Japan's defence ministry said it landed outside its exclusive economic zone.",
         date="2026-10-22T00:30:00Z", dup="t119", story="T47", cc=["KP", "KR", "JP"], domain="military"),
    dict(id="t120", feed="wiredesk", title="Pyongyang test-fires missile, Seoul and Tokyo say",
         body="The missile flew about 800 kilometres before splashing down between the Korean Peninsula and Japan, officials "
              "in Seoul and Tokyo said, in the North's first ballistic launch in three months.",
         date="2026-10-22T01:40:00Z", dup="t120", story="T47", cc=["KP", "KR", "JP"], domain="military"),
    dict(id="t121", feed="regionalnews", title="Kim oversees test of new hypersonic missile, KCNA says",
         body="North Korean state media said Kim Jong Un watched the test of a new hypersonic missile on Thursday, calling "
              "it a warning to 'hostile forces'.",
         date="2026-10-23T00:30:00Z", dup="t121", story="T47", cc=["KP"], domain="military"),

    # T48 hard negative: a separate artillery drill the next day
    dict(id="t122", feed="asiawire", title="North Korea fires artillery near western sea border",
         body="North Korea fired about 100 artillery rounds into waters near the disputed Northern Limit Line on Friday, "
              "South Korea's military said, a day after its ballistic missile test. No shells landed south of the line.",
         date="2026-10-23T06:30:00Z", dup="t122", story="T48", cc=["KP", "KR"], domain="military"),
    dict(id="t123", feed="wiredesk", title="Seoul says coastal artillery drill by the North raises tensions",
         body="South Korean islanders on Yeonpyeong were told to stay indoors as North Korea conducted a live-fire artillery "
              "exercise along its west coast. Seoul called the drill a provocation.",
         date="2026-10-23T08:00:00Z", dup="t123", story="T48", cc=["KR", "KP"], domain="military"),

    # T49 Takaichi in Seoul
    dict(id="t124", feed="asiawire", title="Takaichi and Lee agree to expand security cooperation",
         body="Japanese Prime Minister Sanae Takaichi and South Korean President Lee Jae-myung agreed in Seoul to expand "
              "intelligence sharing on North Korean missiles and hold regular summits.",
         date="2026-10-30T07:00:00Z", dup="t124", story="T49", cc=["JP", "KR", "KP"], domain="diplomacy"),
    dict(id="t125", feed="regionalnews", title="Japan's leader makes first visit to Seoul",
         body="Sanae Takaichi became the first Japanese prime minister in two years to visit the South Korean capital, where "
              "she and Lee Jae-myung discussed supply chains and wartime history.",
         date="2026-10-30T09:30:00Z", dup="t125", story="T49", cc=["JP", "KR"], domain="diplomacy"),

    # T50 India-US trade deal
    dict(id="t126", feed="asiawire", title="India and US close in on first tranche of trade deal",
         body="Indian and American negotiators said they had resolved most issues in the first part of a bilateral trade "
              "agreement, including lower US tariffs on Indian textiles and Indian market access for American farm goods.",
         date="2026-10-19T08:00:00Z", dup="t126", story="T50", cc=["IN", "US"], domain="economy"),
    dict(id="t127", feed="wiredesk", title="Goyal says India-US trade pact first phase 'almost done'",
         body="Indian Commerce Minister Piyush Goyal said negotiators in Washington had settled most issues in the first "
              "phase of a trade agreement with the United States, including tariffs on textiles and farm goods.",
         date="2026-10-19T11:00:00Z", dup="t127", story="T50", cc=["IN", "US"], domain="economy"),

    # T51 Line of Control firing, a mirror copy, Pakistan's denial
    dict(id="t128", feed="asiawire", title=_KASHMIR_T, body=_KASHMIR_B,
         date="2026-10-25T06:00:00Z", dup="t128", story="T51", cc=["IN", "PK"], domain="military"),
    dict(id="t129", feed="wiredesk", title="Cross-border firing reported along Line of Control",
         body="Indian and Pakistani troops exchanged small-arms fire along the de facto border in Kashmir overnight, Indian "
              "officials said, raising fears for a truce that has held since last year's brief conflict.",
         date="2026-10-25T09:30:00Z", dup="t129", story="T51", cc=["IN", "PK"], domain="military"),
    dict(id="t130", feed="asiawire", title="Pakistan denies ceasefire violation, accuses India of 'fabrication'",
         body="Pakistan's military said its troops had not fired across the Line of Control and accused New Delhi of "
              "fabricating the incident to divert attention from domestic problems.",
         date="2026-10-25T14:00:00Z", dup="t130", story="T51", cc=["PK", "IN"], domain="military"),
    dict(id="t219", feed="mirrorsite", title=_KASHMIR_T, body=_KASHMIR_B,
         date="2026-10-25T06:40:00Z", dup="t128", story="T51", cc=["IN", "PK"], domain="military"),

    # T52 Afghan returnees, with a syndicated copy
    dict(id="t131", feed="humanitarianwatch", title="Afghan returnees from Iran and Pakistan top 2.5 million this year",
         body=_AFGHAN_B,
         date="2026-10-14T08:00:00Z", dup="t131", story="T52", cc=["AF", "IR", "PK"], domain="humanitarian"),
    dict(id="t132", feed="wiredesk", title="Aid agencies warn of winter crisis as deportations to Afghanistan surge",
         body="The UN migration agency said more than 2.5 million Afghans had come back this year, and that it had received "
              "only 30% of the funding needed to help returnees crossing at Islam Qala and Torkham as Pakistan stepped up "
              "deportations.",
         date="2026-10-14T11:00:00Z", dup="t132", story="T52", cc=["AF", "PK"], domain="humanitarian"),
    dict(id="t133", feed="reliefdigest", title="Afghan returnees from Iran and Pakistan top 2.5 million this year",
         body=_AFGHAN_B + " This article first appeared on Humanitarian Watch.",
         date="2026-10-14T13:20:00Z", dup="t131", story="T52", cc=["AF", "IR", "PK"], domain="humanitarian"),

    # T53 Myanmar airstrike in Rakhine
    dict(id="t134", feed="asiawire", title="Myanmar airstrike on Rakhine village kills 18",
         body="A Myanmar military airstrike on a village market in Rakhine state's Kyauktaw township killed 18 people, "
              "including children, the Arakan Army and local residents said.",
         date="2026-10-17T09:00:00Z", dup="t134", story="T53", cc=["MM"], domain="military"),
    dict(id="t135", feed="wiredesk", title="Junta jets bomb village market in western Myanmar, residents say",
         body="Residents said fighter jets dropped two bombs on a market in Kyauktaw township, killing 18 people, in an "
              "intensified air campaign by Myanmar's junta against the Arakan Army.",
         date="2026-10-17T12:30:00Z", dup="t135", story="T53", cc=["MM"], domain="military"),

    # T54 water cannon at Scarborough Shoal
    dict(id="t136", feed="asiawire", title="Chinese coast guard fires water cannon at Philippine vessel",
         body="A Chinese coast guard ship fired a water cannon at a Philippine fisheries vessel near Scarborough Shoal, "
              "damaging its mast, the Philippine Coast Guard said.",
         date="2026-10-21T05:00:00Z", dup="t136", story="T54", cc=["CN", "PH"], domain="military"),
    dict(id="t137", feed="regionalnews", title="Manila protests water cannon attack near Scarborough Shoal",
         body="Manila summoned a Chinese embassy official after the incident in the South China Sea, the Department of "
              "Foreign Affairs said. Beijing said the Philippine ship had intruded into Chinese waters.",
         date="2026-10-21T07:30:00Z", dup="t137", story="T54", cc=["PH", "CN"], domain="diplomacy"),
    dict(id="t138", feed="wiredesk", title="Marcos says Philippines will not be intimidated after shoal incident",
         body="President Ferdinand Marcos Jr said the Philippines would keep sending vessels to Scarborough Shoal after a "
              "Chinese water cannon attack, and thanked Japan and the United States for statements of support.",
         date="2026-10-21T09:00:00Z", dup="t138", story="T54", cc=["PH", "CN", "JP", "US"], domain="diplomacy"),

    # T55 trap: the South China Sea without China
    dict(id="t139", feed="asiawire", title="Vietnam and Philippines hold joint coast guard drill",
         body="Coast guard ships from Vietnam and the Philippines held a joint search-and-rescue exercise in the South China "
              "Sea off Manila Bay, the first such drill between the two countries.",
         date="2026-10-26T08:00:00Z", dup="t139", story="T55", cc=["VN", "PH"], never=["CN"], domain="military"),

    # T56 Venezuelan oil exports
    dict(id="t140", feed="marketsdaily", title="Venezuela's oil exports climb to seven-year high",
         body="Venezuela exported an average of 1.1 million barrels per day of crude and fuel so far in October, shipping "
              "data showed, the highest since 2019, as Chevron and European partners expanded output.",
         date="2026-10-20T13:00:00Z", dup="t140", story="T56", cc=["VE"], domain="economy"),
    dict(id="t141", feed="americasdesk", title="Caracas ramps up crude shipments to US Gulf Coast",
         body="Tankers carrying Venezuelan heavy crude to refineries on the US Gulf Coast accounted for more than half of the "
              "country's October exports, which reached a seven-year high of 1.1 million barrels per day, according to "
              "vessel tracking data.",
         date="2026-10-20T16:00:00Z", dup="t141", story="T56", cc=["VE", "US"], domain="economy"),

    # T57 ELN pipeline bombing in Colombia
    dict(id="t142", feed="americasdesk", title="ELN bombing halts Colombia's Cano Limon pipeline",
         body="An explosive attack blamed on the ELN guerrilla group halted pumping on the Cano Limon-Covenas oil pipeline in "
              "Colombia's Arauca province, state oil company Ecopetrol said.",
         date="2026-10-16T14:00:00Z", dup="t142", story="T57", cc=["CO"], domain="military"),
    dict(id="t143", feed="wiredesk", title="Bogota blames ELN for pipeline blast near Venezuelan border",
         body="Colombia's defence ministry said ELN rebels operating from across the Venezuelan border blew up a section of "
              "the country's second-largest oil pipeline, spilling crude into a river.",
         date="2026-10-16T17:00:00Z", dup="t143", story="T57", cc=["CO", "VE"], domain="military"),

    # T58 trap: British Columbia is in Canada
    dict(id="t144", feed="americasdesk", title="Atmospheric river floods highways in British Columbia",
         body="An atmospheric river dumped more than 200 millimetres of rain on southern British Columbia, flooding sections "
              "of the Trans-Canada Highway and forcing hundreds of evacuations, Canadian officials said.",
         date="2026-10-13T20:00:00Z", dup="t144", story="T58", cc=["CA"], never=["GB", "CO"], domain="humanitarian"),

    # T59 Mexico and US steel tariffs
    dict(id="t145", feed="americasdesk", title="Sheinbaum says Mexico near deal to avoid new US steel tariffs",
         body="Mexican President Claudia Sheinbaum said her government was close to an agreement with Washington to exempt "
              "Mexican steel from a 50% tariff, ahead of the review of the USMCA trade pact.",
         date="2026-10-22T15:00:00Z", dup="t145", story="T59", cc=["MX", "US"], domain="economy"),
    dict(id="t146", feed="marketsdaily", title="Peso gains as Mexico signals steel tariff deal with US",
         body="The Mexican peso rose 0.7% against the dollar after President Claudia Sheinbaum said talks with the United "
              "States on steel tariffs were nearly finished.",
         date="2026-10-22T18:00:00Z", dup="t146", story="T59", cc=["MX", "US"], domain="economy"),

    # T60 trap: New Mexico
    dict(id="t147", feed="americasdesk", title="Wildfire forces evacuations near Ruidoso, New Mexico",
         body="A fast-moving wildfire fanned by dry winds forced the evacuation of about 3,000 residents near Ruidoso in "
              "southern New Mexico, state officials said. Governor Michelle Lujan Grisham declared an emergency.",
         date="2026-10-29T19:00:00Z", dup="t147", story="T60", cc=["US"], never=["MX"], domain="humanitarian"),

    # T61 gangs displace thousands in Haiti
    dict(id="t148", feed="humanitarianwatch", title="Gang attacks displace 20,000 in Haiti's capital region",
         body="Coordinated gang attacks on neighbourhoods of Port-au-Prince and the nearby town of Kenscoff displaced about "
              "20,000 people in a week, the International Organization for Migration said.",
         date="2026-10-19T09:00:00Z", dup="t148", story="T61", cc=["HT"], domain="humanitarian"),
    dict(id="t149", feed="americasdesk", title="Thousands flee as gangs push into Port-au-Prince suburbs",
         body="Haitian families carrying mattresses and bags crowded into schools and churches after gangs attacked suburbs "
              "east of the capital, and the UN migration agency said about 20,000 people had fled in a week.",
         date="2026-10-19T13:00:00Z", dup="t149", story="T61", cc=["HT"], domain="humanitarian"),

    # T62 / T63 Dominican Republic vs Dominica
    dict(id="t150", feed="americasdesk", title="Dominican Republic deports record number of Haitians",
         body="The Dominican Republic's migration agency said it had deported more than 35,000 Haitians in September, a "
              "monthly record, as President Luis Abinader's government continued mass expulsions.",
         date="2026-10-23T15:00:00Z", dup="t150", story="T62", cc=["DO", "HT"], never=["DM"], domain="humanitarian"),
    dict(id="t151", feed="caribbeanwire", title="Dominica tightens citizenship-by-investment rules",
         body="Dominica's government raised the minimum investment for its citizenship programme to $200,000 and added "
              "interviews for applicants, Prime Minister Roosevelt Skerrit said in Roseau.",
         date="2026-10-30T10:00:00Z", dup="t151", story="T63", cc=["DM"], never=["DO"], domain="economy"),

    # T64 Brazil's runoff; a link shared with tracking parameters
    dict(id="t152", feed="americasdesk", title=_BRAZIL_T, body=_BRAZIL_B,
         date="2026-10-25T12:00:00Z", dup="t152", story="T64", cc=["BR"], domain="politics"),
    dict(id="t153", feed="wiredesk", title="Long queues at Brazil polling stations as runoff under way",
         body="Voting was proceeding smoothly across Brazil, the Superior Electoral Court said, with 156 million people "
              "eligible to cast ballots on electronic machines. Results are expected within hours of polls closing.",
         date="2026-10-25T14:00:00Z", dup="t153", story="T64", cc=["BR"], domain="politics"),
    dict(id="t154", feed="socialshare", same_link_as="t152", link_suffix="?utm_source=twitter&utm_medium=social",
         title=_BRAZIL_T, body=_BRAZIL_B,
         date="2026-10-25T15:10:00Z", dup="t152", story="T64", cc=["BR"], domain="politics"),

    # T65 Cuba's grid collapses
    dict(id="t155", feed="americasdesk", title="Cuba hit by nationwide blackout after grid failure",
         body="Cuba's power grid collapsed on Tuesday, leaving the island's 10 million people without electricity and "
              "forcing hospitals onto backup generators, the energy ministry said.",
         date="2026-10-27T13:00:00Z", dup="t155", story="T65", cc=["CU"], domain="humanitarian"),
    dict(id="t156", feed="wiredesk", title="Havana in darkness as Cuba's grid fails again",
         body="Residents of Havana queued for water as pumping stations stopped working during the blackout, the fifth "
              "island-wide outage since 2024. Officials blamed a fault at the Antonio Guiteras power plant.",
         date="2026-10-27T16:00:00Z", dup="t156", story="T65", cc=["CU"], domain="humanitarian"),

    # T66 the Fed holds rates
    dict(id="t157", feed="marketsdaily", title="Fed holds rates steady, signals patience",
         body="The US Federal Reserve kept its benchmark interest rate unchanged at 3.25%-3.5% on Wednesday, saying it wanted "
              "more evidence that inflation was cooling before cutting again.",
         date="2026-10-28T18:15:00Z", dup="t157", story="T66", cc=["US"], domain="economy"),
    dict(id="t158", feed="wiredesk", title="US central bank pauses, Wall Street slips",
         body="Stocks in New York edged lower after the Federal Reserve left borrowing costs on hold, with the chair saying "
              "policymakers were 'well positioned to wait'.",
         date="2026-10-28T19:30:00Z", dup="t158", story="T66", cc=["US"], domain="economy"),

    # T67 trap: turkey the bird
    dict(id="t159", feed="marketsdaily", title="Turkey prices climb ahead of Thanksgiving as bird flu trims flocks",
         body="Wholesale prices for frozen whole turkeys in the United States rose 18% from a year earlier, the Agriculture "
              "Department said, after avian flu outbreaks in Minnesota and the Dakotas cut production.",
         date="2026-10-30T15:00:00Z", dup="t159", story="T67", cc=["US"], never=["TR"], domain="economy"),
    dict(id="t160", feed="americasdesk", title="Bird flu squeezes US turkey supply before holiday",
         body="Farmers in Minnesota, the country's top turkey-producing state, said avian flu had wiped out more than two "
              "million birds this autumn, as the Agriculture Department reported wholesale prices 18% above last year's.",
         date="2026-10-31T14:00:00Z", dup="t160", story="T67", cc=["US"], never=["TR"], domain="economy"),

    # T68 .. T78 name traps, one item each
    dict(id="t161", feed="showbiz", title="Paris Hilton to host new reality competition",
         body="Paris Hilton will host a reality series about aspiring DJs, the streaming service announced in Los Angeles on "
              "Saturday. Filming begins in Las Vegas next month.",
         date="2026-10-24T20:00:00Z", dup="t161", story="T68", cc=["US"], never=["FR"], domain="other"),
    dict(id="t162", feed="foodculture", title="Hatch chile harvest ends with record crowds at roasting festival",
         body="Growers in New Mexico's Hatch Valley wrapped up the green chile harvest this weekend, with festival "
              "organisers reporting record crowds for roasting demonstrations.",
         date="2026-10-18T16:00:00Z", dup="t162", story="T69", cc=["US"], never=["CL", "MX"], domain="other"),
    dict(id="t163", feed="artsdesk", title="Victorian bone china service sells for £95,000 at London auction",
         body="A 120-piece bone china dinner service made for Queen Victoria's household sold for £95,000 at auction in "
              "London, more than triple its estimate.",
         date="2026-10-22T17:00:00Z", dup="t163", story="T70", cc=["GB"], never=["CN"], domain="other"),
    dict(id="t164", feed="sports", title="Georgia Bulldogs rout rivals in Athens",
         body="The University of Georgia ran for 310 yards in a 42-10 win at Sanford Stadium in Athens, Georgia, keeping the "
              "Bulldogs unbeaten in the Southeastern Conference.",
         date="2026-10-17T23:30:00Z", dup="t164", story="T71", cc=["US"], never=["GE", "GR"], domain="other"),
    dict(id="t165", feed="americasdesk", title="University of Idaho opens research centre in Moscow",
         body="The University of Idaho opened a $60 million agricultural research centre on its campus in Moscow, Idaho, on "
              "Monday, funded partly by the state legislature.",
         date="2026-10-26T21:00:00Z", dup="t165", story="T72", cc=["US"], never=["RU"], domain="other"),
    dict(id="t166", feed="marketsdaily", title="Refinery in Lima, Ohio, restarts after outage",
         body="The 180,000-barrel-per-day refinery in Lima, Ohio, resumed normal operations after a two-week outage, helping "
              "ease gasoline prices across the US Midwest.",
         date="2026-10-29T14:00:00Z", dup="t166", story="T73", cc=["US"], never=["PE"], domain="economy"),
    dict(id="t167", feed="americasdesk", title="Tornado damages homes in Lebanon, Tennessee",
         body="An overnight tornado tore roofs off dozens of homes in Lebanon, Tennessee, east of Nashville, injuring nine "
              "people, the National Weather Service said.",
         date="2026-10-21T18:00:00Z", dup="t167", story="T74", cc=["US"], never=["LB"], domain="humanitarian"),
    dict(id="t168", feed="americasdesk", title="Indiana lands $2 billion battery plant",
         body="Indiana Governor Mike Braun announced a $2 billion battery factory near Kokomo, saying it would create 1,400 "
              "jobs by 2029.",
         date="2026-10-15T16:00:00Z", dup="t168", story="T75", cc=["US"], never=["IN"], domain="economy"),
    dict(id="t169", feed="americasdesk", title="New Jersey transit strike ends after three days",
         body="Train drivers at NJ Transit returned to work after union leaders reached a wage deal with New Jersey "
              "officials, restoring service for about 100,000 commuters into New York.",
         date="2026-10-30T20:00:00Z", dup="t169", story="T76", cc=["US"], never=["JE"], domain="economy"),
    dict(id="t170", feed="humanitarianwatch", title="Early-season storm in Indian Ocean threatens Madagascar",
         body="A tropical storm formed in the south-west Indian Ocean and is forecast to make landfall on Madagascar's east "
              "coast within 48 hours, the national meteorological office said.",
         date="2026-11-01T08:00:00Z", dup="t170", story="T77", cc=["MG"], never=["IN"], domain="humanitarian"),
    dict(id="t171", feed="marketsdaily", title="Offshore platforms shut as storm enters Gulf of Mexico",
         body="Energy companies evacuated 14 production platforms and shut in about 12% of US offshore oil output as a "
              "tropical storm moved into the Gulf of Mexico, the Bureau of Safety and Environmental Enforcement said.",
         date="2026-10-14T16:00:00Z", dup="t171", story="T78", cc=["US"], never=["MX"], domain="economy"),
    dict(id="t172", feed="sports", title="Chad Pearson's late touchdown lifts Kansas City over Denver",
         body="Rookie receiver Chad Pearson caught a 28-yard touchdown pass with 40 seconds left as the Kansas City Chiefs "
              "beat the Denver Broncos 24-20.",
         date="2026-10-19T03:30:00Z", dup="t172", story="T79", cc=["US"], never=["TD"], domain="other"),
    dict(id="t173", feed="showbiz", title="Michael B. Jordan to direct boxing drama sequel",
         body="Actor Michael B. Jordan will direct and star in a new boxing film, the studio said on Tuesday, with shooting "
              "set for Philadelphia next spring.",
         date="2026-10-27T18:00:00Z", dup="t173", story="T80", cc=["US"], never=["JO"], domain="other"),

    # templated bulletins on consecutive days: each its own article and its own story
    dict(id="t174", feed="marketsdaily", title="Brent crude settles at $66.12 a barrel",
         body="Brent crude futures settled at $66.12 a barrel on Monday, down 0.8% on the day, while U.S. West Texas "
              "Intermediate closed at $62.40.",
         date="2026-10-19T20:45:00Z", dup="t174", story="T81", cc=["US"], domain="economy"),
    dict(id="t175", feed="marketsdaily", title="Brent crude settles at $67.05 a barrel",
         body="Brent crude futures settled at $67.05 a barrel on Tuesday, up 1.4% on the day, while U.S. West Texas "
              "Intermediate closed at $63.31.",
         date="2026-10-20T20:45:00Z", dup="t175", story="T82", cc=["US"], domain="economy"),
    dict(id="t176", feed="marketsdaily", title="Brent crude settles at $66.48 a barrel",
         body="Brent crude futures settled at $66.48 a barrel on Wednesday, down 0.9% on the day, while U.S. West Texas "
              "Intermediate closed at $62.77.",
         date="2026-10-21T20:45:00Z", dup="t176", story="T83", cc=["US"], domain="economy"),
    dict(id="t177", feed="marketsdaily", title="Russian central bank sets dollar rate at 81.45 roubles",
         body="The Bank of Russia set the official dollar exchange rate for Wednesday at 81.45 roubles, up 32 kopecks from "
              "the previous day.",
         date="2026-10-13T09:00:00Z", dup="t177", story="T84", cc=["RU"], domain="economy"),
    dict(id="t178", feed="marketsdaily", title="Russian central bank sets dollar rate at 81.12 roubles",
         body="The Bank of Russia set the official dollar exchange rate for Thursday at 81.12 roubles, down 33 kopecks from "
              "the previous day.",
         date="2026-10-14T09:00:00Z", dup="t178", story="T85", cc=["RU"], domain="economy"),
    dict(id="t179", feed="wiredesk", title="Ukraine says it downed 88 of 104 Russian drones overnight",
         body="Russia launched 104 attack drones and two ballistic missiles at Ukraine overnight, the Ukrainian air force "
              "said, adding that 88 drones were shot down or jammed. Hits were recorded in six locations.",
         date="2026-10-26T07:00:00Z", dup="t179", story="T86", cc=["UA", "RU"], domain="military"),
    dict(id="t180", feed="wiredesk", title="Ukraine says it downed 131 of 152 Russian drones overnight",
         body="Russia launched 152 attack drones and three ballistic missiles at Ukraine overnight, the Ukrainian air force "
              "said, adding that 131 drones were shot down or jammed. Hits were recorded in nine locations.",
         date="2026-10-27T07:00:00Z", dup="t180", story="T87", cc=["UA", "RU"], domain="military"),
    dict(id="t181", feed="wiredesk", title="Ukraine says it downed 64 of 71 Russian drones overnight",
         body="Russia launched 71 attack drones and one ballistic missile at Ukraine overnight, the Ukrainian air force "
              "said, adding that 64 drones were shot down or jammed. Hits were recorded in four locations.",
         date="2026-10-28T07:00:00Z", dup="t181", story="T88", cc=["UA", "RU"], domain="military"),
    dict(id="t182", feed="asiawire", title="Magnitude 5.2 earthquake strikes off Japan's Fukushima",
         body="A magnitude 5.2 earthquake struck off the coast of Fukushima prefecture at a depth of 40 km at 11:42 local "
              "time, the Japan Meteorological Agency said. No tsunami warning was issued.",
         date="2026-10-15T03:00:00Z", dup="t182", story="T89", cc=["JP"], domain="humanitarian"),
    dict(id="t183", feed="asiawire", title="Magnitude 4.7 earthquake strikes off Japan's Fukushima",
         body="A magnitude 4.7 earthquake struck off the coast of Fukushima prefecture at a depth of 30 km at 14:12 local "
              "time, the Japan Meteorological Agency said. No tsunami warning was issued.",
         date="2026-10-16T05:30:00Z", dup="t183", story="T90", cc=["JP"], domain="humanitarian"),
    dict(id="t184", feed="asiawire", title="Bangladesh reports 1,104 new dengue cases, six deaths",
         body="Bangladesh recorded 1,104 dengue hospitalisations and six deaths in the 24 hours to Thursday morning, the "
              "Directorate General of Health Services said, bringing this year's death toll to 412.",
         date="2026-10-29T10:00:00Z", dup="t184", story="T91", cc=["BD"], domain="humanitarian"),
    dict(id="t185", feed="asiawire", title="Bangladesh reports 987 new dengue cases, four deaths",
         body="Bangladesh recorded 987 dengue hospitalisations and four deaths in the 24 hours to Friday morning, the "
              "Directorate General of Health Services said, bringing this year's death toll to 416.",
         date="2026-10-30T10:00:00Z", dup="t185", story="T92", cc=["BD"], domain="humanitarian"),

    # T93 Iranian hackers and US water utilities; Atom item updated under the same guid
    dict(id="t186", feed="techsec", title="CISA warns Iranian hackers are targeting US water utilities", body=_CISA_B,
         date="2026-10-23T14:00:00Z", dup="t186", story="T93", cc=["US", "IR"], domain="cyber"),
    dict(id="t187", feed="wiredesk", title="Iran-linked group hacked industrial controllers at US water plants, officials say",
         body="The intrusions exploited internet-exposed controllers made by an Israeli company, the advisory said, "
              "repeating a tactic the same group used in 2023. No disruption to drinking water was reported.",
         date="2026-10-23T16:30:00Z", dup="t187", story="T93", cc=["IR", "US", "IL"], domain="cyber"),
    dict(id="t188", feed="techsec-update", same_guid_as="t186",
         title="CISA, FBI warn Iranian hackers hit US water utilities in four states",
         body="The US Cybersecurity and Infrastructure Security Agency and the FBI said hackers linked to Iran's "
              "Revolutionary Guards had compromised control systems at small water utilities in Pennsylvania, Texas, Ohio "
              "and Arizona.",
         date="2026-10-24T09:00:00Z", dup="t186", story="T93", cc=["US", "IR"], domain="cyber"),

    # T94 crypto theft blamed on North Korea
    dict(id="t189", feed="techsec", title="North Korean hackers steal $290 million from crypto exchange",
         body="Blockchain analysts attributed the theft of $290 million in ether from a Singapore-based exchange to North "
              "Korea's Lazarus Group, which laundered the funds through mixers within hours.",
         date="2026-10-27T10:00:00Z", dup="t189", story="T94", cc=["KP", "SG"], domain="cyber"),
    dict(id="t190", feed="asiawire", title="Singapore exchange hack bears hallmarks of Pyongyang's Lazarus",
         body="The exchange said attackers had compromised a wallet provider's software to drain hot wallets, a method "
              "investigators have linked to North Korean state hackers.",
         date="2026-10-27T13:00:00Z", dup="t190", story="T94", cc=["SG", "KP"], domain="cyber"),

    # T95 ransomware at the port of Antwerp, with a mirror copy
    dict(id="t191", feed="techsec", title="Ransomware attack disrupts Belgian port logistics",
         body="A ransomware attack on a logistics software provider disrupted container handling at the port of Antwerp for "
              "two days, Belgian authorities said.",
         date="2026-10-14T09:00:00Z", dup="t191", story="T95", cc=["BE"], domain="cyber"),
    dict(id="t192", feed="europedesk", title=_ANTWERP_T, body=_ANTWERP_B,
         date="2026-10-14T12:00:00Z", dup="t192", story="T95", cc=["BE"], domain="cyber"),
    dict(id="t193", feed="mirrorsite", title=_ANTWERP_T, body=_ANTWERP_B,
         date="2026-10-14T12:35:00Z", dup="t192", story="T95", cc=["BE"], domain="cyber"),

    # T96 Germany exposes a Russian network of fake local news sites; tracked link; Moscow's rebuttal
    dict(id="t194", feed="factcheckers", title=_STORM1516_T, body=_STORM1516_B,
         date="2026-10-20T09:00:00Z", dup="t194", story="T96", cc=["DE", "RU"], domain="information"),
    dict(id="t195", feed="europedesk", title="Berlin accuses Moscow of running fake regional news sites",
         body="The German government summoned Russia's ambassador after investigators linked a network of counterfeit local "
              "news portals to Kremlin-backed actors. Russia denied involvement.",
         date="2026-10-20T11:30:00Z", dup="t195", story="T96", cc=["DE", "RU"], domain="information"),
    dict(id="t196", feed="wiredesk", title="Russia dismisses German claims on disinformation network as 'Russophobia'",
         body="Russian Foreign Ministry spokeswoman Maria Zakharova said Germany's accusations about a fake news network were "
              "baseless and part of a campaign of Russophobia in Berlin.",
         date="2026-10-21T08:00:00Z", dup="t196", story="T96", cc=["RU", "DE"], domain="information"),
    dict(id="t221", feed="newsletter", same_link_as="t194", link_suffix="?utm_source=rss&utm_campaign=factcheck",
         title=_STORM1516_T, body=_STORM1516_B,
         date="2026-10-20T10:15:00Z", dup="t194", story="T96", cc=["DE", "RU"], domain="information"),

    # T97 fabricated war clip from a video game
    dict(id="t197", feed="factcheckers", title="Viral clip of 'Iranian missile strike' is video game footage",
         body="A video shared as showing an Iranian missile hitting an Israeli city was taken from the military simulation "
              "game Arma 3, an analysis of the footage found. The clip has been viewed five million times.",
         date="2026-10-18T12:00:00Z", dup="t197", story="T97", cc=["IR", "IL"], domain="information"),
    dict(id="t198", feed="mediawatch", title="Video game footage again passed off as Middle East war clip",
         body="Fact-checkers traced a widely shared clip of a missile strike to the game Arma 3, the latest in a string of "
              "fabricated videos about an Iran-Israel conflict that circulate on X and TikTok.",
         date="2026-10-18T15:00:00Z", dup="t198", story="T97", cc=["IR", "IL"], domain="information"),

    # T98 Russian-backed media network in the Sahel
    dict(id="t199", feed="mediawatch", title="Russian-backed news agency expands in Sahel",
         body="The Russian state-linked outlet African Initiative has opened bureaus in Bamako and Niamey and recruited local "
              "influencers to promote Moscow's role in the Sahel, researchers at a media monitoring group said.",
         date="2026-10-28T10:00:00Z", dup="t199", story="T98", cc=["RU", "ML", "NE"], never=["NG"], domain="information"),
    dict(id="t200", feed="africanews", title="Report: Moscow's media push in Mali, Niger and Burkina Faso",
         body="A report by a media monitoring group says the Russian-funded African Initiative network is paying journalists "
              "and social media users in Mali, Niger and Burkina Faso to spread pro-Kremlin narratives and attack Western "
              "aid groups.",
         date="2026-10-28T13:00:00Z", dup="t200", story="T98", cc=["RU", "ML", "NE", "BF"], never=["NG"],
         domain="information"),

    # T99 journalists jailed in Azerbaijan
    dict(id="t201", feed="caucasusreport", title="Azerbaijan jails two more independent journalists",
         body="A court in Baku sentenced two reporters from the independent outlet Meydan TV to nine years in prison on "
              "smuggling charges that press freedom groups called fabricated.",
         date="2026-10-15T10:00:00Z", dup="t201", story="T99", cc=["AZ"], domain="information"),
    dict(id="t202", feed="mediawatch", title="Press groups condemn sentences for Meydan TV reporters",
         body="Reporters Without Borders said the verdicts against the Meydan TV journalists showed Azerbaijan's government "
              "was 'eradicating the last traces of independent journalism' in the country.",
         date="2026-10-15T14:00:00Z", dup="t202", story="T99", cc=["AZ"], domain="information"),

    # T100 Armenia-Azerbaijan border protocol: 2 outlets, a syndicated copy, the EU's reaction
    dict(id="t203", feed="caucasusreport", title="Armenia and Azerbaijan sign protocol on border demarcation",
         body=_ARM_AZ_B,
         date="2026-10-29T09:00:00Z", dup="t203", story="T100", cc=["AM", "AZ", "US"], domain="diplomacy"),
    dict(id="t204", feed="wiredesk", title="Baku and Yerevan agree next steps on marking frontier",
         body="Azerbaijani and Armenian officials agreed to demarcate a further 40 kilometres of their border by the spring, "
              "and discussed the route of a US-backed transit corridor through southern Armenia.",
         date="2026-10-29T12:00:00Z", dup="t204", story="T100", cc=["AZ", "AM", "US"], domain="diplomacy"),
    dict(id="t205", feed="europedesk", title="EU welcomes Armenia-Azerbaijan border deal",
         body="EU foreign policy chief Kaja Kallas welcomed the agreement between Armenia and Azerbaijan as a 'tangible step "
              "towards lasting peace' in the South Caucasus.",
         date="2026-10-29T15:00:00Z", dup="t205", story="T100", cc=["AM", "AZ"], domain="diplomacy"),
    dict(id="t220", feed="eurasiadigest", title="Armenia, Azerbaijan sign border demarcation protocol",
         body=_ARM_AZ_B + " This article first appeared on Caucasus Report.",
         date="2026-10-29T16:30:00Z", dup="t203", story="T100", cc=["AM", "AZ", "US"], domain="diplomacy"),

    # T101 drone strike on the CPC oil terminal hits Kazakh exports
    dict(id="t206", feed="marketsdaily", title="Drone attack halts loading at CPC terminal near Novorossiysk",
         body="Oil loadings at the Caspian Pipeline Consortium terminal on Russia's Black Sea coast were suspended after a "
              "Ukrainian drone attack damaged a mooring point, disrupting exports of Kazakh crude.",
         date="2026-10-17T10:00:00Z", dup="t206", story="T101", cc=["RU", "UA", "KZ"], domain="economy"),
    dict(id="t207", feed="centralasiawire", title="Astana protests to Kyiv over strike on CPC terminal",
         body="Kazakhstan's foreign ministry said the attack on the Caspian Pipeline Consortium terminal threatened its main "
              "export route and urged Ukraine to stop targeting civilian energy infrastructure used by third countries.",
         date="2026-10-17T13:00:00Z", dup="t207", story="T101", cc=["KZ", "UA"], domain="diplomacy"),

    # T102 China-Pakistan-Afghanistan talks in Kabul
    dict(id="t208", feed="asiawire", title="China, Pakistan and Afghanistan hold foreign ministers' talks in Kabul",
         body="Chinese Foreign Minister Wang Yi met his Pakistani and Afghan counterparts in Kabul to discuss extending the "
              "China-Pakistan Economic Corridor into Afghanistan and border security.",
         date="2026-10-24T08:00:00Z", dup="t208", story="T102", cc=["CN", "PK", "AF"], domain="diplomacy"),
    dict(id="t209", feed="regionalnews", title="Wang Yi presses Islamabad and Kabul to ease border tensions",
         body="China's top diplomat urged Pakistan and the Taliban government to resolve disputes over militant attacks "
              "through dialogue, as the three countries met in the Afghan capital.",
         date="2026-10-24T11:00:00Z", dup="t209", story="T102", cc=["CN", "PK", "AF"], domain="diplomacy"),

    # T103 protest in Belgrade
    dict(id="t210", feed="europedesk", title="Tens of thousands march in Belgrade demanding early elections",
         body="Students and opposition supporters filled central Belgrade on Saturday in one of the largest protests in "
              "Serbia this year, demanding that President Aleksandar Vucic call early parliamentary elections.",
         date="2026-10-31T20:00:00Z", dup="t210", story="T103", cc=["RS"], domain="politics"),
    dict(id="t211", feed="wiredesk", title="Serbian police use tear gas as protest nears presidency",
         body="Police fired tear gas at protesters who tried to break through a cordon near the presidency building in "
              "Belgrade late on Saturday, Serbia's interior minister said, adding that 14 officers were injured.",
         date="2026-10-31T22:30:00Z", dup="t211", story="T103", cc=["RS"], domain="politics"),

    # T104 fuel-tax protest in Nairobi, with a mirror copy
    dict(id="t212", feed="africanews", title=_NAIROBI_T, body=_NAIROBI_B,
         date="2026-10-22T16:00:00Z", dup="t212", story="T104", cc=["KE"], domain="politics"),
    dict(id="t213", feed="wiredesk", title="Kenya's Ruto defends fuel levy as protesters clash with police",
         body="President William Ruto said the fuel levy was needed to fund road building, as demonstrators and police "
              "clashed in the capital for a second day.",
         date="2026-10-22T18:30:00Z", dup="t213", story="T104", cc=["KE"], domain="politics"),
    dict(id="t226", feed="mirrorsite", title=_NAIROBI_T, body=_NAIROBI_B,
         date="2026-10-22T16:45:00Z", dup="t212", story="T104", cc=["KE"], domain="politics"),

    # T105 Islamabad sealed off before a PTI march
    dict(id="t214", feed="asiawire", title="Islamabad sealed off as Imran Khan's party plans march",
         body="Authorities blocked roads into Islamabad with shipping containers and suspended mobile internet as "
              "supporters of jailed former prime minister Imran Khan prepared to march on the capital.",
         date="2026-10-30T11:00:00Z", dup="t214", story="T105", cc=["PK"], domain="politics"),
    dict(id="t215", feed="wiredesk", title="Pakistan arrests hundreds of PTI supporters before rally",
         body="Police in Punjab province detained more than 400 members of Pakistan Tehreek-e-Insaf ahead of a planned "
              "protest demanding Imran Khan's release, the party said.",
         date="2026-10-30T14:00:00Z", dup="t215", story="T105", cc=["PK"], domain="politics"),

    # T106 Trump's closing midterm rally
    dict(id="t216", feed="americasdesk", title="Trump rallies Republicans in Pennsylvania days before midterms",
         body="President Donald Trump told supporters in Pittsburgh that Republicans must hold both chambers of Congress on "
              "November 3, campaigning for candidates in tight House races.",
         date="2026-10-31T02:00:00Z", dup="t216", story="T106", cc=["US"], domain="politics"),
    dict(id="t217", feed="wiredesk", title="Trump makes closing pitch for House majority in swing-state stop",
         body="Speaking in Pennsylvania, the US president attacked Democrats over immigration and inflation as polls showed "
              "a close fight for control of the House of Representatives.",
         date="2026-10-31T05:00:00Z", dup="t217", story="T106", cc=["US"], domain="politics"),

    # T107 hard negative for T16: US sanctions on an Iranian drone network the day Grossi is in Tehran
    dict(id="t224", feed="americasdesk", title="US sanctions Iranian drone procurement network",
         body="The US Treasury sanctioned 11 people and companies in Iran, China and Turkey that it said supplied engines and "
              "electronics for Iranian military drones.",
         date="2026-10-22T17:00:00Z", dup="t224", story="T107", cc=["US", "IR", "CN", "TR"], domain="economy"),
    dict(id="t225", feed="gulfmonitor", title="Washington targets suppliers of Iran's drone programme",
         body="New American sanctions target a procurement network that sourced drone components for Iran's Revolutionary "
              "Guards, the Treasury said, on the same day Tehran hosted the head of the UN nuclear watchdog.",
         date="2026-10-22T19:00:00Z", dup="t225", story="T107", cc=["US", "IR"], domain="economy"),
]
