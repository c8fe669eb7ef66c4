"""The PLOVER-type score for tests/data/plover: the gold README's rule with the CAMEO root
replaced by the PLOVER type.

A coded event matches a gold event when its source country, its target country (both null
counts as equal) and its PLOVER type equal the gold's. Each gold event matches at most one
coded event (a maximum one-to-one matching that serves required gold events first).
recall = matched required gold events / required gold events; precision = coded events
matched to any gold event / coded events.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventcoder.evaluate import Tally, actor_country, max_matching


def plover_fits(gold_event: Mapping[str, Any], coded_event: Mapping[str, Any]) -> bool:
    """True when a coded event matches a gold event by source, target and PLOVER type."""
    return (
        actor_country(coded_event.get("source")) == gold_event.get("source")
        and actor_country(coded_event.get("target")) == gold_event.get("target")
        and coded_event.get("plover") is not None
        and coded_event.get("plover") == gold_event.get("plover")
    )


def plover_score(
    outputs: Mapping[str, Mapping[str, Any]], gold: Mapping[str, Mapping[str, Any]]
) -> tuple[Tally, dict[str, Tally]]:
    """The total over every gold record, and a tally per PLOVER type.

    Per type, required counts gold events of that type and coded counts coded events of that
    type; a record without output counts as coded with nothing."""
    total = Tally()
    per_type: dict[str, Tally] = {}
    for record_id, doc in gold.items():
        output = outputs.get(record_id)
        gold_events = sorted(doc.get("events", []), key=lambda g: not g.get("required", False))
        coded = list(output.get("events", [])) if output else []
        pairs = max_matching(gold_events, coded, plover_fits)
        matched_coded = set(pairs.values())
        for i, event in enumerate(gold_events):
            if event.get("required", False):
                matched = i in pairs
                for tally in (total, per_type.setdefault(str(event.get("plover")), Tally())):
                    tally.required += 1
                    tally.required_matched += matched
        for j, event in enumerate(coded):
            matched = j in matched_coded
            for tally in (total, per_type.setdefault(str(event.get("plover")), Tally())):
                tally.coded += 1
                tally.coded_matched += matched
    return total, dict(sorted(per_type.items()))
