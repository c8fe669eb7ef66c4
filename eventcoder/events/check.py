"""Checking the lexicon: the problems `eventcoder lexicon check` reports.

- error: a malformed row or pattern, or a CAMEO code the ontology does not know
- error: a conflict (the same pattern with two different codes: only the first can win)
- warning: a duplicate (the same pattern and code twice)
- warning: an entry that can never fire (a non-reciprocal event noun with no TARGET can only
  get a target from "between X and Y"; a pattern shadowed by an identical one above it)
- info: CAMEO codes that no entry produces
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataFileError
from ..ontology import Ontology
from ..tsv import read_tsv
from .lexicon import AUXILIARY_FILES, CODE_RE, PatternError, packaged_folder, parse_pattern


@dataclass(frozen=True, slots=True)
class Problem:
    severity: str  # error, warning, info
    where: str  # file:line, or "" for the lexicon as a whole
    message: str

    def __str__(self) -> str:
        return f"{self.severity:7} {self.where + ': ' if self.where else ''}{self.message}"


@dataclass(slots=True)
class CheckResult:
    entries: int
    files: int
    codes_covered: int
    codes_total: int
    problems: list[Problem]

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")


def _key(pos: str, pattern: str) -> tuple[str, str]:
    """Patterns equal up to the order of alternatives are the same pattern."""
    words = [
        ("[" if w.startswith("[") else "")
        + "|".join(sorted(w.strip("[]").split("|")))
        + ("]" if w.endswith("]") else "")
        for w in pattern.split()
    ]
    return pos, " ".join(words)


def check_lexicon(
    ontology: Ontology, folders: Iterable[Path] = (), builtin: bool = True
) -> CheckResult:
    paths: list[Path] = []
    for folder in ([packaged_folder()] if builtin else []) + [Path(f) for f in folders]:
        paths.extend(p for p in sorted(folder.glob("*.tsv")) if p.name not in AUXILIARY_FILES)
    problems: list[Problem] = []
    reciprocal = frozenset(
        r.get("lemma")
        for r in read_tsv(packaged_folder() / "reciprocal.tsv", ("lemma", "kind"))
        if r.get("kind") == "event"
    )
    seen: dict[tuple[str, str], tuple[str, str]] = {}  # key -> (code, where)
    covered: set[str] = set()
    entries = 0
    for path in paths:
        try:
            rows = list(read_tsv(path, ("code", "pos", "pattern")))
        except DataFileError as exc:
            problems.append(Problem("error", path.name, str(exc)))
            continue
        for row in rows:
            where = f"{path.name}:{row.line}"
            code, pos, pattern = (
                row.get("code"),
                row.get("pos"),
                " ".join(row.get("pattern").split()),
            )
            entries += 1
            if not CODE_RE.match(code):
                problems.append(Problem("error", where, f"malformed CAMEO code {code!r}"))
                continue
            if code not in ontology:
                problems.append(Problem("error", where, f"unknown CAMEO code {code}"))
            if pos not in {"V", "N"}:
                problems.append(Problem("error", where, f"pos must be V or N, not {pos!r}"))
                continue
            try:
                _, _, after = parse_pattern(pattern)
            except PatternError as exc:
                problems.append(Problem("error", where, f"pattern {pattern!r}: {exc}"))
                continue
            covered.add(code)
            key = _key(pos, pattern)
            if key in seen:
                first_code, first_where = seen[key]
                if first_code == code:
                    problems.append(
                        Problem("warning", where, f"duplicate of {first_where} ({pos} {pattern!r})")
                    )
                else:
                    problems.append(
                        Problem(
                            "error",
                            where,
                            f"conflict: {pos} {pattern!r} is {code} here but "
                            f"{first_code} at {first_where}; this entry can never fire",
                        )
                    )
                continue
            seen[key] = (code, where)
            trigger_words, _, _ = parse_pattern(pattern)
            if (
                pos == "N"
                and not any(i.slot == "TARGET" for i in after)
                and not trigger_words & reciprocal
            ):
                problems.append(
                    Problem(
                        "warning",
                        where,
                        f"event noun {pattern!r} has no TARGET and is not reciprocal: it can "
                        "only fire with 'between X and Y'",
                    )
                )
    # a root category (01 .. 20) is produced through its codes (010 "not specified below", ...)
    covered |= {code[:2] for code in covered}
    all_codes = [c.code for c in ontology]
    for code in all_codes:
        if code not in covered:
            problems.append(
                Problem("info", "", f"no entry produces CAMEO {code} ({ontology[code].name})")
            )
    return CheckResult(entries, len(paths), len(covered & set(all_codes)), len(all_codes), problems)
