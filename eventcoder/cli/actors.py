"""`eventcoder actors`: resolve phrases to actor codes and search the gazetteer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

import click

from ..actors.gazetteer import AgentEntry, cached_gazetteer
from ..actors.lookup import PhraseQuery, resolve_phrases
from ..config import load_settings
from ..errors import EventcoderError
from ..events.dates import parse_iso


@click.group()
def actors() -> None:
    """Actor codes: resolve phrases, search the gazetteer."""


def _queries(
    phrases: tuple[str, ...], date: str | None, context: str | None, file: TextIO | None
) -> list[PhraseQuery]:
    out = [PhraseQuery(p, date, context) for p in phrases]
    if file is not None:
        for number, line in enumerate(file, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                out.append(
                    PhraseQuery(
                        str(item["phrase"]),
                        item.get("date") or date,
                        item.get("context") or context,
                    )
                )
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise click.ClickException(
                    f"{file.name}: line {number}: expected a JSON object with 'phrase' ({exc})"
                ) from exc
    return out


@actors.command("resolve")
@click.argument("phrases", nargs=-1)
@click.option("--date", help="The article date (YYYY-MM-DD): picks people's roles.")
@click.option("--context", help="Earlier text of the article (introductions, for back-references).")
@click.option(
    "--file",
    type=click.File("r", encoding="utf-8"),
    help="JSONL of {phrase, date?, context?} to resolve in one run.",
)
@click.option("--model", help="spaCy pipeline name or path.")
def resolve(
    phrases: tuple[str, ...],
    date: str | None,
    context: str | None,
    file: TextIO | None,
    model: str | None,
) -> None:
    """Print one JSON object per phrase: {phrase, code, country, sector, matched, rule}."""
    from ..pipeline import load_pipeline

    if date is not None and parse_iso(date) is None:
        raise click.BadParameter(f"{date!r} is not a date (expected YYYY-MM-DD)")
    queries = _queries(phrases, date, context, file)
    if not queries:
        raise click.UsageError("give PHRASES or --file")
    try:
        nlp = load_pipeline(load_settings().merged(model=model))
    except EventcoderError as exc:
        raise click.ClickException(str(exc)) from exc
    for result in resolve_phrases(nlp, queries):
        click.echo(json.dumps(result, ensure_ascii=False))


@actors.command("search")
@click.argument("text")
@click.option("--limit", default=30, show_default=True)
@click.option("--dictionaries", type=click.Path(exists=True, file_okay=False, path_type=Path))
def search(text: str, limit: int, dictionaries: Path | None) -> None:
    """List gazetteer entries whose names contain TEXT."""
    folders = (str(dictionaries / "gazetteer"),) if dictionaries else ()
    gazetteer = cached_gazetteer(folders)
    for entry in gazetteer.search(text, limit):
        if isinstance(entry, AgentEntry):
            click.echo(f"agent    {entry.phrase:40} sector {entry.sector} ({entry.kind})")
        elif entry.person is not None:
            roles = "; ".join(
                f"{r.code} {r.start or '…'}..{r.end or ''} {r.role}".strip()
                for r in sorted(entry.person.roles, key=lambda r: str(r.start))
            )
            click.echo(f"person   {entry.phrase:40} {roles}")
        else:
            click.echo(f"{entry.kind:8} {entry.phrase:40} {entry.code or ''}")
