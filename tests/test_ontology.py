"""The CAMEO/PLOVER ontology: loader unit tests, and checks against the public reference
tables in ../shared/reference (read at test time only, skipped when absent)."""

from __future__ import annotations

import csv
import re
import shutil
from importlib import resources
from pathlib import Path

import pytest

from eventcoder.ontology import CameoCode, Ontology, OntologyError, default_ontology, quad_class

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"
GDELT_CODES = REFERENCE / "cameo" / "GDELT_CAMEO.eventcodes.txt"
GDELT_GOLDSTEIN = REFERENCE / "cameo" / "GDELT_CAMEO.goldsteinscale.txt"
ICEWS = REFERENCE / "cameo" / "icews_cameo-codes.csv"
CROSSWALK = REFERENCE / "plover" / "CAMEO2PLOVER-2021.txt"

# The two public CAMEO tables score these codes differently; ours may follow either.
GOLDSTEIN_DISAGREEMENTS = {"016", "022", "164", "165"}

PLOVER_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return default_ontology()


def packaged_dir() -> Path:
    return Path(str(resources.files("eventcoder.data").joinpath("ontology")))


# ---------------------------------------------------------------- loader


def test_lookup(onto: Ontology) -> None:
    entry = onto["0232"]
    assert isinstance(entry, CameoCode)
    assert entry.name == "Appeal for military aid"
    assert entry.root == "02"
    assert entry.quad == 1
    assert entry.plover == "REQUEST"
    assert entry.mode is None
    assert entry.context == "military"
    assert onto.get("0232") is entry
    assert onto.get("999") is None
    assert "0232" in onto and "999" not in onto and 232 not in onto
    with pytest.raises(KeyError):
        onto["0999"]


def test_size_order_and_roots(onto: Ontology) -> None:
    codes = [entry.code for entry in onto]
    assert len(onto) == len(codes) == 311
    assert codes == sorted(codes)
    assert [entry.code for entry in onto.roots()] == [f"{n:02d}" for n in range(1, 21)]
    for entry in onto:
        assert entry.root in onto
        assert entry.root == entry.code[:2]
        assert len(entry.code) == 2 or entry.code[:-1] in onto
        assert -10.0 <= entry.goldstein <= 10.0
    assert [c.code for c in onto.children("19")] == [f"19{n}" for n in range(7)]


@pytest.mark.parametrize(
    ("root", "quad"),
    [("01", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("13", 3), ("14", 4), ("20", 4)],
)
def test_quad_class(root: str, quad: int) -> None:
    assert quad_class(root) == quad


@pytest.mark.parametrize("root", ["00", "21", "1", "ab", "010"])
def test_quad_class_rejects(root: str) -> None:
    with pytest.raises(ValueError):
        quad_class(root)


def test_quads_derived(onto: Ontology) -> None:
    for entry in onto:
        assert entry.quad == quad_class(entry.root)
    assert onto["0874"].quad == 2
    assert onto["1385"].quad == 3
    assert onto["2042"].quad == 4


def test_appeals_are_request(onto: Ontology) -> None:
    appeals = [entry for entry in onto if entry.root == "02"]
    assert len(appeals) == 28
    assert all(entry.plover == "REQUEST" for entry in appeals)
    assert onto["0231"].context == "economic"
    assert onto["0234"].context == "peacekeeping"


def test_statements_have_no_plover(onto: Ontology) -> None:
    statements = [entry for entry in onto if entry.root == "01"]
    assert len(statements) == 11
    for entry in statements:
        assert entry.plover is None and entry.mode is None and entry.context is None


def test_retreat(onto: Ontology) -> None:
    for entry in onto:
        if entry.code[:3] in {"084", "085", "086", "087"}:
            assert entry.plover == "RETREAT", entry.code
    assert onto["08"].plover == "CONCEDE"
    assert onto["0871"].mode == "ceasefire"


def test_plover_types(onto: Ontology) -> None:
    types = onto.plover_types()
    assert set(types) == PLOVER_TYPES
    assert "phone" in types["CONSULT"]
    assert "riot" in types["PROTEST"]
    contexts = onto.plover_contexts()
    for entry in onto:
        if entry.plover is not None:
            assert entry.plover in types
        if entry.mode is not None:
            assert entry.plover is not None and entry.mode in types[entry.plover]
        for context in entry.contexts:
            assert context in contexts
    assert onto["094"].contexts == ("military", "legal")


def test_load_explicit_directory_equals_default(onto: Ontology) -> None:
    again = Ontology.load(packaged_dir())
    assert list(again) == list(onto)


def _copy_tables(tmp_path: Path) -> Path:
    for name in ("cameo.tsv", "plover.tsv", "plover_contexts.tsv"):
        shutil.copy(packaged_dir() / name, tmp_path / name)
    return tmp_path


HEADER = "code\tname\tgoldstein\tplover\tmode\tcontext\tnote\n"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("1x\tBad code\t0.0\t\t\t\t\n", "bad CAMEO code"),
        ("21\tNo such root\t0.0\t\t\t\t\n", "root"),
        ("0999\tOrphan\t0.0\t\t\t\t\n", "parent code 099"),
        ("011\tGoldstein out of range\t12.5\t\t\t\t\n", "outside"),
        ("011\tNot a number\tlow\t\t\t\t\n", "not a number"),
        ("011\tUnknown type\t0.0\tDISCUSS\t\t\t\n", "unknown PLOVER type"),
        ("011\tWrong mode\t0.0\tCONSULT\triot\t\t\n", "not a mode of CONSULT"),
        ("011\tUnknown context\t0.0\tCONSULT\t\tweather\t\n", "unknown PLOVER context"),
        ("010\tDuplicate\t0.0\t\t\t\t\n", "duplicate code 010"),
        ("011\tToo\tmany\tcells\there\tand\there\tagain\n", "cells"),
    ],
)
def test_bad_row_names_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    folder = _copy_tables(tmp_path)
    table = folder / "cameo.tsv"
    table.write_text(
        "# a comment\n" + HEADER + "01\tMAKE PUBLIC STATEMENT\t0.0\t\t\t\t\n"
        "010\tMake statement\t0.0\t\t\t\t\n" + row,
        encoding="utf-8",
    )
    with pytest.raises(ValueError) as info:
        Ontology.load(folder)
    text = str(info.value)
    assert str(table) in text
    assert "line 5" in text
    assert message in text
    assert isinstance(info.value, OntologyError)


def test_bad_plover_table(tmp_path: Path) -> None:
    folder = _copy_tables(tmp_path)
    (folder / "plover.tsv").write_text(
        "type\tmodes\tdescription\nAGREE\t\tx\nAGREE\t\ty\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match=r"plover\.tsv: line 3: duplicate PLOVER type AGREE"):
        Ontology.load(folder)


def test_mode_must_belong_to_type(tmp_path: Path) -> None:
    folder = _copy_tables(tmp_path)
    plover = folder / "plover.tsv"
    plover.write_text(
        plover.read_text(encoding="utf-8").replace("phone|visit|", "visit|"), encoding="utf-8"
    )
    with pytest.raises(ValueError, match=r"cameo\.tsv: line \d+: code 041: mode 'phone'"):
        Ontology.load(folder)


def test_small_valid_table(tmp_path: Path) -> None:
    folder = _copy_tables(tmp_path)
    (folder / "cameo.tsv").write_text(
        HEADER
        + "04\tCONSULT\t1.0\tCONSULT\t\t\t\n"
        + "041\tDiscuss by telephone\t1.0\tCONSULT\tphone\t\n"  # short row: padded
        + "\n# comment\n",
        encoding="utf-8",
    )
    small = Ontology.load(folder)
    assert len(small) == 2
    assert small["041"].mode == "phone" and small["041"].context is None


# ---------------------------------------------------------------- reference tables


def _need(*paths: Path) -> None:
    for path in paths:
        if not path.is_file():
            pytest.skip(f"reference file {path} not available")


def _read_pairs(path: Path) -> dict[str, str]:
    """Code -> value from a GDELT lookup table (header line; repeated rows tolerated)."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        cells = line.split("\t")
        if len(cells) < 2 or not cells[0].strip().isdigit():
            continue
        code, value = cells[0].strip(), cells[1].strip()
        assert table.get(code, value) == value, f"{path.name}: conflicting rows for {code}"
        table[code] = value
    return table


def _read_icews() -> dict[str, tuple[str, float]]:
    with ICEWS.open(encoding="mac_roman", newline="") as handle:
        return {
            row["code"].strip(): (row["name"], float(row["goldstein"]))
            for row in csv.DictReader(handle)
        }


def _norm(name: str) -> str:
    text = name.lower().strip()
    text = re.sub(r",?\s*not specified below\s*$", "", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def test_same_codes_as_gdelt(onto: Ontology) -> None:
    _need(GDELT_CODES)
    assert {entry.code for entry in onto} == set(_read_pairs(GDELT_CODES))


def test_names_match_gdelt_or_icews(onto: Ontology) -> None:
    _need(GDELT_CODES, ICEWS)
    gdelt = _read_pairs(GDELT_CODES)
    icews = _read_icews()
    wrong = [
        (entry.code, entry.name, gdelt.get(entry.code), icews.get(entry.code, ("", 0.0))[0])
        for entry in onto
        if _norm(entry.name)
        not in {_norm(gdelt.get(entry.code, "")), _norm(icews.get(entry.code, ("", 0.0))[0])}
    ]
    assert not wrong


def test_goldstein_matches(onto: Ontology) -> None:
    _need(GDELT_GOLDSTEIN, ICEWS)
    gdelt = {code: float(value) for code, value in _read_pairs(GDELT_GOLDSTEIN).items()}
    icews = _read_icews()
    disagree = {code for code in gdelt if code in icews and icews[code][1] != gdelt[code]}
    assert disagree == GOLDSTEIN_DISAGREEMENTS
    for entry in onto:
        if entry.code in GOLDSTEIN_DISAGREEMENTS:
            assert entry.goldstein in {gdelt[entry.code], icews[entry.code][1]}, entry.code
        else:
            assert entry.goldstein == gdelt[entry.code], entry.code


def _read_crosswalk() -> dict[str, tuple[str, str, str]]:
    """Code -> (type, mode, context) from `code: TYPE, mode, context # comment` lines.
    Several contexts (`;` there) are joined with `|`; the first line for a code wins (root
    08 appears as CONCEDE and again as a RETREAT section heading)."""
    crosswalk: dict[str, tuple[str, str, str]] = {}
    for line in CROSSWALK.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\s*([0-9]{2,4})\s*:([^#]*)", line)
        if not match:
            continue
        fields = [field.strip() for field in match.group(2).split(",")] + ["", ""]
        contexts = "|".join(c.strip() for c in fields[2].split(";") if c.strip())
        crosswalk.setdefault(match.group(1), (fields[0], fields[1], contexts))
    return crosswalk


def test_plover_matches_crosswalk(onto: Ontology) -> None:
    _need(CROSSWALK, GDELT_CODES)
    crosswalk = _read_crosswalk()
    cameo = set(_read_pairs(GDELT_CODES))
    checked = 0
    for code, (kind, mode, context) in crosswalk.items():
        if code not in cameo:  # the crosswalk also maps 1213 and 1214, absent from CAMEO 1.1b3
            continue
        entry = onto[code]
        checked += 1
        if len(code) == 2:  # root lines carry the type only
            assert entry.plover == kind, code
            continue
        assert (entry.plover, entry.mode or "", entry.context or "") == (kind, mode, context), code
    assert checked > 250
    # codes the crosswalk leaves out: exactly the 01 statements and the 02 appeals
    assert {entry.code for entry in onto if entry.code not in crosswalk} == {
        entry.code for entry in onto if entry.root in {"01", "02"}
    }
