"""The error catalogue.

Every error a user can meet says which input it concerns and what to do. The tree::

    ThucydidesError
    ├── InputError          an input could not be read or parsed (names the input and line)
    ├── ConfigError         a data file, dictionary or option is invalid (names the file/option)
    ├── ModelNotFoundError  the spaCy pipeline is not installed (says how to install it)
    └── StoreError          the database could not be opened or written (names the file)

Errors are one line: ``str(err)`` is what the CLI prints after ``error:``.
"""

from __future__ import annotations


class ThucydidesError(Exception):
    """Base class of every error thucydides raises on purpose."""


class InputError(ThucydidesError):
    """An input could not be read: missing, a directory, binary, empty, malformed, bad date.

    Attributes:
        source: The input's name as the user gave it (path, ``-``, ``path:line``).
    """

    def __init__(self, source: str, message: str) -> None:
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}")


class ConfigError(ThucydidesError):
    """A data file, user dictionary or option value is invalid."""


class ModelNotFoundError(ThucydidesError):
    """The requested spaCy pipeline is not installed."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(
            f"spaCy pipeline {name!r} is not installed; run `make install` for the default "
            f"model or `pip install` a package that provides {name!r}"
        )


class StoreError(ThucydidesError):
    """The event store could not be opened or written."""
