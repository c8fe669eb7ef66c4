"""Direct quotations: finding them in text and attributing them to speakers.

Quotations are found on the character level (straight or curly double quotes; a quotation
that runs over a paragraph break continues when the next paragraph reopens it, as news
style does). Attribution uses the parse: the nearest speech verb or noun that governs the
quotation, else a reporting verb right after or before it in the same sentence
("..., he railed"), whose subject is the speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from .actors.resolve import ArticleActors, Mention
from .records import Quote
from .tsv import read_tsv

OPENERS = {"“": "”", "«": "»", "„": "“"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
NEAR_TOKENS = 14  # how far from a quotation to look for "X said"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


@dataclass(frozen=True, slots=True)
class SpeechWords:
    verbs: frozenset[str]
    nouns: frozenset[str]

    @classmethod
    def load(cls, path: Path | None = None) -> SpeechWords:
        path = path or Path(str(resources.files("eventcoder.data") / "lexicon" / "speech.tsv"))
        verbs: set[str] = set()
        nouns: set[str] = set()
        for row in read_tsv(path, ("lemma", "pos")):
            (verbs if row.get("pos") == "VERB" else nouns).add(row.get("lemma").lower())
        return cls(frozenset(verbs), frozenset(nouns))


@lru_cache(maxsize=1)
def default_speech_words() -> SpeechWords:
    return SpeechWords.load()


_STRAIGHT_OPEN = re.compile(r'(?:(?<=^)|(?<=[\s(\[—–-]))"(?=\S)')


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Double-quoted stretches of `text`, including ones that run across paragraphs."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    closer = ""
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if open_at is None:
            if ch in OPENERS:
                open_at, closer = i, OPENERS[ch]
            elif ch == '"' and _STRAIGHT_OPEN.match(text, i):
                open_at, closer = i, '"'
        elif ch == closer or (closer == '"' and ch == "”"):
            spans.append(QuoteSpan(open_at, i + 1))
            open_at = None
        elif ch == "\n" and text.startswith("\n\n", i):
            # A paragraph break inside an open quotation: it continues only if the next
            # paragraph reopens it; otherwise the quotation was never closed: drop it.
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j < n and (text[j] in OPENERS or text[j] == '"'):
                i = j + 1
                continue
            open_at = None
        i += 1
    return [s for s in spans if s.end - s.start > 2]


class QuoteAttributor:
    """Attributes the quotations of one Doc to the actors the resolver found."""

    def __init__(
        self, doc: Doc, actors: ArticleActors, speech: SpeechWords, spans: Iterable[QuoteSpan]
    ) -> None:
        self.doc = doc
        self.actors = actors
        self.speech = speech
        self.spans = list(spans)

    def run(self) -> list[tuple[QuoteSpan, Quote, Mention | None]]:
        out: list[tuple[QuoteSpan, Quote, Mention | None]] = []
        for span in self.spans:
            inside = self.doc.char_span(span.start, span.end, alignment_mode="expand")
            if inside is None or len(inside) == 0:
                continue
            found = self._attribute(span, inside)
            if found is None:
                continue
            verb, speaker, rule = found
            a, b = span.inner
            text = self.doc.text[a:b].strip()
            out.append((span, Quote(text, a, b, speaker.actor, verb.lemma_, rule), speaker))
        return out

    # -- attribution ---------------------------------------------------------------------
    def _attribute(self, span: QuoteSpan, inside: Span) -> tuple[Token, Mention, str] | None:
        inner = set(range(inside.start, inside.end))
        governed = self._governing_speech(inside, inner)
        if governed is not None:
            speaker = self._speaker(governed, inner)
            if speaker is not None:
                return governed, speaker, "quote:governed-by-speech-word"
        after = self._nearby_verb(inside.end, +1, inner)
        if after is not None:
            return after[0], after[1], "quote:speaker-after"
        before = self._nearby_verb(inside.start - 1, -1, inner)
        if before is not None:
            return before[0], before[1], "quote:speaker-before"
        return None

    def _is_speech(self, token: Token) -> bool:
        lemma = token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"}:
            return lemma in self.speech.verbs
        return token.pos_ == "NOUN" and lemma in self.speech.nouns

    def _governing_speech(self, inside: Span, inner: set[int]) -> Token | None:
        """Walk up from the quotation's outermost tokens to the nearest speech word outside."""
        for token in inside:
            if token.head.i in inner and token.head.i != token.i:
                continue
            node, steps = token.head, 0
            while steps < 8:
                if node.i not in inner and self._is_speech(node):
                    return node
                if node.head.i == node.i:
                    break
                node, steps = node.head, steps + 1
        return None

    def _speaker(self, word: Token, inner: set[int]) -> Mention | None:
        """The subject of a speech verb (inherited through conjunctions and participles), or
        for a speech noun the possessor or the subject of the verb it hangs on."""
        node = word
        for _ in range(4):
            for child in node.children:
                if child.i in inner:
                    continue
                if child.dep_ in SUBJECT_DEPS or (node.pos_ == "NOUN" and child.dep_ == "poss"):
                    mention = self._mention_for(child)
                    if mention is not None:
                        return mention
                if child.dep_ == "agent":
                    for pobj in child.children:
                        mention = self._mention_for(pobj)
                        if mention is not None:
                            return mention
            if (
                node.dep_ in {"conj", "advcl", "xcomp", "dobj", "pobj", "acl", "ccomp"}
                and node.head.i != node.i
            ):
                node = node.head
            else:
                break
        return None

    def _mention_for(self, token: Token) -> Mention | None:
        mention = self.actors.at(token)
        if mention is not None:
            return mention
        for conj in token.conjuncts:
            mention = self.actors.at(conj)
            if mention is not None:
                return mention
        return None

    def _nearby_verb(self, start: int, step: int, inner: set[int]) -> tuple[Token, Mention] | None:
        """'..., X said' / 'said X' right after the quotation (or 'X said: ...' right before),
        within the same sentence as the quotation's edge."""
        if not 0 <= start < len(self.doc):
            return None
        sent = self.doc[start].sent
        i, seen = start, 0
        while sent.start <= i < sent.end and seen < NEAR_TOKENS:
            token = self.doc[i]
            if i in inner or token.text in OPENERS or token.text == '"':
                break
            if token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in self.speech.verbs:
                mention = self._speaker(token, inner) or self._adjacent_mention(token, inner)
                return (token, mention) if mention is not None else None
            i += step
            seen += 1
        return None

    def _adjacent_mention(self, verb: Token, inner: set[int]) -> Mention | None:
        """A speaker the parse did not attach: the nearest mention next to the verb."""
        sent = verb.sent
        for offset in range(1, 8):
            for j in (verb.i - offset, verb.i + offset):
                if sent.start <= j < sent.end and j not in inner:
                    mention = self.actors.at(j)
                    if mention is not None:
                        return mention
        return None
