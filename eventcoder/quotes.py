"""Direct quotations: attributing them to speakers.

Quotations are found on the character level (`quote_spans.py`). Attribution uses the parse,
in this order; the first rule that finds a speaker wins and names itself in the quote's
`rule`:

1. governed: the nearest speech verb or noun that governs the quotation ("called the move a
   “bluff”"); when that verb itself reports what an outer speaker said ("X said Y would
   “respond with force”"), the outer speaker;
2. speaker-after: a speech verb right after it in its sentence ("...,” the spokesman said;
   "...,” said Maria Zakharova, the ministry's spokeswoman);
3. according-to: "according to X" in the quotation's sentence;
4. speaker-before: a speech verb right before it in its sentence ("X said: “...”"), or the
   subject of the clause a colon ends ("Tusk was blunt: “...”");
5. continuation: a quotation opening a paragraph without attribution continues what the
   previous paragraph's speaker said.

A speaker is the subject of the speech verb: a resolved actor mention, else (for "the
ministry", "the Guards", "it") the earlier mention it refers back to. A speaker the resolver
left without a country takes one from its own phrase ("the mayor of Kharkiv, Ihor
Terekhov"), from the earlier mention with the same head word, or from the article's home
country (`quote_country.py`), and its rule says which.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from .actors.places import Places
from .actors.resolve import ArticleActors, Mention
from .quote_country import SpeakerCountry, phrase_tokens
from .quote_spans import OPENERS, QuoteSpan, find_quote_spans, headline_end
from .records import Quote
from .tsv import read_tsv

__all__ = [
    "QuoteAttributor",
    "QuoteSpan",
    "SpeechWords",
    "default_speech_words",
    "find_quote_spans",
]

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
NEAR_TOKENS = 14  # how far from a quotation to look for "X said"
GOVERNING_STEPS = 12  # how far up the parse a quotation's speech word may be
PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")  # a non-blank line
INSTITUTION_PRONOUNS = {"it", "they", "its", "their"}


@dataclass(frozen=True, slots=True)
class SpeechWords:
    verbs: frozenset[str]
    nouns: frozenset[str]
    naming: frozenset[str] = frozenset()  # right before a quotation: a name, not speech

    @classmethod
    def load(cls, path: Path | None = None) -> SpeechWords:
        path = path or Path(str(resources.files("eventcoder.data") / "lexicon" / "speech.tsv"))
        words: dict[str, set[str]] = {"VERB": set(), "NOUN": set(), "NAME": set()}
        for row in read_tsv(path, ("lemma", "pos")):
            if row.get("pos") not in words:
                raise row.error(f"pos must be VERB, NOUN or NAME, not {row.get('pos')!r}")
            words[row.get("pos")].add(row.get("lemma").lower())
        return cls(frozenset(words["VERB"]), frozenset(words["NOUN"]), frozenset(words["NAME"]))


@lru_cache(maxsize=1)
def default_speech_words() -> SpeechWords:
    return SpeechWords.load()


Found = tuple[Token, Mention, str]


class QuoteAttributor:
    """Attributes the quotations of one Doc to the actors the resolver found."""

    def __init__(
        self,
        doc: Doc,
        actors: ArticleActors,
        speech: SpeechWords,
        spans: Iterable[QuoteSpan],
        home: str | None = None,
        places: Places | None = None,
    ) -> None:
        self.doc = doc
        self.text = doc.text  # read once: Doc.text joins every token on each access
        self.actors = actors
        self.speech = speech
        self.spans = list(spans)
        self.countries = SpeakerCountry(doc, actors, home, places)
        self.headline_end = headline_end(self.text)
        self.paragraphs = [(m.start(), m.end()) for m in PARAGRAPH.finditer(self.text)]
        self.paragraph_starts = [start for start, _ in self.paragraphs]

    def run(self) -> list[tuple[QuoteSpan, Quote, Mention | None]]:
        out: list[tuple[QuoteSpan, Quote, Mention | None]] = []
        last: tuple[int, Token, Mention] | None = None  # paragraph index, verb, speaker
        for span in self.spans:
            inside = self.doc.char_span(span.start, span.end, alignment_mode="expand")
            if inside is None or len(inside) == 0:
                continue
            if self._is_name(inside):
                continue
            inner = set(range(inside.start, inside.end))
            found = self._attribute(span, inside, inner)
            paragraph = self._paragraph(span.start)
            if (
                found is None
                and last is not None
                and self._opens_paragraph(span.start)
                and last[0] == paragraph - 1
            ):  # the previous paragraph's quotation goes on
                found = (last[1], last[2], "quote:continuation")
            if found is None:
                found = self._previous_paragraph_speaker(span, paragraph, inner)
            if found is None:
                continue
            verb, speaker, rule = found
            speaker = self.countries.complete(speaker, inner)
            last = (self._paragraph(span.end - 1), verb, speaker)
            a, b = span.inner
            text = self.text[a:b].strip()
            out.append((span, Quote(text, a, b, speaker.actor, verb.lemma_, rule), speaker))
        return out

    def _is_name(self, inside: Span) -> bool:
        """'code-named “Iron Wall”', 'the so-called “shadow fleet”': a name, not speech."""
        j = inside.start - 1
        while j >= 0 and self.doc[j].is_punct and self.doc[j].text not in {",", ":"}:
            j -= 1
        if j < 0:
            return False
        word = self.doc[j]
        text = word.lower_
        if j >= 2 and self.doc[j - 1].text in {"-", "‐"}:
            text = f"{self.doc[j - 2].lower_}-{text}"  # "code - named" split by the tokenizer
        return text in self.speech.naming

    # -- paragraphs ----------------------------------------------------------------------
    def _paragraph(self, char: int) -> int:
        """The index of the paragraph (non-blank line) holding `char`."""
        return max(bisect_right(self.paragraph_starts, char) - 1, 0)

    def _opens_paragraph(self, char: int) -> bool:
        start = self.paragraphs[self._paragraph(char)][0] if self.paragraphs else 0
        return not self.text[start:char].strip()

    # -- attribution ---------------------------------------------------------------------
    def _attribute(self, span: QuoteSpan, inside: Span, inner: set[int]) -> Found | None:
        governed = self._governing_speech(inside, inner)
        if governed is not None:
            outer = self._outer_speech(governed, inner)
            if outer is not None:
                return outer[0], outer[1], "quote:governed-by-outer-speech-verb"
            speaker = self._speaker(governed, inner)
            if speaker is not None:
                return governed, speaker, "quote:governed-by-speech-word"
        after = self._nearby_verb(inside.end, +1, inner)
        if after is not None:
            return after[0], after[1], "quote:speaker-after"
        according = self._according_to(inside, inner)
        if according is not None:
            return according[0], according[1], "quote:according-to"
        if span.start < (self.headline_end or 0):
            headline = self._headline_speaker(inside, inner)
            if headline is not None:
                return headline[0], headline[1], "quote:headline-subject"
        before = self._nearby_verb(inside.start - 1, -1, inner)
        if before is not None:
            return before[0], before[1], "quote:speaker-before"
        colon = self._colon_subject(inside, inner)
        if colon is not None:
            return colon[0], colon[1], "quote:subject-before-colon"
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
            while steps < GOVERNING_STEPS:
                if node.i not in inner and self._is_speech(node):
                    return node
                if node.head.i == node.i:
                    break
                node, steps = node.head, steps + 1
        return None

    def _outer_speech(self, verb: Token, inner: set[int]) -> tuple[Token, Mention] | None:
        """'X said the army would respond “with force”': the governing speech verb reports
        what an outer speaker said; the quoted words are the outer speaker's."""
        node, found = verb, None
        for _ in range(4):
            clause = node
            while clause.dep_ in {"conj", "xcomp", "aux"} and clause.head.i != clause.i:
                clause = clause.head
            if clause.dep_ != "ccomp" or clause.head.i == clause.i:
                break
            head = clause.head
            if head.i in inner or head.pos_ not in {"VERB", "AUX"} or not self._is_speech(head):
                break
            speaker = self._speaker(head, inner)
            if speaker is not None:
                found = (head, speaker)
            node = head
        return found

    def _speaker(self, word: Token, inner: set[int]) -> Mention | None:
        """The subject of a speech verb (inherited through conjunctions and participles), or
        for a speech noun the possessor or the subject of the verb it hangs on."""
        node = word
        for _ in range(4):
            for child in node.children:
                if child.i in inner:
                    continue
                if child.dep_ in SUBJECT_DEPS or (node.pos_ == "NOUN" and child.dep_ == "poss"):
                    mention = (
                        self._mention_for(child)
                        or self._refers_back(child)
                        or self._owner_of_statement(child)
                        or self._mention_inside(child, inner)
                    )
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

    def _mention_inside(self, token: Token, inner: set[int]) -> Mention | None:
        """A subject that is no actor itself but names one in its own phrase: "the Pakistani
        army's media wing", "Russian Defence Minister Andrei Belousov's office". The mention
        nearest its head; relative clauses and conjuncts are not its phrase."""
        best: tuple[int, Mention] | None = None
        for index, (_, depth) in phrase_tokens(token).items():
            if index in inner:
                continue
            sub = self.doc[index]
            mention = self.actors.at(sub)
            if mention is None and sub.dep_ == "poss" and sub.lower_ in INSTITUTION_PRONOUNS:
                mention = self.countries.institution_antecedent(sub)  # "its media wing"
            if (
                mention is not None
                and mention.kind != "pronoun"
                and (best is None or depth < best[0])
            ):
                best = (depth, mention)
        return best[1] if best is not None else None

    def _refers_back(self, token: Token) -> Mention | None:
        """A subject the resolver did not take: 'the Guards' after "Iran's Revolutionary
        Guards", 'the Commission' after "the European Commission" (the latest earlier mention
        with the same head word), or 'it' for the institution that was the last sentence's
        subject."""
        lower = token.lower_
        if lower in INSTITUTION_PRONOUNS and token.pos_ == "PRON":
            return self.countries.institution_antecedent(token)
        if token.pos_ not in {"NOUN", "PROPN"} or not any(
            c.dep_ == "det" and c.lower_ in {"the", "this"} for c in token.lefts
        ):
            return None
        return self.countries.same_head(token)

    def _nearby_verb(self, start: int, step: int, inner: set[int]) -> tuple[Token, Mention] | None:
        """'..., X said' / 'said X' right after the quotation (or 'X said: ...' right before),
        within the same sentence as the quotation's edge."""
        if not 0 <= start < len(self.doc):
            return None
        first = self.doc[start]
        if first.is_space and "\n" in first.text:
            return None  # the edge is a paragraph break: the sentence is another paragraph's
        sent = first.sent
        i, seen = start, 0
        while sent.start <= i < sent.end and seen < NEAR_TOKENS:
            token = self.doc[i]
            if i in inner or token.text in OPENERS or token.text == '"':
                break
            if token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in self.speech.verbs:
                mention = self._speaker(token, inner)
                if mention is None and not any(c.dep_ in SUBJECT_DEPS for c in token.children):
                    mention = self._adjacent_mention(token, inner)
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
                    if mention is not None and self.doc[j].dep_ not in {"dobj", "pobj", "dative"}:
                        return mention
        return None

    def _according_to(self, inside: Span, inner: set[int]) -> tuple[Token, Mention] | None:
        """'..., according to the Estonian navy' / 'According to X, ... “...”'."""
        sent = inside.sent if inside.start < len(self.doc) else None
        if sent is None:
            return None
        for token in sent:
            if token.i in inner or token.lower_ != "according":
                continue
            for prep in token.children:
                if prep.lower_ != "to":
                    continue
                for pobj in prep.children:
                    if pobj.dep_ != "pobj" or pobj.i in inner:
                        continue
                    mention = self._mention_for(pobj) or self._owner_of_statement(pobj)
                    if mention is not None:
                        return token, mention
        return None

    def _owner_of_statement(self, noun: Token) -> Mention | None:
        """'according to a statement from X' / 'X's statement': the statement's author."""
        if noun.lemma_.lower() not in self.speech.nouns:
            return None
        for child in noun.children:
            if child.dep_ == "poss":
                return self._mention_for(child) or self._refers_back(child)
            if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return (
                            self._mention_for(pobj)
                            or self._refers_back(pobj)
                            or self._mention_inside(pobj, set())
                        )
        return None

    def _headline_speaker(self, inside: Span, inner: set[int]) -> tuple[Token, Mention] | None:
        """A headline quotes its subject: 'Iran warns of ‘...’', 'Kremlin: ... ‘...’'."""
        line = self.doc[: inside.start]
        colon = next((t for t in line if t.text == ":"), None)
        if colon is not None:
            for j in range(colon.i - 1, -1, -1):
                mention = self.actors.at(j)
                if mention is not None:
                    return colon, mention
        root = inside.sent.root
        for child in root.children:
            if child.dep_ in SUBJECT_DEPS and child.i not in inner:
                mention = self._mention_for(child)
                if mention is not None:
                    return root, mention
        return None

    def _colon_subject(self, inside: Span, inner: set[int]) -> tuple[Token, Mention] | None:
        """'Polish Prime Minister Donald Tusk was blunt: “...”': the subject of the clause
        that a colon right before the quotation ends."""
        j = inside.start - 1
        if j < 1 or self.doc[j].text != ":" or self.doc[j].sent != inside.sent:
            return None
        node = self.doc[j - 1]
        for _ in range(4):
            if node.i in inner:
                return None
            if node.pos_ in {"VERB", "AUX"}:
                for child in node.children:
                    if child.dep_ in SUBJECT_DEPS and child.i not in inner:
                        mention = self._mention_for(child)
                        return (node, mention) if mention is not None else None
            if node.head.i == node.i or node.head.i in inner:
                break
            node = node.head
        return None

    def _previous_paragraph_speaker(
        self, span: QuoteSpan, paragraph: int, inner: set[int]
    ) -> Found | None:
        """A quotation that opens its paragraph with no attribution of its own continues the
        previous paragraph's reported speech: the last speech verb there with a speaker."""
        if paragraph == 0 or not self._opens_paragraph(span.start):
            return None
        start, end = self.paragraphs[paragraph - 1]
        chunk = self.doc.char_span(start, end, alignment_mode="expand")
        if chunk is None:
            return None
        for token in reversed(chunk):
            if token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in self.speech.verbs:
                speaker = self._speaker(token, inner)
                if speaker is not None and speaker.in_quote is None:
                    return token, speaker, "quote:continuation"
        return None
