"""Import PETRARCH2 / TABARI dictionaries into a user dictionary folder (docs/dictionaries.md).

    OUT/lexicon/petrarch_verbs.tsv       verb patterns      (from --verbs)
    OUT/gazetteer/people_petrarch.tsv    dated actors       (from --actors)
    OUT/gazetteer/organizations.tsv      undated actors     (from --actors)
    OUT/gazetteer/countries.tsv          country records    (from --actors)
    OUT/gazetteer/agents.tsv             agent nouns        (from --agents)

Every row written loads with `Lexicon.load` / `Gazetteer.load`; what our formats cannot
hold is skipped and counted in the ImportReport, never written half-right.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..actors.gazetteer import packaged_folder
from ..ontology import Ontology, default_ontology
from ..tsv import read_tsv
from .petrarch_actors import (
    AGENT_HEADER,
    COUNTRY_HEADER,
    ORG_HEADER,
    PEOPLE_HEADER,
    ActorStats,
    AgentStats,
    convert_actors,
    convert_agents,
    parse_actors,
    parse_agents,
)
from .petrarch_text import write_tsv
from .petrarch_verbs import VerbStats, convert_verbs, parse_verbs

LEXICON_FILE = Path("lexicon") / "petrarch_verbs.tsv"
PEOPLE_FILE = Path("gazetteer") / "people_petrarch.tsv"
ORGANIZATIONS_FILE = Path("gazetteer") / "organizations.tsv"
COUNTRIES_FILE = Path("gazetteer") / "countries.tsv"
AGENTS_FILE = Path("gazetteer") / "agents.tsv"


@dataclass(slots=True)
class ImportReport:
    """What was read, written and skipped (and why), per dictionary kind."""

    out: str
    verbs: VerbStats | None = None
    actors: ActorStats | None = None
    agents: AgentStats | None = None
    written: dict[str, int] = field(default_factory=dict)  # file -> rows

    def to_dict(self) -> dict[str, Any]:
        def plain(value: Any) -> Any:
            if isinstance(value, Counter):
                return dict(value.most_common())
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items()}
            return value

        data = asdict(self)
        for part in ("verbs", "actors", "agents"):
            stats = getattr(self, part)
            if stats is not None:
                data[part] = {k: plain(getattr(stats, k)) for k in stats.__dataclass_fields__}
        return data

    def summary(self) -> str:
        """A readable summary for the command line."""
        lines = [f"Imported into {self.out}"]

        def reasons(counter: Counter[str], indent: str = "      ") -> None:
            for reason, count in counter.most_common():
                lines.append(f"{indent}{count:>7,}  {reason}")

        if (v := self.verbs) is not None:
            lines += [
                f"  verbs ({', '.join(Path(f).name for f in v.files)}):",
                f"    {v.blocks:,} blocks, {v.verb_forms:,} verb forms "
                f"({v.phrasal_verb_forms:,} phrasal), {v.patterns:,} patterns, "
                f"{v.synsets:,} synonym sets ({v.synset_phrases:,} phrases), "
                f"{v.transformations:,} transformations (not converted)",
                f"    patterns converted: {v.patterns_converted:,}; "
                f"skipped: {sum(v.patterns_skipped.values()):,}",
            ]
            reasons(v.patterns_skipped)
            lines.append(
                f"    verb forms coding on their own: {v.bare_verbs_converted:,}; "
                f"without: {sum(v.bare_verbs_skipped.values()):,}"
            )
            reasons(v.bare_verbs_skipped)
            lines.append(
                f"    lexicon entries written: {v.entries_written:,} "
                f"({v.duplicate_entries:,} duplicates dropped)"
            )
        if (a := self.actors) is not None:
            lines += [
                f"  actors ({', '.join(Path(f).name for f in a.files)}):",
                f"    {a.records:,} records, {a.synonyms:,} synonyms, "
                f"{a.date_restrictions:,} date restrictions, {a.default_codes:,} default codes",
                f"    people: {a.people_records:,} records -> {a.people_rows:,} rows; "
                f"organisations: {a.organization_rows:,} rows; "
                f"records without code: {a.records_without_code:,}",
            ]
            for title, counter in (
                ("records skipped", a.records_skipped),
                ("codes skipped", a.restrictions_skipped),
                ("names dropped", a.names_dropped),
                ("lines skipped", a.lines_skipped),
            ):
                if counter:
                    lines.append(f"    {title}: {sum(counter.values()):,}")
                    reasons(counter)
        if (g := self.agents) is not None:
            lines += [
                f"  agents ({', '.join(Path(f).name for f in g.files)}):",
                f"    {g.entries:,} entries read, {g.substitution_sets:,} substitution sets, "
                f"{g.phrases:,} phrases after substitution, {g.written:,} written; "
                f"skipped: {sum(g.skipped.values()):,}",
            ]
            reasons(g.skipped)
        for path, rows in self.written.items():
            lines.append(f"  wrote {rows:,} rows to {path}")
        return "\n".join(lines)


def _countries() -> frozenset[str]:
    """The ISO-3 codes of the packaged countries table (to tell countries from regions)."""
    table = packaged_folder() / "countries.tsv"
    return frozenset(row.get("code") for row in read_tsv(table, ("code",)))


def import_petrarch(
    out: Path,
    *,
    verbs: Path | None = None,
    actors: Sequence[Path] = (),
    agents: Path | None = None,
    ontology: Ontology | None = None,
) -> ImportReport:
    """Read the given PETRARCH / TABARI dictionaries and write them into the folder `out`.

    Files are all parsed before anything is written, so a malformed line (DataFileError,
    naming the file and line) leaves `out` untouched."""
    ontology = ontology or default_ontology()
    report = ImportReport(str(out))
    verb_dict = parse_verbs(verbs) if verbs is not None else None
    actor_files = [parse_actors(path) for path in actors]
    agent_file = parse_agents(agents) if agents is not None else None
    generated = "generated by `eventcoder dictionary import`; re-import rather than edit"
    if verb_dict is not None:
        report.verbs = VerbStats()
        rows = convert_verbs(verb_dict, ontology, report.verbs)
        report.written[str(out / LEXICON_FILE)] = write_tsv(
            out / LEXICON_FILE,
            ("code", "pos", "pattern", "note"),
            (r.cells() for r in rows),
            [f"Verb patterns from {Path(verb_dict.source).name}, {generated}."],
        )
    if actor_files:
        report.actors = ActorStats()
        converted = convert_actors(actor_files, _countries(), report.actors)
        names = ", ".join(Path(f.source).name for f in actor_files)
        report.written[str(out / PEOPLE_FILE)] = write_tsv(
            out / PEOPLE_FILE,
            PEOPLE_HEADER,
            converted.people,
            [
                f"Date-restricted actors from {names}, {generated}.",
                "One row per date restriction; a default code is the row without dates.",
            ],
        )
        report.written[str(out / ORGANIZATIONS_FILE)] = write_tsv(
            out / ORGANIZATIONS_FILE,
            ORG_HEADER,
            converted.orgs,
            [f"Actors with a single code from {names}, {generated}."],
        )
        report.written[str(out / COUNTRIES_FILE)] = write_tsv(
            out / COUNTRIES_FILE,
            COUNTRY_HEADER,
            converted.countries,
            [
                f"Country records (a bare country code) from {names}, {generated}.",
                "Names and synonyms are all aliases: the format does not mark demonyms.",
            ],
        )
    if agent_file is not None:
        report.agents = AgentStats()
        rows_ = convert_agents(agent_file, report.agents, set())
        report.written[str(out / AGENTS_FILE)] = write_tsv(
            out / AGENTS_FILE,
            AGENT_HEADER,
            rows_,
            [
                f"Agent nouns from {Path(agent_file.source).name}, {generated}.",
                "A plural equal to the phrase means no plural is formed.",
            ],
        )
    return report
