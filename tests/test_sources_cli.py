"""`eventcoder code` with the new sources' options, settings errors and progress."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventcoder.cli import main

SENTENCE = "Kenyan police arrested dozens of protesters in Nairobi on Tuesday."


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def ids(stdout: str) -> list[str]:
    return [json.loads(line)["id"] for line in stdout.splitlines()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "wire").mkdir()
    (folder / "wire" / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (folder / "wire" / "a.html").write_text(f"<html><body><p>{SENTENCE}</p></body></html>")
    (folder / "export.csv.gz").write_bytes(
        gzip.compress(f'story,body\ns1,"{SENTENCE}"\n'.encode())
    )
    (folder / "paris.txt").write_bytes(
        "Le président a rencontré le Premier ministre à l’Élysée.".encode("latin-1", "replace")
    )
    return folder


def test_folder_with_subfolders_csv_gz_and_column_names(corpus: Path) -> None:
    status, stdout, stderr = run(
        "code", str(corpus), "--format", "jsonl", "--text-column", "body", "--id-column", "story"
    )
    assert status == 0, stderr
    assert ids(stdout) == ["s1", "paris", "wire/a.html", "wire/a.txt"]


def test_include_exclude_and_no_recursive(corpus: Path) -> None:
    status, stdout, _ = run("code", str(corpus), "--format", "jsonl", "--include", "wire/*",
                            "--exclude", "*.html")
    assert status == 0 and ids(stdout) == ["wire/a"]
    status, stdout, _ = run("code", str(corpus), "--format", "jsonl", "--no-recursive",
                            "--include", "*.txt")
    assert status == 0 and ids(stdout) == ["paris"]


def test_encoding_option(corpus: Path) -> None:
    path = str(corpus / "paris.txt")
    status, stdout, _ = run("code", path, "--format", "jsonl", "--encoding", "latin-1")
    assert status == 0 and "président" in json.loads(stdout)["body"]
    status, _, stderr = run("code", path, "--encoding", "utf-8")
    assert status == 1 and "[E012]" in stderr and "paris.txt" in stderr
    status, _, stderr = run("code", path, "--encoding", "klingon")
    assert status == 2 and "'klingon' is not a text encoding" in stderr


def test_bad_settings_exit_2_with_their_number(corpus: Path, tmp_path: Path) -> None:
    config = tmp_path / "eventcoder.toml"
    config.write_text("[eventcoder]\nbatchsize = 4\n", encoding="utf-8")
    status, _, stderr = run("code", str(corpus), "--config", str(config))
    assert status == 2 and "[E150]" in stderr and "batchsize" in stderr
    assert "Traceback" not in stderr
    status, _, stderr = run("code", str(corpus), env={"EVENTCODER_BATCH_SIZE": "abc"})
    assert status == 2 and "[E151]" in stderr and "EVENTCODER_BATCH_SIZE" in stderr


def test_progress_on_request(corpus: Path) -> None:
    status, stdout, stderr = run("code", str(corpus / "wire"), "--format", "jsonl", "--progress")
    assert status == 0 and len(ids(stdout)) == 2
    assert "2 articles coded, 0 failed" in stderr
    status, _, stderr = run("code", str(corpus / "wire"), "--format", "jsonl")
    assert "articles coded" not in stderr  # stderr is not a terminal here
