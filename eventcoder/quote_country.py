"""Completing a quotation's speaker: back-references the resolver left open, and a country
for a speaker it found without one.

A speaker without a country takes, in this order (its rule says which):
- one from its own phrase: "the mayor of Kharkiv, Ihor Terekhov" (an actor in an of/for
  phrase or an apposition, or a town or region of the places table after of/in/from);
- the one of the latest earlier mention with the same head word: "the Commission" after "the
  European Commission", "the ministry" after "Russia's Foreign Ministry";
- the article's home country, for officials, people and bodies named by role only ("Interior
  Minister Jonah Kiprotich", "police", "the party"): the dateline's country, else the lead
  sentence's subject's, else the country most of the article's actors belong to when it
  clearly dominates.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Token

from .actors.places import Places
from .actors.resolve import ArticleActors, Mention
from .records import INTERNATIONAL_PREFIXES, Actor

HOME_KINDS = {"person", "agent", "pronoun"}  # speakers that may take the home country
OUTSIDE_SECTORS = {"EDU", "MED"}  # analysts, experts, journalists: often from elsewhere
NOT_ANTECEDENTS = {"person", "pronoun"}  # 'it said' never refers back to a person
PLACE_PREPS = {"of", "in", "from"}
MIN_PLACE_POPULATION = 50_000  # smaller namesakes of words and names are too many
DOMINANCE = 1.5  # the home country's actors outnumber any other country's this many times


def has_country(actor: Actor) -> bool:
    return bool(actor.country) or (actor.code or "")[:3] in INTERNATIONAL_PREFIXES


def dateline_country(dateline: str | None, places: Places | None) -> str | None:
    """'KYIV, Ukraine' -> UKR, through the places table."""
    if not dateline or places is None:
        return None
    place = places.lookup(dateline.split(",")[0].strip().title())
    return place.country if place is not None else None


def home_country(doc: Doc, mentions: list[Mention], dateline: str | None) -> tuple[str, str] | None:
    """The article's own country and the evidence for it: the dateline's country; else the
    country of the lead sentence's subject (news names its main actor first, and leaves
    the country off that actor's officials later: "Chad ended its pact with France. ...
    the foreign ministry said"); else the country of at least two of its actors and of
    DOMINANCE times as many as any other."""
    if dateline:
        return dateline, "dateline"
    lead = next(iter(doc.sents), None) if doc.has_annotation("SENT_START") else None
    if lead is not None:
        for mention in mentions:
            if mention.head >= lead.end:
                break
            token = doc[mention.head]
            if (
                token.dep_ in {"nsubj", "nsubjpass"}
                and not any(c.dep_ == "conj" for c in token.children)  # "Serbia and Kosovo"
                and mention.in_quote is None
                and mention.kind != "pronoun"
                and mention.actor.country
            ):
                return mention.actor.country, "lead-subject"
    counts = Counter(
        m.actor.country
        for m in mentions
        if m.actor.country and m.in_quote is None and m.kind != "pronoun"
    )
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2:
        return None
    if len(ranked) > 1 and ranked[0][1] < DOMINANCE * ranked[1][1]:
        return None
    return ranked[0][0], "most-mentioned"


class SpeakerCountry:
    """Back-references and countries for the speakers of one Doc."""

    def __init__(
        self,
        doc: Doc,
        actors: ArticleActors,
        home: str | None = None,
        places: Places | None = None,
    ) -> None:
        self.doc = doc
        self.actors = actors
        self.places = places
        self.home = home_country(doc, actors.mentions, home)

    def complete(self, speaker: Mention, inner: set[int]) -> Mention:
        """The speaker with a country, when one of the rules above finds it."""
        if has_country(speaker.actor):
            return speaker
        found = self._in_phrase(speaker, inner)
        if found is None and speaker.kind in {"person", "pronoun"} and speaker.person:
            intro = self._introduction(speaker)
            if intro is not None:
                found = self._in_phrase(intro, inner)
        if found is not None:
            return self._with(speaker, found.actor, f"country-in-phrase({found.actor.text})")
        place = self._place_in_phrase(speaker, inner)
        if place is not None:
            name, country = place
            return self._with(speaker, None, f"place-in-phrase({name})", country)
        head = self.doc[speaker.head]
        if speaker.kind in {"agent", "org"}:
            earlier = self._earlier_same_head(head)
            if earlier is not None:
                return self._with(speaker, earlier.actor, f"earlier-mention({earlier.actor.text})")
        if (
            self.home is not None
            and speaker.kind in HOME_KINDS
            and speaker.actor.sector not in OUTSIDE_SECTORS
        ):
            country, how = self.home
            return self._with(speaker, None, f"home-country:{how}", country)
        return speaker

    def same_head(self, token: Token) -> Mention | None:
        """A mention at `token` coded like the latest earlier one with its head word."""
        earlier = self._earlier_same_head(token)
        if earlier is None:
            return None
        return self._at(token, earlier.actor, f"earlier-mention({earlier.actor.text})", earlier)

    def institution_antecedent(self, token: Token) -> Mention | None:
        """'it said', 'they said': the body that is the main subject of this or the last two
        sentences (not a person: 'he' and 'she' are the resolver's)."""
        sent = token.sent
        start = sent.start
        for _ in range(3):
            for mention in reversed(self.actors.mentions):
                if not start <= mention.head < min(token.i, sent.end):
                    continue
                head = self.doc[mention.head]
                verb = head.head
                main = verb.i == verb.head.i or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
                if (
                    mention.kind not in NOT_ANTECEDENTS
                    and mention.in_quote is None
                    and head.dep_ in {"nsubj", "nsubjpass"}
                    and main
                    and has_country(mention.actor)
                ):
                    return self._at(token, mention.actor, f"it:{mention.actor.text}", mention)
            if start == 0:
                break
            sent = self.doc[start - 1].sent
            start = sent.start
        return None

    # -- helpers -------------------------------------------------------------------------
    def _earlier_same_head(self, token: Token) -> Mention | None:
        lemma = token.lemma_.lower()
        for mention in reversed(self.actors.mentions):
            if (
                mention.head < token.i
                and mention.in_quote is None
                and mention.kind not in NOT_ANTECEDENTS
                and has_country(mention.actor)
                and self.doc[mention.head].lemma_.lower() == lemma
            ):
                return mention
        return None

    def _introduction(self, speaker: Mention) -> Mention | None:
        """The first mention of the person a later name or pronoun refers to."""
        for mention in self.actors.mentions:
            if mention.head >= speaker.head:
                return None
            if mention.kind == "person" and mention.person == speaker.person:
                return mention
        return None

    def _in_phrase(self, speaker: Mention, inner: set[int]) -> Mention | None:
        """An actor with a country inside the speaker's own phrase: its appositions first,
        then its of/for/at phrases, the nearest first. A name in apposition ("the mayor of
        Kharkiv, Ihor Terekhov") looks in the phrase it stands beside."""
        head = self.doc[speaker.head]
        found = phrase_tokens(head)
        if head.dep_ == "appos" and head.head.i != head.i:
            for token, (rank, depth) in phrase_tokens(head.head).items():
                found.setdefault(token, (rank, depth))
        candidates: list[tuple[tuple[int, int], Mention]] = []
        for token, key in found.items():
            if token == head.i or token in inner:
                continue
            mention = self.actors.at(token)
            if mention is None or mention.kind == "pronoun" or not has_country(mention.actor):
                continue
            candidates.append((key, mention))
        if not candidates:
            return None
        return min(candidates, key=lambda c: c[0])[1]

    def _place_in_phrase(self, speaker: Mention, inner: set[int]) -> tuple[str, str] | None:
        """'the mayor of Odesa', 'the governor of Borno state': a proper name after of/in/from
        in the speaker's phrase that the places table knows."""
        if self.places is None:
            return None
        head = self.doc[speaker.head]
        for token in sorted(phrase_tokens(head), key=lambda i: abs(i - head.i)):
            pobj = self.doc[token]
            if pobj.dep_ != "pobj" or token in inner or pobj.head.lower_ not in PLACE_PREPS:
                continue
            names = [t for t in pobj.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
            if pobj.pos_ == "PROPN":
                names.append(pobj)
            if not names or self.actors.at(pobj) is not None:
                continue
            name = self.doc[names[0].i : names[-1].i + 1].text
            place = self.places.lookup(name)
            if place is not None and place.population >= MIN_PLACE_POPULATION:
                return name, place.country
        return None

    def _with(
        self, speaker: Mention, source: Actor | None, how: str, country: str | None = None
    ) -> Mention:
        actor = speaker.actor
        sector = actor.sector
        if source is not None and (source.code or "")[:3] in INTERNATIONAL_PREFIXES:
            code, country, sector = source.code, None, None
        else:
            if source is not None:
                country = source.country or (source.code or "")[:3] or None
                sector = sector or source.sector
            code = (country + (sector or "")) if country else None
        new = Actor(
            actor.text, actor.start, actor.end, code, country, sector, f"{actor.rule}+{how}"
        )
        return replace(speaker, actor=new)

    def _at(self, token: Token, source: Actor, rule: str, like: Mention) -> Mention:
        start = token.left_edge.i if token.left_edge.i <= token.i else token.i
        span = self.doc[start : token.i + 1]
        actor = Actor(
            span.text,
            span.start_char,
            span.end_char,
            source.code,
            source.country,
            source.sector,
            rule,
        )
        return Mention(token.i, start, token.i + 1, actor, like.kind, agent=like.agent)


PHRASE_DEPS = {"appos", "poss", "prep", "pobj", "compound", "amod", "nmod", "npadvmod"}


def phrase_tokens(head: Token) -> dict[int, tuple[int, int]]:
    """The tokens of a noun phrase (its modifiers, appositions, possessor and prepositional
    phrases; not its relative clauses or conjuncts), each with a rank (0 in an apposition,
    1 a possessor, 2 else) and its depth below the head."""
    out: dict[int, tuple[int, int]] = {}
    stack = [(child, 1, _rank(child)) for child in head.children if child.dep_ in PHRASE_DEPS]
    while stack:
        token, depth, rank = stack.pop()
        out[token.i] = (rank, depth)
        stack.extend((c, depth + 1, rank) for c in token.children if c.dep_ in PHRASE_DEPS)
    return out


def _rank(child: Token) -> int:
    return {"appos": 0, "poss": 1}.get(child.dep_, 2)
