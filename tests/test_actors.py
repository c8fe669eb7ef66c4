"""Actor resolution on hand-built Docs (no model) with a small fixture gazetteer."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import FIXTURE_GAZETTEER
from docbuilder import build
from spacy.language import Language

from eventcoder.actors.gazetteer import Gazetteer, parse_date, plural_forms
from eventcoder.actors.matching import GazetteerMatcher
from eventcoder.actors.resolve import ActorResolver, ArticleActors


@pytest.fixture(scope="module")
def matcher(blank: Language) -> GazetteerMatcher:
    gaz = Gazetteer.load([FIXTURE_GAZETTEER], builtin=False)
    return GazetteerMatcher(blank.vocab, blank.make_doc, gaz)


def resolve(blank: Language, matcher: GazetteerMatcher, spec: str,
            published: date | None = None) -> tuple[ArticleActors, object]:
    doc = build(blank.vocab, spec)
    return ActorResolver(doc, matcher, published).run(), doc


def codes(actors: ArticleActors) -> dict[str, str | None]:
    return {m.actor.text: m.actor.code for m in actors.mentions}


def test_demonym_plus_agent_noun(blank, matcher):
    actors, _ = resolve(blank, matcher, "a/DET/det/4 senior/ADJ/amod/4 North/ADJ/amod/3 "
                        "Korean/ADJ/amod/4 official/NOUN/nsubj/5 denied/VERB/ROOT/-/deny "
                        "U.S./PROPN/compound/7 allegations/NOUN/dobj/5/allegation ./PUNCT/punct/5")
    mention = actors.at(4)
    assert mention is not None
    assert (mention.actor.code, mention.actor.country, mention.actor.sector) == ("PRKGOV", "PRK", "GOV")
    assert mention.actor.text == "a senior North Korean official"
    assert "agent:official" in mention.actor.rule
    # "U.S." modifies a non-actor noun, so it is an actor of its own (the allegations' owner)
    assert actors.at(6) is not None and actors.at(6).actor.code == "USA"


def test_title_and_organisation_describe_a_person(blank, matcher):
    actors, _ = resolve(blank, matcher,
                        "NATO/PROPN/compound/3 Secretary-General/PROPN/compound/3 "
                        "Jens/PROPN/compound/3/jens/PERSON Stoltenberg/PROPN/nsubj/4/stoltenberg/PERSON "
                        "visited/VERB/ROOT/-/visit Seoul/PROPN/dobj/4/seoul/GPE ./PUNCT/punct/4")
    person = actors.at(3)
    assert person.actor.code == "IGOWSTNAT" and person.actor.country is None
    assert person.actor.rule.startswith("person:described")
    assert actors.at(5).actor.code == "KORGOV"  # capital as metonym


def test_article_description_beats_gazetteer_and_date_picks_role(blank, matcher):
    # Without a description the gazetteer role on the article date decides.
    actors, _ = resolve(blank, matcher, "Stoltenberg/PROPN/nsubj/1/stoltenberg/PERSON "
                        "spoke/VERB/ROOT/-/speak ./PUNCT/punct/1", published=date(2012, 3, 1))
    assert actors.at(0).actor.code == "NORGOV"
    actors, _ = resolve(blank, matcher, "Stoltenberg/PROPN/nsubj/1/stoltenberg/PERSON "
                        "spoke/VERB/ROOT/-/speak ./PUNCT/punct/1", published=date(2020, 3, 1))
    assert actors.at(0).actor.code == "IGOWSTNAT"
    assert actors.at(0).actor.rule == "person:gazetteer:dated"


def test_surname_back_reference_picks_the_most_recent_person(blank, matcher):
    spec = ("North/ADJ/amod/1 Korean/ADJ/amod/2 researcher/NOUN/compound/4 "
            "Kim/PROPN/compound/4/kim/PERSON Tong-myong/PROPN/nsubj/5/tong-myong/PERSON "
            "spoke/VERB/ROOT/-/speak ./PUNCT/punct/5 "
            "Kim/PROPN/nsubj/8/kim/PERSON claimed/VERB/ROOT/-/claim ./PUNCT/punct/8 "
            "Russian/ADJ/amod/11 official/NOUN/compound/12 "
            "Kim/PROPN/compound/13/kim/PERSON Yo-jong/PROPN/nsubj/14/yo-jong/PERSON "
            "spoke/VERB/ROOT/-/speak ./PUNCT/punct/14 "
            "Kim/PROPN/nsubj/17/kim/PERSON said/VERB/ROOT/-/say ./PUNCT/punct/17")
    actors, _ = resolve(blank, matcher, spec)
    assert actors.at(4).actor.code == "PRKEDU"
    assert actors.at(7).actor.code == "PRKEDU"  # "Kim" -> Kim Tong-myong
    assert actors.at(7).actor.rule == "person:earlier-mention"
    assert actors.at(13).actor.code == "RUSGOV"  # a different Kim, introduced as Russian
    assert actors.at(16).actor.code == "RUSGOV"  # now "Kim" is the most recent Kim


def test_pronoun_skips_names_used_as_modifiers(blank, matcher):
    spec = ("Kwon/PROPN/compound/1/kwon/PERSON Jong-gun/PROPN/nsubj/6/jong-gun/PERSON ,/PUNCT/punct/1 "
            "North/PROPN/compound/4/north/GPE Korea/PROPN/poss/5/korea/GPE official/NOUN/appos/1 "
            "warned/VERB/ROOT/-/warn that/SCONJ/mark/11 the/DET/det/10 "
            "Biden/PROPN/compound/10/biden/PERSON administration/NOUN/nsubj/11 "
            "erred/VERB/ccomp/6/err ./PUNCT/punct/6 he/PRON/nsubj/14 railed/VERB/ROOT/-/rail "
            "./PUNCT/punct/14")
    actors, _ = resolve(blank, matcher, spec)
    assert actors.at(1).actor.code == "PRKGOV"  # via the apposition
    assert "appos" in actors.at(1).actor.rule
    assert actors.at(10).actor.code == "USAGOV"  # Biden (gazetteer, latest role) + administration
    he = actors.at(13)
    assert he is not None and he.actor.code == "PRKGOV" and he.kind == "pronoun"


def test_possessive_gives_country_not_sector(blank, matcher):
    # "Kim Jong-un's sister Kim Ae-ri": the sister is North Korean; nothing says her office.
    spec = ("Kim/PROPN/compound/3/kim/PERSON Jong/PROPN/compound/3/jong/PERSON -/PUNCT/punct/3/-/PERSON "
            "un/PROPN/compound/7/un/PERSON 's/PART/compound/5 sister/NOUN/compound/7 "
            "Kim/PROPN/compound/7/kim/PERSON Ae-ri/PROPN/nsubj/8/ae-ri/PERSON "
            "spoke/VERB/ROOT/-/speak ./PUNCT/punct/8")
    actors, _ = resolve(blank, matcher, spec)
    sister = actors.at(7)
    assert (sister.actor.code, sister.actor.sector) == ("PRK", None)


def test_nested_organisation_through_title_preposition(blank, matcher):
    spec = ("director/NOUN/nsubj/7 of/ADP/prep/0 North/PROPN/compound/3/north/GPE "
            "Korea/PROPN/poss/5/korea/GPE 's/PART/case/3 Department/PROPN/pobj/1/department "
            "./PUNCT/punct/7 spoke/VERB/ROOT/-/speak")
    actors, _ = resolve(blank, matcher, spec)
    assert actors.at(5).actor.code == "PRKGOV"
    assert actors.at(0).actor.code == "PRKGOV"
    assert "of:agent" in actors.at(0).actor.rule


def test_contextual_reference_needs_its_context(blank, matcher):
    with_context = ("the/DET/det/1 North/PROPN/nsubj/2/north threatened/VERB/ROOT/-/threaten "
                    "South/PROPN/compound/4/south Korea/PROPN/dobj/2/korea ./PUNCT/punct/2")
    actors, _ = resolve(blank, matcher, with_context)
    assert actors.at(1).actor.code == "PRK"
    without = "the/DET/det/1 North/PROPN/nsubj/2/north won/VERB/ROOT/-/win ./PUNCT/punct/2"
    actors, _ = resolve(blank, matcher, without)
    assert actors.at(1) is None or actors.at(1).actor.code is None


def test_unknown_named_person_keeps_text_without_a_code(blank, matcher):
    actors, _ = resolve(blank, matcher, "Ana/PROPN/compound/1/ana/PERSON Ruiz/PROPN/nsubj/2/ruiz/PERSON "
                        "spoke/VERB/ROOT/-/speak ./PUNCT/punct/2")
    mention = actors.at(1)
    assert mention.actor.text == "Ana Ruiz" and mention.actor.code is None
    assert mention.actor.rule == "person:unresolved"


def test_former_title_is_elite(blank, matcher):
    actors, _ = resolve(blank, matcher, "former/ADJ/amod/2 Polish/ADJ/amod/2 president/NOUN/nsubj/3 "
                        "spoke/VERB/ROOT/-/speak ./PUNCT/punct/3")
    assert actors.at(2).actor.code == "POLELI"


def test_gazetteer_helpers():
    assert plural_forms("state media") == ["state medias"]
    assert plural_forms("policeman") == ["policemen"]
    assert plural_forms("militia") == ["militias"]
    assert plural_forms("army") == ["armies"]
    assert plural_forms("witness") == ["witnesses"]
    assert parse_date("2024-02", end=True) == date(2024, 2, 29)
    assert parse_date("2013") == date(2013, 1, 1)


def test_bad_gazetteer_row_names_file_and_line(tmp_path):
    (tmp_path / "organizations.tsv").write_text("names\tcode\tcountry\tsector\tkind\tnote\n"
                                                "Good Org\tUSABUS\tUSA\tBUS\tBUS\t\n"
                                                "Bad Org\tusa-bus\tUSA\tBUS\tBUS\t\n")
    with pytest.raises(Exception) as info:
        Gazetteer.load([tmp_path], builtin=False)
    assert "organizations.tsv" in str(info.value) and "line 3" in str(info.value)


def test_names_match_whole_hyphenated_words(blank, tmp_path):
    (tmp_path / "people.tsv").write_text(
        "name\taliases\tcode\tcountry\tsector\tstart\tend\trole\tnote\n"
        "Park Jin\t\tKORGOV\tKOR\tGOV\t2022\t2023\tForeign minister\t\n")
    gaz = Gazetteer.load([tmp_path], builtin=False)
    matcher = GazetteerMatcher(blank.vocab, blank.make_doc, gaz)
    assert matcher.find_names(blank("Park Jin-young sang.")) == []
    assert len(matcher.find_names(blank("Park Jin spoke."))) == 1


def test_lowercase_names_match_any_capitalisation_with_a_capital(blank, tmp_path):
    (tmp_path / "organizations.tsv").write_text(
        "names\tcode\tcountry\tsector\tkind\tnote\n"
        "mohammad zahir shah|chad\tAFGELI\tAFG\tELI\tOTHER\t\n")
    gaz = Gazetteer.load([tmp_path], builtin=False)
    matcher = GazetteerMatcher(blank.vocab, blank.make_doc, gaz)
    assert len(matcher.find_names(blank("MOHAMMAD ZAHIR SHAH spoke."))) == 1
    assert len(matcher.find_names(blank("Mohammad Zahir Shah spoke."))) == 1
    assert matcher.find_names(blank("they ate chad today")) == []
