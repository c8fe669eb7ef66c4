"""Page HTML to text: trafilatura first, a simple tag stripper when it fails or is missing.

:func:`html_to_text` returns the page's text with blank lines between paragraphs, its
title and its publication date (from the metadata); :mod:`eventcoder.clean` then removes
the debris that extraction leaves.
"""

from __future__ import annotations

import functools
import html as html_lib
import logging
import re
from collections.abc import Iterable
from html.parser import HTMLParser
from typing import Any

log = logging.getLogger(__name__)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def html_to_text(html: str) -> tuple[str, str | None, str | None]:
    """Extract (text, title, date) from a page with trafilatura (no comments, no tables).

    Paragraphs in the text are separated by blank lines. When trafilatura is unavailable,
    fails or finds nothing, a simple tag stripper is used instead. Never raises.
    """
    if not html.strip():
        return "", None, None
    title: str | None = None
    date: str | None = None
    document = _trafilatura(html)
    if document is not None:
        text = _string(getattr(document, "text", None)) or ""
        title = _string(getattr(document, "title", None))
        date = _iso_date(getattr(document, "date", None))
        if text.strip():
            return "\n\n".join(line for line in text.split("\n") if line.strip()), title, date
    fallback_text, fallback_title, fallback_date = strip_tags(html)
    return fallback_text, title or fallback_title, date or fallback_date


def _trafilatura(html: str) -> Any:
    try:
        import trafilatura
    except ImportError as exc:  # a broken install must not stop cleaning
        _warn_once(f"trafilatura cannot be imported ({exc}); using the simple HTML stripper")
        return None
    try:
        return trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura and lxml raise many kinds on broken pages
        log.debug("trafilatura failed: %s", exc)
        return None


@functools.cache
def _warn_once(message: str) -> None:
    log.warning(message)


def _string(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _iso_date(value: object) -> str | None:
    if isinstance(value, str) and _ISO_DATE.match(value):
        return value[:10]
    return None


_SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "head",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "iframe",
        "figure",
        "figcaption",
        "object",
    }
)
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "section",
        "article",
        "main",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "hr",
        "body",
        "address",
    }
)
_VOID_TAGS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
_CONTAINERS = frozenset({"html", "body", "main", "article"})  # never skipped for a class
_SKIP_CLASS = re.compile(
    r"(?:^|[\s_-])(?:comments?|share|sharing|social|newsletter|cookies?|related|advert|"
    r"advertisement|ad|ads|promo|subscribe|subscription|byline|caption|credit|breadcrumbs?|"
    r"skip-link)(?:$|[\s_-])"
)
_DATE_META = frozenset(
    {
        "article:published_time",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "og:published_time",
        "dc.date",
        "dc.date.issued",
        "sailthru.date",
        "parsely-pub-date",
    }
)


class _TagStripper(HTMLParser):
    """Collects the visible text of a page, leaving out scripts, navigation, captions,
    comment sections and elements whose class or id names such furniture."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.meta_title: str | None = None
        self.date: str | None = None
        self._open: list[tuple[str, bool]] = []  # open elements and whether each hides text
        self._hidden = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta":
            self._meta(values)
        elif tag == "title":
            self._in_title = True
        elif tag == "body":  # a <head> left open must not hide the page
            self._close("head")
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
        if tag in _VOID_TAGS:
            return
        label = f"{values.get('class') or ''} {values.get('id') or ''}".lower()
        hides = tag in _SKIP_TAGS or (
            tag not in _CONTAINERS and _SKIP_CLASS.search(label) is not None
        )
        self._open.append((tag, hides))
        self._hidden += hides

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
        self._close(tag)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._hidden:
            self.parts.append(data)

    def _close(self, tag: str) -> None:
        """Close `tag` and any elements left open inside it; ignore a stray end tag."""
        for depth in range(len(self._open) - 1, -1, -1):
            if self._open[depth][0] == tag:
                self._hidden -= sum(hides for _, hides in self._open[depth:])
                del self._open[depth:]
                return

    def _meta(self, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = attrs.get("content")
        if key in ("og:title", "twitter:title") and content and self.meta_title is None:
            self.meta_title = " ".join(content.split()) or None
        elif self.date is None and key in _DATE_META:
            self.date = _iso_date(content)


def strip_tags(html: str) -> tuple[str, str | None, str | None]:
    """The simple fallback extractor: (text, title, date) from tags and meta elements."""
    parser = _TagStripper()
    try:
        parser.feed(html)
        parser.close()
    except Exception as exc:  # html.parser is lenient, but must never stop cleaning
        log.debug("html.parser failed: %s", exc)
        text = html_lib.unescape(re.sub(r"<[^>]*>", "\n\n", html))
        return _tidy(text.split("\n\n")), None, None
    title = parser.meta_title or " ".join("".join(parser.title_parts).split()) or None
    return _tidy("".join(parser.parts).split("\n\n")), title, parser.date


def _tidy(chunks: Iterable[str]) -> str:
    paragraphs = (" ".join(chunk.split()) for chunk in chunks)
    return "\n\n".join(p for p in paragraphs if p)
