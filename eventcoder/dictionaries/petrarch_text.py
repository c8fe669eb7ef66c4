"""Reading PETRARCH / TABARI dictionary text, and writing our TSV files.

Shared by the verb, actor and agent importers: comments (`#`, the legacy `;`, and
`<!-- ... -->` spanning lines), phrase strings (`WORDS_JOINED_BY_UNDERSCORES_`), dates
(`YYMMDD` or `YYYYMMDD`) and errors that name the file and line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import DataFileError, Errors


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line of a dictionary file with its comments removed (leading whitespace kept)."""

    number: int
    text: str


def read_lines(path: Path) -> Iterator[SourceLine]:
    """The lines of `path` without comments; blank results are skipped."""
    raw = path.read_bytes()
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError:
        content = raw.decode("latin-1")  # TABARI-era files; every byte decodes
    in_comment = False
    for number, line in enumerate(content.splitlines(), start=1):
        kept: list[str] = []
        rest = line
        while rest:
            if in_comment:
                end = rest.find("-->")
                if end < 0:
                    break
                rest, in_comment = rest[end + 3 :], False
            else:
                start = rest.find("<!--")
                if start < 0:
                    kept.append(rest)
                    break
                kept.append(rest[:start])
                rest, in_comment = rest[start + 4 :], True
        text = "".join(kept)
        cut = [i for i in (text.find("#"), text.find(";")) if i >= 0]
        if cut:
            text = text[: min(cut)]
        text = text.rstrip()
        if text.strip():
            yield SourceLine(number, text)


def line_error(path: Path | str, line: int, kind: str, reason: str) -> DataFileError:
    return DataFileError(Errors.E050, source=str(path), line=line, kind=kind, reason=reason)


def phrase_text(phrase: str) -> str:
    """A PETRARCH phrase string as our files write names: lowercase, words separated by one
    space (`_` and blanks both separate words), trailing `_` dropped, control characters
    removed. `VIRGILIO_ FONTES_PEREIRA_` -> `virgilio fontes pereira`."""
    cleaned = "".join(c for c in phrase if unicodedata.category(c) != "Cc")
    return " ".join(cleaned.replace("_", " ").split()).lower()


def parse_date(text: str, today: date | None = None) -> date:
    """`YYMMDD` or `YYYYMMDD`; ValueError otherwise. A 6-digit date is 20YY when YY < 50,
    else 19YY, except that a 20YY after the current year is read as 19YY: dictionaries
    hold no future dates (`[AFGELI 320101-331108]` is 1932-1933, not 2032-2033)."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy < 50 else 1900 + yy
        if year > (today or date.today()).year:
            year -= 100
        return date(year, int(text[2:4]), int(text[4:6]))
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


TSV_UNSAFE = re.compile(r"[\t\r\n|]")


def cell_safe(text: str) -> bool:
    """Whether a value can be written as one alternative of a TSV cell."""
    return bool(text) and not TSV_UNSAFE.search(text)


def write_tsv(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[str]], comments: Sequence[str] = ()
) -> int:
    """Write a TSV file in our format (comment lines, header, rows); returns the row count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for comment in comments:
            handle.write(f"# {comment}\n")
        handle.write("\t".join(header) + "\n")
        for row in rows:
            if len(row) != len(header) or any(TSV_UNSAFE.search(c.replace("|", "")) for c in row):
                raise ValueError(f"row does not fit {path.name}: {row!r}")
            handle.write("\t".join(row) + "\n")
            count += 1
    return count
