"""PETRARCH2 / TABARI verb dictionaries: parsing, and conversion to our lexicon format.

A verb dictionary holds synonym sets (`&NAME` then `+phrase` lines), verb blocks (a header
`---  NAME  [code]  ---`, verb forms `WORD {IRREGULAR FORMS} [code]` or phrasal `+ASK_FOR`,
then patterns `- <items> [code] # comment`) and transformations (`~ ...`). Conversion rules
are in docs/dictionaries.md.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..events.lexicon import WORD_RE, PatternError, parse_pattern
from ..ontology import Ontology
from .petrarch_text import SourceLine, line_error, read_lines

KIND = "verb"
HEADER_RE = re.compile(r"^---\s*(?P<name>[^\[]*?)\s*(?:\[(?P<code>[^\]]*)\])?[\s-]*$")
FORM_RE = re.compile(
    r"^(?P<plus>\+?)(?P<word>[^\s{\[+]+)\s*(?:\{(?P<forms>[^}]*)\})?\s*"
    r"(?:\[(?P<code>[^\]]*)\])?\s*$"
)
CODE_AT_END_RE = re.compile(r"\[(?P<code>[^\]\[]*)\]\s*$")
SYNSET_REF_RE = re.compile(r"&[A-Za-z0-9_'\-]+|[^_&]+")
CAMEO_RE = re.compile(r"^\d{2,4}$")


# -- records ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class VerbForm:
    """A verb of a block: `words` is one word, or several for a phrasal form (`+ASK_FOR`)."""

    words: tuple[str, ...]  # as written, upper case, `_` split off
    phrasal: bool
    code: str | None  # its own `[code]` as written (`020`, `---`, `041:041`), None = the block's
    irregular: tuple[str, ...]
    line: int


@dataclass(frozen=True, slots=True)
class VerbPattern:
    text: str  # the pattern without its leading `-`, code and comment
    code: str  # as written inside [...], '' when the line has none
    line: int


@dataclass(slots=True)
class VerbBlock:
    name: str
    code: str | None  # the block header's code as written; None when the header has none
    line: int
    forms: list[VerbForm] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Synset:
    name: str  # without '&'
    phrases: tuple[str, ...]
    line: int


@dataclass(slots=True)
class VerbDictionary:
    source: str
    synsets: dict[str, Synset] = field(default_factory=dict)
    blocks: list[VerbBlock] = field(default_factory=list)
    transformations: list[str] = field(default_factory=list)

    @property
    def verb_forms(self) -> int:
        return sum(len(b.forms) for b in self.blocks)

    @property
    def patterns(self) -> int:
        return sum(len(b.patterns) for b in self.blocks)


@dataclass(slots=True)
class VerbStats:
    files: list[str] = field(default_factory=list)
    blocks: int = 0
    verb_forms: int = 0
    phrasal_verb_forms: int = 0
    patterns: int = 0
    synsets: int = 0
    synset_phrases: int = 0
    transformations: int = 0
    patterns_converted: int = 0
    patterns_skipped: Counter[str] = field(default_factory=Counter)
    bare_verbs_converted: int = 0  # verb forms that code on their own
    bare_verbs_skipped: Counter[str] = field(default_factory=Counter)
    entries_written: int = 0
    duplicate_entries: int = 0


# -- parsing ---------------------------------------------------------------------------------
def parse_verbs(path: Path) -> VerbDictionary:
    """Read a verb dictionary. Lines that fit no part of the format raise DataFileError."""
    result = VerbDictionary(str(path))
    block: VerbBlock | None = None
    synset: tuple[str, int, list[str]] | None = None  # name, line, phrases while reading one

    def close_synset() -> None:
        nonlocal synset
        if synset is not None:
            name, line, phrases = synset
            result.synsets[name] = Synset(name, tuple(phrases), line)
            synset = None

    for src in read_lines(path):
        text = src.text.strip()
        if synset is not None and text.startswith("+"):
            synset[2].append(text[1:].strip())
            continue
        close_synset()
        if text.startswith("&"):
            name = text[1:].split()[0] if text[1:].split() else ""
            if not name:
                raise line_error(path, src.number, KIND, "a synonym set needs a name after '&'")
            synset = (name, src.number, [])
        elif text.startswith("~"):
            result.transformations.append(text)
        elif text.startswith("---"):
            match = HEADER_RE.match(text)
            if match is None:
                raise line_error(
                    path, src.number, KIND, "a block header reads '---  NAME  [code]  ---'"
                )
            block = VerbBlock(" ".join(match["name"].split()) or "?", match["code"], src.number)
            result.blocks.append(block)
        elif text.startswith("-"):
            if block is None:
                raise line_error(path, src.number, KIND, "a pattern before any verb block")
            block.patterns.append(_pattern(src, text[1:]))
        elif text[0].isalnum() or text.startswith("+"):
            form = _form(path, src, text)
            if block is None or block.patterns:
                # TABARI style: a verb after a pattern list (or first in the file) opens a
                # block of its own, with no code for bare verbs but its own.
                block = VerbBlock(" ".join(form.words), None, src.number)
                result.blocks.append(block)
            block.forms.append(form)
        else:
            raise line_error(path, src.number, KIND, f"unrecognised line {text[:40]!r}")
    close_synset()
    return result


def _pattern(src: SourceLine, body: str) -> VerbPattern:
    match = CODE_AT_END_RE.search(body)
    if match is None:
        return VerbPattern(body.strip(), "", src.number)
    return VerbPattern(body[: match.start()].strip(), match["code"].strip(), src.number)


def _form(path: Path, src: SourceLine, text: str) -> VerbForm:
    match = FORM_RE.match(text)
    if match is None:
        raise line_error(
            path,
            src.number,
            KIND,
            "a verb form reads 'WORD {IRREGULAR FORMS} [code]' or '+PHRASAL_VERB'",
        )
    words = tuple(w for w in match["word"].split("_") if w)
    if not words:
        raise line_error(path, src.number, KIND, "a verb form without a word")
    irregular = tuple((match["forms"] or "").split())
    return VerbForm(
        words,
        bool(match["plus"]) or len(words) > 1,
        match["code"].strip() if match["code"] is not None else None,
        irregular,
        src.number,
    )


# -- conversion ------------------------------------------------------------------------------
class Skip(Exception):
    """A pattern or verb that our lexicon cannot hold; the message is the counted reason."""


def active_code(raw: str, ontology: Ontology) -> str:
    """The code for the active form: the first part of `[042:043]`; Skip when there is none."""
    raw = raw.strip()
    if not raw:
        raise Skip("no code")
    active = raw.split(":")[0].strip()
    if active in {"", "---"} and ":" in raw:
        raise Skip("no code for the active form ([:code])")
    if active == "---":
        raise Skip("null code [---]")
    if not CAMEO_RE.match(active):
        raise Skip("malformed code")
    if active not in ontology:
        raise Skip("unknown CAMEO code")
    return active


def _word(text: str) -> str:
    """One pattern word as our lexicon writes it; `A/B` becomes the alternatives `a|b`."""
    alternatives = [w for w in text.lower().strip("_").split("/") if w]
    if not alternatives or not all(WORD_RE.match(w) for w in alternatives):
        raise Skip("word our patterns cannot hold")
    return "|".join(dict.fromkeys(alternatives))


class SynsetResolver:
    """Synset references to `x|y|z` alternatives (multiword phrases: their last word)."""

    def __init__(self, synsets: dict[str, Synset]) -> None:
        self.synsets = {name.rstrip("_"): s for name, s in synsets.items()}
        self.cache: dict[str, str] = {}

    def __call__(self, reference: str) -> str:
        name = reference.lstrip("&").rstrip("_")
        if name not in self.cache:
            synset = self.synsets.get(name)
            if synset is None:
                raise Skip("undefined synonym set")
            words: list[str] = []
            for phrase in synset.phrases:
                last = phrase.replace("_", " ").split()[-1:] if phrase.strip("_ ") else []
                for word in last:
                    word = word.lower()
                    if WORD_RE.match(word):  # `F/A-18` and the like cannot be held: dropped
                        words.append(word)
            if not words:
                raise Skip("synonym set without a usable word")
            self.cache[name] = "|".join(dict.fromkeys(words))
        return self.cache[name]


LONE_PREPOSITION_RE = re.compile(
    r"\(\s*(?:WITH|TO|AT|AGAINST|ON|IN|FOR|FROM|INTO|TOWARDS?|OVER|ABOUT|UPON|BY|OF|BETWEEN|"
    r"AMONG|ACROSS|THROUGH|NEAR|ONTO|WITHIN|INSIDE|OUTSIDE|BEHIND|BEYOND)_?\s*\)\s*$",
    re.IGNORECASE,
)


def _atoms(text: str) -> list[str]:
    """Pattern items: '*', '$', '+', '%', '^', '&SET' or a word; `()` and `{}` dropped, words
    joined by `_` split apart (`SPY_*_DEAL` -> SPY * DEAL, `FIGHTER_&AIRCRAFT`)."""
    atoms: list[str] = []
    for token in re.sub(r"[(){}]", " ", text).split():
        for piece in re.split(r"(\*)", token):
            if piece == "*":
                atoms.append(piece)
            elif piece:
                atoms.extend(p for p in SYNSET_REF_RE.findall(piece) if p.strip("_"))
    return atoms


@dataclass(frozen=True, slots=True)
class Translated:
    before: tuple[str, ...]  # words before the trigger
    after: tuple[str, ...]  # items after it: words, TARGET, SOURCE


def translate(pattern: str, synsets: SynsetResolver) -> Translated:
    """A PETRARCH pattern (without code) in our pattern items; Skip when it cannot be held."""
    atoms = _atoms(pattern)
    stars = atoms.count("*")
    if stars != 1:
        raise Skip("no verb marker (*)" if stars == 0 else "more than one verb marker (*)")
    at = atoms.index("*")
    before: list[str] = []
    after: list[str] = []
    target_before = source_before = False
    for k, atom in enumerate(atoms):
        if atom == "*":
            continue
        pre = k < at
        if atom == "%":
            raise Skip("compound actor (%)")
        if atom == "^":
            continue  # our words after the trigger may have other words between them
        if atom == "$":
            if pre:
                source_before = True  # the subject: our source anyway
            else:
                after.append("SOURCE")
        elif atom == "+":
            if pre:
                target_before = True
            else:
                after.append("TARGET")
        elif atom.startswith("&"):
            (before if pre else after).append(synsets(atom))
        else:
            (before if pre else after).append(_word(atom))
    if after.count("TARGET") > 1:
        raise Skip("more than one target (+)")
    if after.count("SOURCE") > 1 or (source_before and "SOURCE" in after):
        raise Skip("more than one source ($)")
    if target_before and "SOURCE" not in after:
        raise Skip("target before the verb without a source after it")
    if "TARGET" not in after and not target_before and LONE_PREPOSITION_RE.search(pattern):
        # "- * (WITH) [040]": a bare prepositional phrase marks where the target is
        after.append("TARGET")
    return Translated(tuple(before), tuple(after))


@dataclass(frozen=True, slots=True)
class LexiconRow:
    code: str
    pattern: str
    note: str

    def cells(self) -> tuple[str, str, str, str]:
        return (self.code, "V", self.pattern, self.note)


def _key(pattern: str) -> str:
    """Patterns equal up to the order of alternatives are the same pattern."""
    out = []
    for word in pattern.split():
        inner = "|".join(sorted(word.strip("[]").split("|")))
        out.append(f"[{inner}]" if word.startswith("[") else inner)
    return " ".join(out)


def _trigger_groups(block: VerbBlock) -> list[tuple[str, tuple[str, ...]]]:
    """(trigger alternatives, particle words) per form group: single-word verbs share one."""
    singles: list[str] = []
    groups: list[tuple[str, tuple[str, ...]]] = []
    for form in block.forms:
        try:
            words = [_word(w) for w in form.words]
        except Skip:
            continue
        if any("|" in w for w in words):
            continue
        if len(words) == 1:
            singles.append(words[0])
        else:
            groups.append((words[0], tuple(words[1:])))
    if singles:
        groups.insert(0, ("|".join(dict.fromkeys(singles)), ()))
    return groups


def convert_verbs(
    dictionary: VerbDictionary, ontology: Ontology, stats: VerbStats
) -> list[LexiconRow]:
    """Our lexicon rows for a parsed verb dictionary, counting what is converted or skipped.

    Per block, the pattern entries come first (in file order) and the bare verbs last, so
    a pattern that matches beats the bare verb when both match as many words."""
    name = Path(dictionary.source).name
    stats.files.append(dictionary.source)
    stats.blocks += len(dictionary.blocks)
    stats.synsets += len(dictionary.synsets)
    stats.synset_phrases += sum(len(s.phrases) for s in dictionary.synsets.values())
    stats.transformations += len(dictionary.transformations)
    resolver = SynsetResolver(dictionary.synsets)
    rows: list[LexiconRow] = []
    seen: set[str] = set()

    def add(
        code: str,
        before: tuple[str, ...],
        trigger: str,
        particles: tuple[str, ...],
        after: tuple[str, ...],
        note: str,
    ) -> bool:
        if particles and after[: len(particles)] == particles:
            after = after[len(particles) :]  # `ask for` + `(FOR RETRIAL)`: one `for`
        words = [*before, f"[{trigger}]" if before else trigger, *particles, *after]
        pattern = " ".join(words)
        try:
            parse_pattern(pattern)
        except PatternError as exc:
            raise Skip("pattern our format rejects") from exc
        key = _key(pattern)
        if key in seen:
            stats.duplicate_entries += 1
            return False
        seen.add(key)
        rows.append(LexiconRow(code, pattern, note))
        return True

    for block in dictionary.blocks:
        stats.verb_forms += len(block.forms)
        stats.phrasal_verb_forms += sum(1 for f in block.forms if f.phrasal)
        stats.patterns += len(block.patterns)
        groups = _trigger_groups(block)
        for pattern in block.patterns:
            try:
                if not groups:
                    raise Skip("block without a usable verb")
                code = active_code(pattern.code, ontology)
                translated = translate(pattern.text, resolver)
                note = f"{name}:{pattern.line} {block.name}: - {' '.join(pattern.text.split())}"
                written = [
                    add(code, translated.before, trigger, particles, translated.after, note)
                    for trigger, particles in groups
                ]
                if not any(written):
                    raise Skip("duplicate of an earlier pattern")
                stats.patterns_converted += 1
            except Skip as skip:
                stats.patterns_skipped[str(skip)] += 1
        block_code = block.code if block.code is not None else "---"
        singles: dict[str, list[tuple[str, VerbForm]]] = {}  # code -> single-word verbs
        for form in block.forms:
            try:
                code = active_code(form.code if form.code is not None else block_code, ontology)
                words = tuple(_word(w) for w in form.words)
                if any("|" in w for w in words):
                    raise Skip("word our patterns cannot hold")
            except Skip as skip:
                stats.bare_verbs_skipped[str(skip)] += 1
                continue
            if len(words) == 1:
                singles.setdefault(code, []).append((words[0], form))
                continue
            note = f"{name}:{form.line} {block.name}: {'_'.join(form.words)}"
            try:
                if add(code, (), words[0], words[1:], (), note):
                    stats.bare_verbs_converted += 1
                else:
                    stats.bare_verbs_skipped["duplicate of an earlier verb"] += 1
            except Skip as skip:
                stats.bare_verbs_skipped[str(skip)] += 1
        for code, members in singles.items():
            trigger = "|".join(dict.fromkeys(w for w, _ in members))
            note = f"{name}:{members[0][1].line} {block.name}: " + " ".join(
                "_".join(f.words) for _, f in members
            )
            try:
                if add(code, (), trigger, (), (), note):
                    stats.bare_verbs_converted += len(members)
                else:
                    stats.bare_verbs_skipped["duplicate of an earlier verb"] += len(members)
            except Skip as skip:
                stats.bare_verbs_skipped[str(skip)] += len(members)
    stats.entries_written += len(rows)
    return rows
