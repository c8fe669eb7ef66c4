"""Page cleaning: from raw text or HTML to a title, a date and the article's body paragraphs.

Cleaning normalises whitespace, rebuilds paragraphs (joining hard-wrapped lines), finds the
headline, and removes page debris: furniture named by its words (photo credits, share and
comment prompts, promotions, cookie and error text, ...; the rules are data in
``eventcoder/data/clean/furniture.tsv``) and debris found by its shape (navigation words,
tags and teasers, timestamps, separators, present-tense captions, repeats;
:mod:`eventcoder.debris`). Every removed paragraph is kept in :attr:`Cleaned.removed` with
the name of the rule that removed it. HTML goes through :mod:`eventcoder.html_text` first.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from .debris import (
    MAX_TEASERS,
    Vocabulary,
    is_caption,
    is_fragment,
    is_label,
    is_list_item,
    is_prose,
    is_separator,
    is_teaser,
    is_timestamp,
    same_text,
)
from .errors import DataFileError, Errors
from .html_text import html_to_text, strip_tags
from .records import Article, Removed
from .tsv import read_tsv

__all__ = [
    "Cleaned",
    "FurnitureRules",
    "clean_article",
    "clean_text",
    "html_to_text",
    "normalise",
    "split_paragraphs",
    "strip_tags",
]

FURNITURE_FILE = Path(__file__).parent / "data" / "clean" / "furniture.tsv"
SCOPES = ("line", "short")
THENS = ("", "list", "next")
SHORT_WORDS = 25  # a `short` rule only removes paragraphs of at most this many words
MAX_TITLE_CHARS = 200
TITLE_SHARE = 0.4  # a headline right before a longer standfirst is at least this share
MIN_STANDFIRST_WORDS = 10
MAX_NOTE_WORDS = 60
MIN_CAPTION_COPY_WORDS = 5
# removals whose text is a photo caption (rule names in furniture.tsv, shape rules)
CAPTION_REASONS = (
    "photo-credit",
    "caption",
    "file-photo",
)  # the longest note removed after a heading such as "About the author"
SENTENCE_END = (".", "!", "?", ":", ";", '"', "”", "’")

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
_CLOSERS = "\"'”’)]»"
_MENU_SEPARATOR = re.compile(r"\s[|»>•·]\s")
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
    # "list": the short lines after this one are a list of links (teasers); "next": the
    # paragraph after this one (an author's note) goes too
    then: str = ""

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
                then = row.get("then")
                if then not in THENS:
                    raise row.error(f"then must be empty or one of {', '.join(THENS[1:])}")
                try:
                    compiled = re.compile(pattern)
                except re.error as exc:
                    raise row.error(f"bad pattern for rule {name!r}: {exc}") from None
                rules.append(
                    FurnitureRule(
                        name, compiled, scope, row.get("note"), f"{source}:{row.line}", then
                    )
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
    continued: bool = False  # the next line follows in the same block, with no blank line


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
            if out:
                out[-1].continued = True
            out.append(_Paragraph(line))
    return out


def _looks_wrapped(lines: list[str]) -> bool:
    """Three or more lines, all but the last nearly as long as the longest, and at least
    one line break inside a sentence: before a lowercase word, or after a comma or a word
    such as 'the' or 'of'. A header of capitalised lines ('Site | Tagline', 'World | Asia',
    'Headline', 'By Jane Doe') has the shape but no such break."""
    if len(lines) < 3:
        return False
    width = max(len(line) for line in lines)
    if not (50 <= width <= 100 and all(len(line) >= 0.7 * width for line in lines[:-1])):
        return False
    vocab = Vocabulary.default()
    for line, following in itertools.pairwise(lines):
        last = line.split()[-1]
        if following[0].islower() or last.endswith(",") or vocab.has("continuation", last):
            return True
    return False


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


def clean_text(
    text: str,
    title: str | None = None,
    rules: FurnitureRules | None = None,
    vocabulary: Vocabulary | None = None,
) -> Cleaned:
    """Clean plain text: paragraphs, title, and page debris removal.

    Paragraphs are separated by blank lines; inside a block, hard-wrapped lines are joined
    and other lines are paragraphs of their own, so that a caption and its credit line can
    be removed separately. Debris goes in three passes:

    1. the furniture rules (furniture.tsv) and the shapes of single lines: separators,
       timestamps, present-tense photo captions, paragraphs repeated on the page;
    2. the title: with a `title`, paragraphs repeating it are dropped; without one, the
       first paragraph before the first running text that looks like a headline (one line,
       at most 200 characters, no final period, not in capitals, preferably four words or
       more) is the title;
    3. short lines that do not end a sentence (navigation and section words, tags, teaser
       headlines) and the short lines listed after a "Read more"/"Related" heading, but
       only when the page has running text to keep.
    """
    rules = rules if rules is not None else FurnitureRules.default()
    vocab = vocabulary if vocabulary is not None else Vocabulary.default()
    paragraphs = _join_lone_datelines(_paragraphs(normalise(text)))
    reasons: list[str | None] = []
    lists_after: set[int] = set()  # paragraphs removed as link-list headings
    notes_after: set[int] = set()  # headings of a note that follows ("About the author")
    seen: set[str] = set()
    for index, paragraph in enumerate(paragraphs):
        rule = rules.match(paragraph.text)
        reason = rule.name if rule is not None else _shape(paragraph.text, seen, vocab)
        if rule is not None and rule.then == "list":
            lists_after.add(index)
        elif rule is not None and rule.then == "next":
            notes_after.add(index)
        if reason is None:
            seen.add(same_text(paragraph.text))
        reasons.append(reason)

    _mark_caption_copies(paragraphs, reasons)
    title_index: int | None = None
    if title is not None and title.strip():
        title = " ".join(title.split())
        for index in _lead(paragraphs, reasons):
            if _repeats_title(paragraphs[index].text, title):
                reasons[index] = "title"
    else:
        title_index = _choose_title(paragraphs, reasons)
        title = paragraphs[title_index].text if title_index is not None else None
        if title_index is not None:
            reasons[title_index] = "title"
    if title is not None and not title.strip():
        title = None

    body = [i for i, r in enumerate(reasons) if r is None]
    if any(is_prose(paragraphs[i].text) for i in body):
        _mark_short_lines(paragraphs, reasons, lists_after, vocab)
        _mark_notes(paragraphs, reasons, notes_after)

    kept = [p.text for p, r in zip(paragraphs, reasons, strict=True) if r is None]
    removed = [
        Removed(p.text, r)
        for p, r in zip(paragraphs, reasons, strict=True)
        if r is not None and r != "title"
    ]
    dateline = None
    if kept:
        match = _DATELINE.match(kept[0])
        if match and len(match.group("place")) >= 3:
            dateline = match.group("place")
            kept[0] = kept[0][match.end() :]
    return Cleaned(title, None, tuple(kept), tuple(removed), dateline)


def _shape(text: str, seen: set[str], vocab: Vocabulary) -> str | None:
    """The shape rule that removes one paragraph, or None."""
    if is_separator(text):
        return "separator"
    if same_text(text) in seen:
        return "repeated"
    if is_timestamp(text, vocab):
        return "timestamp"
    if is_caption(text, vocab):
        return "caption-shape"
    return None


def _mark_caption_copies(paragraphs: list[_Paragraph], reasons: list[str | None]) -> None:
    """Remove a paragraph that opens a removed caption: the same caption without its
    credit ('X arrives in Y.' next to 'X arrives in Y. Photograph: Jane Doe/AP')."""
    captions = [
        same_text(p.text)
        for p, r in zip(paragraphs, reasons, strict=True)
        if r is not None and r.startswith(CAPTION_REASONS)
    ]
    if not captions:
        return
    for index, (paragraph, reason) in enumerate(zip(paragraphs, reasons, strict=True)):
        key = same_text(paragraph.text)
        if (
            reason is None
            and len(key.split()) >= MIN_CAPTION_COPY_WORDS
            and any(c.startswith(key) and len(c) > len(key) for c in captions)
        ):
            reasons[index] = "caption-copy"


def _lead(paragraphs: list[_Paragraph], reasons: list[str | None]) -> list[int]:
    """The kept paragraphs before the first paragraph of running text."""
    lead: list[int] = []
    for index, (paragraph, reason) in enumerate(zip(paragraphs, reasons, strict=True)):
        if reason is not None:
            continue
        if is_prose(paragraph.text):
            break
        lead.append(index)
    return lead


def _choose_title(paragraphs: list[_Paragraph], reasons: list[str | None]) -> int | None:
    """The headline among the lead paragraphs (those before the first running text).

    Candidates look like a title, have four words or more, are not in capitals and hold
    no menu separators (' | ', ' » ', ' > ', ' • ', ' · '). The longest candidate is the
    headline (site names, taglines and buttons are shorter), unless it has ten words or
    more and the line right before it is a candidate at least 0.4 times as long: then that
    one is the headline and the longest its standfirst. Without candidates, the first kept
    paragraph is the title when it looks like one. Never the only paragraph."""
    kept = [i for i, r in enumerate(reasons) if r is None]
    if len(kept) < 2:
        return None
    candidates = [
        index
        for index in _lead(paragraphs, reasons)
        if _looks_like_title(paragraphs[index])
        and len(paragraphs[index].text.split()) >= 4
        and not paragraphs[index].text.isupper()
        and not _MENU_SEPARATOR.search(paragraphs[index].text)
    ]
    if not candidates:
        return kept[0] if _looks_like_title(paragraphs[kept[0]]) else None
    longest = max(candidates, key=lambda i: len(paragraphs[i].text))
    before = longest - 1
    if (
        before in candidates
        and len(paragraphs[longest].text.split()) >= MIN_STANDFIRST_WORDS
        and len(paragraphs[before].text) >= TITLE_SHARE * len(paragraphs[longest].text)
    ):
        return before
    return longest


def _mark_short_lines(
    paragraphs: list[_Paragraph],
    reasons: list[str | None],
    lists_after: set[int],
    vocab: Vocabulary,
) -> None:
    """Remove fragments, labels and the teasers that follow a link-list heading."""
    teasers = 0
    in_list = False
    introduced = False  # the last kept paragraph ends with a colon, or is such a list item
    for index, paragraph in enumerate(paragraphs):
        if index in lists_after:
            in_list, teasers = True, 0
            continue
        if reasons[index] is not None:
            continue
        text = paragraph.text
        if in_list and teasers < MAX_TEASERS and is_teaser(text, vocab):
            reasons[index] = "teaser"
            teasers += 1
            continue
        in_list = False
        if is_list_item(text) and introduced:
            continue  # an item of a list the body introduced with a colon
        introduced = text.rstrip().endswith(":") or (introduced and is_list_item(text))
        if paragraph.lines == 1 and is_fragment(text, vocab, paragraph.continued):
            reasons[index] = "fragment"
        elif is_label(text):
            reasons[index] = "label"


def _mark_notes(
    paragraphs: list[_Paragraph], reasons: list[str | None], notes_after: set[int]
) -> None:
    """Remove the short paragraph after a note heading such as 'About the author'."""
    for heading in sorted(notes_after):
        following = heading + 1
        if (
            following < len(paragraphs)
            and reasons[following] is None
            and len(paragraphs[following].text.split()) <= MAX_NOTE_WORDS
        ):
            reasons[following] = f"{reasons[heading]}-note"


def _join_lone_datelines(paragraphs: list[_Paragraph]) -> list[_Paragraph]:
    """A dateline alone on its line ('KYIV, Ukraine — ') opens the next paragraph."""
    out: list[_Paragraph] = []
    pending: _Paragraph | None = None
    for paragraph in paragraphs:
        if pending is not None:
            paragraph = _Paragraph(
                f"{pending.text} {paragraph.text}", paragraph.lines, paragraph.continued
            )
            pending = None
        match = _DATELINE.match(paragraph.text + " X")
        if match is not None and match.end() == len(paragraph.text) + 1:
            pending = paragraph
            continue
        out.append(paragraph)
    if pending is not None:
        out.append(pending)
    return out


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
