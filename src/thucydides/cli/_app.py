"""The typer application every command module registers with."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="thucydides: offline political event data (PLOVER/CAMEO) from news text.",
)


def err(message: str) -> None:
    """Print a one-line error on stderr (``error: <message>``)."""
    typer.echo(f"error: {message}", err=True)


# Options shared by the commands that run the pipeline (one definition, one help text).
SpacyModelOpt = Annotated[
    str | None, typer.Option(help="Installed spaCy pipeline to use (e.g. en_core_web_trf).")
]
ActorsOpt = Annotated[
    list[Path] | None, typer.Option(help="Extra actor dictionary (YAML); repeatable.")
]
LexiconOpt = Annotated[
    list[Path] | None, typer.Option(help="Extra trigger lexicon (YAML); repeatable.")
]
