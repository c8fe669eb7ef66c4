"""Corpora of many articles in one file: JSON Lines, CSV/TSV and JSON.

JSONL and CSV are read line by line (memory does not grow with the file); a JSON file is a
single document (one article object or an array of them) and is read whole, up to the size
limit. Field and column names are configurable (:class:`Columns`). A bad line, row or record
yields its own error naming the file and line, and reading goes on.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from ..errors import Errors, InputError
from ..records import Article
from .encoding import decode
from .options import Columns, ReadOptions
from .streams import text_lines

_ROLES = ("id", "text", "html", "title", "published", "url")


def read_jsonl(
    stream: BinaryIO, source: str, stem: str, options: ReadOptions
) -> Iterator[Article | InputError]:
    """One article per non-blank line of a JSON Lines stream."""
    for number, line in text_lines(stream, source, options.encoding, options.max_bytes):
        if isinstance(line, InputError):
            yield line
            continue
        yield from jsonl_line(line, number, source, stem, options)


def jsonl_line(
    line: str, number: int, source: str, stem: str, options: ReadOptions
) -> Iterator[Article | InputError]:
    if not line.strip():
        return
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        yield InputError(Errors.E013, source=source, line=number, reason=exc.msg)
        return
    try:
        yield article_from_record(
            record, source, f"line {number}", f"{source}:{number}", f"{stem}-{number}", options
        )
    except InputError as exc:
        yield exc


def read_csv(
    stream: BinaryIO, source: str, stem: str, options: ReadOptions, delimiter: str = ","
) -> Iterator[Article | InputError]:
    """One article per row; the first row names the columns."""
    problems: dict[int, InputError] = {}
    fatal: list[InputError] = []

    def lines() -> Iterator[str]:
        for number, line in text_lines(stream, source, options.encoding, options.max_bytes):
            if isinstance(line, InputError):
                if number == 0:
                    fatal.append(line)
                    return
                problems[number] = line
                yield "\n"
                continue
            yield line

    _raise_field_limit(options.max_bytes)
    reader = csv.reader(lines(), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    last = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield InputError(Errors.E113, source=source, line=reader.line_num, reason=str(exc))
            last = reader.line_num
            continue
        first, last = last + 1, reader.line_num
        bad = [problems.pop(n) for n in range(first, last + 1) if n in problems]
        if bad:
            yield from bad
            continue
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip().lstrip("\ufeff") for cell in row]
            missing = _missing_text_columns(header, options.columns, source)
            if missing is not None:
                yield missing
                return
            continue
        if len(row) != len(header):
            yield InputError(
                Errors.E113,
                source=source,
                line=first,
                reason=f"{len(row)} cells where the header has {len(header)}",
            )
            continue
        record = {
            name: (cell if cell.strip() else None) for name, cell in zip(header, row, strict=True)
        }
        try:
            yield article_from_record(
                record, source, f"line {first}", f"{source}:{first}", f"{stem}-{first}", options
            )
        except InputError as exc:
            yield exc
    yield from fatal
    if header is None and not fatal:
        yield InputError(Errors.E010, source=source)


def _missing_text_columns(header: list[str], columns: Columns, source: str) -> InputError | None:
    if columns.text in header or columns.html in header:
        return None
    return InputError(
        Errors.E114,
        source=source,
        column=columns.text,
        role="article text (or HTML)",
        columns=", ".join(header) or "none",
    )


def _raise_field_limit(max_bytes: int) -> None:
    """csv refuses fields over 128 KiB by default; articles are allowed up to max_bytes."""
    csv.field_size_limit(min(max(max_bytes, 131_072), sys.maxsize))


def read_json(
    data: bytes, source: str, stem: str, options: ReadOptions
) -> Iterator[Article | InputError]:
    """A JSON document: one article object, or an array of article objects."""
    try:
        text = decode(data, source, options.encoding)
    except InputError as exc:
        yield exc
        return
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(
            Errors.E112, source=source, reason=f"{exc.msg} at line {exc.lineno} column {exc.colno}"
        )
        return
    if isinstance(document, dict):
        records: Iterable[Any] = [document]
        single = True
    elif isinstance(document, list):
        records, single = document, False
    else:
        yield InputError(
            Errors.E112,
            source=source,
            reason=f"expected an article object or an array of them, got {json_type(document)}",
        )
        return
    for number, record in enumerate(records, start=1):
        where = "the document" if single else f"record {number}"
        label = source if single else f"{source}#{number}"
        default_id = stem if single else f"{stem}-{number}"
        try:
            yield article_from_record(record, source, where, label, default_id, options)
        except InputError as exc:
            yield exc


def article_from_record(
    record: Any, source: str, where: str, label: str, default_id: str, options: ReadOptions
) -> Article:
    """An Article from one JSON object or CSV row (E014, E018 when it does not make one)."""
    if not isinstance(record, dict):
        raise InputError(
            Errors.E018,
            source=source,
            where=where,
            reason=f"expected a JSON object, got {json_type(record)}",
        )
    names = options.columns.roles()
    values: dict[str, str | None] = {}
    for role in _ROLES[1:]:
        name = names[role]
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(
                Errors.E018,
                source=source,
                where=where,
                reason=f"field {name!r} must be a string, not {json_type(value)}",
            )
        values[role] = value
    raw_id = record.get(names["id"])
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
            where=where,
            reason=f"field {names['id']!r} must be a string or an integer, not {json_type(raw_id)}",
        )
    text, html = values["text"], values["html"]
    if not (text and text.strip()) and not (html and html.strip()):
        fields = f"{names['text']!r} or {names['html']!r}"
        raise InputError(Errors.E014, source=source, where=where, fields=fields)
    return Article(
        id=article_id,
        text=text,
        html=html,
        title=values["title"],
        published=values["published"] or options.default_date,
        url=values["url"],
        source=label,
    )


def json_type(value: object) -> str:
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
