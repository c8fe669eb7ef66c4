"""The gazetteer: countries, seats of power, organisations, people and agent nouns.

Loaded from the TSV files described in docs/data-files.md, from the packaged data folder and
optionally from user dictionary folders. Matching is done with spaCy PhraseMatchers that
each component builds once for its vocab.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..tsv import Row, read_tsv

INTERNATIONAL = ("IGO", "NGO", "IMG")
SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "LEG",
        "PTY",
        "ELI",
        "OPP",
        "REB",
        "UAF",
        "SPY",
        "MED",
        "BUS",
        "CVL",
        "EDU",
        "REL",
        "REF",
        "HLH",
        "LAB",
        "AGR",
        "ENV",
        "HRI",
        "CRM",
        "DEV",
        "IGO",
        "NGO",
        "MOD",
        "RAD",
        "SEP",
        "INS",
    ]
)
CODE_RE = re.compile(r"^[A-Z]{3}(?:[A-Z0-9]{3}){0,3}$")

# Kinds of name entries, in the order that breaks ties between equally long matches.
# ("nonactor" comes last: on an identical span a real name wins; a longer one still blocks.)
NAME_KINDS = (
    "org",
    "person",
    "seat",
    "country",
    "demonym",
    "capital",
    "contextual",
    "nonactor",
)


def parse_date(text: str, *, end: bool = False) -> date | None:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a partial end date means the end of that period."""
    text = text.strip()
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
    if len(parts) == 2:
        if not end:
            return date(parts[0], parts[1], 1)
        nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(parts[0], parts[1], parts[2])


@dataclass(frozen=True, slots=True)
class Role:
    """One period of a person's career."""

    code: str
    country: str | None
    sector: str | None
    start: date | None
    end: date | None
    role: str

    def covers(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(slots=True, eq=False)
class Person:
    """A person's (or a dated organisation's) roles; compared by identity."""

    name: str
    roles: list[Role] = field(default_factory=list)

    def role_at(self, when: date | None) -> tuple[Role | None, str]:
        """The role on `when` (or the latest without a date), and how it was chosen."""
        if not self.roles:
            return None, "none"
        ordered = sorted(self.roles, key=lambda r: r.start or date.min)
        if when is None:
            return ordered[-1], "latest"
        current = [r for r in ordered if r.covers(when)]
        if current:
            return current[-1], "dated"
        before = [r for r in ordered if r.end is not None and r.end < when]
        if before and before[-1].country:
            last = before[-1]
            return Role(
                f"{last.country}ELI", last.country, "ELI", last.end, None, f"former {last.role}"
            ), "former"
        return None, "not-yet"


@dataclass(frozen=True, slots=True)
class NameEntry:
    """A proper name the matcher looks for (case-sensitive)."""

    phrase: str
    kind: str  # one of NAME_KINDS
    code: str | None
    country: str | None
    sector: str | None
    name: str  # canonical name (country name, organisation's first name, person's name)
    requires: tuple[str, ...] = ()
    person: Person | None = None


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """An agent noun phrase (case-insensitive) and the sector it implies."""

    phrase: str
    sector: str
    kind: str  # title, group or member
    lemma: str  # the singular form from the file


def plural_forms(phrase: str) -> list[str]:
    """Regular English plurals of the last word of a noun phrase."""
    head, _, last = phrase.rpartition(" ")
    prefix = f"{head} " if head else ""
    if last.endswith("man") and not last.endswith("human"):
        forms = [last[:-3] + "men"]
    elif re.search(r"[^aeiou]y$", last):
        forms = [last[:-1] + "ies"]
    elif re.search(r"(s|x|z|ch|sh)$", last):
        forms = [last + "es"]
    else:
        forms = [last + "s"]
    return [prefix + f for f in forms]


@dataclass(slots=True)
class Gazetteer:
    names: dict[str, list[NameEntry]] = field(default_factory=lambda: defaultdict(list))
    agents: dict[str, AgentEntry] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)  # ISO-3 -> name
    people: dict[str, Person] = field(default_factory=dict)
    dated_orgs: dict[str, Person] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    # -- loading -------------------------------------------------------------------------
    @classmethod
    def load(cls, directories: Iterable[Path] = (), *, builtin: bool = True) -> Gazetteer:
        """The packaged gazetteer (unless `builtin` is False), then each user folder in turn."""
        gaz = cls()
        if builtin:
            gaz.add_folder(packaged_folder())
        for folder in directories:
            gaz.add_folder(Path(folder))
        return gaz

    def add_folder(self, folder: Path) -> None:
        def rows(pattern: str, required: tuple[str, ...]) -> Iterator[Row]:
            for path in sorted(folder.glob(pattern)):
                self.sources.append(str(path))
                yield from read_tsv(path, required)

        for row in rows("countries.tsv", ("code", "name")):
            self._add_country(row)
        for row in rows("seats.tsv", ("phrase", "code")):
            code = self._code(row, row.get("code"))
            self._add_name(
                row.get("phrase"), "seat", code, code[:3], code[3:6] or None, row.get("phrase")
            )
        for row in rows("contextual.tsv", ("phrase", "code", "requires")):
            code = self._code(row, row.get("code"))
            self._add_name(
                row.get("phrase"),
                "contextual",
                code,
                code[:3],
                code[3:6] or None,
                row.get("phrase"),
                tuple(row.alternatives("requires")),
            )
        for row in rows("nonactors.tsv", ("phrase",)):
            self._add_name(row.get("phrase"), "nonactor", None, None, None, row.get("phrase"))
        for row in rows("organizations.tsv", ("names", "code")):
            self._add_org(row)
        for row in rows("people*.tsv", ("name", "code", "start", "end")):
            self._add_person(row)
        for row in rows("agents.tsv", ("phrase", "sector")):
            self._add_agent(row)

    def _code(self, row: Row, code: str) -> str:
        if not CODE_RE.match(code):
            raise row.error(f"malformed actor code {code!r}")
        return code

    def _add_name(
        self,
        phrase: str,
        kind: str,
        code: str | None,
        country: str | None,
        sector: str | None,
        name: str,
        requires: tuple[str, ...] = (),
        person: Person | None = None,
    ) -> None:
        if country in INTERNATIONAL:
            country = None
        entry = NameEntry(phrase, kind, code, country, sector, name, requires, person)
        existing = self.names[phrase]
        if not any(e.kind == kind and e.code == code and e.person is person for e in existing):
            existing.append(entry)

    def _add_country(self, row: Row) -> None:
        iso3 = row.get("code")
        if not re.fullmatch(r"[A-Z]{3}", iso3):
            raise row.error(f"malformed ISO-3 code {iso3!r}")
        name = row.get("name")
        self.countries[iso3] = name
        for phrase in [name, *row.alternatives("aliases")]:
            self._add_name(phrase, "country", iso3, iso3, None, name)
        for phrase in row.alternatives("demonyms"):
            self._add_name(phrase, "demonym", iso3, iso3, None, name)
        for phrase in row.alternatives("capitals"):
            self._add_name(phrase, "capital", iso3 + "GOV", iso3, "GOV", name)

    def _add_org(self, row: Row) -> None:
        code = self._code(row, row.get("code"))
        names = row.alternatives("names")
        if not names:
            raise row.error("organisation without a name")
        country = row.get("country") or None
        if code[:3] in INTERNATIONAL:
            country = None
        sector = row.get("sector") or None
        if sector and sector not in SECTORS:
            raise row.error(f"unknown sector {sector!r}")
        if row.get("start") or row.get("end"):
            # An organisation whose code changed over time (the Taliban: rebels, then the
            # government): its periods are kept like a person's roles.
            try:
                start = parse_date(row.get("start"))
                end = parse_date(row.get("end"), end=True)
            except ValueError as exc:
                raise row.error(f"bad date: {exc}") from exc
            holder = self.dated_orgs.get(names[0])
            if holder is None:
                holder = self.dated_orgs[names[0]] = Person(names[0])
            holder.roles.append(Role(code, country, sector, start, end, row.get("kind")))
            for phrase in names:
                self._add_name(phrase, "org", None, None, None, names[0], person=holder)
            return
        for phrase in names:
            self._add_name(phrase, "org", code, country, sector, names[0])

    def _add_person(self, row: Row) -> None:
        name = row.get("name")
        code = self._code(row, row.get("code"))
        country = row.get("country") or None
        sector = row.get("sector") or None
        try:
            start = parse_date(row.get("start"))
            end = parse_date(row.get("end"), end=True)
        except ValueError as exc:
            raise row.error(f"bad date: {exc}") from exc
        if start and end and end < start:
            raise row.error("role ends before it starts")
        person = self.people.get(name)
        if person is None:
            person = self.people[name] = Person(name)
        person.roles.append(Role(code, country, sector, start, end, row.get("role")))
        for phrase in [name, *row.alternatives("aliases")]:
            self._add_name(phrase, "person", None, None, None, name, person=person)

    def _add_agent(self, row: Row) -> None:
        phrase = row.get("phrase").lower()
        sector = row.get("sector")
        if sector not in SECTORS:
            raise row.error(f"unknown sector {sector!r}")
        kind = row.get("kind") or "member"
        plurals = row.alternatives("plural") or plural_forms(phrase)
        for form in [phrase, *plurals]:
            self.agents.setdefault(form.lower(), AgentEntry(form.lower(), sector, kind, phrase))

    # -- queries -------------------------------------------------------------------------
    def search(self, text: str, limit: int = 50) -> list[NameEntry | AgentEntry]:
        """Entries whose phrase contains `text` (case-insensitive), exact matches first."""
        needle = text.lower()
        hits: list[tuple[int, str, NameEntry | AgentEntry]] = []
        for phrase, entries in self.names.items():
            low = phrase.lower()
            if needle in low:
                hits.extend((low != needle, phrase, e) for e in entries)
        for phrase, agent in self.agents.items():
            if needle in phrase:
                hits.append((phrase != needle, phrase, agent))
        hits.sort(key=lambda h: (h[0], len(h[1]), h[1]))
        return [h[2] for h in hits[:limit]]


def packaged_folder() -> Path:
    return Path(str(resources.files("eventcoder.data") / "gazetteer"))


@lru_cache(maxsize=8)
def cached_gazetteer(directories: tuple[str, ...] = (), builtin: bool = True) -> Gazetteer:
    """Load once per process and set of folders; the result is treated as read-only."""
    return Gazetteer.load((Path(d) for d in directories), builtin=builtin)
