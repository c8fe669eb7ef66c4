"""RSS and Atom feeds (a URL or a local .rss/.atom/.xml file) and single pages by URL.

A feed's entries are parsed with feedparser; each entry's link is fetched (fetch.Fetcher:
robots.txt, per-host delay, retries) and becomes an article with the entry's title and
publication date. A link already fetched in this run is not fetched again. A URL that is
not a feed is taken as one article page.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from typing import Any

from ..errors import Errors, InputError
from ..records import Article
from .encoding import charset_of, choose_encoding, decode_with
from .fetch import Fetcher, Page
from .options import ReadOptions

FEED_TYPES = (
    "application/rss",
    "application/atom",
    "application/xml",
    "text/xml",
    "application/rdf",
)
FEED_STARTS = (b"<?xml", b"<rss", b"<feed", b"<rdf")


def read_url(url: str, fetcher: Fetcher, options: ReadOptions) -> Iterator[Article | InputError]:
    """A feed's articles, or the one page at `url`."""
    try:
        page = fetcher.get(url)
    except InputError as exc:
        yield exc
        return
    if _looks_like_feed(page):
        yield from _read_feed(page.content, url, fetcher, options)
        return
    fetcher.seen.add(page.url)
    try:
        html = _page_text(page, url, options)
    except InputError as exc:
        yield exc
        return
    yield Article(id=url, html=html, url=page.url, published=options.default_date, source=url)


def read_feed_file(
    data: bytes, source: str, options: ReadOptions
) -> Iterator[Article | InputError]:
    """The articles of a feed saved in a file; their pages are fetched."""
    fetcher = Fetcher(options.fetch, options.max_bytes)
    try:
        yield from _read_feed(data, source, fetcher, options)
    finally:
        fetcher.close()


def _looks_like_feed(page: Page) -> bool:
    kind = page.content_type.lower()
    if kind.startswith(FEED_TYPES) or "rss" in kind or "atom" in kind:
        return True
    return page.content.lstrip()[:64].lower().startswith(FEED_STARTS) and b"<html" not in (
        page.content[:512].lower()
    )


def _read_feed(
    data: bytes, source: str, fetcher: Fetcher, options: ReadOptions
) -> Iterator[Article | InputError]:
    import feedparser

    parsed: Any = feedparser.parse(data)
    if not parsed.get("version"):
        reason = str(parsed.get("bozo_exception") or "no RSS or Atom elements")
        yield InputError(Errors.E117, source=source, reason=reason)
        return
    links = 0
    for number, entry in enumerate(parsed.entries, start=1):
        link = str(entry.get("link") or "").strip()
        if not link:
            continue
        links += 1
        if link in fetcher.seen:
            continue
        fetcher.seen.add(link)
        try:
            page = fetcher.get(link)
            html = _page_text(page, link, options)
        except InputError as exc:
            yield exc
            continue
        yield Article(
            id=link,
            html=html,
            title=_string(entry.get("title")),
            published=_entry_date(entry) or options.default_date,
            url=page.url,
            source=f"{source}#{number}",
        )
    if not links:
        yield InputError(Errors.E121, source=source)


def _page_text(page: Page, source: str, options: ReadOptions) -> str:
    if not page.content.strip():
        raise InputError(Errors.E010, source=source)
    encoding = options.encoding or charset_of(page.content_type)
    chosen = choose_encoding(page.content, source, encoding, whole=True)
    return decode_with(page.content, chosen, source)


def _entry_date(entry: Any) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not isinstance(stamp, time.struct_time):
        return None
    try:
        return dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday).isoformat()
    except ValueError:
        return None


def _string(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
