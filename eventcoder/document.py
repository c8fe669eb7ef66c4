"""The output document: one JSON document per article (docs/schema.md)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from .records import ArticleResult


@lru_cache(maxsize=1)
def article_schema() -> dict[str, Any]:
    """The JSON Schema every output document conforms to."""
    path = resources.files("eventcoder.data") / "schema" / "article.schema.json"
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def to_json(result: ArticleResult) -> str:
    """One line of JSONL."""
    return json.dumps(result.to_dict(), ensure_ascii=False)
