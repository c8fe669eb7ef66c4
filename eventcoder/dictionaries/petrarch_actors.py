"""PETRARCH2 / TABARI actor and agent dictionaries: parsing, and conversion to our gazetteer.

Actor record: a primary phrase with an optional default `[CODE]`, `+synonym` lines, and
indented `[CODE restriction]` lines (`>date`, `<date`, `date-date`; bounds inclusive).
Agent entry: `PHRASE {plurals} [~CODE]` (or `[CODE~]`), with substitution markers
`!NAME! = A, B, C` used inside phrases. Conversion rules are in docs/dictionaries.md.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..actors.gazetteer import CODE_RE, INTERNATIONAL, SECTORS
from .petrarch_text import cell_safe, line_error, parse_date, phrase_text, read_lines

BRACKET_RE = re.compile(r"\[([^\[\]]*)\]")
ORG_KINDS = frozenset({"REB", "UAF", "PTY", "MED", "GOV", "MIL", "EDU", "BUS", "REL"})
AGENT_RE = re.compile(
    r"^(?P<phrase>[^{}\[\]]*?)\s*(?:\{(?P<plural>[^{}]*)\})?\s*"
    r"(?:\[(?P<code>[^\[\]{}]*)[\]}])?\s*$"
)  # `[~ENV}` (a common typo) is accepted
MARKER_RE = re.compile(r"!([A-Za-z0-9_]+)!")
SUBSTITUTION_RE = re.compile(r"^!([A-Za-z0-9_]+)!\s*=\s*(.*)$")


# -- actor records ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Restriction:
    """`[CODE]` (a default) or `[CODE restriction]` (dated; a missing bound is open)."""

    code: str
    start: date | None
    end: date | None
    dated: bool
    line: int


@dataclass(slots=True)
class ActorRecord:
    phrase: str  # the primary phrase as written
    line: int
    synonyms: list[str] = field(default_factory=list)
    restrictions: list[Restriction] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # restrictions that could not be read


@dataclass(slots=True)
class ActorFile:
    source: str
    records: list[ActorRecord] = field(default_factory=list)
    skipped_lines: Counter[str] = field(default_factory=Counter)


def parse_actors(path: Path) -> ActorFile:
    """Read an actor dictionary. A synonym or restriction before any actor raises
    DataFileError; readable but unusable parts (a bad date, a stray bracket) are skipped and
    counted (`problems`, `skipped_lines`)."""
    result = ActorFile(str(path))
    record: ActorRecord | None = None
    for src in read_lines(path):
        text = src.text
        body = text.strip()
        if text[0].isspace() and not body.startswith(("[", "+")):
            result.skipped_lines["indented line that is not a restriction or synonym"] += 1
            continue
        phrase, brackets, problem = _split(body.lstrip("+") if body[0] == "+" else body)
        if body.startswith(("[", "+")):
            if record is None:
                raise line_error(
                    path, src.number, "actor", "a synonym or restriction before any actor"
                )
            if problem is not None:
                result.skipped_lines[problem] += 1
                continue
            if body.startswith("+"):
                record.synonyms.append(phrase)
        else:
            record = ActorRecord(phrase, src.number)
            result.records.append(record)
            if problem is not None:
                record.problems.append(problem)
        for inner in brackets:
            restriction = _restriction(inner, src.number)
            if isinstance(restriction, str):
                record.problems.append(restriction)
            else:
                record.restrictions.append(restriction)
    return result


def _split(text: str) -> tuple[str, list[str], str | None]:
    """The phrase before the first `[`, the `[...]` groups, and what is wrong with the line."""
    at = text.find("[")
    phrase, rest = (text, "") if at < 0 else (text[:at], text[at:])
    if "]" in phrase:
        return phrase.strip(), [], "stray ']'"
    leftover = BRACKET_RE.sub(" ", rest).strip()
    groups = BRACKET_RE.findall(rest)
    if leftover:
        return phrase.strip(), groups, "text outside [CODE restriction] groups"
    return phrase.strip(), groups, None


def _restriction(inner: str, line: int) -> Restriction | str:
    """A parsed restriction, or the reason it cannot be used."""
    parts = inner.split(None, 1)
    if not parts:
        return "empty [ ]"
    code, condition = parts[0], (parts[1].strip() if len(parts) > 1 else "")
    if not condition:
        return Restriction(code, None, None, False, line)
    try:
        if match := re.fullmatch(r"([<>])\s*(\d+)", condition):
            when = parse_date(match[2])
            start, end = (when, None) if match[1] == ">" else (None, when)
        elif match := re.fullmatch(r"(\d+)\s*-\s*(\d+)", condition):
            start, end = parse_date(match[1]), parse_date(match[2])
        else:
            return "malformed date restriction"
    except ValueError:
        return "malformed date"
    if start and end and end < start:
        return "restriction ends before it starts"
    return Restriction(code, start, end, True, line)


# -- actor conversion ------------------------------------------------------------------------
@dataclass(slots=True)
class ActorStats:
    files: list[str] = field(default_factory=list)
    records: int = 0
    synonyms: int = 0
    date_restrictions: int = 0
    default_codes: int = 0
    people_records: int = 0
    people_rows: int = 0
    organization_rows: int = 0
    country_rows: int = 0
    records_without_code: int = 0
    records_skipped: Counter[str] = field(default_factory=Counter)
    restrictions_skipped: Counter[str] = field(default_factory=Counter)
    lines_skipped: Counter[str] = field(default_factory=Counter)
    names_dropped: Counter[str] = field(default_factory=Counter)


PEOPLE_HEADER = ("name", "aliases", "code", "country", "sector", "start", "end", "role", "note")
ORG_HEADER = ("names", "code", "country", "sector", "kind", "note")
COUNTRY_HEADER = ("code", "iso2", "name", "aliases", "demonyms", "capitals", "note")


def _code_problem(code: str) -> str | None:
    if code.strip("-") == "":
        return "null code [---]"
    if not CODE_RE.match(code):
        return "code our format cannot hold"
    if code[:3] in SECTORS and code[:3] not in INTERNATIONAL:
        return "code without a country (sector only)"
    return None


def describe_code(code: str, countries: frozenset[str]) -> tuple[str, str, str]:
    """Country, sector and organisation kind of an actor code."""
    head = code[:3]
    if head in {"IGO", "NGO"}:
        return "", head, head
    if head == "IMG":
        return "", "REB", "IMG"
    country = head if head in countries else ""
    sector = code[3:6] if code[3:6] in SECTORS else ""
    return country, sector, sector if sector in ORG_KINDS else "OTHER"


def _names(record: ActorRecord, stats: ActorStats) -> list[str]:
    names: list[str] = []
    for raw in [record.phrase, *record.synonyms]:
        name = phrase_text(raw)
        if not cell_safe(name):
            stats.names_dropped["empty or holds '|'" if name else "empty name"] += 1
        elif name not in names:
            names.append(name)
    return names


@dataclass(slots=True)
class ActorRows:
    """The rows an import writes: people (dated codes), organisations (a default code
    only) and countries (a default code that is a bare country code: `NORTH_KOREA_ [PRK]`)."""

    people: list[tuple[str, ...]] = field(default_factory=list)
    orgs: list[tuple[str, ...]] = field(default_factory=list)
    countries: list[tuple[str, ...]] = field(default_factory=list)


def convert_actors(
    files: Iterable[ActorFile], countries: frozenset[str], stats: ActorStats
) -> ActorRows:
    """People, organisation and country rows. A country record is written as a country (its
    names and synonyms as aliases: the format does not tell demonyms and cities apart), so
    that the general rules for countries (demonyms before titles, "the Russians", country
    evidence for people) work with an imported gazetteer as with the built-in one."""
    out = ActorRows()
    people, orgs = out.people, out.orgs
    org_names: set[str] = set()
    for actor_file in files:
        name = Path(actor_file.source).name
        stats.files.append(actor_file.source)
        stats.lines_skipped.update(actor_file.skipped_lines)
        for record in actor_file.records:
            stats.records += 1
            stats.synonyms += len(record.synonyms)
            stats.restrictions_skipped.update(record.problems)
            dated: list[Restriction] = []
            default: Restriction | None = None
            for restriction in record.restrictions:
                if restriction.dated:
                    stats.date_restrictions += 1
                else:
                    stats.default_codes += 1
                problem = _code_problem(restriction.code)
                if problem is not None:
                    stats.restrictions_skipped[problem] += 1
                elif restriction.dated:
                    dated.append(restriction)
                elif default is None:
                    default = restriction
                else:
                    stats.restrictions_skipped["second default code"] += 1
            if not dated and default is None:
                if record.problems or any(
                    _code_problem(r.code) != "null code [---]" for r in record.restrictions
                ):
                    stats.records_skipped["no usable code"] += 1
                else:
                    stats.records_without_code += 1
                continue
            names = _names(record, stats)
            if not names:
                stats.records_skipped["no usable name"] += 1
                continue
            country_code = _country_code(default, dated, countries)
            if country_code is not None:
                # `UKRAINE_ [USRUKR <910824] [UKR >911221]` is a country whose code changed,
                # `NORTH_KOREA_ [PRK]` a country: countries have no dates, the current
                # country code stands for them.
                fresh = [n for n in names if n not in org_names]
                stats.names_dropped["name of an earlier organisation"] += len(names) - len(fresh)
                if not fresh:
                    stats.records_skipped["every name taken by an earlier organisation"] += 1
                    continue
                org_names.update(fresh)
                others = [r for r in ([default] if default else []) + dated]
                skipped = sum(1 for r in others if r.code != country_code)
                if skipped:
                    stats.restrictions_skipped["other code of a country record"] += skipped
                note = f"{name}:{record.line}"
                row = (country_code, "", fresh[0], "|".join(fresh[1:]), "", "", note)
                out.countries.append(row)
                stats.country_rows += 1
                continue
            if dated:
                stats.people_records += 1
                for restriction in ([default] if default else []) + dated:
                    country, sector, _ = describe_code(restriction.code, countries)
                    start = restriction.start.isoformat() if restriction.start else ""
                    end = restriction.end.isoformat() if restriction.end else ""
                    people.append(
                        (
                            names[0],
                            "|".join(names[1:]),
                            restriction.code,
                            country,
                            sector,
                            start,
                            end,
                            "",
                            f"{name}:{restriction.line}",
                        )
                    )
                    stats.people_rows += 1
                continue
            assert default is not None
            fresh = [n for n in names if n not in org_names]
            stats.names_dropped["name of an earlier organisation"] += len(names) - len(fresh)
            if not fresh:
                stats.records_skipped["every name taken by an earlier organisation"] += 1
                continue
            org_names.update(fresh)
            country, sector, kind = describe_code(default.code, countries)
            orgs.append(
                ("|".join(fresh), default.code, country, sector, kind, f"{name}:{record.line}")
            )
            stats.organization_rows += 1
    return out


def _country_code(
    default: Restriction | None, dated: list[Restriction], countries: frozenset[str]
) -> str | None:
    """The code of a country record: its default code when that is a bare country code,
    else its latest bare country code (`[UKR >911221]`); None for people and organisations."""
    if default is not None and default.code in countries:
        return default.code
    bare = [r for r in dated if r.code in countries]
    if not bare:
        return None
    return max(bare, key=lambda r: (r.start or date.min, r.end or date.max)).code


# -- agents ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AgentRecord:
    phrase: str  # as written, may hold !MARKERS!
    plurals: tuple[str, ...] | None  # None: regular plurals; (): `{}`, no plural
    code: str | None  # as written inside [...], `~GOV` or `IGO~`
    line: int


@dataclass(slots=True)
class AgentFile:
    source: str
    substitutions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    records: list[AgentRecord] = field(default_factory=list)


def parse_agents(path: Path) -> AgentFile:
    result = AgentFile(str(path))
    for src in read_lines(path):
        text = src.text.strip()
        if sub := SUBSTITUTION_RE.match(text):
            values = tuple(v.strip() for v in sub[2].split(",") if v.strip())
            if not values:
                raise line_error(
                    path, src.number, "agent", "a substitution set reads '!NAME! = A, B, C'"
                )
            result.substitutions[sub[1]] = values
            continue
        match = AGENT_RE.match(text)
        if match is None or not match["phrase"].strip():
            raise line_error(path, src.number, "agent", "an agent reads 'PHRASE {PLURALS} [~CODE]'")
        plural = match["plural"]
        result.records.append(
            AgentRecord(
                match["phrase"].strip(),
                None if plural is None else tuple(plural.split()),
                match["code"].strip() if match["code"] is not None else None,
                src.number,
            )
        )
    return result


@dataclass(slots=True)
class AgentStats:
    files: list[str] = field(default_factory=list)
    entries: int = 0
    substitution_sets: int = 0
    phrases: int = 0  # after substitution
    written: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # entries, or phrases for duplicates


AGENT_HEADER = ("phrase", "sector", "plural", "kind", "note")


def _expand(phrase: str, substitutions: dict[str, tuple[str, ...]]) -> list[str]:
    parts = MARKER_RE.split(phrase)  # text, marker, text, marker, ...
    if len(parts) == 1:
        return [phrase]
    options: list[tuple[str, ...]] = []
    for k, part in enumerate(parts):
        if k % 2 == 0:
            options.append((part,))
        elif part in substitutions:
            options.append(substitutions[part])
        else:
            raise KeyError(part)
    return ["".join(combo) for combo in itertools.product(*options)]


def convert_agents(
    agent_file: AgentFile, stats: AgentStats, seen: set[str]
) -> list[tuple[str, ...]]:
    name = Path(agent_file.source).name
    stats.files.append(agent_file.source)
    stats.substitution_sets += len(agent_file.substitutions)
    rows: list[tuple[str, ...]] = []
    for record in agent_file.records:
        stats.entries += 1
        code = (record.code or "").strip()
        if not code.replace("~", ""):
            stats.skipped["no code"] += 1
            continue
        sector = code.replace("~", "")[:3]
        if sector not in SECTORS:
            stats.skipped["sector our format has no code for"] += 1
            continue
        try:
            expanded = _expand(record.phrase, agent_file.substitutions)
        except KeyError:
            stats.skipped["undefined substitution marker"] += 1
            continue
        substituted = len(expanded) > 1 or expanded[0] != record.phrase
        for raw in expanded:
            stats.phrases += 1
            phrase = phrase_text(raw)
            if not cell_safe(phrase):
                stats.skipped["phrase our format cannot hold"] += 1
                continue
            if phrase in seen:
                stats.skipped["duplicate phrase"] += 1
                continue
            seen.add(phrase)
            if substituted or record.plurals == ():
                plural = phrase  # no plural is formed: the phrase is its own plural
            elif record.plurals is None:
                plural = ""  # regular plurals, generated by our loader
            else:
                forms = [phrase_text(p) for p in record.plurals]
                plural = "|".join(f for f in dict.fromkeys(forms) if cell_safe(f)) or phrase
            rows.append((phrase, sector, plural, "", f"{name}:{record.line} [{code}]"))
            stats.written += 1
    return rows
