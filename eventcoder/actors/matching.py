"""Finding gazetteer names and agent nouns in a parsed Doc."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .gazetteer import NAME_KINDS, AgentEntry, Gazetteer, NameEntry

_KIND_RANK = {kind: rank for rank, kind in enumerate(NAME_KINDS)}
HYPHENS = {"-", "‐", "–"}


@dataclass(frozen=True, slots=True)
class NameMatch:
    start: int  # token indexes, end exclusive
    end: int
    entries: tuple[NameEntry, ...]

    @property
    def entry(self) -> NameEntry:
        return self.entries[0]


@dataclass(frozen=True, slots=True)
class AgentMatch:
    start: int
    end: int
    entry: AgentEntry


def select_names(
    raw: dict[tuple[int, int], tuple[NameEntry, ...]],
    allow: Callable[[NameEntry], bool] | None = None,
) -> list[NameMatch]:
    spans: list[tuple[int, int, int]] = []
    kept: dict[tuple[int, int], tuple[NameEntry, ...]] = {}
    for key, entries in raw.items():
        if allow is not None:
            entries = tuple(e for e in entries if allow(e))
        if not entries:
            continue
        entries = tuple(sorted(entries, key=lambda e: _KIND_RANK[e.kind]))
        kept[key] = entries
        spans.append((key[0], key[1], _KIND_RANK[entries[0].kind]))
    return [NameMatch(s, e, kept[(s, e)]) for s, e, _ in _longest_first(spans)]


def _longest_first(spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Non-overlapping spans, preferring longer spans then better rank (third element)."""
    taken: set[int] = set()
    kept = []
    for start, end, rank in sorted(spans, key=lambda s: (s[0] - s[1], s[2], s[0])):
        if any(i in taken for i in range(start, end)):
            continue
        taken.update(range(start, end))
        kept.append((start, end, rank))
    return sorted(kept)


class GazetteerMatcher:
    """PhraseMatchers over one vocab: case-sensitive for names, lowercase for agent nouns."""

    def __init__(self, vocab: Vocab, make_doc: Callable[[str], Doc], gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        # Names are case-sensitive on purpose: "Chad", "Turkey", "Jordan", "US" vs "us".
        self.names = PhraseMatcher(vocab, attr="ORTH")
        self.agents = PhraseMatcher(vocab, attr="LOWER")
        # A name written all in lowercase in a data file (imported dictionaries) matches in
        # any capitalisation, as long as the text has a capital letter: "Mohammad Zahir Shah",
        # "MOHAMMAD ZAHIR SHAH", but never the common words "chad" or "us".
        self.caseless = PhraseMatcher(vocab, attr="LOWER")
        self._phrases = list(gazetteer.names)
        for index, phrase in enumerate(self._phrases):
            variants = {phrase, phrase.replace("'", "’"), phrase.replace("’", "'")}
            target = self.caseless if phrase.islower() else self.names
            target.add(str(index), [make_doc(v) for v in sorted(variants)])
        for index, phrase in enumerate(gazetteer.agents):
            self.agents.add("A" + str(index), [make_doc(phrase)])
        self._agent_list = list(gazetteer.agents.values())

    def find_names(
        self, doc: Doc, allow: Callable[[NameEntry], bool] | None = None
    ) -> list[NameMatch]:
        """Longest non-overlapping name matches; `allow` filters entries before choosing."""
        return select_names(self.raw_names(doc), allow)

    def raw_names(self, doc: Doc) -> dict[tuple[int, int], tuple[NameEntry, ...]]:
        """Every name match (overlapping), by token span."""
        hits = list(self.names(doc))
        if len(self.caseless):
            hits += [
                h for h in self.caseless(doc) if any(c.isupper() for c in doc[h[1] : h[2]].text)
            ]
        found: dict[tuple[int, int], tuple[NameEntry, ...]] = {}
        for match_id, start, end in hits:
            phrase = self._phrases[int(doc.vocab.strings[match_id])]
            entries = tuple(
                e
                for e in self.gazetteer.names[phrase]
                if e.kind != "person" or _whole_words(doc, start, end)
            )
            if not entries:
                continue  # "Park Jin" inside "Park Jin-young"
            key = (start, end)
            found[key] = tuple(dict.fromkeys(found.get(key, ()) + entries))
        return found

    def find_agents(self, doc: Doc) -> list[AgentMatch]:
        spans = []
        for match_id, start, end in self.agents(doc):
            spans.append((start, end, int(doc.vocab.strings[match_id][1:])))
        return [AgentMatch(s, e, self._agent_list[i]) for s, e, i in _longest_first(spans)]


def _whole_words(doc: Doc, start: int, end: int) -> bool:
    """The span does not start or end in the middle of a hyphenated word."""
    before_ok = start == 0 or bool(doc[start - 1].whitespace_) or doc[start - 1].text not in HYPHENS
    after_ok = end == len(doc) or bool(doc[end - 1].whitespace_) or doc[end].text not in HYPHENS
    return before_ok and after_ok
