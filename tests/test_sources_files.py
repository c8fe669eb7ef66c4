"""Folders (recursive, globs, ids), gzip, CSV/TSV/JSON corpora, encodings and streaming."""

from __future__ import annotations

import gzip
import json
import tracemalloc
from pathlib import Path

import pytest

from eventcoder.errors import Errors, InputError
from eventcoder.records import Article
from eventcoder.sources import Columns, read_inputs

BODY = (
    "Kenya and Ethiopia agreed on Thursday to reopen the main border crossing at Moyale, "
    "three weeks after it was closed following a deadly raid."
)
PAGE = "<html><head><title>Border reopens</title></head><body><p>" + BODY + "</p></body></html>"
Item = Article | InputError


def read(*paths: str | Path, **options: object) -> list[Item]:
    return list(read_inputs([str(p) for p in paths], **options))  # type: ignore[arg-type]


def summary(items: list[Item]) -> list[str]:
    return [i.error.name if isinstance(i, InputError) else i.id for i in items]


def only(items: list[Item]) -> Article:
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def only_error(items: list[Item], code: Errors) -> InputError:
    assert len(items) == 1 and isinstance(items[0], InputError), items
    assert items[0].error is code, str(items[0])
    return items[0]


# --- folders --------------------------------------------------------------------------------


def test_ids_are_relative_paths_and_same_stems_differ(tmp_path: Path) -> None:
    for folder in ("", "2024/05", "2024/06"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "report.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "2024/05/report.html").write_text(PAGE, encoding="utf-8")
    ids = summary(read(tmp_path))
    assert ids == ["2024/05/report.html", "2024/05/report.txt", "2024/06/report", "report"]
    assert ids == summary(read(tmp_path))  # stable from run to run


def test_include_and_exclude_globs(tmp_path: Path) -> None:
    (tmp_path / "wire").mkdir()
    (tmp_path / "drafts").mkdir()
    for name in ("wire/a.txt", "wire/b.html", "drafts/c.txt", "d.txt"):
        (tmp_path / name).write_text(BODY, encoding="utf-8")
    assert summary(read(tmp_path, include=["*.txt"])) == ["d", "drafts/c", "wire/a"]
    assert summary(read(tmp_path, exclude=["drafts/*"])) == ["d", "wire/a", "wire/b"]
    assert summary(read(tmp_path, include=["wire/*"], exclude=["*.html"])) == ["wire/a"]
    error = only_error(read(tmp_path, include=["*.pdf"]), Errors.E020)
    assert "4 left out by --include/--exclude" in str(error)


def test_folder_of_other_files_is_E020_and_says_so(tmp_path: Path, caplog: pytest.LogCaptureFixture
                                                   ) -> None:
    (tmp_path / "notes.md").write_text("notes", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    # a feed in a folder would fetch from the web: feeds are read only when named
    (tmp_path / "sitemap.xml").write_text("<rss><channel><item><link>http://127.0.0.1:9/x</link>"
                                          "</item></channel></rss>", encoding="utf-8")
    only_error(read(tmp_path), Errors.E020)
    assert "passed over 3 file(s) of types not read in folders (.md, .pdf, .xml)" in caplog.text


# --- gzip -----------------------------------------------------------------------------------


def test_gzip_compressed_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(BODY.encode("utf-8")))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    lines = "\n".join(json.dumps({"id": f"w{n}", "text": BODY}) for n in range(3)) + "\n"
    (tmp_path / "wire.jsonl.gz").write_bytes(gzip.compress(lines.encode("utf-8")))
    items = read(tmp_path)
    assert summary(items) == ["a", "b", "w0", "w1", "w2"]
    assert isinstance(items[0], Article) and items[0].text == BODY
    assert isinstance(items[1], Article) and items[1].html == PAGE
    assert isinstance(items[2], Article) and items[2].source == f"{tmp_path / 'wire.jsonl.gz'}:1"


def test_truncated_gzip_keeps_what_was_read_and_says_where(tmp_path: Path) -> None:
    lines = "\n".join(json.dumps({"id": f"w{n}", "text": BODY * 20}) for n in range(200)) + "\n"
    data = gzip.compress(lines.encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    items = read(path, tmp_path / "cut.jsonl.gz")
    first = items[: len(items) // 2]
    assert all(isinstance(i, Article) for i in first[:-1])
    error = first[-1]
    assert isinstance(error, InputError) and error.error is Errors.E111
    assert str(path) in str(error) and "after line" in str(error)


def test_damaged_gzip_text_is_E111(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(b"this is not gzip at all")
    assert str(path) in str(only_error(read(path), Errors.E111))


def test_gzip_over_the_limit_is_E019_without_inflating_it_all(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5_000_000))
    error = only_error(read(path, max_bytes=10_000), Errors.E019)
    assert "uncompressed" in str(error)


# --- CSV, TSV, JSON -------------------------------------------------------------------------


def test_csv_with_configured_columns_and_quoted_newlines(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "story_id,headline,body,date\n"
        f'101,Border reopens,"{BODY}\n\nA second paragraph.",2026-11-19\n'
        f'102,,"{BODY}",\n',
        encoding="utf-8",
    )
    columns = Columns(id="story_id", text="body", title="headline", published="date")
    items = read(path, columns=columns, default_date="2026-11-01")
    assert items == [
        Article(id="101", text=BODY + "\n\nA second paragraph.", title="Border reopens",
                published="2026-11-19", source=f"{path}:2"),
        Article(id="102", text=BODY, published="2026-11-01", source=f"{path}:5"),
    ]


def test_csv_without_the_text_column_is_E114_naming_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(f"id,content\n1,{BODY}\n", encoding="utf-8")
    error = only_error(read(path), Errors.E114)
    assert "'text'" in str(error) and "id, content" in str(error)


def test_bad_csv_rows_are_errors_of_their_own(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        f'id,text\n1,"{BODY}"\n2,extra,cell\n3,\n4,"{BODY}"\n5,"unclosed {BODY}\n', encoding="utf-8"
    )
    items = read(path)
    assert summary(items) == ["1", "E113", "E014", "4", "E113"]
    assert "line 3" in str(items[1]) and "3 cells where the header has 2" in str(items[1])
    assert "line 4" in str(items[2])


def test_tsv_and_default_ids(tmp_path: Path) -> None:
    path = tmp_path / "wire.tsv"
    path.write_text(f"text\turl\n{BODY}\thttps://example.org/1\n", encoding="utf-8")
    article = only(read(path))
    assert article.id == "wire-2" and article.url == "https://example.org/1"


def test_json_document_or_array(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": BODY, "title": "Border"}), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "m1", "html": PAGE}, {"text": 5}, {"text": BODY}]))
    assert only(read(one)).id == "one"
    items = read(many)
    assert summary(items) == ["m1", "E018", "many-3"]
    assert "record 2" in str(items[1])


@pytest.mark.parametrize(
    ("content", "fragment"),
    [("{\"text\": ", "line 1"), ("42", "got a number"), ("", "empty")],
)
def test_malformed_json_is_one_error(tmp_path: Path, content: str, fragment: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    [error] = read(path)
    assert isinstance(error, InputError) and str(path) in str(error) and fragment in str(error)


# --- encodings ------------------------------------------------------------------------------


def test_latin1_and_windows1252_text_is_detected(tmp_path: Path) -> None:
    text = "Le président français a rencontré son homologue à Genève lundi. “Non,” a-t-il dit."
    path = tmp_path / "paris.txt"
    path.write_bytes(text.encode("cp1252"))
    assert only(read(path)).text == text


def test_cyrillic_in_windows1251_is_detected(tmp_path: Path) -> None:
    text = "Переговоры возобновились в понедельник, сообщил представитель министерства."
    path = tmp_path / "moscow.txt"
    path.write_bytes(text.encode("cp1251"))
    assert only(read(path)).text == text


def test_given_encoding_is_used_and_its_failures_are_E110(tmp_path: Path) -> None:
    path = tmp_path / "athens.txt"
    text = "Η κυβέρνηση ανακοίνωσε νέα μέτρα."
    path.write_bytes(text.encode("iso-8859-7"))
    assert only(read(path, encoding="iso-8859-7")).text == text
    bad = tmp_path / "bad.txt"
    bad.write_bytes(BODY.encode("utf-8") + b"\xff\xfe")
    error = only_error(read(bad, encoding="ascii"), Errors.E110)
    assert "ascii" in str(error) and f"byte {len(BODY)}" in str(error)


def test_jsonl_line_that_does_not_decode_is_an_error_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    # a UTF-8 corpus (curly quotes) with one damaged line
    good = json.dumps({"text": f"“{BODY}”"}, ensure_ascii=False).encode("utf-8")
    path.write_bytes(good + b"\n" + b'{"text": "caf\xe9 \x81"}\n' + good + b"\n")
    items = read(path)
    assert summary(items) == ["mixed-1", "E012", "mixed-3"]
    assert "line 2" in str(items[1])


def test_over_long_jsonl_line_is_E120_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    lines = [json.dumps({"text": BODY}), json.dumps({"text": BODY * 100}), json.dumps({"text": BODY})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(path, max_bytes=1_000)
    assert summary(items) == ["big-1", "E120", "big-3"]
    assert "line 2" in str(items[1]) and "1000" in str(items[1])


def test_jsonl_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "large.jsonl"
    line = json.dumps({"text": BODY * 10}) + "\n"
    with path.open("w", encoding="utf-8") as out:
        for _ in range(8_000):
            out.write(line)
    size = path.stat().st_size
    assert size > 10_000_000
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_inputs([str(path)]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 8_000
    assert peak < size / 10  # the old reader held 4.5 times the file
