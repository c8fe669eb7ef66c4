"""WARC archives written with warcio: HTML responses become articles, the rest is passed over."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventcoder.errors import Errors, InputError
from eventcoder.records import Article
from eventcoder.sources import read_inputs

PAGE = (
    "<html><head><title>Ministers meet</title></head><body><article><p>Foreign ministers of "
    "Ghana and Togo met in Lomé on Friday to discuss security along their shared border."
    "</p></article></body></html>"
)


def write_warc(path: Path, records: list[tuple[str, str, str, bytes]], gzip: bool) -> None:
    """records: (kind, url, status line or '', payload) with kind response/request/metadata."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for kind, url, status, payload in records:
            if kind == "response":
                content_type = "image/png" if url.endswith(".png") else "text/html; charset=utf-8"
                headers = StatusAndHeaders(
                    status, [("Content-Type", content_type)], protocol="HTTP/1.1"
                )
                record = writer.create_warc_record(
                    url, "response", payload=BytesIO(payload), http_headers=headers
                )
            elif kind == "request":
                headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")],
                                           is_http_request=True)
                record = writer.create_warc_record(url, "request", payload=BytesIO(b""),
                                                   http_headers=headers)
            else:
                record = writer.create_warc_record(url, kind, payload=BytesIO(payload),
                                                   warc_content_type="text/plain")
            writer.write_record(record)


@pytest.mark.parametrize("gzip", [False, True])
def test_html_responses_become_articles(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("news.warc.gz" if gzip else "news.warc")
    write_warc(path, [
        ("request", "https://news.example.org/a", "", b""),
        ("response", "https://news.example.org/a", "200 OK", PAGE.encode("utf-8")),
        ("metadata", "https://news.example.org/a", "", b"fetchTimeMs: 120"),
        ("response", "https://news.example.org/logo.png", "200 OK", b"\x89PNG\r\n"),
        ("response", "https://news.example.org/gone", "404 Not Found", b"<html>gone</html>"),
        ("response", "https://news.example.org/b", "200 OK",
         PAGE.replace("Lomé", "Accra").encode("utf-8")),
    ], gzip)
    items = list(read_inputs([str(path)], default_date="2026-11-20"))
    assert all(isinstance(i, Article) for i in items), items
    first, second = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == "news-2" and second.id == "news-6"
    assert first.url == "https://news.example.org/a" and first.html == PAGE
    assert first.source == f"{path}#2" and first.published == "2026-11-20"
    assert second.html and "Accra" in second.html


def test_archive_without_html_pages_is_E116(tmp_path: Path) -> None:
    path = tmp_path / "images.warc"
    write_warc(path, [("response", "https://x.example/logo.png", "200 OK", b"\x89PNG")], False)
    [error] = read_inputs([str(path)])
    assert isinstance(error, InputError) and error.error is Errors.E116


def test_not_a_warc_is_E115_and_the_next_input_is_read(tmp_path: Path) -> None:
    bad = tmp_path / "bad.warc"
    bad.write_text("This is a text file someone named .warc\n" * 5, encoding="utf-8")
    good = tmp_path / "good.warc.gz"
    write_warc(good, [("response", "https://x.example/a", "200 OK", PAGE.encode())], True)
    error, article = read_inputs([str(bad), str(good)])
    assert isinstance(error, InputError) and error.error is Errors.E115
    assert str(bad) in str(error)
    assert isinstance(article, Article) and article.url == "https://x.example/a"


def test_truncated_warc_gz_keeps_earlier_pages(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    write_warc(path, [("response", f"https://x.example/{n}", "200 OK", PAGE.encode() * 20)
                      for n in range(5)], True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 400])
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article"] * 4 + ["InputError"]
    error = items[-1]
    assert isinstance(error, InputError) and error.error in {Errors.E115, Errors.E111}
    assert str(path) in str(error)
