"""Where the shared gold and reference data live.

The project keeps its read-only gold sets beside the repository (``<repo>/../shared/gold``), not
inside it. ``$THUCYDIDES_SHARED`` overrides that location.
"""

from __future__ import annotations

import os
from pathlib import Path

#: The environment variable that names the shared folder explicitly.
SHARED_ENV = "THUCYDIDES_SHARED"

# src/thucydides/evaluation/paths.py -> parents[3] is the repository root.
_REPO_ROOT = Path(__file__).resolve().parents[3]


def shared_dir() -> Path | None:
    """The shared data folder, or None when it is not there.

    ``$THUCYDIDES_SHARED`` wins when set (and then is the only place looked at, so that a wrong
    setting is not silently papered over); otherwise ``<repo>/../shared``.
    """
    configured = os.environ.get(SHARED_ENV)
    candidate = Path(configured) if configured else _REPO_ROOT.parent / "shared"
    candidate = candidate.resolve()
    return candidate if candidate.is_dir() else None


def gold_dir() -> Path | None:
    """``<shared>/gold``, or None when the shared folder or its gold subfolder is missing."""
    shared = shared_dir()
    if shared is None or not (shared / "gold").is_dir():
        return None
    return shared / "gold"
