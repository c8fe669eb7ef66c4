"""`eventcoder dictionary`: user dictionary folders (docs/dictionaries.md)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import EventcoderError

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.group()
def dictionary() -> None:
    """User dictionaries: folders of lexicon/ and gazetteer/ files that `eventcoder code
    --dictionaries DIR` codes with."""


@dictionary.command("import")
@click.option("--verbs", type=_FILE, help="A PETRARCH2 / TABARI verb dictionary.")
@click.option(
    "--actors",
    type=_FILE,
    multiple=True,
    help="An actor dictionary (repeat the option for several files).",
)
@click.option("--agents", type=_FILE, help="An agent dictionary.")
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The user dictionary folder to write (created if needed).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def import_(
    verbs: Path | None, actors: tuple[Path, ...], agents: Path | None, out: Path, as_json: bool
) -> None:
    """Convert PETRARCH2 / TABARI dictionaries into a user dictionary folder: verb patterns
    to OUT/lexicon/petrarch_verbs.tsv, actors to OUT/gazetteer/people_petrarch.tsv and
    organizations.tsv, agents to OUT/gazetteer/agents.tsv. What our formats cannot hold is
    skipped and counted in the report. Then: eventcoder code --dictionaries OUT ..."""
    from ..dictionaries import import_petrarch

    if verbs is None and not actors and agents is None:
        raise click.UsageError("give at least one of --verbs, --actors, --agents")
    try:
        report = import_petrarch(out, verbs=verbs, actors=list(actors), agents=agents)
    except EventcoderError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(report.summary())
