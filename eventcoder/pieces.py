"""Long articles: cutting a body into pieces the parser can take, and putting their
results back together with offsets into the whole body.

A piece ends at a paragraph break when there is one in reach, else at a line break, a
sentence end, a space, and only as a last resort in the middle of a word. The cost of
coding stays linear in the length of the article and the parser's memory bounded.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .records import Actor, Event, Quote, TextSpan

# Where to cut, best first: the end of a paragraph, of a line, of a sentence, a space.
# The piece ends where the group `cut` starts; the next one starts after the match.
_BREAKS = (
    re.compile(r"(?P<cut>\n\s*\n)"),
    re.compile(r"(?P<cut>\n)"),
    re.compile(r"[.!?][\"'”’)\]]*(?P<cut>\s)"),
    re.compile(r"(?P<cut>\s)"),
)


def split_pieces(body: str, limit: int) -> list[tuple[int, str]]:
    """(offset, text) pieces of `body`, each at most `limit` characters, in order.

    The whitespace a cut falls on belongs to no piece; a piece of only whitespace is
    dropped. A body within the limit is one piece.
    """
    if len(body) <= limit:
        return [(0, body)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(body):
        if len(body) - start <= limit:
            end = resume = len(body)
        else:
            end, resume = _cut(body[start : start + limit])
            end, resume = start + end, start + resume
        text = body[start:end]
        if text.strip():
            pieces.append((start, text))
        start = resume
    return pieces


def _cut(window: str) -> tuple[int, int]:
    """Where a piece that may take all of `window` ends, and where the next one starts."""
    floor = len(window) // 4  # never cut so early that the pieces become many and tiny
    for pattern in _BREAKS:
        last = None
        for last in pattern.finditer(window):  # noqa: B007
            pass
        if last is not None and last.start("cut") >= floor:
            return last.start("cut"), last.end()
    return len(window), len(window)


def shift_actor(actor: Actor | None, offset: int) -> Actor | None:
    if actor is None or offset == 0:
        return actor
    return replace(actor, start=actor.start + offset, end=actor.end + offset)


def shift_event(event: Event, offset: int, sentences: int) -> Event:
    """The event of a piece with offsets into the whole body (changed in place)."""
    if offset == 0 and sentences == 0:
        return event
    event.trigger = TextSpan(
        event.trigger.text, event.trigger.start + offset, event.trigger.end + offset
    )
    event.source = shift_actor(event.source, offset)
    event.target = shift_actor(event.target, offset)
    event.reported_by = shift_actor(event.reported_by, offset)
    event.sentence_index += sentences
    return event


def shift_quote(quote: Quote, offset: int) -> Quote:
    """The quote of a piece with offsets into the whole body."""
    if offset == 0:
        return quote
    return replace(
        quote,
        start=quote.start + offset,
        end=quote.end + offset,
        speaker=shift_actor(quote.speaker, offset),
    )
