"""Scoring coded articles against gold files, by the rule in the gold README.

A coded event matches a gold event when its source country, its target country (both
null counts as equal) and its CAMEO root equal the gold's, or its root equals the root of
one of the gold's `alt_cameo`. Each gold event matches at most one coded event; the
matching is a maximum one-to-one matching that first serves required gold events.

- recall = matched required gold events / required gold events
- precision = coded events matched to any gold event / coded events
- a gold article with no output counts as all misses; a score with an empty denominator
  is None ("n/a"), never a flattering 1.0; no article in common is an error
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

from .errors import DataFileError, Errors, EvaluationError

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
    def recall(self) -> float | None:
        """None when there is nothing to find: no score is better than a flattering 1.0."""
        return self.required_matched / self.required if self.required else None

    @property
    def precision(self) -> float | None:
        """None when nothing was coded (the scorer cannot say 1.0 for an empty output)."""
        return self.coded_matched / self.coded if self.coded else None

    @property
    def f1(self) -> float | None:
        """The harmonic mean; 0.0 when either side is 0, None when either is undefined."""
        p, r = self.precision, self.recall
        if p == 0.0 or r == 0.0:
            return 0.0
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r)

    @property
    def root_accuracy(self) -> float | None:
        """Of required events whose actors were found, the share coded with the right root."""
        return self.required_matched / self.dyad_found if self.dyad_found else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "required": self.required,
            "required_matched": self.required_matched,
            "coded": self.coded,
            "coded_matched": self.coded_matched,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
            "root_accuracy": _round(self.root_accuracy),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


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
    unscored_outputs: list[str] = field(default_factory=list)  # output ids with no gold

    @property
    def missing_outputs(self) -> list[str]:
        """Gold articles the output has nothing for; each counts as all misses."""
        return [a.id for a in self.articles if a.missing_output]

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
            "missing_outputs": self.missing_outputs,
            "unscored_outputs": self.unscored_outputs,
            "events": self.total("events").as_dict(),
            "quotes": self.total("quotes").as_dict(),
            "boilerplate_leaks": self.leaks,
            "roots": {root: t.as_dict() for root, t in self.roots().items()},
        }


def load_gold(path: Path) -> dict[str, dict[str, Any]]:
    """Gold documents by id, from a folder of `*.gold.json` files, one `.json` file (a
    gold document, or a list of them) or a JSONL file (one gold document a line)."""
    docs: list[tuple[str, int, dict[str, Any]]] = []
    if path.is_dir():
        for file in sorted(path.glob("*.gold.json")):
            docs.extend(_json_file(file))
    elif path.suffix.lower() == ".json":
        docs.extend(_json_file(path))
    else:
        docs.extend(_jsonl_file(path))
    if not docs:
        raise DataFileError(Errors.E042, source=str(path))
    gold: dict[str, dict[str, Any]] = {}
    for source, number, doc in docs:
        if not isinstance(doc, dict) or "id" not in doc or "events" not in doc:
            raise DataFileError(
                Errors.E040,
                source=source,
                line=number,
                reason="a gold document is a JSON object with 'id' and 'events'",
            )
        gold[str(doc["id"])] = doc
    return gold


def _json_file(file: Path) -> list[tuple[str, int, Any]]:
    """One JSON file: a gold document, or a list of them."""
    try:
        value = json.loads(file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataFileError(
            Errors.E040, source=str(file), line=exc.lineno, reason=str(exc)
        ) from exc
    items = value if isinstance(value, list) else [value]
    return [(str(file), 1, item) for item in items]


def _jsonl_file(file: Path) -> list[tuple[str, int, Any]]:
    docs: list[tuple[str, int, Any]] = []
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                docs.append((str(file), number, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise DataFileError(
                    Errors.E040,
                    source=str(file),
                    line=number,
                    reason=f"{exc} (a JSONL gold file holds one document a line; "
                    "name a single pretty-printed document *.gold.json)",
                ) from exc
    return docs


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
    """Score every gold article (or those in `ids`) against the coder's outputs.

    A gold article with no output counts as all misses (listed in
    :attr:`Report.missing_outputs`); outputs with no gold are listed in
    :attr:`Report.unscored_outputs`. Raises :class:`EvaluationError` when no article id is
    in both, since any score would then be meaningless."""
    common = set(outputs) & set(gold)
    if not common:
        raise EvaluationError(
            Errors.E041,
            outputs=len(outputs),
            output_ids=_examples(outputs),
            gold=len(gold),
            gold_ids=_examples(gold),
        )
    wanted = list(ids) if ids is not None else sorted(gold)
    unscored = sorted(set(outputs) - set(gold))
    return Report([score_article(outputs.get(i), gold[i]) for i in wanted], unscored)


def _examples(ids: Iterable[str], limit: int = 3) -> str:
    chosen = sorted(ids)
    shown = ", ".join(repr(i) for i in chosen[:limit])
    return shown + (", ..." if len(chosen) > limit else "") if shown else "none"
