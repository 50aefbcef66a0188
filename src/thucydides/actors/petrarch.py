"""Convert PETRARCH/TABARI dictionaries into the actor data format (a user dictionary).

The formats are those of ``../shared/gold/dicts/petrarch2_phoenix/dictionaries.rst``:

* **actors**: ``PHRASE [CODE]`` records, ``+SYNONYM`` lines, and tab-indented date restrictions
  ``[CODE <date]``, ``[CODE >date]``, ``[CODE date-date]`` (limits inclusive; dates YYYYMMDD or
  YYMMDD). Records without restrictions become groups (code + sector) or, for a bare code that
  is no state the package knows (toy codes such as ``ARN``), a state of that code; records with
  restrictions become people with one term per restriction. Names the package already resolves
  to the same code and sector are left out.
* **agents**: ``PHRASE {PLURAL} [~CODE]`` (or ``[CODE~]``) with ``!SET! = A, B`` substitution
  sets: role nouns of the sector the code starts with (null when it is no PLOVER sector).
* **discards**: one phrase a line (``+`` story-level marker dropped).

CAMEO codes are read as country part + sector (``ISRMIL`` -> ISR, MIL); ``IGO...``, ``IMG...``
and ``NGO...`` codes and the null codes are mapped by ``data/petrarch_codes.yaml``. Verb and
issue dictionaries are not actor data and are refused.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from thucydides.actors.normalize import key_of
from thucydides.errors import ConfigError

if TYPE_CHECKING:
    from thucydides.actors.kb import KnowledgeBase

_COMMENT_BLOCK = re.compile(r"<!\s*--.*?-->", re.DOTALL)
_CODE = re.compile(r"\[([^\]]*)\]")
_RESTRICTION = re.compile(r"^(\S+)?\s*(?:(<|>)\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))?$")
_SUBST = re.compile(r"^(!\w+!)\s*=\s*(.*)$")
_AGENT = re.compile(r"^(\S+(?: \S+)*?)\s*(\{[^}]*\})?\s*\[\s*([^\]]*)\]")
_EARLIEST = dt.date(1, 1, 1)
# Two-digit years: TABARI dictionaries were written from 1990 on, so 30-99 are 19xx.
_CENTURY_PIVOT = 30
# Acronym test for names written in capitals: short words with at most one vowel ("USSR", "UAE").
_ACRONYM_MAX_LEN = 4


@dataclass(frozen=True)
class CodeTable:
    """The mapping of ``data/petrarch_codes.yaml``."""

    igo_tokens: dict[str, str]
    non_state_prefixes: dict[str, str | None]
    null_codes: frozenset[str]


@functools.lru_cache(maxsize=1)
def code_table() -> CodeTable:
    text = (resources.files("thucydides.actors") / "data" / "petrarch_codes.yaml").read_text(
        encoding="utf-8"
    )
    raw = yaml.safe_load(text)
    return CodeTable(
        dict(raw["igo_tokens"]), dict(raw["non_state_prefixes"]), frozenset(raw["null_codes"])
    )


@dataclass
class _Record:
    phrase: str
    code: str | None = None
    synonyms: list[str] = field(default_factory=list)
    restrictions: list[tuple[str | None, dt.date, dt.date | None]] = field(default_factory=list)
    line: int = 0


def dictionary_kind(name: str) -> str:
    """``actors``, ``agents`` or ``discards`` from a file name (PETRARCH names them so)."""
    lower = name.lower()
    for kind in ("agents", "discards", "verbs", "issues"):
        if kind.rstrip("s") in lower:
            return kind
    return "actors"


def convert_dictionary(
    text: str, name: str, package: KnowledgeBase | None = None, kind: str | None = None
) -> dict[str, Any]:
    """A PETRARCH dictionary as an actor-data mapping (the shape of a user YAML file).

    Args:
        text: The dictionary.
        name: Its file name (for the kind and for messages).
        package: The package knowledge base, to leave out names it already resolves alike
            and to know states, IGOs, regions and sectors (default: :func:`default_kb`).
        kind: ``actors``, ``agents`` or ``discards``; default from the name.

    Raises:
        ConfigError: a verbs/issues dictionary, or a malformed line (named by line number).
    """
    if package is None:
        from thucydides.actors.kb import default_kb

        package = default_kb()
    kind = kind or dictionary_kind(name)
    text = _COMMENT_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    if kind == "agents":
        return _convert_agents(text, package)
    if kind == "discards":
        return {"discards": _discards(text)}
    if kind == "actors":
        return _convert_actors(text, name, package)
    raise ConfigError(
        f"{name}: a PETRARCH {kind} dictionary holds no actors; pass actors or agents"
    )


# -- actors ------------------------------------------------------------------------------


def _records(text: str, name: str) -> list[_Record]:
    records: list[_Record] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#")[0].split(";")[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+"):
            if records:
                records[-1].synonyms.append(line[1:].strip())
            continue
        if line[0].isspace():
            if records and (m := _CODE.search(line)):
                spec = _restriction(m.group(1), name, lineno)
                if spec[1] == _EARLIEST and spec[2] is None:  # "\t[code]": the default
                    records[-1].code = spec[0]
                else:
                    records[-1].restrictions.append(spec)
            continue
        code = _CODE.search(line)
        phrase = line[: code.start()] if code else line
        record = _Record(phrase.strip(), line=lineno)
        if code:
            spec = _restriction(code.group(1), name, lineno)
            if spec[1] == _EARLIEST and spec[2] is None:
                record.code = spec[0]
            else:
                record.restrictions.append(spec)
        records.append(record)
    return records


def _restriction(spec: str, name: str, lineno: int) -> tuple[str | None, dt.date, dt.date | None]:
    """``CODE``, ``CODE <date``, ``CODE >date``, ``CODE date-date`` -> (code, start, end)."""
    m = _RESTRICTION.match(spec.strip())
    if m is None:
        raise ConfigError(f"{name}:{lineno}: cannot read the code block [{spec}]")
    code = m.group(1)
    if m.group(2) == "<":
        return code, _EARLIEST, _date(m.group(3), name, lineno) + dt.timedelta(days=1)
    if m.group(2) == ">":
        return code, _date(m.group(3), name, lineno), None
    if m.group(4):
        end = _date(m.group(5), name, lineno) + dt.timedelta(days=1)
        return code, _date(m.group(4), name, lineno), end
    return code, _EARLIEST, None


def _date(text: str, name: str, lineno: int) -> dt.date:
    if len(text) == 6:
        year = int(text[:2])
        text = f"{'19' if year >= _CENTURY_PIVOT else '20'}{text}"
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise ConfigError(f"{name}:{lineno}: {text!r} is not a date (YYYYMMDD or YYMMDD)") from None


def display_name(phrase: str) -> str:
    """A PETRARCH phrase as a name: underscores to spaces, capitals to title case except for
    one-word acronyms ("NORTH_KOREA" -> "North Korea"; "U.S.", "UAE" and "USSR" stay)."""
    words = [w for w in phrase.replace("_", " ").split() if w]
    if len(words) == 1 and _is_acronym(words[0]):
        return words[0]
    return " ".join(w if "." in w or not w.isupper() else _title(w) for w in words)


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    vowels = sum(c in "AEIOUaeiou" for c in letters)
    short = len(letters) <= _ACRONYM_MAX_LEN and (len(letters) <= 3 or vowels <= 1)
    return word.isupper() and ("." in word or short)


def _title(word: str) -> str:
    return "-".join(part.capitalize() for part in word.split("-"))


@dataclass(frozen=True)
class _Code:
    code: str
    sector: str | None


def read_code(raw: str | None, package: KnowledgeBase) -> _Code | None:
    """A CAMEO actor code as (thucydides code, sector); None for a null code."""
    table = code_table()
    if raw is None:
        return None
    code = raw.strip().upper().split("/")[0]
    if not code or code in table.null_codes or code.startswith("---"):
        return None
    if code.startswith("IGO"):
        chunks = [code[i : i + 3] for i in range(3, len(code), 3)]
        orgs = [table.igo_tokens[c] for c in chunks if c in table.igo_tokens]
        if orgs:
            return _Code(orgs[-1], None)
        regions = {e.code for e in package.entries.values() if e.kind == "region"}
        return _Code(chunks[0], None) if chunks and chunks[0] in regions else _Code("NSA", None)
    for prefix, sector in table.non_state_prefixes.items():
        if code.startswith(prefix):
            return _Code("NSA", sector)
    country, rest = code[:3], code[3:]
    chunks = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    sector = next((c for c in chunks if c in package.sector_codes), None)
    return _Code(country, sector)


def _convert_actors(text: str, name: str, package: KnowledgeBase) -> dict[str, Any]:
    known = {e.code for e in package.entries.values() if e.code and e.kind != "person"}
    codes: dict[str, str] = {}
    states: dict[str, dict[str, Any]] = {}
    groups: list[dict[str, Any]] = []
    people: list[dict[str, Any]] = []
    used_ids: set[str] = set()
    for rec in _records(text, name):
        names = _unique(display_name(p) for p in [rec.phrase, *rec.synonyms])
        names = [n for n in names if key_of(n)]
        if not names:
            continue
        ident = _ident(names[0], used_ids)
        if rec.restrictions:
            person = _person(ident, names, rec, package, codes, known)
            if person is not None:
                people.append(person)
            continue
        parsed = read_code(rec.code, package)
        if parsed is None:
            continue
        names = [n for n in names if not _redundant(n, parsed, package)]
        if not names:
            continue
        if parsed.code not in known:
            codes.setdefault(parsed.code, names[0])
            if parsed.sector is None and re.fullmatch(r"[A-Z]{3}", parsed.code):
                state = states.setdefault(
                    parsed.code, {"code": parsed.code, "name": names[0], "aliases": []}
                )
                state["aliases"].extend(n for n in names if n != state["name"])
                continue
        groups.append(
            {
                "id": ident,
                "code": parsed.code,
                "sector": parsed.sector,
                "name": names[0],
                "aliases": names[1:],
            }
        )
    out: dict[str, Any] = {}
    if codes:
        out["codes"] = codes
    if states:
        out["states"] = list(states.values())
    if groups:
        out["groups"] = groups
    if people:
        out["people"] = people
    return out


def _person(
    ident: str,
    names: list[str],
    rec: _Record,
    package: KnowledgeBase,
    codes: dict[str, str],
    known: set[str],
) -> dict[str, Any] | None:
    default = read_code(rec.code, package)
    terms = []
    # PETRARCH applies the default code where no restriction does: a last, open-ended term
    # (the first listed term wins where terms overlap).
    spells = [*rec.restrictions, *([(rec.code, _EARLIEST, None)] if default else [])]
    for n, (raw, start, end) in enumerate(spells, 1):
        parsed = read_code(raw, package)
        if parsed is None:
            continue
        if parsed.code not in known:
            codes.setdefault(parsed.code, names[0])
        terms.append(
            {
                "office": f"{names[0]} ({n})",
                "code": parsed.code,
                "sector": parsed.sector,
                "start": start,
                "end": end,
            }
        )
    country = default or (read_code(rec.restrictions[-1][0], package) if terms else None)
    if country is None:
        return None
    if country.code not in known:
        codes.setdefault(country.code, names[0])
    return {
        "id": ident,
        "name": names[0],
        "country": country.code,
        "aliases": names[1:],
        "terms": terms,
    }


def _redundant(name: str, parsed: _Code, package: KnowledgeBase) -> bool:
    found = package.lookup(name)
    return found is not None and (found.actor.code, found.actor.sector) == (
        parsed.code,
        parsed.sector,
    )


def _ident(name: str, used: set[str]) -> str:
    base = "petrarch-" + "-".join(key_of(name))
    ident, n = base, 1
    while ident in used:
        n += 1
        ident = f"{base}-{n}"
    used.add(ident)
    return ident


def _unique(items: Any) -> list[str]:
    out: list[str] = []
    for item in items:
        if item and item not in out:
            out.append(item)
    return out


# -- agents and discards -----------------------------------------------------------------


def _convert_agents(text: str, package: KnowledgeBase) -> dict[str, Any]:
    subs: dict[str, list[str]] = {}
    by_sector: dict[str | None, list[str]] = {}
    for raw in text.splitlines():
        line = raw.split("#")[0].strip()
        if not line:
            continue
        if m := _SUBST.match(line):
            subs[m.group(1)] = [x.strip() for x in m.group(2).split(",") if x.strip()]
            continue
        m = _AGENT.match(line)
        if m is None:
            continue
        code = m.group(3).replace(" ", "").replace("~", "")
        sector = code[:3] if code[:3] in package.sector_codes else None
        forms = [m.group(1)]
        plural = (m.group(2) or "").strip("{} ")
        forms.extend(plural.split())
        for form in forms:
            marker = re.search(r"!\w+!", form)
            expanded = (
                [form.replace(marker.group(0), s) for s in subs.get(marker.group(0), [])]
                if marker
                else [form]
            )
            for f in expanded:
                noun = " ".join(f.replace("_", " ").lower().split())
                if noun and noun not in by_sector.setdefault(sector, []):
                    by_sector[sector].append(noun)
    return {"roles": [{"sector": s, "nouns": n} for s, n in by_sector.items() if n]}


def _discards(text: str) -> list[str]:
    out = []
    for raw in text.splitlines():
        line = raw.split("#")[0].strip().lstrip("+").strip().rstrip("_")
        if line:
            out.append(line.replace("_", " ").lower())
    return _unique(out)


def to_yaml(data: dict[str, Any], header: str = "") -> str:
    """The converted mapping as a YAML user dictionary (``--actors``)."""
    body = yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=100)
    return header + body


class _NoAliases(yaml.SafeDumper):
    """Writes repeated values out instead of as YAML anchors (users read these files)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True
