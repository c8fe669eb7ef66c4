"""Whatever bytes a file holds, reading it yields articles and numbered errors, never an
exception; and badly broken pages still go through the coder without stopping the run."""

from __future__ import annotations

import gzip
from pathlib import Path

import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eventcoder.components  # noqa: F401  (registers eventcoder_paragraphs)
from eventcoder.config import Settings
from eventcoder.errors import Errors, InputError
from eventcoder.pipeline import Coder, Failure
from eventcoder.records import Article, ArticleResult
from eventcoder.sources import read_inputs

SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".csv", ".tsv", ".warc"]

# bytes that look a little like each format, and plain noise
_pieces = st.sampled_from([
    b"{", b"}", b'"text": ', b'"', b",", b"\n", b"\r\n", b"\t", b"<p>", b"</p>", b"<html",
    b"WARC/1.0\r\n", b"Content-Length: 9\r\n", b"\r\n\r\n", b"\x00", b"\xff\xfe", b"\xe9",
    b"\xef\xbb\xbf", b"caf\xc3\xa9", b"id,text", b"[", b"]", b"null", b"42",
    b"Kenya and Ethiopia agreed to reopen the border.",
])
_contents = st.one_of(
    st.binary(max_size=300),
    st.lists(_pieces, max_size=30).map(b"".join),
)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=_contents, suffix=st.sampled_from(SUFFIXES), compress=st.booleans(),
       cut=st.booleans())
def test_any_bytes_yield_articles_or_errors(tmp_path: Path, content: bytes, suffix: str,
                                            compress: bool, cut: bool) -> None:
    data = gzip.compress(content) if compress else content
    if compress and cut:
        data = data[: len(data) // 2]
    path = tmp_path / ("input" + suffix + (".gz" if compress else ""))
    path.write_bytes(data)
    items = list(read_inputs([str(path)], max_bytes=10_000))
    assert items, "every input yields something"
    for item in items:
        assert isinstance(item, Article | InputError)
        if isinstance(item, InputError):
            assert str(item).startswith("[E") and str(path) in str(item)


BROKEN_PAGES = [
    "<html><body><p>Unclosed <b>tags <i>everywhere<div></span></html",
    "<<<>>></p></p><script>var x = '<p>';</script>",
    "<html><head><title>Only a title</title></head><body></body></html>",
    "<p>" + "<div>" * 3000 + "Chad and Sudan agreed to reopen the border." + "</div>" * 10,
    "<?xml version='1.0'?><!DOCTYPE html [<!ENTITY a 'aaaa'>]><p>&a;&a;&undefined;</p>",
]


def test_broken_pages_never_stop_the_run() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("eventcoder_paragraphs")
    coder = Coder(nlp, Settings())
    items = [Article(id=f"p{n}", html=html, source=f"p{n}.html")
             for n, html in enumerate(BROKEN_PAGES)]
    items.append(Article(id="good", text="Chad and Sudan agreed to reopen the border."))
    results = list(coder.code_articles(items))
    assert len(results) == len(items)
    for result in results:
        if isinstance(result, Failure):
            assert result.error.error in {Errors.E017, Errors.E160}, str(result.error)
    assert isinstance(results[-1], ArticleResult) and results[-1].id == "good"
