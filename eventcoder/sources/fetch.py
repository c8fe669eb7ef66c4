"""Fetching pages over HTTP politely: a clear user agent, robots.txt, a per-host delay,
timeouts, and retries with exponential backoff for failures that may pass."""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from ..errors import Errors, InputError
from .options import FetchOptions

RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
ROBOTS_DENY_STATUSES = frozenset({401, 403})


@dataclass(frozen=True, slots=True)
class Page:
    url: str  # after redirects
    content: bytes
    content_type: str


class Fetcher:
    """One HTTP client for a run; remembers robots.txt and the last request to each host."""

    def __init__(self, options: FetchOptions, max_bytes: int = 50_000_000) -> None:
        self.options = options
        self.max_bytes = max_bytes
        self.client = httpx.Client(
            headers={"User-Agent": options.user_agent},
            timeout=options.timeout,
            follow_redirects=True,
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()
        self.seen: set[str] = set()

    def close(self) -> None:
        self.client.close()

    def get(self, url: str) -> Page:
        """The page at `url`, or InputError: E119 when robots.txt forbids it, E118 else."""
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise InputError(Errors.E118, source=url, reason="not an http(s) URL")
        host = f"{parts.scheme}://{parts.netloc}"
        robots = self._robots_for(host)
        if isinstance(robots, str):
            raise InputError(Errors.E118, source=url, reason=robots)
        if not robots.can_fetch(self._agent, url):
            raise InputError(Errors.E119, source=url, host=parts.netloc, agent=self._agent)
        delay = robots.crawl_delay(self._agent)
        return self._get(url, host, float(delay) if delay else 0.0)

    @property
    def _agent(self) -> str:
        return self.options.user_agent.split("/", 1)[0]

    def _robots_for(self, host: str) -> urllib.robotparser.RobotFileParser | str:
        """The host's robots.txt rules, or why nothing may be fetched from the host."""
        known = self._robots.get(host)
        if known is not None:
            return known
        parser = urllib.robotparser.RobotFileParser()
        rules: urllib.robotparser.RobotFileParser | str = parser
        try:
            response = self._request(f"{host}/robots.txt", host, 0.0)
        except InputError as exc:
            # unreachable or failing: fetch nothing from the host rather than ignore its rules
            rules = f"its robots.txt cannot be read: {exc.kwargs.get('reason', exc)}"
        else:
            if response.status_code in ROBOTS_DENY_STATUSES:
                parser.parse(["User-agent: *", "Disallow: /"])
            elif response.status_code >= 500:
                rules = f"its robots.txt answers HTTP {response.status_code}"
            elif response.status_code >= 400:
                parser.parse([])  # no robots.txt: everything is allowed
            else:
                parser.parse(response.text.splitlines())
        self._robots[host] = rules
        return rules

    def _get(self, url: str, host: str, crawl_delay: float) -> Page:
        response = self._request(url, host, crawl_delay)
        if response.status_code != 200:
            raise InputError(
                Errors.E118,
                source=url,
                reason=f"HTTP {response.status_code} {response.reason_phrase}".strip(),
            )
        return Page(str(response.url), response.content, response.headers.get("content-type", ""))

    def _request(self, url: str, host: str, crawl_delay: float) -> httpx.Response:
        """A GET with the per-host delay and retries; the last response, or E118."""
        attempts = self.options.retries + 1
        for attempt in range(attempts):
            self._wait_for(host, crawl_delay)
            last = attempt == attempts - 1
            try:
                response = self._download(url)
            except httpx.HTTPError as exc:
                if last:
                    reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                    raise InputError(Errors.E118, source=url, reason=reason) from None
                time.sleep(self._backoff(attempt, None))
                continue
            if response.status_code in RETRY_STATUSES and not last:
                time.sleep(self._backoff(attempt, response.headers.get("retry-after")))
                continue
            return response
        raise AssertionError("unreachable")

    def _download(self, url: str) -> httpx.Response:
        """The response with its body read, refusing bodies over max_bytes."""
        with self.client.stream("GET", url) as response:
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise InputError(
                        Errors.E120,
                        source=url,
                        where="the page",
                        size=f"more than {self.max_bytes}",
                        limit=self.max_bytes,
                    )
                chunks.append(chunk)
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            content=b"".join(chunks),
            request=response.request,
        )

    def _wait_for(self, host: str, crawl_delay: float) -> None:
        delay = max(self.options.host_delay, crawl_delay)
        with self._lock:
            now = time.monotonic()
            ready = self._last.get(host, now - delay) + delay
            self._last[host] = max(now, ready)
        if ready > now:
            time.sleep(ready - now)

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        wait = self.options.backoff * (2**attempt)
        if retry_after:
            wait = _retry_after_seconds(retry_after, wait)
        return float(min(wait, self.options.max_backoff))


def _retry_after_seconds(value: str, default: float) -> float:
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, when.timestamp() - time.time())
