"""Flags on events: negation, modality (hypothetical), allegation and reported speech.

All are general rules over the dependency parse; no lexicon entry has special cases.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

MODALS = {"would", "could", "might", "may", "should", "can", "must", "shall", "ought"}
CONDITION_MARKS = {"if", "unless", "whether", "lest"}
INTENT = {
    "want",
    "plan",
    "intend",
    "seek",
    "hope",
    "aim",
    "try",
    "attempt",
    "threaten",
    "promise",
    "pledge",
    "vow",
    "offer",
    "propose",
    "expect",
    "consider",
    "prepare",
    "wish",
    "mean",
    "need",
    "decide",
    "agree",
    "refuse",
    "fail",
    "urge",
    "ask",
    "call",
    "demand",
    "warn",
    "appeal",
    "push",
    "press",
    "likely",
    "set",
    "ready",
    "willing",
    "able",
    "due",
    "poised",
}
ALLEGATION_NOUNS = {
    "allegation",
    "accusation",
    "claim",
    "charge",
    "rumor",
    "rumour",
    "suspicion",
    "report",
    "suggestion",
    "assertion",
}
ALLEGATION_VERBS = {"allege", "accuse", "charge", "suspect", "blame", "claim", "indict", "convict"}
HEDGE_ADVERBS = {"allegedly", "reportedly", "purportedly", "supposedly", "apparently"}
NEGATIONS = {"not", "n't", "never", "no"}
CLAUSE_EDGE = {"ROOT", "parataxis"}


@dataclass(frozen=True, slots=True)
class Flags:
    negated: bool = False
    hypothetical: bool = False
    alleged: bool = False


def _clause_head(token: Token) -> Token:
    """For an event noun, the verb it hangs on ("did not impose sanctions")."""
    node = token
    while (
        node.pos_ not in {"VERB", "AUX"}
        and node.head.i != node.i
        and node.dep_ in {"dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "conj", "compound"}
    ):
        node = node.head
    return node


DENIAL_VERBS = {"deny", "refuse", "decline", "reject", "dismiss", "rule"}


def negated(trigger: Token) -> bool:
    node = _clause_head(trigger)
    if node.dep_ in {"xcomp", "ccomp", "pcomp"} and node.head.lemma_.lower() in DENIAL_VERBS:
        return True  # "denied using chemical weapons", "refused to meet"
    for tok in {node, trigger}:
        for child in tok.children:
            if child.dep_ == "neg" or (
                child.dep_ in {"advmod", "det"} and child.lower_ in NEGATIONS
            ):
                return True
    return False


def hypothetical(trigger: Token) -> bool:
    node = _clause_head(trigger)
    steps = 0
    while True:
        for child in node.children:
            if child.dep_ == "aux" and child.lower_ in MODALS:
                return True
            if child.dep_ == "mark" and child.lower_ in CONDITION_MARKS:
                return True
        if (
            node.dep_ in {"xcomp", "ccomp", "pcomp", "acl"}
            and node.head.lemma_.lower() in INTENT
            and node.head.i != node.i
        ):
            return True
        if node.dep_ not in {"conj", "xcomp"} or steps > 3 or node.head.i == node.i:
            return False
        node, steps = node.head, steps + 1


def alleged(trigger: Token) -> bool:
    node = _clause_head(trigger)
    if any(c.lower_ in HEDGE_ADVERBS for c in node.children):
        return True
    steps = 0
    while node.head.i != node.i and steps < 4 and node.dep_ not in CLAUSE_EDGE:
        head = node.head
        lemma = head.lemma_.lower()
        if (
            node.dep_ in {"acl", "ccomp", "relcl"}
            and head.pos_ == "NOUN"
            and lemma in ALLEGATION_NOUNS
        ):
            return True
        if node.dep_ in {"ccomp", "xcomp"} and lemma in ALLEGATION_VERBS and head.pos_ == "VERB":
            return True
        if node.dep_ == "pcomp" and head.lower_ in {"of", "for", "with", "about", "over"}:
            governor = head.head
            if governor.lemma_.lower() in ALLEGATION_VERBS | ALLEGATION_NOUNS:
                return True
        if (
            node.dep_ == "pobj"
            and head.lower_ in {"about", "of", "over"}
            and head.head.lemma_.lower() in ALLEGATION_NOUNS
        ):
            return True
        node, steps = head, steps + 1
    return False


def flags_for(trigger: Token) -> Flags:
    return Flags(negated(trigger), hypothetical(trigger), alleged(trigger))
