"""Finding quotations in text, and attributing them with the real pipeline."""

from __future__ import annotations

from eventcoder.quotes import find_quote_spans


def inner(text: str) -> list[str]:
    return [text[s.inner[0] : s.inner[1]] for s in find_quote_spans(text)]


def test_curly_and_straight_quotes():
    text = 'He called it a “grave mistake” and said "we will respond," officials noted.'
    assert inner(text) == ["grave mistake", "we will respond,"]


def test_single_quotes_inside_double_quotes_stay_inside():
    text = "“It brings the clouds of a ‘new Cold War’ to the region,” he said."
    assert inner(text) == ["It brings the clouds of a ‘new Cold War’ to the region,"]


def test_quote_continues_across_a_paragraph_break():
    text = "“The first part of a long statement.\n\n“And the second part,” she said.\n\nNext."
    spans = find_quote_spans(text)
    assert len(spans) == 1
    assert text[spans[0].inner[0] : spans[0].inner[1]].endswith("second part,")


def test_unclosed_quote_does_not_swallow_the_next_paragraph():
    text = "He said “this never closes.\n\nA new paragraph with “a quote” here."
    assert inner(text) == ["a quote"]


def test_apostrophes_and_inch_marks_are_not_quotes():
    text = "Russia’s army said the 5\" gun and Kyiv's forces were ready."
    assert inner(text) == []


def test_attribution_with_the_model(coder):
    text = (
        "Ukrainian Foreign Minister Dmytro Kuleba said on Tuesday that Russia had "
        "“no intention of negotiating.”\n\n"
        "“We will not accept any ultimatum,” he told reporters in Kyiv.\n\n"
        "“Our position is clear. Our troops will stay,” said Russian Defence Minister "
        "Sergei Shoigu.\n\n"
        "Analysts called the move “a bluff.”"
    )
    result = coder.code_text(text, published="2022-03-01")
    found = {q.text: (q.speaker.code if q.speaker else None, q.verb) for q in result.quotes}
    assert found["no intention of negotiating."] == ("UKRGOV", "say")
    assert found["We will not accept any ultimatum,"] == ("UKRGOV", "tell")
    assert found["Our position is clear. Our troops will stay,"][0] in {"RUSGOV", "RUSMIL"}
    # "Analysts" has no country: the quotation is not attributed to any actor code
    assert found.get("a bluff.", (None, None))[0] is None


def test_single_quotes_in_a_headline_but_not_apostrophes():
    text = "Minister calls the plan a ‘dead end’ as Kyiv's allies meet\n\nThe minister spoke."
    assert inner(text) == ["dead end"]
    text = "Opposition says vote was 'rigged' in Ankara's suburbs\n\nBody."
    assert inner(text) == ["rigged"]


def test_single_quotes_in_the_body_are_not_quotations():
    text = "The first line ends like a sentence.\n\nHe called it a ‘bluff’ and left."
    assert inner(text) == []


def test_speech_words_file_has_names():
    from eventcoder.quotes import default_speech_words

    words = default_speech_words()
    assert "say" in words.verbs and "statement" in words.nouns
    assert "so-called" in words.naming and "say" not in words.naming


def quotes_of(coder, text: str, published: str = "2024-05-01") -> dict[str, tuple]:
    result = coder.code_text(text, published=published)
    return {
        q.text: (
            q.speaker.scoring_country if q.speaker else None,
            q.speaker.text if q.speaker else None,
            q.rule,
        )
        for q in result.quotes
    }


def test_according_to(coder):
    found = quotes_of(
        coder, "The shelling was “the heaviest in weeks,” according to the Ukrainian army."
    )
    assert found["the heaviest in weeks,"][0] == "UKR"
    assert found["the heaviest in weeks,"][2] == "quote:according-to"


def test_subject_before_a_colon(coder):
    found = quotes_of(
        coder, "Chilean President Gabriel Boric was clear: “We will not negotiate with violence.”"
    )
    assert found["We will not negotiate with violence."][:1] == ("CHL",)
    assert found["We will not negotiate with violence."][2] == "quote:subject-before-colon"


def test_outer_speaker_of_a_partial_quote(coder):
    text = "Greece’s foreign minister said the navy would respond “with all necessary means.”"
    found = quotes_of(coder, text)
    country, speaker, rule = found["with all necessary means."]
    assert country == "GRC" and "minister" in speaker
    assert rule == "quote:governed-by-outer-speech-verb"


def test_continuation_paragraph_and_previous_paragraph_speaker(coder):
    text = (
        "“Our border guards turned back 40 boats this week,” Tunisian Interior Minister "
        "Khaled Nouri said on Friday.\n\n"
        "“We cannot carry this burden alone.”\n\n"
        "Italy’s prime minister said her government would raise the issue in Brussels.\n\n"
        "“Europe must share the responsibility for its southern border.”"
    )
    found = quotes_of(coder, text)
    assert found["We cannot carry this burden alone."][0] == "TUN"
    assert found["We cannot carry this burden alone."][2] == "quote:continuation"
    assert found["Europe must share the responsibility for its southern border."][0] == "ITA"


def test_institution_named_again_by_its_head_word_or_it(coder):
    text = (
        "Iran’s Revolutionary Guards said they had seized a tanker in the Gulf.\n\n"
        "“The vessel was smuggling fuel,” the Guards said in a statement.\n\n"
        "The Vietnamese Foreign Ministry protested the survey. “The ship must leave our waters "
        "immediately,” it said."
    )
    found = quotes_of(coder, text)
    assert found["The vessel was smuggling fuel,"][0] == "IRN"
    assert found["The ship must leave our waters immediately,"][0] == "VNM"


def test_statement_from_a_body_named_by_its_pronoun(coder):
    text = (
        "Egypt’s army gave a different account. A statement from its spokesman said "
        "militants had attacked “a checkpoint in northern Sinai”."
    )
    found = quotes_of(coder, text)
    assert found["a checkpoint in northern Sinai"][0] == "EGY"


def test_names_after_naming_words_are_not_quotations(coder):
    text = "The offensive, code-named “Desert Shield,” began on Monday, officials in Sanaa said."
    assert "Desert Shield," not in quotes_of(coder, text)


def test_speaker_country_from_its_own_phrase(coder):
    text = "“The city is calm tonight,” the mayor of Odesa, Gennadiy Trukhanov, said."
    found = quotes_of(coder, text)
    assert found["The city is calm tonight,"][0] == "UKR"


def test_analysts_do_not_take_the_home_country(coder):
    text = (
        "Kenya deployed police across Nairobi on Monday.\n\n"
        "“The protests will grow,” a security analyst told reporters."
    )
    found = quotes_of(coder, text)
    assert found["The protests will grow,"][0] is None


def test_speaker_without_country_takes_the_home_country(coder):
    text = (
        "Police in Kenya fired tear gas at protesters in Nairobi, and Kenyan opposition "
        "leaders called for more marches across Kenya.\n\n"
        "“We will not allow anarchy,” Interior Secretary Amos Kiprono told reporters."
    )
    found = quotes_of(coder, text)
    country, _, _ = found["We will not allow anarchy,"]
    assert country == "KEN"
    result = coder.code_text(text, published="2024-05-01")
    assert "home-country:" in result.quotes[0].speaker.rule


def test_no_home_country_when_two_countries_share_the_story(coder):
    text = (
        "Serbia and Kosovo traded accusations. Serbian police and Kosovo police both "
        "reinforced the border, Serbia said, and Kosovo denied it.\n\n"
        "“Nobody will be allowed to cross,” Interior Minister Ilir Berisha said."
    )
    found = quotes_of(coder, text)
    assert found["Nobody will be allowed to cross,"][0] is None


def test_home_country_from_the_lead_sentence(coder):
    text = (
        "Peru recalled its ambassador from Mexico on Tuesday after a row over the detained "
        "former president, and Mexico said it regretted the decision.\n\n"
        "“Mexico has no right to interfere in our affairs,” Foreign Minister Elmer Salazar said."
    )
    result = coder.code_text(text, published="2024-05-01")
    quote = next(q for q in result.quotes if q.text.startswith("Mexico has no right"))
    assert quote.speaker is not None and quote.speaker.country == "PER"
    assert "home-country:lead-subject" in quote.speaker.rule
