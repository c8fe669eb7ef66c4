"""eventcoder: explainable political event data (CAMEO, PLOVER) from news articles.

>>> import eventcoder
>>> result = eventcoder.code_text("Russian forces shelled Kharkiv on Monday, Ukrainian "
...                               "officials said.", published="2024-05-13")
>>> [(e.source.code, e.cameo, e.target.code) for e in result.events]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .config import Settings
from .records import Actor, Article, ArticleResult, Event, Quote

if TYPE_CHECKING:
    from .pipeline import Coder, load_pipeline

__version__ = "0.1.0"
__all__ = [
    "Actor",
    "Article",
    "ArticleResult",
    "Coder",
    "Event",
    "Quote",
    "Settings",
    "code_text",
    "load_pipeline",
]


def __getattr__(name: str) -> Any:
    # spaCy is imported only when the pipeline is needed.
    if name in {"Coder", "load_pipeline"}:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'eventcoder' has no attribute {name!r}")


def code_text(
    text: str, *, published: str | None = None, id: str = "text", settings: Settings | None = None
) -> ArticleResult:
    """Code one article's text with a pipeline loaded for the call (use `Coder` for many)."""
    from .pipeline import Coder

    return Coder.from_settings(settings).code_text(text, id=id, published=published)
