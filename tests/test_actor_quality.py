"""Actor resolution quality: the team's phrase set, and every actor of the seed gold."""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from pathlib import Path

from eventcoder.actors.lookup import PhraseQuery, resolve_phrases

HERE = Path(__file__).parent
PHRASES = HERE / "data" / "actors" / "phrases.jsonl"
THRESHOLDS = HERE / "quality" / "thresholds.toml"
FLOOR = 0.95
INTERNATIONAL = {"IGO", "NGO", "IMG"}


def _country(result: dict) -> str | None:
    code = result["code"] or ""
    return result["country"] or (code[:3] if code[:3] in INTERNATIONAL else None)


def test_phrase_set_accuracy(coder):
    items = [json.loads(line) for line in PHRASES.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    assert len(items) >= 400
    queries = [PhraseQuery(i["phrase"], i.get("date"), i.get("context")) for i in items]
    results = list(resolve_phrases(coder.nlp, queries))
    right, wrong = Counter(), []
    for item, result in zip(items, results, strict=True):
        country = _country(result)
        sector = None if country in INTERNATIONAL else result["sector"]
        if (country, sector) == (item["country"], item["sector"]):
            right[item["category"]] += 1
        else:
            wrong.append(f"{item['phrase']!r} ({item.get('date')}): expected "
                         f"{item['country']}/{item['sector']}, got {result['code']} "
                         f"[{result['rule']}]")
    accuracy = sum(right.values()) / len(items)
    gate = tomllib.loads(THRESHOLDS.read_text(encoding="utf-8"))["actors"]["accuracy"]
    assert gate >= FLOOR, "the actor gate may not go below the project's floor"
    assert accuracy >= gate, f"accuracy {accuracy:.3f}; misses:\n" + "\n".join(wrong[:60])


def test_every_actor_of_the_seed_gold_resolves(coder, shared: Path):
    gold = json.loads((shared / "gold" / "seed-nk-nato-2023.gold.json").read_text("utf-8"))
    text = (shared / "corpus" / "seed-nk-nato-2023.txt").read_text(encoding="utf-8")
    result = coder.code_text(text, id="seed")
    actors = [m.actor for m in result_mentions(coder, result)]
    pairs = [(e["sourceText"], e["source"]) for e in gold["events"]] + \
            [(e["targetText"], e["target"]) for e in gold["events"] if e["target"]] + \
            [(q["speaker"], q["speakerCode"]) for q in gold["quotes"]]
    checked = 0
    for text_, expected in pairs:
        start = result.body.find(text_)
        if start < 0:
            continue  # descriptions like "he (Kwon Jong-gun)" are not verbatim in the text
        covering = [a for a in actors if a.start <= start < a.end or start <= a.start < start + len(text_)]
        assert covering, f"no actor found for {text_!r}"
        countries = {a.scoring_country for a in covering}
        assert expected in countries, f"{text_!r}: expected {expected}, got {covering}"
        checked += 1
    assert checked >= 20


def result_mentions(coder, result):  # type: ignore[no-untyped-def]
    """The actor mentions of a coded text (re-run through the pipeline's Doc)."""
    doc = coder.nlp.make_doc(result.body)
    doc._.published = result.published
    return coder.nlp(doc)._.actors.mentions
