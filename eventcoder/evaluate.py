"""Scoring coded articles against gold files, by the rule in the gold README.

A coded event matches a gold event when its source country, its target country (both
null counts as equal) and its CAMEO root equal the gold's, or its root equals the root of
one of the gold's `alt_cameo`. Each gold event matches at most one coded event; the
matching is a maximum one-to-one matching that first serves required gold events.

- recall = matched required gold events / required gold events
- precision = coded events matched to any gold event / coded events
- quotes: the same on (speaker country, text overlap >= half of the shorter text)
- boilerplate leaks: gold boilerplate prefixes found in the body, an event or a quote
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from .errors import DataFileError, Errors

INTERNATIONAL = ("IGO", "NGO", "IMG")


def actor_country(actor: dict[str, Any] | None) -> str | None:
    """An output actor's country as the gold compares it (ISO-3, or IGO/NGO/IMG)."""
    if not actor:
        return None
    if actor.get("country"):
        return str(actor["country"])
    code = actor.get("code") or ""
    return code[:3] if code[:3] in INTERNATIONAL else None


def _roots(gold_event: dict[str, Any]) -> set[str]:
    return {str(c)[:2] for c in [gold_event["cameo"], *(gold_event.get("alt_cameo") or [])]}


def _normal(text: str) -> str:
    text = text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


def overlap_ok(a: str, b: str) -> bool:
    """True when the longest common stretch covers at least half of the shorter text."""
    a, b = _normal(a), _normal(b)
    if not a or not b:
        return False
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size >= 0.5 * min(len(a), len(b))


def max_matching(
    gold: Sequence[Any], coded: Sequence[Any], fits: Callable[[Any, Any], bool]
) -> dict[int, int]:
    """Maximum one-to-one matching gold index -> coded index (Kuhn's augmenting paths).

    Gold items are served in order and a matched gold item stays matched, so putting the
    required events first maximises required matches before optional ones."""
    edges = [[j for j, c in enumerate(coded) if fits(g, c)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


@dataclass(slots=True)
class Tally:
    required: int = 0
    required_matched: int = 0
    coded: int = 0
    coded_matched: int = 0
    dyad_found: int = 0  # required gold events with a coded event for the same dyad

    def add(self, other: Tally) -> None:
        self.required += other.required
        self.required_matched += other.required_matched
        self.coded += other.coded
        self.coded_matched += other.coded_matched
        self.dyad_found += other.dyad_found

    @property
    def recall(self) -> float:
        return self.required_matched / self.required if self.required else 1.0

    @property
    def precision(self) -> float:
        return self.coded_matched / self.coded if self.coded else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def root_accuracy(self) -> float:
        """Of required events whose actors were found, the share coded with the right root."""
        return self.required_matched / self.dyad_found if self.dyad_found else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "required": self.required,
            "required_matched": self.required_matched,
            "coded": self.coded,
            "coded_matched": self.coded_matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "root_accuracy": round(self.root_accuracy, 4),
        }


@dataclass(slots=True)
class ArticleReport:
    id: str
    events: Tally = field(default_factory=Tally)
    roots: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    quotes: Tally = field(default_factory=Tally)
    leaks: list[str] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    unmatched: list[dict[str, Any]] = field(default_factory=list)
    missing_output: bool = False


def score_article(output: dict[str, Any] | None, gold: dict[str, Any]) -> ArticleReport:
    report = ArticleReport(str(gold["id"]))
    if output is None:
        report.missing_output = True
        output = {"events": [], "quotes": [], "body": ""}
    gold_events = sorted(gold.get("events", []), key=lambda g: not g.get("required", False))
    coded = output.get("events", [])

    def fits(g: dict[str, Any], c: dict[str, Any]) -> bool:
        return (
            actor_country(c.get("source")) == g.get("source")
            and actor_country(c.get("target")) == g.get("target")
            and str(c.get("cameo", ""))[:2] in _roots(g)
        )

    pairs = max_matching(gold_events, coded, fits)
    matched_coded = set(pairs.values())
    for i, g in enumerate(gold_events):
        root = str(g["cameo"])[:2]
        if not g.get("required", False):
            continue
        tally = report.roots[root]
        tally.required += 1
        report.events.required += 1
        dyad = any(
            actor_country(c.get("source")) == g.get("source")
            and actor_country(c.get("target")) == g.get("target")
            for c in coded
        )
        tally.dyad_found += dyad
        report.events.dyad_found += dyad
        if i in pairs:
            tally.required_matched += 1
            report.events.required_matched += 1
        else:
            report.missed.append(g)
    for j, c in enumerate(coded):
        tally = report.roots[str(c.get("cameo", ""))[:2]]
        tally.coded += 1
        report.events.coded += 1
        if j in matched_coded:
            tally.coded_matched += 1
            report.events.coded_matched += 1
        else:
            report.unmatched.append(c)

    gold_quotes = gold.get("quotes", [])
    quotes = output.get("quotes", [])
    qpairs = max_matching(
        gold_quotes,
        quotes,
        lambda g, q: (
            actor_country(q.get("speaker")) == g.get("speakerCode")
            and overlap_ok(g.get("text", ""), q.get("text", ""))
        ),
    )
    report.quotes = Tally(
        required=len(gold_quotes),
        required_matched=len(qpairs),
        coded=len(quotes),
        coded_matched=len(qpairs),
    )

    texts = (
        [output.get("body", "")]
        + [e.get("sentence", "") for e in coded]
        + [q.get("text", "") for q in quotes]
    )
    normal_texts = [_normal(t) for t in texts]
    for prefix in gold.get("boilerplate", []):
        needle = _normal(prefix)
        if needle and any(needle in t for t in normal_texts):
            report.leaks.append(prefix)
    return report


@dataclass(slots=True)
class Report:
    articles: list[ArticleReport]

    def total(self, part: str) -> Tally:
        out = Tally()
        for article in self.articles:
            out.add(getattr(article, part))
        return out

    def roots(self) -> dict[str, Tally]:
        out: dict[str, Tally] = defaultdict(Tally)
        for article in self.articles:
            for root, tally in article.roots.items():
                out[root].add(tally)
        return dict(sorted(out.items()))

    @property
    def leaks(self) -> int:
        return sum(len(a.leaks) for a in self.articles)

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": len(self.articles),
            "missing_outputs": [a.id for a in self.articles if a.missing_output],
            "events": self.total("events").as_dict(),
            "quotes": self.total("quotes").as_dict(),
            "boilerplate_leaks": self.leaks,
            "roots": {root: t.as_dict() for root, t in self.roots().items()},
        }


def load_gold(path: Path) -> dict[str, dict[str, Any]]:
    """Gold documents by id, from a folder of `*.gold.json` files or a JSONL file."""
    docs: list[tuple[str, int, dict[str, Any]]] = []
    if path.is_dir():
        for file in sorted(path.glob("*.gold.json")):
            try:
                docs.append((str(file), 1, json.loads(file.read_text(encoding="utf-8"))))
            except json.JSONDecodeError as exc:
                raise DataFileError(
                    Errors.E040, source=str(file), line=exc.lineno, reason=str(exc)
                ) from exc
    else:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                try:
                    docs.append((str(path), number, json.loads(line)))
                except json.JSONDecodeError as exc:
                    raise DataFileError(
                        Errors.E040, source=str(path), line=number, reason=str(exc)
                    ) from exc
    gold: dict[str, dict[str, Any]] = {}
    for source, number, doc in docs:
        if "id" not in doc or "events" not in doc:
            raise DataFileError(
                Errors.E040,
                source=source,
                line=number,
                reason="a gold document needs 'id' and 'events'",
            )
        gold[str(doc["id"])] = doc
    return gold


def load_outputs(path: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataFileError(
                    Errors.E013, source=str(path), line=number, reason=str(exc)
                ) from exc
            out[str(doc.get("id"))] = doc
    return out


def evaluate(
    outputs: dict[str, dict[str, Any]],
    gold: dict[str, dict[str, Any]],
    ids: Iterable[str] | None = None,
) -> Report:
    """Score every gold article (or those in `ids`) against the coder's outputs."""
    wanted = list(ids) if ids is not None else sorted(i for i in gold if i in outputs)
    return Report([score_article(outputs.get(i), gold[i]) for i in wanted])
