"""Opening inputs as byte streams (gzip-compressed or not) and reading them in bounded pieces.

Nothing here reads a whole file unless asked to: lines are read one at a time with a size
limit, so memory does not grow with the size of an input.
"""

from __future__ import annotations

import gzip
import io
import typing
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import Errors, InputError
from .encoding import SNIFF_BYTES, choose_encoding, decode_error, is_wide

GZIP_SUFFIX = ".gz"
CHUNK = 1 << 16
# What a damaged or truncated gzip stream raises while it is read.
GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


def is_gzip(path: Path) -> bool:
    return path.suffix.lower() == GZIP_SUFFIX


def open_binary(path: Path) -> BinaryIO:
    """The file's bytes, decompressed when its name ends in .gz (OSError when unreadable)."""
    if is_gzip(path):
        return typing.cast(BinaryIO, gzip.open(path, "rb"))
    return path.open("rb")


def gzip_error(exc: BaseException, source: str) -> InputError:
    reason = str(exc) or type(exc).__name__
    if isinstance(exc, EOFError):
        reason = "it ends before the end of the compressed data"
    return InputError(Errors.E111, source=source, reason=reason)


def read_whole(path: Path, source: str, max_bytes: int) -> bytes:
    """All of a file's (decompressed) bytes, refusing more than `max_bytes` (E019, E111, E021)."""
    try:
        if not is_gzip(path):
            size = path.stat().st_size
            if size > max_bytes:
                raise InputError(Errors.E019, source=source, size=size, limit=max_bytes)
            return path.read_bytes()
        with open_binary(path) as stream:
            data = stream.read(max_bytes + 1)
    except GZIP_ERRORS as exc:
        raise gzip_error(exc, source) from None
    except OSError as exc:
        raise InputError(Errors.E021, source=source, reason=exc.strerror or str(exc)) from None
    if len(data) > max_bytes:
        raise InputError(
            Errors.E019,
            source=source,
            size=f"more than {max_bytes} (uncompressed)",
            limit=max_bytes,
        )
    return data


def read_lines(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[bytes | InputError]:
    """The stream's lines (with their newline), one at a time.

    A line longer than `max_bytes` is skipped with an E120 error in its place (line numbers
    stay right). A damaged gzip stream ends the lines with an E111 error.
    """
    number = 0
    try:
        while True:
            line = stream.readline(max_bytes + 1)
            if not line:
                return
            number += 1
            if len(line) > max_bytes and not line.endswith(b"\n"):
                size = len(line) + _skip_line(stream)
                yield InputError(
                    Errors.E120,
                    source=source,
                    where=f"line {number}",
                    size=size,
                    limit=max_bytes,
                )
                continue
            yield line
    except GZIP_ERRORS as exc:
        yield gzip_error(exc, f"{source}: after line {number}")
    except OSError as exc:
        yield InputError(Errors.E021, source=source, reason=exc.strerror or str(exc))


def _skip_line(stream: BinaryIO) -> int:
    """Read past the rest of an over-long line; the number of bytes skipped."""
    skipped = 0
    while True:
        piece = stream.readline(CHUNK)
        skipped += len(piece)
        if not piece or piece.endswith(b"\n"):
            return skipped


class _Prefixed(io.RawIOBase):
    """Bytes already read from a stream, then the rest of the stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._head:
            size = min(len(view), len(self._head))
            view[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._rest.close()
        super().close()


def sniff(stream: BinaryIO, size: int) -> tuple[bytes, BinaryIO]:
    """The first `size` bytes of a stream, and a stream that still starts at its beginning."""
    head = stream.read(size)
    return head, io.BufferedReader(_Prefixed(head, stream), buffer_size=CHUNK)


def text_lines(
    stream: BinaryIO, source: str, encoding: str | None, max_bytes: int
) -> Iterator[tuple[int, str | InputError]]:
    """(line number, text) for each line of a byte stream, or the line's error.

    The encoding is chosen from the first bytes (encoding.choose_encoding); a line that
    does not decode is an error of its own and the lines after it are still read. An error
    that stops the whole stream (binary data, damaged gzip) comes with line number 0.
    """
    try:
        head, stream = sniff(stream, SNIFF_BYTES)
    except GZIP_ERRORS as exc:
        yield 0, gzip_error(exc, source)
        return
    except OSError as exc:
        yield 0, InputError(Errors.E021, source=source, reason=exc.strerror or str(exc))
        return
    try:
        chosen = choose_encoding(head, source, encoding, whole=len(head) < SNIFF_BYTES)
    except InputError as exc:
        yield 0, exc
        return
    if is_wide(chosen):
        yield from _wide_lines(stream, source, chosen)
        return
    number = 0
    for line in read_lines(stream, source, max_bytes):
        number += 1
        if isinstance(line, InputError):
            yield (number if line.error is Errors.E120 else 0), line
            continue
        codec = chosen if number == 1 else "utf-8" if chosen == "utf-8-sig" else chosen
        try:
            yield number, line.decode(codec)
        except UnicodeDecodeError as exc:
            yield number, decode_error(exc, codec, f"{source}: line {number}")


def _wide_lines(
    stream: BinaryIO, source: str, encoding: str
) -> Iterator[tuple[int, str | InputError]]:
    wrapper = io.TextIOWrapper(stream, encoding=encoding, newline="")
    number = 0
    try:
        for number, line in enumerate(wrapper, start=1):
            yield number, line
    except UnicodeDecodeError as exc:
        yield number + 1, decode_error(exc, encoding, f"{source}: line {number + 1}")
    except GZIP_ERRORS as exc:
        yield 0, gzip_error(exc, source)
