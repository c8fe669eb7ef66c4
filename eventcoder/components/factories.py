"""The eventcoder steps as spaCy components, with their results on Doc extensions.

Doc extensions (set before running, read after):
    doc._.article_id, doc._.published   inputs: an id for event ids, an ISO date or None
    doc._.dateline                       input: the wire dateline's place, if any
    doc._.actors                         ArticleActors: every resolved mention, by head token
    doc._.quote_spans                    character ranges of the quotations
    doc._.quotes                         attributed Quote records
    doc._.events                         coded Event records
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..actors.gazetteer import cached_gazetteer
from ..actors.matching import GazetteerMatcher
from ..actors.places import default_places
from ..actors.resolve import ActorResolver, ArticleActors
from ..events.coder import EventCoder
from ..events.dates import parse_iso
from ..events.lexicon import cached_lexicon
from ..ontology import default_ontology
from ..quote_country import dateline_country
from ..quotes import QuoteAttributor, QuoteSpan, default_speech_words, find_quote_spans

_DOC_EXTENSIONS: dict[str, Any] = {
    "article_id": "doc",
    "published": None,
    "dateline": None,
    "actors": None,
    "quote_spans": None,
    "quotes": None,
    "quote_speakers": None,
    "events": None,
}


def register_extensions() -> None:
    """Register the Doc extensions (idempotent)."""
    for name, default in _DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def _folders(dictionaries: str | None, part: str) -> tuple[str, ...]:
    """A user dictionary folder holds `lexicon/` and `gazetteer/` (docs/dictionaries.md)."""
    if not dictionaries:
        return ()
    folder = Path(dictionaries) / part
    return (str(folder),) if folder.is_dir() else ()


@Language.component(
    "eventcoder_paragraphs",
    assigns=["token.is_sent_start"],
)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence spans two paragraphs."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
    return doc


class ActorsComponent:
    def __init__(
        self, nlp: Language, name: str, dictionaries: str | None, builtin_gazetteer: bool
    ) -> None:
        register_extensions()
        self.name = name
        self.gazetteer = cached_gazetteer(_folders(dictionaries, "gazetteer"), builtin_gazetteer)
        self.matcher = GazetteerMatcher(nlp.vocab, nlp.make_doc, self.gazetteer)
        self.places = default_places()

    def __call__(self, doc: Doc) -> Doc:
        spans = find_quote_spans(doc.text)
        doc._.quote_spans = [(s.start, s.end) for s in spans]
        resolver = ActorResolver(
            doc, self.matcher, parse_iso(doc._.published), doc._.quote_spans, self.places
        )
        doc._.actors = resolver.run()
        return doc


class QuotesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name
        self.speech = default_speech_words()
        self.places = default_places()

    def __call__(self, doc: Doc) -> Doc:
        actors = doc._.actors or ArticleActors()
        spans = [QuoteSpan(a, b) for a, b in (doc._.quote_spans or [])]
        home = dateline_country(doc._.dateline, self.places)
        found = QuoteAttributor(doc, actors, self.speech, spans, home, self.places).run()
        doc._.quotes = [quote for _, quote, _ in found]
        doc._.quote_speakers = [
            (span.start, span.end, speaker) for span, _, speaker in found if speaker is not None
        ]
        return doc


class EventsComponent:
    def __init__(
        self,
        nlp: Language,
        name: str,
        dictionaries: str | None,
        builtin_lexicon: bool,
        monadic: bool,
    ) -> None:
        register_extensions()
        self.name = name
        self.coder = EventCoder(
            cached_lexicon(_folders(dictionaries, "lexicon"), builtin_lexicon),
            default_ontology(),
            default_speech_words().verbs,
            monadic,
            default_places(),
        )

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.coder.code(
            doc,
            doc._.actors or ArticleActors(),
            parse_iso(doc._.published),
            doc._.article_id,
            doc._.quote_speakers or [],
            doc._.dateline,
        )
        return doc


@Language.factory(
    "eventcoder_actors",
    default_config={"dictionaries": None, "builtin_gazetteer": True},
    requires=["token.dep", "token.pos", "token.lemma", "doc.ents"],
    assigns=["doc._.actors", "doc._.quote_spans"],
)
def make_actors(
    nlp: Language, name: str, dictionaries: str | None, builtin_gazetteer: bool
) -> ActorsComponent:
    return ActorsComponent(nlp, name, dictionaries, builtin_gazetteer)


@Language.factory(
    "eventcoder_quotes",
    requires=["doc._.actors", "token.dep"],
    assigns=["doc._.quotes", "doc._.quote_speakers"],
)
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent(nlp, name)


@Language.factory(
    "eventcoder_events",
    default_config={"dictionaries": None, "builtin_lexicon": True, "monadic": False},
    requires=["doc._.actors", "token.dep", "token.lemma"],
    assigns=["doc._.events"],
)
def make_events(
    nlp: Language, name: str, dictionaries: str | None, builtin_lexicon: bool, monadic: bool
) -> EventsComponent:
    return EventsComponent(nlp, name, dictionaries, builtin_lexicon, monadic)
