"""Resolving noun phrases to actors, with an article-level memory of who was introduced how.

The resolver walks a parsed Doc once, in order. For every noun phrase that carries some
evidence (a gazetteer name, an agent noun, a person entity, a pronoun) it composes an actor
code from that evidence, and remembers people and titled officials so that later surnames
("Kim"), titles ("the minister") and pronouns ("he railed") resolve to the most recent
compatible mention.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from spacy.tokens import Doc, Token

from ..records import Actor
from .gazetteer import INTERNATIONAL, NameEntry
from .matching import HYPHENS, AgentMatch, GazetteerMatcher, NameMatch, select_names
from .places import PLACE_LABELS, Place, Places

NOMINAL = {"NOUN", "PROPN", "PRON"}
MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "nummod", "det", "case", "punct", "npadvmod"}
TITLE_PREPS = {"of", "for"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
FORMER = {"former", "ex", "ex-", "erstwhile", "retired", "onetime", "one-time"}
GENERIC_BODIES = {
    "group",
    "organisation",
    "organization",
    "movement",
    "body",
    "bloc",
    "alliance",
    "militia",
    "faction",
    "coalition",
    "union",
    "outfit",
    "network",
}
BACKER_SUFFIXES = {
    "backed",
    "supported",
    "sponsored",
    "allied",
    "aligned",
    "funded",
    "armed",
    "trained",
    "leaning",
    "friendly",
    "inspired",
    "brokered",
    "mediated",
    "based",
}


class Coded(Protocol):
    """Anything with a code, country and sector: an actor, a dated role, a gazetteer entry."""

    @property
    def code(self) -> str | None: ...

    @property
    def country(self) -> str | None: ...

    @property
    def sector(self) -> str | None: ...


@dataclass(slots=True)
class Mention:
    """An actor mention: a noun phrase (token span) and what it resolved to."""

    head: int
    start: int
    end: int
    actor: Actor
    kind: str  # person, org, country, seat, agent, pronoun
    person: str | None = None  # canonical person name, for back-references
    agent: str | None = None  # agent lemma ("minister"), for title back-references
    in_quote: int | None = None  # index of the enclosing quote span, if any
    alternates: list[Actor] = field(default_factory=list)  # "U.S. and British officials"


@dataclass(slots=True)
class Evidence:
    country: str | None = None
    sector: str | None = None
    code: str | None = None  # a full code (organisation, seat, person role)
    rule: str = ""
    distance: int = 0
    owner: bool = False  # from a possessor or an of/for phrase: the body a title belongs to
    owner_sector: str | None = None
    title: str | None = None  # the agent noun of a title ("foreign minister")
    coordinated: int | None = None  # token index of a modifier in a coordination
    alternates: list[tuple[str | None, str | None]] = field(default_factory=list)


@dataclass(slots=True)
class ArticleActors:
    """All mentions of one Doc, by head token."""

    mentions: list[Mention] = field(default_factory=list)
    by_head: dict[int, Mention] = field(default_factory=dict)

    def at(self, token: Token | int) -> Mention | None:
        return self.by_head.get(token if isinstance(token, int) else token.i)


def make_code(country: str | None, sector: str | None) -> str | None:
    if not country:
        return None
    return country + (sector or "")


class ActorResolver:
    """Resolves the actors of one Doc. Create one per Doc; call `run()`."""

    def __init__(
        self,
        doc: Doc,
        matcher: GazetteerMatcher,
        published: date | None,
        quote_spans: Iterable[tuple[int, int]] = (),
        places: Places | None = None,
    ) -> None:
        self.doc = doc
        self.published = published
        self.quotes = list(quote_spans)  # character ranges of quotations
        raw = matcher.raw_names(doc)
        self.countries_mentioned = {
            code
            for entries in raw.values()
            for e in entries
            if e.kind != "contextual"
            for code in (e.country, e.code)
            if code
        }
        self.names = select_names(raw, self._context_ok) if raw else []
        self.agents = matcher.find_agents(doc)
        # Non-actor places ("South China Sea") only block shorter names inside them.
        covered = {i for m in self.names for i in range(m.start, m.end)}
        self.names = [m for m in self.names if m.entry.kind != "nonactor"]
        self.name_at: dict[int, NameMatch] = {
            i: m for m in self.names for i in range(m.start, m.end)
        }
        # An agent noun inside a name is part of the name: "People's Republic of China".
        self.agents = [
            a for a in self.agents if not any(i in covered for i in range(a.start, a.end))
        ]
        self.agent_at: dict[int, AgentMatch] = {
            i: m for m in self.agents for i in range(m.start, m.end)
        }
        self.person_ents = {
            i for ent in doc.ents if ent.label_ == "PERSON" for i in range(ent.start, ent.end)
        }
        # Places the gazetteer does not name ("Kharkiv", "Cabo Delgado"), where the entity
        # recogniser marks a place.
        self.place_at: dict[int, tuple[int, int, Place]] = {}
        self.places = places
        self.prefer = prefer = frozenset(c for c in self.countries_mentioned if len(c) == 3)
        if places is not None:
            for ent in doc.ents:
                if (
                    ent.label_ == "PERSON"
                    and len(ent) == 1
                    and ent.start not in self.name_at
                    and ent.root.dep_ in {"dobj", "pobj"}
                ):
                    # the small model often takes a city for a person ("shelling Kherson")
                    place = places.lookup(ent.text, prefer)
                    if place is not None and place.population >= 50_000:
                        self.place_at[ent.start] = (ent.start, ent.end, place)
                        self.person_ents.discard(ent.start)
                    continue
                if ent.label_ in PLACE_LABELS and not any(
                    i in self.name_at or i in covered for i in range(ent.start, ent.end)
                ):  # a name or a non-actor place ("the Red Sea") already says what it is
                    place = places.lookup(ent.text, prefer)
                    if place is not None:
                        for i in range(ent.start, ent.end):
                            self.place_at[i] = (ent.start, ent.end, place)
        self.result = ArticleActors()
        self._cache: dict[int, Mention | None] = {}
        self._resolving: set[int] = set()

    # -- driver --------------------------------------------------------------------------
    def run(self) -> ArticleActors:
        for token in self.doc:
            if self._is_candidate(token):
                self.resolve(token)
        self.result.mentions.sort(key=lambda m: m.head)
        return self.result

    def _is_candidate(self, token: Token) -> bool:
        if token.pos_ not in NOMINAL and token.i not in self.name_at:
            return False
        i = token.i
        if token.dep_ in {"compound", "amod"} and token.head.i != i:
            # Part of a larger noun phrase whose head is the candidate, unless that head is
            # no actor at all: "U.S. allegations", "Russian positions".
            head = token.head.i
            if (
                i not in self.name_at
                or self.name_at[i].end - 1 != i
                or head in self.name_at
                or head in self.agent_at
                or head in self.person_ents
            ):
                return False
        return (
            i in self.name_at
            or i in self.place_at
            or i in self.agent_at
            or i in self.person_ents
            or token.lower_ in PERSON_PRONOUNS
            or (token.pos_ == "NOUN" and token.lemma_.lower() in GENERIC_BODIES)
            or (token.pos_ == "PROPN" and self._remembered_person(token) is not None)
        )

    def _context_ok(self, entry: NameEntry) -> bool:
        if entry.kind != "contextual":
            return True
        return any(code in self.countries_mentioned for code in entry.requires)

    # -- resolution ----------------------------------------------------------------------
    def resolve(self, token: Token) -> Mention | None:
        """The mention headed by `token`, resolving (and remembering) it on first use."""
        i = token.i
        if i in self._cache:
            return self._cache[i]
        if i in self._resolving:  # appositions can point back at their head
            return None
        self._resolving.add(i)
        try:
            mention = self._resolve(token)
        finally:
            self._resolving.discard(i)
        self._cache[i] = mention
        if mention is not None:
            mention.in_quote = self._quote_index(token.idx)
            self.result.by_head[i] = mention
            self.result.mentions.append(mention)
        return mention

    def _resolve(self, token: Token) -> Mention | None:
        i = token.i
        start, end = self._np_bounds(token)
        name = self.name_at.get(i)
        if name is not None:
            start, end = min(start, name.start), max(end, name.end)
            entry = name.entry
            if entry.kind == "person":
                return self._person(token, start, end, entry)
            if entry.kind == "org" and entry.person is not None:
                role, how = entry.person.role_at(self.published)
                if role is not None:
                    return self._like(
                        token,
                        start,
                        end,
                        role,
                        "org",
                        f"org:dated:{how}",
                    )
            if entry.kind == "org" and entry.code and entry.code[:3] in INTERNATIONAL:
                return self._mention(token, start, end, entry.code, None, None, "org", "org")
            if entry.kind in {"org", "seat", "contextual"}:
                return self._like(
                    token,
                    start,
                    end,
                    entry,
                    entry.kind,
                    entry.kind,
                )
            if entry.kind in {"country", "capital", "demonym"}:
                sector = entry.sector
                agent = self._head_agent(token)
                if entry.kind == "demonym" and agent is None:
                    # "the Russians", "Israelis": the people of a country
                    return self._mention(
                        token, start, end, entry.country, entry.country, None, "country", "demonym"
                    )
                return self._mention(
                    token,
                    start,
                    end,
                    make_code(entry.country, sector),
                    entry.country,
                    sector,
                    "country",
                    entry.kind,
                )
        if i in self.agent_at:
            return self._agent(token, start, end)
        if i in self.place_at:
            first, last, place = self.place_at[i]
            return self._mention(
                token,
                min(start, first),
                max(end, last),
                place.country,
                place.country,
                None,
                "place",
                f"place:{place.kind}:{place.name}",
            )
        if token.lower_ in PERSON_PRONOUNS and token.pos_ == "PRON":
            return self._pronoun(token)
        if i in self.person_ents or token.pos_ == "PROPN":
            return self._person(token, start, end, None)
        if token.lemma_.lower() in GENERIC_BODIES:
            return self._generic_body(token, start, end)
        return None

    def _generic_body(self, token: Token, start: int, end: int) -> Mention | None:
        """'the group', 'the world body', 'the 27-nation bloc': the most recent organisation
        named before (an international one when the phrase says so)."""
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.lefts):
            return None
        international = token.lemma_.lower() in {"body", "bloc", "alliance"} or any(
            t.lower_ in {"world", "international", "western", "military", "nation", "regional"}
            for t in self.doc[start : token.i]
        )
        for mention in reversed(self.result.mentions):
            code = mention.actor.code
            if mention.head >= token.i or not code:
                continue
            is_international = code[:3] in INTERNATIONAL
            if international != is_international or (
                mention.kind != "org" and not (is_international and mention.kind == "agent")
            ):
                continue  # "NATO leaders met ... the Western military alliance"
            actor = mention.actor
            return self._like(
                token,
                start,
                end,
                actor,
                "org",
                f"org:earlier-mention({actor.text})",
            )
        return None

    def _mention(
        self,
        token: Token,
        start: int,
        end: int,
        code: str | None,
        country: str | None,
        sector: str | None,
        kind: str,
        rule: str,
        person: str | None = None,
        agent: str | None = None,
    ) -> Mention:
        span = self.doc[start:end]
        actor = Actor(span.text, span.start_char, span.end_char, code, country, sector, rule)
        return Mention(token.i, start, end, actor, kind, person=person, agent=agent)

    def _like(
        self,
        token: Token,
        start: int,
        end: int,
        source: Coded,
        kind: str,
        rule: str,
        person: str | None = None,
        agent: str | None = None,
    ) -> Mention:
        """A mention coded as an earlier actor or a dated role is."""
        return self._mention(
            token,
            start,
            end,
            source.code,
            source.country,
            source.sector,
            kind,
            rule,
            person=person,
            agent=agent,
        )

    # -- people --------------------------------------------------------------------------
    def _person(self, token: Token, start: int, end: int, entry: NameEntry | None) -> Mention:
        name_tokens = self._name_tokens(token)
        name_text = (
            self.doc[name_tokens[0].i : name_tokens[-1].i + 1].text if name_tokens else token.text
        )
        canonical = entry.person.name if entry is not None and entry.person else name_text
        desc = self._describe(
            token,
            exclude=set(range(name_tokens[0].i, name_tokens[-1].i + 1))
            if name_tokens
            else {token.i},
            person=True,
        )
        if self._is_former(token, start):
            country = desc.country
            if country is None and entry is not None and entry.person is not None:
                country = next(
                    (
                        r.country
                        for r in sorted(
                            entry.person.roles, key=lambda r: r.start or date.min, reverse=True
                        )
                        if r.country
                    ),
                    None,
                )
            if country:
                return self._mention(
                    token,
                    start,
                    end,
                    country + "ELI",
                    country,
                    "ELI",
                    "person",
                    "person:former",
                    person=canonical,
                )
        if desc.code or desc.country:
            code = desc.code or make_code(desc.country, desc.sector)
            sector = None if code and code[:3] in INTERNATIONAL else desc.sector
            return self._mention(
                token,
                start,
                end,
                code,
                desc.country,
                sector,
                "person",
                "person:described" + (f"({desc.rule})" if desc.rule else ""),
                person=canonical,
                agent=desc.title,
            )
        head = token.head
        if token.dep_ == "appos" and head.i != token.i and head.i in self.agent_at:
            # "a spokeswoman for the Vietnamese ministry, Nguyen Thu Ha": the role says who
            owner = self.resolve(head)
            if owner is not None and owner.actor.code:
                actor = owner.actor
                return self._like(
                    token,
                    start,
                    end,
                    actor,
                    "person",
                    f"person:appos-of({actor.text})",
                    person=canonical,
                    agent=owner.agent,
                )
        remembered = self._remembered_person(token, name_text)
        if remembered is not None:
            actor = remembered.actor
            return self._like(
                token,
                start,
                end,
                actor,
                "person",
                "person:earlier-mention",
                person=remembered.person,
            )
        if entry is not None and entry.person is not None:
            role, how = entry.person.role_at(self.published)
            if role is not None:
                return self._like(
                    token,
                    start,
                    end,
                    role,
                    "person",
                    f"person:gazetteer:{how}",
                    person=canonical,
                )
        return self._mention(
            token, start, end, None, None, None, "person", "person:unresolved", person=canonical
        )

    def _name_tokens(self, token: Token) -> list[Token]:
        """The proper-name tokens of a person mention (the entity or the PROPN run)."""
        match = self.name_at.get(token.i)
        if match is not None:
            return list(self.doc[match.start : match.end])
        for ent in self.doc.ents:
            if ent.start <= token.i < ent.end and ent.label_ == "PERSON":
                return list(ent)
        run = [token]
        j = token.i - 1
        while (
            j >= 0
            and (self.doc[j].pos_ == "PROPN" or self.doc[j].text == "-")
            and self.doc[j].head.i == token.i
            and j not in self.agent_at
            and j not in self.name_at
        ):
            run.insert(0, self.doc[j])
            j -= 1
        return run

    def _remembered_person(self, token: Token, name_text: str | None = None) -> Mention | None:
        """The most recent earlier person mention this name refers back to. Names compare
        in any case: an imported gazetteer writes its names in lowercase ("jens stoltenberg")."""
        text = (name_text or token.text).lower()
        parts = text.replace(" - ", "-").split()
        for mention in reversed(self.result.mentions):
            if mention.head >= token.i or mention.kind != "person" or not mention.person:
                continue
            full = mention.person.lower().split()
            if text == mention.person.lower() or (
                len(parts) == 1 and parts[0] in (full[0], full[-1]) and len(full) > 1
            ):
                return mention
        return None

    def _pronoun(self, token: Token) -> Mention | None:
        """he/she: the most recent person outside quotations (or inside the same quotation);
        a subject pronoun that opens its sentence prefers the last sentence's subject ("Boric
        met Fernandez. He thanked ...")."""
        here = self._quote_index(token.idx)
        candidates = []
        for mention in reversed(self.result.mentions):
            if mention.head >= token.i or mention.kind != "person":
                continue
            if mention.in_quote is not None and mention.in_quote != here:
                continue
            if self.doc[mention.head].dep_ in {"compound", "amod"}:
                continue  # "the Biden administration": a modifier, not an antecedent
            candidates.append(mention)
        if not candidates:
            return None
        chosen = candidates[0]
        sent = token.sent
        if token.dep_ in {"nsubj", "nsubjpass"} and not any(
            m.head >= sent.start for m in candidates
        ):
            previous = self.doc[sent.start - 1].sent if sent.start > 0 else None
            subjects = [
                m
                for m in candidates
                if previous is not None
                and previous.start <= m.head < previous.end
                and self.doc[m.head].dep_ in {"nsubj", "nsubjpass"}
            ]
            if subjects:
                chosen = subjects[0]
        for mention in [chosen]:
            actor = mention.actor
            return Mention(
                token.i,
                token.i,
                token.i + 1,
                Actor(
                    token.text,
                    token.idx,
                    token.idx + len(token.text),
                    actor.code,
                    actor.country,
                    actor.sector,
                    f"pronoun:{mention.actor.text}",
                ),
                "pronoun",
                person=mention.person,
            )
        return None

    # -- agents (officials, ministries, soldiers ...) ------------------------------------
    def _head_agent(self, token: Token) -> AgentMatch | None:
        return self.agent_at.get(token.i)

    def _agent(self, token: Token, start: int, end: int) -> Mention | None:
        agent = self.agent_at[token.i]
        sector = agent.entry.sector
        desc = self._describe(token, exclude=set(range(agent.start, agent.end)), person=False)
        if self._is_former(token, start):
            sector = "ELI"
        if desc.code and desc.code[:3] in INTERNATIONAL:
            return self._mention(
                token,
                start,
                end,
                desc.code,
                None,
                None,
                "agent",
                f"agent:{agent.entry.lemma}+{desc.rule}",
                agent=agent.entry.lemma,
            )
        if desc.code and not desc.country:
            desc.country = desc.code[:3]
        if desc.country:
            if desc.owner_sector and agent.entry.kind in {"title", "member"}:
                # "the Defence Ministry's spokesman", "the chairman of the Joint Chiefs":
                # a title speaks for the body it belongs to.
                sector = desc.owner_sector
            elif desc.code and desc.code[3:6] and desc.rule.startswith(("org", "seat")):
                sector = desc.code[3:6] if agent.entry.kind == "member" else sector
            mention = self._mention(
                token,
                start,
                end,
                make_code(desc.country, sector),
                desc.country,
                sector,
                "agent",
                f"agent:{agent.entry.lemma}+{desc.rule}",
                agent=agent.entry.lemma,
            )
            for country, code in desc.alternates:
                alt_code: str | None
                alt_country: str | None
                if code and code[:3] in INTERNATIONAL:
                    alt_code, alt_country = code, None
                else:
                    alt_country = country or (code or "")[:3] or None
                    alt_code = make_code(alt_country, sector)
                if alt_code:
                    actor = mention.actor
                    mention.alternates.append(
                        Actor(
                            actor.text,
                            actor.start,
                            actor.end,
                            alt_code,
                            alt_country,
                            sector if alt_country else None,
                            actor.rule + ":coordinated",
                        )
                    )
            return mention
        earlier = self._remembered_title(token, agent.entry.lemma)
        if earlier is not None:
            actor = earlier.actor
            return self._like(
                token,
                start,
                end,
                actor,
                "agent",
                f"title:earlier-mention({actor.text})",
                person=earlier.person,
                agent=agent.entry.lemma,
            )
        # Known role, unknown country: kept (a quote's speaker text), but without a code.
        return self._mention(
            token,
            start,
            end,
            None,
            None,
            sector,
            "agent",
            f"agent:{agent.entry.lemma}:no-country",
            agent=agent.entry.lemma,
        )

    def _remembered_title(self, token: Token, lemma: str) -> Mention | None:
        """'the minister' -> the most recent resolved mention introduced with that title."""
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.lefts):
            return None
        head_word = lemma.split()[-1]
        for mention in reversed(self.result.mentions):
            if (
                mention.head < token.i
                and mention.actor.code
                and mention.agent
                and (mention.agent == lemma or mention.agent.split()[-1] == head_word)
            ):  # "the minister" -> "Foreign Minister S. Jaishankar"
                return mention
        return None

    def _is_former(self, token: Token, start: int) -> bool:
        return any(t.lower_ in FORMER for t in self.doc[start : token.i])

    # -- evidence ------------------------------------------------------------------------
    def _np_bounds(self, token: Token) -> tuple[int, int]:
        """Token span of the noun phrase: the head and its left modifiers."""
        start = token.i
        for child in token.lefts:
            if child.dep_ in MODIFIER_DEPS:
                start = min(start, child.left_edge.i)
        while start < token.i and self.doc[start].dep_ == "punct":
            start += 1
        return start, token.i + 1

    def _describe(self, token: Token, exclude: set[int], person: bool) -> Evidence:
        """Country/sector/organisation evidence around a head: its possessor, modifiers,
        appositions and of/for phrases."""
        found: list[Evidence] = []
        left_start, _ = self._np_bounds(token)
        skip = set(exclude)
        # The possessor as a whole phrase: "the Russian Defence Ministry's spokesman".
        for child in token.lefts:
            if child.dep_ != "poss" or child.i in skip:
                continue
            skip.update(t.i for t in child.subtree)
            if child.pos_ == "PRON":
                continue
            sub = self.resolve(child)
            if sub is None or not sub.actor.code:
                continue
            actor = sub.actor
            if person and (actor.code or "")[:3] not in INTERNATIONAL:
                # "Kim Jong-un's sister": a country, not an office
                found.append(
                    Evidence(
                        country=actor.country, rule=f"owner:{sub.kind}", distance=token.i - child.i
                    )
                )
            else:
                found.append(
                    Evidence(
                        actor.country,
                        actor.sector,
                        actor.code,
                        f"owner:{sub.kind}",
                        token.i - child.i,
                        owner=True,
                    )
                )
        # Other left modifiers. For people, only a title right before the name gives the sector.
        adjacent = True
        for j in range(token.i - 1, left_start - 1, -1):
            if j in skip:
                continue
            tok = self.doc[j]
            name = self.name_at.get(j)
            agent = self.agent_at.get(j)
            if name is not None and j == name.end - 1:
                if self._backer(name):
                    continue  # "Iranian-backed militias", "anti-Israel protesters"
                ev = self._name_evidence(name, j)
                if ev is not None:
                    ev.distance = token.i - j
                    if tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children):
                        ev.coordinated = j
                    if person and ev.rule.startswith("person"):
                        ev = Evidence(
                            country=ev.country or (ev.code or "")[:3] or None,
                            rule=ev.rule,
                            distance=token.i - j,
                        )
                        if ev.country in INTERNATIONAL:
                            ev = Evidence(rule=ev.rule)
                    found.append(ev)
            elif name is None and (place := self._modifier_place(j, token)) is not None:
                # "Kharkiv officials", "Gaza health officials"
                found.append(
                    Evidence(
                        country=place.country, rule=f"place:{place.name}", distance=token.i - j
                    )
                )
            elif agent is not None and j == agent.end - 1 and name is None:
                if not person or adjacent:
                    found.append(
                        Evidence(
                            sector=agent.entry.sector,
                            rule=f"title:{agent.entry.lemma}",
                            distance=token.i - j,
                            title=agent.entry.lemma,
                        )
                    )
            elif name is None and agent is None and person and tok.pos_ in {"NOUN", "PROPN"}:
                adjacent = False
        # Appositions ("Kwon Jong-gun, director of ...") and title PPs ("minister of Brazil").
        for child in token.rights:
            if child.dep_ == "appos" and child.pos_ in NOMINAL:
                if (
                    not person
                    and (child.i in self.person_ents or child.pos_ == "PROPN")
                    and child.i not in self.name_at
                ):
                    continue  # "a spokeswoman ..., Nguyen Thu Ha": the name takes the role
                sub = self.resolve(child)
                if sub is not None and sub.actor.code:
                    found.append(
                        Evidence(
                            sub.actor.country,
                            sub.actor.sector,
                            sub.actor.code,
                            f"appos:{sub.actor.rule}",
                            50,
                        )
                    )
            elif (
                child.dep_ == "prep"
                and child.lower_ in {"in", "from", "at"}
                and not person
                and token.i in self.agent_at
            ):
                # "protesters in Nairobi", "officials from Kenya": where they are from
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (pobj.i in self.name_at or pobj.i in self.place_at):
                        sub = self.resolve(pobj)
                        if sub is None or not sub.actor.code:
                            continue
                        if sub.kind == "org" and child.lower_ != "in":
                            # "a researcher at Brookings", "an official from the UN"
                            found.append(
                                Evidence(
                                    sub.actor.country,
                                    sub.actor.sector,
                                    sub.actor.code,
                                    f"{child.lower_}:org",
                                    42,
                                    owner=True,
                                )
                            )
                        elif sub.kind in {"country", "place"} and sub.actor.country:
                            found.append(
                                Evidence(
                                    country=sub.actor.country,
                                    rule=f"{child.lower_}:{sub.actor.text}",
                                    distance=45,
                                )
                            )
            elif child.dep_ == "prep" and child.lower_ in TITLE_PREPS and not person:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (pobj.i in self.name_at or pobj.i in self.agent_at):
                        sub = self.resolve(pobj)
                        if sub is not None and sub.actor.code:
                            found.append(
                                Evidence(
                                    sub.actor.country,
                                    sub.actor.sector,
                                    sub.actor.code,
                                    f"{child.lower_}:{sub.kind}",
                                    40,
                                    owner=child.lower_ in {"of", "for"},
                                )
                            )
        return self._compose(found)

    def _modifier_place(self, j: int, head: Token) -> Place | None:
        """A place modifying an agent noun, whether or not the recogniser marked it."""
        if j in self.place_at:
            first, last, place = self.place_at[j]
            return place if last - 1 == j else None
        tok = self.doc[j]
        proper = tok.pos_ == "PROPN" or (tok.is_title and tok.pos_ == "NOUN")
        if (
            self.places is None
            or head.i not in self.agent_at
            or not proper
            or tok.dep_ not in {"compound", "nmod"}
            or j in self.person_ents
            or (
                j + 1 < len(self.doc)
                and self.doc[j + 1].pos_ == "PROPN"
                and self.doc[j + 1].i != head.i
            )
        ):
            return None
        first = j
        while first > 0 and self.doc[first - 1].pos_ == "PROPN" and first - 1 not in self.name_at:
            first -= 1
        found = self.places.lookup(self.doc[first : j + 1].text, self.prefer)
        if found is not None and tok.pos_ != "PROPN" and found.population < 100_000:
            return None  # a capitalised common noun ("Security officials") is no town
        return found

    def _backer(self, match: NameMatch) -> bool:
        """A name used as a backer or an object ("Iranian-backed", "pro-Russian"), not as the
        phrase's own country."""
        doc = self.doc
        if (
            match.end + 1 < len(doc)
            and doc[match.end].text in HYPHENS
            and doc[match.end + 1].lower_ in BACKER_SUFFIXES
        ):
            return True
        return (
            match.start >= 2
            and doc[match.start - 1].text in HYPHENS
            and doc[match.start - 2].lower_ in {"pro", "anti", "non", "ex"}
        )

    def _name_evidence(self, match: NameMatch, j: int) -> Evidence | None:
        entry = match.entry
        if entry.kind == "person":
            head = self.doc[j]
            sub = self.resolve(head) if head.i not in self._resolving else None
            if sub is None or not sub.actor.code:
                return None
            return Evidence(sub.actor.country, sub.actor.sector, sub.actor.code, "person")
        if entry.kind == "org":
            return Evidence(entry.country, entry.sector, entry.code, f"org:{entry.name}")
        if entry.kind == "seat":
            return Evidence(entry.country, entry.sector, entry.code, f"seat:{entry.name}")
        return Evidence(entry.country, None, None, f"{entry.kind}:{entry.name}")

    @staticmethod
    def _compose(found: list[Evidence]) -> Evidence:
        """The nearest country or organisation, with the nearest sector. Coordinated
        modifiers ("U.S. and British officials") give the first as the actor and the others
        as alternates."""
        if not found:
            return Evidence()
        found.sort(key=lambda e: e.distance)
        coordinated = [e for e in found if e.coordinated is not None]
        if coordinated:
            first = max(coordinated, key=lambda e: e.distance)
            others = [e for e in coordinated if e is not first]
            found = [first] + [e for e in found if e.coordinated is None]
            first.alternates = [(e.country, e.code) for e in others]
        out = Evidence()
        out.title = next((ev.title for ev in found if ev.title), None)
        rules = []
        for ev in found:
            if out.country is None and out.code is None and (ev.country or ev.code):
                out.country, out.code = ev.country, ev.code
                if ev.owner:
                    out.owner_sector = ev.sector
                if ev.code and ev.code[:3] not in INTERNATIONAL and not ev.country:
                    out.country = ev.code[:3]
                if ev.sector and out.sector is None and ev.code:
                    out.sector = ev.sector
                rules.append(ev.rule)
            elif ev.sector and out.sector is None and not ev.country and not ev.code:
                out.sector = ev.sector
                rules.append(ev.rule)
        if coordinated:
            out.alternates = first.alternates
        if out.code and out.code[:3] not in INTERNATIONAL:
            # an organisation's own code wins unless a title says otherwise
            out.code = make_code(out.country, out.sector) if out.sector else out.code
        out.rule = "+".join(rules)
        return out

    def _quote_index(self, char: int) -> int | None:
        for index, (start, end) in enumerate(self.quotes):
            if start <= char < end:
                return index
        return None
