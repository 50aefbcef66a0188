"""The rule coder's behaviour on single constructions (roles, aux, dates, coreference)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _code(pipeline, text, date="2024-05-09"):
    return [
        (e.event, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient), e.aux, e.date)
        for e in pipeline.code_text(text, date=date)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # passive voice: the by-phrase acts
        (
            "Kyiv was attacked by Russian forces on Sunday.",
            [("ASSAULT", ("RUS",), ("UKR",), None, "2024-05-05")],
        ),
        # nominal trigger with a light verb; metonymy (the Kremlin)
        (
            "The Kremlin voiced concerns about Yerevan's westward shift.",
            [("ACCUSE", ("RUS",), ("ARM",), None, "2024-05")],
        ),
        # compound recipient
        (
            "Armenia moved to bolster ties with the European Union and NATO.",
            [("SUPPORT", ("ARM",), ("EU", "NATO"), None, "2024-05")],
        ),
        # control through a possessed noun
        (
            "Armenia's decision to join the International Criminal Court angered Moscow.",
            [
                ("SUPPORT", ("ARM",), ("ICC",), None, None),
                ("ACCUSE", ("RUS",), ("ARM",), None, "2024-05"),
            ],
        ),
        # pronoun coreference; an announced conflictual act is a threat (CAMEO 13)
        (
            "Armenia announced it would stop paying fees to the Collective Security Treaty "
            "Organization.",
            [("THREATEN", ("ARM",), ("CSTO",), "future", None)],
        ),
        # a promised cooperative act is an intent to cooperate (CAMEO 03)
        (
            "The European Union will provide humanitarian aid to Armenia.",
            [("AGREE", ("EU",), ("ARM",), "future", None)],
        ),
        # a refused concession is a rejection
        (
            "The United States said it would not meet Iran's demands.",
            [("REJECT", ("USA",), ("IRN",), None, "2024-05")],
        ),
        # past perfect is historical
        (
            "Armenia had previously suspended its participation in the CSTO.",
            [("SANCTION", ("ARM",), ("CSTO",), "historical", None)],
        ),
        # an explicit old date is historical
        (
            "Azerbaijan launched a military offensive against Armenian separatists in September.",
            [("ASSAULT", ("AZE",), ("ARM",), "historical", "2023-09")],
        ),
        # negation
        ("China did not condemn Russia.", [("ACCUSE", ("CHN",), ("RUS",), "negated", "2024-05")]),
        # a request's content is not an event of its own
        (
            "The United States urged Israel to withdraw its troops from Gaza.",
            [("REQUEST", ("USA",), ("ISR",), None, "2024-05")],
        ),
        # a meeting without a host lists every party on both sides
        (
            "Barack Obama and Vladimir Putin met in Geneva.",
            [("CONSULT", ("USA", "RUS"), ("USA", "RUS"), None, "2024-05")],
        ),
    ],
)
def test_constructions(pipeline, text, expected):
    assert _code(pipeline, text) == expected


def test_both_sides_becomes_one_event_per_side(pipeline):
    text = (
        "Relations between Armenia and Russia have soured. Despite this, both sides expressed "
        "a desire to continue the dialogue."
    )
    assert _code(pipeline, text) == [
        ("AGREE", ("RUS",), ("ARM",), None, "2024-05"),
        ("AGREE", ("ARM",), ("RUS",), None, "2024-05"),
    ]


def test_repeated_mentions_merge_but_an_earlier_visit_stays_apart(pipeline):
    text = (
        "Pashinyan visited Moscow on Wednesday. The visit of Armenia's prime minister to "
        "Moscow was his first since his last visit to Moscow in December."
    )
    events = pipeline.code_text(text, date="2024-05-09")
    assert [(e.event, e.date, e.aux, len(e.mentions)) for e in events] == [
        ("CONSULT", "2024-05-08", None, 2),
        ("CONSULT", "2023-12", "historical", 1),
    ]


def test_a_relative_clause_does_not_leak_parties_into_its_head(pipeline):
    text = (
        "The meeting was criticised by Russia's foreign ministry, which accused Washington "
        "and Brussels of meddling."
    )
    assert [
        (e.event, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient))
        for e in pipeline.code_text(text, date="2024-06-13")
    ] == [
        ("ACCUSE", ("RUS",), ("USA", "EU")),
    ]


def test_unplaced_forces_belong_to_the_datelined_country(pipeline):
    text = (
        "KHARTOUM, June 20 - Fighting between the army and the Rapid Support Forces "
        "continued on Monday."
    )
    [event] = pipeline.code_text(text, date="2023-06-20")
    assert (event.event, [(a.code, a.sector) for a in event.actor], event.date) == (
        "ASSAULT",
        [("SDN", "MIL"), ("SDN", "PRM")],
        "2023-06-19",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israeli airstrikes killed 20 people in Gaza on Tuesday.", ("ASSAULT", "ISR", "PSE")),
        ("The European Union imposed new sanctions on Iran.", ("SANCTION", "EU", "IRN")),
        ("India expelled a Canadian diplomat on Tuesday.", ("SANCTION", "IND", "CAN")),
        ("Poland summoned Russia's ambassador over the incident.", ("ACCUSE", "POL", "RUS")),
        ("Venezuela rejected the U.S. proposal.", ("REJECT", "VEN", "USA")),
        ("The African Union suspended Niger after the coup.", ("SANCTION", "AU", "NER")),
        ("Hungary blocked the EU's aid package for Ukraine.", ("REJECT", "HUN", "EU")),
        (
            "The Philippines protested to China over the water cannon attack.",
            ("ACCUSE", "PHL", "CHN"),
        ),
        ("Moscow announced the expulsion of two Estonian diplomats.", ("SANCTION", "RUS", "EST")),
        (
            "Armenia's suspension of its participation in the CSTO angered Moscow.",
            ("SANCTION", "ARM", "CSTO"),
        ),
        (
            "Russia warned of serious consequences if Finland joined NATO.",
            ("THREATEN", "RUS", "FIN"),
        ),
        ("Biden spoke by phone with Netanyahu on Sunday.", ("CONSULT", "USA", "ISR")),
        ("Finland became NATO's 31st member.", ("SUPPORT", "FIN", "NATO")),
        ("The ICJ ordered Israel to prevent genocide in Gaza.", ("REQUEST", "ICJ", "ISR")),
        ("Gunmen killed five soldiers in an ambush in northern Mali.", ("ASSAULT", "MLI", "MLI")),
        ("Beijing announced military drills around Taiwan.", ("MOBILIZE", "CHN", "TWN")),
        # the visitor acts, the host receives (FORMAT.md)
        (
            "Chinese President Xi Jinping hosted French President Emmanuel Macron in Beijing.",
            ("CONSULT", "FRA", "CHN"),
        ),
    ],
)
def test_common_news_constructions(pipeline, text, expected):
    first = pipeline.code_text(text, date="2024-03-01")[0]
    assert (first.event, first.actor[0].code, first.recipient[0].code) == expected


def _triples(pipeline, text, date="2024-03-01"):
    return [
        (e.event, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient))
        for e in pipeline.code_text(text, date=date)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an order to leave is an expulsion, not a demand; "by ordering" acts for the subject
        (
            "Poland ordered three Belarusian diplomats to leave.",
            [("SANCTION", ("POL",), ("BLR",))],
        ),
        (
            "Belarus retaliated by ordering two Polish diplomats out of the country.",
            [("SANCTION", ("BLR",), ("POL",))],
        ),
        # a claim that someone was responsible is an accusation
        (
            "The Dutch prime minister said Russia was responsible for the crash.",
            [("ACCUSE", ("NLD",), ("RUS",))],
        ),
        # residents are coded by where they live, not by their demonym
        (
            "Ethnic Hungarians in Slovakia demanded more autonomy from Bratislava.",
            [("REQUEST", ("SVK",), ("SVK",))],
        ),
        # the target of a conditional threat is the condition's subject
        (
            "Turkey threatened to close its airspace if Greece held the exercise.",
            [("THREATEN", ("TUR",), ("GRC",))],
        ),
        # calling off a strike is one event (a concession), not a strike as well
        (
            "Kenyan doctors called off their strike on Monday.",
            [("CONCEDE", ("KEN",), ("KEN",))],
        ),
        # an agentive participle on an event noun reports the act
        (
            "Ghana and Togo agreed on Friday to reopen their border, in a deal brokered by "
            "Nigeria.",
            [("AGREE", ("GHA", "TGO"), ("GHA", "TGO")), ("CONSULT", ("NGA",), ("GHA", "TGO"))],
        ),
        # an unnamed role is placed by its pronoun owner; "they" are the pair that acted
        (
            "Qatar and Egypt agreed to mediate. Their foreign ministers will meet in Doha.",
            [
                ("AGREE", ("QAT", "EGY"), ("QAT", "EGY")),
                ("CONSULT", ("QAT", "EGY"), ("QAT", "EGY")),
            ],
        ),
    ],
)
def test_constructions_added_for_dev_articles(pipeline, text, expected):
    assert _triples(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a missile test is a show of force; rockets fired into a state are an attack
        ("North Korea fired a ballistic missile on Friday.", [("MOBILIZE", ("PRK",), ())]),
        (
            "Militants fired rockets from Gaza into Israel on Friday.",
            [("ASSAULT", ("PSE",), ("ISR",))],
        ),
        # a hostile act held out as possible is a threat
        (
            "Erdogan said Ankara could suspend diplomatic relations with Abu Dhabi.",
            [("THREATEN", ("TUR",), ("ARE",))],
        ),
        # "anti-" marks a stance, not a nationality: the victim is placed where it happened
        (
            "An anti-Syria journalist was killed in a car bomb explosion in Beirut.",
            [("ASSAULT", ("LBN",), ("LBN",))],
        ),
        # "they" inside what states said are those states
        (
            "Jamaica and the Bahamas have said they are ready to contribute police officers.",
            [("AGREE", ("JAM", "BHS"), ("JAM", "BHS"))],
        ),
        # a cancelled visit is a refusal aimed at the visitor
        (
            "Akar called off a visit to Ankara by his Swedish counterpart.",
            [("REJECT", ("TUR",), ("SWE",))],
        ),
    ],
)
def test_constructions_added_for_dev_articles_round_two(pipeline, text, expected):
    assert _triples(pipeline, text) == expected


def test_line_breaks_end_a_headline_sentence(pipeline):
    text = "Greece sends rescuers to Turkey\nBy Staff | March 1, 2024\nShare.\n\nIt was a day."
    sentences = [s.text.strip() for s in pipeline.nlp(text).sents]
    assert sentences == [
        "Greece sends rescuers to Turkey",
        "By Staff | March 1, 2024",
        "Share.",
        "It was a day.",
    ]


def test_hard_wrapped_text_keeps_its_sentences_whole():
    from thucydides.nlp import hard_wrapped

    wrapped = "\n".join(["word " * 13] * 6)
    web = "Headline\nByline | date\nShare.\n\nA paragraph of text that runs on."
    assert (hard_wrapped(wrapped), hard_wrapped(web)) == (True, False)


def test_a_sentence_initial_it_continues_the_previous_subject(pipeline):
    text = (
        "Niger's junta has turned on France, the former colonial power. "
        "It said last week that it was ending military agreements with Paris."
    )
    assert ("SANCTION", ("NER",), ("FRA",)) in _triples(pipeline, text)


def test_an_unnamed_target_is_the_story_country(pipeline):
    text = (
        "Soldiers seized power in Niger in July. The junta detained the president. "
        "Niger's neighbours closed their borders. The United States has paused its aid "
        "programmes. Niger's airspace was closed."
    )
    assert ("SANCTION", ("USA",), ("NER",)) in _triples(pipeline, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a crowd counted by "thousands of" is placed where it marched
        (
            "Thousands of people marched in Tbilisi on Sunday against the bill.",
            [("PROTEST", ("GEO",), ("GEO",))],
        ),
        # an embassy stands where its "in" phrase puts it, and is its owner's
        (
            "Hundreds of demonstrators gathered outside the French embassy in Niamey.",
            [("PROTEST", ("NER",), ("FRA",))],
        ),
        # a protest's purpose clause names its target and is not an event of its own
        (
            "Large crowds rallied in Sanaa on Friday to denounce the United States.",
            [("PROTEST", ("YEM",), ("USA",))],
        ),
        # "the rebels" repeats the last armed group; "would pay a price" is a threat
        (
            "Houthi rebels attacked ships in the Red Sea. The rebels vowed that the United "
            "States would pay a heavy price.",
            [("THREATEN", ("YEM",), ("USA",))],
        ),
        # sites struck belong to whoever uses them
        (
            "American warplanes struck sites used by the Houthis in Yemen on Friday.",
            [("ASSAULT", ("USA",), ("YEM",))],
        ),
        # the act an accusation alleges is not coded as done
        (
            "The European Union accused Belarus of waging a hybrid attack on the bloc.",
            [("ACCUSE", ("EU",), ("BLR",))],
        ),
        # what an order makes someone do is part of the order
        (
            "The Democratic Republic of Congo ordered Rwanda's ambassador to leave the country.",
            [("SANCTION", ("COD",), ("RWA",))],
        ),
        # "A and B" that the parser hung on B as a compound are two parties
        (
            "In July, Tshisekedi and Rwandan President Paul Kagame met in Luanda.",
            [("CONSULT", ("COD", "RWA"), ("COD", "RWA"))],
        ),
        # nationals barred from flights; a suggestion with "should" is a request
        (
            "Turkey has barred Iraqis and Syrians from flights to Minsk.",
            [("COERCE", ("TUR",), ("IRQ", "SYR"))],
        ),
        ("Lavrov suggested that the EU should pay Minsk.", [("REQUEST", ("RUS",), ("EU",))]),
        # an epithet names the last state other than the subject's
        (
            "France recalled its ambassador to Burkina Faso. Paris agreed to pull its special "
            "forces out of the West African country.",
            [("SANCTION", ("FRA",), ("BFA",)), ("AGREE", ("FRA",), ("BFA",))],
        ),
        # naming something ("called the strikes a defensive action") is no call for a strike
        ("President Joe Biden called the strikes a defensive action.", []),
        (
            "Western governments suspect Burkina Faso of hiring Russian mercenaries.",
            [("ACCUSE", ("WST",), ("BFA",))],
        ),
    ],
)
def test_constructions_added_for_dev_articles_round_five(pipeline, text, expected):
    assert _triples(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date entity runs on past its "in" phrase
        (
            "ECOWAS suspended Burkina Faso from its bodies in January last year.",
            [("SANCTION", ("ECOWAS",), ("BFA",), "historical", "2023-01")],
        ),
        # a clause "hours before" dates the act
        (
            "Hours before Yoon left Seoul on Thursday, North Korea fired a ballistic missile.",
            # aimed at no one named: the last other state named (Seoul)
            [("MOBILIZE", ("PRK",), ("KOR",), None, "2024-02-29")],
        ),
    ],
)
def test_dates_added_for_dev_articles_round_five(pipeline, text, expected):
    assert _code(pipeline, text, date="2024-03-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the following month" counts from the date before it
        (
            "Albanese met Xi Jinping in November last year, and Penny Wong visited Beijing the "
            "following month.",
            [
                ("CONSULT", ("AUS",), ("CHN",), "historical", "2023-11"),
                ("CONSULT", ("AUS",), ("CHN",), "historical", "2023-12"),
            ],
        ),
        # people killed "in the strikes" reported before: the same attack again
        (
            "Iran fired missiles at Pakistan on Tuesday. Pakistani officials said two children "
            "were killed in the strikes.",
            [("ASSAULT", ("IRN",), ("PAK",), None, "2024-02-27")],
        ),
        # a "when" clause on a date takes that date
        (
            "The crisis erupted on January 16, when Iran launched missiles at Pakistan.",
            [("ASSAULT", ("IRN",), ("PAK",), "historical", "2024-01-16")],
        ),
        # a government ordering its own forces shows force
        (
            "Sri Lanka's president ordered the armed forces and police to restore order.",
            [("MOBILIZE", ("LKA",), ("LKA",), None, "2024-03")],
        ),
        # the place of a matter of concern is the target; a wing is its movement's
        (
            "Canada's foreign ministry voiced grave concern over new arrests of activists in "
            "Saudi Arabia.",
            [("ACCUSE", ("CAN",), ("SAU",), None, "2024-03")],
        ),
        (
            "The armed wing of Hamas accused Israel of breaching the truce.",
            [("ACCUSE", ("PSE",), ("ISR",), None, "2024-03")],
        ),
        # an agentless passive in a party's words is that party's act
        (
            "Israeli officials have said the truce could be extended.",
            [("AGREE", ("ISR",), (), "hypothetical", None)],
        ),
        # sworn in, flown somewhere: no vow, no visit
        ("Ranil Wickremesinghe was sworn in as acting president.", []),
        ("The freed Israelis were flown to hospitals in Israel.", []),
    ],
)
def test_constructions_added_for_dev_articles_round_six(pipeline, text, expected):
    assert _code(pipeline, text, date="2024-03-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list parsed as an apposition; "the four countries" is that list
        (
            "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt cut ties with Qatar on "
            "Monday. US Secretary of State Rex Tillerson urged the four countries to ease the "
            "blockade.",
            [
                ("SANCTION", ("SAU", "ARE", "BHR", "EGY"), ("QAT",)),
                ("REQUEST", ("USA",), ("SAU", "ARE", "BHR", "EGY")),
            ],
        ),
        # offering to stop fighting is no threat; a body failing to agree refuses no one
        ("Georgia offered to stop fighting.", [("AGREE", ("GEO",), ())]),
        ("The UN Security Council failed to agree on a statement.", []),
        # a reply handed over is no aid; a border is its owner's
        ("Qatar hands reply to Kuwait.", []),
        ("Saudi Arabia closed Qatar's only land border.", [("COERCE", ("SAU",), ("QAT",))]),
        # troops pouring into a region; a humanitarian mission promised
        ("Russian tanks and troops poured into South Ossetia.", [("ASSAULT", ("RUS",), ("GEO",))]),
        (
            "President Bush said the US military would lead a humanitarian mission to Georgia.",
            [("AGREE", ("USA",), ("GEO",))],
        ),
        # a titled official with no country is the dateline's
        (
            "TAIPEI, March 26 - Foreign Minister Joseph Wu said Taiwan had ended ties. Wu accused "
            "Beijing of luring Honduras away.",
            [("ACCUSE", ("TWN",), ("CHN",))],
        ),
    ],
)
def test_constructions_added_for_dev_articles_round_seven(pipeline, text, expected):
    assert _triples(pipeline, text, date="2023-03-26") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a vow to respond is a threat; jets that strike are no labour strike
        (
            "Islamabad vowed to respond at a time and place of its choosing.",
            [("THREATEN", ("PAK",), ())],
        ),
        ("On Wednesday, Pakistani jets struck across the Line of Control.", []),
        # a march on a consulate targets its state; a summons is by the host
        (
            "Thousands of protesters marched on the Israeli consulate in Istanbul on Monday.",
            [("PROTEST", ("TUR",), ("ISR",))],
        ),
        (
            "Israel's envoy was summoned to the foreign ministry in Ankara on Monday.",
            [("ACCUSE", ("TUR",), ("ISR",))],
        ),
        # fire from someone is theirs; firefighting aircraft are aid
        (
            "The Russian pilot was killed by gunfire from Syrian rebels.",
            [("ASSAULT", ("SYR",), ("RUS",))],
        ),
        (
            "Rabat offered to send firefighting aircraft to Algeria.",
            [("AGREE", ("MAR",), ("DZA",))],
        ),
        # "there were ... killed": a report, placed by where it happened
        (
            "There were 10 Russian soldiers killed in Ukraine today.",
            [("ASSAULT", ("UKR",), ("RUS",))],
        ),
        # a later mention with one side unnamed joins the event, even after another did
        (
            "Israeli commandos stormed a Turkish ship on Monday, killing nine activists. "
            "Monday's killing of the nine Turkish activists strained ties.",
            [("ASSAULT", ("ISR",), ("TUR",))],
        ),
    ],
)
def test_constructions_added_for_dev_articles_round_eight(pipeline, text, expected):
    assert _triples(pipeline, text, date="2019-03-01") == expected


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # crowd control; a bare number of people marching
        (
            "Security forces fired tear gas at demonstrators in Caracas.",
            "2024-07-31",
            [("ASSAULT", ("VEN",), ("VEN",), "2024-07")],
        ),
        (
            "Thousands took to the streets of Caracas on Monday.",
            "2024-07-31",
            [("PROTEST", ("VEN",), ("VEN",), "2024-07-29")],
        ),
        # an accident is no attack; attacks warded off are the attackers'
        ("The plane crashed near Aktau, killing 38 people.", "2024-12-30", []),
        (
            "Russian air defences were repelling Ukrainian drone attacks on Grozny.",
            "2024-12-30",
            [("ASSAULT", ("UKR",), ("RUS",), "2024-12")],
        ),
        # "Hamas-led gunmen" are Hamas's; an offensive kills for its owner
        (
            "Hamas-led gunmen stormed into southern Israel, killing about 1,200 people.",
            "2024-01-26",
            [("ASSAULT", ("PSE",), ("ISR",), "2024-01")],
        ),
        (
            "Israel's offensive has killed more than 25,000 Palestinians.",
            "2024-01-26",
            [("ASSAULT", ("ISR",), ("PSE",), None)],
        ),
        # "of that year" counts from the year before it
        (
            "In 2019 Colombia recognised Guaido. Maduro broke off relations with Bogota on "
            "February 23 of that year.",
            "2022-09-26",
            [("SANCTION", ("VEN",), ("COL",), "2019-02-23")],
        ),
        # a charge dismissed is a rejection of the accuser
        (
            "South Africa accused Israel of genocide. Netanyahu dismissed the genocide charge "
            "as outrageous.",
            "2024-01-26",
            [("ACCUSE", ("ZAF",), ("ISR",), "2024-01"), ("REJECT", ("ISR",), ("ZAF",), "2024-01")],
        ),
        (
            "Caracas was pulling its diplomatic staff out of Argentina and Chile.",
            "2024-07-31",
            [("SANCTION", ("VEN",), ("ARG", "CHL"), "2024-07")],
        ),
    ],
)
def test_constructions_added_for_dev_articles_round_nine(pipeline, text, date, expected):
    assert [(*e[:3], e[4]) for e in _code(pipeline, text, date=date)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the court" and what it issues are the international court the story named
        (
            "The International Court of Justice ruled on the case on Tuesday. The court "
            "rejected Kenya's objections.",
            [("REJECT", ("ICJ",), ("KEN",), "2021-10")],
        ),
        (
            "The International Court of Justice ruled on the case on Tuesday. Somalia's "
            "president welcomed the verdict.",
            [("SUPPORT", ("SOM",), ("ICJ",), "2021-10")],
        ),
        # a date entity the parser ran on past the date ("December 2020, days") falls back
        (
            "In December 2020, days after the talks failed, Somalia cut diplomatic ties with "
            "Kenya.",
            [("SANCTION", ("SOM",), ("KEN",), "2020-12")],
        ),
    ],
)
def test_constructions_added_for_dev_articles_round_ten(pipeline, text, expected):
    assert [(*e[:3], e[4]) for e in _code(pipeline, text, date="2021-10-13")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a titled official with no country is the state named just before in the sentence
        (
            "Copenhagen said on Jan 27 that it would bring the troops home, and Foreign "
            "Minister Jeppe Kofod accused Mali's generals of delaying elections.",
            [("ACCUSE", ("DNK",), ("MLI",))],
        ),
        # "told X to" is a demand; what X is told to do is its content
        (
            "Last week the junta in Bamako also told Denmark to withdraw its special forces.",
            [("REQUEST", ("MLI",), ("DNK",))],
        ),
        # "turned down" a claim; "the court" is the one named
        (
            "The International Court of Justice ruled on Tuesday. The court turned down "
            "Somalia's claim.",
            [("REJECT", ("ICJ",), ("SOM",))],
        ),
    ],
)
def test_constructions_added_for_dev_articles_round_ten_b(pipeline, text, expected):
    assert _triples(pipeline, text, date="2022-02-01") == expected


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # a warning to strike if someone acts is a threat; the condition is no event
        (
            "Netanyahu warned that Israel would strike hard if Hezbollah violated the agreement.",
            "2024-11-27",
            [("THREATEN", ("ISR",), ("LBN",), "2024-11")],
        ),
        # "with X accusing": the time of the clause the "with" phrase hangs on
        (
            "The United States suspended its strategic partnership with Georgia on Saturday, "
            "with the State Department accusing Georgia's ruling party of abandoning Europe.",
            "2024-12-02",
            [
                ("SANCTION", ("USA",), ("GEO",), "2024-11-30"),
                ("ACCUSE", ("USA",), ("GEO",), "2024-11-30"),
            ],
        ),
    ],
)
def test_constructions_added_for_dev_articles_round_eleven(pipeline, text, date, expected):
    assert [(*e[:3], e[4]) for e in _code(pipeline, text, date=date)] == expected


def test_a_response_not_given_is_no_threat(pipeline):
    text = (
        "N'DJAMENA, Nov 29 - Chad ended its defence pact with France. Paris did not "
        "immediately respond, and it was not clear when French soldiers would have to leave."
    )
    assert _triples(pipeline, text, date="2024-11-29") == [("SANCTION", ("TCD",), ("FRA",))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "those peacekeepers" are the ones named before, not the UN's
        (
            "Azerbaijan accused Russian peacekeepers of bias. Pashinyan has blamed those "
            "peacekeepers for failing to protect the Armenians.",
            [("ACCUSE", ("AZE",), ("RUS",)), ("ACCUSE", ("ARM",), ("RUS",))],
        ),
        # a crowd's participle acts for the crowd, placed where it rallied
        (
            "In Yerevan, thousands of protesters have rallied since Tuesday, accusing Pashinyan "
            "of abandoning Karabakh.",
            [("PROTEST", ("ARM",), ("ARM",)), ("ACCUSE", ("ARM",), ("ARM",))],
        ),
    ],
)
def test_constructions_added_for_dev_articles_round_twelve(pipeline, text, expected):
    assert _triples(pipeline, text, date="2023-09-25") == expected


def test_a_warning_of_consequences_for_a_state_threatens_it(pipeline):
    text = (
        "National Security Adviser Jake Sullivan warned that the attack would have severe "
        "consequences for Tehran."
    )
    assert _triples(pipeline, text, date="2024-10-02") == [("THREATEN", ("USA",), ("IRN",))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun trigger's clause hangs on "Friday, when ..."
        (
            "OTTAWA, Aug 8 - The dispute began on Friday, when Canada's foreign ministry voiced "
            "grave concern over arrests in Saudi Arabia.",
            [("ACCUSE", ("CAN",), ("SAU",), None, "2018-08-03")],
        ),
        # a verb sharing its subject with the one before shares its time; trade frozen
        (
            "OTTAWA, Aug 8 - Saudi Arabia expelled the Canadian ambassador on Sunday and froze "
            "new trade with Canada.",
            [
                ("SANCTION", ("SAU",), ("CAN",), None, "2018-08-05"),
                ("SANCTION", ("SAU",), ("CAN",), None, "2018-08-05"),
            ],
        ),
        # a participle takes the time of the first finite verb above it (the expulsion
        # and the recall are two acts)
        (
            "OTTAWA, Aug 8 - Riyadh hit back on Sunday, declaring the Canadian ambassador "
            "persona non grata and giving him 24 hours to leave, recalling its own ambassador "
            "from Ottawa.",
            [
                ("SANCTION", ("SAU",), ("CAN",), None, "2018-08-05"),
                ("SANCTION", ("SAU",), ("CAN",), None, "2018-08-05"),
            ],
        ),
        # a participle set off beside the subject dates the clause
        (
            "OTTAWA, Aug 8 - Foreign Minister Chrystia Freeland, speaking on Monday, accused "
            "Saudi Arabia of abusing activists.",
            [("ACCUSE", ("CAN",), ("SAU",), None, "2018-08-06")],
        ),
        # "after accusing": the act the phrase hangs on dates it
        (
            "The war broke out in November 2020, when Abiy sent troops into Tigray after "
            "accusing Eritrea of backing the rebels.",
            [
                ("MOBILIZE", ("ETH",), ("ETH",), "historical", "2020-11"),
                ("ACCUSE", ("ETH",), ("ERI",), "historical", "2020-11"),
            ],
        ),
    ],
)
def test_dates_added_for_dev_articles_round_fourteen(pipeline, text, expected):
    date = "2022-11-03" if "Tigray" in text else "2018-08-08"
    assert _code(pipeline, text, date=date) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a finite verb the parser hung on the root noun has it as subject; calls for calm
        (
            "The chairman of the African Union Commission, Moussa Faki Mahamat, called for "
            "calm between Ethiopia and Somalia.",
            [("REQUEST", ("AU",), ("ETH", "SOM"))],
        ),
        ("The European Union quickly rallied behind Spain.", [("SUPPORT", ("EU",), ("ESP",))]),
        ("Turkey, Azerbaijan's closest ally, took Baku's side.", [("SUPPORT", ("TUR",), ("AZE",))]),
        # an Iraqi militia, not Lebanon's Hezbollah; a halt to attacks de-escalates
        (
            "On Tuesday, Kataib Hezbollah, one of the most powerful Iraqi militias, announced "
            "that it was suspending its military operations against US forces.",
            [("RETREAT", ("IRQ",), ("USA",))],
        ),
        (
            "Iran's foreign ministry called the American raids a strategic mistake.",
            [("ACCUSE", ("IRN",), ("USA",))],
        ),
        ("Israel ruled out talks with Hamas.", [("REJECT", ("ISR",), ("PSE",))]),
        # not ruling something out is no rejection
        ("Putin said Moscow did not rule out military cooperation with Pyongyang.", []),
        (
            "Peru's government declared a state of emergency, putting the armed forces on the "
            "streets.",
            [("COERCE", ("PER",), ("PER",)), ("MOBILIZE", ("PER",), ())],
        ),
    ],
)
def test_constructions_added_for_dev_articles_round_fourteen(pipeline, text, expected):
    assert _triples(pipeline, text, date="2024-02-03") == expected


def test_a_participle_on_a_sentence_without_a_verb_does_not_hang(pipeline):
    # the subject search climbed from the noun to its head with an identity test that never
    # held at the root (spaCy makes a new Token for each access), so it never stopped
    text = "Fresh protests in the capital, accusing the government of fraud."
    assert _triples(pipeline, text, date="2024-05-01") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a teaser link to another story reports none of this one's events
        (
            "Armenia suspended its participation in the CSTO.\n"
            "Related: Armenia freezes its payments to Russian-led security bloc",
            [("SANCTION", ("ARM",), ("CSTO",))],
        ),
        # an indirect question is no request; "pressed on with" is no demand
        ("Qatar asked Iran whether it would release the tanker.", []),
        ("Russian forces have pressed on with their offensive in eastern Ukraine.", []),
        (
            "The African Union's Peace and Security Council suspended Gabon from all of its "
            "activities.",
            [("SANCTION", ("AU",), ("GAB",))],
        ),
        (
            "Within hours the Bolivian soldiers pulled out of the square.",
            [("RETREAT", ("BOL",), ())],
        ),
        ("Athens put its navy on alert.", [("MOBILIZE", ("GRC",), ())]),
        # the name a free relative gives is the target
        (
            "Cairo condemned what it called a dangerous Israeli escalation that undermined "
            "the talks.",
            [("ACCUSE", ("EGY",), ("ISR",))],
        ),
        (
            "Moscow denounced what it described as Ukrainian terrorism.",
            [("ACCUSE", ("RUS",), ("UKR",))],
        ),
        # a passive's "in" phrase names the attack's maker
        (
            "Three Palestinians were killed in an Israeli air strike in Gaza in April.",
            [("ASSAULT", ("ISR",), ("PSE",))],
        ),
    ],
)
def test_constructions_added_for_dev_articles_round_fifteen(pipeline, text, expected):
    assert _triples(pipeline, text, date="2023-12-07") == expected


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # a date three phrases down dates the act
        (
            "Myanmar's army seized power in the early hours of February 1, detaining Suu Kyi.",
            "2021-02-11",
            ["2021-02-01", "2021-02-01"],
        ),
        # but not a "since" down there: the time of something else
        (
            "Twenty Indian soldiers were killed on the night of June 15 when troops from both "
            "sides fought with rocks in the Galwan Valley, in the first deadly confrontation "
            "on the frontier since 1975.",
            "2020-06-30",
            ["2020-06"],
        ),
    ],
)
def test_dates_deep_in_a_triggers_phrases(pipeline, text, date, expected):
    assert [e[4] for e in _code(pipeline, text, date=date)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # found in the NGEC headline templates (training data) that coded nothing
        (
            "Slovenia and North Korea resume diplomatic relations.",
            [("SUPPORT", ("SVN", "PRK"), ("SVN", "PRK"))],
        ),
        ("Belarus makes concessions to the EU.", [("CONCEDE", ("BLR",), ("EU",))]),
        ("Israel bowed to pressure from Turkey.", [("CONCEDE", ("ISR",), ("TUR",))]),
        ("Tunisia denounced the actions by Libya.", [("ACCUSE", ("TUN",), ("LBY",))]),
        # "give ... time to leave" is no giving in, but an expulsion
        ("Mali gives French ambassador 72 hours to leave.", [("SANCTION", ("MLI",), ("FRA",))]),
    ],
)
def test_constructions_added_from_headline_templates(pipeline, text, expected):
    assert _triples(pipeline, text, date="2023-06-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the story's people, parties and groups
        (
            "Darmanin has also accused Azerbaijan of meddling in the territory.",
            [("ACCUSE", ("FRA",), ("AZE",))],
        ),
        (
            "Moscow dismissed the ICC's warrant as legally null and void.",
            [("REJECT", ("RUS",), ("ICC",))],
        ),
        # "with the country" is the other party, a state, not the IGO acting
        (
            "Niger's junta seized power on July 26. Four days later, ECOWAS leaders closed "
            "their borders with the country.",
            [("COERCE", ("NER",), ("NER",)), ("COERCE", ("ECOWAS",), ("NER",))],
        ),
        # "the South" is the one South the story named
        (
            "South Korea suspended the pact. The South accused North Korea of provocations.",
            [("ACCUSE", ("KOR",), ("PRK",))],
        ),
        # taken off a list of terrorist states or groups
        (
            "Cuba was removed from the US list of state sponsors of terrorism on May 29.",
            [("CONCEDE", ("USA",), ("CUB",))],
        ),
    ],
)
def test_constructions_added_for_dev_articles_round_sixteen(pipeline, text, expected):
    assert _triples(pipeline, text, date="2024-06-10") == expected


def test_a_reserved_right_to_respond_is_a_threat(pipeline):
    text = (
        "Iran struck targets in Pakistan on Tuesday. Pakistan said it reserved the right to "
        "respond."
    )
    assert _triples(pipeline, text, date="2024-01-22") == [
        ("ASSAULT", ("IRN",), ("PAK",)),
        ("THREATEN", ("PAK",), ("IRN",)),  # the last other state named
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "whose attack": the noun the relative clause hangs on attacked
        (
            "Hamas, whose attack on southern Israel on October 7 triggered the war in Gaza, "
            "also praised the decision.",
            [("ASSAULT", ("PSE",), ("ISR",)), ("SUPPORT", ("PSE",), ("PSE",))],
        ),
        # persona non grata is an expulsion; its deadline to leave is no retreat
        (
            "Azerbaijan declared the two French diplomats persona non grata and gave them 48 "
            "hours to leave the country.",
            [("SANCTION", ("AZE",), ("FRA",))],
        ),
        # "the alliance" after NATO's headquarters in Brussels is NATO, not the EU
        (
            "Sweden's flag was raised at NATO headquarters in Brussels on Monday, four days "
            "after the Nordic country formally joined the alliance as its 32nd member.",
            [("SUPPORT", ("SWE",), ("NATO",))],
        ),
        (
            "Iran has sent planeloads of fruit and vegetables to Qatar.",
            [("AID", ("IRN",), ("QAT",))],
        ),
    ],
)
def test_constructions_added_for_dev_articles_round_seventeen(pipeline, text, expected):
    assert _triples(pipeline, text, date="2024-05-28") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a demonym after a given name is a surname: Volker Turk is the UN's, not Turkey
        (
            "Israel struck Lebanon on Tuesday. Volker Turk, the UN human rights chief, "
            "condemned Israel.",
            [("ASSAULT", ("ISR",), ("LBN",)), ("ACCUSE", ("UN",), ("ISR",))],
        ),
        # the maker a naming gives ("an aggressive act *by Kyiv*") is the target
        ("Moscow called the strike an aggressive act by Kyiv.", [("ACCUSE", ("RUS",), ("UKR",))]),
    ],
)
def test_constructions_added_for_dev_articles_round_eighteen(pipeline, text, expected):
    assert _triples(pipeline, text, date="2024-09-19") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "four days after": the clause's date moved back by the count
        (
            "Sweden's flag was raised at NATO headquarters on Monday, four days after the "
            "Nordic country formally joined the alliance.",
            ["2024-03-07"],
        ),
        # "days after": the month only
        (
            "Sweden's flag was raised at NATO headquarters on Monday, days after the Nordic "
            "country formally joined the alliance.",
            ["2024-03"],
        ),
    ],
)
def test_a_clause_some_days_after_a_dated_one_is_dated_from_it(pipeline, text, expected):
    assert [e[4] for e in _code(pipeline, text, date="2024-03-11")] == expected


def test_a_charge_rejected_in_a_relative_clause_answers_the_accuser(pipeline):
    text = "Georgia accused Russia of bombing civilians, a charge Moscow rejected."
    assert _triples(pipeline, text, date="2008-08-14") == [
        ("ACCUSE", ("GEO",), ("RUS",)),
        ("REJECT", ("RUS",), ("GEO",)),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the embassy's state, not the city it stands in
        (
            "Ecuadorian police stormed the Mexican embassy in Quito.",
            [("ASSAULT", ("ECU",), ("MEX",))],
        ),
        # "its embassy in Tehran" is not Iran's: the state named before it (protesters who
        # storm it riot, CAMEO 145)
        (
            "Riyadh cut ties with Tehran after protesters stormed its embassy in Tehran.",
            [("SANCTION", ("SAU",), ("IRN",)), ("PROTEST", ("IRN",), ("SAU",))],
        ),
    ],
)
def test_an_attacked_embassy_stands_for_the_state_it_represents(pipeline, text, expected):
    assert _triples(pipeline, text, date="2024-04-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A Russian missile strike killed 20 people in Kharkiv.",
            [("ASSAULT", ("RUS",), ("UKR",))],
        ),
        (
            "Turkish jets shot down a Russian warplane near the Syrian border.",
            [("ASSAULT", ("TUR",), ("RUS",))],
        ),
    ],
)
def test_a_weapon_or_attack_belongs_to_the_party_its_modifier_names(pipeline, text, expected):
    assert _triples(pipeline, text, date="2024-04-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the recipient of a quantity of aid: "most of" is looked through
        ("Washington cut most of its assistance to Niger.", [("SANCTION", ("USA",), ("NER",))]),
        # sacking one's own officers is no rejection
        ("Israel dismissed two officers over the drone strikes.", []),
        # sending negotiators is a visit by proxy
        ("Israel nonetheless sent negotiators to Cairo.", [("CONSULT", ("ISR",), ("EGY",))]),
        # accepting a proposal answers whoever put it forward
        (
            "Hamas said it had accepted a ceasefire proposal put forward by Egyptian and Qatari "
            "mediators.",
            [("AGREE", ("PSE",), ("EGY", "QAT"))],
        ),
        # telling someone something by phone is a call
        (
            "Prime Minister Rishi Sunak told Netanyahu by phone that too many aid workers had "
            "been killed.",
            [("CONSULT", ("GBR",), ("ISR",))],
        ),
        # troops sent (passive): whose troops they are, and where they went
        (
            "About 2,000 Russian soldiers were sent to Nagorno-Karabakh.",
            [("MOBILIZE", ("RUS",), ("AZE",))],
        ),
        # a regional bloc by its description
        (
            "Niger announced that it was leaving the West African bloc.",
            [("SANCTION", ("NER",), ("ECOWAS",))],
        ),
        ("Russian military instructors arrived in Niger.", [("CONSULT", ("RUS",), ("NER",))]),
        # "the bloc of failing": a gerund does not name the bloc, so it is the one named before
        (
            "Armenia froze its participation in the CSTO in February, accusing the bloc of "
            "failing to meet its obligations.",
            [("SANCTION", ("ARM",), ("CSTO",)), ("ACCUSE", ("ARM",), ("CSTO",))],
        ),
    ],
)
def test_who_acts_on_whom_in_common_news_constructions(pipeline, text, expected):
    assert _triples(pipeline, text, date="2024-04-13") == expected


def test_an_attack_someone_condemns_is_not_theirs(pipeline):
    assert _triples(pipeline, "France condemned the attack on Kyiv.", date="2024-05-14") == [
        ("ASSAULT", (), ("UKR",))
    ]


def test_the_army_in_a_sentence_naming_a_foreign_force_is_that_force(pipeline):
    text = (
        "CAIRO, May 14 - Israeli tanks pushed into eastern Rafah on the night of May 6, after "
        "the army had ordered about 100,000 Palestinians to leave the eastern part of the city."
    )
    assert _triples(pipeline, text, date="2024-05-14") == [
        ("ASSAULT", ("ISR",), ("PSE",)),
        ("REQUEST", ("ISR",), ("PSE",)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a relative clause on a statement speaks for whoever made it
        "NIAMEY, April 13 - The junta's spokesman announced in a televised statement that "
        "also called the American presence on Nigerien soil illegal.",
        # "its spokesman, <a name the knowledge base lacks>": the body's state, and "he" after
        "NIAMEY, April 13 - The accord was revoked by the junta on March 16, its spokesman, "
        "Colonel Amadou Abdramane, announced. He accused a US delegation of a condescending "
        "attitude.",
    ],
)
def test_a_spokesman_and_his_statement_speak_for_the_state_he_serves(pipeline, text):
    assert _triples(pipeline, text, date="2024-04-13") == [("ACCUSE", ("NER",), ("USA",))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "it" in a second clause continues the first clause's subject
        (
            "Niamey also ended two European Union security missions in December, and in "
            "January it announced that it was leaving the West African bloc.",
            [("SANCTION", ("NER",), ("EU",)), ("SANCTION", ("NER",), ("ECOWAS",))],
        ),
        # "their" is the plural noun just before it
        (
            "France pulled out its last troops in December after Niger's junta demanded their "
            "departure.",
            [("RETREAT", ("FRA",), ()), ("REQUEST", ("NER",), ("FRA",))],
        ),
        # a threat's target may sit in the purpose of the threatened act
        (
            "ECOWAS threatened to use force to reinstate Bazoum after the coup.",
            [("THREATEN", ("ECOWAS",), ("NER",))],
        ),
    ],
)
def test_pronouns_and_purposes_find_their_party(pipeline, text, expected):
    assert _triples(pipeline, text, date="2024-04-13") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an object pronoun is never the speaker of the clause it is parsed into
        (
            "Lula recalled his ambassador in February after Israel declared him persona non grata.",
            [("SANCTION", ("ISR",), ("BRA",))],
        ),
        # withdrawing an ambassador is a recall, whatever plan the protest is about
        (
            "Algeria has withdrawn its ambassador to France in protest at French support for "
            "Morocco's autonomy plan.",
            [("SANCTION", ("DZA",), ("FRA",))],
        ),
        # "led Algeria to recall": the object acts
        (
            "The shift led Algeria to recall its ambassador from Madrid.",
            [("SANCTION", ("DZA",), ("ESP",))],
        ),
        (
            "Germany ordered the closure of four of Russia's five consulates in the country.",
            [("SANCTION", ("DEU",), ("RUS",))],
        ),
        # retaliation is an attack only when the text says it was one
        ("Iran retaliated with missile strikes on Israel.", [("ASSAULT", ("IRN",), ("ISR",))]),
        ("Belarus retaliated against the new sanctions on Tuesday.", []),
    ],
)
def test_recalls_closures_and_retaliation(pipeline, text, expected):
    assert _triples(pipeline, text, date="2024-07-31") == expected


def test_the_home_country_counts_its_people(pipeline):
    # India is named four times and Bangladesh three, but Bangladeshi people three times more
    text = (
        "Hasina Flees to India\nBy Asia Desk | August 6, 2024\n\n"
        "Sheikh Hasina resigned as prime minister of Bangladesh and fled to India on Monday. "
        "India said Hasina had asked to come to India. Hasina's rival Khaleda Zia was freed, "
        "and Yunus will lead Bangladesh's interim government. Police fired on protesters in "
        "Dhaka."
    )
    assert ("ASSAULT", ("BGD",), ("BGD",)) in _triples(pipeline, text, date="2024-08-06")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title the knowledge base knows only from its ending, in a story datelined Seoul
        (
            "SEOUL, Oct 29 - North Korea has sent troops to Russia. On October 21, First Vice "
            "Foreign Minister Kim Hong-kyun summoned Russian Ambassador Georgy Zinoviev.",
            [("MOBILIZE", ("PRK",), ("RUS",)), ("ACCUSE", ("KOR",), ("RUS",))],
        ),
        # the parser hangs the subject on the auxiliary when an adverbial splits them
        (
            "Seoul and Washington have for more than a year accused North Korea of supplying "
            "Russia with artillery shells.",
            [("ACCUSE", ("KOR", "USA"), ("PRK",))],
        ),
    ],
)
def test_officials_and_subjects_the_parser_hides(pipeline, text, expected):
    assert _triples(pipeline, text, date="2024-10-29") == expected


def test_a_joined_clause_that_names_no_party_shares_the_first_clauses(pipeline):
    text = (
        "At the end of that month, Bogota recalled its own ambassador from Israel for "
        "consultations, and Bolivia cut off diplomatic ties altogether."
    )
    assert _triples(pipeline, text, date="2024-05-02") == [
        ("SANCTION", ("COL",), ("ISR",)),
        ("SANCTION", ("BOL",), ("ISR",)),
    ]


def test_whose_body_is_the_body_of_the_state_the_clause_hangs_on(pipeline):
    text = (
        "The attack was swiftly condemned by Turkey, Azerbaijan's closest ally, whose foreign "
        "ministry declared its solidarity with Baku."
    )
    assert _triples(pipeline, text, date="2023-01-28") == [("SUPPORT", ("TUR",), ("AZE",))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state's own body, though the UN has one of the same name
        (
            "Nikolai Patrushev, the secretary of Russia's Security Council, criticised Lithuania.",
            [("ACCUSE", ("RUS",), ("LTU",))],
        ),
        ("The Security Council condemned Russia.", [("ACCUSE", ("UN",), ("RUS",))]),
        # a place name the tagger reads as a person's given name
        (
            "Kenya's interior minister Kithure Kindiki and Defence Minister Aden Duale accused "
            "Somalia of backing the militants.",
            [("ACCUSE", ("KEN",), ("SOM",))],
        ),
        # "invasion of": the invaded
        (
            "The European Union has imposed sanctions on Moscow since Russia's invasion of "
            "Ukraine began on February 24.",
            [("SANCTION", ("EU",), ("RUS",)), ("ASSAULT", ("RUS",), ("UKR",))],
        ),
    ],
)
def test_organs_given_names_and_invasions(pipeline, text, expected):
    assert _triples(pipeline, text, date="2022-07-13") == expected


def test_a_surname_that_is_also_an_english_verb_is_parsed_as_a_name(pipeline):
    # the small model reads "Trump" as a noun and "held" as its modifier without the hint
    text = "Trump held talks with Netanyahu in the Oval Office."
    assert _triples(pipeline, text, date="2020-09-15") == [("CONSULT", ("USA",), ("ISR",))]


def _dated(pipeline, text, date):
    return [
        (e.event, tuple(a.code for a in e.actor), e.date)
        for e in pipeline.code_text(text, date=date)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time that opens the sentence, counted from the date before, dates every act in it
        (
            "Israel struck Gaza on March 3. Later that day the authorities arrested ten "
            "protesters in Tel Aviv.",
            [("ASSAULT", ("ISR",), "2024-03-03"), ("COERCE", ("ISR",), "2024-03-03")],
        ),
        # ... but not one counted from an event it names
        (
            "Israel struck Gaza on March 3. Two days after the vote, the authorities arrested "
            "ten protesters in Tel Aviv.",
            [("ASSAULT", ("ISR",), "2024-03-03"), ("COERCE", ("ISR",), "2024-05")],
        ),
        # "hours later", and a second participle dated like the first (Kuwait's expulsion
        # and its recall, two acts on one day)
        (
            "Riyadh expelled the Lebanese envoy on October 29. Bahrain ordered Lebanon's "
            "ambassador out hours later, and Kuwait followed the next day, expelling Lebanon's "
            "charge d'affaires and recalling its own ambassador.",
            [
                ("SANCTION", ("SAU",), "2021-10-29"),
                ("SANCTION", ("BHR",), "2021-10-29"),
                ("SANCTION", ("KWT",), "2021-10-30"),
                ("SANCTION", ("KWT",), "2021-10-30"),
            ],
        ),
    ],
)
def test_acts_take_the_time_their_sentence_gives_them(pipeline, text, expected):
    assert _dated(pipeline, text, date="2024-05-02" if "Gaza" in text else "2021-12-03") == expected


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # captives named by their plural demonym
        (
            "Iran freed five detained Americans on Monday.",
            "2023-09-19",
            [("RETREAT", ("IRN",), ("USA",))],
        ),
        # a Commonwealth ambassador is a high commissioner
        (
            "New Delhi summoned the Maldivian high commissioner.",
            "2024-01-09",
            [("ACCUSE", ("IND",), ("MDV",))],
        ),
        # cutting the channels between two states
        (
            "Pyongyang cut off the hotlines with Seoul.",
            "2020-06-10",
            [("SANCTION", ("PRK",), ("KOR",))],
        ),
        # a warning is a threat
        ("Kim Yo Jong warned Seoul on Saturday.", "2020-06-10", [("THREATEN", ("PRK",), ("KOR",))]),
        # a hyphenated given name stays whole for the parser ("in" is no preposition)
        ("President Moon Jae-in criticised Japan.", "2019-09-11", [("ACCUSE", ("KOR",), ("JPN",))]),
        # a surname the tagger reads as a plural noun still points back to the full mention
        (
            "Spanish Foreign Minister Jose Manuel Albares criticised Algeria. Albares later held "
            "talks in Brussels with Dombrovskis.",
            "2022-06-10",
            [("ACCUSE", ("ESP",), ("DZA",)), ("CONSULT", ("ESP",), ("EU",))],
        ),
    ],
)
def test_captives_envoys_channels_warnings_and_names(pipeline, text, date, expected):
    assert _triples(pipeline, text, date=date) == expected


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("Moscow is disappointed with Washington.", "2020-01-08", [("ACCUSE", ("RUS",), ("USA",))]),
        # a halt to training or exercises with a state
        (
            "Washington suspended military drills with Seoul.",
            "2018-06-12",
            [("SANCTION", ("USA",), ("KOR",))],
        ),
        # the party a summit was with, not the canceller's own "his"
        (
            "Trump cancelled his summit with Kim Jong Un.",
            "2018-06-12",
            [("REJECT", ("USA",), ("PRK",))],
        ),
        # off a white list is a sanction; off a terror list a concession
        (
            "Japan removed South Korea from its white list on Friday.",
            "2019-08-05",
            [("SANCTION", ("JPN",), ("KOR",))],
        ),
        (
            "The United States removed Cuba from its list of state sponsors of terrorism.",
            "2015-05-30",
            [("CONCEDE", ("USA",), ("CUB",))],
        ),
        # names called
        ("Erdogan called Israel a terror state.", "2023-11-15", [("ACCUSE", ("TUR",), ("ISR",))]),
        (
            "Secretary of State Antony Blinken called France a vital partner.",
            "2021-09-23",
            [("SUPPORT", ("USA",), ("FRA",))],
        ),
        # foreign ministers of more states, and later heads of IGOs
        ("Bourita criticised Attaf.", "2022-06-10", [("ACCUSE", ("MAR",), ("DZA",))]),
        ("Ahmed Aboul Gheit criticised Israel.", "2024-06-27", [("ACCUSE", ("ARL",), ("ISR",))]),
        ("Ahmed Aboul Gheit criticised Israel.", "2009-01-05", [("ACCUSE", ("EGY",), ("ISR",))]),
    ],
)
def test_disappointment_halts_cancellations_lists_names_and_ministers(
    pipeline, text, date, expected
):
    assert _triples(pipeline, text, date=date) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reported attack is also the reporter's accusation of the attacker ...
        (
            "Israel said Hamas fired rockets at Tel Aviv.",
            [("ACCUSE", ("ISR",), ("PSE",)), ("ASSAULT", ("PSE",), ("ISR",))],
        ),
        # ... but not when the reporter is only the source named after the fact
        (
            "Hamas fired rockets at Tel Aviv, the Israeli military said.",
            [("ASSAULT", ("PSE",), ("ISR",))],
        ),
        # nor when the reporter did it; "its troops" are the speaker's, not themselves
        ("Israel said its troops killed ten militants in Gaza.", [("ASSAULT", ("ISR",), ("PSE",))]),
    ],
)
def test_a_reported_attack_is_an_accusation_of_the_attacker(pipeline, text, expected):
    assert _triples(pipeline, text, date="2024-04-14") == expected


def test_a_time_counted_from_a_counted_time_counts_from_its_date(pipeline):
    text = (
        "Gunmen killed 26 tourists at Pahalgam on April 22. The next day India suspended its "
        "participation in the Indus Waters Treaty. Pakistan retaliated a day later by closing "
        "its airspace to Indian airlines."
    )
    dated = _dated(pipeline, text, date="2025-05-11")
    assert [d for e, a, d in dated if a == ("PAK",)] == ["2025-04-24"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey withdrew its veto on Sweden's membership.", [("CONCEDE", ("TUR",), ("SWE",))]),
        # "called it off" is no phone call
        ("Trump called it off in a letter to Kim on May 24.", []),
    ],
)
def test_withdrawn_vetoes_and_calls_off(pipeline, text, expected):
    assert _triples(pipeline, text, date="2018-06-12") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a closed border is aimed at the state on the other side
        ("Benin closed its border with Niger.", [("COERCE", ("BEN",), ("NER",))]),
        (
            "Niger's junta took power in July. Benin closed the frontier in the days after.",
            [("COERCE", ("BEN",), ("NER",))],
        ),
        # a government is the state it sits in, before the story's most-named state
        (
            "Russia sent migrants to the frontier. The government in Helsinki closed four "
            "crossings.",
            [("COERCE", ("FIN",), ("RUS",))],
        ),
        # tariffs raised on a state's goods; drones sent at targets, not to a buyer
        (
            "Colombia raised tariffs on imports from the United States.",
            [("SANCTION", ("COL",), ("USA",))],
        ),
        (
            "Pakistan sent waves of drones at military bases in India.",
            [("ASSAULT", ("PAK",), ("IND",))],
        ),
        ("Iran sent drones to Russia.", []),
    ],
)
def test_borders_seats_tariffs_and_drones(pipeline, text, expected):
    assert _triples(pipeline, text, date="2025-05-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # fire exchanged is mutual
        (
            "Thai and Cambodian troops exchanged fire along the border.",
            [("ASSAULT", ("THA", "KHM"), ("THA", "KHM"))],
        ),
        (
            "Pakistani troops exchanged fire with Indian forces in Kashmir.",
            [("ASSAULT", ("PAK",), ("IND",))],
        ),
        # a ministry is the state whose capital it sits in
        (
            "The Foreign Ministry in Baku demanded that Moscow investigate the deaths.",
            [("REQUEST", ("AZE",), ("RUS",))],
        ),
    ],
)
def test_exchanged_fire_and_seated_ministries(pipeline, text, expected):
    assert _triples(pipeline, text, date="2025-07-29") == expected


def test_a_month_that_year_is_in_the_year_of_the_date_before(pipeline):
    text = (
        "Hardeep Singh Nijjar was shot dead in June 2023. In September that year Trudeau "
        "accused India of involvement in the killing."
    )
    assert _dated(pipeline, text, date="2024-10-15") == [("ACCUSE", ("CAN",), "2023-09")]


@pytest.mark.parametrize(
    "text",
    [
        "Thailand and Cambodia traded accusations.",
        "Thailand and Cambodia clashed again, each side accusing the other of starting it.",
    ],
)
def test_accusations_traded_or_made_by_each_side_are_mutual(pipeline, text):
    accusations = [t for t in _triples(pipeline, text, date="2025-07-29") if t[0] == "ACCUSE"]
    assert [(sorted(a), sorted(r)) for _, a, r in accusations] == [(["KHM", "THA"], ["KHM", "THA"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump placed tariffs on Chinese goods.", [("SANCTION", ("USA",), ("CHN",))]),
        (
            "China answered by raising its duties on American goods to 84 percent.",
            [("SANCTION", ("CHN",), ("USA",))],
        ),
    ],
)
def test_tariffs_placed_and_duties_raised_are_sanctions(pipeline, text, expected):
    assert _triples(pipeline, text, date="2025-05-12") == expected


def test_a_skipped_meeting_is_a_refusal_to_meet(pipeline):
    # the meeting's body: its ministers are the G20's wherever they meet (the host, South
    # Africa, would do as well)
    text = "Rubio skipped a meeting of G20 foreign ministers in Johannesburg last month."
    assert _triples(pipeline, text, date="2025-03-24") == [("REJECT", ("USA",), ("G20",))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Maduro has accused the opposition of attempting a coup.",
            [("ACCUSE", ("VEN",), ("VEN",))],
        ),
        # a named person is not the bloc, and is of a state the text does not say
        (
            "After recognising opposition leader Juan Guaido as Venezuela's interim president, "
            "Washington imposed sanctions.",
            [("SUPPORT", ("USA",), ("VEN",))],
        ),
    ],
)
def test_the_opposition_belongs_to_the_government_it_faces(pipeline, text, expected):
    assert _triples(pipeline, text, date="2024-07-31") == expected


def test_an_accusation_the_accused_denied_is_still_an_accusation(pipeline):
    text = (
        "Armenia accused Ankara of sending Syrian mercenaries to fight on Azerbaijan's side, "
        "a charge Turkey denied."
    )
    assert _triples(pipeline, text, date="2020-11-10") == [
        ("ACCUSE", ("ARM",), ("TUR",)),
        ("REJECT", ("TUR",), ("ARM",)),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia deployed peacekeepers to Nagorno-Karabakh on Tuesday.",
            [("AID", ("RUS",), ("AZE",))],
        ),
        (
            "The first Russian peacekeepers began deploying to Armenia on Tuesday.",
            [("AID", ("RUS",), ("ARM",))],
        ),
        (
            "About 2,000 Russian peacekeepers were deployed to Armenia.",
            [("AID", ("RUS",), ("ARM",))],
        ),
        ("Russian troops deployed to Belarus on Tuesday.", [("MOBILIZE", ("RUS",), ("BLR",))]),
    ],
)
def test_peacekeepers_sent_or_deploying_are_aid(pipeline, text, expected):
    assert _triples(pipeline, text, date="2020-11-12") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the sentence is about another time: no guess at the story's month
        (
            "A similar standoff in September 2021, when Serbs blocked roads, ended after "
            "Kosovo sent police units north.",
            ["2021-09", None],
        ),
        ("Kosovo sent special police units to the north.", ["2022-11"]),
        # "since" marks how long, not when
        ("Kosovo sent special police units north for the first time since 2013.", ["2022-11"]),
    ],
)
def test_an_undated_act_in_a_sentence_about_another_time_is_undated(pipeline, text, expected):
    assert [e.date for e in pipeline.code_text(text, date="2022-11-24")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the year of the thing acted on is not the act's
        ("South Korea suspended part of a 2018 military agreement with North Korea.", ["2023-11"]),
        # "that evening" points back to an earlier day: no guess at the story's month
        (
            "Turkey's foreign minister flew to Cairo on March 18. The two leaders held talks "
            "that evening.",
            ["2023-03-18", None],
        ),
        # "since" on a noun trigger marks the gap, not the visit's time
        ("Erdogan made his first visit to Athens since 2017.", ["2023-11"]),
    ],
)
def test_times_that_belong_to_something_else_do_not_date_the_act(pipeline, text, expected):
    assert [e.date for e in pipeline.code_text(text, date="2023-11-23")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # diplomats and envoys serve their state or body wherever they are
        ("US diplomats in Moscow were expelled by Russia.", [("SANCTION", ("RUS",), ("USA",))]),
        ("Abiy received the AU envoys in Addis Ababa.", [("CONSULT", ("AU",), ("ETH",))]),
        # a people named by a demonym still belongs to where it lives
        (
            "Ethnic Albanians in south Serbia protested against Belgrade.",
            [("PROTEST", ("SRB",), ("SRB",))],
        ),
    ],
)
def test_officials_abroad_keep_their_state_residents_take_their_place(pipeline, text, expected):
    assert _triples(pipeline, text, date="2020-11-29") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow summoned the Estonian charge d'affaires.", [("ACCUSE", ("RUS",), ("EST",))]),
        ("Russia expelled the Estonian charge d'affaires.", [("SANCTION", ("RUS",), ("EST",))]),
    ],
)
def test_a_charge_daffaires_is_a_diplomat(pipeline, text, expected):
    assert _triples(pipeline, text, date="2022-07-01") == expected


def test_what_a_call_asks_for_is_not_an_act_even_parsed_as_a_purpose(pipeline):
    text = (
        "NATO Secretary General Jens Stoltenberg on Monday called on Russia to release the "
        "sailors and the ships at once, after the alliance's envoys held emergency talks with "
        "Ukrainian representatives in Brussels."
    )
    assert _triples(pipeline, text, date="2018-11-28") == [
        ("REQUEST", ("NATO",), ("RUS",)),
        ("CONSULT", ("NATO",), ("UKR",)),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The European Commission launched the procedure against Poland. Warsaw rejected "
            "the Commission's move.",
            [("REJECT", ("POL",), ("EU",))],
        ),
        # a name of its own is no repetition of "the Economic Community of West African States"
        (
            "The Economic Community of West African States met in Abuja. The United States "
            "paused its aid to Niger.",
            [("CONSULT", ("ECOWAS",), ("ECOWAS",)), ("SANCTION", ("USA",), ("NER",))],
        ),
    ],
)
def test_an_organization_is_named_again_by_the_last_word_of_its_name(pipeline, text, expected):
    assert _triples(pipeline, text, date="2023-08-10") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a story from Lima: Peru's Congress
        (
            "LIMA, Dec 12 - Protesters in Lima demanded that Congress be dissolved.",
            [("REQUEST", ("PER",), ("PER",))],
        ),
        # a story from Kathmandu: Nepal's House of Representatives
        (
            "KATHMANDU, June 13 - Nepal's parliament approved a new map. India rejected the "
            "House of Representatives decision.",
            [("REJECT", ("IND",), ("NPL",))],
        ),
        # a story about the United States: its Congress
        (
            "WASHINGTON, June 13 - China criticised Congress for the bill.",
            [("ACCUSE", ("CHN",), ("USA",))],
        ),
        # Iran has no Congress: still the US one
        (
            "VIENNA, July 14 - Iran agreed to limits on its programme. Iran criticised "
            "Congress for its threats against Iran.",
            [("ACCUSE", ("IRN",), ("USA",))],
        ),
    ],
)
def test_a_body_name_other_states_share_is_the_storys_own(pipeline, text, expected):
    assert _triples(pipeline, text, date="2022-12-12") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a government's protest is an official complaint to the other side
        (
            "India opened a road to Lipulekh in May. Kathmandu protested the next day.",
            [("ACCUSE", ("NPL",), ("IND",))],
        ),
        # people protesting are a demonstration
        (
            "Thousands of students protested in Kathmandu against the road.",
            [("PROTEST", ("NPL",), ("NPL",))],
        ),
    ],
)
def test_a_government_protests_by_complaining_people_by_demonstrating(pipeline, text, expected):
    assert _triples(pipeline, text, date="2020-06-13") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Riyadh gave the Canadian ambassador 24 hours to leave.",
            [("SANCTION", ("SAU",), ("CAN",))],
        ),
        # a deadline to do anything else is an ultimatum
        (
            "The European Commission gave the Polish government three months to amend the laws.",
            [("THREATEN", ("EU",), ("POL",))],
        ),
        # time off is no deadline
        ("The company gave its workers two days off.", []),
    ],
)
def test_a_deadline_given_is_an_expulsion_or_an_ultimatum(pipeline, text, expected):
    assert _triples(pipeline, text, date="2020-11-29") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # offered support in words: support, to the indirect object
        (
            "German Chancellor Angela Merkel offered the Netherlands her full support and "
            "solidarity on Monday.",
            [("SUPPORT", ("DEU",), ("NLD",))],
        ),
        ("France expressed support for Armenia.", [("SUPPORT", ("FRA",), ("ARM",))]),
    ],
)
def test_support_offered_in_words_is_support(pipeline, text, expected):
    assert _triples(pipeline, text, date="2017-03-13") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # celebrations are no protest; a protest is
        ("Crowds poured into the streets of Khartoum to celebrate.", []),
        (
            "Thousands poured into the streets of Tehran to protest against the deal.",
            [("PROTEST", ("IRN",), ("IRN",))],
        ),
        # a price charged is no charge brought
        ("Pakistan did not charge them its 20-dollar service fee on Saturday.", []),
        # denouncing a treaty renounces it; denouncing it *as* something criticises it
        ("Russia denounced the treaty with Ukraine.", [("SANCTION", ("RUS",), ("UKR",))]),
    ],
)
def test_words_that_undo_a_trigger(pipeline, text, expected):
    assert _triples(pipeline, text, date="2015-07-14") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the speaker urges, not the ruling it called binding
        (
            "Washington said the ruling was final and legally binding and urged China and the "
            "Philippines to comply with it.",
            [("REQUEST", ("USA",), ("CHN", "PHL"))],
        ),
        # the second thing urged is asked for too, not done
        (
            "Pompeo urged the Taliban to keep their promises and to cut their ties with al-Qaeda.",
            [("REQUEST", ("USA",), ("AFG",))],
        ),
        # an offer to negotiate
        (
            "The government of President Rodrigo Duterte has said it is open to direct talks "
            "with Beijing over the dispute.",
            [("AGREE", ("PHL",), ("CHN",))],
        ),
        # an attack in words on a government, and one with force on positions
        (
            "South Korea's main opposition party attacked the government, saying the agreement "
            "had been reached without the consent of the victims.",
            [("ACCUSE", ("KOR",), ("KOR",))],
        ),
        (
            "Russian troops attacked government positions near Kharkiv.",
            [("ASSAULT", ("RUS",), ("UKR",))],
        ),
    ],
)
def test_constructions_from_rounds_thirty_three_to_thirty_six(pipeline, text, expected):
    assert _triples(pipeline, text, date="2016-07-13") == expected


def test_a_sentence_opening_he_is_the_last_sentences_subject_not_a_person_in_its_clause(pipeline):
    text = (
        "Milei, who was welcomed at the airport by Israel's Foreign Minister Israel Katz, told "
        "him that his plan was to move the embassy. The next day he held talks in Jerusalem "
        "with Prime Minister Benjamin Netanyahu."
    )
    consults = [t for t in _triples(pipeline, text, date="2024-02-13") if t[0] == "CONSULT"]
    assert consults == [("CONSULT", ("ARG",), ("ISR",))]


def test_a_person_pronoun_in_the_actors_own_clause_is_someone_else(pipeline):
    text = (
        "The next day Milei held talks in Jerusalem with Prime Minister Benjamin Netanyahu, who "
        "thanked him for the decision."
    )
    assert _triples(pipeline, text, date="2024-02-13") == [
        ("CONSULT", ("ARG",), ("ISR",)),
        ("SUPPORT", ("ISR",), ("ARG",)),
    ]


def test_an_unknown_military_body_is_the_storys_military_not_a_non_state_actor(pipeline):
    text = (
        "N'DJAMENA, April 23 - Chad's army announced the death of President Idriss Deby on "
        "Tuesday. The Transitional Military Council also imposed a night-time curfew."
    )
    assert _triples(pipeline, text, date="2021-04-23") == [("COERCE", ("TCD",), ("TCD",))]


def _coded(pipeline, text, date):
    return [
        (e.event, e.cameo, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient))
        for e in pipeline.code_text(text, date=date)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Phoenix's CAMEO 2.0 verb dictionary: URGE/ASK/CALL ON are appeals, DEMAND a demand
        ("Egypt urged Ethiopia to delay filling the dam.", ("REQUEST", "020", ("EGY",), ("ETH",))),
        ("The EU called on Russia to withdraw its troops.", ("REQUEST", "020", ("EU",), ("RUS",))),
        (
            "China demanded that the United States cancel the arms sale.",
            ("REQUEST", "100", ("CHN",), ("USA",)),
        ),
        # a pessimistic comment, a denial of responsibility, an empathetic comment
        (
            "France expressed concern about the fighting in Libya.",
            ("ACCUSE", "012", ("FRA",), ("LBY",)),
        ),
        (
            "Russia denied the accusation by Ukraine that it had shelled the town.",
            ("REJECT", "016", ("RUS",), ("UKR",)),
        ),
        (
            "Brazil expressed condolences to Bangladesh over the fire.",
            ("SUPPORT", "018", ("BRA",), ("BGD",)),
        ),
    ],
)
def test_cameo_codes_tell_appeals_comments_and_denials_from_demands_and_rejections(
    pipeline, text, expected
):
    assert _coded(pipeline, text, "2020-05-01") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman for the Kremlin declined to comment.",
        "Abbott has neither confirmed nor denied the reports.",
        "Analysts warn that the row could hamper regional cooperation against al-Shabab.",
    ],
)
def test_declining_comment_a_neither_nor_denial_and_commentary_are_no_events(pipeline, text):
    assert _coded(pipeline, text, "2020-05-01") == []


def test_it_in_a_clause_under_a_states_clause_is_that_state(pipeline):
    text = (
        "China has imposed tariffs of more than 80 percent on Australian barley, a week after "
        "it suspended beef imports from four Australian abattoirs."
    )
    assert _triples(pipeline, text, date="2020-05-20") == [("SANCTION", ("CHN",), ("AUS",))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The US mission later suspended visa interviews across Russia.",
            ("SANCTION", "161", ("USA",), ("RUS",)),
        ),
        (
            "The United States ordered Russia to close its consulate in San Francisco.",
            ("SANCTION", "161", ("USA",), ("RUS",)),
        ),
        (
            "Germany ordered the closure of four of Russia's five consulates in the country.",
            ("SANCTION", "161", ("DEU",), ("RUS",)),
        ),
        (
            "Reports said Australia had tapped the phone of the president. Indonesia called its "
            "ambassador home for consultations.",
            ("SANCTION", "161", ("IDN",), ("AUS",)),
        ),
    ],
)
def test_cuts_in_visas_missions_and_envoys_are_sanctions(pipeline, text, expected):
    assert _coded(pipeline, text, "2017-08-31") == [expected]


def test_an_announced_recall_of_ones_own_envoy_is_a_decision_not_a_threat(pipeline):
    text = "France will bring its ambassador home from Niger, President Emmanuel Macron said."
    [event] = pipeline.code_text(text, date="2023-09-25")
    assert (event.event, event.cameo, event.aux) == ("SANCTION", "161", "future")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a travel advisory cuts travel to the destination; it threatens no one
        (
            "Washington warned Americans not to travel to Cuba.",
            [("SANCTION", "163", ("USA",), ("CUB",))],
        ),
        (
            "Beijing warned Chinese citizens against travelling to the Philippines.",
            [("SANCTION", "163", ("CHN",), ("PHL",))],
        ),
        # "weeks later" is no subject of the second verb
        (
            "Rwanda closed the crossing in February, and weeks later advised its citizens not "
            "to travel to Uganda.",
            [("COERCE", "191", ("RWA",), ()), ("SANCTION", "163", ("RWA",), ("UGA",))],
        ),
        # NATO's Kosovo force
        (
            "Prime Minister Albin Kurti urged KFOR to remove the barricades.",
            [("REQUEST", "020", ("XKX",), ("NATO",))],
        ),
        # what is fought against crime is no battle
        ("The two ministers agreed to cooperate in the fight against crime.", []),
    ],
)
def test_travel_advisories_time_spans_missions_and_policy_fights(pipeline, text, expected):
    assert _coded(pipeline, text, "2017-10-03") == expected


def test_stopping_short_of_an_act_negates_it(pipeline):
    text = "The United States stopped short of blaming the Cuban government for the incidents."
    assert _coded(pipeline, text, "2017-10-03") == [("ACCUSE", "111", ("USA",), ("CUB",))]
    assert [e.aux for e in pipeline.code_text(text, date="2017-10-03")] == ["negated"]


def test_an_act_with_no_object_done_is_negated(pipeline):
    text = "The CSTO sent no troops to Armenia."
    assert _coded(pipeline, text, "2022-09-14") == [("MOBILIZE", "154", ("CSTO",), ("ARM",))]
    assert [e.aux for e in pipeline.code_text(text, date="2022-09-14")] == ["negated"]


def test_an_act_whose_subject_is_no_one_is_negated(pipeline):
    text = "No Afghan soldiers were killed when Taliban fighters attacked the base in Kandahar."
    got = [(e.event, e.cameo, e.aux) for e in pipeline.code_text(text, date="2021-05-02")]
    # "No fewer than 20 soldiers" is no such subject (see the next sentence)
    assert got == [("ASSAULT", "1823", "negated"), ("ASSAULT", "190", None)]
    text = "No fewer than 20 Afghan soldiers were killed in Kandahar."
    assert [e.aux for e in pipeline.code_text(text, date="2021-05-02")] == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cut in ties resolved to the actor itself targets the other state named
        (
            "LIMA, Dec 21 - Peru expelled Mexico's envoy on Monday and downgraded relations to "
            "the level of charge d'affaires.",
            [("SANCTION", "166", ("PER",), ("MEX",)), ("SANCTION", "161", ("PER",), ("MEX",))],
        ),
        # being worried about a state's acts is a pessimistic comment on it; no target, no event
        (
            "Japan is worried about China's military drills near Taiwan.",
            [("ACCUSE", "012", ("JPN",), ("CHN",))],
        ),
        ("Residents were worried about the floods.", []),
        # rejecting claims *that* something happened is a denial; a claim to territory is not
        (
            "Moscow dismissed Kyiv's claims that Russian drones had struck the port.",
            [("REJECT", "016", ("RUS",), ("UKR",))],
        ),
        ("Ukraine rejected Russia's claims to Crimea.", [("REJECT", "120", ("UKR",), ("RUS",))]),
        # tanks or goods that arrive are no visit; a minister who arrives is
        ("The first Abrams tanks have arrived in Ukraine, President Volodymyr Zelensky said.", []),
        ("Blinken arrived in Beijing on Sunday.", [("CONSULT", "042", ("USA",), ("CHN",))]),
        # a diplomatic campaign is no attack; an air campaign is
        (
            "Lithuania launched a diplomatic campaign in European capitals to rally support for "
            "Kyiv.",
            [],
        ),
        (
            "Russia launched an air campaign against Ukrainian cities.",
            [("ASSAULT", "190", ("RUS",), ("UKR",))],
        ),
        # political parties suspended are banned; a state suspended is sanctioned
        (
            "Mali's junta suspended all political parties until further notice.",
            [("COERCE", "1722", ("MLI",), ("MLI",))],
        ),
        (
            "The African Union suspended Mali after the coup.",
            [("SANCTION", "161", ("AU",), ("MLI",))],
        ),
        # an offer of troops for a UN force is an intent, troops readied for a border a threat
        (
            "Indonesia offered to send an infantry battalion to the expanded UN force in Lebanon.",
            [("AGREE", "030", ("IDN",), ("UN",))],
        ),
        (
            "Russia is ready to send troops to the border with Ukraine.",
            [("THREATEN", "130", ("RUS",), ("UKR",))],
        ),
        # violating a truce is fighting (CAMEO 196)
        (
            "Syrian government forces shelled rebel-held Douma, violating a Russian-brokered "
            "truce.",
            [("ASSAULT", "196", ("SYR",), ("SYR",))],
        ),
    ],
)
def test_comments_denials_arrivals_campaigns_bans_offers_and_truces(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-11") == expected


def test_violating_a_law_stays_defiance(pipeline):
    # the ceasefire entry above takes truces only (its recipient is not checked here: the
    # defiance entry's slots find none but the actor)
    text = "Hungary violated the EU treaty, the European Commission said."
    assert [c[:2] for c in _coded(pipeline, text, "2024-06-11")] == [("REJECT", "128")]


def test_telling_reporters_by_phone_is_no_call(pipeline):
    text = (
        "Militants attacked a police post in Bannu on Sunday, a spokesman for the group told "
        "reporters by telephone from an undisclosed location in Pakistan's tribal areas."
    )
    assert "CONSULT" not in [e.event for e in pipeline.code_text(text)]


def test_a_particle_makes_a_place_name_part_of_a_surname(pipeline):
    sdoc = pipeline.nlp("Del Rosario flew to Rosario, then to Washington.")
    found = [
        (sdoc[m.start : m.end].text, m.actor.code) for m in pipeline.coder.resolver.find_all(sdoc)
    ]
    assert found == [("Rosario", "ARG"), ("Washington", "USA")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Germany gave 352 million euros to Ethiopia.", [("AID", "071", ("DEU",), ("ETH",))]),
        (
            "India extended a $1 billion credit line to Sri Lanka.",
            [("AID", "071", ("IND",), ("LKA",))],
        ),
        # a release of unmarked prisoners frees the government's own people
        (
            "Venezuela freed five political prisoners on Wednesday.",
            [("RETREAT", "0841", ("VEN",), ("VEN",))],
        ),
        (
            "Uganda released a group of detained Rwandans in early 2020.",
            [("RETREAT", "0841", ("UGA",), ("RWA",))],
        ),
        # the tokenizer's "cease-fire" is a ceasefire
        (
            "Afghan President Ashraf Ghani announced a weeklong cease-fire with the Taliban.",
            [("RETREAT", "0871", ("AFG",), ("AFG",))],
        ),
        # the sanctions' target is named on their participle
        (
            "The U.N. Security Council lifted sanctions imposed on Eritrea nine years ago.",
            [("RETREAT", "085", ("UN",), ("ERI",))],
        ),
        # what a call asks for is not done
        (
            "Somalia backed calls for the UN Security Council to lift the sanctions on Eritrea.",
            [],
        ),
    ],
)
def test_money_releases_ceasefires_and_lifted_sanctions(pipeline, text, expected):
    assert _coded(pipeline, text, "2020-05-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person the knowledge base lacks is placed by a demonym in apposition, and keeps
        # that place when named again
        (
            "Cuba freed Alan Gross, an American aid contractor.",
            [("RETREAT", "0841", ("CUB",), ("USA",))],
        ),
        (
            "A Turkish court freed the American pastor Andrew Brunson on Friday. The court "
            "in Aliaga had convicted Brunson of aiding terrorism.",
            [("RETREAT", "0841", ("TUR",), ("USA",)), ("SANCTION", "116", ("TUR",), ("USA",))],
        ),
        # "Hague" after William Hague is the man, not The Hague
        (
            "Foreign Secretary William Hague spoke in London. Hague told parliament that Iran "
            "had been warned.",
            [("THREATEN", "130", ("GBR",), ("IRN",))],
        ),
        # "pressed ahead" is no demand
        ("Moscow pressed ahead with the measures against Georgia.", []),
    ],
)
def test_unknown_people_placed_by_demonyms_and_surnames_that_are_places(pipeline, text, expected):
    assert _coded(pipeline, text, "2018-10-13") == expected


def test_he_coordinated_after_he_is_the_same_person(pipeline):
    text = (
        "Trump praised the summit with Kim Jong Un. He also thanked China, and he has said he "
        "will meet Kim himself."
    )
    consults = [t for t in _triples(pipeline, text, date="2018-04-27") if t[0] == "CONSULT"]
    assert consults == [("CONSULT", ("USA",), ("PRK",))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the state that "would take measures" is the actor's own: the threat is aimed across
        (
            "Morocco let thousands of migrants into Ceuta. Albares warned that Madrid would "
            "take whatever measures it considered necessary.",
            ("THREATEN", ("ESP",), ("MAR",)),
        ),
        # a threat of a curfew is aimed at home
        (
            "President Bouteflika threatened to institute a curfew in Algiers.",
            ("THREATEN", ("DZA",), ("DZA",)),
        ),
    ],
)
def test_a_threat_that_the_actors_own_state_will_act_is_aimed_at_the_other_side(
    pipeline, text, expected
):
    threats = [t for t in _triples(pipeline, text, date="2021-05-18") if t[0] == "THREATEN"]
    assert threats == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an exchange programme cut with another state is a sanction on it, not a concession
        (
            "Beijing also suspended some of its exchange programmes with Vietnam.",
            [("SANCTION", "160", ("CHN",), ("VNM",))],
        ),
        # an attack in words is criticism
        (
            "Yusuf al-Qaradawi, a cleric in Doha, attacked the Emirates in remarks aired on "
            "Qatari state television.",
            [("ACCUSE", "111", ("QAT",), ("ARE",))],
        ),
        # a jet is a military body
        (
            "An Ivorian Sukhoi jet struck a French military camp in Bouake.",
            [("ASSAULT", "190", ("CIV",), ("FRA",))],
        ),
    ],
)
def test_exchange_cuts_verbal_attacks_and_jets(pipeline, text, expected):
    assert _coded(pipeline, text, "2014-05-19") == expected


@pytest.mark.parametrize(
    "text",
    [
        # a deal struck, refugees hosted, an asylum claim: no blow, no meeting, no charge
        "The deal was struck in Brussels by the leaders of the bloc and Turkey's prime minister.",
        "Turkey, a country that hosts more than 2.5 million Syrian refugees, stayed silent.",
        "Nobody should be sent back without a fair examination of their asylum claim.",
    ],
)
def test_struck_deals_hosted_refugees_and_asylum_claims_are_no_events(pipeline, text):
    assert _coded(pipeline, text, "2016-03-19") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a refusal that names no one answers the other side ...
        (
            "Serbia asked the European Union to drop the visa rule, but Brussels refused to "
            "discuss it.",
            [("REQUEST", "020", ("SRB",), ("EU",)), ("REJECT", "120", ("EU",), ("SRB",))],
        ),
        # ... and with no other side, the refuser's own
        (
            "Prime Minister Robert Fico declined to resign despite the protests.",
            [("REJECT", "120", ("SVK",), ("SVK",))],
        ),
        # an unrecognised ruling is refused; "calling the court biased" asks for nothing
        (
            "Ghana said it would not recognise the International Court of Justice's ruling, "
            "calling the judges biased.",
            [("REJECT", "120", ("GHA",), ("ICJ",))],
        ),
        # calls brushed aside
        (
            "Colombia's president brushed aside calls from Washington for a change of course.",
            [("REJECT", "123", ("COL",), ("USA",))],
        ),
        # a vetoed resolution is the Council's
        (
            "China vetoed a Security Council resolution on Myanmar.",
            [("REJECT", "120", ("CHN",), ("UN",))],
        ),
    ],
)
def test_refusals_answer_the_other_side_or_the_refusers_own(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the agent of a passive light verb
        (
            "New sanctions on Syria were imposed by the European Union.",
            [("SANCTION", "163", ("EU",), ("SYR",))],
        ),
        # an envoy recalled with no agent: by his own state, from where he is posted
        (
            "The Lithuanian ambassador in Minsk was recalled for consultations.",
            [("SANCTION", "161", ("LTU",), ("BLR",))],
        ),
        # a border *with* a state points at that state
        (
            "Poland moved two brigades to its border with Belarus.",
            [("MOBILIZE", "154", ("POL",), ("BLR",))],
        ),
        # troops from two states
        (
            "Troops from Kenya and Uganda began a joint exercise near Lake Victoria.",
            [("COOPERATE", "062", ("KEN", "UGA"), ("KEN", "UGA"))],
        ),
        # a meeting that frames the clause
        (
            "During talks with Narendra Modi, Anthony Albanese welcomed India's new trade offer.",
            [("CONSULT", "046", ("AUS",), ("IND",)), ("SUPPORT", "051", ("AUS",), ("IND",))],
        ),
    ],
)
def test_passive_agents_recalled_envoys_borders_and_framing_meetings(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chad turned to the African Union for help.", [("REQUEST", "020", ("TCD",), ("AU",))]),
        (
            "Gabon invited the African Union to mediate between the junta and the opposition.",
            [("REQUEST", "028", ("GAB",), ("AU",))],
        ),
        (
            "Hungary lashed out at the European Commission over the frozen funds.",
            [("ACCUSE", "111", ("HUN",), ("EU",))],
        ),
        (
            "Rwanda's decision drew a furious reaction from Kinshasa.",
            [("ACCUSE", "111", ("COD",), ("RWA",))],
        ),
        (
            "Bolivian positions came under rocket fire from Paraguayan troops.",
            [("ASSAULT", "190", ("PRY",), ("BOL",))],
        ),
        (
            "Thai police tipped off Malaysian officers about the smuggling ring.",
            [("COOPERATE", "064", ("THA",), ("MYS",))],
        ),
        (
            "Officials from Chile and Peru resumed haggling over the fishing quotas.",
            [("CONSULT", "046", ("CHL", "PER"), ("CHL", "PER"))],
        ),
        (
            "Vietnam restored visa-free entry for Chinese tourists.",
            [("CONCEDE", "081", ("VNM",), ("CHN",))],
        ),
        (
            "Sweden froze $20 million in development aid to Mali.",
            [("SANCTION", "162", ("SWE",), ("MLI",))],
        ),
        (
            "Detained activists in Bahrain have refused food for a month.",
            [("PROTEST", "142", ("BHR",), ("BHR",))],
        ),
        (
            "Iranian commandos seized a Liberian-flagged tanker in the Gulf of Oman.",
            [("COERCE", "1711", ("IRN",), ("LBR",))],
        ),
        (
            "The interior minister ordered 2,000 police officers into Dakar.",
            [("MOBILIZE", "154", ("SEN",), ("SEN",))],
        ),
    ],
)
def test_round_46_phrasings(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unplaced armed group is a non-state actor
        (
            "Gunmen abducted two Turkish engineers near the mine.",
            [("ASSAULT", "181", ("NSA",), ("TUR",))],
        ),
        # an act another party names as a wrong is its criticism of the doer
        (
            "Azerbaijani troops shelled Armenian villages in what Yerevan called an act of "
            "aggression.",
            [("ASSAULT", "190", ("AZE",), ("ARM",)), ("ACCUSE", "111", ("ARM",), ("AZE",))],
        ),
        # the act a threat holds out is threatened, not done
        (
            "Washington's threat to impose sanctions on Caracas was made public on Monday.",
            [("THREATEN", "130", ("USA",), ("VEN",))],
        ),
        # the Jordan Valley is in the West Bank
        (
            "Israeli bulldozers demolished Palestinian homes in the Jordan Valley.",
            [("ASSAULT", "1712", ("ISR",), ("PSE",))],
        ),
    ],
)
def test_armed_groups_named_wrongs_threat_nouns_and_the_jordan_valley(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-11") == expected


def test_a_guilty_verdict_is_a_conviction(pipeline):
    # PLOVER SANCTION convict (CAMEO 116), as the development gold codes verdicts
    text = "A Belarusian court found a Polish journalist guilty of treason and sentenced him."
    assert _coded(pipeline, text, "2024-06-11") == [("SANCTION", "116", ("BLR",), ("POL",))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenyan officials heaped praise on Ethiopia's peace plan.",
            [("SUPPORT", "051", ("KEN",), ("ETH",))],
        ),
        (
            "Serbia leapt to Hungary's defence at the summit.",
            [("SUPPORT", "052", ("SRB",), ("HUN",))],
        ),
        (
            "Qatar offered to mediate between Sudan's army and the paramilitaries.",
            [("AGREE", "039", ("QAT",), ("SDN",))],
        ),
        (
            "Spain flew 90 Moroccan migrants back to Tangier.",
            [("COERCE", "174", ("ESP",), ("MAR",))],
        ),
        (
            "A court in Bangkok dissolved the main opposition party.",
            [("COERCE", "1722", ("THA",), ("THA",))],
        ),
        (
            "Iranian police subjected the detained British sailors to beatings.",
            [("ASSAULT", "1822", ("IRN",), ("GBR",))],
        ),
        (
            "Guyana took Venezuela to the International Court of Justice.",
            [("ACCUSE", "115", ("GUY",), ("VEN",))],
        ),
        (
            "Israeli jets struck Gaza overnight, and Hamas vowed that the attack would not go "
            "unanswered.",
            [
                ("ASSAULT", "190", ("ISR",), ("PSE",)),
                ("THREATEN", "138", ("PSE",), ("ISR",)),
                ("ASSAULT", "190", ("ISR",), ("PSE",)),
            ],
        ),
        (
            "Polish truckers blocked the highway to Lviv.",
            [("PROTEST", "144", ("POL",), ("POL",))],
        ),
    ],
)
def test_round_47_phrasings(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negated "rule out" holds the act out: a threat
        (
            "Seoul did not rule out recalling its ambassador from Tokyo.",
            [("THREATEN", "1313", ("KOR",), ("JPN",))],
        ),
        # "insisted that X lift" demands; "insisted that it had done nothing" asserts
        (
            "Iran insisted that the United States lift its sanctions first.",
            [("REQUEST", "100", ("IRN",), ("USA",))],
        ),
        ("Iran insisted that it had done nothing wrong.", []),
        # who claimed an attack is its actor
        (
            "A car bomb killed nine soldiers in Mogadishu in an attack claimed by al-Shabaab.",
            [("ASSAULT", "1823", ("SOM",), ("SOM",))],
        ),
        # an unplaced armed group is NSA on either side
        (
            "The Malian army clashed with rebels in the north.",
            [("ASSAULT", "190", ("MLI",), ("NSA",))],
        ),
        # a state bringing its own citizens home deports no one
        ("Iraq flew 400 of its citizens home from Minsk.", []),
    ],
)
def test_ruled_out_insisted_claimed_armed_groups_and_repatriation(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # fire "over" something is criticism
        (
            "Hungary's prime minister came under fire from the European Parliament over the "
            "media law.",
            [("ACCUSE", "111", ("EU",), ("HUN",))],
        ),
        # bare "Congo" is the Democratic Republic; Brazzaville's is the Republic of Congo
        (
            "Congo accused Rwanda of backing the rebels.",
            [("ACCUSE", "112", ("COD",), ("RWA",))],
        ),
        (
            "The Republic of Congo signed a trade deal with France.",
            [("SUPPORT", "057", ("COG",), ("FRA",))],
        ),
        # warplanes sent into the skies around a state
        (
            "Russia sent warplanes into the skies around Finland.",
            [("MOBILIZE", "154", ("RUS",), ("FIN",))],
        ),
    ],
)
def test_fire_over_a_matter_congo_and_warplanes_sent(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Arab League suspended Syria after its members accused Damascus of killing "
            "protesters.",
            [("SANCTION", "161", ("ARL",), ("SYR",)), ("ACCUSE", "112", ("ARL",), ("SYR",))],
        ),
        (
            "The African Union suspended Guinea, and its members closed their borders with the "
            "country.",
            [("SANCTION", "161", ("AU",), ("GIN",)), ("COERCE", "191", ("AU",), ("GIN",))],
        ),
    ],
)
def test_its_on_a_subject_under_another_clause_is_that_clauses_subject(pipeline, text, expected):
    # not the last state named (it was Syria's, Guinea's)
    assert _coded(pipeline, text, "2024-06-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # energy flowing through a pipeline is economic cooperation
        (
            "Algeria began pumping natural gas to Italy through the new pipeline on Monday.",
            [("COOPERATE", "061", ("DZA",), ("ITA",))],
        ),
        # inspectors let in: the inspecting body is the recipient
        (
            "North Korea allowed IAEA inspectors into the Yongbyon complex.",
            [("RETREAT", "0862", ("PRK",), ("IAEA",))],
        ),
        # combat aircraft handed to another state's forces are military aid
        (
            "France delivered six Rafale fighter jets to Greece on Tuesday.",
            [("AID", "070", ("FRA",), ("GRC",))],
        ),
        # patrols and training held jointly are military cooperation between the partners
        (
            "The navies of Kenya and Tanzania began joint patrols off the coast.",
            [("COOPERATE", "062", ("KEN", "TZA"), ("KEN", "TZA"))],
        ),
        # looted objects given back are returned property
        (
            "Belgium returned looted statues to Congo on Friday.",
            [("RETREAT", "0842", ("BEL",), ("COD",))],
        ),
    ],
)
def test_material_cooperation_phrasings(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an extradition *to* a state is judicial cooperation with it
        (
            "Portugal extradited a former Brazilian banker to Brazil on Monday.",
            [("COOPERATE", "063", ("PRT",), ("BRA",))],
        ),
        (
            "Ghana handed over a suspected militant to the International Criminal Court.",
            [("COOPERATE", "063", ("GHA",), ("ICC",))],
        ),
        # freed prisoners handed over stay a release
        (
            "India freed 12 Pakistani fishermen and handed them over to Pakistani officials.",
            [("RETREAT", "0841", ("IND",), ("PAK",))],
        ),
    ],
)
def test_extraditions_and_handed_over_suspects_are_judicial_cooperation(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-11") == expected


def test_a_passive_extradition_goes_to_the_state_named_not_to_the_person_extradited(pipeline):
    text = "A Georgian man wanted in France was extradited to Paris by the Spanish authorities."
    assert _coded(pipeline, text, "2024-06-11") == [("COOPERATE", "063", ("ESP",), ("FRA",))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Canada froze the assets of three Iranian banks on Friday.",
            [("SANCTION", "163", ("CAN",), ("IRN",))],
        ),
        ("Japan froze Russian assets worth $2 billion.", [("SANCTION", "163", ("JPN",), ("RUS",))]),
        # a government freezing its own spending is no sanction
        ("The government froze its own spending.", []),
    ],
)
def test_frozen_assets_are_sanctions_on_their_owner(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rwanda said it had forgiven France for its role in the genocide.",
            [("SUPPORT", "056", ("RWA",), ("FRA",))],
        ),
        # exercises to be resumed are promised military cooperation
        (
            "Greece will resume joint naval exercises with Egypt next year.",
            [("AGREE", "031", ("GRC",), ("EGY",))],
        ),
    ],
)
def test_forgiveness_and_resumed_exercises(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # regret *for* one's own past is an apology; regret *at* another's act is criticism
        (
            "The Dutch king expressed deep regret for the Netherlands' colonial violence.",
            [("SUPPORT", "055", ("NLD",), ())],
        ),
        (
            "The EU expressed regret at Russia's withdrawal from the treaty.",
            [("ACCUSE", "111", ("EU",), ("RUS",))],
        ),
    ],
)
def test_regret_for_is_an_apology_and_regret_at_a_criticism(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # captives handed back are released
        (
            "Azerbaijan handed over two Armenian soldiers to Armenia.",
            [("RETREAT", "0841", ("AZE",), ("ARM",))],
        ),
        # an extradition with no destination named is cooperation with the person's state
        (
            "Italy extradited a Tunisian smuggler wanted for people trafficking.",
            [("COOPERATE", "063", ("ITA",), ("TUN",))],
        ),
        # goods flown in are aid; refuge granted is asylum
        (
            "Japanese military aircraft flew tents and medicine to Nepal.",
            [("AID", "070", ("JPN",), ("NPL",))],
        ),
        (
            "Oman granted refuge to the deposed Yemeni president.",
            [("AID", "075", ("OMN",), ("YEM",))],
        ),
    ],
)
def test_handovers_extraditions_airlifts_and_refuge(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a denial of a role, or of an act named by a gerund, is a denial (CAMEO 016), not a
        # refusal (120) aimed at oneself
        ("Hamas denied any role in the rocket fire.", [("REJECT", "016", ("PSE",), ())]),
        ("Belarus denied sending migrants to the border.", [("REJECT", "016", ("BLR",), ())]),
        # rallying support or leaders is no street protest
        ("Kenya rallied African leaders behind its candidate.", []),
        ("The African Union has rallied behind its member.", []),
        (
            "Thousands of Chileans rallied outside parliament in Valparaiso.",
            [("PROTEST", "141", ("CHL",), ("CHL",))],
        ),
    ],
)
def test_denials_and_rallies(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a leader giving up power concedes to the own country (CAMEO 0831)
        (
            "Sri Lanka's prime minister stepped down on Monday.",
            [("CONCEDE", "0831", ("LKA",), ("LKA",))],
        ),
        # a resignation asked for, weighed or set as a condition is no resignation
        ("The opposition called on the Peruvian president to resign.", []),
        ("The Kenyan minister weighed whether to resign.", []),
        ("Serbian lawmakers said they would boycott parliament until the government resigned.", []),
    ],
)
def test_resignations_are_concessions_only_when_they_happen(pipeline, text, expected):
    assert [e for e in _coded(pipeline, text, "2024-06-11") if e[1] == "0831"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the demand a protest voices is what the protest is about
        (
            "Thousands of Kenyans marched in Nairobi, demanding that the government scrap the tax.",
            [("PROTEST", "141", ("KEN",), ("KEN",))],
        ),
        (
            "A jailed Iranian lawyer began a hunger strike, demanding access to her children.",
            [("PROTEST", "142", ("IRN",), ("IRN",))],
        ),
        # a demand made by someone who is not protesting stays a demand
        (
            "Kenya's opposition leader demanded that the government scrap the tax.",
            [("REQUEST", "100", ("KEN",), ("KEN",))],
        ),
    ],
)
def test_a_demand_voiced_by_a_protest_is_the_protest(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-11") == expected


def test_prisoners_held_in_another_state_keep_their_own_code(pipeline):
    text = "Afghan prisoners in Iranian jails began a hunger strike on Monday."
    assert _coded(pipeline, text, "2024-06-11") == [("PROTEST", "142", ("AFG",), ("AFG",))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an act in doubt that the speaker would not comment on is no event
        (
            "A Chinese spokesman declined to comment on reports that Xi could visit Moscow.",
            [],
        ),
        (
            "Turkey would not say whether its jets had bombed Kurdish militants in northern Iraq.",
            [],
        ),
        # the same act told as fact is coded
        (
            "Turkish jets bombed Kurdish militants in northern Iraq.",
            [("ASSAULT", "190", ("TUR",), ("IRQ",))],
        ),
    ],
)
def test_acts_nobody_would_comment_on_are_not_coded(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a named town seized is territory taken from its state (CAMEO 190/192), not property
        (
            "Tuareg rebels seized Kidal in northern Mali.",
            [("ASSAULT", "190", ("MLI",), ("MLI",))],
        ),
        ("Russian troops captured the town of Avdiivka.", [("ASSAULT", "190", ("RUS",), ("UKR",))]),
        # assets seized stay a seizure of property, aimed at their owner
        ("The United States seized Iranian assets.", [("COERCE", "1711", ("USA",), ("IRN",))]),
    ],
)
def test_seized_towns_are_territory_taken_from_their_state(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a vow to act is an intent; a vow that something will (not) be states resolve
        (
            "Kenya vowed to rebuild the bridge with Tanzania.",
            [("AGREE", "030", ("KEN",), ("TZA",))],
        ),
        ("The Chinese premier vowed that Beijing would never give up its claim.", []),
        # a vow that the other side will pay is a threat
        (
            "The Iraqi militia vowed that the United States would pay a heavy price.",
            [("THREATEN", "138", ("IRQ",), ("USA",))],
        ),
    ],
)
def test_vows_of_intent_resolve_and_revenge(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an instruction to one's own services is no demand on anyone
        ("The Japanese prime minister told his ministry to find other suppliers.", []),
        # telling another state to act is
        (
            "Ghana told Togo to close the border crossing.",
            [("REQUEST", "100", ("GHA",), ("TGO",))],
        ),
    ],
)
def test_telling_ones_own_services_is_no_demand(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a city taken control of is territory taken from its state
        (
            "Houthi fighters took control of Sanaa in September.",
            [("ASSAULT", "190", ("YEM",), ("YEM",))],
        ),
        # civilians seized by gunmen are abducted
        (
            "Gunmen seized three Chinese engineers near Abuja.",
            [("ASSAULT", "181", ("NGA",), ("CHN",))],
        ),
        # people deported "from" a state were deported by it
        (
            "Hundreds of Haitian migrants were deported from the Dominican Republic.",
            [("COERCE", "174", ("DOM",), ("HTI",))],
        ),
    ],
)
def test_places_taken_people_seized_and_deported_from(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-11") == expected


def test_an_act_whose_named_doer_no_one_places_is_left_out(pipeline):
    from dataclasses import replace

    from thucydides.pipeline import Pipeline

    text = "Hackers attacked Estonian government websites."
    assert _coded(pipeline, text, "2007-04-28") == []
    # the quad-class reading keeps it: what was done decides the class
    keeping = Pipeline(replace(pipeline.config, unplaced_agents=True))
    assert _coded(keeping, text, "2007-04-28") == [("ASSAULT", "190", (), ("EST",))]


def test_an_agentless_passive_is_still_coded(pipeline):
    text = "Hundreds of people were detained in Estonia over two nights of unrest."
    assert _coded(pipeline, text, "2007-04-28") == [("COERCE", "173", (), ("EST",))]


@pytest.mark.parametrize(
    "text",
    [
        "Orban was received by Putin in the Kremlin on Friday.",
        "Putin received Orban in the Kremlin on Friday.",
    ],
)
def test_the_guest_received_is_the_actor_in_either_voice(pipeline, text):
    assert _coded(pipeline, text, "2024-07-05") == [("CONSULT", "043", ("HUN",), ("RUS",))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Last week, thousands of people rallied in Mogadishu, waving Somali flags and "
            "chanting against Ethiopia.",
            [("PROTEST", "141", ("SOM",), ("ETH",))],
        ),
        (
            "Hundreds of protesters marched through Niamey, chanting slogans against France.",
            [("PROTEST", "141", ("NER",), ("FRA",))],
        ),
    ],
)
def test_a_crowds_chant_names_whom_it_protests(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-01-12") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The United States struck a militia base near Baghdad, an attack the Iraqi "
            "government condemned as a breach of its sovereignty.",
            [("ASSAULT", "190", ("USA",), ("IRQ",)), ("ACCUSE", "111", ("IRQ",), ("USA",))],
        ),
        (
            "China sent warships to the strait, a move that Japan condemned.",
            [("MOBILIZE", "154", ("CHN",), ("JPN",)), ("ACCUSE", "111", ("JPN",), ("CHN",))],
        ),
        # the noun is the relative clause's subject: no answer to anyone
        (
            "China sent warships to the strait, a move which angered Japan.",
            [("MOBILIZE", "154", ("CHN",), ("JPN",))],
        ),
    ],
)
def test_a_reaction_to_a_summed_up_act_is_aimed_at_its_doer(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-05-01") == expected


def test_a_reaction_to_a_summed_up_act_is_news_not_background(pipeline):
    text = "China sent warships to the strait, a move that Japan condemned."
    assert [e.aux for e in pipeline.code_text(text, date="2024-05-01")] == [None, None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bolivian President Evo Morales resigned on Sunday after weeks of protests. "
            "The White House welcomed the resignation.",
            [("CONCEDE", "0831", ("BOL",), ("BOL",)), ("SUPPORT", "051", ("USA",), ("BOL",))],
        ),
        (
            "Turkey banned all trade with Israel on Thursday. The ban was welcomed by Hamas.",
            [("SANCTION", "163", ("TUR",), ("ISR",)), ("SUPPORT", "051", ("PSE",), ("TUR",))],
        ),
    ],
)
def test_welcoming_the_storys_act_is_aimed_at_its_doer(pipeline, text, expected):
    assert _coded(pipeline, text, "2019-11-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The European Union extended its sanctions on Turkish drilling officials on Monday. "
            "Foreign Minister Mevlut Cavusoglu said Turkey would respond by sending another ship "
            "to the eastern Mediterranean.",
            [("SANCTION", "163", ("EU",), ("TUR",)), ("THREATEN", "130", ("TUR",), ("EU",))],
        ),
        (
            "China held large-scale drills near Taiwan on Saturday. Taiwan's defence ministry "
            "said it had dispatched sea, air and ground forces in response.",
            [("MOBILIZE", "154", ("TWN",), ("CHN",))],
        ),
        (
            "Iran and Pakistan exchanged missile strikes on Thursday. China said it was willing "
            "to play a constructive role in easing tensions.",
            [("AGREE", "030", ("CHN",), ("PAK",))],
        ),
    ],
)
def test_an_offer_threat_or_deployment_aimed_at_no_one_named_is_aimed_at_the_last_other(
    pipeline, text, expected
):
    assert _coded(pipeline, text, "2024-01-20") == expected


def test_a_date_two_months_before_a_dated_act_is_that_month(pipeline):
    text = (
        "The British-flagged tanker Stena Impero sailed out of Bandar Abbas on Friday, more "
        "than two months after it was seized by Iran's Revolutionary Guards in the Strait of "
        "Hormuz."
    )
    got = [(e.event, e.date, e.aux) for e in pipeline.code_text(text, date="2019-09-27")]
    assert got == [("COERCE", "2019-07", "historical")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The 17, who were accredited as Russian diplomats, have been ordered to leave the "
            "country, the Dutch foreign ministry said.",
            [("SANCTION", "166", ("NLD",), ("RUS",))],
        ),
        # craft told to leave are asked to withdraw, not expelled
        (
            "The Japanese coast guard ordered the Chinese ships to leave.",
            [("REQUEST", "100", ("JPN",), ("CHN",))],
        ),
    ],
)
def test_an_order_to_leave_given_to_people_is_an_expulsion(pipeline, text, expected):
    assert _coded(pipeline, text, "2022-03-29") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the doer of a nominal act is the subject of the verb it is the object of
        ("Civic groups have staged rallies in Seoul against the deal.", []),
        # a crowd doing it is placed where it did it, as with a verb
        (
            "Thousands of protesters staged rallies in Seoul against the deal.",
            [("PROTEST", "141", ("KOR",), ("KOR",))],
        ),
        # judging an act names no doer of it: the act keeps its empty actor
        (
            "Russia and Turkey also condemned the assassination of the Hamas leader.",
            [("ACCUSE", "111", ("RUS", "TUR"), ("PSE",)), ("ASSAULT", "1823", (), ("PSE",))],
        ),
    ],
)
def test_a_nominal_act_whose_named_doer_no_one_places_is_left_out(pipeline, text, expected):
    assert _coded(pipeline, text, "2015-12-29") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Norwegian and Russian rescue teams carried out a joint search operation in the Barents "
        "Sea on Friday.",
        "Pakistani and Chinese officials jointly launched commercial operations at the Gwadar "
        "port on Sunday.",
    ],
)
def test_a_search_or_commercial_operation_is_no_attack(pipeline, text):
    assert _coded(pipeline, text, "2024-01-12") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the sides come from the agreement coded before
        (
            "Russia and Ukraine signed a grain deal in Istanbul on Friday. The deal was brokered "
            "by Turkey and the United Nations.",
            [
                ("SUPPORT", "057", ("RUS", "UKR"), ("RUS", "UKR")),
                ("CONSULT", "045", ("TUR", "UN"), ("RUS", "UKR")),
            ],
        ),
        # a truce that took effect is coded, and its brokers mediated between its sides
        (
            "A ceasefire between Israel and Hezbollah took effect on Wednesday. The truce, "
            "brokered by the United States and France, was welcomed by Egypt.",
            [
                ("RETREAT", "0871", ("ISR", "LBN"), ("ISR", "LBN")),
                ("CONSULT", "045", ("USA", "FRA"), ("ISR", "LBN")),
                ("SUPPORT", "051", ("EGY",), ("ISR", "LBN")),
            ],
        ),
    ],
)
def test_a_brokered_deal_is_mediation_between_its_sides(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-11-27") == expected


def test_a_person_an_organizations_title_introduces_acts_for_it(pipeline):
    text = "EU envoy Miroslav Lajcak met Serbian President Aleksandar Vucic in Belgrade."
    assert _coded(pipeline, text, "2022-11-23") == [("CONSULT", "040", ("EU",), ("SRB",))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tokyo lodged a strong protest with Beijing.", [("ACCUSE", "114", ("JPN",), ("CHN",))]),
        # a complaint filed with a forum is against the one it names
        (
            "China filed a complaint with the WTO against US tariffs.",
            [("ACCUSE", "114", ("CHN",), ("USA",))],
        ),
    ],
)
def test_a_lodged_protest_is_an_official_complaint(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-05-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weapon or an attack as subject names no doer: the killing keeps its empty actor,
        # as the gold leaves an unknown attacker unscored
        (
            "A roadside bomb tore through an army patrol near Deir ez-Zor in Syria on Monday, "
            "killing four Syrian soldiers.",
            [("ASSAULT", "1823", (), ("SYR",))],
        ),
        # so is a lone attacker the text cannot name
        (
            "A suicide bomber killed more than 80 people at a mosque in Peshawar.",
            [("ASSAULT", "1823", (), ("PAK",))],
        ),
        # a weapon whose maker the text names is theirs
        (
            "A Turkish drone killed four Syrian soldiers near Deir ez-Zor on Monday.",
            [("ASSAULT", "1823", ("TUR",), ("SYR",))],
        ),
    ],
)
def test_a_weapon_that_killed_names_no_doer(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-03-05") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Hamas movement threatened Israel.", [("THREATEN", "130", ("PSE",), ("ISR",))]),
        (
            "The al-Qaeda network threatened the United States.",
            [("THREATEN", "130", ("NSA",), ("USA",))],
        ),
    ],
)
def test_a_named_movement_or_network_is_the_group(pipeline, text, expected):
    assert _coded(pipeline, text, "2003-01-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a conjunct hung on the first party's name in apposition is a party too
        (
            "Pakistan's Deputy Prime Minister Ishaq Dar and Bangladesh's foreign affairs adviser, "
            "Touhid Hossain, discussed trade in a telephone conversation on Sunday.",
            [("CONSULT", "046", ("PAK", "BGD"), ("PAK", "BGD"))],
        ),
        # an unplaced party is placed by its own place phrase
        (
            "Nigeria's foreign minister called on the military junta in Niamey to release the "
            "deposed president.",
            [("REQUEST", "020", ("NGA",), ("NER",))],
        ),
        # a state's side of a line is the state's
        (
            "Israeli troops have moved into the demilitarised buffer zone on the Syrian side of "
            "the Golan Heights.",
            [("ASSAULT", "190", ("ISR",), ("SYR",))],
        ),
        # the sides of a signed agreement, in the passive
        (
            "A visa waiver agreement between Fiji and Indonesia was signed in Jakarta on Thursday.",
            [("SUPPORT", "057", ("FJI", "IDN"), ("FJI", "IDN"))],
        ),
        (
            "A strategic partnership charter was signed in Paris on Monday by the foreign "
            "ministers of France and Armenia.",
            [("SUPPORT", "057", ("FRA", "ARM"), ("FRA", "ARM"))],
        ),
        # a lone gunman names no doer, as the subject of a light verb too
        (
            "A gunman opened fire on a traffic police post in Russia's Dagestan region.",
            [("ASSAULT", "194", (), ("RUS",))],
        ),
    ],
)
def test_parties_placed_by_the_phrase_that_names_them(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Philippine President Ferdinand Marcos Jr. welcomed Vietnam's prime minister to "
            "Malacanang Palace on Tuesday for talks.",
            [("CONSULT", "043", ("VNM",), ("PHL",))],
        ),
        (
            "Azerbaijani President Ilham Aliyev was welcomed to Rome on Tuesday by Italian Prime "
            "Minister Giorgia Meloni.",
            [("CONSULT", "043", ("AZE",), ("ITA",))],
        ),
        # welcoming a person with no place of welcome is praise
        ("Macron welcomed the new president of Senegal.", [("SUPPORT", "051", ("FRA",), ("SEN",))]),
    ],
)
def test_welcoming_a_visitor_to_a_place_is_hosting(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle the parser tags as a past tense still describes its noun
        (
            "Venezuelan authorities freed three Colombian soldiers detained near the border last "
            "week.",
            [("RETREAT", "0841", ("VEN",), ("COL",))],
        ),
        # "its" under another clause is that clause's subject's, named by its adjective
        (
            "The Kenyan government has apologised to Uganda after its police briefly detained two "
            "Ugandan lawmakers.",
            [("SUPPORT", "055", ("KEN",), ("UGA",)), ("COERCE", "173", ("KEN",), ("UGA",))],
        ),
        # a passive's "by" phrase the parser did not mark as the agent
        (
            "Two Armenian soldiers who strayed across the border last month were handed back to "
            "Armenia by Azerbaijan on Friday.",
            [("RETREAT", "0841", ("AZE",), ("ARM",))],
        ),
        # a host is not the guest's own state: where the visit was names it
        (
            "The emir received the visiting Nigerian president at the Amiri Diwan in Doha on "
            "Wednesday.",
            [("CONSULT", "043", ("NGA",), ("QAT",))],
        ),
        # refusing to sign a pact is aimed at its sides
        (
            "Tanzania has declined to sign the trade pact between the East African Community and "
            "the European Union.",
            [("REJECT", "120", ("TZA",), ("EAC", "EU"))],
        ),
        # dismissing criticism is aimed at the critic the adjective names
        (
            "China dismissed US criticism of its policy as slander.",
            [("REJECT", "120", ("CHN",), ("USA",))],
        ),
    ],
)
def test_the_other_party_not_the_actor_itself(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-01") == expected


def test_a_line_along_which_an_alert_is_lowered_is_the_target(pipeline):
    text = "Pakistan lowered the alert level of its air defences along the Indian border."
    assert _coded(pipeline, text, "2024-06-01") == [("RETREAT", "087", ("PAK",), ("IND",))]


def test_the_ministry_of_a_story_with_no_home_country_is_the_state_that_acted_last(pipeline):
    text = (
        "Venezuela expelled diplomats from Argentina, Chile, Peru, Panama and Uruguay on Monday."
        "\n\nIn the statement announcing the expulsions, the ministry accused the five governments "
        "of meddling in Venezuela's internal affairs."
    )
    got = _coded(pipeline, text, "2024-07-30")
    assert got[1:] == [("ACCUSE", "112", ("VEN",), ("ARG", "CHL", "PER", "PAN", "URY"))]


def test_judging_the_remarks_is_aimed_at_the_storys_lead_act(pipeline):
    text = (
        "Mexican President Andres Manuel Lopez Obrador questioned the legitimacy of Ecuador's "
        "election on Monday.\n\nQuito called the remarks offensive."
    )
    got = _coded(pipeline, text, "2024-04-05")
    assert got == [("ACCUSE", "111", ("MEX",), ("ECU",)), ("ACCUSE", "111", ("ECU",), ("MEX",))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the light verb's subject goes "on" strike, at home with no one else named
        (
            "Jailed opposition activists went on hunger strike in Minsk on Monday.",
            [("PROTEST", "142", ("BLR",), ("BLR",))],
        ),
        # a crowd placed by its own phrase ("at Kenya's public universities")
        (
            "Lecturers at Kenya's public universities walked off the job on Monday over unpaid "
            "wages.",
            [("PROTEST", "143", ("KEN",), ("KEN",))],
        ),
        # the visitor of a framing visit is the clause's subject, or the subject it describes
        (
            "On a visit to Nairobi, President Emmanuel Macron announced new funding for Kenyan "
            "schools.",
            [("CONSULT", "042", ("FRA",), ("KEN",)), ("AID", "071", ("FRA",), ("KEN",))],
        ),
        (
            "Chinese Premier Li Qiang, on a visit to Canberra on Monday, praised the partnership.",
            [("CONSULT", "042", ("CHN",), ("AUS",)), ("SUPPORT", "051", ("CHN",), ("AUS",))],
        ),
        # a passive's subject is the object whose "for" phrase names the receiver
        (
            "A $1.5 billion loan for Ghana was approved on Monday by the World Bank's board.",
            [("AID", "071", ("WB",), ("GHA",))],
        ),
        # a passive that keeps its object: the subject receives, the by-phrase gives
        (
            "Ukraine was granted a loan of $15 billion by the International Monetary Fund on "
            "Friday.",
            [("AID", "070", ("IMF",), ("UKR",))],
        ),
        # an unplaced subject before it is no government's: the story's home government
        (
            "Gunmen set fire to a market in Niger on Sunday, and the government declared a curfew.",
            [("COERCE", "1723", ("NER",), ("NER",))],
        ),
        # Yugoslavia (1992-2006) is coded to Serbia, its successor
        (
            "Yugoslav troops shelled Croatian positions near Zadar on Friday.",
            [("ASSAULT", "190", ("SRB",), ("HRV",))],
        ),
        # a building struck is its place's
        (
            "Israeli jets struck a school in Gaza on Monday.",
            [("ASSAULT", "190", ("ISR",), ("PSE",))],
        ),
        # condemning "the bombing" is aimed at the attacker named before
        (
            "Russian warplanes bombed a village in Syria on Monday. Turkey condemned the bombing "
            "of civilians.",
            [("ASSAULT", "190", ("RUS",), ("SYR",)), ("ACCUSE", "111", ("TUR",), ("RUS",))],
        ),
        # "the group" is the last armed group named
        (
            "Hezbollah fighters crossed into Israel on Wednesday. On Friday the group fired dozens "
            "of rockets at Haifa.",
            [("ASSAULT", "195", ("LBN",), ("ISR",))],
        ),
        # a verb's conjunct is another clause: its words do not make the first a praise
        (
            "Lithuania called Russia a threat and promised to stand by its allies.",
            [("ACCUSE", "111", ("LTU",), ("RUS",)), ("AGREE", "030", ("LTU",), ("RUS",))],
        ),
        # holding people hostage is hostage-taking
        (
            "Gunmen seized a bus in Nigeria's Kaduna state, holding 40 Turkish passengers hostage.",
            [("COERCE", "1711", ("NGA",), ()), ("ASSAULT", "181", (), ("TUR",))],
        ),
        # defying "UN Security Council resolutions" is aimed at the UN
        (
            "North Korea launched a satellite on Tuesday, defying UN Security Council resolutions.",
            [("MOBILIZE", "150", ("PRK",), ()), ("REJECT", "128", ("PRK",), ("UN",))],
        ),
        # a crowd's storming is a riot, a crowd's march to demand is a demonstration
        (
            "Hundreds of protesters stormed the parliament building in Tirana on Thursday.",
            [("PROTEST", "145", ("ALB",), ("ALB",))],
        ),
        (
            "Tens of thousands of Georgians poured into Tbilisi on Sunday to demand new elections.",
            [("PROTEST", "141", ("GEO",), ("GEO",))],
        ),
        # answering "with" strikes is striking
        ("Israel answered with air strikes on Gaza.", [("ASSAULT", "190", ("ISR",), ("PSE",))]),
        # an official at a mission is its state's
        (
            "India expelled an official at the Pakistani High Commission in New Delhi on Friday.",
            [("SANCTION", "166", ("IND",), ("PAK",))],
        ),
        # an instrument's owner is named before its conjuncts are read
        (
            "Yugoslav army gunboats and artillery shelled the port of Dubrovnik on Friday, "
            "Croatian radio reported.",
            [("ASSAULT", "190", ("SRB",), ("HRV",))],
        ),
        # a trip at home is no visit
        ("Russian President Vladimir Putin visited Grozny on Monday.", []),
        # a state's inquiry into no one placed looks into its own affairs
        (
            "Prosecutors in Nairobi opened an investigation into a former finance minister on "
            "Monday.",
            [("ACCUSE", "090", ("KEN",), ("KEN",))],
        ),
        # looking into a matter is investigating whoever it names; inspectors from a body are
        # the body's
        (
            "Canadian police are looking into reports that Beijing ran secret police stations in "
            "Toronto.",
            [("ACCUSE", "090", ("CAN",), ("CHN",))],
        ),
        (
            "Inspectors from the International Atomic Energy Agency looked into reports that Syria "
            "had built a reactor.",
            [("ACCUSE", "090", ("IAEA",), ("SYR",))],
        ),
        # a state's act named by a noun its possessor owns
        (
            "Chile's withdrawal of its ambassador from Caracas took effect on Friday.",
            [("SANCTION", "161", ("CHL",), ("VEN",))],
        ),
        (
            "Spain's recall of its ambassador to Buenos Aires was announced on Tuesday.",
            [("SANCTION", "161", ("ESP",), ("ARG",))],
        ),
        (
            "India's lifting of a ban on rice exports to Nepal took effect on Monday.",
            [("RETREAT", "085", ("IND",), ("NPL",))],
        ),
        (
            "Gabon's departure from the Economic Community of Central African States took effect "
            "on Tuesday.",
            [("SANCTION", "161", ("GAB",), ("ECCAS",))],
        ),
        (
            "The EU's new round of sanctions against Iran was adopted on Monday.",
            [("SANCTION", "163", ("EU",), ("IRN",))],
        ),
        # relief delivered, handed out: a conjoined object counts ("kits and fuel")
        (
            "The International Committee of the Red Cross delivered medical kits and fuel to two "
            "hospitals in Bukavu on Monday.",
            [("AID", "070", ("NSA",), ("COD",))],
        ),
        (
            "The UN refugee agency handed out food rations to families in northern Kenya.",
            [("AID", "070", ("UN",), ("KEN",))],
        ),
        # annexing or occupying territory; a plan to is no act
        (
            "Turkish troops occupied northern Cyprus in 1974.",
            [("ASSAULT", "190", ("TUR",), ("CYP",))],
        ),
        (
            "Israel agreed to suspend its plans to annex parts of the West Bank.",
            [("AGREE", "030", ("ISR",), ())],
        ),
        # cities of the places table: Kerman is Iran's
        (
            "Two bombs killed scores of people in Kerman on Wednesday.",
            [("ASSAULT", "1823", (), ("IRN",))],
        ),
    ],
)
def test_acts_and_parties_the_clause_around_a_trigger_names(pipeline, text, expected):
    assert _coded(pipeline, text, "2024-06-01") == expected
