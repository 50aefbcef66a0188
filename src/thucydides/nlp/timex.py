"""Time expressions: find them in a sentence and resolve them against the publication date.

    find("Azerbaijan launched a campaign in September.")   -> [(35, 44, "September")]
    resolve("in September", date(2024, 5, 9))              -> TimeRef("2023-09", "month", ...)

The *anchor* is the document's publication date. Without one, relative expressions ("last
week", "in September", "on Tuesday") resolve to None: the system never guesses from today.
Absolute ones ("9 May 2024", "March 2022", "in 2019", "2024-05-09") resolve either way.

Resolution rules (the choices where English is ambiguous):

* A month name alone ("in September", "early September") with direction ``past`` or ``auto`` is
  the most recent such month not after the anchor's month; with ``future`` the first one not
  before it. "last X" is the latest X strictly before the anchor's month, "next X" the first
  strictly after it, "this X" the X of the anchor's year.
* A weekday alone ("on Tuesday") is the latest such day on or before the anchor (``past`` and
  ``auto``) or the first on or after it (``future``); "last Tuesday" is strictly before, "next
  Tuesday" strictly after, "this Tuesday" the one in the anchor's Monday-to-Sunday week.
* A day and month without a year ("on 9 May", "May 9th") is the occurrence on or before the
  anchor (``past``), on or after it (``future``) or the nearer of the two (``auto``).
* Weeks ("last week", "earlier this week", "two weeks ago") cannot be written as YYYY-MM-DD
  honestly, so they resolve to the month when the whole week lies in one month, else to the
  year when it lies in one year, else to None. Precision is never finer than the text supports.
* Modifiers "early", "late", "mid-", "the end/beginning/start/middle of" keep the precision of
  what they modify ("early September" is a month).
* Decades ("the 1990s"), seasons, durations ("in two years", "the past week") and narrative-
  relative expressions ("the next day") resolve to None.

Years are read only within 1800-2199 (see ``YEAR``): outside it a four-digit number in news is
far more often a count ("1500 troops") than a date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Direction = Literal["past", "future", "auto"]
Precision = Literal["year", "month", "day"]
DIRECTIONS: tuple[str, ...] = ("past", "future", "auto")

# --- English date vocabulary (the grammar of the expressions, not domain knowledge) ----------

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip

# Month names that are also common English words or names ("Armenia may join", "to march",
# "August Strindberg"): find() takes them only with a day, a year or a context word.
AMBIGUOUS_MONTHS = ("May", "March", "August")
SAFE_MONTHS = (
    "January", "February", "April", "June", "July", "September", "October", "November",
    "December",
)  # fmt: skip

# --- regular-expression building blocks (shared by find() and resolve()) --------------------

YEAR = r"(?:1[89]|2[01])\d\d"  # 1800-2199, see the module docstring
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_FULL_MONTH = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)
_ABBR_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH = rf"(?:{_FULL_MONTH}|{_ABBR_MONTH})(?![\w])"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMBER = (
    r"(?:\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|"
    r"four|five|six|seven|eight|nine))?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
UNIT = r"(?:day|week|month|year)s?"
# Words that introduce a date and make an ambiguous month name safe to read as a month.
PREPOSITION = r"(?i:in|on|since|until|till|by|from|during|before|after|through|throughout)"
# Modifiers that keep the precision of what they modify ("early September" is a month).
MODIFIER = r"(?i:early|late|mid|(?:earlier|later) in|(?:the )?(?:end|beginning|start|middle) of)"


@dataclass(frozen=True)
class TimeRef:
    """A resolved time expression.

    Attributes:
        value: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
        precision: ``year``, ``month`` or ``day`` (matches the shape of ``value``).
        text: The expression as written.
    """

    value: str
    precision: Precision
    text: str


# ============================================================================================
# resolve()
# ============================================================================================

_Resolved = tuple[str, Precision] | None
_Parser = Callable[["re.Match[str]", dt.date | None, Direction], _Resolved]

_LEADING_WORDS = re.compile(
    r"^(?:(?:in|on|at|since|until|till|by|from|during|before|after|through|throughout|as of|"
    r"of|early|late|mid|(?:earlier|later) in|the (?:end|beginning|start|middle) of|"
    r"(?:end|beginning|start|middle) of|the)\s+)+"
)


def resolve(
    expression: str, anchor: dt.date | None, *, direction: Direction = "auto"
) -> TimeRef | None:
    """Resolve a time expression against the publication date ``anchor``.

    Args:
        expression: "in September", "last Tuesday", "9 May 2024", "two years ago", ...
        anchor: The publication date; None leaves relative expressions unresolved.
        direction: Which way a bare month, weekday or day-month points: ``past``, ``future`` or
            ``auto`` (months and weekdays as ``past``; day-months to the nearer occurrence).

    Returns:
        The resolved :class:`TimeRef`, or None when the expression is not understood, needs an
        anchor that is missing, or cannot be dated honestly (decades, durations).

    Raises:
        ValueError: ``direction`` is not ``past``, ``future`` or ``auto``.
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {DIRECTIONS}, got {direction!r}")
    norm = _normalise(expression)
    for pattern, parser in _PARSERS:
        match = pattern.fullmatch(norm)
        if match:
            result = parser(match, anchor, direction)
            if result is None:
                return None
            return TimeRef(value=result[0], precision=result[1], text=expression.strip())
    return None


_FROM_PREVIOUS = re.compile(
    r"(?:(?P<dir>following|next|subsequent|previous|preceding) (?P<unit>day|week|month|year)"
    r"|(?P<n>[a-z0-9-]+) (?P<unit2>day|week|month|year)s? (?P<dir2>later|after|afterwards|"
    r"earlier|before)"
    r"|(?:same|(?:(?:later|earlier) )?that) (?P<unit3>day|week|month|year)"
    r"|that (?P<month>[a-z]+)"
    r"|(?P<month4>[a-z]+)(?: (?P<day4>\d{1,2}))? (?:of )?that year"
    r"|(?:the )?(?:days|weeks) that followed|(?:the )?following (?:days|weeks)"
    r"|(?:(?:a few|several|some) )?days (?:later|afterwards)"
    r"|(?P<hours>(?:(?:a few|several|some|[a-z0-9-]+) )?(?:hours?|minutes?|moments?) "
    r"(?:later|afterwards|earlier)))"
)


def resolve_from(expression: str, previous: TimeRef) -> TimeRef | None:
    """Resolve an expression that counts from an earlier date in the text, not from the
    publication date: "the following month", "two days later", "the same day", "later that
    year", "that November".

    Args:
        expression: The time expression as written.
        previous: The last date the text gave before it.

    Returns:
        The resolved :class:`TimeRef`, never finer than ``previous`` allows ("the next day"
        after "in May" is unknown), or None when the expression is not one of these.
    """
    m = _previous_match(expression)
    if m is None:
        return None
    result = _count_from(m, previous)
    if result is None:
        return None
    return TimeRef(value=result[0], precision=result[1], text=expression.strip())


def counts_from_previous(expression: str) -> bool:
    """True for an expression :func:`resolve_from` can read ("the following month"), which
    counts from an earlier date in the text rather than from the publication date."""
    m = _previous_match(expression)
    return m is not None and _count_from(m, _ANY_DAY) is not None


def may_count_from_previous(text: str) -> bool:
    """A cheap test before :func:`counts_from_previous`: False when ``text`` holds none of
    the words that every such expression needs."""
    return _COUNTING_WORD.search(text) is not None


def find_counted(text: str) -> list[tuple[int, int, str]]:
    """Spans of the commonest expressions that count from an earlier date ("The next day",
    "later that day", "a day later"), as ``(start, end, expression)`` in text order; a
    finder for :func:`resolve_from`, as :func:`find` is for :func:`resolve`."""
    return [(m.start(), m.end(), m.group()) for m in _COUNTED_TIME.finditer(text)]


def points_back(text: str) -> bool:
    """True when ``text`` holds a time that points back to an earlier event's without
    counting from it ("that evening", "the same month", "at that meeting"): it says the text
    is about another time, though not which."""
    return _POINTING_BACK.search(text) is not None


#: Times that point back to an earlier event's (see :func:`points_back`).
_POINTING_BACK = re.compile(
    r"\b(?:that|the same|the following|the previous|the next)(?: same)? "
    r"(?:day|evening|night|morning|afternoon|week|weekend|month|year)\b"
    r"|\b(?:at|after|before) that (?:meeting|summit|time|point)\b",
    re.IGNORECASE,
)
#: A word without which no expression counts from an earlier date (see ``_FROM_PREVIOUS``).
_COUNTING_WORD = re.compile(
    r"\b(?:that|same|next|following|subsequent|previous|preceding|later|earlier|after|afterwards|"
    r"before)\b",
    re.IGNORECASE,
)
#: Expressions counted from an earlier date, as written in running text.
_COUNTED_TIME = re.compile(
    r"\b(?:the (?:next|following|same) (?:day|week|month)"
    r"|(?:later|earlier) that (?:day|week|month|year)"
    r"|(?:an?|one|two|three|four|five|six|seven|\d+) (?:days?|weeks?|months?)"
    r" (?:later|afterwards))\b",
    re.IGNORECASE,
)

#: A day-precision date to test :func:`resolve_from` against: any day reads every pattern.
_ANY_DAY = TimeRef("2000-01-01", "day", "")


def _previous_match(expression: str) -> re.Match[str] | None:
    m = _FROM_PREVIOUS.fullmatch(_normalise(expression))
    if m is None or (m["dir"] == "next" and not re.search(r"\bthe next\b", expression.lower())):
        return None  # "next week" counts from the publication date
    return m


def _count_from(m: re.Match[str], previous: TimeRef) -> _Resolved:
    parts = [int(x) for x in previous.value.split("-")]
    year, month, day = [*parts, 1, 1][:3]
    if m["hours"]:
        # "hours later": the same day as the date before, at its precision
        return previous.value, previous.precision
    if m["month"]:
        number = MONTHS.get(m["month"])
        return _month_ref(year, number) if number else None
    if m["month4"]:
        number = MONTHS.get(m["month4"])
        if not number:
            return None
        if m["day4"]:
            found = _safe_date(year, number, int(m["day4"]))
            return _day_ref(found) if found else None
        return _month_ref(year, number)
    if not (m["unit"] or m["unit2"] or m["unit3"]):
        # "in the days that followed", "days later": the same month as the date before
        return (f"{year:04d}", "year") if previous.precision == "year" else _month_ref(year, month)
    unit = m["unit"] or m["unit2"] or m["unit3"]
    if m["unit3"]:
        delta = 0
    elif m["unit"]:
        delta = -1 if m["dir"] in ("previous", "preceding") else 1
    else:
        count = _number(m["n"].replace("a", "1") if m["n"] in ("a", "an") else m["n"])
        if count is None:
            return None
        delta = -count if m["dir2"] in ("earlier", "before") else count
    finest = {"year": 0, "month": 1, "day": 2}[previous.precision]
    if unit == "year":
        return f"{year + delta:04d}", "year"
    if unit == "month" and finest >= 1:
        return _month_ref(*_shift_month(year, month, delta))
    if unit in ("day", "week") and finest == 2:
        shifted = dt.date(year, month, day) + dt.timedelta(
            days=delta * (7 if unit == "week" else 1)
        )
        return _day_ref(shifted) if unit == "day" else _month_ref(shifted.year, shifted.month)
    return None


def _normalise(expression: str) -> str:
    """Lower case, single spaces, no commas/periods/possessive, leading prepositions dropped."""
    text = expression.lower().replace("\u2019", "'")
    text = re.sub(r"(?<=[a-z])'s\b", "", text)  # "Tuesday's"; "1990's" stays a decade
    text = re.sub(r"(?<=[a-z])\.", "", text)  # "Sept." -> "sept"
    text = text.replace("mid-", "mid ")
    text = re.sub(r"[,\s]+", " ", text).strip(" .")
    for _ in range(3):  # "in early September", "at the end of May"
        stripped = _LEADING_WORDS.sub("", text)
        if stripped == text:
            break
        text = stripped
    return text


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    total = 0
    for part in word.replace("-", " ").split():
        if part not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[part]
    return total or None


def _day_number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _month_ref(year: int, month: int) -> tuple[str, Precision]:
    return f"{year:04d}-{month:02d}", "month"


def _day_ref(date: dt.date) -> tuple[str, Precision]:
    return date.isoformat(), "day"


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _span_ref(start: dt.date, end: dt.date) -> _Resolved:
    """The finest honest label for a span of days: its month, its year, or nothing."""
    if (start.year, start.month) == (end.year, end.month):
        return _month_ref(start.year, start.month)
    if start.year == end.year:
        return f"{start.year:04d}", "year"
    return None


def _week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


# --- parsers: each gets a fullmatch on the normalised expression -----------------------------


def _iso_day(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Resolved:
    date = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _day_ref(date) if date else None


def _iso_month(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Resolved:
    return _month_ref(int(m["y"]), int(m["m"]))


def _full_date(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Resolved:
    date = _safe_date(int(m["y"]), MONTHS[m["mon"]], _day_number(m["d"]))
    return _day_ref(date) if date else None


def _month_year(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Resolved:
    return _month_ref(int(m["y"]), MONTHS[m["mon"]])


def _month_of_year(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Resolved:
    if anchor is None:
        return None
    delta = {"last": -1, "this": 0, "next": 1}[m["which"]]
    return _month_ref(anchor.year + delta, MONTHS[m["mon"]])


def _day_of_year(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Resolved:
    """ "October 8 last year": that day in the year before the anchor's."""
    if anchor is None:
        return None
    delta = {"last": -1, "this": 0, "next": 1}[m["which"]]
    date = _safe_date(anchor.year + delta, MONTHS[m["mon"]], _day_number(m["d"]))
    return _day_ref(date) if date else None


def _year(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Resolved:
    return m["y"], "year"


def _day_month(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Resolved:
    if anchor is None:
        return None
    month, day = MONTHS[m["mon"]], _day_number(m["d"])
    if _safe_date(2000, month, day) is None:  # 2000 is a leap year: 29 February is valid
        return None
    # Nine years always hold a 29 February (leap years are at most 8 years apart).
    before = _occurrence(month, day, range(anchor.year, anchor.year - 9, -1), lambda d: d <= anchor)
    after = _occurrence(month, day, range(anchor.year, anchor.year + 9), lambda d: d >= anchor)
    if before is None or after is None:
        return None
    if direction == "past":
        return _day_ref(before)
    if direction == "future":
        return _day_ref(after)
    return _day_ref(before if anchor - before <= after - anchor else after)


def _occurrence(
    month: int, day: int, years: range, accept: Callable[[dt.date], bool]
) -> dt.date | None:
    """The first date (month, day) in ``years`` that ``accept`` allows."""
    for year in years:
        date = _safe_date(year, month, day)
        if date is not None and accept(date):
            return date
    return None


def _month_alone(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Resolved:
    if anchor is None:
        return None
    month, which = MONTHS[m["mon"]], _which(m["which"])
    if which == "this":
        return _month_ref(anchor.year, month)
    if which == "last" or (which is None and direction != "future"):
        # Latest such month not after (for "last": strictly before) the anchor's month.
        back = (anchor.month - month) % 12 or (12 if which == "last" else 0)
        return _month_ref(*_shift_month(anchor.year, anchor.month, -back))
    # First such month not before (for "next": strictly after) the anchor's month.
    ahead = (month - anchor.month) % 12 or (12 if which == "next" else 0)
    return _month_ref(*_shift_month(anchor.year, anchor.month, ahead))


def _which(word: str | None) -> str | None:
    """'coming' means 'next'."""
    return "next" if word == "coming" else word


def _weekday(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Resolved:
    if anchor is None:
        return None
    target, which = WEEKDAYS[m["wd"]], _which(m["which"])
    if which == "this":
        monday, _ = _week_of(anchor)
        return _day_ref(monday + dt.timedelta(days=target))
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if which == "last":
        return _day_ref(anchor - dt.timedelta(days=back or 7))
    if which == "next":
        return _day_ref(anchor + dt.timedelta(days=ahead or 7))
    if direction == "future":
        return _day_ref(anchor + dt.timedelta(days=ahead))
    return _day_ref(anchor - dt.timedelta(days=back))


_DAY_WORDS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "tomorrow": 1,
    "the day before yesterday": -2, "day before yesterday": -2,
    "the day after tomorrow": 2, "day after tomorrow": 2,
}  # fmt: skip


def _day_word(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Resolved:
    if anchor is None:
        return None
    return _day_ref(anchor + dt.timedelta(days=_DAY_WORDS[m[0]]))


def _this_last_next(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Resolved:
    if anchor is None:
        return None
    delta = {"last": -1, "this": 0, "next": 1, "coming": 1}[m["which"]]
    unit = m["unit"]
    if unit == "year":
        return f"{anchor.year + delta:04d}", "year"
    if unit == "month":
        return _month_ref(*_shift_month(anchor.year, anchor.month, delta))
    monday, sunday = _week_of(anchor + dt.timedelta(weeks=delta))
    if m["part"] == "earlier" and delta == 0:
        return _span_ref(monday, anchor)
    if m["part"] == "later" and delta == 0:
        return _span_ref(anchor, sunday)
    return _span_ref(monday, sunday)


def _ago(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Resolved:
    count = _number(m["n"])
    if anchor is None or count is None:
        return None
    unit = m["unit"].rstrip("s")
    try:
        if unit == "year":
            return f"{anchor.year - count:04d}", "year"
        if unit == "month":
            return _month_ref(*_shift_month(anchor.year, anchor.month, -count))
        if unit == "day":
            return _day_ref(anchor - dt.timedelta(days=count))
        return _span_ref(*_week_of(anchor - dt.timedelta(weeks=count)))
    except OverflowError:
        return None


def _unsupported(m: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Resolved:
    return None


_M = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
_WD = r"(?P<wd>" + "|".join(WEEKDAYS) + r")"
_Y = rf"(?P<y>{YEAR})"
_D = rf"(?P<d>{DAY})"
_OPT_WD = rf"(?:(?:{'|'.join(WEEKDAYS)}) )?"
_N = r"(?P<n>[\w-]+(?: [\w-]+)?)"

_PARSERS: tuple[tuple[re.Pattern[str], _Parser], ...] = tuple(
    (re.compile(pattern), parser)
    for pattern, parser in (
        (rf"{_Y}-(?P<m>\d\d)-(?P<d>\d\d)(?:t.*)?", _iso_day),
        (rf"{_Y}-(?P<m>0[1-9]|1[0-2])", _iso_month),
        (rf"{_OPT_WD}(?:the )?{_D} (?:of )?{_M} (?:of )?{_Y}", _full_date),
        (rf"{_OPT_WD}{_M} (?:the )?{_D} {_Y}", _full_date),
        (rf"{_M} (?:of )?{_Y}", _month_year),
        (rf"{_M} (?:of )?(?P<which>this|last|next) year", _month_of_year),
        (rf"{_OPT_WD}{_M} (?:the )?{_D},? (?P<which>this|last|next) year", _day_of_year),
        (rf"{_OPT_WD}(?:the )?{_D} (?:of )?{_M},? (?P<which>this|last|next) year", _day_of_year),
        (rf"{YEAR}'?s|'?\d0'?s|\w+ties", _unsupported),  # decades: not dated
        (rf"{_Y}", _year),
        (rf"{_OPT_WD}(?:the )?{_D} (?:of )?{_M}", _day_month),
        (rf"{_OPT_WD}{_M} (?:the )?{_D}", _day_month),
        (rf"(?:(?P<which>last|this|next|coming) )?{_M}", _month_alone),
        (rf"(?:(?P<which>last|this|next|coming) )?{_WD}", _weekday),
        ("|".join(re.escape(word) for word in _DAY_WORDS), _day_word),
        (
            r"(?:(?P<part>earlier|later) )?(?P<which>last|this|next|coming) "
            r"(?P<unit>week|month|year)",
            _this_last_next,
        ),
        (rf"{_N} (?P<unit>{UNIT}) ago", _ago),
    )
)


# ============================================================================================
# find()
# ============================================================================================

_OPT_MOD = rf"(?:{MODIFIER}[\s-])?"
_DATE_CORE = (
    # ISO date (and year-month).
    rf"\b{YEAR}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?\b",
    # 9 May 2024 / Thursday, 9th of May 2024 / May 9, 2024 / early May 2024 / May 9.
    rf"\b{_OPT_MOD}(?:{WEEKDAY},? )?(?:the )?{DAY} (?:of )?{MONTH},? (?:of )?{YEAR}\b",
    rf"\b{_OPT_MOD}(?:{WEEKDAY},? )?{MONTH} {DAY},? {YEAR}\b",
    rf"\b{_OPT_MOD}{MONTH},? (?:of )?{YEAR}\b",
    # May this year, August last year, October 8 last year.
    rf"\b(?:{WEEKDAY},? )?(?:{_FULL_MONTH}) {DAY},? (?i:this|last|next) year\b",
    rf"\b(?:{WEEKDAY},? )?(?:the )?{DAY} (?:of )?(?:{_FULL_MONTH}),? (?i:this|last|next) year\b",
    rf"\b{_OPT_MOD}(?:{_FULL_MONTH}),? (?:of )?(?i:this|last|next) year\b",
    rf"\b(?:{WEEKDAY},? )?(?:the )?{DAY} (?:of )?{MONTH}",
    rf"\b(?:{WEEKDAY},? )?{MONTH} {DAY}\b(?![:.,]?\d)",
    # Month names with a modifier: last December, early September, the end of March.
    rf"\b(?:(?i:last|this|next|coming) |{MODIFIER}[\s-])(?:{_FULL_MONTH})\b",
    # Months that are never ordinary words, alone.
    rf"\b(?:{'|'.join(SAFE_MONTHS)})\b",
    # Weekdays, with last/this/next.
    rf"\b(?:(?i:last|this|next|coming) )?{WEEKDAY}\b",
    # yesterday, today, tomorrow, last night, this morning ...
    r"\b(?i:(?:the )?day (?:before yesterday|after tomorrow)|yesterday|today|tomorrow|tonight|"
    r"last night|this (?:morning|afternoon|evening))\b",
    # last week, earlier this month, next year, late last year ...
    rf"\b(?:{MODIFIER}\s)?(?i:(?:earlier |later )?(?:last|this|next|coming) "
    r"(?:week|month|year))\b",
    # two years ago, a week ago.
    rf"\b(?i:{_NUMBER} {UNIT} ago)\b",
    # Years with a modifier: early 2023, mid-2023, the end of 2023.
    rf"\b{MODIFIER}[\s-]{YEAR}\b",
)
# Expressions that count only after a preposition; the preposition is not part of the span
# (the TimeML convention: "in <TIMEX3>May</TIMEX3>").
_AFTER_PREPOSITION = (
    rf"\b{PREPOSITION} (?:the (?:month of )?)?(?P<x>(?:{_FULL_MONTH})\b)",
    # The second of two months: "between October and March", "In February and March".
    rf"\b(?:{_FULL_MONTH}) (?:and|or|to|through|until|till) (?P<x>(?:{_FULL_MONTH})\b)",
    rf"\b{PREPOSITION} (?P<x>{YEAR})\b(?!-|\s?%)",
)
_FINDERS = tuple(re.compile(p) for p in _DATE_CORE + _AFTER_PREPOSITION)


def find(text: str) -> list[tuple[int, int, str]]:
    """Character spans of time expressions in ``text`` (regex based).

    Overlapping candidates are settled longest first; the result is non-overlapping and in
    text order, as ``(start, end, expression)`` with ``text[start:end] == expression``.
    Month names and weekdays must be capitalised; "May", "March" and "August" also need a day,
    a year or a word such as "in", "last" or "early" before them ("Armenia may join" -> []).
    A leading preposition is not part of the span; a modifier ("last", "early") is.
    """
    candidates: set[tuple[int, int]] = set()
    for finder in _FINDERS:
        for match in finder.finditer(text):
            start, end = match.span("x") if "x" in finder.groupindex else match.span()
            candidates.add((start, end))
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(candidates, key=lambda span: (span[0] - span[1], span[0])):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
    return [(start, end, text[start:end]) for start, end in sorted(chosen)]
