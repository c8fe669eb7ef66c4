"""Finding quotations in text, on the character level.

Double quotations use straight or curly marks (and « » or „ “). A quotation that runs over
a paragraph break continues when the next paragraph reopens it, as news style does; one
that is never closed is dropped. A headline (the text's first line, when it reads as one)
also quotes with single marks: "Iran warns of ‘crushing response’".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = {"“": "”", "«": "»", "„": "“"}
HEADLINE_MAX_CHARS = 200


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


_STRAIGHT_OPEN = re.compile(r'(?:(?<=^)|(?<=[\s(\[—–-]))"(?=\S)')
# Single marks in a headline: the opening mark follows a space, a colon or the line start
# and precedes a word; the closing one follows a word and precedes no letter, so that
# apostrophes ("NATO Chief’s", "Kyiv's") are not taken for quotation marks.
_HEADLINE_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s:(—–-]))(‘|')(?=\w)(.+?)(?<=[\w.!?%])(’|')(?!\w)")


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Quoted stretches of `text`: double quotations anywhere (also across paragraphs), and
    single quotations in a headline."""
    spans = _double_quote_spans(text)
    spans.extend(s for s in _headline_spans(text) if not any(_overlap(s, d) for d in spans))
    spans.sort(key=lambda s: s.start)
    return [s for s in spans if s.end - s.start > 2]


def _overlap(a: QuoteSpan, b: QuoteSpan) -> bool:
    return a.start < b.end and b.start < a.end


def _double_quote_spans(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    closer = ""
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if open_at is None:
            if ch in OPENERS:
                open_at, closer = i, OPENERS[ch]
            elif ch == '"' and _STRAIGHT_OPEN.match(text, i):
                open_at, closer = i, '"'
        elif ch == closer or (closer == '"' and ch == "”"):
            spans.append(QuoteSpan(open_at, i + 1))
            open_at = None
        elif ch == "\n" and text.startswith("\n\n", i):
            # A paragraph break inside an open quotation: it continues only if the next
            # paragraph reopens it; otherwise the quotation was never closed: drop it.
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j < n and (text[j] in OPENERS or text[j] == '"'):
                i = j + 1
                continue
            open_at = None
        i += 1
    return spans


def headline_end(text: str) -> int | None:
    """The end offset of the text's first line when it reads as a headline: short, followed
    by a blank line or more text, and not ending like a sentence."""
    end = text.find("\n")
    if end <= 0:
        return None
    line = text[:end].strip()
    if not line or len(line) > HEADLINE_MAX_CHARS or line[-1] in '.,;”"':
        return None
    return end


def _headline_spans(text: str) -> list[QuoteSpan]:
    end = headline_end(text)
    if end is None:
        return []
    spans = []
    for match in _HEADLINE_SINGLE.finditer(text, 0, end):
        opener, closer = match.group(1), match.group(3)
        if (opener == "‘") != (closer == "’"):
            continue  # a curly opener closes with a curly mark, a straight one straight
        spans.append(QuoteSpan(match.start(), match.end()))
    return spans
