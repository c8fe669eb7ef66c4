"""Throughput: bare spaCy parsing vs the full eventcoder pipeline, side by side in one run.

    python benchmarks/throughput.py [--articles 48] [--rounds 3] [--batch-size 8]

Both sides parse the same articles with the same model and batch size; the full side also
reads, cleans, resolves actors, codes events and quotes, and serialises JSON documents.
Rounds alternate between the two sides so that machine noise hits both; the median round
is reported. Prints articles/s, words/s, the cost ratio full/bare (target: at most 1.2),
and the peak resident memory of this process (target: at most 700 MB).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

import spacy

from eventcoder.config import Settings
from eventcoder.document import to_json
from eventcoder.pipeline import Coder, Failure, resolve_model
from eventcoder.records import Article

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def corpus(count: int) -> list[Article]:
    texts = sorted(p for p in EXAMPLES.glob("*.txt"))
    if not texts:
        sys.exit(f"no example articles in {EXAMPLES}")
    sources = [p.read_text(encoding="utf-8") for p in texts]
    return [
        Article(id=f"a{i}", text=sources[i % len(sources)], source=f"a{i}") for i in range(count)
    ]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=48)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    model = resolve_model(args.model)
    articles = corpus(args.articles)
    texts = [a.text or "" for a in articles]
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(model)
    coder = Coder.from_settings(Settings(model=model, batch_size=args.batch_size))

    def run_bare() -> float:
        start = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=args.batch_size):
            pass
        return time.perf_counter() - start

    def run_full() -> float:
        start = time.perf_counter()
        for result in coder.code_articles(articles):
            if isinstance(result, Failure):
                raise result.error
            to_json(result)
        return time.perf_counter() - start

    run_bare(), run_full()  # warm up: first batches allocate and load lazily
    bare_times, full_times = [], []
    for _ in range(args.rounds):
        bare_times.append(run_bare())
        full_times.append(run_full())
    b, f = statistics.median(bare_times), statistics.median(full_times)
    print(
        f"model {model}, {len(articles)} articles, {words} words, batch size {args.batch_size}, "
        f"{args.rounds} rounds (median)"
    )
    print(f"{'':22}{'articles/s':>12}{'words/s':>12}{'seconds':>10}")
    print(f"{'bare spaCy parsing':22}{len(articles) / b:12.2f}{words / b:12.0f}{b:10.2f}")
    print(f"{'full eventcoder':22}{len(articles) / f:12.2f}{words / f:12.0f}{f:10.2f}")
    ratio = f / b
    print(f"cost ratio full/bare: {ratio:.3f}  (target <= 1.2: {'ok' if ratio <= 1.2 else 'OVER'})")
    mb = peak_mb()
    verdict = "ok" if mb <= 700 else "OVER"
    print(f"peak memory of this process: {mb:.0f} MB  (target <= 700: {verdict})")


if __name__ == "__main__":
    main()
