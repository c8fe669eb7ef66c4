"""The event coder's general rules on hand-built Docs (no model), with a fixture lexicon."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import FIXTURE_GAZETTEER, HERE
from docbuilder import build
from spacy.language import Language

from eventcoder.actors.gazetteer import Gazetteer
from eventcoder.actors.matching import GazetteerMatcher
from eventcoder.actors.resolve import ActorResolver
from eventcoder.events.coder import EventCoder
from eventcoder.events.lexicon import Lexicon, PatternError, parse_pattern
from eventcoder.ontology import default_ontology
from eventcoder.quotes import default_speech_words
from eventcoder.records import Event

FIXTURE_LEXICON = HERE / "data" / "lexicon"


@pytest.fixture(scope="module")
def tools(blank: Language) -> tuple[GazetteerMatcher, EventCoder]:
    gaz = Gazetteer.load([FIXTURE_GAZETTEER], builtin=False)
    lexicon = Lexicon.load([FIXTURE_LEXICON], builtin=False)
    coder = EventCoder(lexicon, default_ontology(), default_speech_words().verbs)
    return GazetteerMatcher(blank.vocab, blank.make_doc, gaz), coder


def code(blank: Language, tools, spec: str, published: date | None = None) -> list[Event]:
    matcher, coder = tools
    doc = build(blank.vocab, spec)
    actors = ActorResolver(doc, matcher, published).run()
    return coder.code(doc, actors, published, "t")


def dyads(events: list[Event]) -> list[tuple[str | None, str, str | None]]:
    return [(e.source.code if e.source else None, e.cameo,
             e.target.code if e.target else None) for e in events]


def test_active_sentence_with_date(blank, tools):
    events = code(blank, tools, "Russia/PROPN/nsubj/1/russia/GPE attacked/VERB/ROOT/-/attack "
                  "Ukraine/PROPN/dobj/1/ukraine/GPE on/ADP/prep/1 Monday/PROPN/pobj/3/monday/DATE "
                  "./PUNCT/punct/1", published=date(2024, 5, 15))
    assert dyads(events) == [("RUS", "190", "UKR")]
    event = events[0]
    assert (event.root, event.quad, event.plover) == ("19", 4, "ASSAULT")
    assert event.goldstein == pytest.approx(-10.0)
    assert (event.date, event.date_text) == ("2024-05-13", "Monday")
    assert event.trigger.text == "attacked" and "attack" in event.rule
    assert event.id == "t:e1"
    assert not (event.negated or event.hypothetical or event.alleged)


def test_passive_agent_is_the_source(blank, tools):
    events = code(blank, tools, "Ukraine/PROPN/nsubjpass/2/ukraine/GPE was/AUX/auxpass/2/be "
                  "attacked/VERB/ROOT/-/attack by/ADP/agent/2 Russia/PROPN/pobj/3/russia/GPE "
                  "./PUNCT/punct/2")
    assert dyads(events) == [("RUS", "190", "UKR")]
    assert "passive-agent" in events[0].rule


def test_passive_without_agent_has_no_source(blank, tools):
    events = code(blank, tools, "Ukraine/PROPN/nsubjpass/2/ukraine/GPE was/AUX/auxpass/2/be "
                  "attacked/VERB/ROOT/-/attack ./PUNCT/punct/2")
    assert events == []


def test_negation_and_modality_flags(blank, tools):
    negated = code(blank, tools, "Russia/PROPN/nsubj/3/russia/GPE did/AUX/aux/3/do not/PART/neg/3 "
                   "attack/VERB/ROOT/-/attack Ukraine/PROPN/dobj/3/ukraine/GPE ./PUNCT/punct/3")
    assert negated[0].negated and not negated[0].hypothetical
    modal = code(blank, tools, "Russia/PROPN/nsubj/2/russia/GPE would/AUX/aux/2 "
                 "attack/VERB/ROOT/-/attack Ukraine/PROPN/dobj/2/ukraine/GPE ./PUNCT/punct/2")
    assert modal[0].hypothetical and not modal[0].negated
    conditional = code(blank, tools, "if/SCONJ/mark/2 Russia/PROPN/nsubj/2/russia/GPE "
                       "attacks/VERB/advcl/5/attack Ukraine/PROPN/dobj/2/ukraine/GPE ,/PUNCT/punct/5 "
                       "NATO/PROPN/nsubj/5/nato/ORG responds/VERB/ROOT/-/respond ./PUNCT/punct/5")
    assert [e.hypothetical for e in conditional] == [True]


def test_accusation_and_the_alleged_embedded_event(blank, tools):
    events = code(blank, tools, "Ukraine/PROPN/nsubj/1/ukraine/GPE accused/VERB/ROOT/-/accuse "
                  "Russia/PROPN/dobj/1/russia/GPE of/ADP/prep/1 shelling/VERB/pcomp/3/shell "
                  "Kyiv/PROPN/dobj/4/kyiv/GPE ./PUNCT/punct/1")
    assert dyads(events) == [("UKR", "112", "RUS"), ("RUS", "194", "UKRGOV")]
    accusation, shelling = events
    assert not accusation.alleged and shelling.alleged
    assert "of-object" in shelling.rule  # "accused X of V-ing": X is the subject of V


def test_reported_speech_names_the_speaker(blank, tools):
    events = code(blank, tools, "Ukrainian/ADJ/amod/1/ukrainian/NORP officials/NOUN/nsubj/2/official "
                  "said/VERB/ROOT/-/say Russia/PROPN/nsubj/4/russia/GPE shelled/VERB/ccomp/2/shell "
                  "Kyiv/PROPN/dobj/4/kyiv/GPE ./PUNCT/punct/2")
    assert dyads(events) == [("RUS", "194", "UKRGOV")]
    assert events[0].reported_by is not None and events[0].reported_by.code == "UKRGOV"


def test_object_control_and_most_specific_entry(blank, tools):
    events = code(blank, tools, "Stoltenberg/PROPN/nsubj/1/stoltenberg/PERSON urged/VERB/ROOT/-/urge "
                  "South/PROPN/compound/3/south/GPE Korea/PROPN/dobj/1/korea/GPE to/PART/aux/5 "
                  "lift/VERB/xcomp/1/lift restrictions/NOUN/dobj/5/restriction ./PUNCT/punct/1",
                  published=date(2023, 1, 30))
    assert dyads(events) == [("IGOWSTNAT", "025", "KOR")]  # beats the bare "urge TARGET to"


def test_specificity_picks_the_sub_code(blank, tools):
    events = code(blank, tools, "Ukraine/PROPN/nsubj/1/ukraine/GPE appealed/VERB/ROOT/-/appeal "
                  "to/ADP/prep/1 Germany/PROPN/pobj/2/germany/GPE for/ADP/prep/1 "
                  "military/ADJ/amod/6 aid/NOUN/pobj/4/aid ./PUNCT/punct/1")
    assert [e.cameo for e in events] == []  # no target: "appeal" has no TARGET slot here
    matcher, coder = tools
    doc = build(blank.vocab, "Ukraine/PROPN/nsubj/1/ukraine/GPE appealed/VERB/ROOT/-/appeal "
                "for/ADP/prep/1 military/ADJ/amod/4 aid/NOUN/pobj/2/aid from/ADP/prep/1 "
                "Germany/PROPN/pobj/5/germany/GPE ./PUNCT/punct/1")
    actors = ActorResolver(doc, matcher, None).run()
    coder.monadic = True
    try:
        events = coder.code(doc, actors, None, "t")
    finally:
        coder.monadic = False
    assert [e.cameo for e in events] == ["0232"]


def test_coordinated_sources_and_deduplication(blank, tools):
    events = code(blank, tools, "Germany/PROPN/nsubj/5/germany/GPE ,/PUNCT/punct/0 "
                  "Norway/PROPN/conj/0/norway/GPE and/CCONJ/cc/2 Sweden/PROPN/conj/2/sweden/GPE "
                  "condemned/VERB/ROOT/-/condemn and/CCONJ/cc/5 denounced/VERB/conj/5/denounce "
                  "Russia/PROPN/dobj/5/russia/GPE ./PUNCT/punct/5")
    assert sorted(dyads(events)) == [("DEU", "111", "RUS"), ("NOR", "111", "RUS"),
                                     ("SWE", "111", "RUS")]


def test_target_owned_object(blank, tools):
    events = code(blank, tools, "North/PROPN/compound/1/north/GPE Korea/PROPN/nsubj/2/korea/GPE "
                  "denounced/VERB/ROOT/-/denounce Stoltenberg/PROPN/poss/5/stoltenberg/PERSON "
                  "'s/PART/case/3 visit/NOUN/dobj/2 ./PUNCT/punct/2", published=date(2023, 1, 30))
    assert dyads(events) == [("PRK", "111", "IGOWSTNAT")]
    assert "object-owner" in events[0].rule


def test_event_noun_under_a_light_verb(blank, tools):
    events = code(blank, tools, "Israel/PROPN/nsubj/1/israel/GPE launched/VERB/ROOT/-/launch "
                  "air/NOUN/compound/3 strikes/NOUN/dobj/1/strike on/ADP/prep/3 "
                  "Gaza/PROPN/pobj/4/gaza/GPE ./PUNCT/punct/1")
    assert dyads(events) == [("ISR", "195", "PSE")]
    assert "light-verb" in events[0].rule


def test_event_noun_not_carried_by_a_light_verb_is_background(blank, tools):
    events = code(blank, tools, "Iran/PROPN/nsubj/1/iran/GPE condemned/VERB/ROOT/-/condemn "
                  "Israel/PROPN/poss/4/israel/GPE 's/PART/case/2 airstrike/NOUN/dobj/1/airstrike "
                  "on/ADP/prep/4 Gaza/PROPN/pobj/5/gaza/GPE ./PUNCT/punct/1")
    assert dyads(events) == [("IRN", "111", "ISR")]


def test_talks_between_two_actors(blank, tools):
    events = code(blank, tools, "talks/NOUN/nsubj/5/talk between/ADP/prep/0 "
                  "Israel/PROPN/pobj/1/israel/GPE and/CCONJ/cc/2 Hamas/PROPN/conj/2/hamas/ORG "
                  "resumed/VERB/ROOT/-/resume ./PUNCT/punct/5")
    assert sorted(dyads(events)) == [("ISR", "046", "PSEREBHMS"), ("PSEREBHMS", "046", "ISR")]


def test_source_slot_swaps_roles(blank, tools):
    events = code(blank, tools, "Ukraine/PROPN/nsubj/1/ukraine/GPE received/VERB/ROOT/-/receive "
                  "weapons/NOUN/dobj/1/weapon from/ADP/prep/1 Germany/PROPN/pobj/3/germany/GPE "
                  "./PUNCT/punct/1")
    assert dyads(events) == [("DEU", "070", "UKR")]


@pytest.mark.parametrize("pattern,error", [
    ("", "empty"), ("Urge TARGET", "bad trigger"), ("urge TARGET TARGET", "at most one"),
    ("TARGET [urge]", "before the trigger"), ("[air] [strike]", "more than one"),
])
def test_bad_patterns_are_rejected(pattern, error):
    with pytest.raises(PatternError, match=error):
        parse_pattern(pattern)


def test_bracketed_trigger_pattern():
    trigger, before, after = parse_pattern("air|drone [strike] on TARGET")
    assert trigger == frozenset({"strike"})
    assert [str(i) for i in before] == ["air|drone"]
    assert [str(i) for i in after] == ["on", "TARGET"]


def test_intent_verb_turns_a_hostile_act_into_a_threat(blank, tools):
    events = code(blank, tools, "Iran/PROPN/nsubj/1/iran/GPE vowed/VERB/ROOT/-/vow to/PART/aux/3 "
                  "attack/VERB/xcomp/1/attack Israel/PROPN/dobj/3/israel/GPE ./PUNCT/punct/1")
    assert dyads(events) == [("IRN", "1384", "ISR")]
    assert not events[0].hypothetical and "intent=intent-verb:vow:190" in events[0].rule
    assert (events[0].quad, events[0].plover) == (3, "THREATEN")


def test_source_saying_it_would_act_is_an_intent_but_a_prediction_is_hypothetical(blank, tools):
    said = code(blank, tools, "Russia/PROPN/nsubj/1/russia/GPE said/VERB/ROOT/-/say "
                "it/PRON/nsubj/4 would/AUX/aux/4 impose/VERB/ccomp/1/impose "
                "sanctions/NOUN/dobj/4/sanction on/ADP/prep/4 Ukraine/PROPN/pobj/6/ukraine/GPE "
                "./PUNCT/punct/1")
    assert dyads(said) == [("RUS", "1312", "UKR")]
    assert "pronoun-of-speaker" in said[0].rule and not said[0].hypothetical
    predicted = code(blank, tools, "Germany/PROPN/nsubj/1/germany/GPE said/VERB/ROOT/-/say "
                     "Russia/PROPN/nsubj/4/russia/GPE would/AUX/aux/4 attack/VERB/ccomp/1/attack "
                     "Ukraine/PROPN/dobj/4/ukraine/GPE ./PUNCT/punct/1")
    assert dyads(predicted) == [("RUS", "190", "UKR")]
    assert predicted[0].hypothetical and predicted[0].reported_by.code == "DEU"


def test_reciprocal_events_go_both_ways(blank, tools):
    met = code(blank, tools, "Armenia/PROPN/nsubj/3/armenia/GPE and/CCONJ/cc/0 "
               "Azerbaijan/PROPN/conj/0/azerbaijan/GPE met/VERB/ROOT/-/meet in/ADP/prep/3 "
               "Prague/PROPN/pobj/4/prague/GPE ./PUNCT/punct/3")
    assert sorted(dyads(met)) == []  # the fixture lexicon's "meet TARGET" needs an object
    talks = code(blank, tools, "talks/NOUN/nsubj/5/talk between/ADP/prep/0 "
                 "Israel/PROPN/pobj/1/israel/GPE and/CCONJ/cc/2 Hamas/PROPN/conj/2/hamas/ORG "
                 "resumed/VERB/ROOT/-/resume ./PUNCT/punct/5")
    assert sorted(dyads(talks)) == [("ISR", "046", "PSEREBHMS"), ("PSEREBHMS", "046", "ISR")]
    one_way = code(blank, tools, "Israel/PROPN/nsubj/1/israel/GPE met/VERB/ROOT/-/meet "
                   "Hamas/PROPN/dobj/1/hamas/ORG in/ADP/prep/1 Cairo/PROPN/pobj/3/cairo/GPE "
                   "./PUNCT/punct/1")
    assert sorted(dyads(one_way)) == [("ISR", "040", "PSEREBHMS"), ("PSEREBHMS", "040", "ISR")]


def test_target_slot_after_a_verb_is_its_object_not_a_place(blank, tools):
    # "Israeli troops met in Tehran": a place after a preposition is never the met party
    events = code(blank, tools, "Israeli/ADJ/amod/1/israeli/NORP troops/NOUN/nsubj/2/troops "
                  "met/VERB/ROOT/-/meet in/ADP/prep/2 Tehran/PROPN/pobj/3/tehran/GPE "
                  "./PUNCT/punct/2")
    assert events == []
    # ... while the object is: "Israeli troops met Iranian officials in Tehran"
    events = code(blank, tools, "Israeli/ADJ/amod/1/israeli/NORP troops/NOUN/nsubj/2/troops "
                  "met/VERB/ROOT/-/meet Iranian/ADJ/amod/4/iranian/NORP officials/NOUN/dobj/2/official "
                  "in/ADP/prep/2 Tehran/PROPN/pobj/5/tehran/GPE ./PUNCT/punct/2")
    assert ("ISRMIL", "040", "IRNGOV") in dyads(events)
