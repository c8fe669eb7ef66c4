"""Event dates from the publication date and the date expressions of a sentence.

News writes relative dates ("on Monday", "last week", "Jan. 25"). Given the publication
date they resolve to ISO dates; precision follows the expression: `2023-01-23` for a
day, `2023-01` for a month, `2022` for a year. Without a publication date only expressions
that carry their own year resolve; the expression is always kept as `date_text`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Span, Token

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_DAY = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?", re.I)
_DAY_MONTH = re.compile(
    r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(\d{4}))?", re.I
)
_MONTH_ONLY = re.compile(
    r"\b(?:in|since|during|until|by|last|this)\s+" + _MONTH + r"(?:\s+(\d{4}))?\b", re.I
)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(?:in|since|during)\s+((?:19|20)\d{2})\b", re.I)
_WEEKDAY = re.compile(r"\b(?:on\s+|last\s+|this\s+)?(" + "|".join(WEEKDAYS) + r")\b", re.I)
_RELATIVE = re.compile(
    r"\b(today|tonight|this (?:morning|afternoon|evening)|yesterday|last night|"
    r"last week|last month|last year|this week|this month|this year|"
    r"(?:two|three|four|five|six|2|3|4|5|6) days ago|a week ago|a month ago|a year ago)\b",
    re.I,
)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _month_number(word: str) -> int:
    return MONTHS[
        word.lower().rstrip(".")[:4].rstrip("t")
        if word.lower().startswith("sept")
        else word.lower().rstrip(".")[:3]
    ]


def _shift_month(when: date, months: int) -> tuple[int, int]:
    index = when.year * 12 + when.month - 1 + months
    return index // 12, index % 12 + 1


def resolve(expression: str, published: date | None) -> str | None:
    """The ISO date (or month, or year) an expression denotes, or None."""
    text = expression.strip()
    m = _ISO.search(text)
    if m:
        return m.group(0)
    for pattern, order in ((_MONTH_DAY, "md"), (_DAY_MONTH, "dm")):
        m = pattern.search(text)
        if m:
            month_word, day = (
                (m.group(1), m.group(2)) if order == "md" else (m.group(2), m.group(1))
            )
            year = m.group(3)
            month = _month_number(month_word)
            try:
                if year:
                    return date(int(year), month, int(day)).isoformat()
                if published is None:
                    return None
                found = date(published.year, month, int(day))
                if found > published + timedelta(days=7):
                    found = date(published.year - 1, month, int(day))
                return found.isoformat()
            except ValueError:
                return None
    m = _MONTH_ONLY.search(text)
    if m:
        month = _month_number(m.group(1))
        if m.group(2):
            return f"{int(m.group(2)):04d}-{month:02d}"
        if published is None:
            return None
        year = published.year if month <= published.month else published.year - 1
        return f"{year:04d}-{month:02d}"
    m = _YEAR.search(text)
    if m:
        return m.group(1)
    if published is None:
        return None
    m = _WEEKDAY.search(text)
    if m:
        back = (published.weekday() - WEEKDAYS.index(m.group(1).lower())) % 7
        if text.lower().startswith("last") and back == 0:
            back = 7
        return (published - timedelta(days=back)).isoformat()
    m = _RELATIVE.search(text)
    if m:
        word = m.group(1).lower()
        if word in {"today", "tonight"} or (
            word.startswith("this ") and word.split()[1] in {"morning", "afternoon", "evening"}
        ):
            return published.isoformat()
        if word in {"yesterday", "last night"}:
            return (published - timedelta(days=1)).isoformat()
        if word in {"last week", "a week ago"}:
            return (published - timedelta(days=7)).isoformat()
        if word == "this week":
            return published.isoformat()
        if word in {"last month", "a month ago"}:
            return "{:04d}-{:02d}".format(*_shift_month(published, -1))
        if word == "this month":
            return f"{published.year:04d}-{published.month:02d}"
        if word in {"last year", "a year ago"}:
            return f"{published.year - 1:04d}"
        if word == "this year":
            return f"{published.year:04d}"
        if word.endswith("days ago"):
            count = word.split()[0]
            days = int(count) if count.isdigit() else _NUMBERS[count]
            return (published - timedelta(days=days)).isoformat()
    return None


def _expressions(sent: Span) -> list[tuple[Span | None, str]]:
    found: list[tuple[Span | None, str]] = [(e, e.text) for e in sent.ents if e.label_ == "DATE"]
    if not found:
        text = sent.text
        for pattern in (_MONTH_DAY, _DAY_MONTH, _MONTH_ONLY, _WEEKDAY, _RELATIVE, _YEAR, _ISO):
            m = pattern.search(text)
            if m:
                found.append((None, m.group(0)))
                break
    return found


def event_date(trigger: Token, published: date | None) -> tuple[str | None, str | None]:
    """(date, date_text) for an event: the date expression nearest the trigger in the parse,
    else the first one in the sentence."""
    candidates = _expressions(trigger.sent)
    if not candidates:
        return None, None

    def distance(item: tuple[Span | None, str]) -> int:
        span = item[0]
        if span is None:
            return 50
        node, steps = span.root, 0
        while node.i != trigger.i and node.head.i != node.i and steps < 6:
            node, steps = node.head, steps + 1
        return steps if node.i == trigger.i else 10 + abs(span.start - trigger.i)

    best = min(candidates, key=distance)
    text = best[1]
    return resolve(text, published), text
