"""Text encodings: decoding an input's bytes, detecting the encoding when it is not UTF-8.

Without an explicit encoding, an input is read as UTF-8 (a byte order mark is dropped; UTF-16
is recognised by its byte order mark). Text that is not UTF-8 is most often Windows-1252
(Latin-1's superset): it is taken as such when the decoded text looks like a Western language
(accented letters and typographic punctuation in mostly ASCII words). Otherwise
charset-normalizer guesses the encoding, and a guess it is not confident about is refused
(E012) rather than turned into mojibake. A given encoding is used as it is (E110 when the
bytes do not decode with it).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import Errors, InputError

SNIFF_BYTES = 65_536
MAX_CONTROL_SHARE = 0.10
MAX_CHAOS = 0.2  # charset-normalizer's mess ratio above which a guess is refused
MIN_COHERENCE = 0.1  # charset-normalizer's language coherence below which a guess is refused
MAX_ACCENTED_SHARE = 0.25  # of letters, for a text to pass as Western in Windows-1252
WESTERN = "cp1252"
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1b")
_WIDE = ("utf-16", "utf-32")
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def decode(data: bytes, source: str, encoding: str | None = None) -> str:
    """Decode a whole input, or raise InputError (E010 empty, E011 binary, E012/E110)."""
    if not data or not data.strip():
        raise InputError(Errors.E010, source=source)
    chosen = choose_encoding(data, source, encoding, whole=True)
    text = decode_with(data, chosen, source)
    if not text.strip():
        raise InputError(Errors.E010, source=source)
    return text


def choose_encoding(sample: bytes, source: str, encoding: str | None, whole: bool = False) -> str:
    """The codec for an input whose first bytes are `sample` (checked for binary data).

    `whole` says the sample is the entire input (so its last character is complete).
    """
    wide = sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if encoding is None and wide:
        text = _decode_prefix(sample, "utf-16", source, whole)
        check_binary(text[:8192], source)
        return "utf-16"
    if encoding is not None:
        if codecs.lookup(encoding).name.startswith(_WIDE):
            check_binary(_decode_prefix(sample, encoding, source, whole)[:8192], source)
        else:
            check_binary(sample[:8192].decode("latin-1"), source)
        return encoding
    check_binary(sample[:8192].decode("latin-1"), source)
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        _decode_prefix(sample, "utf-8", source, whole, raw=True)
        return "utf-8"
    except UnicodeDecodeError as exc:
        failure = exc
    # mostly good UTF-8 with a few bad bytes is damaged UTF-8, not another encoding
    guess = "utf-8" if _mostly_utf8(sample) else guess_encoding(sample)
    if guess is None:
        bad = failure.object[failure.start : failure.start + 1].hex()
        raise InputError(
            Errors.E012, source=source, offset=failure.start, reason=f"{failure.reason}, 0x{bad}"
        )
    return guess


def _mostly_utf8(sample: bytes) -> bool:
    """More well-formed multi-byte UTF-8 characters than bytes that are not UTF-8."""
    good = len(_UTF8_SEQUENCE.findall(sample))
    bad = sample.decode("utf-8", errors="replace").count("\ufffd")
    return good > bad


def guess_encoding(sample: bytes) -> str | None:
    """The encoding of bytes that are not UTF-8: Windows-1252 for Western text, else
    charset-normalizer's confident guess, else None."""
    try:
        western = sample.decode(WESTERN)
    except UnicodeDecodeError:
        western = None
    if western is not None and _looks_western(western):
        return WESTERN
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if (
        best is None
        or best.chaos > MAX_CHAOS
        or best.coherence < MIN_COHERENCE
        or best.encoding.startswith(_WIDE)
    ):
        return None
    return str(best.encoding)


def _looks_western(text: str) -> bool:
    """Mostly ASCII letters; the others are Latin letters or typographic marks."""
    letters = accented = 0
    for ch in text:
        if ch.isascii():
            letters += ch.isalpha()
            continue
        category = unicodedata.category(ch)
        if category.startswith("L"):
            if "LATIN" not in unicodedata.name(ch, ""):
                return False
            letters += 1
            accented += 1
        elif category[0] not in "PSZN":
            return False
    return letters > 0 and accented / letters <= MAX_ACCENTED_SHARE


def decode_with(data: bytes, encoding: str, source: str, offset: int = 0) -> str:
    """Decode with a chosen codec; E012 for UTF-8 (the default), E110 for others."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise decode_error(exc, encoding, source, offset) from None


def decode_error(
    exc: UnicodeDecodeError, encoding: str, source: str, offset: int = 0
) -> InputError:
    bad = exc.object[exc.start : exc.start + 1].hex()
    name = codecs.lookup(encoding).name
    if name in {"utf-8", "utf-8-sig"}:
        bom = len(codecs.BOM_UTF8) if name == "utf-8-sig" else 0
        return InputError(
            Errors.E012,
            source=source,
            offset=offset + bom + exc.start,
            reason=f"{exc.reason}, 0x{bad}",
        )
    return InputError(
        Errors.E110,
        source=source,
        encoding=name,
        offset=offset + exc.start,
        reason=f"{exc.reason}, 0x{bad}",
    )


def _decode_prefix(
    sample: bytes, encoding: str, source: str, whole: bool, raw: bool = False
) -> str:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        return str(decoder.decode(sample, final=whole))
    except UnicodeDecodeError as exc:
        if raw:
            raise
        raise decode_error(exc, encoding, source) from None


def check_binary(sample: str, source: str) -> None:
    """Raise E011 when the sample holds a NUL or too many control characters."""
    if "\x00" in sample:
        raise InputError(Errors.E011, source=source, reason="it contains a NUL byte")
    controls = sum(1 for ch in sample if (ch < " " or ch == "\x7f") and ch not in _ALLOWED_CONTROLS)
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        share = round(100 * controls / len(sample))
        raise InputError(
            Errors.E011, source=source, reason=f"{share}% of its first bytes are control characters"
        )


def is_wide(encoding: str) -> bool:
    """UTF-16/32: lines cannot be split on newline bytes."""
    return codecs.lookup(encoding).name.startswith(_WIDE)


def charset_of(content_type: str) -> str | None:
    """The charset a Content-Type header names, when Python knows it."""
    content_type = content_type.lower()
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip() == "charset":
            name = value.strip().strip("\"'")
            try:
                codecs.lookup(name)
            except LookupError:
                return None
            return name
    return None
