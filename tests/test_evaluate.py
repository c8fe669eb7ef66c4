"""The scoring rule of the gold README, on small synthetic documents."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.errors import DataFileError, EvaluationError
from eventcoder.evaluate import actor_country, evaluate, load_gold, max_matching, overlap_ok


def ev(src, cameo, tgt, sentence="s"):
    def actor(code):
        if code is None:
            return None
        international = code[:3] in {"IGO", "NGO", "IMG"}
        return {
            "text": code,
            "start": 0,
            "end": 1,
            "code": code,
            "country": None if international else code[:3],
            "sector": None,
            "rule": "t",
        }

    return {
        "source": actor(src),
        "target": actor(tgt),
        "cameo": cameo,
        "sentence": sentence,
        "trigger": {"text": "x", "start": 0, "end": 1},
        "rule": "r",
    }


def gold(*events, quotes=(), boilerplate=()):
    return {
        "id": "a",
        "events": list(events),
        "quotes": list(quotes),
        "boilerplate": list(boilerplate),
    }


def g(src, cameo, tgt, required=True, alt=()):
    return {
        "source": src,
        "target": tgt,
        "cameo": cameo,
        "required": required,
        "alt_cameo": list(alt),
    }


def test_root_match_and_alternatives():
    out = {
        "a": {
            "id": "a",
            "body": "",
            "quotes": [],
            "events": [ev("PRKGOV", "111", "USA"), ev("RUSGOV", "100", "USA")],
        }
    }
    report = evaluate(out, {"a": gold(g("PRK", "112", "USA"), g("RUS", "130", "USA", alt=["10"]))})
    t = report.total("events")
    assert (t.required_matched, t.coded_matched) == (2, 2)


def test_each_gold_event_matches_at_most_one_coded_event():
    out = {
        "a": {
            "id": "a",
            "body": "",
            "quotes": [],
            "events": [ev("PRK", "111", "USA"), ev("PRK", "112", "USA")],
        }
    }
    report = evaluate(out, {"a": gold(g("PRK", "111", "USA"))})
    t = report.total("events")
    assert (t.recall, t.precision) == (1.0, 0.5)


def test_optional_gold_counts_for_precision_not_recall():
    out = {"a": {"id": "a", "body": "", "quotes": [], "events": [ev("USA", "07", "UKR")]}}
    report = evaluate(
        out, {"a": gold(g("USA", "072", "UKR", required=False), g("RUS", "190", "UKR"))}
    )
    t = report.total("events")
    assert (t.required, t.required_matched, t.coded_matched) == (1, 0, 1)


def test_required_events_are_served_first():
    # One coded event fits both an optional and a required gold event: it must count for the
    # required one.
    out = {"a": {"id": "a", "body": "", "quotes": [], "events": [ev("USA", "112", "PRK")]}}
    report = evaluate(
        out, {"a": gold(g("USA", "112", "PRK", required=False), g("USA", "112", "PRK"))}
    )
    assert report.total("events").required_matched == 1


def test_null_targets_and_international_actors():
    assert actor_country({"code": "IGOWSTNAT", "country": None}) == "IGO"
    assert actor_country({"code": "PRKGOV", "country": "PRK"}) == "PRK"
    assert actor_country(None) is None
    out = {"a": {"id": "a", "body": "", "quotes": [], "events": [ev("KORMIL", "190", None)]}}
    report = evaluate(out, {"a": gold(g("KOR", "190", None))})
    assert report.total("events").required_matched == 1


def test_quotes_and_leaks():
    out = {
        "a": {
            "id": "a",
            "body": "FILE - a caption\nbody",
            "events": [],
            "quotes": [
                {
                    "text": "prelude to confrontation and war.",
                    "speaker": {"code": "PRKMED", "country": "PRK"},
                },
                {
                    "text": "something else entirely",
                    "speaker": {"code": "USAGOV", "country": "USA"},
                },
            ],
        }
    }
    report = evaluate(
        out,
        {
            "a": gold(
                quotes=[{"speakerCode": "PRK", "text": "a prelude to confrontation and war"}],
                boilerplate=["FILE - a caption"],
            )
        },
    )
    q = report.total("quotes")
    assert (q.coded_matched, q.coded, q.required) == (1, 2, 1)
    assert report.leaks == 1


def test_overlap_rule():
    assert overlap_ok("red line", "crossed a red line")
    assert not overlap_ok("red line", "blue sky")
    assert overlap_ok("“Hello,” world", '"hello," WORLD')


def test_gold_jsonl_and_folder(tmp_path):
    doc = {"id": "x1", "events": [], "quotes": []}
    (tmp_path / "x1.gold.json").write_text(json.dumps(doc))
    (tmp_path / "all.jsonl").write_text(json.dumps(doc) + "\n")
    assert load_gold(tmp_path)["x1"] == doc
    assert load_gold(tmp_path / "all.jsonl")["x1"] == doc


@given(st.lists(st.lists(st.integers(0, 5), max_size=4), max_size=6))
def test_matching_is_one_to_one_and_maximum(edges):
    gold_items = list(range(len(edges)))
    coded = list(range(6))
    pairs = max_matching(gold_items, coded, lambda gi, c: c in edges[gi])
    assert len(set(pairs.values())) == len(pairs)
    assert all(pairs[i] in edges[i] for i in pairs)
    # maximum: no augmenting path exists, checked by brute force on small graphs
    import itertools

    best = 0
    for perm in itertools.permutations(range(6), min(len(edges), 6)):
        best = max(best, sum(1 for i, c in zip(gold_items, perm, strict=False) if c in edges[i]))
    assert len(pairs) == best


# --- an evaluation that does not flatter ---------------------------------------------------


def out_doc(id_, *events):
    return {"id": id_, "body": "", "quotes": [], "events": list(events)}


def test_no_ids_in_common_is_an_error_not_a_perfect_score():
    with pytest.raises(EvaluationError) as info:
        evaluate({"b": out_doc("b", ev("USA", "190", "RUS"))}, {"a": gold(g("USA", "190", "RUS"))})
    assert "[E041]" in str(info.value) and "'a'" in str(info.value) and "'b'" in str(info.value)


def test_a_gold_article_without_output_counts_as_all_misses():
    golds = {"a": gold(g("USA", "190", "RUS")), "b": {**gold(g("FRA", "036", "DEU")), "id": "b"}}
    report = evaluate({"a": out_doc("a", ev("USA", "190", "RUS"))}, golds)
    t = report.total("events")
    assert (t.required, t.required_matched, t.recall) == (2, 1, 0.5)
    assert report.missing_outputs == ["b"]
    assert report.as_dict()["missing_outputs"] == ["b"]


def test_outputs_without_gold_are_listed_and_not_scored():
    report = evaluate(
        {"a": out_doc("a"), "z": out_doc("z", ev("USA", "190", "RUS"))},
        {"a": gold(g("USA", "190", "RUS"))},
    )
    assert report.unscored_outputs == ["z"] and report.total("events").coded == 0


def test_nothing_coded_has_no_precision_rather_than_a_perfect_one():
    report = evaluate({"a": out_doc("a")}, {"a": gold(g("USA", "190", "RUS"))})
    t = report.total("events")
    assert (t.precision, t.recall, t.f1) == (None, 0.0, 0.0)
    assert report.as_dict()["events"]["precision"] is None
    empty = evaluate({"a": out_doc("a")}, {"a": gold()}).total("events")
    assert (empty.precision, empty.recall, empty.f1, empty.root_accuracy) == (None,) * 4


def test_a_single_pretty_printed_gold_file_is_one_document(tmp_path):
    doc = {"id": "x1", "events": [g("USA", "190", "RUS")], "quotes": []}
    one = tmp_path / "x1.gold.json"
    one.write_text(json.dumps(doc, indent=2))
    assert load_gold(one) == {"x1": doc}
    several = tmp_path / "set.json"
    several.write_text(json.dumps([doc, {**doc, "id": "x2"}], indent=2))
    assert sorted(load_gold(several)) == ["x1", "x2"]


def test_a_pretty_printed_jsonl_file_says_what_is_wrong(tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text(json.dumps({"id": "x1", "events": []}, indent=2))
    with pytest.raises(DataFileError, match="one document a line"):
        load_gold(bad)


def test_a_folder_without_gold_files_is_an_error(tmp_path):
    (tmp_path / "notes.txt").write_text("no gold here")
    with pytest.raises(DataFileError, match="E042"):
        load_gold(tmp_path)
    with pytest.raises(DataFileError, match="E040"):
        (tmp_path / "list.json").write_text("[1, 2]")
        load_gold(tmp_path / "list.json")


def run_cli(tmp_path, outputs, golds):
    from click.testing import CliRunner

    from eventcoder.cli import main

    out = tmp_path / "out.jsonl"
    out.write_text("".join(json.dumps(o) + "\n" for o in outputs))
    folder = tmp_path / "gold"
    folder.mkdir()
    for doc in golds:
        (folder / f"{doc['id']}.gold.json").write_text(json.dumps(doc, indent=2))
    return CliRunner().invoke(main, ["evaluate", str(out), str(folder)])


def test_cli_exits_2_when_nothing_can_be_scored(tmp_path):
    result = run_cli(tmp_path, [out_doc("other")], [gold(g("USA", "190", "RUS"))])
    assert result.exit_code == 2, result.output
    assert "[E041]" in result.output and "1.000" not in result.output


def test_cli_lists_missing_outputs_and_prints_na_for_empty_precision(tmp_path):
    b = {**gold(g("FRA", "036", "DEU")), "id": "b"}
    result = run_cli(tmp_path, [out_doc("a")], [gold(g("USA", "190", "RUS")), b])
    assert result.exit_code == 0, result.output
    assert "missing outputs (counted as all misses): 1: b" in result.output
    assert "precision n/a  recall 0.000  F1 0.000  (0/0 coded matched, 0/2 required found)" in (
        result.output
    )
