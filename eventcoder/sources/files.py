"""Reading articles from files, folders, URLs and standard input.

:func:`read_inputs` never stops at a bad input: it yields an :class:`InputError` for each
file (or line, row, record) it cannot read and carries on with the rest, so a caller can
report every problem in one run. Formats and options: docs/sources.md.
"""

from __future__ import annotations

import fnmatch
import logging
import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import Errors, InputError
from ..records import Article
from .encoding import decode
from .options import Columns, FetchOptions, ReadOptions
from .streams import GZIP_ERRORS, GZIP_SUFFIX, gzip_error, open_binary, read_whole
from .tabular import jsonl_line, read_csv, read_json, read_jsonl

log = logging.getLogger(__name__)

# Input kinds by file name suffix (after a .gz suffix, if any).
KINDS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
INPUT_SUFFIXES = frozenset(KINDS)
URL_PREFIXES = ("http://", "https://")

STDIN = "-"
STDIN_SOURCE = "<stdin>"
STDIN_ID = "stdin"


def read_inputs(
    paths: Sequence[str],
    default_date: str | None = None,
    max_bytes: int = 50_000_000,
    *,
    encoding: str | None = None,
    recursive: bool = True,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    columns: Columns | None = None,
    fetch: FetchOptions | None = None,
) -> Iterator[Article | InputError]:
    """Yield an Article for each article found in `paths`, or an InputError per bad input.

    Each path may be a file (``.txt``, ``.html``, ``.json``, ``.jsonl``, ``.csv``, ``.tsv``,
    ``.warc``, a feed ``.rss``/``.atom``/``.xml``; any of them ``.gz``), a folder (its input
    files except feeds, sorted; with subfolders unless `recursive` is False; `include` and
    `exclude` globs on the path relative to the folder), an http(s) URL (a feed, whose
    articles are fetched, or one page), or ``-`` for standard input. `default_date` fills
    ``published`` where the input gives no date of its own; files larger than `max_bytes`
    are refused unread. Formats, options and errors: docs/sources.md.
    """
    options = ReadOptions(
        default_date=default_date,
        max_bytes=max_bytes,
        encoding=encoding,
        recursive=recursive,
        include=tuple(include),
        exclude=tuple(exclude),
        columns=columns or Columns(),
        fetch=fetch or FetchOptions(),
    )
    yield from read_with(paths, options)


def read_with(paths: Sequence[str], options: ReadOptions) -> Iterator[Article | InputError]:
    """read_inputs with its options in one record."""
    fetcher = None
    try:
        for raw in paths:
            if raw == STDIN:
                yield from _read_stdin(options)
                continue
            if raw.lower().startswith(URL_PREFIXES):
                from .feeds import read_url
                from .fetch import Fetcher

                fetcher = fetcher or Fetcher(options.fetch, options.max_bytes)
                yield from read_url(raw, fetcher, options)
                continue
            path = Path(raw)
            if path.is_dir():
                yield from _read_directory(path, options)
            elif not path.exists():
                yield InputError(Errors.E015, source=raw)
            else:
                yield from _read_file(path, input_id(path), options)
    finally:
        if fetcher is not None:
            fetcher.close()


def kind_of(path: Path) -> str | None:
    """The input kind a file name says ("text", "jsonl", ...), None when unsupported."""
    name = path.name.lower()
    if name.endswith(GZIP_SUFFIX):
        name = name[: -len(GZIP_SUFFIX)]
    return KINDS.get(os.path.splitext(name)[1])


def input_id(path: Path, relative: str | None = None) -> str:
    """An article id from a file: its path (relative to the folder read) without suffixes."""
    name = relative if relative is not None else path.name
    lowered = name.lower()
    if lowered.endswith(GZIP_SUFFIX):
        name = name[: -len(GZIP_SUFFIX)]
    stem, suffix = os.path.splitext(name)
    return stem if suffix.lower() in KINDS else name


def _read_directory(path: Path, options: ReadOptions) -> Iterator[Article | InputError]:
    try:
        found, skipped, filtered = _walk(path, options)
    except OSError as exc:
        yield InputError(Errors.E021, source=str(path), reason=exc.strerror or str(exc))
        return
    if skipped:
        kinds = ", ".join(sorted(skipped))
        log.warning(
            "%s: passed over %d file(s) of types not read in folders (%s)",
            path,
            sum(skipped.values()),
            kinds,
        )
    if not found:
        detail = f" ({filtered} left out by --include/--exclude)" if filtered else ""
        yield InputError(Errors.E020, source=str(path), detail=detail)
        return
    ids = [input_id(file, relative) for file, relative in found]
    repeated = {i for i, n in Counter(ids).items() if n > 1}
    for (file, relative), file_id in zip(found, ids, strict=True):
        # a.txt and a.html in one folder keep their suffixes so their ids differ
        yield from _read_file(file, relative if file_id in repeated else file_id, options)


def _walk(path: Path, options: ReadOptions) -> tuple[list[tuple[Path, str]], Counter[str], int]:
    """(file, path relative to the folder) of the input files, sorted by relative path;
    the suffixes of unsupported files; how many files the globs left out."""
    found: list[tuple[Path, str]] = []
    skipped: Counter[str] = Counter()
    filtered = 0

    def fail(exc: OSError) -> None:
        raise exc

    for top, dirs, files in os.walk(path, onerror=fail):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")) if options.recursive else []
        for name in files:
            if name.startswith("."):
                continue
            file = Path(top) / name
            relative = file.relative_to(path).as_posix()
            kind = kind_of(file)
            if kind is None or kind == "feed":  # feeds fetch from the web: only when named
                skipped[Path(name).suffix.lower() or "no suffix"] += 1
                continue
            if not _wanted(relative, options):
                filtered += 1
                continue
            if file.is_file():
                found.append((file, relative))
    found.sort(key=lambda item: item[1])
    return found, skipped, filtered


def _wanted(relative: str, options: ReadOptions) -> bool:
    name = relative.rsplit("/", 1)[-1]

    def matches(pattern: str) -> bool:
        return fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(name, pattern)

    if options.include and not any(matches(p) for p in options.include):
        return False
    return not any(matches(p) for p in options.exclude)


def _read_file(path: Path, file_id: str, options: ReadOptions) -> Iterator[Article | InputError]:
    """The file's articles and errors; E122 when it yields neither (a JSON array `[]`, a
    CSV file with only its header row, a JSONL file of blank lines)."""
    found = False
    for item in _read_kind(path, file_id, options):
        found = True
        yield item
    if not found:
        yield InputError(Errors.E122, source=str(path))


def _read_kind(path: Path, file_id: str, options: ReadOptions) -> Iterator[Article | InputError]:
    source = str(path)
    kind = kind_of(path)
    if kind is None:
        yield InputError(Errors.E016, source=source, suffix="".join(path.suffixes) or path.name)
        return
    if kind in {"jsonl", "csv", "tsv"}:
        yield from _read_stream(path, source, file_id, kind, options)
        return
    if kind == "warc":
        from .warc import read_warc

        yield from read_warc(path, source, file_id, options)
        return
    try:
        data = read_whole(path, source, options.max_bytes)
    except InputError as exc:
        yield exc
        return
    if kind == "json":
        yield from read_json(data, source, file_id, options)
        return
    if kind == "feed":
        from .feeds import read_feed_file

        yield from read_feed_file(data, source, options)
        return
    try:
        text = decode(data, source, options.encoding)
    except InputError as exc:
        yield exc
        return
    if kind == "html":
        yield Article(id=file_id, html=text, published=options.default_date, source=source)
    else:
        yield Article(id=file_id, text=text, published=options.default_date, source=source)


def _read_stream(
    path: Path, source: str, file_id: str, kind: str, options: ReadOptions
) -> Iterator[Article | InputError]:
    try:
        stream = open_binary(path)
    except OSError as exc:
        yield InputError(Errors.E021, source=source, reason=exc.strerror or str(exc))
        return
    try:
        with stream:
            if kind == "jsonl":
                yield from read_jsonl(stream, source, file_id, options)
            else:
                delimiter = "\t" if kind == "tsv" else ","
                yield from read_csv(stream, source, file_id, options, delimiter)
    except GZIP_ERRORS as exc:  # closing a truncated gzip stream
        yield gzip_error(exc, source)


def _read_stdin(options: ReadOptions) -> Iterator[Article | InputError]:
    max_bytes = options.max_bytes
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
        text = decode(data, STDIN_SOURCE, options.encoding)
    except InputError as exc:
        yield exc
        return
    lines = [line.lstrip() for line in text.split("\n") if line.strip()]
    if all(line.startswith("{") for line in lines):
        for number, line in enumerate(text.split("\n"), start=1):
            yield from jsonl_line(line, number, STDIN_SOURCE, STDIN_ID, options)
    elif text.lstrip().startswith("<"):
        yield Article(id=STDIN_ID, html=text, published=options.default_date, source=STDIN_SOURCE)
    else:
        yield Article(id=STDIN_ID, text=text, published=options.default_date, source=STDIN_SOURCE)
