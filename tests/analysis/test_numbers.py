"""The numbers layer: what counts as a figure, how it is normalised, and how figures are grouped."""

from __future__ import annotations

import pytest

from reader.analysis.model import Number
from reader.analysis.numbers.parse import scan

# (sentence, span text, kind, value, low, high, unit, qualifier)
CASES = [
    # digits, separators and scales
    ("The army fired 5,800 shells.", "5,800", "count", 5800, None, None, "shells", None),
    (
        "North Korea delivered 5.8 million artillery shells.",
        "5.8 million",
        "count",
        5.8e6,
        None,
        None,
        "artillery shells",
        None,
    ),
    ("The deal is worth 1.2bn over ten years.", "1.2bn", "count", 1.2e9, None, None, None, None),
    ("Officials counted 12 new schools.", "12", "count", 12, None, None, "schools", None),
    ("The site held 7300 files.", "7300", "count", 7300, None, None, "files", None),
    ("The town has 0.5 doctors per thousand people.", "0.5", "count", 0.5, None, None, "doctors", None),
    ("About 5000 employees stay.", "About 5000", "count", 5000, None, None, "employees", "about"),
    ("A 2,000,000 fine was imposed.", "2,000,000", "count", 2e6, None, None, "fine", None),
    # money
    ("It will cost $3.5 billion to rebuild.", "$3.5 billion", "money", 3.5e9, None, None, "USD", None),
    ("The club paid €40m for him.", "€40m", "money", 40e6, None, None, "EUR", None),
    ("Debt reached £2.3tn last year.", "£2.3tn", "money", 2.3e12, None, None, "GBP", None),
    ("The economies are worth US$3.4 trillion.", "US$3.4 trillion", "money", 3.4e12, None, None, "USD", None),
    ("They must pay €20,000 in damages.", "€20,000", "money", 20000, None, None, "EUR", None),
    (
        "The sale price is 900 million złotys in cash.",
        "900 million złotys",
        "money",
        9e8,
        None,
        None,
        "PLN",
        None,
    ),
    (
        "It had a 24 million pounds operating loss.",
        "24 million pounds",
        "money",
        24e6,
        None,
        None,
        "GBP",
        None,
    ),
    (
        "They offered a one million US dollar reward.",
        "one million US dollar",
        "money",
        1e6,
        None,
        None,
        "USD",
        None,
    ),
    ("He processed ₿7300 in fees.", "₿7300", "money", 7300, None, None, "BTC", None),
    (
        "One coin is worth approximately US$8000 today.",
        "approximately US$8000",
        "money",
        8000,
        None,
        None,
        "USD",
        "about",
    ),
    ("The ministry spent 300 euros per family.", "300 euros", "money", 300, None, None, "EUR", None),
    ("The bill came to 5 million USD in total.", "5 million USD", "money", 5e6, None, None, "USD", None),
    # percentages
    ("Artillery: 40% of ammunition came from there.", "40%", "percent", 40, None, None, "%", None),
    ("It amounts to 40 percent of the reserves.", "40 percent", "percent", 40, None, None, "%", None),
    ("Turnout rose to 61 per cent on Sunday.", "61 per cent", "percent", 61, None, None, "%", None),
    (
        "Support fell by 3 percentage points.",
        "3 percentage points",
        "percent",
        3,
        None,
        None,
        "percentage points",
        None,
    ),
    ("Only 0.5% of turnover comes from this.", "0.5%", "percent", 0.5, None, None, "%", None),
    ("Rates have been at least 25% in the past.", "at least 25%", "percent", 25, None, None, "%", "at least"),
    ("Mortality was as high as 90% then.", "as high as 90%", "percent", 90, None, None, "%", "up to"),
    (
        "Trade accounts for over 60 percent of the total.",
        "over 60 percent",
        "percent",
        60,
        None,
        None,
        "%",
        "more than",
    ),
    ("That is around five percent worldwide.", "around five percent", "percent", 5, None, None, "%", "about"),
    # ranges
    ("The R0 lies in the range 10–15 for measles.", "10–15", "range", None, 10, 15, None, None),
    (
        "It costs between 10 and 15 dollars.",
        "between 10 and 15 dollars",
        "range",
        None,
        10,
        15,
        "USD",
        "between",
    ),
    ("Patients aged 10 to 15 were enrolled.", "10 to 15", "range", None, 10, 15, None, None),
    ("Death rates were 6% to 11% with early care.", "6% to 11%", "range", None, 6, 11, "%", None),
    (
        "It costs Africa between $5 and $7 billion a year.",
        "between $5 and $7 billion",
        "range",
        None,
        5e9,
        7e9,
        "USD",
        "between",
    ),
    (
        "Currently about 16–17 percent of trade is local.",
        "about 16–17 percent",
        "range",
        None,
        16,
        17,
        "%",
        "about",
    ),
    ("The measles R0 is about 12–18 at most.", "about 12–18", "range", None, 12, 18, None, "about"),
    (
        "The plan needs 2 to 3 million volunteers.",
        "2 to 3 million",
        "range",
        None,
        2e6,
        3e6,
        "volunteers",
        None,
    ),
    # number words
    (
        "Nearly five thousand people fled.",
        "Nearly five thousand",
        "count",
        5000,
        None,
        None,
        "people",
        "nearly",
    ),
    ("She bought a dozen eggs.", "a dozen", "count", 12, None, None, "eggs", None),
    ("Half of the voters stayed home.", "Half", "ratio", 0.5, None, None, None, None),
    ("Two-thirds of the staff left.", "Two-thirds", "ratio", 2 / 3, None, None, None, None),
    ("Two thirds of those infected died.", "Two thirds", "ratio", 2 / 3, None, None, None, None),
    ("Output was cut by one-third last year.", "one-third", "ratio", 1 / 3, None, None, None, None),
    ("A 7,000-strong force crossed the border.", "7,000-strong", "count", 7000, None, None, None, None),
    ("There are twice as many cases now.", "twice", "ratio", 2, None, None, None, None),
    ("Prices are three times higher than in May.", "three times", "ratio", 3, None, None, None, None),
    ("Tens of thousands marched in the capital.", "Tens of thousands", "count", None, 1e4, 1e5, None, None),
    (
        "The fire killed at least seventeen people.",
        "at least seventeen",
        "count",
        17,
        None,
        None,
        "people",
        "at least",
    ),
    (
        "The site hosted a quarter million video clips.",
        "a quarter million",
        "count",
        250000,
        None,
        None,
        "video clips",
        None,
    ),
    ("All but one of the states signed.", "All but one", "count", None, None, None, "states", None),
    (
        "Turkey hosts over three-and-a-half million refugees.",
        "over three-and-a-half million",
        "count",
        3.5e6,
        None,
        None,
        "refugees",
        "more than",
    ),
    (
        "Researchers tested eighteen infected volunteers.",
        "eighteen",
        "count",
        18,
        None,
        None,
        "volunteers",
        None,
    ),
    (
        "More than twenty victims were rescued.",
        "More than twenty",
        "count",
        20,
        None,
        None,
        "victims",
        "more than",
    ),
    ("One child was among the dead.", "One", "count", 1, None, None, "child", None),
    ("Police said one of the victims was a child.", "one", "count", 1, None, None, "victims", None),
    ("The bill passed the Senate 61 to 39 on Thursday.", "61", "count", 61, None, None, None, None),
    ("The trial compared four possible drugs.", "four", "count", 4, None, None, "drugs", None),
    (
        "The firm sold 22 units in the past year and a half.",
        "year and a half",
        "quantity",
        1.5,
        None,
        None,
        "years",
        None,
    ),
    ("One in five adults smokes.", "One in five", "ratio", 0.2, None, None, None, None),
    ("Half a million people lost power.", "Half a million", "count", 5e5, None, None, "people", None),
    (
        "Three hundred and twelve soldiers returned.",
        "Three hundred and twelve",
        "count",
        312,
        None,
        None,
        "soldiers",
        None,
    ),
    # quantities with units
    (
        "The oil field is about 160 km east of the capital.",
        "about 160 km",
        "quantity",
        160,
        None,
        None,
        "km",
        "about",
    ),
    ("It lies 100 miles away.", "100 miles", "quantity", 100, None, None, "miles", None),
    ("It was announced seven days earlier.", "seven days", "quantity", 7, None, None, "days", None),
    ("They received seven-year prison terms.", "seven-year", "quantity", 7, None, None, "years", None),
    ("The 25-year-old building burned.", "25-year-old", "quantity", 25, None, None, "years", None),
    ("The road is 40km long.", "40km", "quantity", 40, None, None, "km", None),
    (
        "Warming must stay below 1.5C this century.",
        "below 1.5C",
        "quantity",
        1.5,
        None,
        None,
        "°C",
        "less than",
    ),
    ("The scheme will cost Rs 500 crore next year.", "Rs 500 crore", "money", 5e9, None, None, "INR", None),
    ("Inflation hit 9pc in October.", "9pc", "percent", 9, None, None, "%", None),
    (
        "Hotels may be built up to four floors high.",
        "up to four floors",
        "quantity",
        4,
        None,
        None,
        "floors",
        "up to",
    ),
    ("He died within two years.", "within two years", "quantity", 2, None, None, "years", "within"),
    # dates and years that carry a claim
    ("It is the biggest package since 2022.", "2022", "date", 2022, None, None, None, None),
    ("They delivered shells by April 2025.", "April 2025", "date", None, None, None, None, None),
    ("He said so in January 2025 in Kyiv.", "January 2025", "date", None, None, None, None, None),
    ("Trading starts on July 1, 2020 across the area.", "July 1, 2020", "date", None, None, None, None, None),
    ("Jong was arrested in March, 2018 in Seoul.", "March, 2018", "date", None, None, None, None, None),
    ("DW reported in mid-2019 that stores closed.", "mid-2019", "date", None, None, None, None, None),
    ("In the 2019/20 fiscal year it lost money.", "2019/20", "date", None, 2019, 2020, None, None),
    ("Both entered the market in 1995.", "1995", "date", 1995, None, None, None, None),
    # qualifiers
    ("Up to 11,000 soldiers helped Russia.", "Up to 11,000", "count", 11000, None, None, "soldiers", "up to"),
    ("Nearly 5,000 of them were killed.", "Nearly 5,000", "count", 5000, None, None, None, "nearly"),
    ("Almost 300 homes were damaged.", "Almost 300", "count", 300, None, None, "homes", "nearly"),
    ("Roughly 2000 stores were sold.", "Roughly 2000", "count", 2000, None, None, "stores", "about"),
    ("Some 300 people gathered.", "Some 300", "count", 300, None, None, "people", "about"),
    ("Fewer than 40 patients recovered.", "Fewer than 40", "count", 40, None, None, "patients", "fewer than"),
    ("Values under 1 mean the outbreak ends.", "under 1", "count", 1, None, None, None, "less than"),
]


def find(numbers: list[Number], text: str) -> Number:
    matches = [n for n in numbers if n.text == text]
    assert matches, f"{text!r} not found in {[n.text for n in numbers]}"
    return matches[0]


@pytest.mark.parametrize(
    ("sentence", "span", "kind", "value", "low", "high", "unit", "qualifier"),
    CASES,
    ids=[c[1] for c in CASES],
)
def test_figure_is_found_and_normalised(
    analyze_text, sentence, span, kind, value, low, high, unit, qualifier
) -> None:
    analysis = analyze_text(sentence)
    number = find(analysis.numbers, span)
    assert analysis.document.title and sentence[number.start : number.end] == span
    assert number.kind == kind
    assert number.value == pytest.approx(value) if value is not None else number.value is None
    assert number.low == pytest.approx(low) if low is not None else number.low is None
    assert number.high == pytest.approx(high) if high is not None else number.high is None
    assert number.unit == unit
    assert number.qualifier == qualifier


def test_there_are_at_least_sixty_cases() -> None:
    assert len(CASES) >= 60


# (sentence, text that must not be (part of) a number)
EXCLUSIONS = [
    ("The G7 met in Italy.", "G7"),
    ("Ukraine asked for more F-16 jets.", "16"),
    ("COVID-19 spread fast.", "19"),
    ("A Su-27 fighter crashed.", "27"),
    ("SARS-CoV-2 is a coronavirus.", "2"),
    ("The mAb114 antibody worked.", "114"),
    ("Ebola has an R0 of about 2.", "R0"),
    ("They met in June to talk.", "June"),
    ("The talks were held yesterday.", "yesterday"),
    ("On October 6, the two leaders spoke.", "October 6"),
    ("Fire broke out at 4:00 A.M. local time.", "4:00"),
    ("The attack came at 0100 UTC.", "0100"),
    ("They arrived at 8:00am.", "8:00am"),
    ("The 9/11 attacks changed everything.", "9/11"),
    ("Erdoğan cited Article 5 of the treaty.", "5"),
    ("It breaks UN Security Council resolution 2259.", "2259"),
    ("He was the third officer present.", "third"),
    ("Thousands of fighters remain there.", "Thousands"),
    ("Hundreds arrested in raids.", "Hundreds"),
    ("One of these groups opposed the plan.", "One"),
    ("No one was hurt.", "one"),
    ("One day he will return.", "One"),
    ("They won a second lease on life.", "second"),
    ("It ran in Formula One for years.", "One"),
    ("1. The first point is simple.", "1."),
    ("The software reached version 3.2.1 today.", "3.2.1"),
    ("It was a two-way race.", "two"),
    ("The president spoke on 21st May.", "21st"),
    ("One of the stated goals is more trade.", "One"),
    ("© 2024 Reuters. All rights reserved.", "2024"),
    ("The 5G network and a 5c coin were shown.", "5c"),
    ("Someone dies by suicide, one every 40 seconds.", "one"),
]


@pytest.mark.parametrize(("sentence", "text"), EXCLUSIONS, ids=[e[1] for e in EXCLUSIONS])
def test_not_a_number(analyze_text, sentence, text) -> None:
    analysis = analyze_text(sentence)
    start = sentence.index(text)
    end = start + len(text)
    overlapping = [n.text for n in analysis.numbers if n.start < end and start < n.end]
    assert overlapping == []


@pytest.mark.parametrize(
    ("sentence", "span", "value", "unit"),
    [
        ("Up to 11,000 North Korean soldiers helped Russia.", "Up to 11,000", 11000, "soldiers"),
        (
            "North Korea delivered 5.8 million artillery shells by April 2025.",
            "5.8 million",
            5.8e6,
            "artillery shells",
        ),
        ("The fire killed at least seventeen people.", "at least seventeen", 17, "people"),
        ("It costs between $5 and $7 billion.", "between $5 and $7 billion", None, "USD"),
        ("Turkey hosts 2 million refugees since 2022.", "2 million", 2e6, "refugees"),
    ],
)
def test_rules_only_fallback_finds_the_same_figures(analyze_rules, sentence, span, value, unit) -> None:
    analysis = analyze_rules(sentence)
    assert analysis.engine.model == "rules-only"
    number = find(analysis.numbers, span)
    assert number.value == pytest.approx(value) if value is not None else number.low is not None
    assert number.unit == unit


def test_same_figure_written_two_ways_shares_a_group(analyze_text) -> None:
    analysis = analyze_text(
        "Artillery: 40% of ammunition came from North Korea.\n"
        "“It all amounts to 40 percent of Russia’s ammunition reserves,” Klein said.\n"
        "Another 12 shells were found, and 40 soldiers died."
    )
    by_text = {n.text: n for n in analysis.numbers}
    assert by_text["40%"].group == by_text["40 percent"].group
    assert by_text["40"].unit == "soldiers"
    assert by_text["40"].group != by_text["40%"].group  # same figure, different thing counted
    assert by_text["12"].group not in (by_text["40"].group, by_text["40%"].group)
    assert len({n.group for n in analysis.numbers}) == 3
    assert all(n.group and n.group.startswith("g") for n in analysis.numbers)


def test_conversion_in_brackets_is_the_same_fact(analyze_text) -> None:
    analysis = analyze_text(
        "They must pay €20,000 (£17,500; US$22,900) in compensation. The field is about 160 km (100 miles) away."
    )
    groups = [n.group for n in analysis.numbers]
    assert [n.text for n in analysis.numbers] == [
        "€20,000",
        "£17,500",
        "US$22,900",
        "about 160 km",
        "100 miles",
    ]
    assert groups[0] == groups[1] == groups[2]
    assert groups[3] == groups[4] != groups[0]


def test_figure_without_its_noun_joins_the_one_with_it(analyze_text) -> None:
    analysis = analyze_text(
        "Hotel fire kills at least seventeen in Delhi\nAt least seventeen people died and 35 were rescued."
    )
    first, second = analysis.numbers[0], analysis.numbers[1]
    assert (first.text, second.text) == ("at least seventeen", "At least seventeen")
    assert first.unit is None and second.unit == "people"
    assert first.group == second.group


def test_ids_are_in_document_order_and_spans_hold(analyze_text) -> None:
    text = "Up to 11,000 soldiers.\nNearly 5,000 of them died by April 2025.\nSupport is 40%."
    analysis = analyze_text(text)
    assert [n.id for n in analysis.numbers] == [f"n{i}" for i in range(len(analysis.numbers))]
    assert [n.start for n in analysis.numbers] == sorted(n.start for n in analysis.numbers)
    for number in analysis.numbers:
        assert text[number.start : number.end] == number.text


def test_scanner_never_overlaps_and_keeps_offsets() -> None:
    text = (
        "Between 10 and 15 people, about 16–17 percent, 6% to 11%, and $5–7 billion in 2019/20 and mid-2019."
    )
    figures = scan(text)
    for before, after in zip(figures, figures[1:], strict=False):
        assert before.end <= after.start
    assert [text[f.start : f.end] for f in figures] == [
        "Between 10 and 15",
        "about 16–17 percent",
        "6% to 11%",
        "$5–7 billion",
        "2019/20",
        "mid-2019",
    ]
