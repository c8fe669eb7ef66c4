from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

HERE = Path(__file__).parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
FIXTURE_GAZETTEER = HERE / "data" / "gazetteer"


@pytest.fixture(scope="session")
def blank() -> Language:
    """An English pipeline with no trained components: for hand-built Docs."""
    return spacy.blank("en")


@pytest.fixture(scope="session")
def coder():  # type: ignore[no-untyped-def]
    """The real pipeline (the installed English model) with the packaged data."""
    from eventcoder.config import Settings
    from eventcoder.pipeline import Coder

    return Coder.from_settings(Settings())


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared (gold and reference data) is not present")
    return SHARED
