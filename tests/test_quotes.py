"""Finding quotations in text, and attributing them with the real pipeline."""

from __future__ import annotations

from eventcoder.quotes import find_quote_spans


def inner(text: str) -> list[str]:
    return [text[s.inner[0]:s.inner[1]] for s in find_quote_spans(text)]


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
    assert text[spans[0].inner[0]:spans[0].inner[1]].endswith("second part,")


def test_unclosed_quote_does_not_swallow_the_next_paragraph():
    text = "He said “this never closes.\n\nA new paragraph with “a quote” here."
    assert inner(text) == ["a quote"]


def test_apostrophes_and_inch_marks_are_not_quotes():
    text = "Russia’s army said the 5\" gun and Kyiv's forces were ready."
    assert inner(text) == []


def test_attribution_with_the_model(coder):
    text = ("Ukrainian Foreign Minister Dmytro Kuleba said on Tuesday that Russia had "
            "“no intention of negotiating.”\n\n"
            "“We will not accept any ultimatum,” he told reporters in Kyiv.\n\n"
            "“Our position is clear. Our troops will stay,” said Russian Defence Minister "
            "Sergei Shoigu.\n\n"
            "Analysts called the move “a bluff.”")
    result = coder.code_text(text, published="2022-03-01")
    found = {q.text: (q.speaker.code if q.speaker else None, q.verb) for q in result.quotes}
    assert found["no intention of negotiating."] == ("UKRGOV", "say")
    assert found["We will not accept any ultimatum,"] == ("UKRGOV", "tell")
    assert found["Our position is clear. Our troops will stay,"][0] in {"RUSGOV", "RUSMIL"}
    # "Analysts" has no country: the quotation is not attributed to any actor code
    assert found.get("a bluff.", (None, None))[0] is None
