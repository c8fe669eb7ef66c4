"""Quote attribution alone, on one long article with many quotations.

    python benchmarks/quotes.py [--paragraphs 150] [--rounds 3]

Parses a generated article (each paragraph: a full quotation with its speaker after it, and
two partial quotations in reported speech) once with the full pipeline, then times
`QuoteAttributor.run` on it and reports the best round. Attribution must stay linear in
the article: reading `Doc.text` (which joins every token) once per quotation made a 28 KB
article with 450 quotations take 11 s; reading it once takes under 0.1 s.
"""

from __future__ import annotations

import argparse
import time

from eventcoder.config import Settings
from eventcoder.pipeline import Coder
from eventcoder.quotes import QuoteAttributor, QuoteSpan, default_speech_words

PARAGRAPH = (
    "“We will not accept any ultimatum from anyone,” the foreign minister of Ruritania said "
    "on Tuesday, adding that its neighbour had “no intention of negotiating” and that the "
    "talks were “a bluff.”"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    coder = Coder.from_settings(Settings())
    text = "\n\n".join([PARAGRAPH] * args.paragraphs)
    doc = coder.nlp(text)
    spans = [QuoteSpan(a, b) for a, b in doc._.quote_spans]
    speech = default_speech_words()
    best = float("inf")
    for _ in range(args.rounds):
        start = time.perf_counter()
        QuoteAttributor(doc, doc._.actors, speech, spans).run()
        best = min(best, time.perf_counter() - start)
    size = f"{len(spans)} quotations in {len(text):,} characters"
    print(f"{size}: {best * 1000:.0f} ms (best of {args.rounds})")


if __name__ == "__main__":
    main()
