"""Dyad series from a small hand-made store: counts, weights, windows and the dyad filter."""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides.analysis import relations, sparkline
from thucydides.errors import ConfigError
from thucydides.records import Actor, Document, Event, Mention
from thucydides.store import EventStore


def _event(
    doc: str,
    n: int,
    actor: tuple[str, ...],
    recipient: tuple[str, ...],
    *,
    cameo: str = "042",
    goldstein: float = 2.0,
    quad: int = 1,
    event: str = "CONSULT",
    date: str | None = "2024-01-10",
    precision: str | None = "day",
    aux: str | None = None,
    mentions: int = 1,
) -> Event:
    return Event(
        doc_id=doc,
        event_id=f"{doc}-{n}",
        event=event,
        mode=None,
        cameo=cameo,
        actor=tuple(Actor(code=c) for c in actor),
        recipient=tuple(Actor(code=c) for c in recipient),
        quad=quad,
        goldstein=goldstein,
        plover_score=goldstein,
        date=date,
        date_precision=precision,
        aux=aux,  # type: ignore[arg-type]
        mentions=tuple(Mention(i, 0, 4, "text", "text") for i in range(mentions)),
    )


@pytest.fixture()
def store():
    s = EventStore()
    d = Document("d1", "text", dt.date(2024, 3, 1))
    s.write(
        [
            (
                d,
                [
                    _event("d1", 0, ("ARM",), ("RUS",), goldstein=4.0, mentions=3),
                    _event(
                        "d1",
                        1,
                        ("RUS",),
                        ("ARM",),
                        cameo="112",
                        goldstein=-2.0,
                        quad=3,
                        event="ACCUSE",
                        date="2024-03-02",
                    ),
                    _event("d1", 2, ("ARM",), ("RUS",), aux="negated", goldstein=-10.0),
                    _event("d1", 3, ("ARM",), ("RUS",), date="2024", precision="year"),
                    _event(
                        "d1", 4, ("FRA", "ARM"), ("USA", "RUS"), goldstein=6.0, date="2024-03-20"
                    ),
                    _event("d1", 5, ("ARM",), ("AZE",), goldstein=-8.0),
                ],
            ),
            (
                Document("d2", "text", dt.date(2024, 1, 10)),
                [
                    _event("d2", 0, ("ARM",), ("RUS",), goldstein=4.0),
                ],
            ),
        ]
    )
    yield s
    s.close()


def test_monthly_series_counts_both_directions_and_compound_actors(store):
    series = relations(store, "ARM", "RUS", by="month", weight="articles", compound=True)
    assert series.periods == (dt.date(2024, 1, 1), dt.date(2024, 2, 1), dt.date(2024, 3, 1))
    assert series.events == (2, 0, 2)
    assert series.goldstein_sum == (8.0, 0.0, 4.0)
    assert series.goldstein_mean == (4.0, None, 2.0)
    assert series.quads[1] == (2, 0, 1)
    assert series.quads[3] == (0, 0, 1)
    assert series.types == {"ACCUSE": (0, 0, 1), "CONSULT": (2, 0, 1)}
    assert series.quad_net == (2, 0, 0)


def test_mention_weights_count_each_reporting_sentence(store):
    series = relations(store, "ARM", "RUS", weight="mentions", until="2024-01")
    assert series.volume == (4.0,)
    assert series.goldstein_sum == (16.0,)


def test_event_weights_count_a_repeated_report_once(store):
    series = relations(store, "ARM", "RUS", weight="events", until="2024-01")
    assert series.volume == (1.0,)
    assert series.goldstein_mean == (4.0,)


def test_directed_series_keeps_one_direction(store):
    series = relations(store, "RUS", "ARM", directed=True, weight="articles")
    assert (series.periods, series.events) == ((dt.date(2024, 3, 1),), (1,))


def test_year_precision_event_counts_only_in_yearly_series(store):
    assert relations(store, "ARM", "RUS", by="year").events == (4,)
    assert relations(store, "ARM", "RUS", by="month").total_events == 3


def test_compound_events_count_only_when_asked(store):
    assert relations(store, "ARM", "RUS", until="2024-03").events == (2, 0, 1)
    assert relations(store, "ARM", "RUS", until="2024-03", compound=True).events == (2, 0, 2)


def test_window_keeps_empty_periods(store):
    series = relations(store, "ARM", "AZE", since="2023-12", until="2024-02")
    assert series.periods == (dt.date(2023, 12, 1), dt.date(2024, 1, 1), dt.date(2024, 2, 1))
    assert series.events == (0, 1, 0)


def test_weekly_periods_start_on_monday(store):
    series = relations(store, "ARM", "AZE", by="week")
    assert series.periods == (dt.date(2024, 1, 8),)


def test_band_is_mean_plus_minus_two_standard_errors(store):
    series = relations(
        store, "ARM", "RUS", weight="articles", since="2024-03", until="2024-03", compound=True
    )
    low, high = series.band()
    # March: scores -2 and 6 (the compound event): mean 2, sample sd 5.657, se 5.657 / sqrt 2
    assert series.goldstein_se == (pytest.approx(4.0),)
    assert (low[0], high[0]) == (pytest.approx(2 - 1.959964 * 4), pytest.approx(2 + 1.959964 * 4))


def test_rows_and_csv_have_one_line_per_period(store, tmp_path):
    import io

    series = relations(store, "ARM", "RUS", weight="articles")
    out = io.StringIO()
    series.to_csv(out)
    lines = out.getvalue().splitlines()
    assert lines[0].split(",")[:4] == ["period", "events", "volume", "goldstein_sum"]
    assert [line.split(",")[0] for line in lines[1:]] == ["2024-01-01", "2024-02-01", "2024-03-01"]


def test_unknown_period_size_is_a_config_error(store):
    with pytest.raises(ConfigError, match="by: unknown period 'fortnight'"):
        relations(store, "ARM", "RUS", by="fortnight")


def test_malformed_since_is_a_config_error(store):
    with pytest.raises(ConfigError, match="since: 'last year' is not a date"):
        relations(store, "ARM", "RUS", since="last year")


def test_store_path_is_opened_read_only(tmp_path):
    path = tmp_path / "events.duckdb"
    with EventStore(path) as s:
        s.write(
            [
                (
                    Document("d", "t", dt.date(2024, 5, 1)),
                    [_event("d", 0, ("ARM",), ("RUS",), date="2024-05-02")],
                )
            ]
        )
    assert relations(str(path), "arm", "rus").events == (1,)


def test_sparkline_maps_the_goldstein_scale_to_eight_blocks():
    assert sparkline([-10.0, 0.0, 10.0, None]) == "▁▅█ "
