"""Typed records that flow between the pipeline's stages.

Everything after the spaCy components works on these plain records, never on tokens.
Offsets are character offsets into the cleaned article body.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

INTERNATIONAL_PREFIXES = ("IGO", "NGO", "IMG")


@dataclass(frozen=True, slots=True)
class Article:
    """One article as a reader found it, before cleaning."""

    id: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None  # file name (and line) it came from, for error messages


@dataclass(frozen=True, slots=True)
class Removed:
    """A line that cleaning took out of the article, and why."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor mention resolved to a CAMEO-style code (or left unresolved: code None)."""

    text: str
    start: int
    end: int
    code: str | None
    country: str | None
    sector: str | None
    rule: str

    @property
    def scoring_country(self) -> str | None:
        """Country as the gold files compare it: ISO-3, or IGO/NGO/IMG for international bodies."""
        if self.country:
            return self.country
        if self.code and self.code[:3] in INTERNATIONAL_PREFIXES:
            return self.code[:3]
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class TextSpan:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Event:
    """One coded event: source did trigger to target, with its evidence."""

    id: str
    sentence_index: int
    sentence: str
    trigger: TextSpan
    source: Actor | None
    target: Actor | None
    cameo: str
    root: str
    quad: int
    goldstein: float
    plover: str | None
    mode: str | None
    context: str | None
    negated: bool = False
    hypothetical: bool = False
    alleged: bool = False
    reported_by: Actor | None = None
    date: str | None = None
    date_text: str | None = None
    location: dict[str, Any] | None = None  # {name, country, lat, lon, source}
    rule: str = ""
    confidence: float = 0.0

    @property
    def hedged(self) -> bool:
        return self.negated or self.hypothetical or self.alleged

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["trigger"] = self.trigger.to_dict()
        out["source"] = self.source.to_dict() if self.source else None
        out["target"] = self.target.to_dict() if self.target else None
        out["reported_by"] = self.reported_by.to_dict() if self.reported_by else None
        return out


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote and the actor it is attributed to."""

    text: str
    start: int
    end: int
    speaker: Actor | None
    verb: str | None
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "verb": self.verb,
            "rule": self.rule,
        }


@dataclass(slots=True)
class ArticleResult:
    """Everything eventcoder found in one article: the output document."""

    id: str
    title: str | None
    published: str | None
    url: str | None
    body: str
    dateline: str | None = None
    removed: list[Removed] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)  # what the article says happened
    hedged_events: list[Event] = field(default_factory=list)  # negated, hypothetical, alleged
    quotes: list[Quote] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "url": self.url,
            "body": self.body,
            "dateline": self.dateline,
            "removed": [{"text": r.text, "reason": r.reason} for r in self.removed],
            "events": [e.to_dict() for e in self.events],
            "hedged_events": [e.to_dict() for e in self.hedged_events],
            "quotes": [q.to_dict() for q in self.quotes],
        }
