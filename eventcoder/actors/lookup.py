"""Resolving standalone actor phrases (`eventcoder actors resolve`), many at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .resolve import Mention

PIPES_NEEDED = ("eventcoder_paragraphs", "eventcoder_actors")


@dataclass(frozen=True, slots=True)
class PhraseQuery:
    phrase: str
    date: str | None = None
    context: str | None = None


def _best(doc: Doc, start_char: int) -> Mention | None:
    """The mention that heads the phrase: the root of its last sentence, else the widest."""
    mentions: list[Mention] = [
        m for m in doc._.actors.mentions if doc[m.head].idx >= start_char and m.kind != "pronoun"
    ]
    if not mentions:
        return None
    last = list(doc.sents)[-1]
    for mention in mentions:
        if mention.head == last.root.i:
            return mention
    for mention in mentions:  # a coordination or a clause: its first resolved actor
        if mention.actor.code:
            return mention
    return max(mentions, key=lambda m: m.end - m.start)


def resolve_phrases(
    nlp: Language, queries: Iterable[PhraseQuery], batch_size: int = 32
) -> Iterator[dict[str, Any]]:
    """One result per query: {phrase, code, country, sector, matched, rule}."""
    disabled = [
        name
        for name in nlp.pipe_names
        if name.startswith("eventcoder_") and name not in PIPES_NEEDED
    ]
    items = list(queries)
    docs = []
    for query in items:
        prefix = f"{query.context.strip()}\n\n" if query.context else ""
        doc = nlp.make_doc(prefix + query.phrase.strip())
        doc._.published = query.date
        docs.append((doc, len(prefix)))
    with nlp.select_pipes(disable=disabled):
        parsed = nlp.pipe((d for d, _ in docs), batch_size=batch_size)
        for query, doc, (_, offset) in zip(items, parsed, docs, strict=True):
            mention = _best(doc, offset)
            actor = mention.actor if mention else None
            yield {
                "phrase": query.phrase,
                "code": actor.code if actor else None,
                "country": actor.country if actor else None,
                "sector": actor.sector if actor else None,
                "matched": actor.text if actor else None,
                "rule": actor.rule if actor else "unresolved",
            }
