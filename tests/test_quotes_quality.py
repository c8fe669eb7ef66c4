"""Quote attribution gate: the team-written quote set scored by the gold README's rule.

tests/data/quotes/quotes.jsonl holds news snippets of our own (1-3 paragraphs) in the styles
real news quotes in (speaker after or before, "said X", partial quotes in reported speech,
institutions, pronouns, continuation paragraphs, multi-paragraph quotations, "according
to", titles with names in apposition, headlines, and scare quotes nobody said), each with
the quotations a careful reader attributes and the speaker's country. A coded quote matches
an expected one when the speaker's country is the same and the texts overlap by at least
half of the shorter (`eventcoder.evaluate.score_article`). Thresholds: [quotes] in
tests/quality/thresholds.toml.
"""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from eventcoder.evaluate import Tally, score_article
from eventcoder.records import Article

HERE = Path(__file__).parent
QUOTES = HERE / "data" / "quotes" / "quotes.jsonl"
THRESHOLDS = HERE / "quality" / "thresholds.toml"
FLOOR = 0.80  # the project's commitment: the gate may not be set below this


def load() -> list[dict]:
    return [json.loads(line) for line in QUOTES.read_text(encoding="utf-8").splitlines() if line]


def test_quote_set_is_well_formed():
    items = load()
    assert len(items) >= 120
    assert len({i["id"] for i in items}) == len(items)
    for item in items:
        assert item["text"].strip() and item["style"] and item["published"]
        for quote in item["quotes"]:
            assert quote["speaker"] and quote["text"], item["id"]
            assert quote["speakerCode"] is None or len(quote["speakerCode"]) == 3, item["id"]
            flat = " ".join(item["text"].split())
            assert " ".join(quote["text"].split()) in flat.replace("\n", " "), item["id"]
    styles = Counter(i["style"] for i in items)
    assert styles["no-speaker"] >= 5 and styles["speaker-after"] >= 20


def test_quote_gate(coder):
    gate = tomllib.loads(THRESHOLDS.read_text(encoding="utf-8"))["quotes"]
    assert min(gate.values()) >= FLOOR
    items = load()
    articles = [
        Article(id=i["id"], text=i["text"], published=i["published"], source=i["id"]) for i in items
    ]
    total = Tally()
    misses = []
    for item, result in zip(items, coder.code_articles(articles), strict=True):
        assert not hasattr(result, "error"), item["id"]
        report = score_article(
            result.to_dict(), {"id": item["id"], "events": [], "quotes": item["quotes"]}
        )
        total.add(report.quotes)
        if report.quotes.required_matched < report.quotes.required or (
            report.quotes.coded_matched < report.quotes.coded
        ):
            misses.append(item["id"])
    summary = f"{total.as_dict()}; snippets with a miss or a wrong quote: {misses}"
    assert total.precision >= gate["precision"], summary
    assert total.recall >= gate["recall"], summary
    assert total.f1 >= gate["f1"], summary


@pytest.mark.parametrize("name", ["precision", "recall", "f1"])
def test_quote_thresholds_are_fractions(name: str):
    gate = tomllib.loads(THRESHOLDS.read_text(encoding="utf-8"))["quotes"]
    assert FLOOR <= gate[name] <= 1.0
