"""spaCy pipeline components: importing this module registers the factories.

nlp.add_pipe("eventcoder_paragraphs", before="parser")
nlp.add_pipe("eventcoder_actors")
nlp.add_pipe("eventcoder_quotes")
nlp.add_pipe("eventcoder_events")
"""

from .factories import (
    ActorsComponent,
    EventsComponent,
    QuotesComponent,
    paragraph_boundaries,
    register_extensions,
)

__all__ = [
    "ActorsComponent",
    "EventsComponent",
    "QuotesComponent",
    "paragraph_boundaries",
    "register_extensions",
]
