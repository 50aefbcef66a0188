"""The event ontology: PLOVER types, modes, contexts and scores; CAMEO codes and Goldstein values.

Everything here is read from two data files beside this module and validated on load:

- ``data/plover.yaml``: the 16 PLOVER event types in manual order, each with a description, its
  quad class, its PLOVER score, its modes (with the most typical CAMEO code of each), the aliases
  that map older mode names onto current ones, and the list of PLOVER contexts;
- ``data/cameo.csv``: every CAMEO code (roots ``01``..``20`` and all 3- and 4-digit codes, as
  strings with leading zeros) with its name, Goldstein score, GDELT quad class (1-4), penta class
  (0-4, statements apart) and PLOVER type/mode/context.

Sources, licences and every judgement call are in ``data/ONTOLOGY.md``. Lookups of unknown codes,
types or modes raise :class:`~thucydides.errors.ConfigError` (never ``KeyError``), since they mean
that a lexicon, a user dictionary or an option names something the ontology does not have.

    >>> onto = default_ontology()
    >>> onto.cameo("042").plover_mode
    'visit'
    >>> onto.cameo_for("ACCUSE", "disapprove")
    '111'
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from thucydides.errors import ConfigError

#: Folder of the shipped data files.
DATA_DIR = Path(__file__).resolve().parent / "data"
PLOVER_FILE = "plover.yaml"
CAMEO_FILE = "cameo.csv"

CAMEO_COLUMNS = (
    "code",
    "name",
    "goldstein",
    "quad",
    "penta",
    "plover_event",
    "plover_mode",
    "plover_context",
    "source",
    "note",
)
# A CAMEO event code: a 2-digit root, a 3-digit code or a 4-digit code, leading zeros kept.
_CODE_RE = re.compile(r"^\d{2,4}$")
# Bounds of the Goldstein scale and of PLOVER scores (Goldstein 1992; PLOVER manual 0.8, which
# defines its scores on the same -10..+10 scale).
SCALE_MIN, SCALE_MAX = -10.0, 10.0
QUADS = (1, 2, 3, 4)
PENTAS = (0, 1, 2, 3, 4)


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code.

    Attributes:
        code: The code as a string with leading zeros (``"042"``, ``"1621"``, root ``"04"``).
        name: Its CAMEO name ("Make a visit").
        goldstein: Goldstein conflict-cooperation score, -10..+10 (GDELT's CAMEO table).
        quad: GDELT QuadClass: 1 verbal cooperation (roots 01-05), 2 material cooperation
            (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20).
        penta: The same with statements apart (ConfliBERT labels): 0 statement (01-02),
            1 verbal cooperation (03-05), 2 material cooperation, 3 verbal conflict,
            4 material conflict.
        plover_event: The PLOVER type it maps to, or None (01 statements, 02 appeals).
        plover_mode: The PLOVER mode it maps to, or None.
        plover_context: The main PLOVER context it implies, or None.
    """

    code: str
    name: str
    goldstein: float
    quad: int
    penta: int
    plover_event: str | None
    plover_mode: str | None
    plover_context: str | None


@dataclass(frozen=True)
class PloverType:
    """One PLOVER event type.

    Attributes:
        name: Upper-case type name (``"CONSULT"``).
        description: What the type covers, in a sentence or two.
        modes: Its valid modes, in the manual's order (empty when the type has none).
        quad: PLOVER quad class, 1-4 (same meaning as :attr:`CameoCode.quad`).
        score: PLOVER conflict-cooperation score, -10..+10 (manual 0.8).
    """

    name: str
    description: str
    modes: tuple[str, ...]
    quad: int
    score: float


@dataclass(frozen=True)
class _Mode:
    """A mode's data-file entry (internal)."""

    description: str
    cameo: str
    approximate: bool


class Ontology:
    """The validated PLOVER and CAMEO ontology. Build with :meth:`load` or :func:`default_ontology`.

    Attributes:
        event_types: The 16 PLOVER type names in the manual's order.
        contexts: The PLOVER context names in the manual's order.
        version: The ontology version string from ``plover.yaml``.
    """

    def __init__(
        self,
        version: str,
        types: Mapping[str, PloverType],
        type_cameo: Mapping[str, str],
        modes: Mapping[str, Mapping[str, _Mode]],
        aliases: Mapping[str, Mapping[str, str | None]],
        contexts: Mapping[str, str],
        codes: Mapping[str, CameoCode],
    ) -> None:
        self.version = version
        self._types = dict(types)
        self._type_cameo = dict(type_cameo)
        self._modes = {event: dict(entries) for event, entries in modes.items()}
        self._aliases = {event: dict(entries) for event, entries in aliases.items()}
        self._contexts = dict(contexts)
        self._codes = dict(codes)
        self.event_types: tuple[str, ...] = tuple(self._types)
        self.contexts: tuple[str, ...] = tuple(self._contexts)

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Ontology:
        """Read and validate ``plover.yaml`` and ``cameo.csv`` from ``data_dir`` (default: shipped).

        Raises:
            ConfigError: A file is missing, unreadable or fails validation (the message names
                the file, and the line for the CSV).
        """
        folder = data_dir if data_dir is not None else DATA_DIR
        plover = _read_plover(folder / PLOVER_FILE)
        types, type_cameo, modes, aliases, contexts, version = plover
        codes = _read_cameo(folder / CAMEO_FILE, types, modes, contexts)
        onto = cls(version, types, type_cameo, modes, aliases, contexts, codes)
        onto._check_cameo_links(folder / PLOVER_FILE)
        return onto

    # --- CAMEO -------------------------------------------------------------------------------

    def has_cameo(self, code: str) -> bool:
        """Whether ``code`` (a string with leading zeros) is a known CAMEO code."""
        return code in self._codes

    def cameo(self, code: str) -> CameoCode:
        """The CAMEO code ``code``; ConfigError when it is unknown."""
        try:
            return self._codes[code]
        except KeyError:
            raise ConfigError(
                f"unknown CAMEO code {code!r}: use a code listed in coding/data/{CAMEO_FILE}, "
                "written as a string with leading zeros (e.g. '042', '1621')"
            ) from None

    def cameo_codes(self) -> tuple[str, ...]:
        """Every known CAMEO code, in file order (roots before their codes)."""
        return tuple(self._codes)

    def quad(self, code: str) -> int:
        """GDELT quad class (1-4) of a CAMEO code."""
        return self.cameo(code).quad

    def goldstein(self, code: str) -> float:
        """Goldstein score of a CAMEO code."""
        return self.cameo(code).goldstein

    # --- PLOVER ------------------------------------------------------------------------------

    def plover_type(self, name: str) -> PloverType:
        """The PLOVER type ``name`` (upper case); ConfigError when it is unknown."""
        try:
            return self._types[name]
        except KeyError:
            raise ConfigError(
                f"unknown PLOVER event type {name!r}: expected one of {', '.join(self._types)}"
            ) from None

    def is_valid_mode(self, event: str, mode: str | None) -> bool:
        """Whether ``mode`` is a current mode of ``event``; None (no mode) is always valid.

        An unknown ``event`` raises ConfigError.
        """
        self.plover_type(event)
        return mode is None or mode in self._modes[event]

    def normalize_mode(self, event: str, mode: str | None) -> str | None:
        """The current name of ``mode`` for ``event``: itself, its alias target, or None.

        Older names (``assassinate``, ``host``, ``demonstrate`` ...) map to the current mode or
        to None when the mode was dropped. ConfigError for a name that is neither.
        """
        self.plover_type(event)
        if mode is None or mode in self._modes[event]:
            return mode
        if mode in self._aliases[event]:
            return self._aliases[event][mode]
        raise ConfigError(self._bad_mode_message(event, mode))

    def mode_description(self, event: str, mode: str) -> str:
        """What ``mode`` of ``event`` means; ConfigError when it is not a mode of ``event``."""
        return self._mode(event, mode).description

    def plover_score(self, event: str, mode: str | None = None) -> float:
        """PLOVER score of ``event``; the manual gives one score per type, so ``mode`` is only
        checked (ConfigError when it is not a mode of ``event``), not used."""
        if mode is not None:
            self._mode(event, mode)
        return self.plover_type(event).score

    def cameo_for(self, event: str, mode: str | None = None) -> str:
        """The most typical CAMEO code for a PLOVER type, or for one of its modes.

        ``CONSULT``/``visit`` -> ``"042"``; ``ACCUSE``/``disapprove`` -> ``"111"``. The codes are
        set in ``plover.yaml``. ConfigError for an unknown type or mode.
        """
        if mode is None:
            self.plover_type(event)
            return self._type_cameo[event]
        return self._mode(event, mode).cameo

    def is_approximate(self, event: str, mode: str) -> bool:
        """Whether :meth:`cameo_for` of this mode is a code of another PLOVER type (no closer
        CAMEO code exists, e.g. RETREAT/resign)."""
        return self._mode(event, mode).approximate

    def context_description(self, context: str) -> str:
        """What a PLOVER context covers; ConfigError when it is unknown."""
        try:
            return self._contexts[context]
        except KeyError:
            raise ConfigError(
                f"unknown PLOVER context {context!r}: expected one of {', '.join(self._contexts)}"
            ) from None

    # --- internals ---------------------------------------------------------------------------

    def _mode(self, event: str, mode: str) -> _Mode:
        self.plover_type(event)
        try:
            return self._modes[event][mode]
        except KeyError:
            raise ConfigError(self._bad_mode_message(event, mode)) from None

    def _bad_mode_message(self, event: str, mode: str) -> str:
        valid = ", ".join(self._modes[event]) or "none"
        return f"{mode!r} is not a mode of PLOVER {event} (valid modes: {valid})"

    def _check_cameo_links(self, path: Path) -> None:
        """Every CAMEO code named in plover.yaml exists and maps back to its type."""
        for event, code in self._type_cameo.items():
            linked = self._linked_code(path, f"{event}.cameo", code)
            if linked.plover_event != event:
                raise ConfigError(
                    f"{path}: {event}.cameo {code!r} maps to {linked.plover_event}, not {event}"
                )
        for event, entries in self._modes.items():
            for name, entry in entries.items():
                where = f"{event}.modes.{name}.cameo"
                linked = self._linked_code(path, where, entry.cameo)
                if (linked.plover_event == event) == entry.approximate:
                    state = "is marked" if entry.approximate else "is not marked"
                    raise ConfigError(
                        f"{path}: {where} {entry.cameo!r} maps to {linked.plover_event} but "
                        f"{state} approximate (approximate means: a code of another type)"
                    )

    def _linked_code(self, path: Path, where: str, code: str) -> CameoCode:
        if code not in self._codes:
            raise ConfigError(f"{path}: {where} names CAMEO code {code!r}, not in {CAMEO_FILE}")
        return self._codes[code]


@lru_cache(maxsize=1)
def default_ontology() -> Ontology:
    """The shipped ontology, loaded and validated once per process."""
    return Ontology.load()


# --- reading plover.yaml ---------------------------------------------------------------------

_PloverData = tuple[
    dict[str, PloverType],
    dict[str, str],
    dict[str, dict[str, _Mode]],
    dict[str, dict[str, str | None]],
    dict[str, str],
    str,
]


def _read_plover(path: Path) -> _PloverData:
    data = _load_yaml(path)
    types_raw = _mapping(path, data.get("types"), "types")
    contexts_raw = _mapping(path, data.get("contexts"), "contexts")
    if not types_raw or not contexts_raw:
        raise ConfigError(f"{path}: 'types' and 'contexts' must not be empty")
    contexts = {
        str(name): _text(path, value, f"contexts.{name}") for name, value in contexts_raw.items()
    }
    types: dict[str, PloverType] = {}
    type_cameo: dict[str, str] = {}
    modes: dict[str, dict[str, _Mode]] = {}
    aliases: dict[str, dict[str, str | None]] = {}
    for name, raw in types_raw.items():
        event = str(name)
        if not re.fullmatch(r"[A-Z]+", event):
            raise ConfigError(f"{path}: type name {event!r} must be upper-case letters")
        entry = _mapping(path, raw, event)
        modes[event] = _read_modes(path, event, entry.get("modes"))
        aliases[event] = _read_aliases(path, event, entry.get("aliases"), modes[event])
        type_cameo[event] = _cameo_string(path, entry.get("cameo"), f"{event}.cameo")
        types[event] = PloverType(
            name=event,
            description=_text(path, entry.get("description"), f"{event}.description"),
            modes=tuple(modes[event]),
            quad=_choice(path, entry.get("quad"), QUADS, f"{event}.quad"),
            score=_score(path, entry.get("score"), f"{event}.score"),
        )
    version = _text(path, data.get("version"), "version")
    return types, type_cameo, modes, aliases, contexts, version


def _read_modes(path: Path, event: str, raw: Any) -> dict[str, _Mode]:
    out: dict[str, _Mode] = {}
    for name, value in _mapping(path, raw if raw is not None else {}, f"{event}.modes").items():
        where = f"{event}.modes.{name}"
        if not re.fullmatch(r"[a-z][a-z-]*", str(name)):
            raise ConfigError(f"{path}: {where}: mode names are lower case words joined by '-'")
        entry = _mapping(path, value, where)
        approximate = entry.get("approximate", False)
        if not isinstance(approximate, bool):
            raise ConfigError(f"{path}: {where}.approximate must be true or false")
        out[str(name)] = _Mode(
            description=_text(path, entry.get("description"), f"{where}.description"),
            cameo=_cameo_string(path, entry.get("cameo"), f"{where}.cameo"),
            approximate=approximate,
        )
    return out


def _read_aliases(
    path: Path, event: str, raw: Any, modes: Mapping[str, _Mode]
) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for name, target in _mapping(path, raw if raw is not None else {}, f"{event}.aliases").items():
        where = f"{event}.aliases.{name}"
        if name in modes:
            raise ConfigError(f"{path}: {where} is already a current mode of {event}")
        if target is not None and target not in modes:
            raise ConfigError(f"{path}: {where} points to {target!r}, not a mode of {event}")
        out[str(name)] = target
    return out


# --- reading cameo.csv -----------------------------------------------------------------------


def _read_cameo(
    path: Path,
    types: Mapping[str, PloverType],
    modes: Mapping[str, Mapping[str, _Mode]],
    contexts: Mapping[str, str],
) -> dict[str, CameoCode]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None or tuple(header) != CAMEO_COLUMNS:
                raise ConfigError(f"{path}: header must be {','.join(CAMEO_COLUMNS)}")
            rows = [(reader.line_num, row) for row in reader]
    except OSError as err:
        raise ConfigError(f"{path}: cannot read the CAMEO table ({err.strerror})") from None
    codes: dict[str, CameoCode] = {}
    for line, row in rows:
        code = _cameo_row(f"{path}:{line}", row, types, modes, contexts)
        if code.code in codes:
            raise ConfigError(f"{path}:{line}: CAMEO code {code.code!r} is listed twice")
        _check_hierarchy(f"{path}:{line}", code, codes)
        codes[code.code] = code
    return codes


def _cameo_row(
    where: str,
    row: list[str],
    types: Mapping[str, PloverType],
    modes: Mapping[str, Mapping[str, _Mode]],
    contexts: Mapping[str, str],
) -> CameoCode:
    if len(row) != len(CAMEO_COLUMNS):
        raise ConfigError(f"{where}: expected {len(CAMEO_COLUMNS)} fields, got {len(row)}")
    field = dict(zip(CAMEO_COLUMNS, row, strict=True))
    code = field["code"]
    if not _CODE_RE.match(code):
        raise ConfigError(f"{where}: code {code!r} is not 2-4 digits")
    if not field["name"].strip():
        raise ConfigError(f"{where}: code {code} has no name")
    if not field["source"].strip():
        raise ConfigError(f"{where}: code {code} does not say its source")
    event = field["plover_event"] or None
    mode = field["plover_mode"] or None
    context = field["plover_context"] or None
    if event is not None and event not in types:
        raise ConfigError(f"{where}: {event!r} is not a PLOVER type")
    if mode is not None and (event is None or mode not in modes[event]):
        raise ConfigError(f"{where}: {mode!r} is not a mode of PLOVER {event}")
    if context is not None and context not in contexts:
        raise ConfigError(f"{where}: {context!r} is not a PLOVER context")
    return CameoCode(
        code=code,
        name=field["name"],
        goldstein=_score(where, field["goldstein"], "goldstein"),
        quad=_choice(where, _int(where, field["quad"], "quad"), QUADS, "quad"),
        penta=_choice(where, _int(where, field["penta"], "penta"), PENTAS, "penta"),
        plover_event=event,
        plover_mode=mode,
        plover_context=context,
    )


def _check_hierarchy(where: str, code: CameoCode, seen: Mapping[str, CameoCode]) -> None:
    """A 3-digit code follows its root and a 4-digit code its 3-digit parent, with the root's
    quad and penta class."""
    if len(code.code) == 2:
        return
    parent = code.code[:2] if len(code.code) == 3 else code.code[:3]
    if parent not in seen:
        raise ConfigError(
            f"{where}: code {code.code} comes before (or without) its parent {parent}"
        )
    root = seen[code.code[:2]]
    if (code.quad, code.penta) != (root.quad, root.penta):
        raise ConfigError(
            f"{where}: code {code.code} has quad/penta {code.quad}/{code.penta}, "
            f"root {root.code} has {root.quad}/{root.penta}"
        )


# --- small validators ------------------------------------------------------------------------


def _load_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ConfigError(f"{path}: cannot read the PLOVER ontology ({err.strerror})") from None
    except yaml.YAMLError as err:
        raise ConfigError(f"{path}: not valid YAML ({err})") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping with 'types' and 'contexts'")
    return data


def _mapping(where: Path | str, value: Any, name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: {name} must be a mapping")
    return value


def _text(where: Path | str, value: Any, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: {name} must be a non-empty string")
    return value.strip()


def _cameo_string(where: Path | str, value: Any, name: str) -> str:
    if not isinstance(value, str) or not _CODE_RE.match(value):
        raise ConfigError(f'{where}: {name} must be a quoted CAMEO code such as "042"')
    return value


def _int(where: str, value: str, name: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ConfigError(f"{where}: {name} {value!r} is not an integer") from None


def _choice(where: Path | str, value: Any, allowed: tuple[int, ...], name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in allowed:
        raise ConfigError(f"{where}: {name} must be one of {allowed}, got {value!r}")
    return value


def _score(where: Path | str, value: Any, name: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{where}: {name} {value!r} is not a number") from None
    if isinstance(value, bool) or math.isnan(number) or not SCALE_MIN <= number <= SCALE_MAX:
        raise ConfigError(f"{where}: {name} {value!r} is outside {SCALE_MIN:+}..{SCALE_MAX:+}")
    return number
