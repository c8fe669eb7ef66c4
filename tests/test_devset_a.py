"""The development articles 'a-*' and their gold files are well formed against the texts.

Model-free and fast: JSON shape, real CAMEO codes and their PLOVER types, quotes that occur
in the article, and boilerplate prefixes that start a line of the page and occur nowhere
else in it (so the scorer's leak check can only fire on real leaks)."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eventcoder.evaluate import load_gold
from eventcoder.ontology import default_ontology

ARTICLES = Path(__file__).parent / "data" / "articles"
GOLD_FILES = sorted((ARTICLES / "gold").glob("a-*.gold.json"))
CORPUS_FILES = sorted(p for p in (ARTICLES / "corpus").glob("a-*") if p.suffix in {".txt", ".html"})
ACTOR = re.compile(r"^(?:[A-Z]{3}|IGO|NGO|IMG)$")
BLOCK_TAG = re.compile(
    r"(?i)</?(?:p|div|h[1-6]|li|ul|ol|nav|header|footer|figure|figcaption|aside|section"
    r"|article|main|title|br|time|blockquote|form|button|table|tr|td)\b[^>]*>"
)
EVENT_KEYS = {
    "required",
    "source",
    "target",
    "cameo",
    "plover",
    "sourceText",
    "targetText",
    "eventText",
}


def normal(text: str) -> str:
    text = text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


def page_lines(path: Path) -> list[str]:
    """The page's text lines: for HTML, the text between tags, one line per block."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", "\n", raw)
        raw = re.sub(BLOCK_TAG, "\n", raw)
        raw = html.unescape(re.sub(r"<[^>]+>", "", raw))
    return [line.strip() for line in raw.splitlines() if line.strip()]


def load(path: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return doc


def test_every_article_has_one_gold_file() -> None:
    assert len(CORPUS_FILES) >= 5
    assert sorted(p.stem for p in CORPUS_FILES) == sorted(
        p.name.removesuffix(".gold.json") for p in GOLD_FILES
    )
    assert set(load_gold(ARTICLES / "gold")) >= {p.stem for p in CORPUS_FILES}


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_shape_and_codes(gold_path: Path) -> None:
    gold = load(gold_path)
    assert set(gold) == {"id", "file", "published", "note", "boilerplate", "events", "quotes"}
    assert gold["id"] == gold_path.name.removesuffix(".gold.json")
    assert (ARTICLES / gold["file"]).is_file()
    assert Path(gold["file"]).stem == gold["id"]
    if gold["published"] is not None:
        date.fromisoformat(gold["published"])
    ontology = default_ontology()
    required = 0
    for event in gold["events"]:
        assert EVENT_KEYS <= set(event) <= EVENT_KEYS | {"alt_cameo"}, event
        assert isinstance(event["required"], bool)
        required += event["required"]
        assert ACTOR.match(event["source"]), event
        assert event["target"] is None or ACTOR.match(event["target"]), event
        code = ontology.get(event["cameo"])
        assert code is not None, event
        assert event["plover"] == code.plover, event
        for alt in event.get("alt_cameo", []):
            assert alt in ontology, event
        if event["required"]:
            assert event["target"] is not None, "a required event has two actors"
    assert required >= 2, "each article has at least two required events"


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name)
def test_quotes_occur_in_the_article(gold_path: Path) -> None:
    gold = load(gold_path)
    text = normal(" ".join(page_lines(ARTICLES / gold["file"])))
    for quote in gold["quotes"]:
        assert set(quote) == {"speaker", "speakerCode", "text"}
        assert quote["speakerCode"] is None or ACTOR.match(quote["speakerCode"])
        assert normal(quote["text"]) in text, quote["text"]


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name)
def test_boilerplate_starts_lines_and_occurs_nowhere_else(gold_path: Path) -> None:
    gold = load(gold_path)
    lines = page_lines(ARTICLES / gold["file"])
    prefixes = gold["boilerplate"]
    assert prefixes, "every page has debris"
    for prefix in prefixes:
        assert any(line.startswith(prefix.strip()) for line in lines), prefix
    body = normal(" ".join(line for line in lines if not line.startswith(tuple(prefixes))))
    quotes_and_evidence = [normal(q["text"]) for q in gold["quotes"]]
    for prefix in prefixes:
        needle = normal(prefix)
        assert needle not in body, f"{prefix!r} also occurs in the article body"
        assert not any(needle in q for q in quotes_and_evidence), prefix
