"""Input readers: files, folders, JSON/JSONL/CSV corpora, WARC archives, feeds, URLs and
stdin -> Article records, with a clear numbered error for each input that cannot be read.

Formats and options: docs/sources.md.
"""

from __future__ import annotations

from .encoding import decode
from .files import INPUT_SUFFIXES, kind_of, read_inputs, read_with
from .options import Columns, FetchOptions, ReadOptions

__all__ = [
    "INPUT_SUFFIXES",
    "Columns",
    "FetchOptions",
    "ReadOptions",
    "decode",
    "kind_of",
    "read_inputs",
    "read_with",
]
