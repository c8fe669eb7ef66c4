"""The general coding rules with the real model, on sentences written for these tests."""

from __future__ import annotations

import pytest


def code(coder, text: str, published: str = "2024-05-14"):  # type: ignore[no-untyped-def]
    result = coder.code_text(text, published=published)
    return result, sorted(
        (e.source.scoring_country, e.cameo[:2], e.target.scoring_country if e.target else None)
        for e in result.events
    )


@pytest.mark.parametrize("text,expected", [
    # reciprocal: both directions
    ("China and Russia held joint naval exercises in the Sea of Japan.",
     [("CHN", "06", "RUS"), ("RUS", "06", "CHN")]),
    ("Russia and North Korea inked a strategic partnership treaty.",
     [("PRK", "05", "RUS"), ("RUS", "05", "PRK")]),
    ("Kenya and Ethiopia agreed on Thursday to reopen the border crossing at Moyale.",
     [("ETH", "03", "KEN"), ("KEN", "03", "ETH")]),
    # a state's own drills near another are force posture, one way
    ("Venezuela conducted military exercises near its border with Guyana.",
     [("VEN", "15", "GUY")]),
    # stated intentions are 03/13 codes
    ("Germany will send more tanks to Ukraine.", [("DEU", "03", "UKR")]),
    ("Russia said it would impose sanctions on Moldova.", [("RUS", "13", "MDA")]),
    # partitive subjects and domestic protest
    ("Tens of thousands of Serbians marched against the government in Belgrade.",
     [("SRB", "14", "SRB")]),
    # the passive keeps its object words
    ("Forty Russian diplomats were expelled by Germany.", [("DEU", "16", "RUS")]),
])
def test_general_rules(coder, text, expected):
    _, dyads = code(coder, text)
    assert dyads == expected


def test_the_place_stands_for_an_unnamed_target_of_violence(coder):
    result, dyads = code(coder, "Israeli troops raided a refugee camp in Jenin on Tuesday.")
    assert dyads == [("ISR", "19", "PSE")]
    assert "target=location" in result.events[0].rule


def test_denied_acts_are_negated_and_hedged(coder):
    result, dyads = code(coder, "Damascus denied using chemical weapons in Douma.")
    assert dyads == []
    assert [e.negated for e in result.hedged_events] == [True]


def test_adjectival_participles_are_not_acts(coder):
    _, dyads = code(coder, "Russia granted asylum to ousted Syrian President Bashar al-Assad.",
                    published="2024-12-10")
    assert ("RUS", "17", "SYR") not in dyads


def test_a_person_in_apposition_takes_the_role(coder):
    result, _ = code(coder, "A spokeswoman for the Vietnamese foreign ministry, Nguyen Thu Ha, "
                            "rejected the criticism.\n\n“This is normal,” she told reporters.")
    [quote] = result.quotes
    assert quote.speaker.code == "VNMGOV"


def test_sentence_opening_pronoun_prefers_the_last_subject(coder):
    _, dyads = code(coder, "Chilean President Gabriel Boric met Argentine President Alberto "
                           "Fernandez in Buenos Aires on Monday. He praised Argentina for its "
                           "solidarity.", published="2022-01-25")
    assert ("CHL", "05", "ARG") in dyads


@pytest.mark.parametrize("text,cameo", [
    ("Ukraine appealed to Germany for military aid.", "0232"),
    ("Japan expressed its intent to provide military aid to the Philippines.", "0332"),
    ("Iran threatened Israel with military force.", "138"),
])
def test_the_specific_code_wins_over_its_root(coder, text, cameo):
    result, _ = code(coder, text)
    assert [e.cameo for e in result.events] == [cameo]
