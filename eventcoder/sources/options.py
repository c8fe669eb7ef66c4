"""Options of the readers: folder walking, encodings, column names, fetching."""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_USER_AGENT = (
    "eventcoder/0.1 (political event coding; +https://github.com/eventcoder/eventcoder)"
)


@dataclass(frozen=True, slots=True)
class Columns:
    """Which field (JSON, JSONL) or column (CSV, TSV) holds each part of an article."""

    id: str = "id"
    text: str = "text"
    html: str = "html"
    title: str = "title"
    published: str = "published"
    url: str = "url"

    def roles(self) -> dict[str, str]:
        """Article field -> input field name."""
        return {
            "id": self.id,
            "text": self.text,
            "html": self.html,
            "title": self.title,
            "published": self.published,
            "url": self.url,
        }


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How feeds and their articles are fetched over HTTP."""

    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 20.0  # seconds per request
    retries: int = 3  # further tries after a failure that may pass (timeouts, 429, 5xx)
    backoff: float = 1.0  # seconds before the first retry, doubled each time (or Retry-After)
    max_backoff: float = 60.0
    host_delay: float = 1.0  # least seconds between two requests to one host


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Everything the readers need besides the paths."""

    default_date: str | None = None
    max_bytes: int = 50_000_000
    encoding: str | None = None  # None: UTF-8, else detected (docs/sources.md)
    recursive: bool = True
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    columns: Columns = field(default_factory=Columns)
    fetch: FetchOptions = field(default_factory=FetchOptions)
