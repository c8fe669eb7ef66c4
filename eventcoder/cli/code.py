"""`eventcoder code`: code articles and print or write their documents."""

from __future__ import annotations

import codecs
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

import click

from ..config import Settings, load_settings, read_options
from ..document import to_json
from ..errors import EventcoderError, SettingsError
from ..events.dates import parse_iso
from ..pipeline import Coder, Failure
from ..sources import read_with
from .progress import Progress
from .table import render_article


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and parse_iso(value) is None:
        raise click.BadParameter(f"{value!r} is not a date (expected YYYY-MM-DD)")
    return value


def _check_encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None:
        try:
            codecs.lookup(value)
        except LookupError:
            raise click.BadParameter(f"{value!r} is not a text encoding Python knows") from None
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
@click.option(
    "--recursive/--no-recursive",
    default=None,
    help="Read folders with their subfolders (default) or only their own files.",
)
@click.option(
    "--include",
    multiple=True,
    metavar="GLOB",
    help="In folders, read only files whose relative path or name matches (repeatable).",
)
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOB",
    help="In folders, leave out files whose relative path or name matches (repeatable).",
)
@click.option(
    "--encoding",
    callback=_check_encoding,
    help="Text encoding of the inputs (default: UTF-8, else detected), e.g. latin-1.",
)
@click.option("--id-column", help="JSON/JSONL field or CSV column of the article id [id].")
@click.option("--text-column", help="Field or column of the article text [text].")
@click.option("--html-column", help="Field or column of the article HTML [html].")
@click.option("--title-column", help="Field or column of the title [title].")
@click.option("--date-column", help="Field or column of the publication date [published].")
@click.option("--url-column", help="Field or column of the article URL [url].")
@click.option("--max-bytes", type=click.IntRange(1), help="Largest file or record read.")
@click.option("--user-agent", help="User-Agent for fetching feeds and pages.")
@click.option(
    "--host-delay",
    type=click.FloatRange(0),
    help="Least seconds between two requests to one host [1.0].",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show progress on stderr (default: when stderr is a terminal).",
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
    recursive: bool | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    encoding: str | None,
    id_column: str | None,
    text_column: str | None,
    html_column: str | None,
    title_column: str | None,
    date_column: str | None,
    url_column: str | None,
    max_bytes: int | None,
    user_agent: str | None,
    host_delay: float | None,
    progress: bool | None,
) -> None:
    """Code the articles in PATHS: files (.txt, .html, .json, .jsonl, .csv, .tsv, .warc,
    feeds .rss/.atom/.xml; any of them .gz), folders of them (with subfolders), http(s)
    URLs of feeds or pages, or - for stdin. Formats: docs/sources.md.

    Exits with status 1 when some inputs could not be coded; the others are still coded.
    Exits with status 2 on a bad setting or option."""
    settings = settings_from(
        config,
        model=model,
        dictionaries=dictionaries,
        replace_builtin=replace_builtin,
        batch_size=batch_size,
        default_date=default_date,
        recursive=recursive,
        include=include or None,
        exclude=exclude or None,
        encoding=encoding,
        id_column=id_column,
        text_column=text_column,
        html_column=html_column,
        title_column=title_column,
        date_column=date_column,
        url_column=url_column,
        max_bytes=max_bytes,
        user_agent=user_agent,
        host_delay=host_delay,
    )
    try:
        coder = Coder.from_settings(settings)
    except EventcoderError as exc:
        raise click.ClickException(str(exc)) from exc
    # The date applies last (pipeline), so a page's own date wins over --date.
    options = replace(read_options(settings), default_date=None)
    results = coder.code_articles(read_with(list(paths), options))
    show = sys.stderr.isatty() if progress is None else progress
    with Progress(enabled=show) as bar:
        for result in results:
            if isinstance(result, Failure):
                bar.error(f"error: {result.error}")
                continue
            if fmt == "jsonl":
                out.write(to_json(result) + "\n")
            else:
                out.write(render_article(result) + "\n")
            out.flush()
            bar.advance()
    if bar.failures:
        click.echo(f"{bar.failures} input(s) could not be coded", err=True)
        sys.exit(1)


def settings_from(config: str | None, **overrides: Any) -> Settings:
    """Settings from the TOML file, the environment and the options; exit 2 when bad."""
    try:
        return load_settings(Path(config) if config else None).merged(**overrides)
    except SettingsError as exc:
        raise BadSettings(str(exc)) from None


class BadSettings(click.ClickException):
    """A bad setting: its numbered message and exit status 2."""

    exit_code = 2
