"""Settings: from arguments, the environment (EVENTCODER_*) and an optional TOML file.

Settings are checked as they are read: an unknown key, a value of the wrong type or out of
range, or a TOML file that does not parse is one :class:`SettingsError` (E150-E154) naming
the key and the file or environment variable, never a traceback or a silent default.
"""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import os
import tomllib
import typing
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import Errors, SettingsError
from .sources.options import Columns, FetchOptions, ReadOptions

ENV_PREFIX = "EVENTCODER_"
CONFIG_FILES = ("eventcoder.toml",)
TABLE = "eventcoder"


@dataclass(frozen=True, slots=True)
class Settings:
    """How to run the coder. Every field can be set by `EVENTCODER_<NAME>` or eventcoder.toml."""

    model: str | None = None  # spaCy pipeline name or path; None = best installed
    batch_size: int = 8  # nlp.pipe batch size; large batches are slower and use gigabytes
    dictionaries: str | None = None  # folder of user dictionaries (see docs/dictionaries.md)
    replace_builtin: bool = False  # code with the user dictionaries only
    default_date: str | None = None  # publication date for inputs that have none
    monadic: bool = False  # also emit events without a resolved target
    # long articles are parsed in paragraph-aligned pieces of at most this many characters
    piece_chars: int = 100_000
    # reading inputs (docs/sources.md)
    encoding: str | None = None  # None: UTF-8, else detected; or a codec name such as latin-1
    recursive: bool = True  # read folders with their subfolders
    include: tuple[str, ...] = ()  # glob patterns a file in a folder must match (any of them)
    exclude: tuple[str, ...] = ()  # glob patterns that leave a file in a folder out
    max_bytes: int = 50_000_000  # largest file (or record) read whole
    # field (JSON, JSONL) or column (CSV, TSV) names
    id_column: str = "id"
    text_column: str = "text"
    html_column: str = "html"
    title_column: str = "title"
    date_column: str = "published"
    url_column: str = "url"
    user_agent: str | None = None  # None: eventcoder/<version> (+project address)
    fetch_timeout: float = 20.0  # seconds per HTTP request
    fetch_retries: int = 3  # retries of a failed request, with exponential backoff
    host_delay: float = 1.0  # least seconds between two requests to one host

    def merged(self, **overrides: Any) -> Settings:
        """These settings with every non-None override applied."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


# Lower bounds of numeric settings (inclusive).
_MINIMUM: dict[str, float] = {
    "batch_size": 1,
    "piece_chars": 1_000,
    "max_bytes": 1,
    "fetch_timeout": 0.001,
    "fetch_retries": 0,
    "host_delay": 0,
}
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


def setting_names() -> list[str]:
    return [f.name for f in fields(Settings)]


def _kinds() -> dict[str, Any]:
    return typing.get_type_hints(Settings)


def _kind_name(kind: Any) -> str:
    if kind is bool:
        return "true or false"
    if kind is int:
        return "an integer"
    if kind is float:
        return "a number"
    if kind == tuple[str, ...]:
        return "a list of strings"
    return "a string"


def _unknown(name: str, where: str) -> SettingsError:
    close = difflib.get_close_matches(name.lower(), setting_names(), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    known = ", ".join(setting_names())
    return SettingsError(Errors.E150, key=name, where=where, hint=hint, known=known)


def _from_toml(name: str, value: Any, where: str) -> Any:
    """A TOML value checked against the setting's type."""
    kind = _kinds()[name]
    base = _base(kind)
    ok: bool
    if base is bool:
        ok = isinstance(value, bool)
    elif base is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif base is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        value = float(value) if ok else value
    elif base == tuple[str, ...]:
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        value = tuple(value) if ok else value
    else:
        ok = isinstance(value, str)
    if not ok:
        raise SettingsError(
            Errors.E151, key=name, where=where, value=value, expected=_kind_name(base)
        )
    return _checked(name, value, where)


def _from_env(name: str, raw: str, where: str) -> Any:
    """An environment string converted to the setting's type."""
    base = _base(_kinds()[name])
    text = raw.strip()
    value: Any
    try:
        if base is bool:
            if text.lower() not in _TRUE | _FALSE:
                raise ValueError(text)
            value = text.lower() in _TRUE
        elif base is int:
            value = int(text.replace("_", ""))
        elif base is float:
            value = float(text)
        elif base == tuple[str, ...]:
            value = tuple(part.strip() for part in text.split(",") if part.strip())
        else:
            value = raw if text else None
    except ValueError:
        raise SettingsError(
            Errors.E151, key=name, where=where, value=raw, expected=_kind_name(base)
        ) from None
    return _checked(name, value, where, raw)


def _base(kind: Any) -> Any:
    """`int` for `int`, `str` for `str | None`, ..."""
    args = [a for a in typing.get_args(kind) if a is not type(None)]
    if typing.get_origin(kind) is tuple:
        return kind
    return args[0] if args else kind


def _checked(name: str, value: Any, where: str, shown: Any = None) -> Any:
    """The value, or E151 when it is out of range (`shown`: the value as the user wrote it)."""
    shown = value if shown is None else shown
    minimum = _MINIMUM.get(name)
    if minimum is not None and value < minimum:
        raise SettingsError(
            Errors.E151, key=name, where=where, value=shown, expected=f"at least {minimum:g}"
        )
    if name == "default_date" and value is not None:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise SettingsError(
                Errors.E151, key=name, where=where, value=shown, expected="a date YYYY-MM-DD"
            ) from None
    if name == "encoding" and value is not None:
        try:
            codecs.lookup(value)
        except LookupError:
            raise SettingsError(
                Errors.E151, key=name, where=where, value=shown, expected="a known text encoding"
            ) from None
    return value


def read_config(path: Path) -> dict[str, Any]:
    """The settings in one TOML file (`[eventcoder]` table or top level), checked."""
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SettingsError(Errors.E152, where=where, reason=exc.strerror or str(exc)) from None
    except UnicodeDecodeError as exc:
        raise SettingsError(Errors.E152, where=where, reason=f"not UTF-8 ({exc.reason})") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(Errors.E152, where=where, reason=str(exc)) from None
    table: Any = data
    if TABLE in data:
        others = [k for k in data if k != TABLE]
        if others:
            raise _unknown(others[0], where)
        table = data[TABLE]
        if not isinstance(table, dict):
            raise SettingsError(Errors.E152, where=where, reason=f"{TABLE!r} must be a table")
    names = set(setting_names())
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in names:
            raise _unknown(key, where)
        values[key] = _from_toml(key, value, f"{where} ({TABLE}.{key})")
    return values


def read_environment(environ: dict[str, str]) -> dict[str, Any]:
    """The settings given as EVENTCODER_<NAME> variables, checked."""
    names = set(setting_names())
    values: dict[str, Any] = {}
    for variable in sorted(environ):
        if not variable.startswith(ENV_PREFIX):
            continue
        name = variable[len(ENV_PREFIX) :].lower()
        where = f"environment variable {variable}"
        if name not in names:
            raise _unknown(name, where)
        values[name] = _from_env(name, environ[variable], where)
    return values


def load_settings(config: Path | None = None, environ: dict[str, str] | None = None) -> Settings:
    """Settings from a TOML file, then the environment (which wins).

    Raises SettingsError (E150 unknown key, E151 bad value, E152 unreadable file).
    """
    env = dict(os.environ if environ is None else environ)
    values: dict[str, Any] = {}
    path = config or next((Path(p) for p in CONFIG_FILES if Path(p).is_file()), None)
    if path is not None:
        values.update(read_config(path))
    values.update(read_environment(env))
    return Settings(**values)


def read_options(settings: Settings) -> ReadOptions:
    """The readers' options these settings ask for."""
    fetch = FetchOptions(
        timeout=settings.fetch_timeout,
        retries=settings.fetch_retries,
        host_delay=settings.host_delay,
    )
    if settings.user_agent:
        fetch = replace(fetch, user_agent=settings.user_agent)
    columns = Columns(
        id=settings.id_column,
        text=settings.text_column,
        html=settings.html_column,
        title=settings.title_column,
        published=settings.date_column,
        url=settings.url_column,
    )
    return ReadOptions(
        default_date=settings.default_date,
        max_bytes=settings.max_bytes,
        encoding=settings.encoding,
        recursive=settings.recursive,
        include=settings.include,
        exclude=settings.exclude,
        columns=columns,
        fetch=fetch,
    )
