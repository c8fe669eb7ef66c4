"""Page debris found by its shape rather than by its words.

The furniture rules (``data/clean/furniture.tsv``) name debris by what it says ("Share this
article", "Advertisement"). The rules here catch what no word list can: navigation and
section words, tag lists and teaser headlines (short lines that do not end a sentence),
timestamps in any format, separators, present-tense photo captions without a credit, and
paragraphs repeated on the page. Their vocabularies are data: ``data/clean/words.tsv``.

They are written for precision: a body paragraph ends a sentence, so a line that ends with
a period, a question mark or a closing quote is never a fragment; a line that ends with a
word such as "the" or "of" continues on the next line and is never debris.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import DataFileError, Errors
from .tsv import read_tsv

WORDS_FILE = Path(__file__).parent / "data" / "clean" / "words.tsv"
KINDS = (
    "month",
    "weekday",
    "zone",
    "time",
    "caption-verb",
    "scene-verb",
    "auxiliary",
    "tense",
    "continuation",
    "reporting",
)
MAX_FRAGMENT_WORDS = 15  # a line longer than this is never a fragment
MAX_TEASER_WORDS = 14  # a short line after a "Read more"/"Related" heading is a teaser
MAX_TEASERS = 8
MAX_TIMESTAMP_TOKENS = 20
MAX_TIMESTAMP_CHARS = 200
TIMESTAMP_SHARE = 0.6  # the share of a timestamp line's tokens that are date or time words
MAX_CAPTION_WORDS = 70
CAPTION_VERB_WITHIN = 16  # a caption's verb comes early in its first sentence
MIN_PROSE_WORDS = 6
MIN_WRAPPED_CHARS = 25  # a shorter line is a menu item, not a hard-wrapped sentence
MAX_HEADING_WORDS = 4
MIN_LIST_ITEM_WORDS = 5
SENTENCE_END = (".", "!", "?", "…", ":", ";")
CLOSERS = "\"'”’)]»*"
QUOTES = '"“”«»'

_TOKEN = re.compile(r"[^\s,|/()\[\]–—·•-]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
# A sentence ends at . ! or ? after two lowercase letters or digits ("2023. REUTERS"), so
# "Jr. looks", "Dec. 14" and "U.S. officials" do not end one.
_SENTENCE_SPLIT = re.compile(r"(?<=[a-z0-9)]{2}[.!?])\s+(?=[A-Z\"“(])")
_LIST_MARK = re.compile(r"^(?:[•·▪◦‣*–-]\s|\d{1,2}[.)]\s|\([a-z0-9]\)\s)")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_INNER_SENTENCE_END = re.compile(r"[a-z0-9]{2}[.!?][\"”’']?\s+[^\s\d]")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The word lists of words.tsv by kind, with the caption verb phrases compiled."""

    words: dict[str, frozenset[str]]
    caption_verb: re.Pattern[str]
    scene_verb: re.Pattern[str]
    time_expression: re.Pattern[str]

    @classmethod
    def load(cls, path: Path | None = None) -> Vocabulary:
        source = path or WORDS_FILE
        words: dict[str, set[str]] = {kind: set() for kind in KINDS}
        try:
            for row in read_tsv(source, required=("word", "kind")):
                word, kind = row.get("word").casefold(), row.get("kind")
                if not word:
                    raise row.error("a row needs a word")
                if kind not in KINDS:
                    raise row.error(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
                words[kind].add(word)
        except (OSError, UnicodeDecodeError) as exc:
            raise DataFileError(Errors.E030, source=str(source), line=0, reason=str(exc)) from None
        frozen = {kind: frozenset(values) for kind, values in words.items()}
        return cls(
            frozen,
            _alternation(frozen["caption-verb"]),
            _alternation(frozen["scene-verb"]),
            _time_pattern(frozen),
        )

    @classmethod
    def default(cls) -> Vocabulary:
        return _default_vocabulary()

    def has(self, kind: str, word: str) -> bool:
        return word.casefold() in self.words[kind]


@functools.cache
def _default_vocabulary() -> Vocabulary:
    return Vocabulary.load()


def _alternation(phrases: frozenset[str]) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) or "(?!)"
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)


def _time_pattern(words: dict[str, frozenset[str]]) -> re.Pattern[str]:
    """A date or day in a caption: 'March 25, 2024', 'Dec. 14', 'on Monday', ', 2023'."""
    months = "|".join(sorted((re.escape(m) for m in words["month"]), key=len, reverse=True))
    days = "|".join(sorted((re.escape(d) for d in words["weekday"]), key=len, reverse=True))
    return re.compile(
        rf"\b(?:(?:{months})\.?\s+\d{{1,2}}\b|\d{{1,2}}\s+(?:{months})\b|"
        rf"on\s+(?:{days})\b|,\s*(?:19|20)\d\d\b)",
        re.IGNORECASE,
    )


# --- one paragraph ------------------------------------------------------------------------


def ends_sentence(text: str) -> bool:
    """Whether a paragraph ends like a sentence (closing quotes and brackets aside)."""
    return text.rstrip().rstrip(CLOSERS).rstrip().endswith(SENTENCE_END)


def is_prose(text: str) -> bool:
    """A paragraph of running text: it ends a sentence and has a few words."""
    return ends_sentence(text) and len(text.split()) >= MIN_PROSE_WORDS


def is_separator(text: str) -> bool:
    """'* * *', '___', '---', '•': nothing but punctuation or symbols."""
    return not any(ch.isalnum() for ch in text)


def is_timestamp(text: str, vocab: Vocabulary) -> bool:
    """A line made of a date or time and its labels: '10:42 GMT', '2 hours ago',
    'Published 6:14 p.m. CT March 3, 2024 | Updated 8:01 a.m.', '25.03.2024'."""
    if len(text) > MAX_TIMESTAMP_CHARS:
        return False
    tokens = [t.strip(".:").casefold() for t in _TOKEN.findall(text)]
    tokens = [t for t in tokens if t]
    if not tokens or len(tokens) > MAX_TIMESTAMP_TOKENS:
        return False
    anchored = any(any(ch.isdigit() for ch in t) or t in ("ago", "yesterday") for t in tokens)
    dated = sum(
        1
        for t in tokens
        if any(ch.isdigit() for ch in t)
        or any(vocab.has(kind, t) for kind in ("month", "weekday", "zone", "time"))
        or vocab.has("time", t + ".")
    )
    return anchored and dated >= TIMESTAMP_SHARE * len(tokens)


def is_caption(text: str, vocab: Vocabulary) -> bool:
    """A photo caption without a credit: its first sentence describes the picture in the
    present tense ('X gestures as he speaks during a news conference in Y on March 25,
    2024.'), early in the sentence, after a date or day (a year for verbs that news also
    uses for schedules, such as 'arrives'), with no reporting verb, no quotation and no
    past or future auxiliary."""
    if len(text.split()) > MAX_CAPTION_WORDS:
        return False
    first = _SENTENCE_SPLIT.split(text, maxsplit=1)[0]
    if any(q in first for q in QUOTES):
        return False
    if not vocab.caption_verb.search(first) and not vocab.scene_verb.search(first):
        return False
    words = [w.casefold().strip(".'’") for w in _WORD.findall(first)]
    if any(vocab.has("reporting", w) or vocab.has("tense", w) for w in words):
        return False
    verb = vocab.caption_verb.search(first)
    if verb is not None:
        if not vocab.time_expression.search(first, verb.end()):
            return False
    else:
        verb = vocab.scene_verb.search(first)
        if verb is None or not _YEAR.search(first, verb.end()):
            return False
    before = _WORD.findall(first[: verb.start()])
    if not before or len(before) > CAPTION_VERB_WITHIN:
        return False
    return not vocab.has("auxiliary", before[-1])


def is_fragment(text: str, vocab: Vocabulary, continued: bool = True) -> bool:
    """A short line that does not end a sentence: a navigation or section word, a tag, a
    label, a teaser headline, a capitalised heading closed by a colon. A line ending with
    a comma or a broken word, or one of 25 characters or more that is `continued` by the
    next line and ends with a word such as 'the', 'of' or 'are', is a sentence that goes
    on, not a fragment."""
    words = text.split()
    if not words or len(words) > MAX_FRAGMENT_WORDS:
        return False
    if ends_sentence(text) and not _is_heading(text, words):
        return False
    if _INNER_SENTENCE_END.search(text):  # a sentence, then a trailing link or label
        return False
    end = text.rstrip()
    if end.endswith(",") or (end.endswith("-") and end[-2:-1].islower()):
        return False  # a sentence broken at a comma, or a word broken at a hyphen
    last = words[-1].strip(CLOSERS)
    wrapped = continued and len(text) >= MIN_WRAPPED_CHARS
    return not (wrapped and last.islower() and vocab.has("continuation", last))


def _is_heading(text: str, words: list[str]) -> bool:
    """A heading closed by a colon, every word capitalised: 'Suggested Topics:'."""
    return (
        text.rstrip().endswith(":")
        and len(words) <= MAX_HEADING_WORDS
        and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    )


def is_label(text: str) -> bool:
    """One or two capitalised words closed by a period: 'Agencies.', 'Reuters.'."""
    words = text.rstrip(".").split()
    return (
        text.endswith(".")
        and 1 <= len(words) <= 2
        and all(w[:1].isupper() for w in words)
        and not text.endswith("..")
    )


def is_teaser(text: str, vocab: Vocabulary) -> bool:
    """A linked headline in a list after 'Read more', 'Related' or 'Most read': short, one
    sentence at most and not closed by a period, no quotation and no reporting verb."""
    words = text.split()
    if not words or len(words) > MAX_TEASER_WORDS or any(q in text for q in QUOTES):
        return False
    if text.rstrip().endswith("."):
        return False
    if len(_SENTENCE_SPLIT.split(text)) > 1:
        return False
    return not any(vocab.has("reporting", w.casefold().strip(".,;:'’")) for w in words)


def same_text(text: str) -> str:
    """The key under which two paragraphs count as the same (repeats, captions)."""
    return " ".join(text.casefold().split()).rstrip(".")


def is_list_item(text: str) -> bool:
    """A bulleted or numbered item of five words or more with a lowercase word, such as a
    demand or a summary point in the body ('• Russia to pull troops back from the
    border'). After a paragraph ending with a colon it is kept even without a final
    period; a numbered 'most read' list has no such introduction."""
    words = text.split()
    return (
        _LIST_MARK.match(text) is not None
        and len(words) >= MIN_LIST_ITEM_WORDS
        and any(w[:1].islower() for w in words)
    )
