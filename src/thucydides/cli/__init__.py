"""The command line: a thin layer over the library, one module per command group.

thucydides code article.html --date 2024-05-09
thucydides code docs.jsonl --format jsonl > events.jsonl
thucydides code a.txt b.html --db events.duckdb
cat a.txt | thucydides code - --date 2024-05-09 --format csv
thucydides eval ../shared/gold/seed/armenia_russia.gold.jsonl --errors
thucydides relations ARM RUS --db events.duckdb
thucydides report ARM RUS --db events.duckdb -o arm-rus.html
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module

from thucydides.cli._app import app

#: Modules that register commands, in the order the commands appear in ``--help``.
COMMAND_MODULES = ("_code", "_ingest", "_analysis", "_actors")
for _module in COMMAND_MODULES:
    import_module(f"thucydides.cli.{_module}")


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point."""
    app(args=list(argv) if argv is not None else None)


__all__ = ["app", "main"]
