"""The typer application every command module registers with."""

from __future__ import annotations

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="thucydides: offline political event data (PLOVER/CAMEO) from news text.",
)


def err(message: str) -> None:
    """Print a one-line error on stderr (``error: <message>``)."""
    typer.echo(f"error: {message}", err=True)
