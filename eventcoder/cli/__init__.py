"""The `eventcoder` command line: thin commands that call the library."""

from __future__ import annotations

import click

from .actors import actors
from .code import code
from .dictionary import dictionary
from .evaluate import evaluate
from .lexicon import lexicon


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventcoder")
def main() -> None:
    """Turn news articles into political event data: who did what to whom, when, and the
    words that say so."""


main.add_command(actors)
main.add_command(code)
main.add_command(dictionary)
main.add_command(evaluate)
main.add_command(lexicon)

__all__ = ["main"]
