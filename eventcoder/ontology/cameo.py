"""The CAMEO event ontology with Goldstein scores and PLOVER 2021 types.

The tables live in ``eventcoder/data/ontology/`` (see docs/data-files.md):

* ``cameo.tsv``: ``code name goldstein plover mode context note``, one row per CAMEO code;
* ``plover.tsv``: ``type modes description``, the PLOVER event types and their modes;
* ``plover_contexts.tsv``: ``context description``, the PLOVER contexts in use.

Every row is validated on load; a bad row raises :class:`OntologyError` (a ``ValueError``)
naming the file and line.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType

from ..errors import DataFileError
from ..tsv import Row, read_tsv

CAMEO_FILE = "cameo.tsv"
PLOVER_FILE = "plover.tsv"
CONTEXTS_FILE = "plover_contexts.tsv"

_CODE = re.compile(r"[0-9]{2,4}")
_TYPE = re.compile(r"[A-Z]+")
_WORD = re.compile(r"[a-z][a-z0-9_-]*")


class OntologyError(ValueError):
    """A row of an ontology table is malformed; the message names the file and line."""

    def __init__(self, source: str, line: int, reason: str) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        super().__init__(f"{source}: line {line}: {reason}")


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code. ``plover``, ``mode`` and ``context`` are None when absent."""

    code: str
    name: str
    root: str
    quad: int
    goldstein: float
    plover: str | None
    mode: str | None
    context: str | None

    @property
    def contexts(self) -> tuple[str, ...]:
        """The PLOVER contexts (a cell may hold several, ``|``-separated)."""
        return tuple(self.context.split("|")) if self.context else ()


def quad_class(root: str) -> int:
    """The quad class of a CAMEO root: 1 verbal cooperation (01-05), 2 material cooperation
    (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20)."""
    if len(root) != 2 or not root.isdigit() or not 1 <= int(root) <= 20:
        raise ValueError(f"not a CAMEO root code: {root!r}")
    number = int(root)
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    if number <= 13:
        return 3
    return 4


@dataclass(frozen=True, slots=True)
class _Row:
    """A row of the shared TSV reader whose errors are OntologyErrors."""

    row: Row

    def __getitem__(self, column: str) -> str:
        return self.row.get(column)

    def error(self, reason: str) -> OntologyError:
        return OntologyError(self.row.source, self.row.line, reason)


def _rows(table: Traversable, columns: tuple[str, ...]) -> Iterator[_Row]:
    """The data rows of a TSV table (eventcoder.tsv), with errors as OntologyErrors."""
    path = Path(str(table))
    if not path.is_file():
        raise OntologyError(str(path), 0, "no such file")
    try:
        for row in read_tsv(path, columns):
            yield _Row(row)
    except DataFileError as exc:
        raise OntologyError(
            str(exc.kwargs.get("source", path)),
            int(str(exc.kwargs.get("line", 0))),
            str(exc.kwargs.get("reason", exc)),
        ) from exc


def _read_plover(table: Traversable) -> dict[str, tuple[str, ...]]:
    types: dict[str, tuple[str, ...]] = {}
    for row in _rows(table, ("type", "modes")):
        name = row["type"]
        if not _TYPE.fullmatch(name):
            raise row.error(f"bad PLOVER type {name!r} (expected upper-case letters)")
        if name in types:
            raise row.error(f"duplicate PLOVER type {name}")
        modes = tuple(m.strip() for m in row["modes"].split("|") if m.strip())
        for mode in modes:
            if not _WORD.fullmatch(mode):
                raise row.error(f"bad mode {mode!r} for {name}")
        if len(set(modes)) != len(modes):
            raise row.error(f"duplicate mode for {name}")
        types[name] = modes
    return types


def _read_contexts(table: Traversable) -> dict[str, str]:
    contexts: dict[str, str] = {}
    for row in _rows(table, ("context",)):
        name = row["context"]
        if not _WORD.fullmatch(name):
            raise row.error(f"bad context {name!r}")
        if name in contexts:
            raise row.error(f"duplicate context {name}")
        contexts[name] = row["description"]
    return contexts


def _parse_code(
    row: _Row, types: Mapping[str, tuple[str, ...]], contexts: Mapping[str, str]
) -> CameoCode:
    code = row["code"]
    if not _CODE.fullmatch(code):
        raise row.error(f"bad CAMEO code {code!r} (expected 2 to 4 digits)")
    root = code[:2]
    try:
        quad = quad_class(root)
    except ValueError as exc:
        raise row.error(f"code {code}: root {root} is not 01 to 20") from exc
    name = row["name"]
    if not name:
        raise row.error(f"code {code} has no name")
    try:
        goldstein = float(row["goldstein"])
    except ValueError as exc:
        raise row.error(f"code {code}: goldstein {row['goldstein']!r} is not a number") from exc
    if not math.isfinite(goldstein) or not -10.0 <= goldstein <= 10.0:
        raise row.error(f"code {code}: goldstein {goldstein} is outside [-10, 10]")
    plover = row["plover"] or None
    mode = row["mode"] or None
    context = row["context"] or None
    if plover is None:
        if mode or context:
            raise row.error(f"code {code} has a PLOVER mode or context but no type")
    elif plover not in types:
        raise row.error(f"code {code}: unknown PLOVER type {plover!r}")
    elif mode is not None and mode not in types[plover]:
        raise row.error(f"code {code}: mode {mode!r} is not a mode of {plover}")
    if context is not None:
        parts = [part.strip() for part in context.split("|")]
        unknown = [part for part in parts if part not in contexts]
        if unknown:
            raise row.error(f"code {code}: unknown PLOVER context {', '.join(unknown)}")
        context = "|".join(parts)
    return CameoCode(code, name, root, quad, goldstein, plover, mode, context)


class Ontology:
    """CAMEO codes (in code order) with their PLOVER types; immutable once loaded."""

    __slots__ = ("_codes", "_contexts", "_types")

    def __init__(
        self,
        codes: Mapping[str, CameoCode],
        types: Mapping[str, tuple[str, ...]],
        contexts: Mapping[str, str],
    ) -> None:
        self._codes: Mapping[str, CameoCode] = MappingProxyType(
            {key: codes[key] for key in sorted(codes)}
        )
        self._types: Mapping[str, tuple[str, ...]] = MappingProxyType(dict(types))
        self._contexts: Mapping[str, str] = MappingProxyType(dict(contexts))

    @classmethod
    def load(cls, directory: Path | None = None) -> Ontology:
        """Read and validate the three tables from `directory` (default: the packaged data)."""
        folder: Traversable = (
            resources.files("eventcoder.data").joinpath("ontology")
            if directory is None
            else directory
        )
        types = _read_plover(folder.joinpath(PLOVER_FILE))
        contexts = _read_contexts(folder.joinpath(CONTEXTS_FILE))
        codes: dict[str, CameoCode] = {}
        rows: dict[str, _Row] = {}
        for row in _rows(folder.joinpath(CAMEO_FILE), ("code", "name", "goldstein", "plover")):
            entry = _parse_code(row, types, contexts)
            if entry.code in codes:
                raise row.error(
                    f"duplicate code {entry.code} (first on line {rows[entry.code].row.line})"
                )
            codes[entry.code] = entry
            rows[entry.code] = row
        for code, row in rows.items():
            parent = code[:-1] if len(code) > 2 else None
            if parent is not None and parent not in codes:
                raise row.error(f"code {code}: parent code {parent} is missing")
        return cls(codes, types, contexts)

    def __getitem__(self, code: str) -> CameoCode:
        return self._codes[code]

    def get(self, code: str) -> CameoCode | None:
        return self._codes.get(code)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._codes

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)

    def __repr__(self) -> str:
        return f"<Ontology: {len(self._codes)} CAMEO codes, {len(self._types)} PLOVER types>"

    def roots(self) -> tuple[CameoCode, ...]:
        """The 20 two-digit root codes."""
        return tuple(entry for entry in self if len(entry.code) == 2)

    def children(self, code: str) -> tuple[CameoCode, ...]:
        """The codes one level below `code` (``"19"`` -> 190 ... 196)."""
        return tuple(
            entry
            for entry in self
            if len(entry.code) == len(code) + 1 and entry.code.startswith(code)
        )

    def plover_types(self) -> dict[str, tuple[str, ...]]:
        """PLOVER type -> its modes, in table order."""
        return dict(self._types)

    def plover_contexts(self) -> dict[str, str]:
        """PLOVER context -> description."""
        return dict(self._contexts)


@functools.lru_cache(maxsize=1)
def default_ontology() -> Ontology:
    """The packaged ontology, loaded once."""
    return Ontology.load()
