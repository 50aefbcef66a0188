"""A synthetic news corpus for benchmarks: realistic articles, any number, reproducibly.

    python -m thucydides.synth.corpus corpus.jsonl.gz --articles 100000 --seed 1

The corpus is a set of *stories* (one political event: a visit, an accusation, sanctions,
an attack ...), each reported by one to four articles from different outlets on the day of
the event or up to two days later, so that cross-article merging has work to do. An article
is a headline and 8 to 14 sentences: a lead that reports the event (dated "on May 9", "on
Monday" or not at all), a quote, background that reports an older event, and filler prose
(economy, weather of opinion, numbers) that the coder should leave alone. Country names,
demonyms and capitals come from the actor knowledge base (``actors/data/states.yaml``);
outlets and people are invented.

Output is JSONL (``.jsonl`` or ``.jsonl.gz``) in the ingest format: ``id``, ``text``,
``date``, ``title``, ``url``, ``source``. The same seed gives the same corpus byte for byte.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any, cast

import yaml

#: Countries the stories are about: a mix of regions, all with a capital and demonym in the
#: knowledge base.
COUNTRY_CODES: tuple[str, ...] = (
    "ARM", "AZE", "RUS", "UKR", "USA", "CHN", "FRA", "DEU", "GBR", "TUR", "IRN", "ISR",
    "EGY", "IND", "PAK", "JPN", "KOR", "BRA", "MEX", "NGA", "ETH", "KEN", "POL", "GEO",
    "KAZ", "SRB", "SAU", "QAT", "IDN", "VNM",
)  # fmt: skip

OUTLETS: tuple[str, ...] = (
    "Harbor Times", "Daily Courier", "Global Wire", "Evening Ledger", "Northern Post",
    "Capital Tribune", "Morning Herald", "World Dispatch", "Continental Review",
    "The Observer Line", "Regional Monitor", "Atlas News",
)  # fmt: skip

SURNAMES: tuple[str, ...] = (
    "Petrosyan", "Aliyev", "Ivanova", "Kovalenko", "Miller", "Zhang", "Dubois", "Schneider",
    "Clarke", "Yilmaz", "Rahimi", "Levi", "Hassan", "Sharma", "Qureshi", "Tanaka", "Park",
    "Silva", "Hernandez", "Okafor", "Bekele", "Mwangi", "Nowak", "Beridze", "Nurlanov",
)  # fmt: skip

# Lead sentences by story kind. {a}/{b}: country names; {a_dem}/{b_dem}: demonyms;
# {b_cap}: capital; {when}: " on May 9" / " on Monday" / "".
LEADS: dict[str, tuple[str, ...]] = {
    "visit": (
        "{a_dem} Foreign Minister {person} visited {b_cap}{when} for talks with {b_dem} officials.",
        "The president of {a} travelled to {b_cap}{when} to meet the {b_dem} leadership.",
    ),
    "meet": (
        "{a_dem} and {b_dem} diplomats met in Geneva{when} to discuss the border dispute.",
        "{a} held talks with {b}{when} on energy supplies and transit fees.",
    ),
    "accuse": (
        "{a} accused {b} of violating the ceasefire{when}.",
        "The {a_dem} government{when} accused {b} of interfering in its elections.",
    ),
    "criticize": (
        "{a} sharply criticized {b}{when} over its treatment of journalists.",
        "{a_dem} officials condemned the {b_dem} decision{when}, calling it reckless.",
    ),
    "sanction": (
        "{a} imposed new sanctions on {b}{when}, targeting its banks and energy firms.",
        "{a} announced sanctions against {b_dem} officials{when}.",
    ),
    "threaten": (
        "{a} threatened {b} with retaliation{when} if the blockade continues.",
        "The {a_dem} defence ministry warned {b}{when} that it would respond to any provocation.",
    ),
    "agree": (
        "{a} and {b} signed an agreement{when} to expand trade and cooperation.",
        "{a} agreed{when} to resume gas deliveries to {b}.",
    ),
    "aid": (
        "{a} sent humanitarian aid to {b}{when} after the floods.",
        "{a} pledged military assistance to {b}{when}.",
    ),
    "attack": (
        "{a_dem} forces attacked {b_dem} positions near the border{when}.",
        "{a_dem} troops shelled villages in {b}{when}, officials said.",
    ),
    "protest": (
        "Thousands of people protested in {a_cap}{when} against the agreement with {b}.",
        "Demonstrators rallied outside the {b_dem} embassy in {a_cap}{when}.",
    ),
}

HEADLINES: dict[str, str] = {
    "visit": "{a_dem} minister in {b_cap} for talks",
    "meet": "{a} and {b} hold talks",
    "accuse": "{a} accuses {b}",
    "criticize": "{a} criticizes {b}",
    "sanction": "{a} imposes sanctions on {b}",
    "threaten": "{a} warns {b}",
    "agree": "{a} and {b} reach deal",
    "aid": "{a} aid for {b}",
    "attack": "Fighting on the {a_dem}-{b_dem} border",
    "protest": "Protests in {a_cap}",
}

QUOTES: tuple[str, ...] = (
    '"We expect concrete steps, not words," {person} told reporters in {a_cap}.',
    '"The situation remains difficult," a senior {a_dem} official said on condition of anonymity.',
    '"This is a turning point for the region," said {person}, an analyst in {b_cap}.',
    "A spokesperson for the {b_dem} foreign ministry declined to comment.",
)

BACKGROUND: tuple[str, ...] = (
    "In {year}, {a} and {c} signed a treaty on economic cooperation.",
    "{c} mediated between the two countries in {year}.",
    "Relations between {a} and {b} deteriorated sharply in {year}.",
    "The two governments last met in {year}, when talks ended without agreement.",
)

FILLER: tuple[str, ...] = (
    "Trade between the two countries reached {n} billion dollars last year.",
    "The central bank kept its main interest rate at {pct} percent.",
    "Inflation slowed to {pct} percent in the previous quarter, according to official data.",
    "Analysts said the outcome could shape regional security for years to come.",
    "The parliament is expected to debate the budget later this month.",
    "About {n} thousand people live in the border districts, many of them farmers.",
    "Opposition parties have called for early elections.",
    "Energy prices have risen by {pct} percent since the start of the year.",
    "The ministry said a detailed statement would be published next week.",
    "Local media reported long queues at the main border crossing.",
    "Officials said the roads in the mountain region remained closed because of snow.",
    "The currency lost {pct} percent of its value against the dollar this year.",
    "A new railway line between the capital and the coast is due to open in {year2}.",
    "Independent observers said turnout in the last vote was around {pct} percent.",
    "{person}, a professor of international relations, said the region was at a crossroads.",
    "The government has promised to raise pensions by {pct} percent next year.",
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class Country:
    """A country as the synthetic news names it."""

    code: str
    name: str
    demonym: str
    capital: str


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """The story countries, read from the actor knowledge base (``states.yaml``)."""
    text = (resources.files("thucydides.actors") / "data" / "states.yaml").read_text("utf-8")
    by_code = {s["code"]: s for s in yaml.safe_load(text)["states"]}
    out = []
    for code in COUNTRY_CODES:
        s = by_code[code]
        out.append(Country(code, s["name"], s["demonyms"][0], s["capitals"][0]))
    return tuple(out)


@dataclass(frozen=True)
class Story:
    """One event that several articles report."""

    kind: str
    a: Country
    b: Country
    c: Country
    day: dt.date
    lead: int


def generate(
    articles: int, *, seed: int = 0, start: dt.date = dt.date(2024, 1, 1), days: int = 365
) -> Iterator[dict[str, Any]]:
    """Yield ``articles`` JSONL records (ingest format), deterministically for ``seed``."""
    rng = random.Random(seed)
    made = 0
    story_no = 0
    while made < articles:
        story = _story(rng, start, days)
        reports = min(rng.choice((1, 1, 2, 2, 3, 4)), articles - made)
        for outlet in rng.sample(OUTLETS, reports):
            yield _article(rng, story, outlet, f"syn{seed}-{made:07d}")
            made += 1
        story_no += 1


def _story(rng: random.Random, start: dt.date, days: int) -> Story:
    a, b, c = rng.sample(countries(), 3)
    kind = rng.choice(sorted(LEADS))
    day = start + dt.timedelta(days=rng.randrange(days))
    return Story(kind, a, b, c, day, rng.randrange(len(LEADS[kind])))


def _fill(template: str, rng: random.Random, story: Story, when: str = "") -> str:
    a, b, c = story.a, story.b, story.c
    return template.format(
        a=a.name,
        b=b.name,
        c=c.name,
        a_dem=a.demonym,
        b_dem=b.demonym,
        a_cap=a.capital,
        b_cap=b.capital,
        person=rng.choice(SURNAMES),
        when=when,
        year=rng.randrange(1995, 2023),
        year2=rng.randrange(2025, 2031),
        n=rng.randrange(2, 90),
        pct=f"{rng.randrange(1, 30)}.{rng.randrange(10)}",
    )


def _when(rng: random.Random, event: dt.date, published: dt.date) -> str:
    roll = rng.random()
    if roll < 0.5:
        return f" on {MONTHS[event.month - 1]} {event.day}"
    if roll < 0.8 and published > event:
        return f" on {WEEKDAYS[event.weekday()]}"
    return ""


def _article(rng: random.Random, story: Story, outlet: str, doc_id: str) -> dict[str, Any]:
    published = story.day + dt.timedelta(days=rng.choice((0, 0, 1, 1, 2)))
    when = _when(rng, story.day, published)
    lead = _fill(LEADS[story.kind][story.lead], rng, story, when)
    body = [lead, _fill(rng.choice(QUOTES), rng, story)]
    body.append(_fill(rng.choice(BACKGROUND), rng, story))
    body.extend(_fill(t, rng, story) for t in rng.sample(FILLER, rng.randrange(5, 12)))
    paragraphs = [" ".join(body[i : i + 3]) for i in range(0, len(body), 3)]
    slug = outlet.lower().replace(" ", "")
    return {
        "id": doc_id,
        "text": "\n\n".join(paragraphs),
        "date": published.isoformat(),
        "title": _fill(HEADLINES[story.kind], rng, story),
        "url": f"https://{slug}.example/{published.isoformat()}/{doc_id}",
        "source": outlet,
    }


def _open_binary(path: Path) -> IO[bytes]:
    if path.suffix == ".gz":
        return cast(IO[bytes], gzip.open(path, "wb", compresslevel=1))
    return path.open("wb")


def write_corpus(path: str | Path, articles: int, *, seed: int = 0) -> int:
    """Write ``articles`` records to ``path`` (gzipped when it ends in ``.gz``); returns bytes."""
    target = Path(path)
    size = 0
    with _open_binary(target) as handle:
        for record in generate(articles, seed=seed):
            line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
            handle.write(line)
            size += len(line)
    return size


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m thucydides.synth.corpus OUT --articles N --seed S``."""
    parser = argparse.ArgumentParser(description="Write a synthetic news corpus (JSONL).")
    parser.add_argument("out", type=Path, help="Output file (.jsonl or .jsonl.gz)")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    size = write_corpus(args.out, args.articles, seed=args.seed)
    print(f"{args.articles} articles, {size / 1e6:.1f} MB of JSONL -> {args.out}")


if __name__ == "__main__":
    main()
