"""The team-written sentence set (tests/data/sentences): the coder scored by the gold
README's rule, per CAMEO root, against the gates in tests/quality/thresholds.toml."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from click.testing import CliRunner

from eventcoder.cli import main

HERE = Path(__file__).parent
DATA = HERE / "data" / "sentences"
THRESHOLDS = HERE / "quality" / "thresholds.toml"
FLOORS = {"root_accuracy": 0.90}


def test_sentence_set_is_big_and_covers_every_root():
    gold = [json.loads(line) for line in (DATA / "gold.jsonl").read_text("utf-8").splitlines()]
    assert len(gold) >= 400
    per_root: dict[str, int] = {}
    for doc in gold:
        per_root[doc["root"]] = per_root.get(doc["root"], 0) + 1
    assert sorted(per_root) == [f"{r:02d}" for r in range(1, 21)]
    assert min(per_root.values()) >= 15


def test_sentence_set_gate(tmp_path: Path):
    out = tmp_path / "sentences.jsonl"
    runner = CliRunner()
    coded = runner.invoke(main, ["code", str(DATA / "corpus.jsonl"), "--format", "jsonl",
                                 "--out", str(out)])
    assert coded.exit_code == 0, coded.output
    scored = runner.invoke(main, ["evaluate", str(out), str(DATA / "gold.jsonl"), "--json"])
    assert scored.exit_code == 0, scored.output
    report = json.loads(scored.output)
    gate = tomllib.loads(THRESHOLDS.read_text(encoding="utf-8"))["sentences"]
    for name, floor in FLOORS.items():
        assert gate[name] >= floor, f"sentences.{name} lowered below {floor}"
    events = report["events"]
    per_root = {root: (t["root_accuracy"], t["recall"], t["precision"])
                for root, t in report["roots"].items()}
    summary = f"{events}\nper root (root accuracy, recall, precision): {per_root}"
    assert events["root_accuracy"] >= gate["root_accuracy"], summary
    assert events["precision"] >= gate["event_precision"], summary
    assert events["recall"] >= gate["event_recall"], summary
