"""Long articles are coded in pieces cut at paragraph breaks, with offsets into the whole
body; an article that breaks the pipeline is a failure of its own and its batch is coded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import eventcoder.components  # noqa: F401  (registers the factories and Doc extensions)
from eventcoder.config import Settings
from eventcoder.errors import Errors, InputError
from eventcoder.pieces import split_pieces
from eventcoder.pipeline import Coder, Failure
from eventcoder.records import Article, ArticleResult

PARAGRAPHS = [
    "Kenyan police arrested dozens of protesters in Nairobi on Tuesday.",
    "Egyptian mediators met Qatari officials in Cairo on Wednesday.",
    "“We will not back down,” an opposition leader said.",
    "The French president criticised the Russian government over the blockade.",
]


# --- cutting ----------------------------------------------------------------------------


def test_a_short_body_is_one_piece() -> None:
    assert split_pieces("One paragraph.\n\nTwo.", 100) == [(0, "One paragraph.\n\nTwo.")]


def test_pieces_end_at_paragraph_breaks_within_the_limit() -> None:
    body = "\n\n".join(["a" * 30, "b" * 30, "c" * 30, "d" * 30])
    pieces = split_pieces(body, 70)
    assert [text for _, text in pieces] == ["a" * 30 + "\n\n" + "b" * 30, "c" * 30 + "\n\n" + "d" * 30]
    for offset, text in pieces:
        assert body[offset : offset + len(text)] == text


def test_without_paragraph_breaks_pieces_end_at_sentences_then_spaces() -> None:
    sentence = "The talks resumed in Geneva. "
    body = (sentence * 20).strip()
    pieces = split_pieces(body, 100)
    assert all(len(text) <= 100 for _, text in pieces)
    assert all(text.endswith("Geneva.") for _, text in pieces)
    words = ("word " * 100).strip()
    assert all(text.endswith("word") for _, text in split_pieces(words, 42))


def test_a_body_without_any_break_is_cut_at_the_limit() -> None:
    body = "x" * 250
    assert split_pieces(body, 100) == [(0, "x" * 100), (100, "x" * 100), (200, "x" * 50)]


@pytest.mark.parametrize("limit", [40, 97, 500])
def test_pieces_cover_the_body_in_order(limit: int) -> None:
    body = "\n\n".join(PARAGRAPHS * 5)
    pieces = split_pieces(body, limit)
    assert all(len(text) <= limit for _, text in pieces)
    starts = [offset for offset, _ in pieces]
    assert starts == sorted(starts)
    for offset, text in pieces:
        assert body[offset : offset + len(text)] == text
    kept = "".join(text for _, text in pieces)
    assert kept.replace(" ", "").replace("\n", "") == body.replace(" ", "").replace("\n", "")


# --- coding in pieces with the real model --------------------------------------------


@pytest.fixture
def small_max_length(coder: Coder) -> Iterator[Coder]:
    """The real coder with a parser limit of 600 characters (as spaCy's 1,000,000)."""
    saved = coder.nlp.max_length
    coder.nlp.max_length = 600
    try:
        yield coder
    finally:
        coder.nlp.max_length = saved


def _spans_match(result: ArticleResult) -> None:
    body = result.body
    for event in result.events + result.hedged_events:
        assert body[event.trigger.start : event.trigger.end] == event.trigger.text
        for actor in (event.source, event.target, event.reported_by):
            if actor is not None:
                assert body[actor.start : actor.end] == actor.text
    for quote in result.quotes:
        assert body[quote.start : quote.end] == quote.text


DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def _copy(i: int) -> str:
    """The paragraphs with their own weekdays: the cleaner drops paragraphs repeated word
    for word on a page, so each copy must differ."""
    day, next_day = DAYS[i], DAYS[(i + 1) % 6]
    return "\n\n".join(
        [
            f"Kenyan police arrested dozens of protesters in Nairobi on {day}.",
            f"Egyptian mediators met Qatari officials in Cairo on {next_day}.",
            f"“We will not back down,” an opposition leader said on {day}.",
            f"The French president criticised the Russian government over the blockade on {day}.",
        ]
    )


def _triples(result: ArticleResult) -> list[tuple[str | None, str, str | None]]:
    return [(e.source and e.source.code, e.cameo, e.target and e.target.code) for e in result.events]


def test_an_article_past_max_length_is_coded_in_pieces(small_max_length: Coder) -> None:
    coder = small_max_length
    copies = [_copy(i) for i in range(6)]
    text = "\n\n".join(copies)  # about 1,600 characters
    assert len(text) > coder.nlp.max_length
    with pytest.raises(ValueError, match="E088"):
        coder.nlp(text)  # what the pipeline did before
    [result] = coder.code_articles([Article(id="long", text=text, published="2024-05-14")])
    assert isinstance(result, ArticleResult)
    _spans_match(result)
    shorts = [coder.code_text(copy, published="2024-05-14") for copy in copies]
    assert _triples(shorts[0]), "the paragraphs must code some events"
    assert _triples(result) == [t for short in shorts for t in _triples(short)]
    assert len(result.quotes) == sum(len(short.quotes) for short in shorts)
    ids = [e.id for e in result.events + result.hedged_events]
    assert len(set(ids)) == len(ids)
    indexes = [e.sentence_index for e in result.events]
    assert indexes == sorted(indexes) and indexes[-1] > indexes[len(_triples(shorts[0])) - 1]
    assert [e.sentence for e in result.events] == [
        e.sentence for short in shorts for e in short.events
    ]


def test_piece_size_setting_gives_the_same_events(coder: Coder) -> None:
    text = "\n\n".join(PARAGRAPHS * 5)
    whole = coder.code_text(text, published="2024-05-14")
    pieces = Coder(coder.nlp, Settings(piece_chars=1_000)).code_text(text, published="2024-05-14")
    assert len(text) > 1_000
    assert [(e.cameo, e.trigger.start, e.sentence_index) for e in pieces.events] == [
        (e.cameo, e.trigger.start, e.sentence_index) for e in whole.events
    ]
    _spans_match(pieces)


# --- failure isolation -------------------------------------------------------------------

BROKEN = "This article trips a faulty component."


@Language.component("test_fails_on_marker")
def _fails_on_marker(doc: Doc) -> Doc:
    if BROKEN in doc.text:
        raise RuntimeError("the component cannot handle this article")
    return doc


def test_an_article_that_fails_does_not_lose_its_batch() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("eventcoder_paragraphs")
    nlp.add_pipe("test_fails_on_marker")
    coder = Coder(nlp, Settings(batch_size=8))
    items = [
        Article(id=f"a{n}", text=BROKEN if n == 2 else f"Paragraph {n} of a fine article.",
                source=f"file{n}.txt")
        for n in range(5)
    ]
    results = list(coder.code_articles(items))
    assert [r.id if isinstance(r, ArticleResult) else "failed" for r in results] == [
        "a0", "a1", "failed", "a3", "a4"
    ]
    failure = results[2]
    assert isinstance(failure, Failure) and isinstance(failure.error, InputError)
    assert failure.error.error is Errors.E160
    assert "file2.txt" in str(failure.error) and "cannot handle this article" in str(failure.error)
