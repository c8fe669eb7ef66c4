"""The cleaning gate: team-written scraped pages (tests/data/clean) with their debris lines
and the body lines that must survive, scored trafilatura-style against tests/quality/
thresholds.toml [clean].

- debris recall: the share of debris lines that cleaning removed (from the body and the title)
- body precision: the share of body lines that are still in the cleaned body
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from eventcoder.clean import Cleaned, clean_text

HERE = Path(__file__).parent
PAGES = HERE / "data" / "clean"
THRESHOLDS = HERE / "quality" / "thresholds.toml"
FLOORS = {"debris_recall": 0.85, "body_precision": 0.98}
SHORT = 15  # a debris line shorter than this leaks only as a whole kept paragraph
LONG = 40  # a debris line this long leaks when found anywhere (a wrapped line joined)


def normal(text: str) -> str:
    text = text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    return re.sub(r"\s+", " ", text).strip().casefold()


def leaked(prefix: str, cleaned: Cleaned) -> bool:
    """Whether a debris line is still there: a short one as a whole kept paragraph (or the
    title), a longer one opening a kept paragraph, a long one anywhere in them. (A body
    sentence may start with a site's name: 'The Ministry of ... said'.)"""
    needle = normal(prefix)
    kept = [normal(p) for p in cleaned.paragraphs] + [normal(cleaned.title or "")]
    if len(needle) < SHORT:
        return needle in kept
    if len(needle) < LONG:
        return any(p.startswith(needle) for p in kept)
    return any(needle in p for p in kept)


def kept(prefix: str, cleaned: Cleaned) -> bool:
    return normal(prefix) in normal(cleaned.body)


@dataclass
class Score:
    pages: int = 0
    debris: int = 0
    removed: int = 0
    body: int = 0
    body_kept: int = 0
    leaks: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    reasons: Counter[str] = field(default_factory=Counter)

    @property
    def debris_recall(self) -> float:
        return self.removed / self.debris

    @property
    def body_precision(self) -> float:
        return self.body_kept / self.body

    def summary(self) -> str:
        return (
            f"{self.pages} pages: debris recall {self.debris_recall:.3f} "
            f"({self.removed}/{self.debris} removed), body precision "
            f"{self.body_precision:.3f} ({self.body_kept}/{self.body} kept)\n"
            + "".join(f"LEAK {leak}\n" for leak in self.leaks)
            + "".join(f"LOST {line}\n" for line in self.lost)
        )


def pages() -> list[dict[str, object]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(PAGES.glob("*.json"))]


def score() -> Score:
    out = Score()
    for page in pages():
        cleaned = clean_text(str(page["text"]))
        out.pages += 1
        out.reasons.update(r.reason for r in cleaned.removed)
        for prefix in page["debris"]:  # type: ignore[attr-defined]
            out.debris += 1
            if leaked(prefix, cleaned):
                out.leaks.append(f"[{page['id']}] {prefix}")
            else:
                out.removed += 1
        for prefix in page["body_lines"]:  # type: ignore[attr-defined]
            out.body += 1
            if kept(prefix, cleaned):
                out.body_kept += 1
            else:
                out.lost.append(f"[{page['id']}] {prefix}")
    return out


def gate() -> dict[str, float]:
    return tomllib.loads(THRESHOLDS.read_text(encoding="utf-8"))["clean"]


def test_the_set_is_big_and_varied():
    docs = pages()
    assert len(docs) >= 40
    assert len({d["id"] for d in docs}) == len(docs)
    assert sum(len(d["debris"]) for d in docs) >= 200  # type: ignore[arg-type, misc]
    for doc in docs:
        assert doc["debris"] and doc["body_lines"], doc["id"]
        for prefix in [*doc["debris"], *doc["body_lines"]]:  # type: ignore[misc]
            assert normal(prefix) in normal(str(doc["text"])), (doc["id"], prefix)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_thresholds_are_not_below_the_floors(name: str):
    assert 0.0 <= FLOORS[name] <= gate()[name] <= 1.0


def test_cleaning_gate():
    result = score()
    thresholds = gate()
    assert result.debris_recall >= thresholds["debris_recall"], result.summary()
    assert result.body_precision >= thresholds["body_precision"], result.summary()


def test_scoring_counts_a_leak_and_a_loss():
    cleaned = Cleaned("Title", None, ("Share this article", "Body text stays here."), ())
    assert leaked("Share this article", cleaned) and not leaked("Share", cleaned)
    assert leaked("Title", cleaned) and kept("Body text", cleaned)
    assert not kept("A lost line", cleaned)
