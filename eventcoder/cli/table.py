"""Readable plain-text tables of an article's events and quotes."""

from __future__ import annotations

import shutil
import textwrap

from ..records import Actor, ArticleResult, Event


def _actor(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    return f"{actor.code or '?'} ({_short(actor.text, 28)})"


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(headers: list[str], rows: list[list[str]], last_flexible: bool = True) -> str:
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]
    total = shutil.get_terminal_size((140, 20)).columns
    if last_flexible:
        widths[-1] = max(20, min(widths[-1], total - sum(widths[:-1]) - 2 * len(widths)))
    lines = [
        "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)),
        "  ".join("-" * w for w in widths),
    ]
    for row in rows:
        cells = [_short(c, w) for c, w in zip(row, widths, strict=True)]
        lines.append("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
    return "\n".join(lines)


def _events_table(events: list[Event]) -> str:
    """One row per event, with its evidence (trigger and sentence) indented below it."""
    rows = []
    for n, e in enumerate(events, start=1):
        flags = ",".join(f for f in ("negated", "hypothetical", "alleged") if getattr(e, f))
        if e.reported_by is not None:
            who = e.reported_by.code or e.reported_by.text
            flags = ",".join(filter(None, [flags, f"reported by {who}"]))
        rows.append(
            [
                str(n),
                e.date or e.date_text or "",
                _actor(e.source),
                f"{e.cameo} {e.plover or ''}".strip(),
                _actor(e.target),
                flags or "",
            ]
        )
    table = _table(["#", "date", "source", "event", "target", "flags"], rows, False).split("\n")
    width = max(60, shutil.get_terminal_size((120, 20)).columns - 6)
    out = table[:2]
    for line, e in zip(table[2:], events, strict=True):
        out.append(line)
        evidence = " ".join(e.sentence.split()).replace(e.trigger.text, f"[{e.trigger.text}]", 1)
        out.extend("      " + part for part in textwrap.wrap(evidence, width))
    return "\n".join(out)


def render_article(result: ArticleResult) -> str:
    head = f"== {result.id}" + (f": {result.title}" if result.title else "")
    meta = (
        f"published {result.published or 'unknown'}; {len(result.events)} events, "
        f"{len(result.quotes)} quotes, {len(result.removed)} lines removed"
    )
    parts = [head, meta, ""]
    parts.append(_events_table(result.events))
    if result.hedged_events:
        parts += ["", "hedged (not counted as events):", _events_table(result.hedged_events)]
    if result.quotes:
        parts.append("")
        qrows = [[_actor(q.speaker), q.verb or "", f"“{q.text}”"] for q in result.quotes]
        parts.append(_table(["speaker", "verb", "quote"], qrows))
    if result.removed:
        parts.append("")
        parts.append(
            "removed: " + "; ".join(f"{_short(r.text, 50)} ({r.reason})" for r in result.removed)
        )
    return "\n".join(parts) + "\n"
