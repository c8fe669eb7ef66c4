"""The development articles b-* (tests/data/articles) have well-formed gold files.

Model-free checks of each gold file against its article text: the fields of the gold
README, real CAMEO codes and PLOVER types, actor codes the gazetteer knows, boilerplate
prefixes that start a line of the page and never a line of the body, quotes that occur
in the article."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from eventcoder.ontology.cameo import default_ontology

ARTICLES = Path(__file__).parent / "data" / "articles"
GOLD = sorted((ARTICLES / "gold").glob("b-*.gold.json"))
DATA = Path(__file__).parent.parent / "eventcoder" / "data"
EVENT_FIELDS = {
    "required",
    "source",
    "target",
    "cameo",
    "plover",
    "sourceText",
    "targetText",
    "eventText",
}
OPTIONAL_EVENT_FIELDS = {"alt_cameo"}
INTERNATIONAL = {"IGO", "NGO", "IMG"}
TAG = re.compile(r"<[^>]+>")


def _country_codes() -> set[str]:
    rows = (DATA / "gazetteer" / "countries.tsv").read_text(encoding="utf-8").splitlines()
    return {r.split("\t")[0] for r in rows if r and not r.startswith("#")} - {"code"}


def _plover_types() -> set[str]:
    rows = (DATA / "ontology" / "plover.tsv").read_text(encoding="utf-8").splitlines()
    return {r.split("\t")[0] for r in rows if r and not r.startswith("#")} - {"type"}


def _normal(text: str) -> str:
    text = text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


def _lines(path: Path) -> list[str]:
    """The article's text lines; for HTML pages, the text of each source line."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        text = re.sub(r"(?is)<(head|script|style)\b.*?</\1>", "", text)
        text = html.unescape(TAG.sub(" ", text))
    return [re.sub(r"\s+", " ", line).strip() for line in text.splitlines()]


def _gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_there_are_articles() -> None:
    assert len(GOLD) >= 5
    corpus = {p.stem for p in (ARTICLES / "corpus").glob("b-*") if p.is_file()}
    assert corpus == {p.name.removesuffix(".gold.json") for p in GOLD}


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.name)
def test_gold_is_well_formed(path: Path) -> None:
    gold = _gold(path)
    assert set(gold) == {"id", "file", "published", "note", "boilerplate", "events", "quotes"}
    assert gold["id"] == path.name.removesuffix(".gold.json")
    article = ARTICLES / gold["file"]
    assert article.is_file() and article.stem == gold["id"]
    assert gold["published"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold["published"])
    assert isinstance(gold["note"], str) and gold["note"]

    cameo = default_ontology()
    countries = _country_codes() | INTERNATIONAL
    plover = _plover_types()
    required = 0
    for event in gold["events"]:
        assert EVENT_FIELDS <= set(event) <= EVENT_FIELDS | OPTIONAL_EVENT_FIELDS, event
        assert isinstance(event["required"], bool)
        required += event["required"]
        assert cameo.get(event["cameo"]) is not None, event["cameo"]
        for alt in event.get("alt_cameo", []):
            assert cameo.get(alt) is not None, alt
        assert event["plover"] is None or event["plover"] in plover, event
        assert event["source"] in countries, event
        assert event["target"] is None or event["target"] in countries, event
        if event["required"]:
            assert event["target"] is not None, f"a required event has two actors: {event}"
        assert event["sourceText"] and event["eventText"]
    assert 2 <= required <= 10

    text = _normal(" ".join(_lines(article)))
    for quote in gold["quotes"]:
        assert set(quote) == {"speaker", "speakerCode", "text"}
        assert quote["speakerCode"] is None or quote["speakerCode"] in countries
        assert _normal(quote["text"]) in text, quote["text"]


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.name)
def test_boilerplate_starts_page_lines_and_stays_out_of_the_body(path: Path) -> None:
    gold = _gold(path)
    lines = [line for line in _lines(ARTICLES / gold["file"]) if line]
    prefixes = [_normal(p) for p in gold["boilerplate"]]
    assert prefixes
    for prefix in prefixes:
        assert any(_normal(line).startswith(prefix) for line in lines), prefix
    body = [_normal(x) for x in lines if not any(_normal(x).startswith(p) for p in prefixes)]
    for prefix in prefixes:
        assert not any(prefix in line for line in body), f"{prefix!r} also occurs in the body"
    for quote in gold["quotes"]:
        assert not any(p in _normal(quote["text"]) for p in prefixes)
