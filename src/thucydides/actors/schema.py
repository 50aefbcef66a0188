"""The format of the actor data files (package data and user dictionaries), as pydantic models.

Every file is a YAML mapping with any of the keys below; README.md in ``data/`` documents them
with examples. These models only check the shape of one file; cross-references (an IGO member
that must be a known state, a sector that must be a known code) are checked by the knowledge base
once every file is merged.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

STATE_CODE = r"^[A-Z]{3}$"
ORG_CODE = r"^[A-Z][A-Z0-9]{1,11}$"
SECTOR_CODE = r"^[A-Z]{3}$"
REGION_CODE = r"^[A-Z]{3}$"  # CAMEO region codes are three letters (regions.yaml)

RegionCode = Annotated[str, Field(pattern=REGION_CODE)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AliasSpec(_Strict):
    """A name that may also name another actor; ``ambiguous: true`` lets the other claim win."""

    text: str = Field(min_length=1)
    ambiguous: bool = False


Alias = str | AliasSpec


class BodySpec(_Strict):
    """A seat of power or state institution that stands for one sector of a state.
    ``shared_with``: other states whose own institution bears the name ("Congress" in Peru):
    in a story about one of them the name is that state's."""

    names: list[str] = Field(min_length=1)
    sector: str = Field(pattern=SECTOR_CODE)
    shared_with: list[str] = []


class StateSpec(_Strict):
    """A state or territory; ``regions`` are the CAMEO region codes it lies in (broad region
    first), each checked against the merged ``regions`` by the knowledge base."""

    code: str = Field(pattern=STATE_CODE)
    name: str = Field(min_length=1)
    regions: list[RegionCode] = []
    aliases: list[Alias] = []
    demonyms: list[Alias] = []
    capitals: list[Alias] = []
    bodies: list[BodySpec] = []

    @field_validator("regions")
    @classmethod
    def _distinct(cls, regions: list[str]) -> list[str]:
        twice = sorted({r for r in regions if regions.count(r) > 1})
        if twice:
            raise ValueError(f"region codes listed twice: {twice}")
        return regions


class Suspension(_Strict):
    start: dt.date
    end: dt.date | None = None


class MembershipSpec(_Strict):
    state: str = Field(pattern=STATE_CODE)
    joined: dt.date
    left: dt.date | None = None
    suspended: list[Suspension] = []

    @model_validator(mode="after")
    def _ordered(self) -> MembershipSpec:
        if self.left is not None and self.left <= self.joined:
            raise ValueError(f"member {self.state}: left {self.left} is not after joined")
        return self


class IgoSpec(_Strict):
    id: str = Field(min_length=1)
    code: str = Field(pattern=ORG_CODE)
    name: str = Field(min_length=1)
    aliases: list[Alias] = []
    sector: str | None = Field(default=None, pattern=SECTOR_CODE)
    members: list[MembershipSpec] = []


class RegionSpec(_Strict):
    code: str = Field(pattern=STATE_CODE)
    name: str = Field(min_length=1)
    aliases: list[Alias] = []


class TermSpec(_Strict):
    office: str = Field(min_length=1)
    code: str = Field(pattern=ORG_CODE)
    sector: str | None = Field(default=None, pattern=SECTOR_CODE)
    start: dt.date
    end: dt.date | None = None
    shared: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> TermSpec:
        if self.end is not None and self.end <= self.start:
            raise ValueError(f"term {self.office!r}: end {self.end} is not after start")
        return self


class PersonSpec(_Strict):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    country: str = Field(pattern=STATE_CODE)
    aliases: list[Alias] = []
    terms: list[TermSpec] = []


class GroupSpec(_Strict):
    id: str = Field(min_length=1)
    code: str = Field(pattern=ORG_CODE)
    sector: str | None = Field(default=None, pattern=SECTOR_CODE)
    name: str = Field(min_length=1)
    aliases: list[Alias] = []


class RoleSpec(_Strict):
    sector: str | None = Field(pattern=SECTOR_CODE)
    nouns: list[str] = Field(min_length=1)

    @field_validator("nouns")
    @classmethod
    def _lower(cls, nouns: list[str]) -> list[str]:
        upper = [n for n in nouns if n != n.lower()]
        if upper:
            raise ValueError(f"role nouns are written in lower case: {upper[:3]}")
        return nouns


class ModifierSpec(_Strict):
    words: list[str] = Field(min_length=1)
    sector: str = Field(pattern=SECTOR_CODE)


class TermRow(_Strict):
    """One row of a terms table (``leaders.csv``): one spell in office of one person."""

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    country: str = Field(pattern=STATE_CODE)
    office: str = Field(min_length=1)
    code: str = Field(pattern=ORG_CODE)
    sector: str | None = Field(default=None, pattern=SECTOR_CODE)
    start: dt.date
    end: dt.date | None = None
    aliases: list[str] = []

    @field_validator("sector", "end", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("aliases", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        if isinstance(value, str):
            return [a.strip() for a in value.split(";") if a.strip()]
        return value

    @model_validator(mode="after")
    def _ordered(self) -> TermRow:
        if self.end is not None and self.end <= self.start:
            raise ValueError(f"term {self.office!r}: end {self.end} is not after start")
        return self


class ActorFile(_Strict):
    """One data file: package data or a user dictionary (``--actors my.yaml``)."""

    sector_codes: dict[str, str] = {}
    codes: dict[str, str] = {}
    places: dict[str, list[Alias]] = {}
    states: list[StateSpec] = []
    igos: list[IgoSpec] = []
    regions: list[RegionSpec] = []
    people: list[PersonSpec] = []
    terms: list[TermRow] = []
    groups: list[GroupSpec] = []
    roles: list[RoleSpec] = []
    modifiers: list[ModifierSpec] = []
    discards: list[str] = []
