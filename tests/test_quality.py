"""Quality gates: the coder scored against gold by `eventcoder evaluate`'s rule.

Thresholds live in tests/quality/thresholds.toml. They may be raised freely; they may not
drop below FLOORS (the project's commitments) without editing this file on purpose.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventcoder.cli import main

THRESHOLDS = Path(__file__).parent / "quality" / "thresholds.toml"
FLOORS = {"seed": {"event_recall": 0.80, "event_precision": 0.80, "quote_f1": 0.80}}


def thresholds() -> dict[str, dict[str, float]]:
    return tomllib.loads(THRESHOLDS.read_text(encoding="utf-8"))


def test_thresholds_are_not_below_the_floors():
    table = thresholds()
    for gate, floors in FLOORS.items():
        for name, floor in floors.items():
            assert table[gate][name] >= floor, f"{gate}.{name} lowered below {floor}"
    assert table["seed"]["boilerplate_leaks"] == 0


def test_seed_article_gate(shared: Path, tmp_path: Path):
    article = shared / "corpus" / "seed-nk-nato-2023.txt"
    out = tmp_path / "seed.jsonl"
    runner = CliRunner()
    coded = runner.invoke(main, ["code", str(article), "--format", "jsonl", "--out", str(out)])
    assert coded.exit_code == 0, coded.output
    scored = runner.invoke(main, ["evaluate", str(out), str(shared / "gold"), "--json"])
    assert scored.exit_code == 0, scored.output
    report = json.loads(scored.output)
    assert report["articles"] == 1
    gate = thresholds()["seed"]
    events, quotes = report["events"], report["quotes"]
    summary = f"events {events}, quotes {quotes}, leaks {report['boilerplate_leaks']}"
    assert events["recall"] >= gate["event_recall"], summary
    assert events["precision"] >= gate["event_precision"], summary
    assert quotes["f1"] >= gate["quote_f1"], summary
    assert report["boilerplate_leaks"] <= gate["boilerplate_leaks"], summary


@pytest.mark.parametrize("field", ["event_recall", "event_precision", "quote_f1"])
def test_thresholds_are_fractions(field: str):
    assert 0.0 <= thresholds()["seed"][field] <= 1.0
