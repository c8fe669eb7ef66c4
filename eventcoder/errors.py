"""Numbered error messages, spaCy-style: each error has a stable code users can search for."""

from __future__ import annotations

from enum import StrEnum


class Errors(StrEnum):
    E001 = "No English spaCy pipeline is installed. Install one with: {install}"
    E002 = "Cannot load the spaCy pipeline {name!r}: {reason}"
    E010 = "{source}: the file is empty"
    E011 = "{source}: this looks like a binary file, not text ({reason})"
    E012 = "{source}: not valid UTF-8 text (byte {offset}: {reason})"
    E013 = "{source}: line {line} is not valid JSON ({reason})"
    E014 = "{source}: line {line} has no 'text' or 'html' field"
    E015 = "{source}: no such file or directory"
    E016 = "{source}: unsupported input type {suffix!r} (expected .txt, .html, .htm, .jsonl)"
    E017 = "{source}: the article has no text left after cleaning"
    E018 = "{source}: line {line}: {reason}"
    E019 = "{source}: the file is {size} bytes, over the limit of {limit} bytes"
    E020 = "{source}: the directory holds no .txt, .html or .jsonl files"
    E030 = "{source}: line {line}: {reason}"
    E031 = "Invalid date {value!r}: expected YYYY-MM-DD"
    E040 = "{source}: line {line}: gold file problem: {reason}"
    E021 = "{source}: cannot read the input ({reason})"
    E050 = "{source}: line {line}: not a valid PETRARCH {kind} dictionary line: {reason}"
    E041 = (
        "No article ids in common between the output ({outputs} articles, e.g. {output_ids}) "
        "and the gold ({gold} articles, e.g. {gold_ids}): nothing can be scored. Check that "
        "the output was coded from the gold's articles and that their ids match."
    )
    E042 = "{source}: no gold documents found (expected *.gold.json files or JSONL lines)"

    def render(self, **kwargs: object) -> str:
        return f"[{self.name}] " + self.value.format(**kwargs)


class EventcoderError(Exception):
    """Base class for errors eventcoder reports to users."""

    def __init__(self, error: Errors, **kwargs: object) -> None:
        self.error = error
        self.kwargs = kwargs
        super().__init__(error.render(**kwargs))


class InputError(EventcoderError):
    """An input (file, line, article) cannot be read or coded."""


class ModelError(EventcoderError):
    """No usable spaCy pipeline."""


class DataFileError(EventcoderError):
    """A data file (lexicon, gazetteer, ontology, gold) is malformed."""


class EvaluationError(EventcoderError):
    """Coded output and gold cannot be scored together (no article in common)."""
