"""Plain-text rendering of a scoring :class:`~thucydides.evaluation.scorer.Report`.

Monospace tables for the terminal (``thucydides eval --format table``); no colour, no rich
markup, so the output is the same in a pipe, a log and a test.
"""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.evaluation.gold import GoldDocument
from thucydides.evaluation.scorer import FalsePositive, Report


def _num(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
    lines = []
    for row in (header, *rows):
        cells = [
            str(c).ljust(w) if i == 0 else str(c).rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return lines


def _overview(report: Report, gold: Sequence[GoldDocument]) -> list[str]:
    required = sum(1 for d in gold for e in d.events if not e.optional)
    optional = sum(1 for d in gold for e in d.events if e.optional)
    lines = [
        f"gold: {_count(len(gold), 'document')}, {required} required + {optional} optional events",
        f"predictions: {report.predictions} ({report.absorbed} absorbed by optional events)",
    ]
    if report.unknown_docs:
        lines.append(
            f"ignored: {_count(report.unknown_predictions, 'prediction')} for "
            f"{_count(len(report.unknown_docs), 'document')} not in the gold file"
        )
    return lines


def _scores(report: Report) -> list[str]:
    header = ("", "tp", "fp", "dup", "fn", "precision", "recall", "f1")
    counts = (str(report.tp), str(report.fp), str(report.duplicates), str(report.fn))
    return _table(
        header,
        [
            ("strict", *counts, _num(report.precision), _num(report.recall), _num(report.f1)),
            (
                "lenient",
                *counts,
                _num(report.lenient_precision),
                _num(report.recall),
                _num(report.lenient_f1),
            ),
        ],
    )


def _attributes(report: Report) -> list[str]:
    rows = [
        ("mode", _num(report.mode_accuracy), str(report.n_mode)),
        ("cameo (prefix)", _num(report.cameo_accuracy), str(report.n_cameo)),
        ("cameo root", _num(report.cameo_root_accuracy), str(report.n_cameo)),
        ("date", _num(report.date_accuracy), str(report.n_date)),
        ("aux", _num(report.aux_accuracy), str(report.n_aux)),
        ("mention count (MAE)", _num(report.mention_count_mae, 2), str(report.n_mentions)),
    ]
    return _table(("on true positives", "accuracy", "n"), rows)


def _by_type(report: Report) -> list[str]:
    rows = [
        (
            r.event,
            str(r.tp),
            str(r.fp),
            str(r.duplicates),
            str(r.fn),
            _num(r.precision),
            _num(r.recall),
            _num(r.f1),
        )
        for r in report.by_type.values()
    ]
    return _table(("type", "tp", "fp", "dup", "fn", "precision", "recall", "f1"), rows)


def _prediction_line(fp: FalsePositive) -> str:
    dyad = f"{','.join(fp.actor) or '-'} -> {','.join(fp.recipient) or '-'}"
    kind = f"{fp.event}/{fp.cameo}" if fp.cameo else fp.event
    line = f"  {fp.doc_id} {fp.event_id}: {kind} {dyad}"
    if fp.duplicate_of:
        line += f" (duplicate of {fp.duplicate_of})"
    return line + f'\n    trigger "{fp.trigger}" in: {fp.sentence}'


def _errors(report: Report) -> list[str]:
    lines = [f"misses ({len(report.misses)}):"]
    for miss in report.misses:
        note = f" - {miss.note}" if miss.note else ""
        lines.append(f"  {miss.doc_id} {miss.gold_id}: {miss.event}{note}")
        lines.append(f"    text: {miss.excerpt.replace(chr(10), ' ')}")
    lines.append(f"false positives ({len(report.false_positives)}):")
    lines.extend(_prediction_line(fp) for fp in report.false_positives)
    lines.append(f"duplicates ({len(report.duplicate_predictions)}):")
    lines.extend(_prediction_line(fp) for fp in report.duplicate_predictions)
    return lines


def render_table(
    report: Report,
    by_type: bool = False,
    errors: bool = False,
    gold: Sequence[GoldDocument] = (),
) -> str:
    """The report as plain text: overview, scores, attribute accuracies, optional extras.

    Args:
        report: What :func:`~thucydides.evaluation.scorer.score` returned.
        by_type: Add the per-type table.
        errors: Add every miss, false positive and duplicate.
        gold: The gold documents scored, for the overview's event counts.
    """
    sections = [_overview(report, gold), _scores(report), _attributes(report)]
    if by_type:
        sections.append(_by_type(report))
    if errors:
        sections.append(_errors(report))
    return "\n\n".join("\n".join(s) for s in sections) + "\n"
