"""Progress on stderr for long runs (rich), and error lines that do not break it."""

from __future__ import annotations

import time
from types import TracebackType

import click
from rich.console import Console
from rich.progress import Progress as Bar
from rich.progress import SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn


class Progress:
    """Counts coded articles and failures; shows them live on stderr when enabled."""

    def __init__(self, enabled: bool) -> None:
        self.done = 0
        self.failures = 0
        self._started = time.monotonic()
        self._bar: Bar | None = None
        self._task = TaskID(0)
        if enabled:
            self._bar = Bar(
                SpinnerColumn(),
                TextColumn("{task.completed} articles coded, {task.fields[failures]} failed"),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
            )

    def __enter__(self) -> Progress:
        if self._bar is not None:
            self._bar.start()
            self._task = self._bar.add_task("coding", total=None, failures=0, rate="")
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._refresh()
            self._bar.stop()

    def advance(self) -> None:
        self.done += 1
        self._refresh()

    def error(self, message: str) -> None:
        """Report an input that could not be coded."""
        self.failures += 1
        if self._bar is None:
            click.echo(message, err=True)
            return
        self._bar.console.print(message, markup=False, highlight=False, soft_wrap=True)
        self._refresh()

    def _refresh(self) -> None:
        if self._bar is None:
            return
        elapsed = max(time.monotonic() - self._started, 1e-9)
        rate = f"{self.done / elapsed:.1f} articles/s"
        self._bar.update(self._task, completed=self.done, failures=self.failures, rate=rate)
