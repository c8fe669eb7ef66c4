"""Settings: from arguments, the environment (EVENTCODER_*) and an optional TOML file."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

ENV_PREFIX = "EVENTCODER_"
CONFIG_FILES = ("eventcoder.toml",)


@dataclass(frozen=True, slots=True)
class Settings:
    """How to run the coder. Every field can be set by `EVENTCODER_<NAME>` or eventcoder.toml."""

    model: str | None = None  # spaCy pipeline name or path; None = best installed
    batch_size: int = 8  # nlp.pipe batch size; large batches are slower and use gigabytes
    dictionaries: str | None = None  # folder of user dictionaries (see docs/dictionaries.md)
    replace_builtin: bool = False  # code with the user dictionaries only
    default_date: str | None = None  # publication date for inputs that have none
    monadic: bool = False  # also emit events without a resolved target

    def merged(self, **overrides: Any) -> Settings:
        """These settings with every non-None override applied."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def _coerce(value: str, kind: Any) -> Any:
    text = str(kind)
    if "int" in text:
        return int(value)
    if "bool" in text:
        return value.strip().lower() in {"1", "true", "yes", "on"}
    return value


def load_settings(config: Path | None = None, environ: dict[str, str] | None = None) -> Settings:
    """Settings from a TOML file (`[eventcoder]` table or top level), then the environment."""
    env = dict(os.environ if environ is None else environ)
    values: dict[str, Any] = {}
    path = config or next((Path(p) for p in CONFIG_FILES if Path(p).is_file()), None)
    if path is not None:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        table = data.get("eventcoder", data)
        values.update({k: v for k, v in table.items() if k in {f.name for f in fields(Settings)}})
    for f in fields(Settings):
        raw = env.get(ENV_PREFIX + f.name.upper())
        if raw is not None:
            values[f.name] = _coerce(raw, f.type)
    return Settings(**values)
