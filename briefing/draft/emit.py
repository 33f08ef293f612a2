"""The draft as YAML text: block style, comments, every string quoted one way, byte-stable.

Written by hand rather than with ``yaml.dump`` so the layout reads like a
storyboard an editor wrote (keys in the documented order, notes as folded
blocks, a comment naming the report line each slide came from) and so the
same plan always gives the same bytes.
"""

from __future__ import annotations

import json

from briefing.draft.plan import PlannedSection, PlannedSlide

WIDTH = 76


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap (a long word stays whole); textwrap is several times slower."""
    lines: list[str] = []
    current: list[str] = []
    length = 0
    for word in text.split():
        if current and length + 1 + len(word) > width:
            lines.append(" ".join(current))
            current, length = [], 0
        length += len(word) + (1 if current else 0)
        current.append(word)
    if current:
        lines.append(" ".join(current))
    return lines


def block(key: str, text: str, indent: int) -> list[str]:
    """``key: >`` and ``text`` wrapped under it; a short line stays a quoted scalar.

    Folded (``>``), not literal (``|``): the wrapping is for the editor's eyes only, and
    the notes stay one paragraph (a line break in a ``|`` block is a line break on the
    console and in the deck's notes)."""
    pad = " " * indent
    lines = wrap(text, WIDTH - indent - 2)
    if len(lines) <= 1:
        return [f"{pad}{key}: {quoted(text.strip())}"]
    return [f"{pad}{key}: >", *(f"{pad}  {line}" for line in lines)]


def duration(seconds: int) -> str:
    minutes, rest = divmod(int(seconds), 60)
    if not minutes:
        return f"{rest}s"
    return f"{minutes}min{rest}s" if rest else f"{minutes}min"


def storyboard_yaml(
    *,
    title: str,
    language: str,
    notes: str,
    report_title: str,
    report_file: str,
    report_name: str,
    sections: list[PlannedSection],
) -> str:
    seconds = 30 + sum(10 + sum(s.seconds for s in section.slides) for section in sections)
    out = [
        f"# Drafted by `briefing draft` from {report_name}: a first draft to edit.",
        "# Every figure and quotation cites the report's own words (sources: phrase);",
        "# `briefing check` proves them against the report named in sources.report.file.",
        f"title: {quoted(title)}",
        f"language: {language}",
        f"duration: {duration(round(seconds / 60) * 60 or 60)}",
        *block("notes", notes, 0),
        "sources:",
        "  report:",
        f"    title: {quoted(report_title)}",
        f"    file: {quoted(report_file)}",
        "",
        "sections:",
    ]
    for number_, section in enumerate(sections, start=1):
        out += _section(number_, section)
    return "\n".join(out) + "\n"


def _section(index: int, section: PlannedSection) -> list[str]:
    out = [f"  # {'-' * 60} {index} (report line {section.line})", f"  - title: {quoted(section.title)}"]
    if section.notes:
        out += block("notes", section.notes, 4)
    out.append("    slides:")
    for slide in section.slides:
        out += _slide(slide)
    out.append("")
    return out


def _slide(slide: PlannedSlide) -> list[str]:
    out = [f"      # report line {slide.line}", f"      - title: {quoted(slide.title)}"]
    out.append(f"        duration: {duration(slide.seconds)}")
    out += block("notes", slide.notes or slide.title, 8)
    if slide.phrases:
        out.append("        sources:")
        for phrase in slide.phrases:
            out += ["          - ref: report", f"            phrase: {quoted(phrase)}"]
    ((kind, body),) = slide.body.items()
    out += _body(kind, body)
    return out


def _body(kind: str, body: object) -> list[str]:
    """YAML lines of one planned body: a list (bullets, stats) or a mapping (quote, chart)."""
    if kind == "bullets":
        assert isinstance(body, list)
        return ["        bullets:", *(f"          - {quoted(str(item))}" for item in body)]
    if kind == "stats":
        assert isinstance(body, list)
        out = ["        stats:"]
        for item in body:
            pairs = [f"{k}: {number(v) if k == 'value' else quoted(str(v))}" for k, v in item.items()]
            out += [f"          - {pairs[0]}", *(f"            {p}" for p in pairs[1:])]
        return out
    assert isinstance(body, dict)
    if kind == "quote":
        return ["        quote:", *(f"          {k}: {quoted(str(v))}" for k, v in body.items())]
    chart = dict(body)
    out = ["        chart:", f"          type: {chart.pop('type')}"]
    out.append("          categories: [" + ", ".join(quoted(c) for c in chart.pop("categories")) + "]")
    out.append("          series:")
    for series in chart.pop("series"):
        out.append(f"            - name: {quoted(series['name'])}")
        out.append("              values: [" + ", ".join(number(v) for v in series["values"]) + "]")
    out += [f"          {key}: {quoted(str(value))}" for key, value in chart.items()]
    return out
