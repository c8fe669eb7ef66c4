"""Reading the project's TSV data files (see docs/data-files.md)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import DataFileError, Errors


@dataclass(frozen=True, slots=True)
class Row:
    source: str
    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "")

    def alternatives(self, column: str) -> list[str]:
        return [v.strip() for v in self.get(column).split("|") if v.strip()]

    def error(self, reason: str) -> DataFileError:
        return DataFileError(Errors.E030, source=self.source, line=self.line, reason=reason)


def read_tsv(path: Path, required: tuple[str, ...] = ()) -> Iterator[Row]:
    """Yield the rows of a TSV data file: `#` comments and blank lines skipped, header first."""
    header: list[str] | None = None
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                missing = [c for c in required if c not in header]
                if missing:
                    raise DataFileError(
                        Errors.E030,
                        source=str(path),
                        line=number,
                        reason=f"header lacks column(s) {', '.join(missing)}",
                    )
                continue
            if len(cells) > len(header):
                raise DataFileError(
                    Errors.E030,
                    source=str(path),
                    line=number,
                    reason=f"{len(cells)} cells but the header has {len(header)} columns",
                )
            values = {
                name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)
            }
            yield Row(str(path), number, values)
