"""WARC archives (.warc, .warc.gz; Common Crawl News): the HTML pages of response records.

Records are read one at a time with warcio. Only ``response`` records with HTTP status 200
and an HTML content type become articles; request, metadata and other records are passed
over. An article's id is the archive's id and the record's number among the archive's
records (stable for a given archive), its url the record's target URI.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import Errors, InputError
from ..records import Article
from .encoding import charset_of, choose_encoding, decode_with
from .options import ReadOptions
from .streams import GZIP_ERRORS

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(
    path: Path, source: str, file_id: str, options: ReadOptions
) -> Iterator[Article | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    pages = 0
    number = 0
    try:
        with path.open("rb") as stream:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                if record.format != "warc":
                    raise ValueError(f"record {number} is not a WARC record ({record.format})")
                if record.length is None:
                    raise ValueError(f"record {number} is incomplete (no Content-Length)")
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode()
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                if status != "200" or not content_type.startswith(HTML_TYPES):
                    continue
                pages += 1
                label = f"{source}#{number}"
                data = record.content_stream().read(options.max_bytes + 1)
                if len(data) > options.max_bytes:
                    yield InputError(
                        Errors.E120,
                        source=source,
                        where=f"record {number}",
                        size=f"more than {options.max_bytes}",
                        limit=options.max_bytes,
                    )
                    continue
                try:
                    html = _decode(data, label, options.encoding or charset_of(content_type))
                except InputError as exc:
                    yield exc
                    continue
                yield Article(
                    id=f"{file_id}-{number}",
                    html=html,
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    published=options.default_date,
                    source=label,
                )
    except OSError as exc:
        yield InputError(Errors.E021, source=source, reason=exc.strerror or str(exc))
        return
    except (ArchiveLoadFailed, ValueError, *GZIP_ERRORS, zlib.error) as exc:
        yield InputError(Errors.E115, source=source, reason=str(exc) or type(exc).__name__)
        return
    if not pages:
        yield InputError(Errors.E116, source=source)


def _decode(data: bytes, label: str, encoding: str | None) -> str:
    if not data.strip():
        raise InputError(Errors.E010, source=label)
    chosen = choose_encoding(data, label, encoding, whole=True)
    return decode_with(data, chosen, label)
