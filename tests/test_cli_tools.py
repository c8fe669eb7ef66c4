"""`eventcoder actors ...` and `eventcoder lexicon check` end to end."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eventcoder.cli import main


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args))


def test_actors_resolve_prints_one_json_object_per_phrase():
    result = run("actors", "resolve", "a senior North Korean official", "the Kremlin",
                 "Jens Stoltenberg", "--date", "2020-06-01")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [set(r) for r in rows] == [{"phrase", "code", "country", "sector", "matched", "rule"}] * 3
    assert [r["code"] for r in rows] == ["PRKGOV", "RUSGOV", "IGOWSTNAT"]
    assert rows[2]["rule"] == "person:gazetteer:dated"


def test_actors_resolve_date_picks_the_role():
    before = json.loads(run("actors", "resolve", "Jens Stoltenberg", "--date", "2010-01-01").output)
    assert before["code"] == "NORGOV"


def test_actors_resolve_with_context_and_from_a_file(tmp_path: Path):
    result = run("actors", "resolve", "the minister", "--context",
                 "Indian Foreign Minister S. Jaishankar arrived in Moscow.", "--date", "2024-07-08")
    assert json.loads(result.output)["code"] == "INDGOV"
    queries = tmp_path / "q.jsonl"
    queries.write_text("\n".join(json.dumps(q) for q in [
        {"phrase": "Kenyan police"}, {"phrase": "Boris Johnson", "date": "2020-05-01"},
        {"phrase": "Boris Johnson", "date": "2023-05-01"}]) + "\n")
    rows = [json.loads(line) for line in run("actors", "resolve", "--file", str(queries)).output.splitlines()]
    assert [r["code"] for r in rows] == ["KENCOP", "GBRGOV", "GBRELI"]


def test_actors_resolve_bad_file_line(tmp_path: Path):
    queries = tmp_path / "q.jsonl"
    queries.write_text('{"phrase": "NATO"}\nnot json\n')
    result = run("actors", "resolve", "--file", str(queries))
    assert result.exit_code == 1 and "line 2" in result.output


def test_actors_search():
    result = run("actors", "search", "Stoltenberg")
    assert result.exit_code == 0
    assert "IGOWSTNAT" in result.output and "person" in result.output


def test_lexicon_check_passes_on_the_packaged_lexicon():
    result = run("lexicon", "check", "--quiet")
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.output


def test_lexicon_check_reports_problems(tmp_path: Path):
    folder = tmp_path / "lexicon"
    folder.mkdir()
    (folder / "mine.tsv").write_text(
        "code\tpos\tpattern\tnote\n"
        "999\tV\tfrobnicate TARGET\tunknown code\n"
        "190\tV\tbombard TARGET\t\n"
        "195\tV\tbombard TARGET\tconflicts with the line above\n"
        "190\tV\tbombard TARGET\tduplicate\n"
        "111\tV\tDenounce TARGET\tbad trigger\n"
        "190\tN\tonslaught\tno TARGET\n")
    result = run("lexicon", "check", "--dictionaries", str(tmp_path), "--replace-builtin")
    assert result.exit_code == 1
    out = result.output
    assert "mine.tsv:2: unknown CAMEO code 999" in out
    assert "mine.tsv:4: conflict" in out
    assert "mine.tsv:5: duplicate" in out
    assert "mine.tsv:6: pattern 'Denounce TARGET'" in out
    assert "mine.tsv:7: event noun 'onslaught' has no TARGET" in out
