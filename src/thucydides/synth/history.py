"""A synthetic event history: years of dated events for a few dyads, with known turns.

    store = EventStore("history.duckdb")
    generate_history(store, seed=0)        # events written

The scenarios (dyads, regimes, CAMEO pools, sentence templates) are in ``data/history.yaml``.
For every dyad and month, the number of events is drawn from a Poisson distribution with the
regime's rate; each event's CAMEO code is drawn from the cooperative pool with the regime's
probability, else from its conflict pool. Each event is one short synthetic article (a
:class:`~thucydides.records.Document` whose sentence is the event's evidence), so analyses can
show evidence and links exactly as they do for coded news. The same seed gives the same history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from thucydides.coding.ontology import Ontology, default_ontology
from thucydides.errors import ConfigError
from thucydides.records import Actor, Document, Event, Mention

SCENARIO_FILE = Path(__file__).resolve().parent / "data" / "history.yaml"
DEFAULT_START = dt.date(2019, 1, 1)
DEFAULT_END = dt.date(2025, 6, 30)
#: Stored with every synthetic document (``documents.coder_version``).
CODER_VERSION = "synth.history.v1"
#: Documents per store transaction.
_BATCH = 2000
# Share of synthetic articles that report their event twice (a second mention sentence), so
# that mention weights differ from article weights; an arbitrary round figure.
_REPEAT_SHARE = 0.3
_REPEAT_SENTENCE = "Officials from {a} and {b} confirmed the report."


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Regime(_Strict):
    """One period of a dyad's history."""

    start: dt.date
    events_per_month: float = Field(ge=0)
    cooperative: float = Field(ge=0, le=1)
    conflict_pool: str


class DyadScenario(_Strict):
    pair: tuple[str, str]
    regimes: list[Regime] = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> DyadScenario:
        starts = [r.start for r in self.regimes]
        if starts != sorted(starts):
            raise ValueError(f"regimes of {self.pair} are not in date order")
        return self


class Scenarios(_Strict):
    """The whole scenario file."""

    actors: dict[str, str]
    pools: dict[str, list[str]]
    sentences: dict[str, str]
    dyads: list[DyadScenario]

    @model_validator(mode="after")
    def _linked(self) -> Scenarios:
        for dyad in self.dyads:
            missing = [code for code in dyad.pair if code not in self.actors]
            if missing:
                raise ValueError(f"dyad {dyad.pair}: no actor name for {missing}")
            for regime in dyad.regimes:
                if regime.conflict_pool not in self.pools:
                    raise ValueError(f"dyad {dyad.pair}: unknown pool {regime.conflict_pool!r}")
        if "cooperative" not in self.pools:
            raise ValueError("no 'cooperative' pool")
        for name, codes in self.pools.items():
            missing = [code for code in codes if code not in self.sentences]
            if missing:
                raise ValueError(f"pool {name}: no sentence for CAMEO codes {missing}")
        return self


def load_scenarios(path: Path | None = None) -> Scenarios:
    """Read and validate a scenario file (the shipped one by default).

    Raises:
        ConfigError: the file is missing, not YAML, or does not follow the schema.
    """
    path = path or SCENARIO_FILE
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Scenarios.model_validate(raw)
    except (OSError, yaml.YAMLError, ValidationError) as err:
        first = str(err).strip().splitlines()[0]
        raise ConfigError(f"{path}: invalid synthetic history scenarios: {first}") from err


@lru_cache(maxsize=1)
def _default_scenarios() -> Scenarios:
    return load_scenarios()


def generate_history(
    store: Any,
    *,
    seed: int = 0,
    start: dt.date = DEFAULT_START,
    end: dt.date = DEFAULT_END,
    scenarios: Scenarios | None = None,
) -> int:
    """Write a synthetic history into ``store`` (an ``EventStore``); returns the event count."""
    total = 0
    batch: list[tuple[Document, Sequence[Event]]] = []
    for doc, event in history(seed=seed, start=start, end=end, scenarios=scenarios):
        batch.append((doc, (event,)))
        if len(batch) >= _BATCH:
            store.write(batch, coder_version=CODER_VERSION)
            total += len(batch)
            batch = []
    if batch:
        store.write(batch, coder_version=CODER_VERSION)
        total += len(batch)
    return total


def history(
    *,
    seed: int = 0,
    start: dt.date = DEFAULT_START,
    end: dt.date = DEFAULT_END,
    scenarios: Scenarios | None = None,
) -> Iterator[tuple[Document, Event]]:
    """Every synthetic article with its event, dyad by dyad, month by month."""
    spec = scenarios or _default_scenarios()
    onto = default_ontology()
    rng = np.random.default_rng(seed)
    for dyad in spec.dyads:
        for month in _months(start, end):
            regime = _regime(dyad, month)
            if regime is None:
                continue
            days = _days_in_month(month, start, end)
            count = int(rng.poisson(regime.events_per_month * len(days) / _month_length(month)))
            for k in range(count):
                day = days[int(rng.integers(len(days)))]
                cooperative = bool(rng.random() < regime.cooperative)
                pool = spec.pools["cooperative" if cooperative else regime.conflict_pool]
                code = pool[int(rng.integers(len(pool)))]
                forward = bool(rng.random() < 0.5)
                actor, recipient = dyad.pair if forward else dyad.pair[::-1]
                repeated = bool(rng.random() < _REPEAT_SHARE)
                doc_id = f"synth-{actor}-{recipient}-{day.isoformat()}-{k:03d}"
                yield _article(spec, onto, doc_id, day, actor, recipient, code, repeated)


def _article(
    spec: Scenarios,
    onto: Ontology,
    doc_id: str,
    day: dt.date,
    actor: str,
    recipient: str,
    code: str,
    repeated: bool,
) -> tuple[Document, Event]:
    names = {"a": spec.actors[actor], "b": spec.actors[recipient]}
    sentence = _capitalised(spec.sentences[code].format(**names))
    sentences = [sentence]
    if repeated:
        sentences.append(_capitalised(_REPEAT_SENTENCE.format(**names)))
    text = " ".join(sentences)
    mentions, offset = [], 0
    for i, s in enumerate(sentences):
        mentions.append(
            Mention(
                sentence=i,
                start=offset,
                end=offset + len(s),
                text=s,
                trigger=s.split()[1] if len(s.split()) > 1 else s,
            )
        )
        offset += len(s) + 1
    cameo = onto.cameo(code)
    if cameo.plover_event is None:
        raise ConfigError(f"{SCENARIO_FILE}: CAMEO code {code} has no PLOVER type")
    doc = Document(
        id=doc_id,
        text=text,
        date=day,
        title=f"{names['a'][:1].upper()}{names['a'][1:]} and {names['b']}: {cameo.name.lower()}",
        url=f"https://synthetic.invalid/{doc_id}",
        source="thucydides synthetic history",
        origin="synth",
    )
    event = Event(
        doc_id=doc_id,
        event_id=f"{doc_id}-e0",
        event=cameo.plover_event,
        mode=cameo.plover_mode,
        cameo=code,
        actor=(Actor(code=actor, sector="GOV", name=spec.actors[actor], text=names["a"]),),
        recipient=(
            Actor(code=recipient, sector="GOV", name=spec.actors[recipient], text=names["b"]),
        ),
        context=("diplomatic",),
        quad=cameo.penta,
        goldstein=cameo.goldstein,
        plover_score=onto.plover_score(cameo.plover_event, cameo.plover_mode),
        date=day.isoformat(),
        date_precision="day",
        mentions=tuple(mentions),
        confidence=1.0,
    )
    return doc, event


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _regime(dyad: DyadScenario, month: dt.date) -> Regime | None:
    current = None
    for regime in dyad.regimes:
        if regime.start <= month:
            current = regime
    return current


def _months(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    month = start.replace(day=1)
    while month <= end:
        yield month
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _month_length(month: dt.date) -> int:
    following = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return (following - month).days


def _days_in_month(month: dt.date, start: dt.date, end: dt.date) -> list[dt.date]:
    days = [month + dt.timedelta(days=i) for i in range(_month_length(month))]
    return [d for d in days if start <= d <= end]
