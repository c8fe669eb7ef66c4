"""Settings from eventcoder.toml and the environment: every mistake is one numbered error
naming the key and where it was set, never a traceback or a silent default."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.config import Settings, load_settings, read_options
from eventcoder.errors import Errors, SettingsError


def config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "eventcoder.toml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path | None = None, environ: dict[str, str] | None = None) -> SettingsError:
    with pytest.raises(SettingsError) as caught:
        load_settings(path, environ=environ or {})
    return caught.value


def test_table_and_top_level_files(tmp_path: Path) -> None:
    table = config(tmp_path, '[eventcoder]\nbatch_size = 4\ninclude = ["*.txt"]\nhost_delay = 2\n')
    assert load_settings(table, environ={}) == Settings(
        batch_size=4, include=("*.txt",), host_delay=2.0
    )
    top = config(tmp_path, 'encoding = "latin-1"\nrecursive = false\ntext_column = "body"\n')
    assert load_settings(top, environ={}) == Settings(
        encoding="latin-1", recursive=False, text_column="body"
    )


def test_environment_wins_over_the_file(tmp_path: Path) -> None:
    path = config(tmp_path, "[eventcoder]\nbatch_size = 4\nmonadic = true\n")
    environ = {
        "EVENTCODER_BATCH_SIZE": "16",
        "EVENTCODER_MONADIC": "off",
        "EVENTCODER_EXCLUDE": "drafts/*, *.bak.txt",
        "EVENTCODER_FETCH_TIMEOUT": "2.5",
        "PATH": "/usr/bin",
    }
    settings = load_settings(path, environ=environ)
    assert settings.batch_size == 16 and settings.monadic is False
    assert settings.exclude == ("drafts/*", "*.bak.txt") and settings.fetch_timeout == 2.5


def test_misspelt_key_in_the_file_is_E150_with_a_suggestion(tmp_path: Path) -> None:
    path = config(tmp_path, "[eventcoder]\nbatch_sise = 4\n")
    error = error_of(path)
    assert error.error is Errors.E150
    assert str(path) in str(error) and "'batch_sise'" in str(error)
    assert "did you mean 'batch_size'?" in str(error)


def test_other_tables_next_to_eventcoder_are_E150(tmp_path: Path) -> None:
    path = config(tmp_path, '[eventcoder]\nbatch_size = 4\n[sources]\nencoding = "latin-1"\n')
    assert "'sources'" in str(error_of(path))


def test_misspelt_environment_variable_is_E150() -> None:
    error = error_of(environ={"EVENTCODER_BATCHSIZE": "4"})
    assert error.error is Errors.E150
    assert "environment variable EVENTCODER_BATCHSIZE" in str(error)
    assert "did you mean 'batch_size'?" in str(error)


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("EVENTCODER_BATCH_SIZE", "abc", "an integer"),
        ("EVENTCODER_BATCH_SIZE", "0", "at least 1"),
        ("EVENTCODER_MONADIC", "maybe", "true or false"),
        ("EVENTCODER_HOST_DELAY", "soon", "a number"),
        ("EVENTCODER_DEFAULT_DATE", "13/05/2024", "a date YYYY-MM-DD"),
        ("EVENTCODER_ENCODING", "klingon-8", "a known text encoding"),
    ],
)
def test_bad_environment_value_is_E151(variable: str, value: str, expected: str) -> None:
    error = error_of(environ={variable: value})
    assert error.error is Errors.E151
    message = str(error)
    assert variable in message and repr(value) in message and expected in message


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('batch_size = "8"', "an integer"),
        ("batch_size = true", "an integer"),
        ("monadic = 1", "true or false"),
        ('include = "*.txt"', "a list of strings"),
        ("model = 3", "a string"),
        ("piece_chars = 10", "at least 1000"),
    ],
)
def test_bad_file_value_is_E151(tmp_path: Path, line: str, expected: str) -> None:
    path = config(tmp_path, f"[eventcoder]\n{line}\n")
    error = error_of(path)
    assert error.error is Errors.E151
    key = line.split(" ")[0]
    assert str(path) in str(error) and f"eventcoder.{key}" in str(error) and expected in str(error)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"[eventcoder\nbatch_size = 4\n", "line 1"),
        (b"batch_size = \n", "line 1"),
        (b"model = 'caf\xe9'\n", "not UTF-8"),
        (b"eventcoder = 3\n", "must be a table"),
    ],
)
def test_malformed_file_is_E152(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "eventcoder.toml"
    path.write_bytes(content)
    error = error_of(path)
    assert error.error is Errors.E152
    assert str(path) in str(error) and fragment in str(error)


def test_read_options_carry_the_settings() -> None:
    settings = Settings(
        encoding="cp1252",
        include=("*.csv",),
        text_column="body",
        date_column="date",
        user_agent="my-lab-crawler/2.0",
        host_delay=0.5,
        max_bytes=1000,
    )
    options = read_options(settings)
    assert options.encoding == "cp1252" and options.include == ("*.csv",)
    assert options.columns.text == "body" and options.columns.published == "date"
    assert options.columns.id == "id"
    assert options.fetch.user_agent == "my-lab-crawler/2.0" and options.fetch.host_delay == 0.5
    assert options.max_bytes == 1000
    assert read_options(Settings()).fetch.user_agent.startswith("eventcoder/")
