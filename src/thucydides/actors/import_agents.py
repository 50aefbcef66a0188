"""Convert a CAMEO/PLOVER agents dictionary into the ``roles`` format of the actor data.

    python -m thucydides.actors.import_agents ../shared/gold/dicts/ngec/PLOVER_agents.txt \
        src/thucydides/actors/data/plover_agents.yaml

Entries look like ``CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]``; ``!PERSON! = MAN, ...``
lines define substitution sets. Conversion: ``_`` -> space, lower case, substitution sets
expanded, ``{plural}`` forms kept, composite codes reduced to their first sector (GOVMIL -> GOV),
codes outside :data:`SECTORS` (JNK, UNK, NON, IGO, IMG) dropped.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

import yaml

SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "LEG",
        "PTY",
        "OPP",
        "REB",
        "UAF",
        "PRM",
        "PRE",
        "SPY",
        "ELI",
        "CVL",
        "BUS",
        "CRM",
        "EDU",
        "MED",
        "JRN",
        "REL",
        "LAB",
        "AGR",
        "REF",
        "HLH",
        "NGO",
        "SOC",
    ]
)
_SUBST = re.compile(r"^(!\w+!)\s*=\s*(.*)$")
_ENTRY = re.compile(r"^(\S+)\s*(\{[^}]*\})?\s*\[~(\w+)\]")
_MIN_LEN = 3  # shorter nouns in the source are abbreviations that match ordinary words


def convert(text: str) -> dict[str, list[str]]:
    """Sector -> sorted role nouns."""
    subs: dict[str, list[str]] = {}
    by_sector: dict[str, set[str]] = defaultdict(set)
    seen: set[str] = set()
    for raw in text.splitlines():
        line = raw.split("#")[0].strip()
        if m := _SUBST.match(line):
            subs[m.group(1)] = [x.strip() for x in m.group(2).split(",")]
            continue
        m = _ENTRY.match(line)
        if not m or m.group(3)[:3] not in SECTORS:
            continue
        forms = [m.group(1), *(m.group(2) or "").strip("{} ").split()]
        for form in forms:
            sub = re.search(r"!\w+!", form)
            expanded = (
                [form.replace(sub.group(0), s) for s in subs.get(sub.group(0), [])]
                if sub
                else [form]
            )
            for f in expanded:
                noun = f.strip("_").replace("_", " ").lower()
                if len(noun) >= _MIN_LEN and noun not in seen:
                    seen.add(noun)
                    by_sector[m.group(3)[:3]].add(noun)
    return {s: sorted(v) for s, v in sorted(by_sector.items())}


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("source", type=Path)
    ap.add_argument("target", type=Path)
    ap.add_argument("--header", default="", help="comment lines recording origin and licence")
    args = ap.parse_args()
    roles = [{"sector": s, "nouns": n} for s, n in convert(args.source.read_text()).items()]
    with args.target.open("w", encoding="utf-8") as f:
        f.write(args.header)
        yaml.safe_dump(
            {"roles": roles},
            f,
            allow_unicode=True,
            sort_keys=False,
            width=100,
            default_flow_style=None,
        )


if __name__ == "__main__":
    main()
