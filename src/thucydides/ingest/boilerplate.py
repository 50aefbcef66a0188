"""Site boilerplate: the data file of boilerplate patterns, its loader, and the line strippers.

``boilerplate.yaml`` (beside this module) lists whole-line patterns ("Share.", "Exit mobile
version", cookie notices, ...) and the HTML elements the fallback extractor drops. The loader
validates it with pydantic and compiles every pattern once; a bad file raises
:class:`~thucydides.errors.ConfigError` naming the file and the entry.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from thucydides.errors import ConfigError

DEFAULT_PATH = Path(__file__).with_name("boilerplate.yaml")


class _LineEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pattern: str
    note: str = ""


class _HtmlSection(BaseModel):
    model_config = ConfigDict(extra="forbid")
    drop_tags: list[str]
    drop_attr: str


class _BoilerplateFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int
    lines: list[_LineEntry]
    html: _HtmlSection


@dataclass(frozen=True)
class Boilerplate:
    """The compiled boilerplate rules.

    Attributes:
        line_patterns: Whole-line patterns (case-insensitive, matched against stripped lines).
        drop_tags: HTML element names the fallback extractor removes with their content.
        drop_attr: Pattern searched in an element's class and id; a match removes the element.
    """

    line_patterns: tuple[re.Pattern[str], ...]
    drop_tags: frozenset[str]
    drop_attr: re.Pattern[str]

    def is_boilerplate_line(self, line: str) -> bool:
        """Whether ``line`` (ignoring surrounding whitespace) is a boilerplate line."""
        stripped = line.strip()
        return bool(stripped) and any(p.fullmatch(stripped) for p in self.line_patterns)

    def strip_trailing(self, text: str) -> str:
        """Drop boilerplate and blank lines from the end of ``text``; keep everything before.

        Only a tail is removed, so offsets into the kept text equal offsets into the input.
        Text with no trailing boilerplate is returned unchanged (trailing newline included).
        """
        lines = text.split("\n")
        keep = len(lines)
        while keep > 0 and self._is_blank_or_boilerplate(lines[keep - 1]):
            keep -= 1
        if not any(line.strip() for line in lines[keep:]):
            return text  # only blank lines at the end: nothing to remove
        return "\n".join(lines[:keep]).rstrip()

    def _is_blank_or_boilerplate(self, line: str) -> bool:
        return not line.strip() or self.is_boilerplate_line(line)

    def drop_lines(self, lines: list[str]) -> list[str]:
        """The lines that are not boilerplate (used on text extracted from HTML)."""
        return [line for line in lines if not self.is_boilerplate_line(line)]


def _compile(pattern: str, where: str, path: Path, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ConfigError(f"{path}: {where}: invalid regular expression: {exc}") from exc


def load_boilerplate(path: Path = DEFAULT_PATH) -> Boilerplate:
    """Load and validate a boilerplate file.

    Raises:
        ConfigError: the file is missing, not YAML, of the wrong shape, or holds a bad regex.
    """
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read boilerplate file: {exc}") from exc
    try:
        data = _BoilerplateFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"{path}: {where}: {first['msg']}") from exc
    if data.version != 1:
        raise ConfigError(f"{path}: unsupported version {data.version} (expected 1)")
    patterns = tuple(
        _compile(entry.pattern, f"lines.{i}", path) for i, entry in enumerate(data.lines)
    )
    return Boilerplate(
        line_patterns=patterns,
        drop_tags=frozenset(tag.lower() for tag in data.html.drop_tags),
        drop_attr=_compile(data.html.drop_attr, "html.drop_attr", path),
    )


@functools.cache
def default_boilerplate() -> Boilerplate:
    """The packaged rules, loaded once."""
    return load_boilerplate()
