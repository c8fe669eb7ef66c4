"""`eventcoder evaluate`: score coded output against gold files."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import EvaluationError, EventcoderError
from ..evaluate import actor_country, load_gold, load_outputs
from ..evaluate import evaluate as run_evaluation


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


class NothingToScore(click.ClickException):
    """No article in common: a usage mistake (wrong pair of files), exit code 2."""

    exit_code = 2


@click.command()
@click.argument("output", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("gold", type=click.Path(exists=True, path_type=Path))
@click.option("--verbose", "-v", is_flag=True, help="List every miss and unmatched event.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(output: Path, gold: Path, verbose: bool, as_json: bool) -> None:
    """Score OUTPUT (JSONL from `eventcoder code --format jsonl`) against GOLD (a folder of
    *.gold.json files, one *.gold.json file, or a JSONL file of gold documents) by the
    scoring rule in docs/evaluation.md.

    Every gold article is scored: one with no output counts as all misses. Exits 2 when
    the output and the gold have no article id in common."""
    try:
        report = run_evaluation(load_outputs(output), load_gold(gold))
    except EvaluationError as exc:
        raise NothingToScore(str(exc)) from exc
    except EventcoderError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2))
        return
    ev, qu = report.total("events"), report.total("quotes")
    click.echo(f"articles scored: {len(report.articles)}")
    if report.missing_outputs:
        click.echo(
            f"missing outputs (counted as all misses): {len(report.missing_outputs)}: "
            + ", ".join(report.missing_outputs)
        )
    if report.unscored_outputs:
        click.echo(
            f"outputs with no gold (not scored): {len(report.unscored_outputs)}: "
            + ", ".join(report.unscored_outputs)
        )
    click.echo(
        f"events   precision {_pct(ev.precision)}  recall {_pct(ev.recall)}  "
        f"F1 {_pct(ev.f1)}  ({ev.coded_matched}/{ev.coded} coded matched, "
        f"{ev.required_matched}/{ev.required} required found)"
    )
    click.echo(
        f"quotes   precision {_pct(qu.precision)}  recall {_pct(qu.recall)}  "
        f"F1 {_pct(qu.f1)}  ({qu.coded_matched}/{qu.coded} coded, {qu.required} gold)"
    )
    click.echo(f"boilerplate leaks: {report.leaks}")
    click.echo("")
    click.echo("root  required  found  recall  coded  matched  precision  root-accuracy")
    for root, t in report.roots().items():
        click.echo(
            f"{root:>4}  {t.required:8}  {t.required_matched:5}  {_pct(t.recall):>6}  "
            f"{t.coded:5}  {t.coded_matched:7}  {_pct(t.precision):>9}  "
            f"{_pct(t.root_accuracy):>13}"
        )
    if verbose:
        for article in report.articles:
            for g in article.missed:
                click.echo(
                    f"\nMISSED  [{article.id}] {g['source']} -{g['cameo']}-> {g['target']}"
                    f"  ({g.get('sourceText')} / {g.get('eventText')} / "
                    f"{g.get('targetText')})"
                )
            for e in article.unmatched:
                click.echo(
                    f"\nEXTRA   [{article.id}] {actor_country(e.get('source'))} "
                    f"-{e['cameo']}-> {actor_country(e.get('target'))}  "
                    f"[{e['trigger']['text']}] {e['sentence']}\n        rule: {e['rule']}"
                )
            for leak in article.leaks:
                click.echo(f"\nLEAK    [{article.id}] {leak}")
