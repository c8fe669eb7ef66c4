"""Input readers: every input kind, every bad input, and reading on past errors."""

from __future__ import annotations

import codecs
import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventcoder.errors import Errors, InputError
from eventcoder.records import Article
from eventcoder.sources import read_inputs

BODY = (
    "Kenya and Ethiopia agreed on Thursday to reopen the main border crossing at Moyale, "
    "three weeks after it was closed following a deadly raid."
)
PAGE = "<html><head><title>Border reopens</title></head><body><p>" + BODY + "</p></body></html>"


def read(*paths: str | Path, default_date: str | None = None, max_bytes: int = 50_000_000
         ) -> list[Article | InputError]:
    return list(read_inputs([str(p) for p in paths], default_date, max_bytes))


def only_error(items: list[Article | InputError], code: Errors) -> InputError:
    assert len(items) == 1, items
    item = items[0]
    assert isinstance(item, InputError), item
    assert item.error is code, str(item)
    return item


def articles(items: list[Article | InputError]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def errors(items: list[Article | InputError]) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# --- good inputs ------------------------------------------------------------------------


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "moyale-border.txt"
    path.write_text(BODY + "\n", encoding="utf-8")
    [article] = read(path, default_date="2026-11-20")
    assert article == Article(
        id="moyale-border", text=BODY + "\n", published="2026-11-20", source=str(path)
    )


@pytest.mark.parametrize("suffix", [".html", ".htm", ".HTML"])
def test_html_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"page{suffix}"
    path.write_text(PAGE, encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.html == PAGE and article.text is None
    assert article.id == "page" and article.source == str(path) and article.published is None


def test_directory_reads_supported_files_sorted_with_subfolders(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "c1", "text": BODY}) + "\n")
    (tmp_path / "notes.md").write_text("not an input", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "deeper.txt").write_text(BODY, encoding="utf-8")
    items = read(tmp_path)
    assert [a.id for a in articles(items)] == ["a", "b", "c1", "sub/deeper"]
    assert not errors(items)
    flat = list(read_inputs([str(tmp_path)], recursive=False))
    assert [a.id for a in articles(flat)] == ["a", "b", "c1"]


def test_empty_directory_is_E020(tmp_path: Path) -> None:
    (tmp_path / "readme.md").write_text("nothing to read", encoding="utf-8")
    error = only_error(read(tmp_path), Errors.E020)
    assert str(tmp_path) in str(error)


def test_jsonl_file(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    lines = [
        {"id": "a1", "text": BODY, "published": "2026-11-19", "url": "https://example.org/a1",
         "title": "Border reopens"},
        {"html": PAGE},
        {"id": 42, "text": BODY},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines[:2]) + "\n\n" + json.dumps(lines[2]))
    items = read(path, default_date="2026-11-01")
    assert items == [
        Article(id="a1", text=BODY, title="Border reopens", published="2026-11-19",
                url="https://example.org/a1", source=f"{path}:1"),
        Article(id="wire-2", html=PAGE, published="2026-11-01", source=f"{path}:2"),
        Article(id="42", text=BODY, published="2026-11-01", source=f"{path}:4"),
    ]


def test_jsonl_with_crlf_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "crlf.jsonl"
    data = json.dumps({"id": "x", "text": BODY}) + "\r\n" + json.dumps({"text": BODY}) + "\r\n"
    path.write_bytes(codecs.BOM_UTF8 + data.encode("utf-8"))
    assert [a.id for a in articles(read(path))] == ["x", "crlf-2"]


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, BODY.encode("utf-8"))
    [article] = read("-", default_date="2026-11-20")
    assert article == Article(id="stdin", text=BODY, published="2026-11-20", source="<stdin>")


def test_stdin_html(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, b"\n  " + PAGE.encode("utf-8"))
    [article] = read("-")
    assert isinstance(article, Article) and article.html and article.text is None


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    data = json.dumps({"id": "s1", "text": BODY}) + "\n\n" + json.dumps({"text": BODY}) + "\n"
    set_stdin(monkeypatch, data.encode("utf-8"))
    items = read("-")
    assert [(a.id, a.source) for a in articles(items)] == [
        ("s1", "<stdin>:1"), ("stdin-3", "<stdin>:3")
    ]


def test_stdin_text_starting_with_brace_line_is_not_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, ("{Editor's note}\n" + BODY).encode("utf-8"))
    [article] = read("-")
    assert isinstance(article, Article) and article.text and article.text.endswith(BODY)


def test_stdin_empty_is_E010(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, b"  \n\n")
    assert "<stdin>" in str(only_error(read("-"), Errors.E010))


def test_stdin_over_limit_is_E019(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, b"x" * 101)
    only_error(read("-", max_bytes=100), Errors.E019)


# --- encodings ----------------------------------------------------------------------------


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + BODY.encode("utf-8"))
    [article] = read(path)
    assert isinstance(article, Article) and article.text == BODY


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(tmp_path: Path, encoding: str) -> None:
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    path = tmp_path / "wide.txt"
    path.write_bytes(bom + "Côte d’Ivoire’s president met Ghana’s envoy.".encode(encoding))
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.text == "Côte d’Ivoire’s president met Ghana’s envoy."


# --- bad inputs -----------------------------------------------------------------------------


def test_missing_path_is_E015(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    assert str(path) in str(only_error(read(path), Errors.E015))


@pytest.mark.parametrize("name", ["article.pdf", "article.docx", "README"])
def test_unsupported_suffix_is_E016(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(BODY, encoding="utf-8")
    assert str(path) in str(only_error(read(path), Errors.E016))


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  ", codecs.BOM_UTF8])
def test_empty_file_is_E010(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert str(path) in str(only_error(read(path), Errors.E010))


def test_nul_byte_is_E011(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 50)
    error = only_error(read(path), Errors.E011)
    assert "NUL" in str(error) and str(path) in str(error)


def test_control_characters_are_E011(tmp_path: Path) -> None:
    path = tmp_path / "controls.txt"
    path.write_bytes(b"abc\x01\x02\x03def\x04\x05\x06ghi\x07\x08" * 20)
    assert "control characters" in str(only_error(read(path), Errors.E011))


def test_a_few_control_characters_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "escapes.txt"
    path.write_bytes(BODY.encode("utf-8") + b"\x1b[0m\x0c\n" + BODY.encode("utf-8"))
    assert articles(read(path))


def test_undecodable_text_is_E012_with_offset(tmp_path: Path) -> None:
    # neither UTF-8 nor Western text nor anything charset-normalizer is confident about
    path = tmp_path / "garbled.txt"
    path.write_bytes(b"Talks " + bytes(range(0x80, 0x100)) * 3)
    error = only_error(read(path), Errors.E012)
    assert error.kwargs["offset"] == 6
    assert "byte 6" in str(error) and str(path) in str(error) and "--encoding" in str(error)


def test_invalid_utf8_offset_counts_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom-latin1.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"caf\xe9")
    assert only_error(read(path), Errors.E012).kwargs["offset"] == 6


def test_over_max_bytes_is_E019_and_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(BODY * 10, encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise AssertionError("the file must not be read")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    error = only_error(read(path, max_bytes=100), Errors.E019)
    assert str(path) in str(error) and "100" in str(error)


def test_unreadable_file_is_E021(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(BODY, encoding="utf-8")

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)
    assert "Permission denied" in str(only_error(read(path), Errors.E021))


@pytest.mark.parametrize(
    ("line", "code", "fragment"),
    [
        ('{"id": "x", "text": "unterminated', Errors.E013, "not valid JSON"),
        ("not json at all", Errors.E013, "not valid JSON"),
        ('{"id": "x", "title": "Only a title"}', Errors.E014, "no 'text' or 'html'"),
        ('{"id": "x", "text": "   "}', Errors.E014, "no 'text' or 'html'"),
        ('{"id": "x", "text": 17}', Errors.E018, "'text' must be a string"),
        ('{"id": "x", "text": "t", "published": 20261119}', Errors.E018, "'published'"),
        ('{"id": ["x"], "text": "t"}', Errors.E018, "'id'"),
        ('{"id": true, "text": "t"}', Errors.E018, "'id'"),
        ('["a", "list"]', Errors.E018, "JSON object"),
    ],
)
def test_bad_jsonl_line(tmp_path: Path, line: str, code: Errors, fragment: str) -> None:
    path = tmp_path / "feed.jsonl"
    good = json.dumps({"id": "ok", "text": BODY})
    path.write_text(f"{good}\n{line}\n{good}\n", encoding="utf-8")
    items = read(path)
    assert [a.id for a in articles(items)] == ["ok", "ok"]
    [error] = errors(items)
    assert error.error is code
    message = str(error)
    assert str(path) in message and "line 2" in message and fragment in message
    assert items[1] is error  # in input order


def test_reading_goes_on_after_each_bad_input(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.htm"
    binary.write_bytes(b"\x00\x01\x02")
    latin = tmp_path / "garbled.txt"
    latin.write_bytes(bytes(range(0x80, 0x100)) * 3)
    other = tmp_path / "slides.pptx"
    other.write_bytes(b"PK")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": BODY}) + "\n{oops\n" + json.dumps({"text": BODY}) + "\n")
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    items = read(good, tmp_path / "missing.txt", empty, binary, latin, other, feed, empty_dir,
                 good)
    summary = [i.error.name if isinstance(i, InputError) else i.id for i in items]
    assert summary == ["good", "E015", "E010", "E011", "E012", "E016",
                       "feed-1", "E013", "feed-3", "E020", "good"]


# --- round trip -----------------------------------------------------------------------------

_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"),
    min_size=1, max_size=80,
).filter(lambda s: s.strip() != "")
_optional = st.none() | _text
_dates = st.none() | st.dates().map(lambda d: d.isoformat())


@st.composite
def _articles(draw: st.DrawFn) -> Article:
    body = draw(st.lists(_text, min_size=1, max_size=4).map("\n".join))
    use_html = draw(st.booleans())
    return Article(
        id=draw(_text),
        text=None if use_html else body,
        html=f"<p>{body}</p>" if use_html else None,
        title=draw(_optional),
        published=draw(_dates),
        url=draw(_optional),
    )


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=st.lists(_articles(), min_size=1, max_size=5), ascii_only=st.booleans())
def test_jsonl_round_trip(tmp_path: Path, items: list[Article], ascii_only: bool) -> None:
    path = tmp_path / "roundtrip.jsonl"
    records = [
        {k: v for k, v in {"id": a.id, "text": a.text, "html": a.html, "title": a.title,
                           "published": a.published, "url": a.url}.items() if v is not None}
        for a in items
    ]
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=ascii_only) for r in records) + "\n",
        encoding="utf-8",
    )
    back = read(path)
    expected = [
        Article(id=a.id, text=a.text, html=a.html, title=a.title, published=a.published,
                url=a.url, source=f"{path}:{n}")
        for n, a in enumerate(items, start=1)
    ]
    assert back == expected
