"""User dictionaries: importing PETRARCH2 / TABARI dictionaries (docs/dictionaries.md)."""

from .petrarch import ImportReport, import_petrarch
from .petrarch_actors import ActorRecord, AgentRecord, parse_actors, parse_agents
from .petrarch_verbs import VerbBlock, VerbDictionary, VerbForm, VerbPattern, parse_verbs

__all__ = [
    "ActorRecord",
    "AgentRecord",
    "ImportReport",
    "VerbBlock",
    "VerbDictionary",
    "VerbForm",
    "VerbPattern",
    "import_petrarch",
    "parse_actors",
    "parse_agents",
    "parse_verbs",
]
