"""The network of relations: actors as nodes, dyads as edges, IGO memberships alongside.

    net = network(store, since="2024-01")
    Path("net.html").write_text(render_network_html(net))
    Path("net.graphml").write_text(to_graphml(net))     # Gephi, networkx.read_graphml
    Path("net.json").write_text(to_json(net))           # networkx.node_link_graph(d, edges="links")

Edges carry the dyad's event count, summed weight and weighted mean Goldstein score (net
cooperation); the HTML view colours them by net cooperation and sizes them by volume.
Membership edges (state -> IGO, from the actor knowledge base) are kept apart by ``kind``.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import quoteattr

import numpy as np

from thucydides.analysis._db import WEIGHT_SQL, check_weight, connect, event_filter, window
from thucydides.analysis.context import actor_name, membership_edges
from thucydides.errors import ConfigError


@dataclass(frozen=True)
class Node:
    """An actor (``kind="actor"``) or an organization joined by members (``kind="igo"``)."""

    id: str
    label: str
    kind: str
    events: int


@dataclass(frozen=True)
class Edge:
    """A dyad (``kind="relation"``) or a membership (``kind="member"``).

    Attributes:
        source: One end (the alphabetically first actor code; the member state).
        target: The other end (the IGO for memberships).
        kind: ``relation`` or ``member``.
        events: Events of the dyad (0 for memberships).
        volume: Their summed weight.
        net_cooperation: Weighted mean Goldstein score, None with no scored event.
        suspended: For memberships: participation suspended at the end of the window.
    """

    source: str
    target: str
    kind: str
    events: int = 0
    volume: float = 0.0
    net_cooperation: float | None = None
    suspended: bool = False


@dataclass(frozen=True)
class Network:
    """A graph of relations over a window (``since``/``until`` as given, None when open)."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    since: dt.date | None
    until: dt.date | None


def network(
    store_or_path: Any,
    *,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    actors: Sequence[str] | None = None,
    types: Sequence[str] | None = None,
    quads: Sequence[int] | None = None,
    regions: Sequence[str] | None = None,
    min_events: int = 1,
    weight: str = "mentions",
    memberships: bool = True,
) -> Network:
    """Dyads of the store between actor codes (first actor and first recipient of each event).

    Args:
        actors: Keep only dyads whose both ends are in this list of codes (a region or any
            group of interest); an IGO code stands for its members in the window.
        types: Keep only these PLOVER event types.
        quads: Keep only these quad classes (0-4).
        regions: Keep only dyads whose both ends lie in these CAMEO regions (``EUR``, ``MEA``;
            the union of them): states of the regions (``actors/data/states.yaml``), and IGOs
            and regions all of whose member states do (an IGO's members in the window).
        min_events: Leave out dyads with fewer events.
        memberships: Add IGO membership edges for the actors in the graph.
    """
    check_weight(weight)
    start, end = window(since, until)
    cond, params = event_filter(None, start, end)
    if types:
        cond += f" AND e.event IN ({', '.join('?' for _ in types)})"
        params.extend(t.upper() for t in types)
    if quads:
        if any(q not in range(5) for q in quads):
            raise ConfigError(f"quad classes are 0-4, got {list(quads)}")
        cond += f" AND e.quad IN ({', '.join('?' for _ in quads)})"
        params.extend(quads)
    if actors:
        codes = sorted(_expand(actors, start, end))
        marks = ", ".join("?" for _ in codes)
        cond += f" AND e.actor_code IN ({marks}) AND e.recipient_code IN ({marks})"
        params.extend(codes + codes)
    if regions:
        codes = sorted(_region_codes(regions, start, end))
        if not codes:  # a region with no member states (WST): no dyad lies inside it
            cond += " AND FALSE"
        else:
            marks = ", ".join("?" for _ in codes)
            cond += f" AND e.actor_code IN ({marks}) AND e.recipient_code IN ({marks})"
            params.extend(codes + codes)
    sql = f"""
        WITH rows AS (
            SELECT e.*, {WEIGHT_SQL[weight]} AS w FROM events e
            WHERE e.actor_code IS NOT NULL AND e.recipient_code IS NOT NULL
              AND e.actor_code <> e.recipient_code AND {cond}
        )
        SELECT least(actor_code, recipient_code) AS a, greatest(actor_code, recipient_code) AS b,
               count(*), sum(w), sum(w * goldstein) / nullif(sum(w) FILTER (
                   WHERE goldstein IS NOT NULL), 0)
        FROM rows GROUP BY ALL HAVING count(*) >= ? ORDER BY a, b
    """
    with connect(store_or_path) as con:
        rows = con.execute(sql, [*params, min_events]).fetchall()
    edges = [Edge(a, b, "relation", int(n), float(v), _float(g)) for a, b, n, v, g in rows]
    counts: dict[str, int] = {}
    for edge in edges:
        for code in (edge.source, edge.target):
            counts[code] = counts.get(code, 0) + edge.events
    nodes = [Node(code, actor_name(code), "actor", n) for code, n in sorted(counts.items())]
    if memberships and counts:
        found = membership_edges(set(counts), start, end)
        igos = sorted({(m.igo, m.name) for m in found if m.igo not in counts})
        nodes.extend(Node(code, name, "igo", 0) for code, name in igos)
        edges.extend(Edge(m.state, m.igo, "member", suspended=m.suspended) for m in found)
    return Network(tuple(nodes), tuple(edges), start, end)


def _expand(codes: Sequence[str], start: dt.date | None, end: dt.date | None) -> set[str]:
    """Actor codes, with each IGO code replaced by its members during the window."""
    from thucydides.analysis.context import _knowledge

    igos = {igo.code: igo for igo in _knowledge()[1]}
    out: set[str] = set()
    for code in (c.strip().upper() for c in codes if c.strip()):
        if code in igos:
            out.update(
                m.state
                for m in membership_edges({mm.state for mm in igos[code].members}, start, end)
                if m.igo == code
            )
        else:
            out.add(code)
    return out


def _region_codes(regions: Sequence[str], start: dt.date | None, end: dt.date | None) -> set[str]:
    """Actor codes inside the union of CAMEO ``regions``: their states, and every IGO (members
    during the window) and region whose member states are all among them.

    Raises:
        ConfigError: a code is not a region of the knowledge base.
    """
    from thucydides.actors.kb import default_kb

    kb = default_kb()
    wanted = sorted({r.strip().upper() for r in regions if r.strip()})
    if not wanted:
        raise ConfigError("region: no region code given (e.g. EUR, MEA)")
    states: set[str] = set()
    for code in wanted:
        try:
            states |= kb.region_members(code)
        except KeyError as exc:
            raise ConfigError(f"region: {exc.args[0]}") from None
    collective: dict[str, set[str]] = {
        e.code: set(kb.region_members(e.code))
        for e in kb.entries.values()
        if e.kind == "region" and e.code is not None
    }
    everyone = {m.state for e in kb.entries.values() if e.kind == "igo" for m in e.members}
    for m in membership_edges(everyone, start, end):
        collective.setdefault(m.igo, set()).add(m.state)
    inside = {code for code, members in collective.items() if members and members <= states}
    return states | inside


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def to_json(net: Network) -> str:
    """networkx's node-link form (``networkx.node_link_graph(data, edges="links")``)."""
    data = {
        "directed": False,
        "multigraph": True,
        "graph": {
            "since": net.since.isoformat() if net.since else None,
            "until": net.until.isoformat() if net.until else None,
        },
        "nodes": [
            {"id": n.id, "label": n.label, "kind": n.kind, "events": n.events} for n in net.nodes
        ],
        "links": [
            {
                "source": e.source,
                "target": e.target,
                "key": i,
                "kind": e.kind,
                "events": e.events,
                "volume": e.volume,
                "net_cooperation": e.net_cooperation,
                "suspended": e.suspended,
            }
            for i, e in enumerate(net.edges)
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1)


_GRAPHML_KEYS = (
    ("label", "node", "string"),
    ("kind", "node", "string"),
    ("events", "node", "int"),
    ("kind", "edge", "string"),
    ("events", "edge", "int"),
    ("volume", "edge", "double"),
    ("net_cooperation", "edge", "double"),
    ("suspended", "edge", "boolean"),
)


def to_graphml(net: Network) -> str:
    """GraphML (for Gephi or ``networkx.read_graphml``); a missing net cooperation is omitted."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ]
    for name, domain, kind in _GRAPHML_KEYS:
        lines.append(
            f'  <key id="{domain[0]}_{name}" for="{domain}" attr.name="{name}" attr.type="{kind}"/>'
        )
    lines.append('  <graph id="thucydides" edgedefault="undirected">')
    for n in net.nodes:
        lines.append(f"    <node id={quoteattr(n.id)}>")
        lines.append(f'      <data key="n_label">{html.escape(n.label)}</data>')
        lines.append(f'      <data key="n_kind">{n.kind}</data>')
        lines.append(f'      <data key="n_events">{n.events}</data>')
        lines.append("    </node>")
    for i, e in enumerate(net.edges):
        lines.append(
            f'    <edge id="e{i}" source={quoteattr(e.source)} target={quoteattr(e.target)}>'
        )
        lines.append(f'      <data key="e_kind">{e.kind}</data>')
        lines.append(f'      <data key="e_events">{e.events}</data>')
        lines.append(f'      <data key="e_volume">{e.volume!r}</data>')
        if e.net_cooperation is not None:
            lines.append(f'      <data key="e_net_cooperation">{e.net_cooperation!r}</data>')
        lines.append(f'      <data key="e_suspended">{str(e.suspended).lower()}</data>')
        lines.append("    </edge>")
    lines += ["  </graph>", "</graphml>", ""]
    return "\n".join(lines)


# Force-directed layout (Fruchterman & Reingold 1991): iterations and cooling as in their paper's
# examples; the seed makes the picture the same on every run.
_LAYOUT_ITERATIONS = 200
_LAYOUT_SEED = 0


def layout(net: Network) -> dict[str, tuple[float, float]]:
    """Node positions in [-1, 1]^2 from a seeded Fruchterman-Reingold layout."""
    ids = [n.id for n in net.nodes]
    count = len(ids)
    if count == 0:
        return {}
    index = {node: i for i, node in enumerate(ids)}
    rng = np.random.default_rng(_LAYOUT_SEED)
    pos = rng.uniform(-1, 1, (count, 2))
    pairs = np.array([(index[e.source], index[e.target]) for e in net.edges], dtype=int)
    k = 2.0 / math.sqrt(count)
    temperature = 0.2
    for _ in range(_LAYOUT_ITERATIONS):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=2), 1e-3)
        force = (delta / dist[:, :, None]) * (k * k / dist)[:, :, None]
        move = force.sum(axis=1)
        if len(pairs):
            d = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            length = np.maximum(np.linalg.norm(d, axis=1), 1e-3)
            pull = d * (length / k)[:, None]
            np.add.at(move, pairs[:, 0], -pull)
            np.add.at(move, pairs[:, 1], pull)
        size = np.maximum(np.linalg.norm(move, axis=1), 1e-9)
        pos += move / size[:, None] * np.minimum(size, temperature)[:, None]
        temperature *= 0.98
    pos -= pos.mean(axis=0)
    scale = np.abs(pos).max() or 1.0
    return {node: (float(pos[i, 0] / scale), float(pos[i, 1] / scale)) for node, i in index.items()}


def _colour(value: float | None) -> str:
    """Red (conflict, -10) through grey (0) to green (cooperation, +10)."""
    if value is None:
        return "rgb(150,150,150)"
    t = max(-1.0, min(1.0, value / 10.0))
    if t < 0:
        return f"rgb({150 + int(-t * 80)},{int(150 * (1 + t))},{int(150 * (1 + t))})"
    return f"rgb({int(150 * (1 - t))},{150 + int(t * 50)},{int(150 * (1 - t))})"


def render_network_html(net: Network, title: str = "Relations network") -> str:
    """A self-contained HTML page (plotly.js inlined) drawing the network."""
    import plotly.graph_objects as go
    from plotly.offline import get_plotlyjs

    pos = layout(net)
    fig = go.Figure()
    top = max((e.volume for e in net.edges if e.kind == "relation"), default=1.0) or 1.0
    for e in net.edges:
        (x0, y0), (x1, y1) = pos[e.source], pos[e.target]
        if e.kind == "member":
            line = {
                "width": 1,
                "color": "rgba(120,120,200,0.5)",
                "dash": "dot" if e.suspended else "solid",
            }
            text = f"{e.source} member of {e.target}{' (suspended)' if e.suspended else ''}"
        else:
            line = {"width": 1 + 9 * e.volume / top, "color": _colour(e.net_cooperation)}
            coop = "n/a" if e.net_cooperation is None else f"{e.net_cooperation:+.2f}"
            text = f"{e.source}–{e.target}: {e.events} events, net cooperation {coop}"
        fig.add_trace(
            go.Scatter(
                x=[x0, x1],
                y=[y0, y1],
                mode="lines",
                line=line,
                hoverinfo="text",
                text=text,
                showlegend=False,
            )
        )
    fig.add_trace(
        go.Scatter(
            x=[pos[n.id][0] for n in net.nodes],
            y=[pos[n.id][1] for n in net.nodes],
            mode="markers+text",
            text=[n.id for n in net.nodes],
            textposition="top center",
            hovertext=[f"{n.label} ({n.events} events)" for n in net.nodes],
            hoverinfo="text",
            marker={
                "size": [18 if n.kind == "actor" else 12 for n in net.nodes],
                "symbol": ["circle" if n.kind == "actor" else "square" for n in net.nodes],
                "color": ["#1f77b4" if n.kind == "actor" else "#7f7fbf" for n in net.nodes],
            },
            showlegend=False,
        )
    )
    fig.update_layout(
        title=title,
        height=750,
        xaxis={"visible": False},
        yaxis={"visible": False},
        plot_bgcolor="white",
    )
    window_text = f"{net.since or 'start'} to {net.until or 'end'}"
    body = fig.to_html(full_html=False, include_plotlyjs=False, div_id="network")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<script type="text/javascript">{get_plotlyjs()}</script></head>
<body style="font-family: system-ui, sans-serif">
<h1>{html.escape(title)}</h1>
<p>{len(net.nodes)} nodes, {len(net.edges)} edges, {html.escape(window_text)}. Edges: colour =
net cooperation (red conflict, green cooperation), width = volume; dotted lines are suspended
memberships.</p>
{body}
</body></html>
"""
