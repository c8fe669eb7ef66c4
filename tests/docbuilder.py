"""Build parsed spaCy Docs by hand, so components can be tested without a model.

Each token is `text/POS/dep/head` with an optional `/lemma` and `/ENT` (B-/I- prefix added
automatically for a run of the same label), head as an absolute index; "-" for the head
means the token is its own head (a root)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

NO_SPACE_BEFORE = {".", ",", "'s", "’s", ":", ";", "?", "!", "”", "n't", ")"}


def build(vocab: Vocab, spec: str) -> Doc:
    words, pos, deps, heads, lemmas, ents = [], [], [], [], [], []
    for i, item in enumerate(spec.split()):
        parts = item.split("/")
        text, tag, dep, head = parts[0].replace("_", " "), parts[1], parts[2], parts[3]
        lemma = parts[4] if len(parts) > 4 and parts[4] else text.lower()
        ent = parts[5] if len(parts) > 5 else ""
        words.append(text)
        pos.append(tag)
        deps.append(dep)
        heads.append(i if head == "-" else int(head))
        lemmas.append(lemma)
        ents.append(ent)
    spaces = [not (j + 1 < len(words) and (words[j + 1] in NO_SPACE_BEFORE or words[j] in {"“", "("}))
              for j in range(len(words))]
    iob = []
    for j, label in enumerate(ents):
        if not label:
            iob.append("O")
        else:
            iob.append(("I-" if j and ents[j - 1] == label else "B-") + label)
    return Doc(vocab, words=words, spaces=spaces, pos=pos, deps=deps, heads=heads, lemmas=lemmas,
               ents=iob)
