"""Calibrate the coder's confidence on the dev splits (``make train`` runs this).

For each PLOVER type, the share of the coder's events that match a gold event on the dev
splits (plover_gsr dev, petr2_gsr dev, the project's development articles) is its empirical
precision. It is smoothed toward the
lexicon's prior (0.8) with a Beta prior worth :data:`PRIOR_WEIGHT` events, and written to
``src/thucydides/coding/data/calibration.yaml``, which the coder reads: an event's confidence
is its type's calibrated precision, lowered when a side is unnamed, raised by more mentions.
Test splits and the seed are never used here.

    .venv/bin/python scripts/calibrate.py
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import yaml

from thucydides.evaluation import score
from thucydides.evaluation.paths import shared_dir
from thucydides.evaluation.suite import code_gold
from thucydides.pipeline import Pipeline

DEV_SETS = (
    "gold/plover_gsr/plover_gsr.dev.gold.jsonl",
    "gold/petr2_gsr/petr2_gsr.dev.gold.jsonl",
    "@samples/dev/dev.gold.jsonl",
)
REPO = Path(__file__).resolve().parents[1]
#: The lexicon's default prior precision, and how many events it is worth (a weak prior: the
#: dev splits have 10-40 predictions per type).
PRIOR, PRIOR_WEIGHT = 0.8, 4.0
OUT = Path(__file__).resolve().parents[1] / "src/thucydides/coding/data/calibration.yaml"


def main() -> None:
    shared = shared_dir()
    if shared is None:
        raise SystemExit("error: ../shared (the gold data) is not beside this checkout")
    pipeline = Pipeline()
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for rel in DEV_SETS:
        path = REPO / rel[1:] if rel.startswith("@") else shared / rel
        gold, events = code_gold(pipeline, path)
        report = score(gold, events)
        wrong = {fp.event_id for fp in report.false_positives}
        for e in events:
            if any(g.id == e.doc_id for g in gold):
                total[e.event] += 1
                right[e.event] += e.event_id not in wrong
    table = {
        t: {
            "precision": round((right[t] + PRIOR * PRIOR_WEIGHT) / (total[t] + PRIOR_WEIGHT), 3),
            "events": total[t],
        }
        for t in sorted(total)
    }
    header = (
        "# Calibrated precision of the coder per PLOVER type (scripts/calibrate.py).\n"
        f"# Measured {dt.date.today().isoformat()} on the dev splits: "
        + ", ".join(DEV_SETS)
        + f".\n# Smoothed toward {PRIOR} with a prior worth {PRIOR_WEIGHT:g} events. "
        "Types not listed use the lexicon's prior.\n"
    )
    OUT.write_text(header + yaml.safe_dump({"types": table}, sort_keys=True))
    for t, row in table.items():
        print(f"{t:10s} {row['precision']:.3f}  ({row['events']} events)")


if __name__ == "__main__":
    main()
