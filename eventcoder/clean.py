"""Page cleaning: from raw text or HTML to a title, a date and the article's body paragraphs.

Cleaning normalises whitespace, rebuilds paragraphs (joining hard-wrapped lines), finds the
headline, and removes page furniture (photo captions and credits, share and comment
prompts, advertising labels, copyright lines, ...). The furniture rules are data:
``eventcoder/data/clean/furniture.tsv``. Every removed paragraph is kept in
:attr:`Cleaned.removed` with the name of the rule that removed it.
"""

from __future__ import annotations

import functools
import html as html_lib
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from .errors import DataFileError, Errors
from .records import Article, Removed
from .tsv import read_tsv

log = logging.getLogger(__name__)

FURNITURE_FILE = Path(__file__).parent / "data" / "clean" / "furniture.tsv"
SCOPES = ("line", "short")
SHORT_WORDS = 25  # a `short` rule only removes paragraphs of at most this many words
MAX_TITLE_CHARS = 200
SENTENCE_END = (".", "!", "?", ":", ";", '"', "”", "’")

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
_CLOSERS = "\"'”’)]»"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+")
# A wire dateline opening the first paragraph: "KYIV, Ukraine (AP) — ", "WASHINGTON (Reuters) -",
# "BEIJING, Jan. 5 (Xinhua) -- ", "NUR-SULTAN, April 8. /TASS/. ". The place is in capitals.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3}(?:,\s*[A-Z][A-Za-z'’.\-]+"
    r"(?: [A-Z][A-Za-z'’.\-]+){0,2})?)"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?\s*\.?\s*"
    r"(?:(?:\([A-Za-z][\w .-]{0,24}\)\s*)?(?:[-–—]{1,2}|:)\s+|/[A-Za-z]{2,12}/\.?\s+)"
    r"(?=[A-Z0-9\"“‘'])"
)


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The result of cleaning one article."""

    title: str | None
    published: str | None  # from HTML metadata when found
    paragraphs: tuple[str, ...]
    removed: tuple[Removed, ...]
    dateline: str | None = None  # "KYIV, Ukraine", taken off the first paragraph

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class FurnitureRule:
    """One furniture pattern: `line` rules remove any paragraph they match, `short` rules
    only paragraphs of at most SHORT_WORDS words."""

    name: str
    pattern: re.Pattern[str]
    scope: str
    note: str
    source: str  # file:line

    def matches(self, paragraph: str, words: int) -> bool:
        if self.scope == "short" and words > SHORT_WORDS:
            return False
        return self.pattern.search(paragraph) is not None


@dataclass(frozen=True, slots=True)
class FurnitureRules:
    """The furniture rules in file order; the first rule that matches names the removal."""

    rules: tuple[FurnitureRule, ...]

    @classmethod
    def load(cls, path: Path | None = None) -> FurnitureRules:
        """Read and compile a rules file (default: the packaged furniture.tsv)."""
        source = path or FURNITURE_FILE
        rules: list[FurnitureRule] = []
        try:
            for row in read_tsv(source, required=("name", "pattern", "scope")):
                name, pattern, scope = row.get("name"), row.get("pattern"), row.get("scope")
                if not name or not pattern:
                    raise row.error("a rule needs a name and a pattern")
                if scope not in SCOPES:
                    raise row.error(f"scope must be one of {', '.join(SCOPES)}, not {scope!r}")
                try:
                    compiled = re.compile(pattern)
                except re.error as exc:
                    raise row.error(f"bad pattern for rule {name!r}: {exc}") from None
                rules.append(
                    FurnitureRule(name, compiled, scope, row.get("note"), f"{source}:{row.line}")
                )
        except (OSError, UnicodeDecodeError) as exc:
            raise DataFileError(Errors.E030, source=str(source), line=0, reason=str(exc)) from None
        return cls(tuple(rules))

    @classmethod
    def default(cls) -> FurnitureRules:
        """The packaged rules, loaded once."""
        return _default_rules()

    def match(self, paragraph: str) -> FurnitureRule | None:
        """The first rule that removes `paragraph`, or None to keep it."""
        words = len(paragraph.split())
        for rule in self.rules:
            if rule.matches(paragraph, words):
                return rule
        return None


@functools.cache
def _default_rules() -> FurnitureRules:
    return FurnitureRules.load()


# --- text -----------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Unify newlines, turn odd spaces into plain ones, drop zero-width characters and
    trailing (and leading) whitespace on each line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x0c", "\n\n")
    text = _INVISIBLE.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


@dataclass(slots=True)
class _Paragraph:
    text: str
    lines: int = 1


def split_paragraphs(text: str) -> list[str]:
    """The paragraphs of normalised text (see :func:`clean_text` for the rules)."""
    return [p.text for p in _paragraphs(normalise(text))]


def _paragraphs(text: str) -> list[_Paragraph]:
    out: list[_Paragraph] = []
    for block in re.split(r"\n{2,}", text):
        lines = [line for line in block.split("\n") if line]
        if lines:
            out.extend(_block_paragraphs(lines))
    return out


def _block_paragraphs(lines: list[str]) -> list[_Paragraph]:
    """Split a block into paragraphs, joining the lines that were hard-wrapped.

    A line is joined to the next when it does not end a sentence and the next starts in
    lowercase; in a block that looks wrapped at a fixed width (three or more lines, all
    but the last nearly as long as the longest) the case of the next line does not matter.
    """
    wrapped = _looks_wrapped(lines)
    out: list[_Paragraph] = []
    for line in lines:
        if out and not out[-1].text.endswith(SENTENCE_END) and (wrapped or line[0].islower()):
            out[-1].text = _join(out[-1].text, line)
            out[-1].lines += 1
        else:
            out.append(_Paragraph(line))
    return out


def _looks_wrapped(lines: list[str]) -> bool:
    if len(lines) < 3:
        return False
    width = max(len(line) for line in lines)
    return 50 <= width <= 100 and all(len(line) >= 0.7 * width for line in lines[:-1])


def _join(left: str, right: str) -> str:
    """Join a wrapped line to the next; a word broken with a hyphen stays hyphenated."""
    if len(left) > 1 and left.endswith("-") and left[-2].isalpha():
        return left + right
    return f"{left} {right}"


def _looks_like_title(paragraph: _Paragraph) -> bool:
    text = paragraph.text
    return (
        paragraph.lines == 1
        and len(text) <= MAX_TITLE_CHARS
        and not text.rstrip(_CLOSERS).endswith((".", ",", ":", ";"))
        and any(ch.isalpha() for ch in text)
    )


def _repeats_title(paragraph: str, title: str) -> bool:
    """Whether `paragraph` is the title again (or the title without a "| Site" suffix)."""

    def key(s: str) -> str:
        return " ".join(s.split()).rstrip(".").casefold()

    first = _SITE_SUFFIX.split(title, maxsplit=1)[0]
    return key(paragraph) in (key(title), key(first))


def clean_text(text: str, title: str | None = None, rules: FurnitureRules | None = None) -> Cleaned:
    """Clean plain text: paragraphs, title, and furniture removal.

    Paragraphs are separated by blank lines; inside a block, hard-wrapped lines are joined
    and other lines are paragraphs of their own, so that a caption and its credit line can
    be removed separately. Without a `title`, a first (non-furniture) paragraph of one line,
    at most 200 characters, not ending in a period (nor , : ;) and followed by more text is
    the title.
    With a `title`, a first paragraph repeating it is dropped.
    """
    rules = rules if rules is not None else FurnitureRules.default()
    kept: list[_Paragraph] = []
    removed: list[Removed] = []
    for paragraph in _paragraphs(normalise(text)):
        rule = rules.match(paragraph.text)
        if rule is None:
            kept.append(paragraph)
        else:
            removed.append(Removed(paragraph.text, rule.name))
    if kept:
        first = kept[0]
        if title is not None and title.strip():
            title = " ".join(title.split())
            if _repeats_title(first.text, title):
                kept.pop(0)
        elif len(kept) > 1 and _looks_like_title(first):
            title = kept.pop(0).text
    if title is not None and not title.strip():
        title = None
    paragraphs = [p.text for p in kept]
    dateline = None
    if paragraphs:
        match = _DATELINE.match(paragraphs[0])
        if match and len(match.group("place")) >= 3:
            dateline = match.group("place")
            paragraphs[0] = paragraphs[0][match.end() :]
    return Cleaned(title, None, tuple(paragraphs), tuple(removed), dateline)


def clean_article(article: Article, rules: FurnitureRules | None = None) -> Cleaned:
    """Clean an article: its text when it has some, else its HTML.

    ``published`` is the date found in the HTML's metadata (None for text); choosing
    between it and ``article.published`` is left to the caller.
    """
    if article.text and article.text.strip():
        return clean_text(article.text, article.title, rules)
    if article.html and article.html.strip():
        text, html_title, date = html_to_text(article.html)
        cleaned = clean_text(text, article.title or html_title, rules)
        return Cleaned(cleaned.title, date, cleaned.paragraphs, cleaned.removed, cleaned.dateline)
    return Cleaned(article.title, None, (), ())


# --- HTML -----------------------------------------------------------------------------


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
