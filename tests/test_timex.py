"""Time expressions: resolve() against a publication date, and find() in sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides.nlp.timex import (
    TimeRef,
    find,
    find_counted,
    may_count_from_previous,
    points_back,
    resolve,
    resolve_from,
)

THURSDAY = dt.date(2024, 5, 9)  # the seed document's publication date, a Thursday

# (expression, expected value, expected precision) against 2024-05-09, direction auto.
ANCHORED = [
    # month names alone: most recent such month not after the anchor month
    ("in September", "2023-09", "month"),
    ("in May", "2024-05", "month"),
    ("December", "2023-12", "month"),
    ("in early September", "2023-09", "month"),
    ("in August last year", "2023-08", "month"),
    ("December this year", "2024-12", "month"),
    ("the beginning of September 1, 2012", "2012-09-01", "day"),
    ("in mid-May", "2024-05", "month"),
    ("at the end of March", "2024-03", "month"),
    ("last December", "2023-12", "month"),
    ("last May", "2023-05", "month"),
    ("this December", "2024-12", "month"),
    ("next March", "2025-03", "month"),
    ("next June", "2024-06", "month"),
    # weekdays
    ("on Tuesday", "2024-05-07", "day"),
    ("Tuesday's", "2024-05-07", "day"),
    ("on Thursday", "2024-05-09", "day"),
    ("on Friday", "2024-05-03", "day"),
    ("last Tuesday", "2024-05-07", "day"),
    ("last Thursday", "2024-05-02", "day"),
    ("next Tuesday", "2024-05-14", "day"),
    ("this Monday", "2024-05-06", "day"),
    # days
    ("yesterday", "2024-05-08", "day"),
    ("Today", "2024-05-09", "day"),
    ("tomorrow", "2024-05-10", "day"),
    ("last night", "2024-05-08", "day"),
    ("the day before yesterday", "2024-05-07", "day"),
    ("three days ago", "2024-05-06", "day"),
    ("twenty-one days ago", "2024-04-18", "day"),
    # weeks: the week of 29 April - 5 May straddles two months, so only the year is honest
    ("last week", "2024", "year"),
    ("earlier this week", "2024-05", "month"),
    ("this week", "2024-05", "month"),
    ("next week", "2024-05", "month"),
    ("two weeks ago", "2024-04", "month"),
    # months and years
    ("last month", "2024-04", "month"),
    ("this month", "2024-05", "month"),
    ("earlier this month", "2024-05", "month"),
    ("next month", "2024-06", "month"),
    ("six months ago", "2023-11", "month"),
    ("last year", "2023", "year"),
    ("late last year", "2023", "year"),
    ("this year", "2024", "year"),
    ("earlier this year", "2024", "year"),
    ("next year", "2025", "year"),
    ("two years ago", "2022", "year"),
    ("a year ago", "2023", "year"),
    ("10 years ago", "2014", "year"),
    # day and month without a year: the nearer occurrence
    ("on 9 May", "2024-05-09", "day"),
    ("May 9", "2024-05-09", "day"),
    ("May 9th", "2024-05-09", "day"),
    ("the 9th of May", "2024-05-09", "day"),
    ("on December 25", "2023-12-25", "day"),
    ("on October 8 last year", "2023-10-08", "day"),
    ("8 October last year", "2023-10-08", "day"),
    ("June 1", "2024-06-01", "day"),
    ("Sept. 5", "2024-09-05", "day"),
    # absolute expressions
    ("in 2019", "2019", "year"),
    ("since 2019", "2019", "year"),
    ("mid-2023", "2023", "year"),
    ("the end of 2023", "2023", "year"),
    ("in March 2022", "2022-03", "month"),
    ("March 2022", "2022-03", "month"),
    ("Sept 2021", "2021-09", "month"),
    ("9 May 2024", "2024-05-09", "day"),
    ("May 9, 2024", "2024-05-09", "day"),
    ("May 9th 2024", "2024-05-09", "day"),
    ("Thursday, 9 May 2024", "2024-05-09", "day"),
    ("2024-05-09", "2024-05-09", "day"),
    ("2024-05", "2024-05", "month"),
]


@pytest.mark.parametrize(("expression", "value", "precision"), ANCHORED)
def test_resolve_against_thursday_9_may_2024(expression: str, value: str, precision: str) -> None:
    assert resolve(expression, THURSDAY) == TimeRef(value, precision, expression)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "expression",
    [
        "the 1990s",
        "1990s",
        "the nineties",
        "in two years",
        "a few days ago",
        "recently",
        "the next day",
        "30 February 2024",
        "2024-02-30",
        "in 1500",
        "",
    ],
)
def test_resolve_returns_none_for_what_cannot_be_dated(expression: str) -> None:
    assert resolve(expression, THURSDAY) is None


@pytest.mark.parametrize(
    ("expression", "direction", "value"),
    [
        ("in September", "past", "2023-09"),
        ("in September", "future", "2024-09"),
        ("in May", "future", "2024-05"),
        ("in April", "future", "2025-04"),
        ("on Tuesday", "past", "2024-05-07"),
        ("on Tuesday", "future", "2024-05-14"),
        ("on Thursday", "future", "2024-05-09"),
        ("June 1", "past", "2023-06-01"),
        ("December 25", "future", "2024-12-25"),
        ("last December", "future", "2023-12"),
        ("in 2019", "future", "2019"),
    ],
)
def test_resolve_direction_picks_past_or_future_occurrence(
    expression: str, direction: str, value: str
) -> None:
    ref = resolve(expression, THURSDAY, direction=direction)  # type: ignore[arg-type]
    assert ref is not None and ref.value == value


@pytest.mark.parametrize(
    ("expression", "anchor", "value", "precision"),
    [
        ("in December", dt.date(2024, 1, 15), "2023-12", "month"),
        ("last month", dt.date(2024, 1, 15), "2023-12", "month"),
        ("next month", dt.date(2023, 12, 1), "2024-01", "month"),
        ("yesterday", dt.date(2024, 3, 1), "2024-02-29", "day"),
        ("tomorrow", dt.date(2023, 12, 31), "2024-01-01", "day"),
        ("last week", dt.date(2024, 6, 20), "2024-06", "month"),
        ("last week", dt.date(2024, 1, 3), "2023-12", "month"),  # 25-31 December 2023
        ("last week", dt.date(2025, 1, 8), None, None),  # 30 Dec - 5 Jan: no honest label
        ("on Monday", dt.date(2024, 1, 3), "2024-01-01", "day"),
        ("29 February", dt.date(2025, 3, 1), "2024-02-29", "day"),
        ("in September", dt.date(2023, 10, 2), "2023-09", "month"),
    ],
)
def test_resolve_with_other_anchors(
    expression: str, anchor: dt.date, value: str | None, precision: str | None
) -> None:
    ref = resolve(expression, anchor)
    assert ((ref.value, ref.precision) if ref else (None, None)) == (value, precision)


@pytest.mark.parametrize(
    "expression",
    ["in September", "last week", "yesterday", "on Tuesday", "May 9", "two years ago", "this year"],
)
def test_relative_expressions_need_an_anchor(expression: str) -> None:
    assert resolve(expression, None) is None


@pytest.mark.parametrize(
    ("expression", "value"),
    [("in 2019", "2019"), ("May 2024", "2024-05"), ("9 May 2024", "2024-05-09"),
     ("May 9, 2024", "2024-05-09"), ("2024-05-09", "2024-05-09")],
)  # fmt: skip
def test_absolute_expressions_resolve_without_an_anchor(expression: str, value: str) -> None:
    ref = resolve(expression, None)
    assert ref is not None and ref.value == value


def test_resolve_rejects_an_unknown_direction() -> None:
    with pytest.raises(ValueError, match="direction"):
        resolve("in May", THURSDAY, direction="sideways")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Armenia may join the bloc.", []),
        ("May Armenia join the bloc?", []),
        ("Theresa May met the envoy.", []),
        ("Protesters march on Washington.", []),
        ("They will march in March.", ["March"]),
        ("In May, Armenia froze its participation.", ["May"]),
        ("Azerbaijan launched a campaign in September to reclaim Karabakh.", ["September"]),
        ("Pashinyan's December visit", ["December"]),
        ("The March 2022 vote was held on 9 May 2024.", ["March 2022", "9 May 2024"]),
        ("He came on May 9, 2024 and on Thursday, May 16.", ["May 9, 2024", "Thursday, May 16"]),
        ("On Tuesday, he said that last week talks failed.", ["Tuesday", "last week"]),
        ("Yesterday Moscow said so, as earlier this month.", ["Yesterday", "earlier this month"]),
        ("Two years ago 1500 troops came; by 2030 more.", ["Two years ago", "2030"]),
        ("It began in early September, mid-2023 and late last year.",
         ["early September", "mid-2023", "late last year"]),
        ("August Strindberg wrote in August 1890.", ["August 1890"]),
        ("a 2024-05-09 report", ["2024-05-09"]),
        ("Between October and March, and in May this year.", ["October", "March", "May this year"]),
        ("until the beginning of September 1, 2012", ["the beginning of September 1, 2012"]),
        ("Talks resume in mid-May or at the end of March.", ["mid-May", "the end of March"]),
        ("the 1990s were hard", []),
        ("It began on October 8 last year.", ["October 8 last year"]),
        ("March 15,000 protesters", []),
    ],
)  # fmt: skip
def test_find_spans_time_expressions(sentence: str, found: list[str]) -> None:
    assert [expression for _, _, expression in find(sentence)] == found


def test_find_returns_offsets_into_the_sentence_in_order() -> None:
    sentence = "Since his visit in December and the talks on 9 May, Armenia waited."
    assert find(sentence) == [(19, 27, "December"), (45, 50, "9 May")]
    assert all(sentence[start:end] == text for start, end, text in find(sentence))


def test_find_prefers_the_longest_overlapping_expression() -> None:
    assert find("on Thursday, 9 May 2024 at noon") == [(3, 23, "Thursday, 9 May 2024")]


def test_found_expressions_resolve() -> None:
    sentence = "Pashinyan, who last visited Moscow in December, met Putin on Thursday."
    refs = [resolve(text, THURSDAY) for _, _, text in find(sentence)]
    assert [(r.value, r.precision) for r in refs if r] == [
        ("2023-12", "month"),
        ("2024-05-09", "day"),
    ]


@pytest.mark.parametrize(
    ("expression", "previous", "expected"),
    [
        ("the following month", ("2022-11", "month"), ("2022-12", "month")),
        ("that November", ("2012", "year"), ("2012-11", "month")),
        ("the same day", ("2023-01-16", "day"), ("2023-01-16", "day")),
        ("two days later", ("2023-01-16", "day"), ("2023-01-18", "day")),
        ("the next day", ("2023-01-31", "day"), ("2023-02-01", "day")),
        ("later that year", ("2022-11", "month"), ("2022", "year")),
        ("the previous month", ("2024-01", "month"), ("2023-12", "month")),
        ("hours later", ("2021-10-29", "day"), ("2021-10-29", "day")),
        ("a few hours later", ("2021-10", "month"), ("2021-10", "month")),
        # "days later": the month of the date before (at most its precision)
        ("days later", ("2019-08-05", "day"), ("2019-08", "month")),
        ("a few days later", ("2019", "year"), ("2019", "year")),
        # never finer than the date it counts from
        ("the next day", ("2022-11", "month"), None),
        # "next week" counts from the publication date, not from an earlier date
        ("next week", ("2023-01-16", "day"), None),
        ("on Tuesday", ("2023-01-16", "day"), None),
    ],
)  # fmt: skip
def test_resolve_from_counts_from_the_previous_date(expression, previous, expected) -> None:
    ref = resolve_from(expression, TimeRef(previous[0], previous[1], ""))
    assert (None if ref is None else (ref.value, ref.precision)) == expected


def test_find_counted_spans_times_counted_from_an_earlier_date() -> None:
    text = "On April 22 gunmen struck. The next day India acted, and a day later Pakistan did."
    assert [e for _, _, e in find_counted(text)] == ["The next day", "a day later"]
    assert all(text[s:e] == x for s, e, x in find_counted(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Later that day", True), ("Two days after the vote", True), ("In November 2013", False)],
)
def test_only_text_with_a_counting_word_may_count_from_an_earlier_date(text, expected) -> None:
    assert may_count_from_previous(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two leaders held talks that evening.", True),
        ("Kuwait followed the same month.", True),
        ("At that meeting the two sides agreed on a truce.", True),
        ("The two leaders held talks on Monday.", False),
        ("That decision angered Moscow.", False),
    ],
)
def test_points_back_finds_times_of_an_earlier_event(text, expected) -> None:
    assert points_back(text) is expected
