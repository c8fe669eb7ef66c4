"""Reading articles from files, directories, JSON Lines and standard input.

:func:`read_inputs` never stops at a bad input: it yields an :class:`InputError` for each
file (or JSONL line) it cannot read and carries on with the rest, so a caller can report
every problem in one run.
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import Errors, InputError
from ..records import Article

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
INPUT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

STDIN = "-"
STDIN_SOURCE = "<stdin>"
STDIN_ID = "stdin"
SNIFF_BYTES = 8192
MAX_CONTROL_SHARE = 0.10
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1b")
_STRING_FIELDS = ("text", "html", "published", "url", "title")


def read_inputs(
    paths: Sequence[str], default_date: str | None = None, max_bytes: int = 50_000_000
) -> Iterator[Article | InputError]:
    """Yield an Article for each article found in `paths`, or an InputError per bad input.

    Each path may be a ``.txt``, ``.html``/``.htm`` or ``.jsonl`` file, a directory (its
    files of those kinds, sorted, not recursive) or ``-`` for standard input.
    `default_date` fills ``published`` where the input gives no date of its own; files
    larger than `max_bytes` are refused unread.
    """
    for raw in paths:
        if raw == STDIN:
            yield from _read_stdin(default_date, max_bytes)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _read_directory(path, default_date, max_bytes)
        elif not path.exists():
            yield InputError(Errors.E015, source=raw)
        else:
            yield from _read_file(path, default_date, max_bytes)


def decode(data: bytes, source: str) -> str:
    """Decode the bytes of an input as text, or raise InputError (E010, E011, E012).

    UTF-8 is expected; a UTF-8 byte order mark is dropped, and UTF-16 is accepted when
    it starts with its byte order mark.
    """
    if not data:
        raise InputError(Errors.E010, source=source)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_utf16(data, source)
        _check_binary(text[:SNIFF_BYTES], source)
    else:
        _check_binary(data[:SNIFF_BYTES].decode("latin-1"), source)
        bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        try:
            text = data[bom:].decode("utf-8")
        except UnicodeDecodeError as exc:
            bad = exc.object[exc.start : exc.start + 1].hex()
            raise InputError(
                Errors.E012,
                source=source,
                offset=bom + exc.start,
                reason=f"{exc.reason}, 0x{bad}",
            ) from None
    if not text.strip():
        raise InputError(Errors.E010, source=source)
    return text


def _decode_utf16(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise InputError(
            Errors.E012, source=source, offset=exc.start, reason=f"UTF-16: {exc.reason}"
        ) from None


def _check_binary(sample: str, source: str) -> None:
    """Raise E011 when the sample holds a NUL or too many control characters."""
    if "\x00" in sample:
        raise InputError(Errors.E011, source=source, reason="it contains a NUL byte")
    controls = sum(1 for ch in sample if (ch < " " or ch == "\x7f") and ch not in _ALLOWED_CONTROLS)
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        share = round(100 * controls / len(sample))
        raise InputError(
            Errors.E011, source=source, reason=f"{share}% of its first bytes are control characters"
        )


def _read_directory(
    path: Path, default_date: str | None, max_bytes: int
) -> Iterator[Article | InputError]:
    try:
        files = sorted(
            entry
            for entry in path.iterdir()
            if entry.suffix.lower() in INPUT_SUFFIXES
            and not entry.name.startswith(".")
            and entry.is_file()
        )
    except OSError as exc:
        yield InputError(Errors.E021, source=str(path), reason=exc.strerror or str(exc))
        return
    if not files:
        yield InputError(Errors.E020, source=str(path))
        return
    for entry in files:
        yield from _read_file(entry, default_date, max_bytes)


def _read_file(
    path: Path, default_date: str | None, max_bytes: int
) -> Iterator[Article | InputError]:
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in INPUT_SUFFIXES:
        yield InputError(Errors.E016, source=source, suffix=path.suffix)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield InputError(Errors.E019, source=source, size=size, limit=max_bytes)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(Errors.E021, source=source, reason=exc.strerror or str(exc))
        return
    try:
        text = decode(data, source)
    except InputError as exc:
        yield exc
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(text, source, path.stem, default_date)
    elif suffix in HTML_SUFFIXES:
        yield Article(id=path.stem, html=text, published=default_date, source=source)
    else:
        yield Article(id=path.stem, text=text, published=default_date, source=source)


def _read_stdin(default_date: str | None, max_bytes: int) -> Iterator[Article | InputError]:
    try:
        data = sys.stdin.buffer.read(max_bytes + 1)
    except (OSError, ValueError) as exc:
        yield InputError(Errors.E021, source=STDIN_SOURCE, reason=str(exc))
        return
    if len(data) > max_bytes:
        yield InputError(
            Errors.E019, source=STDIN_SOURCE, size=f"more than {max_bytes}", limit=max_bytes
        )
        return
    try:
        text = decode(data, STDIN_SOURCE)
    except InputError as exc:
        yield exc
        return
    lines = [line.lstrip() for line in text.split("\n") if line.strip()]
    if all(line.startswith("{") for line in lines):
        yield from _read_jsonl(text, STDIN_SOURCE, STDIN_ID, default_date)
    elif text.lstrip().startswith("<"):
        yield Article(id=STDIN_ID, html=text, published=default_date, source=STDIN_SOURCE)
    else:
        yield Article(id=STDIN_ID, text=text, published=default_date, source=STDIN_SOURCE)


def _read_jsonl(
    text: str, source: str, stem: str, default_date: str | None
) -> Iterator[Article | InputError]:
    """One article per non-blank line; a bad line yields its error and reading goes on."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(Errors.E013, source=source, line=number, reason=exc.msg)
            continue
        try:
            yield _article_from_record(record, source, number, f"{stem}-{number}", default_date)
        except InputError as exc:
            yield exc


def _article_from_record(
    record: Any, source: str, line: int, default_id: str, default_date: str | None
) -> Article:
    if not isinstance(record, dict):
        raise InputError(
            Errors.E018,
            source=source,
            line=line,
            reason=f"expected a JSON object, got {_json_type(record)}",
        )
    values: dict[str, str | None] = {}
    for name in _STRING_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(
                Errors.E018,
                source=source,
                line=line,
                reason=f"field {name!r} must be a string, not {_json_type(value)}",
            )
        values[name] = value
    raw_id = record.get("id")
    if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()):
        article_id = default_id
    elif isinstance(raw_id, str):
        article_id = raw_id
    elif isinstance(raw_id, int) and not isinstance(raw_id, bool):
        article_id = str(raw_id)
    else:
        raise InputError(
            Errors.E018,
            source=source,
            line=line,
            reason=f"field 'id' must be a string or an integer, not {_json_type(raw_id)}",
        )
    text, html = values["text"], values["html"]
    if not (text and text.strip()) and not (html and html.strip()):
        raise InputError(Errors.E014, source=source, line=line)
    return Article(
        id=article_id,
        text=text,
        html=html,
        title=values["title"],
        published=values["published"] or default_date,
        url=values["url"],
        source=f"{source}:{line}",
    )


def _json_type(value: object) -> str:
    """The JSON name of a decoded value's type, for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"
