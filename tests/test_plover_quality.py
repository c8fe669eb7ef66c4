"""The team-written PLOVER record set (tests/data/plover): one news sentence per record.

The coder is scored twice against the gates in the [plover] section of
tests/quality/thresholds.toml: by the gold README's CAMEO-root rule (`eventcoder evaluate`)
and by PLOVER type (tests/plover_score.py). The well-formedness checks need no model."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from plover_score import plover_fits, plover_score

from eventcoder.cli import main
from eventcoder.evaluate import load_gold, load_outputs
from eventcoder.ontology import default_ontology

HERE = Path(__file__).parent
DATA = HERE / "data" / "plover"
THRESHOLDS = HERE / "quality" / "thresholds.toml"
# The project's commitments: the [plover] thresholds may be raised, never set below these.
FLOORS = {"event_precision": 0.80, "event_recall": 0.41, "plover_f1": 0.52}
COUNTRY = re.compile(r"[A-Z]{3}")
SCOPES = {"international", "domestic", "one-sided"}


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_plover_set_is_well_formed():
    corpus, gold = _lines(DATA / "corpus.jsonl"), _lines(DATA / "gold.jsonl")
    ids = [doc["id"] for doc in corpus]
    assert len(ids) >= 320
    assert len(set(ids)) == len(ids)
    assert ids == [doc["id"] for doc in gold]
    assert len({doc["text"] for doc in corpus}) == len(corpus)
    ontology = default_ontology()
    types = ontology.plover_types()
    required_types: set[str] = set()
    for record, doc in zip(corpus, gold, strict=True):
        rid = record["id"]
        assert 15 <= len(record["text"].split()) <= 45, rid
        assert re.fullmatch(r"20(1[5-9]|2[0-6])-\d\d-\d\d", record["published"]), rid
        assert doc["published"] == record["published"], rid
        assert doc["quotes"] == [] and doc["boilerplate"] == [], rid
        assert doc["scope"] in SCOPES, rid
        required = [event for event in doc["events"] if event["required"]]
        assert required, f"{rid} has no required event"
        assert doc["type"] == required[0]["plover"], rid
        assert rid.startswith(doc["type"].lower() + "-"), rid
        for event in doc["events"]:
            code = ontology.get(event["cameo"])
            assert code is not None, f"{rid}: {event['cameo']} is not a CAMEO code"
            assert event["plover"] in types, f"{rid}: {event['plover']} is not a PLOVER type"
            assert event["plover"] == code.plover, f"{rid}: {event['cameo']} is {code.plover}"
            for alt in event["alt_cameo"]:
                assert alt in ontology, f"{rid}: alt_cameo {alt} is not a CAMEO code"
            assert COUNTRY.fullmatch(event["source"]), rid
            assert event["target"] is None or COUNTRY.fullmatch(event["target"]), rid
            assert event["eventText"], rid
            assert event["sourceText"] or not event["required"], rid
        required_types.update(event["plover"] for event in required)
    assert required_types == set(types), "every PLOVER type needs required events"


def _event(source: str | None, target: str | None, plover: str | None) -> dict[str, Any]:
    def actor(country: str | None) -> dict[str, Any] | None:
        return {"code": f"{country}GOV", "country": country} if country else None

    return {"source": actor(source), "target": actor(target), "plover": plover, "cameo": "040"}


def test_plover_score_matches_by_type_and_dyad():
    gold = {"events": [{"required": True, "source": "RUS", "target": "UKR", "plover": "ASSAULT"}]}
    assert plover_fits(gold["events"][0], _event("RUS", "UKR", "ASSAULT"))
    assert not plover_fits(gold["events"][0], _event("RUS", "UKR", "COERCE"))
    assert not plover_fits(gold["events"][0], _event("UKR", "RUS", "ASSAULT"))
    one_sided = {"required": True, "source": "RUS", "target": None, "plover": "MOBILIZE"}
    assert plover_fits(one_sided, _event("RUS", None, "MOBILIZE"))
    assert not plover_fits(one_sided, _event("RUS", "UKR", "MOBILIZE"))


def test_plover_score_is_one_to_one_and_serves_required_first():
    gold = {
        "a": {
            "events": [
                {"required": False, "source": "USA", "target": "CHN", "plover": "CONSULT"},
                {"required": True, "source": "USA", "target": "CHN", "plover": "CONSULT"},
            ]
        },
        "b": {"events": [{"required": True, "source": "FRA", "target": None, "plover": "PROTEST"}]},
    }
    outputs = {
        "a": {
            "events": [
                _event("USA", "CHN", "CONSULT"),
                _event("USA", "CHN", "CONSULT"),
                _event("USA", "CHN", "CONSULT"),
                _event("CHN", "USA", "AGREE"),
            ]
        }
    }
    total, per_type = plover_score(outputs, gold)
    assert (total.required, total.required_matched) == (2, 1)
    assert (total.coded, total.coded_matched) == (4, 2)
    assert total.recall == pytest.approx(0.5) and total.precision == pytest.approx(0.5)
    assert (per_type["CONSULT"].coded, per_type["CONSULT"].coded_matched) == (3, 2)
    assert (per_type["PROTEST"].required, per_type["PROTEST"].required_matched) == (1, 0)
    only_optional, _ = plover_score({"a": {"events": [_event("USA", "CHN", "CONSULT")]}}, gold)
    assert (only_optional.required_matched, only_optional.coded_matched) == (1, 1)


def test_plover_set_gate(tmp_path: Path):
    out = tmp_path / "plover.jsonl"
    runner = CliRunner()
    coded = runner.invoke(
        main, ["code", str(DATA / "corpus.jsonl"), "--format", "jsonl", "--out", str(out)]
    )
    assert coded.exit_code == 0, coded.output
    scored = runner.invoke(main, ["evaluate", str(out), str(DATA / "gold.jsonl"), "--json"])
    assert scored.exit_code == 0, scored.output
    report = json.loads(scored.output)
    gold = load_gold(DATA / "gold.jsonl")
    assert report["articles"] == len(gold) and not report["missing_outputs"]
    outputs = load_outputs(out)
    plover, per_type = plover_score(outputs, gold)
    gate = tomllib.loads(THRESHOLDS.read_text(encoding="utf-8"))["plover"]
    for name, floor in FLOORS.items():
        assert gate[name] >= floor, f"plover.{name} lowered below {floor}"
    events = report["events"]
    empty = sum(1 for record_id in gold if not outputs[record_id].get("events"))
    summary = (
        f"CAMEO root {events}\nPLOVER type {plover.as_dict()}\nrecords with nothing coded: "
        f"{empty}\nper type (recall, precision): "
        f"{ {t: (_round(v.recall), _round(v.precision)) for t, v in per_type.items()} }"
    )
    assert events["precision"] >= gate["event_precision"], summary
    assert events["recall"] >= gate["event_recall"], summary
    assert plover.f1 is not None and plover.f1 >= gate["plover_f1"], summary


def _round(score: float | None) -> float | None:
    """A score to two places; None (nothing to score) stays None."""
    return None if score is None else round(score, 2)
