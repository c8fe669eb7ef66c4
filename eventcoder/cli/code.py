"""`eventcoder code`: code articles and print or write their documents."""

from __future__ import annotations

import sys
from typing import TextIO

import click

from ..config import load_settings
from ..document import to_json
from ..errors import EventcoderError
from ..events.dates import parse_iso
from ..pipeline import Coder, Failure
from ..sources import read_inputs
from .table import render_article


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and parse_iso(value) is None:
        raise click.BadParameter(f"{value!r} is not a date (expected YYYY-MM-DD)")
    return value


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--date",
    "default_date",
    callback=_check_date,
    help="Publication date (YYYY-MM-DD) for inputs that have none.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="A readable table, or one JSON document per article.",
)
@click.option(
    "--out",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Write here instead of standard output.",
)
@click.option("--model", help="spaCy pipeline name or path (default: best installed).")
@click.option(
    "--dictionaries",
    type=click.Path(exists=True, file_okay=False),
    help="A folder of user dictionaries to code with (see docs/dictionaries.md).",
)
@click.option(
    "--replace-builtin",
    is_flag=True,
    default=None,
    help="With --dictionaries: code with the user dictionaries only.",
)
@click.option("--batch-size", type=click.IntRange(1, 256), help="Articles per nlp.pipe batch.")
@click.option(
    "--config",
    type=click.Path(exists=True, dir_okay=False),
    help="A TOML settings file (default: ./eventcoder.toml if present).",
)
def code(
    paths: tuple[str, ...],
    default_date: str | None,
    fmt: str,
    out: TextIO,
    model: str | None,
    dictionaries: str | None,
    replace_builtin: bool | None,
    batch_size: int | None,
    config: str | None,
) -> None:
    """Code the articles in PATHS: .txt or .html files, folders of them, JSONL files
    (one article per line: id, text or html, published, url, title), or - for stdin.

    Exits with status 1 when some inputs could not be coded; the others are still coded."""
    from pathlib import Path

    settings = load_settings(Path(config) if config else None).merged(
        model=model,
        dictionaries=dictionaries,
        replace_builtin=replace_builtin,
        batch_size=batch_size,
        default_date=default_date,
    )
    try:
        coder = Coder.from_settings(settings)
    except EventcoderError as exc:
        raise click.ClickException(str(exc)) from exc
    failures = 0
    # The date applies last (pipeline), so a page's own date wins over --date.
    for result in coder.code_articles(read_inputs(list(paths))):
        if isinstance(result, Failure):
            failures += 1
            click.echo(f"error: {result.error}", err=True)
            continue
        if fmt == "jsonl":
            out.write(to_json(result) + "\n")
        else:
            out.write(render_article(result) + "\n")
        out.flush()
    if failures:
        click.echo(f"{failures} input(s) could not be coded", err=True)
        sys.exit(1)
