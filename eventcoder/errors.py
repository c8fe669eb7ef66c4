"""Numbered error messages, spaCy-style: each error has a stable code users can search for."""

from __future__ import annotations

from enum import StrEnum


class Errors(StrEnum):
    E001 = "No English spaCy pipeline is installed. Install one with: {install}"
    E002 = "Cannot load the spaCy pipeline {name!r}: {reason}"
    E010 = "{source}: the file is empty"
    E011 = "{source}: this looks like a binary file, not text ({reason})"
    E012 = (
        "{source}: not valid UTF-8 text and no other encoding was recognised "
        "(byte {offset}: {reason}); name the encoding with --encoding"
    )
    E013 = "{source}: line {line} is not valid JSON ({reason})"
    E014 = "{source}: {where} has no {fields} field"
    E015 = "{source}: no such file or directory"
    E016 = (
        "{source}: unsupported input type {suffix!r} (expected .txt, .html, .htm, .json, "
        ".jsonl, .ndjson, .csv, .tsv, .warc, .rss, .atom, .xml, any of them .gz, or a URL)"
    )
    E017 = "{source}: the article has no text left after cleaning"
    E018 = "{source}: {where}: {reason}"
    E019 = "{source}: the file is {size} bytes, over the limit of {limit} bytes"
    E020 = "{source}: the directory holds no input files{detail}"
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
    # sources (docs/sources.md)
    E110 = "{source}: not valid {encoding} text (byte {offset}: {reason})"
    E111 = "{source}: the gzip data is damaged or truncated ({reason})"
    E112 = "{source}: not valid JSON ({reason})"
    E113 = "{source}: line {line}: not a valid CSV row ({reason})"
    E114 = "{source}: no column {column!r} for the {role} (columns: {columns})"
    E115 = "{source}: not a readable WARC archive ({reason})"
    E116 = "{source}: the WARC archive holds no HTML response records"
    E117 = "{source}: not a readable RSS or Atom feed ({reason})"
    E118 = "{source}: cannot fetch it ({reason})"
    E119 = "{source}: robots.txt of {host} does not allow {agent} to fetch it"
    E120 = "{source}: {where} is {size} bytes, over the limit of {limit} bytes"
    E121 = "{source}: the feed has no entries with a link"
    E122 = "{source}: the file holds no articles"
    # settings
    E150 = "{where}: unknown setting {key!r}{hint} (settings: {known})"
    E151 = "{where}: bad value {value!r} for {key!r}: expected {expected}"
    E152 = "{where}: cannot read the settings file ({reason})"
    # coding
    E160 = "{source}: coding the article failed ({reason})"

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


class SettingsError(EventcoderError):
    """A setting in eventcoder.toml, the environment or an argument is unknown or bad."""


class ModelError(EventcoderError):
    """No usable spaCy pipeline."""


class DataFileError(EventcoderError):
    """A data file (lexicon, gazetteer, ontology, gold) is malformed."""


class EvaluationError(EventcoderError):
    """Coded output and gold cannot be scored together (no article in common)."""
