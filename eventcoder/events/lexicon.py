"""The trigger lexicon: loading, indexing and checking (format in docs/lexicon.md)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..tsv import Row, read_tsv

SLOTS = ("TARGET", "SOURCE")
AUXILIARY_FILES = {"speech.tsv", "light_verbs.tsv", "intent.tsv", "reciprocal.tsv"}
CODE_RE = re.compile(r"^\d{2,4}$")
WORD_RE = re.compile(r"^[a-z0-9'’.\-]+(?:\|[a-z0-9'’.\-]+)*$")


@dataclass(frozen=True, slots=True)
class Item:
    """One pattern item: alternative lemmas, or a slot (TARGET / SOURCE)."""

    lemmas: frozenset[str] = frozenset()
    slot: str | None = None

    def __str__(self) -> str:
        return self.slot or "|".join(sorted(self.lemmas))


@dataclass(frozen=True, slots=True)
class Entry:
    code: str
    pos: str  # "V" or "N"
    pattern: str
    trigger: frozenset[str]
    before: tuple[Item, ...]  # items that precede a bracketed trigger (left modifiers)
    after: tuple[Item, ...]  # items after the trigger, in order
    note: str
    source: str  # file:line, so every event can name the entry that fired
    order: int

    @property
    def specificity(self) -> int:
        return len(self.before) + len(self.after)

    @property
    def has_source_slot(self) -> bool:
        return any(i.slot == "SOURCE" for i in self.after)


class PatternError(ValueError):
    pass


def parse_pattern(pattern: str) -> tuple[frozenset[str], tuple[Item, ...], tuple[Item, ...]]:
    """Split a pattern into trigger lemmas, the items before it and the items after it."""
    words = pattern.split()
    if not words:
        raise PatternError("empty pattern")
    bracketed = [k for k, w in enumerate(words) if w.startswith("[") and w.endswith("]")]
    if len(bracketed) > 1:
        raise PatternError("more than one [trigger]")
    at = bracketed[0] if bracketed else 0
    trigger_word = words[at].strip("[]")
    if not WORD_RE.match(trigger_word):
        raise PatternError(f"bad trigger {trigger_word!r}")

    def item(word: str) -> Item:
        if word in SLOTS:
            return Item(slot=word)
        if not WORD_RE.match(word):
            raise PatternError(f"bad word {word!r} (lowercase lemmas, '|' between alternatives)")
        return Item(frozenset(word.split("|")))

    before = tuple(item(w) for w in words[:at])
    after = tuple(item(w) for w in words[at + 1 :])
    if any(i.slot for i in before):
        raise PatternError("TARGET/SOURCE cannot come before the trigger")
    if sum(1 for i in after if i.slot) > 2 or [i.slot for i in after].count("TARGET") > 1:
        raise PatternError("at most one TARGET and one SOURCE")
    return frozenset(trigger_word.split("|")), before, after


@dataclass(slots=True)
class Lexicon:
    entries: list[Entry] = field(default_factory=list)
    index: dict[tuple[str, str], list[Entry]] = field(default_factory=lambda: defaultdict(list))
    light_verbs: frozenset[str] = frozenset()
    intent: dict[str, str] = field(default_factory=dict)  # code -> intent/threat code
    reciprocal: frozenset[str] = frozenset()  # triggers coded in both directions
    joint_verbs: frozenset[str] = frozenset()  # reciprocal with a joint object ("sign a pact")
    joint_objects: frozenset[str] = frozenset()
    mutual: frozenset[str] = frozenset()  # reciprocal between coordinated actors only

    @classmethod
    def load(cls, folders: Iterable[Path] = (), *, builtin: bool = True) -> Lexicon:
        lex = cls()
        paths: list[Path] = []
        if builtin:
            paths.extend(_lexicon_files(packaged_folder()))
        for folder in folders:
            paths.extend(_lexicon_files(Path(folder)))
        for path in paths:
            for row in read_tsv(path, ("code", "pos", "pattern")):
                lex.add_row(row)
        light = packaged_folder() / "light_verbs.tsv"
        lex.light_verbs = frozenset(r.get("lemma") for r in read_tsv(light, ("lemma",)))
        intent = packaged_folder() / "intent.tsv"
        lex.intent = {r.get("code"): r.get("intent") for r in read_tsv(intent, ("code", "intent"))}
        mutual = list(read_tsv(packaged_folder() / "reciprocal.tsv", ("lemma", "kind")))
        lex.reciprocal = frozenset(r.get("lemma") for r in mutual if r.get("kind") == "event")
        lex.joint_verbs = frozenset(r.get("lemma") for r in mutual if r.get("kind") == "verb")
        lex.joint_objects = frozenset(r.get("lemma") for r in mutual if r.get("kind") == "object")
        lex.mutual = frozenset(r.get("lemma") for r in mutual if r.get("kind") == "mutual")
        return lex

    def intent_code(self, code: str) -> str | None:
        """The intent (03) or threat (13) code for a stated future act of `code`."""
        for length in (len(code), 3, 2):
            found = self.intent.get(code[:length])
            if found:
                return found
        return None

    def add_row(self, row: Row) -> Entry:
        code, pos, pattern = row.get("code"), row.get("pos"), row.get("pattern")
        if not CODE_RE.match(code):
            raise row.error(f"malformed CAMEO code {code!r}")
        if pos not in {"V", "N"}:
            raise row.error(f"pos must be V or N, not {pos!r}")
        try:
            trigger, before, after = parse_pattern(pattern)
        except PatternError as exc:
            raise row.error(f"pattern {pattern!r}: {exc}") from exc
        entry = Entry(
            code,
            pos,
            " ".join(pattern.split()),
            trigger,
            before,
            after,
            row.get("note"),
            f"{Path(row.source).name}:{row.line}",
            len(self.entries),
        )
        self.add(entry)
        return entry

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        for lemma in entry.trigger:
            self.index[(entry.pos, lemma)].append(entry)

    def candidates(self, pos: str, lemma: str) -> list[Entry]:
        return self.index.get((pos, lemma), [])

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)


def packaged_folder() -> Path:
    return Path(str(resources.files("eventcoder.data") / "lexicon"))


def _lexicon_files(folder: Path) -> list[Path]:
    return [p for p in sorted(folder.glob("*.tsv")) if p.name not in AUXILIARY_FILES]


@lru_cache(maxsize=8)
def cached_lexicon(folders: tuple[str, ...] = (), builtin: bool = True) -> Lexicon:
    return Lexicon.load([Path(f) for f in folders], builtin=builtin)
