"""Input readers: turn files, directories, JSON Lines and stdin into Article records."""

from __future__ import annotations

from .files import INPUT_SUFFIXES, decode, read_inputs

__all__ = ["INPUT_SUFFIXES", "decode", "read_inputs"]
