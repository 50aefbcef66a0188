"""Evaluation: scoring coded events against gold documents.

The scorer implements ``shared/gold/FORMAT.md`` ("Scoring (how gold and records meet)"):

    load_gold(path) -> [GoldDocument]        gold.py     (validated at the edge)
    gold_to_document(gold) -> Document       gold.py     (to code the gold text)
    score(gold, predictions) -> Report       scorer.py   (one-to-one optimal matching: matching.py)
    render_table(report, ...) -> str         render.py   (terminal output; JSON is report.to_dict())

Side benches: :mod:`.pentaclass` (ConfliBERT CAMEO quad classes) and :mod:`.actor_cases` (NGEC
actor-resolution cases). :func:`.paths.shared_dir` finds the shared data folder.
"""

from thucydides.evaluation.gold import GoldDocument, GoldEvent, gold_to_document, load_gold
from thucydides.evaluation.matching import Attributes
from thucydides.evaluation.paths import gold_dir, shared_dir
from thucydides.evaluation.render import render_table
from thucydides.evaluation.scorer import FalsePositive, Match, Miss, Report, TypeRow, score

__all__ = [
    "Attributes",
    "FalsePositive",
    "GoldDocument",
    "GoldEvent",
    "Match",
    "Miss",
    "Report",
    "TypeRow",
    "gold_dir",
    "gold_to_document",
    "load_gold",
    "render_table",
    "score",
    "shared_dir",
]
