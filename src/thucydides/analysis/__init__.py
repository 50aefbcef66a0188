"""The analysis stage: what the stored events say about relations between actors.

    series = relations(store, "ARM", "RUS", by="month")     # DyadSeries: counts and scores
    found = detect_shifts(series)                          # when relations changed (Shift)
    report = build_report(store, "ARM", "RUS")             # summary, plots, evidence
    html = render_report(report)                           # one self-contained HTML page
    net = network(store, since="2024-01")                  # actors, dyads, IGO memberships
    ranked = shifts(store, since="2024-01")                # dyads that changed most

Every function takes an open :class:`~thucydides.store.EventStore`, a DuckDB connection or a
store file path, and runs SQL over its ``events``, ``event_actors``, ``mentions`` and
``documents`` tables. Conventions (weights, net cooperation, the change-detection method) are
documented in ``docs/analysis.md``.
"""

from thucydides.analysis.changes import Shift, detect_shifts, shifts
from thucydides.analysis.context import SharedMembership, actor_name, shared_memberships
from thucydides.analysis.evidence import EvidenceEvent, movers
from thucydides.analysis.network import (
    Edge,
    Network,
    Node,
    network,
    render_network_html,
    to_graphml,
    to_json,
)
from thucydides.analysis.report import Report, build_report, render_report
from thucydides.analysis.series import DyadSeries, relations, sparkline
from thucydides.analysis.summary import summarize

__all__ = [
    "DyadSeries",
    "Edge",
    "EvidenceEvent",
    "Network",
    "Node",
    "Report",
    "SharedMembership",
    "Shift",
    "actor_name",
    "build_report",
    "detect_shifts",
    "movers",
    "network",
    "relations",
    "render_network_html",
    "render_report",
    "shared_memberships",
    "shifts",
    "sparkline",
    "summarize",
    "to_graphml",
    "to_json",
]
