"""`eventcoder lexicon`: inspect and check the trigger lexicon."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..events.check import check_lexicon
from ..ontology import default_ontology


@click.group()
def lexicon() -> None:
    """The event trigger lexicon (docs/lexicon.md)."""


@lexicon.command("check")
@click.option(
    "--dictionaries",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Also check a user dictionary folder's lexicon/ files.",
)
@click.option("--replace-builtin", is_flag=True, help="Check only the user dictionaries.")
@click.option("--quiet", "-q", is_flag=True, help="Only errors and the summary.")
def check(dictionaries: Path | None, replace_builtin: bool, quiet: bool) -> None:
    """Validate the lexicon: unknown codes, malformed patterns, duplicates, conflicts and
    entries that can never fire. Exits with status 1 when there are errors."""
    folders = [dictionaries / "lexicon"] if dictionaries else []
    result = check_lexicon(default_ontology(), folders, builtin=not replace_builtin)
    for problem in result.problems:
        if not quiet or problem.severity == "error":
            click.echo(str(problem))
    counts = {
        s: sum(1 for p in result.problems if p.severity == s) for s in ("error", "warning", "info")
    }
    click.echo(
        f"{result.entries} entries in {result.files} files; CAMEO codes covered "
        f"{result.codes_covered}/{result.codes_total}; {counts['error']} errors, "
        f"{counts['warning']} warnings, {counts['info']} notes"
    )
    if result.errors:
        sys.exit(1)
