"""Coding events in a parsed Doc: triggers from the lexicon, roles from the parse.

For each verb or event noun whose lemma the lexicon knows, every entry whose pattern
matches is a candidate and the most specific wins. The source and target come from general
dependency rules (subject, object, passive agent, control, possessor, coordination), and
flags from `flags.py`. An event is emitted when both actors resolve to a code (or, with
`monadic`, when the source does).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..actors.places import Places
from ..actors.resolve import ArticleActors, Mention
from ..ontology import Ontology
from ..records import Actor, Event, TextSpan
from .dates import event_date
from .flags import Flags, flags_for
from .lexicon import Entry, Item, Lexicon

SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
EXCLUDED_FROM_PHRASE = {
    "nsubj",
    "nsubjpass",
    "csubj",
    "csubjpass",
    "relcl",
    "advcl",
    "parataxis",
    "conj",
    "cc",
    "mark",
    "punct",
}
OBJECT_CONTROL = {
    "urge",
    "ask",
    "call",
    "order",
    "force",
    "persuade",
    "tell",
    "invite",
    "encourage",
    "allow",
    "press",
    "push",
    "pressure",
    "warn",
    "instruct",
    "request",
    "compel",
    "require",
    "convince",
    "permit",
    "authorize",
    "authorise",
    "help",
    "enable",
    "beg",
    "implore",
    "advise",
    "remind",
}
JUDGMENT_PREPS = {"of", "for", "with", "over"}
ARGUMENT_DEPS = {"dobj", "dative", "iobj", "pobj", "nsubj", "nsubjpass", "attr", "oprd", "npadvmod"}
OBJECT_DEPS = {"dobj", "dative", "iobj", "attr", "oprd"}
OWNER_DEPS = {"poss", "compound", "amod", "nmod"}
FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
CLAUSE_PRONOUNS = {"it", "they", "we", "he", "she"}
FUTURE_AUX = {"will", "would", "shall", "'ll", "’ll", "wo"}
INTENT_VERBS = {
    "promise",
    "pledge",
    "vow",
    "offer",
    "agree",
    "plan",
    "intend",
    "decide",
    "prepare",
    "threaten",
    "want",
    "seek",
    "aim",
    "swear",
    "resolve",
    "commit",
    "volunteer",
    "undertake",
    "ready",
    "willing",
    "prepared",
    "determined",
    "set",
    "poised",
    "expect",
    "hope",
}
MAX_PAIRS = 4
PARTITIVE_NOUNS = {
    "ten",
    "tens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "dozen",
    "dozens",
    "score",
    "scores",
    "group",
    "number",
    "crowd",
    "crowds",
    "some",
    "many",
    "most",
    "all",
    "several",
    "few",
    "handful",
    "majority",
    "members",
    "member",
    "wave",
    "band",
    "contingent",
    "delegation",
    "team",
    "unit",
    "convoy",
    "column",
}
DOMESTIC_ROOTS = {"14", "17"}
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
RECIPROCAL_ROOTS = {"03", "04", "05", "06", "08", "19"}
THREAT_VERBS = {"threaten", "warn", "vow"}
INTENT_NOUNS = {
    "intent",
    "intention",
    "willingness",
    "readiness",
    "plan",
    "pledge",
    "promise",
    "commitment",
    "offer",
    "decision",
    "vow",
    "bid",
    "proposal",
    "determination",
    "threat",
}
THAT = frozenset({"that"})
MATERIAL_CONFLICT = {"14", "15", "17", "18", "19", "20"}
LOCATIVE_PREPS = {
    "in",
    "at",
    "near",
    "outside",
    "across",
    "along",
    "off",
    "around",
    "inside",
    "within",
}


@dataclass(frozen=True, slots=True)
class Match:
    entry: Entry
    target: list[Mention] | None  # from a TARGET slot
    source: list[Mention] | None  # from a SOURCE slot
    words: float  # how specific the match is: matched words, and slots with an actor


class EventCoder:
    """Codes the events of Docs whose actors (and quotes) are already resolved."""

    def __init__(
        self,
        lexicon: Lexicon,
        ontology: Ontology,
        speech_verbs: Iterable[str],
        monadic: bool = False,
        places: Places | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.ontology = ontology
        self.speech_verbs = frozenset(speech_verbs)
        self.monadic = monadic
        self.places = places

    # -- driver --------------------------------------------------------------------------
    def code(
        self,
        doc: Doc,
        actors: ArticleActors,
        published: date | None,
        article_id: str,
        quote_speakers: Iterable[tuple[int, int, Mention]] = (),
        dateline: str | None = None,
    ) -> list[Event]:
        self.doc, self.actors = doc, actors
        self.dateline = self._dateline_place(dateline)
        self.quote_speakers = list(quote_speakers)
        events: list[Event] = []
        for index, sent in enumerate(doc.sents):
            found: dict[tuple[str | None, str | None, str], Event] = {}
            for token in sent:
                for event in self._code_token(token, sent, index, published):
                    key = (
                        event.source.code if event.source else None,
                        event.target.code if event.target else None,
                        event.root,
                    )
                    kept = found.get(key)
                    if kept is None or _better(event, kept):
                        found[key] = event
            events.extend(sorted(found.values(), key=lambda e: e.trigger.start))
        for number, event in enumerate(events, start=1):
            event.id = f"{article_id}:e{number}"
        return events

    def _code_token(
        self, token: Token, sent: Span, index: int, published: date | None
    ) -> list[Event]:
        pos = (
            "V"
            if token.pos_ == "VERB" or token.tag_.startswith("VB")
            else ("N" if token.pos_ in {"NOUN", "PROPN"} else "")
        )
        if not pos or token.dep_ in {"amod", "compound"}:
            return []  # "ousted Syrian President Assad": a modifier, not an act
        if token.tag_ in {"VBN", "VBD"} and any(
            c.dep_ == "aux" and c.tag_ == "TO" for c in token.children
        ):
            return []  # "asylum to ousted X" misparsed as "to oust": an adjective
        candidates = self.lexicon.candidates(pos, token.lemma_.lower())
        if not candidates and token.lower_ != token.lemma_.lower():
            candidates = self.lexicon.candidates(pos, token.lower_)
        if not candidates:
            return []
        if pos == "N" and not self._noun_licensed(token):
            return []
        best: Match | None = None
        for entry in candidates:
            match = self._match(entry, token)
            if match is not None and (best is None or match.words > best.words):
                best = match
        if best is None:
            return []
        return self._events(token, best, sent, index, published)

    # -- pattern matching ----------------------------------------------------------------
    def _phrase(self, trigger: Token) -> list[Token]:
        """Tokens after the trigger inside its phrase (no subject, no separate clauses)."""
        out: list[Token] = []
        stack = [
            c for c in trigger.children if c.i > trigger.i and c.dep_ not in EXCLUDED_FROM_PHRASE
        ]
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(c for c in node.children if c.dep_ not in {"relcl", "advcl", "parataxis"})
        out.sort(key=lambda t: t.i)
        return out

    def _match(self, entry: Entry, trigger: Token) -> Match | None:
        if entry.before and not self._match_before(entry.before, trigger):
            return None
        found = self._match_after(entry, entry.after, trigger)
        if found is None and entry.pos == "N" and self._between(trigger) is not None:
            # "talks between X and Y" satisfies "talk with TARGET": drop the slot and the
            # preposition that introduces it; the roles come from the between-phrase.
            items = list(entry.after)
            if "TARGET" in [i.slot for i in items]:
                at = [i.slot for i in items].index("TARGET")
                del items[max(at - 1, 0) : at + 1]
                found = self._match_after(entry, tuple(items), trigger)
                if found is not None:
                    found = Match(entry, None, found.source, found.words + 2)
        return found

    def _match_after(self, entry: Entry, after: tuple[Item, ...], trigger: Token) -> Match | None:
        phrase = self._phrase(trigger) if after else []
        position = trigger.i
        anchors = [trigger]
        slots: dict[str, list[Mention]] = {}
        k = 0.0
        clause_only = False
        for n, item in enumerate(after):
            if item.slot:
                found = self._find_slot(phrase, position, anchors, trigger, clause_only)
            else:
                found = self._find_word(item, phrase, position, anchors)
                if found is None and position == trigger.i:
                    found = self._passive_object_word(item, trigger)
                if (
                    found is None
                    and item.lemmas == THAT
                    and n + 1 < len(after)
                    and after[n + 1].slot == "TARGET"
                ):
                    # "claimed NATO has turned ..." is "claimed that NATO ...": the next slot
                    # must then be the subject of the claimed clause
                    clause_only = True
                    k += 1.0
                    continue
            if found is None:
                return None
            position, mentions = found
            anchors.append(self.doc[position])
            if item.slot:
                slots[item.slot] = mentions
                # a slot with no actor in it counts less than one with a coded actor: "call
                # TARGET" must not beat "call on TARGET to" when the first finds no one
                k += 1.0 if any(m.actor.code for m in mentions) else 0.5
            else:
                k += 1.0
        return Match(entry, slots.get("TARGET"), slots.get("SOURCE"), k + len(entry.before))

    def _match_before(self, items: tuple[Item, ...], trigger: Token) -> bool:
        """Words before the trigger: a noun's modifiers, or anything in a verb's left side
        ("inspector [move] into SOURCE" from imported dictionaries)."""
        if trigger.pos_ in {"VERB", "AUX"}:
            modifiers = sorted((t for c in trigger.lefts for t in c.subtree), key=lambda t: t.i)
        else:
            modifiers = [
                t for t in trigger.lefts if t.dep_ in {"compound", "amod", "nmod", "npadvmod"}
            ]
        position = -1
        for item in items:
            hit = next((t for t in modifiers if t.i > position and _lemma_in(t, item)), None)
            if hit is None:
                return False
            position = hit.i
        return True

    def _passive_object_word(self, item: Item, trigger: Token) -> tuple[int, list[Mention]] | None:
        """In the passive the object words stand before the verb: "Forty Russian diplomats
        were expelled" matches "expel diplomat"."""
        for child in trigger.children:
            if child.dep_ in PASSIVE_SUBJECTS and _lemma_in(child, item):
                return trigger.i, []
        return None

    @staticmethod
    def _near(token: Token, anchors: list[Token], steps: int = 2) -> bool:
        """The token hangs on an anchor (the trigger or an earlier pattern word) within a
        couple of steps, and not through another clause: "impose [new] sanctions on", "urge X
        to [step] up", but not "allegations that X [supplied] weapons"."""
        wanted = {a.i for a in anchors}
        node = token
        for _ in range(steps + 1):
            if node.head.i in wanted:
                return True
            if node.head.i == node.i:
                return False
            node = node.head
            if node.pos_ in {"VERB", "AUX"} and not (
                node.dep_ in {"xcomp", "ccomp", "pcomp"} and node.head.i in wanted
            ):
                return False
        return False

    def _find_word(
        self, item: Item, phrase: list[Token], position: int, anchors: list[Token]
    ) -> tuple[int, list[Mention]] | None:
        for tok in phrase:
            if tok.i <= position or not _lemma_in(tok, item):
                continue
            # a preposition must hang on the trigger, an earlier pattern word or the trigger's
            # object: "exercises with X", "bought shells from X", not "exercises near its
            # border with X"
            if tok.pos_ == "ADP":
                head = tok.head
                wanted = {a.i for a in anchors}
                if head.i in wanted or (
                    head.dep_ in {"dobj", "attr", "nsubjpass"} and head.head.i in wanted
                ):
                    return tok.i, []
            elif self._near(tok, anchors):
                return tok.i, []
        return None

    def _find_slot(
        self,
        phrase: list[Token],
        position: int,
        anchors: list[Token],
        trigger: Token,
        clause_only: bool = False,
    ) -> tuple[int, list[Mention]] | None:
        """The first argument after `position`: its actor, an actor it contains ("dozens of
        protesters", "Stoltenberg's visit"), or no actor at all (the slot still matches,
        so a locative further on is never taken for the target). Right after a verb the
        slot is its object (the passive subject in the passive), never a prepositional
        object: "met in Prague" has no target."""
        if position == trigger.i and trigger.pos_ in {"VERB", "AUX"}:
            for child in trigger.children:
                if child.dep_ in PASSIVE_SUBJECTS:
                    return child.i, self._mentions(child) or self._inner_actor(child)
            allowed = OBJECT_DEPS
        else:
            allowed = ARGUMENT_DEPS
        for tok in phrase:
            if tok.i <= position or not self._near(tok, anchors):
                continue
            clause_subject = (
                tok.dep_ in {"nsubj", "nsubjpass"}
                and tok.head.dep_ == "ccomp"
                and tok.head.head.i == trigger.i
            )  # "claimed NATO has turned ..."
            if (tok.dep_ not in allowed or clause_only) and not clause_subject:
                continue
            if (
                tok.pos_ not in {"NOUN", "PROPN", "PRON", "NUM", "X"}
                and self.actors.at(tok) is None
            ):
                continue
            mention = self._mention(tok)
            if mention is not None:
                return tok.i, self._with_conjuncts(tok, mention)
            return tok.i, self._inner_actor(tok)
        return None

    def _inner_actor(self, noun: Token) -> list[Mention]:
        """An actor inside a non-actor noun phrase: its owner, or a partitive of-phrase."""
        owner = self._owner(noun)
        if owner:
            return owner
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self._mentions(pobj)
        for child in noun.children:
            # "near its border with Guyana": the other side of a border, line or frontier
            if (
                child.dep_ == "prep"
                and child.lower_ == "with"
                and noun.lemma_.lower() in {"border", "frontier", "boundary", "line"}
            ):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and self._mention(pobj) is not None:
                        return self._mentions(pobj)
        for child in noun.children:
            # "raided a camp in Jenin", "struck targets in Gaza": the place's country
            if child.dep_ == "prep" and child.lower_ in {"in", "near", "inside"}:
                for pobj in child.children:
                    mention = self._mention(pobj) if pobj.dep_ == "pobj" else None
                    if mention is not None and mention.kind in {"country", "place"}:
                        return [mention]
        return []

    # -- roles -----------------------------------------------------------------------------
    def _mention(self, token: Token) -> Mention | None:
        mention = self.actors.at(token)
        if mention is None and token.lower_ in FIRST_PERSON:
            for start, end, speaker in self.quote_speakers:
                if start <= token.idx < end:
                    return speaker
        return mention

    def _with_conjuncts(self, token: Token, first: Mention | None) -> list[Mention]:
        out = [first] if first is not None else []
        if first is not None:  # "U.S. and British officials": one phrase, two actors
            out += [replace(first, actor=alt, alternates=[]) for alt in first.alternates]
        for conj in token.conjuncts:
            mention = self._mention(conj)
            if mention is not None and conj.i > token.i:
                out.append(mention)
        return out

    def _mentions(self, token: Token) -> list[Mention]:
        mention = self._mention(token)
        if mention is None:
            inner = self._partitive(token)
            if inner is not None:
                return self._with_conjuncts(inner, self._mention(inner))
        return self._with_conjuncts(token, mention)

    def _partitive(self, token: Token) -> Token | None:
        """'tens of thousands of Serbians', 'a group of Afghan women': the actor inside."""
        node = token
        for _ in range(4):
            if not (node.pos_ == "NUM" or node.lemma_.lower() in PARTITIVE_NOUNS):
                return None
            pobj = next(
                (
                    g
                    for c in node.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            if pobj is None:
                return None
            if self.actors.at(pobj) is not None:
                return pobj
            node = pobj
        return None

    def _owner(self, noun: Token) -> list[Mention]:
        """An actor that owns a non-actor noun: "Stoltenberg's visit", "U.S. allegations"."""
        for child in sorted(noun.lefts, key=lambda t: -t.i):
            if child.dep_ in OWNER_DEPS:
                mentions = self._mentions(child)
                if mentions:
                    return mentions
        return []

    def subjects(self, verb: Token, depth: int = 0) -> tuple[list[Mention], str]:
        """The source of a verb: its subject, or the passive agent, or an inherited one."""
        for child in verb.children:
            if child.dep_ in SUBJECTS:
                found = self._mentions(child)
                if not found and child.lower_ in CLAUSE_PRONOUNS:
                    speaker = self._speech_head(verb)
                    if speaker is not None:
                        # "South Africa said it would back ...": "it" is the speaker
                        inherited, how = self.subjects(speaker, depth + 1)
                        return inherited, f"pronoun-of-speaker:{how}"
                return found, "subject"
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self._mentions(pobj), "passive-agent"
        if depth > 4 or verb.head.i == verb.i:
            return [], "none"
        head = verb.head
        if verb.dep_ == "conj":
            if (
                verb.lemma_.lower() in self.speech_verbs
                and head.dep_ == "ccomp"
                and head.head.lemma_.lower() in self.speech_verbs
            ):
                # "X claimed A has ... and claimed B ...": the parser often hangs the second
                # speech verb on the embedded clause; it shares the first one's subject.
                found, how = self.subjects(head.head, depth + 1)
                return found, f"repaired-conj:{how}"
            found, how = self.subjects(head, depth + 1)
            return found, f"conj:{how}"
        if verb.dep_ == "xcomp":
            if head.lemma_.lower() in OBJECT_CONTROL:
                for child in head.children:
                    if child.dep_ in {"dobj", "dative"}:
                        return self._mentions(child), "object-control"
            found, how = self.subjects(head, depth + 1)
            return found, f"control:{how}"
        if verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children):
            found, how = self.subjects(head, depth + 1)
            return found, f"participle:{how}"
        if verb.dep_ == "pcomp" and head.dep_ == "prep":
            governor = head.head
            if head.lower_ in JUDGMENT_PREPS:
                for child in governor.children:
                    if child.dep_ in {"dobj", "nsubjpass"}:
                        return self._mentions(child), f"{head.lower_}-object"
            if (
                governor.pos_ in {"VERB", "AUX"}
                and governor.lemma_.lower() not in self.speech_verbs
            ):
                found, how = self.subjects(governor, depth + 1)
                return found, f"by:{how}"
        if (
            verb.dep_ == "acl"
            and head.lemma_.lower() in INTENT_NOUNS
            and head.dep_ in {"dobj", "attr", "pobj", "nsubj"}
        ):
            # "Japan expressed its intent to provide aid": the owner of the intent (or the
            # subject of the verb that carries it) does the act
            owner = self._owner(head)
            if owner:
                return owner, "intent-noun-owner"
            carrier = head.head if head.dep_ != "pobj" else head.head.head
            found, how = self.subjects(carrier, depth + 1)
            return found, f"intent-noun:{how}"
        if (
            verb.dep_ in {"relcl", "acl"}
            and head.pos_ in {"NOUN", "PROPN"}
            and not any(c.dep_ in SUBJECTS for c in verb.children)
        ):
            return self._mentions(head), "relative"
        return [], "none"

    def _speech_head(self, verb: Token) -> Token | None:
        """The speech verb whose complement clause this verb heads, if any."""
        node, steps = verb, 0
        while node.dep_ == "conj" and steps < 3:
            node, steps = node.head, steps + 1
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in self.speech_verbs:
            return node.head
        return None

    def _stated_intent(self, trigger: Token) -> str | None:
        """How the trigger is a stated future act of its own source, or None: the infinitive
        of an intent verb ("vowed to deepen ties"), a will/would clause of a speech verb
        ("said it would send"), or a plain future ("Germany will send")."""
        node = trigger
        if trigger.pos_ not in {"VERB", "AUX"}:
            node = trigger.head
            if node.lemma_.lower() not in self.lexicon.light_verbs:
                return None
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        head = node.head
        if node.dep_ == "acl" and head.lemma_.lower() in INTENT_NOUNS:
            return f"intent-noun:{head.lemma_.lower()}"  # "its intent to provide aid"
        if (
            node.dep_ == "xcomp"
            and head.lemma_.lower() in INTENT_VERBS
            and not any(c.dep_ in {"dobj", "dative"} for c in head.children)
        ):
            return f"intent-verb:{head.lemma_.lower()}"
        if (
            node.dep_ == "pcomp"
            and head.dep_ == "prep"
            and head.head.lemma_.lower() in {"commit", "committed", "pledge", "promise"}
        ):
            return f"intent-verb:{head.head.lemma_.lower()}"
        aux = {c.lower_ for c in node.children if c.dep_ == "aux"}
        if not aux & FUTURE_AUX:
            return None
        speech = self._speech_head(node)
        if speech is not None:
            # only the source's own statement is an intent: "analysts said Russia would
            # attack" is a prediction, not a threat
            speakers = {m.actor.scoring_country for m in self.subjects(speech)[0]}
            own = {m.actor.scoring_country for m in self.subjects(node)[0]}
            speakers.discard(None)
            return f"stated-by-source:{speech.lemma_.lower()}" if speakers & own else None
        if node.dep_ == "ROOT" and aux & {"will", "shall", "'ll", "’ll", "wo"}:
            return "future"  # "Germany will send tanks": an announced plan
        return None

    def _noun_licensed(self, noun: Token) -> bool:
        """An event noun counts when a light verb carries it or it is its clause's subject."""
        head = noun.head
        if noun.dep_ in {"dobj", "attr"} and head.lemma_.lower() in self.lexicon.light_verbs:
            return True
        if noun.dep_ in {"nsubj", "nsubjpass"} and head.dep_ in {"ROOT", "ccomp", "conj"}:
            return True
        return noun.dep_ == "ROOT"

    def _noun_roles(self, noun: Token) -> tuple[list[Mention], str]:
        owner = self._owner(noun)
        if owner:
            return owner, "noun-owner"
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self._mentions(pobj), "noun-by"
        if noun.dep_ in {"dobj", "attr"}:
            found, how = self.subjects(noun.head)
            return found, f"light-verb:{how}"
        if noun.dep_ == "nsubjpass" and noun.head.lemma_.lower() in self.lexicon.light_verbs:
            for child in noun.head.children:  # "drills were staged by China"
                if child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return self._mentions(pobj), "light-verb-passive-agent"
        return [], "none"

    def _default_target(self, verb: Token) -> tuple[list[Mention], str]:
        for child in verb.children:
            if child.dep_ in PASSIVE_SUBJECTS:
                return self._mentions(child), "passive-subject"
        for child in verb.children:
            if child.dep_ == "dobj":
                mentions = self._mentions(child)
                if mentions:
                    return mentions, "object"
                owner = self._owner(child)
                if owner:
                    return owner, "object-owner"
        for child in verb.children:
            if child.dep_ in {"dative", "iobj"}:
                mentions = self._mentions(child)
                if mentions:
                    return mentions, "indirect-object"
        return [], "none"

    def _between(self, noun: Token) -> tuple[list[Mention], list[Mention]] | None:
        """'talks between X and Y': X is the source, Y the target."""
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                for pobj in child.children:
                    mentions = self._mentions(pobj)
                    if len(mentions) >= 2:
                        return mentions[:1], mentions[1:]
        return None

    # -- events ----------------------------------------------------------------------------
    def _events(
        self, trigger: Token, match: Match, sent: Span, index: int, published: date | None
    ) -> list[Event]:
        entry = match.entry
        between = self._between(trigger) if entry.pos == "N" else None
        if between is not None and match.target is None:
            sources, targets = between
            source_how, target_how = "between", "between"
        else:
            if entry.pos == "N":
                sources, source_how = self._noun_roles(trigger)
            else:
                sources, source_how = self.subjects(trigger)
            if match.target is not None:
                targets, target_how = match.target, "pattern"
            elif entry.pos == "V":
                targets, target_how = self._default_target(trigger)
                if target_how == "passive-subject" and source_how != "passive-agent":
                    sources, source_how = [], "none"
            else:
                targets, target_how = [], "none"
        if match.source is not None:
            sources, targets = match.source, sources
            source_how, target_how = "pattern-source", f"subject-as-target:{source_how}"
        if entry.code[:2] in DOMESTIC_ROOTS:
            sources, targets = self._domestic_countries(trigger, sources, targets)
        sources = [m for m in sources if m.actor.code]
        targets = [m for m in targets if m.actor.code]
        if sources and not targets and entry.code[:2] in MATERIAL_CONFLICT:
            # "raided a camp in Jenin", "struck targets in Gaza": no actor is named as the
            # target, so the place where it happened stands for it
            place = self._locative_mention(trigger, bodies=entry.code[:2] == "14")
            if (
                place is not None and place.kind == "agent"
            ):  # "protested outside the French embassy"
                targets, target_how = [place], "location-body"
            elif place is not None:
                # the country of the place, not its government: "in Nairobi" is Kenya
                actor = place.actor
                country = actor.country or ""
                targets = [
                    replace(
                        place,
                        actor=Actor(
                            actor.text,
                            actor.start,
                            actor.end,
                            country,
                            country,
                            None,
                            f"location:{actor.text}",
                        ),
                    )
                ]
                target_how = "location"
        if (
            sources
            and not targets
            and entry.code[:2] == "14"
            and sources[0].actor.country
            and sources[0].actor.sector not in STATE_SECTORS
        ):
            # a domestic protest with no one named is aimed at the protesters' own state
            actor = sources[0].actor
            country = actor.country or ""
            targets = [
                replace(
                    sources[0],
                    head=-1,
                    actor=Actor(
                        actor.text,
                        actor.start,
                        actor.end,
                        country + "GOV",
                        country,
                        "GOV",
                        "own-government",
                    ),
                )
            ]
            target_how = "own-government"
        mutual = len(sources) > 1 and (
            self._reciprocal(trigger, entry.code)
            or (not targets and self._mutual(trigger, entry.code))
        )
        if not sources or (not targets and not self.monadic and not mutual):
            return []
        flags = flags_for(trigger)
        cameo, intent_rule = entry.code, ""
        intent = self._stated_intent(trigger)
        if intent is not None:
            mapped = self.lexicon.intent_code(entry.code)
            verb = intent.split(":")[1] if intent.startswith("intent-verb:") else ""
            if verb in THREAT_VERBS and mapped is not None and mapped[:2] != "13":
                mapped = "130"  # "threatened to send troops": a threat, not an offer
            if mapped is not None:
                cameo, intent_rule = mapped, f" intent={intent}:{entry.code}"
                flags = Flags(flags.negated, False, flags.alleged)
        code = self.ontology.get(cameo)
        if code is None:
            return []
        reported = self._reported_by(trigger)
        when, when_text = event_date(trigger, published)
        location = self._location(trigger)
        trigger_span = TextSpan(trigger.text, trigger.idx, trigger.idx + len(trigger.text))
        confidence = _confidence(
            source_how, target_how, flags.negated or flags.hypothetical or flags.alleged
        )
        partners: list[Mention | None] = list(targets[:MAX_PAIRS]) or [None]
        pairs: list[tuple[Mention, Mention | None]] = [
            (source, target) for source in sources[:MAX_PAIRS] for target in partners
        ]
        if mutual and not targets:  # "Armenia and Azerbaijan met", "agreed to reopen"
            pairs = [(a, b) for a in sources[:MAX_PAIRS] for b in sources[:MAX_PAIRS] if a is not b]
        elif self._reciprocal(trigger, code.code):
            if not targets and len(sources) > 1:  # "Armenia and Azerbaijan met"
                pairs = [
                    (a, b) for a in sources[:MAX_PAIRS] for b in sources[:MAX_PAIRS] if a is not b
                ]
            else:  # "Kishida met Yoon", "talks between Serbia and Kosovo"
                pairs += [(b, a) for a, b in pairs if b is not None]
        out = []
        for source, target in pairs:
            if target is not None and (
                target.head == source.head or target.actor.code == source.actor.code
            ):
                continue
            out.append(
                Event(
                    id="",
                    sentence_index=index,
                    sentence=sent.text.strip(),
                    trigger=trigger_span,
                    source=source.actor,
                    target=target.actor if target else None,
                    cameo=code.code,
                    root=code.root,
                    quad=code.quad,
                    goldstein=code.goldstein,
                    plover=code.plover,
                    mode=code.mode,
                    context=code.context,
                    negated=flags.negated,
                    hypothetical=flags.hypothetical,
                    alleged=flags.alleged,
                    reported_by=reported,
                    date=when,
                    date_text=when_text,
                    location=location,
                    rule=(
                        f"{entry.source} '{entry.pattern}' source={source_how} "
                        f"target={target_how}{intent_rule}"
                    ),
                    confidence=confidence,
                )
            )
        return out

    def _domestic_countries(
        self, trigger: Token, sources: list[Mention], targets: list[Mention]
    ) -> tuple[list[Mention], list[Mention]]:
        """Protests and coercion are mostly domestic: a role without a country ("protesters",
        "the government", "police") takes the country where it happens (for the source) or
        the other side's country (for the target)."""

        def with_country(mention: Mention, country: str, how: str) -> Mention:
            actor = mention.actor
            code = country + (actor.sector or "")
            return replace(
                mention,
                actor=Actor(
                    actor.text,
                    actor.start,
                    actor.end,
                    code,
                    country,
                    actor.sector,
                    f"{actor.rule}:{how}",
                ),
            )

        place = None
        if any(not m.actor.code and m.actor.sector for m in sources):
            place = self._locative_mention(trigger)
        sources = [
            with_country(m, place.actor.country, "country-from-location")
            if not m.actor.code and m.actor.sector and place and place.actor.country
            else m
            for m in sources
        ]
        country = next((m.actor.country for m in sources if m.actor.country), None)
        targets = [
            with_country(m, country, "country-from-source")
            if not m.actor.code and m.actor.sector and country
            else m
            for m in targets
        ]
        return sources, targets

    def _locative_mention(self, trigger: Token, bodies: bool = False) -> Mention | None:
        """A place (or country) in a locative phrase of the trigger, its object or its light
        verb: "in Kharkiv", "near the border with Lebanon"."""
        heads = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
        if trigger.pos_ not in {"VERB", "AUX"} and trigger.head.i != trigger.i:
            heads.append(trigger.head)
        for head in heads:
            for child in head.children:
                if child.dep_ != "prep" or child.lower_ not in LOCATIVE_PREPS:
                    continue
                for pobj in child.children:
                    mention = self.actors.at(pobj) if pobj.dep_ == "pobj" else None
                    if mention is None or not mention.actor.country:
                        continue
                    if bodies and mention.kind == "agent":
                        return mention
                    if mention.kind == "place" or (
                        mention.kind == "country"
                        and (not mention.actor.sector or pobj.ent_type_ in {"GPE", "LOC"})
                    ):
                        return mention
        return None

    def _location(self, trigger: Token) -> dict[str, Any] | None:
        """Where the event happened: a place in a locative phrase, else the dateline."""
        mention = self._locative_mention(trigger)
        if mention is None:
            return self.dateline
        name = " ".join(t.text for t in self.doc[mention.start : mention.end] if t.lower_ != "the")
        return self._place(name, mention.actor.country, "sentence")

    def _place(self, name: str, country: str | None, source: str) -> dict[str, Any]:
        place = (
            self.places.lookup(name, {country} if country else frozenset())
            if self.places is not None
            else None
        )
        if place is not None and country and place.country != country:
            place = None
        return {
            "name": name,
            "country": country or (place.country if place else None),
            "lat": place.lat if place else None,
            "lon": place.lon if place else None,
            "source": source,
        }

    def _dateline_place(self, dateline: str | None) -> dict[str, Any] | None:
        """'KYIV, Ukraine' -> Kyiv, UKR."""
        if not dateline or self.places is None:
            return None
        name = dateline.split(",")[0].strip().title()
        place = self.places.lookup(name)
        if place is None:
            return None
        return {
            "name": name,
            "country": place.country,
            "lat": place.lat,
            "lon": place.lon,
            "source": "dateline",
        }

    def _reciprocal(self, trigger: Token, code: str = "04") -> bool:
        """Both sides act: a reciprocal trigger ("met", "talks", "clashed"), or a joint-action
        verb with a joint object ("signed a treaty", "held joint exercises")."""
        if code[:2] not in RECIPROCAL_ROOTS:
            return False  # "called on X to": an appeal is one-way, whatever the verb
        lemma = trigger.lemma_.lower()
        if lemma in self.lexicon.reciprocal:
            return True
        return lemma in self.lexicon.joint_verbs and any(
            c.dep_ in {"dobj", "attr", "nsubjpass"}
            and c.lemma_.lower() in self.lexicon.joint_objects
            for c in trigger.children
        )

    def _mutual(self, trigger: Token, code: str) -> bool:
        """Coordinated actors agreeing or pledging together ("Kenya and Ethiopia agreed to
        reopen the border"): each commits to the other."""
        if code[:2] not in RECIPROCAL_ROOTS:
            return False
        node = trigger
        while node.dep_ in {"xcomp", "conj"} and node.head.i != node.i:
            node = node.head
        return node.lemma_.lower() in self.lexicon.mutual

    def _reported_by(self, trigger: Token) -> Actor | None:
        """The speaker when the event is inside a clause of a speech verb, or 'according to'."""
        node, steps = trigger, 0
        while node.head.i != node.i and steps < 5:
            head = node.head
            if node.dep_ == "ccomp" and head.lemma_.lower() in self.speech_verbs:
                found, _ = self.subjects(head)
                if found:
                    return found[0].actor
            node, steps = head, steps + 1
        for tok in trigger.sent:
            if tok.lower_ == "according":
                for prep in tok.children:
                    for pobj in prep.children:
                        mention = self._mention(pobj)
                        if mention is not None:
                            return mention.actor
        return None


def _lemma_in(token: Token, item: Item) -> bool:
    return token.lemma_.lower() in item.lemmas or token.lower_ in item.lemmas


def _better(new: Event, old: Event) -> bool:
    """Which of two events with the same dyad and root in a sentence to keep."""
    if new.hedged != old.hedged:
        return not new.hedged
    return new.confidence > old.confidence


def _confidence(source_how: str, target_how: str, hedged: bool) -> float:
    score = 0.9
    for how in (source_how, target_how):
        if how not in {"subject", "object", "pattern", "passive-agent", "passive-subject"}:
            score -= 0.1
    if hedged:
        score -= 0.2
    return round(max(score, 0.1), 2)
