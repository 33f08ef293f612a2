"""Hypothesis strategies for storyboards, written the way an editor writes them: YAML text.

The strategies follow the storyboard format (docs/format.md, the key lists in
``briefing.storyboard``) rather than the JSON Schema: the schema cannot say
which YAML token an editor types (``012``, ``1:30``, ``yes``, ``1e400``,
``"\\ud800"``), and those tokens are where the surprises are. A document is
built as a tree of dicts, lists and :class:`Raw` scalars (the exact YAML
token) and written out by :func:`to_yaml`, so every value class and every
scalar style can be chosen on purpose. Data files (CSV) and small images are
written next to the storyboard by :func:`write_case`.

Most leaves are ordinary values with a small share of odd ones, so a good
part of the generated storyboards pass ``check`` and reach the outputs;
:func:`broken_case` adds the mistakes an editor makes (wrong types, unknown
or missing keys, raw control characters, cut-off files).
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from PIL import Image as PILImage

from briefing.storyboard.model import CHART_TYPES


# --------------------------------------------------------------------------- YAML writing
@dataclass(frozen=True)
class Raw:
    """One YAML scalar exactly as written (``"\\u0000"``, ``012``, a ``|-`` block ...)."""

    token: str
    block: tuple[str, ...] | None = None  # literal block lines (token is then "|-")


Tree = dict[str, Any] | list[Any] | Raw


def _key(name: str) -> str:
    return name


def _mapping_lines(mapping: dict[str, Any], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for name, value in mapping.items():
        if isinstance(value, Raw):
            lines.append(f"{pad}{_key(name)}: {value.token}")
            lines.extend(_block_lines(value, indent + 2))
        elif isinstance(value, dict):
            lines.append(f"{pad}{_key(name)}:" + (" {}" if not value else ""))
            lines.extend(_mapping_lines(value, indent + 2))
        else:
            lines.append(f"{pad}{_key(name)}:" + (" []" if not value else ""))
            lines.extend(_sequence_lines(value, indent + 2))
    return lines


def _sequence_lines(items: list[Any], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for item in items:
        if isinstance(item, Raw):
            lines.append(f"{pad}- {item.token}")
            lines.extend(_block_lines(item, indent + 2))
        elif isinstance(item, dict) and item:
            inner = _mapping_lines(item, indent + 2)
            lines.append(f"{pad}- {inner[0][indent + 2 :]}")
            lines.extend(inner[1:])
        elif isinstance(item, dict):
            lines.append(f"{pad}- {{}}")
        else:
            lines.append(f"{pad}-" + (" []" if not item else ""))
            lines.extend(_sequence_lines(item, indent + 2))
    return lines


def _block_lines(value: Raw, indent: int) -> list[str]:
    if value.block is None:
        return []
    pad = " " * indent
    return [f"{pad}{line}" if line else "" for line in value.block]


def to_yaml(tree: dict[str, Any]) -> str:
    return "\n".join(_mapping_lines(tree, 0)) + "\n"


# --------------------------------------------------------------------------- text
#: Characters worth meeting on purpose: controls, line and paragraph separators, non-characters,
#: lone surrogates (only a YAML escape can make them), combining marks, bidi controls, RTL and CJK
#: text, astral emoji and ZWJ sequences, spreadsheet formula starters, XML specials.
SPECIAL_TEXT = (
    "\x00", "\x01", "\x08", "\t", "\n", "\v", "\x0c", "\r", "\r\n", "\x1b", "\x7f", "\x85", "\x9f",
    "\u00a0", "\u00ad", "\u0301", "\u0338", "\u200b", "\u200d", "\u200e", "\u200f", "\u202e",
    "\u2028", "\u2029", "\u2060", "\u3000", "\ufeff", "\ufffd", "\ufffe", "\uffff",
    "\U0001f600", "\U0001f469\u200d\U0001f469\u200d\U0001f467",
    "\U0001f1e8\U0001f1f3", "\U000e0001", "\U0010ffff",
    "\u05d0\u05d1\u05d2", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "上海", "창업", "ｶﾀｶﾅ", "e\u0301",
    "=SUM(A1)", "+1", "-1", "@x", "&amp;", "<b>", "]]>", '"', "'", "\\", "#", ": ", " #", "%",
    "{", "[", "*", "!", "|", ">", "?", "--- ", "...", "~", "null", "yes", "0x1F",
)  # fmt: skip

PLAIN_WORDS = ("Shanghai", "Berlin", "growth", "R&D", "2024", "Series A", "km²", "über", "Zhangjiang")


def mostly(
    normal: st.SearchStrategy[Any], odd: st.SearchStrategy[Any], one_in: int = 10
) -> st.SearchStrategy[Any]:
    """``normal``, or ``odd`` about once in ``one_in`` draws (shrinking goes to ``normal``)."""
    return st.integers(1, one_in).flatmap(lambda n: odd if n == 2 else normal)


def _chars() -> st.SearchStrategy[str]:
    return st.one_of(
        st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")),
        st.sampled_from(SPECIAL_TEXT),
        st.characters(exclude_categories=("Cs",)),  # every code point but lone surrogates (libyaml refuses
    )  # their escapes; SPECIAL_TEXT still brings a few)


def raw_text() -> st.SearchStrategy[str]:
    """A text value before it is written: words, any Unicode, sometimes very long."""
    pieces = st.lists(st.one_of(st.sampled_from(PLAIN_WORDS), _chars()), min_size=1, max_size=12)
    short = pieces.map(" ".join)
    long = st.tuples(short, st.integers(12, 60)).map(lambda pair: (pair[0] + " ") * pair[1])
    return st.one_of(short, short, short, short, short, short, long)


def _escape(char: str, force: bool) -> str:
    named = {"\x00": "\\0", "\x07": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v",
             "\x0c": "\\f", "\r": "\\r", "\x1b": "\\e", "\x85": "\\N", "\u00a0": "\\_",
             "\u2028": "\\L", "\u2029": "\\P", '"': '\\"', "\\": "\\\\"}  # fmt: skip
    if char in named:
        return named[char]
    code = ord(char)
    printable = char.isprintable() and not 0xD800 <= code <= 0xDFFF and code not in (0xFEFF, 0xFFFE, 0xFFFF)
    if printable and not force:
        return char
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def double_quoted(text: str, force_ascii: bool = False) -> Raw:
    return Raw('"' + "".join(_escape(c, force_ascii and ord(c) > 0x7E) for c in text) + '"')


def _plain_safe(text: str) -> bool:
    import re

    return (
        bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9 &.,()²ü-]*[A-Za-z0-9.)²]|[A-Za-z]", text)) and ": " not in text
    )


def _block_safe(text: str) -> bool:
    lines = text.split("\n")
    return (
        len(lines) > 1
        and all(line == line.strip() and (not line or line.isprintable()) for line in lines)
        and lines[0] != ""
        and "\ufeff" not in text
    )


@st.composite
def text_value(draw: st.DrawFn, content: st.SearchStrategy[str] | None = None) -> Raw:
    """A text scalar in one of the styles editors use: plain, double-quoted (escapes), block."""
    text = draw(content if content is not None else raw_text())
    styles = ["double"]
    if _plain_safe(text):
        styles.append("plain")
    if _block_safe(text):
        styles.append("block")
    if "'" not in text and all(c.isprintable() for c in text) and text == text.strip() and text:
        styles.append("single")
    style = draw(st.sampled_from(styles))
    if style == "plain":
        return Raw(text)
    if style == "single":
        return Raw("'" + text + "'")
    if style == "block":
        return Raw("|-", tuple(text.split("\n")))
    return double_quoted(text, force_ascii=draw(st.booleans()))


#: Plain scalars that YAML 1.1 reads as something other than text (null is a mistake: see WRONG_VALUES).
YAML_SURPRISES = ("yes", "No", "on", "OFF", "2026-11-29", "2026-11-29T10:00:00Z", "012",
                  "0o17", "0x1F", "0b101", "1_000", "1:30", "190:20:30", "1e3", ".inf", "-.Inf", ".nan",
                  "+5", "-0", "3.", ".5", "1,000")  # fmt: skip


def odd_text_value() -> st.SearchStrategy[Raw]:
    """A text field given an unquoted number, date, boolean or null."""
    return st.sampled_from(YAML_SURPRISES).map(Raw)


def title_value() -> st.SearchStrategy[Raw]:
    return mostly(text_value(), odd_text_value(), 10)


# --------------------------------------------------------------------------- numbers, durations, colours
NUMBER_FORMS = (
    "0", "-0", "0.0", "1", "-1", "25", "16000", "0.5", ".5", "5.", "+5", "2.25", "0.125", "1.005",
    "2.675", "-2.5", "0.05", "-0.04", "999999.5", "1e3", "1E3", "1.0e+3", "-1e-3", "5e-324", "1e15",
    "1e21", "1e300", "1.7976931348623157e308", "1e308", "1e400", "-1e400", "9" * 40, "9" * 400,
    "012", "0o17", "0x1F", "0b101", "1_000", "1:30", "190:20:30", ".inf", "-.inf", ".nan",
    '"25"', "'12'", "1,000", "twelve", "~", "yes", "2026-11-29", "[1]", "{a: 1}",
)  # fmt: skip


def _float_token(value: float) -> str:
    text = repr(value)
    return text if any(c in text for c in ".en") else text + ".0"


def number_value() -> st.SearchStrategy[Raw]:
    ordinary = st.one_of(
        st.integers(-1000, 100_000).map(str),
        st.floats(-1e6, 1e6, allow_nan=False).map(lambda v: f"{v:.{abs(hash(v)) % 4}f}"),
    )
    wild = st.one_of(
        st.sampled_from(NUMBER_FORMS),
        st.floats(allow_nan=False, allow_infinity=False).map(_float_token),
        st.integers().map(str),
        st.floats(-1e6, 1e6, allow_nan=False).map(repr),
    )
    return mostly(ordinary, wild, 12).map(Raw)


DURATION_FORMS = (
    "20min", "90s", "1m30s", "1:30", "1:02:03", "1h", "2 hr", "1.5", "0", "45 secs", "1H30M", "3 mins",
    "10sec", "1h 2m 3s", "2.5min", "00:45", "0:00", "5", "1e3", "1:60", "999999999999h", "1" * 400 + "h",
    "20min", "90s", "1m30s", "1:30", "2min", "5 minutes", "1 hour 30 minutes", "90 seconds", "2hrs", "0:75",
)  # fmt: skip


def duration_value() -> st.SearchStrategy[Raw]:
    forms = st.sampled_from(DURATION_FORMS)
    quoted = forms.map(lambda t: Raw(f'"{t}"'))
    plain = forms.filter(lambda t: t and not t.startswith("-")).map(Raw)
    numbers = st.integers(0, 600).map(lambda n: Raw(str(n)))
    return mostly(st.one_of(quoted, plain, numbers), number_value(), 20)


COLOUR_FORMS = (
    '"#E8483B"',
    '"#3ba3e8"',
    "'#F2B134'",
    '"#FFF"',
    '"red"',
    '"#GGGGGG"',
    "#E8483B",
    '"#00000000"',
)


def colour_value() -> st.SearchStrategy[Raw]:
    made = st.integers(0, 0xFFFFFF).map(lambda c: Raw(f'"#{c:06X}"'))
    return mostly(made, st.sampled_from(COLOUR_FORMS).map(Raw), 20)


def decimals_value() -> st.SearchStrategy[Raw]:
    digits = st.integers(0, 6).map(str)
    return mostly(digits, st.sampled_from(("-1", "7", "2.0", "012", '"2"', "1e0")), 20).map(Raw)


def boolean_value() -> st.SearchStrategy[Raw]:
    return st.sampled_from(("true", "false") * 4 + ("yes", "off", '"true"', "1")).map(Raw)


# --------------------------------------------------------------------------- files next to the storyboard
@dataclass
class Case:
    """One generated storyboard: its YAML text and the files it refers to."""

    tree: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)
    text: str | None = None  # set to override to_yaml(tree) (broken files)

    def yaml(self) -> str:
        return self.text if self.text is not None else to_yaml(self.tree)


def write_case(case: Case, folder: Path) -> Path:
    """Write the storyboard and its files into ``folder``; returns the storyboard's path."""
    for name, data in case.files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    path = folder / "deck.yaml"
    path.write_bytes(case.yaml().encode("utf-8", "surrogatepass"))
    return path


CSV_CELLS = (
    "25", "2.5", "-3", "0", '"16,000"', '"2,5"', "2,5", '"1.234,5"', '"1,234.5"', " 7 ", "1e3", "1_000",
    "NaN", "inf", "-", "", "12%", "$5", '"1,2,3"', "0x1F", "1e400", "9" * 30, "+4", ".5",
)  # fmt: skip


def _csv_text_cell(text: str) -> str:
    if any(c in text for c in ',"\r\n') or text != text.strip():
        return '"' + text.replace('"', '""') + '"'
    return text


@st.composite
def csv_file(draw: st.DrawFn, scatter: bool) -> bytes:
    series = draw(st.integers(1, 3))
    rows = draw(st.sampled_from((1, 2, 3, 4, 5, 6, 0)))
    label = st.one_of(st.sampled_from(PLAIN_WORDS), raw_text().filter(lambda t: "\x00" not in t))
    number = mostly(st.integers(-500, 5000).map(str), st.sampled_from(CSV_CELLS), 8)
    header = ["Category"] + [_csv_text_cell(draw(label)) for _ in range(series)]
    lines = [",".join(header)]
    for _ in range(rows):
        first = draw(number) if scatter else _csv_text_cell(draw(label))
        lines.append(",".join([first] + [draw(number) for _ in range(series)]))
    ending = draw(st.sampled_from(("\n", "\r\n")))
    text = ending.join(lines) + draw(st.sampled_from(("", ending)))
    bom = draw(st.sampled_from((b"", b"", b"\xef\xbb\xbf")))
    return bom + text.encode("utf-8", "surrogatepass")


IMAGE_FORMATS = ("PNG", "PNG", "JPEG", "GIF", "BMP", "WEBP", "TIFF")


@st.composite
def image_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """A small picture in a format a deck may or may not hold; sometimes truncated or rotated by EXIF."""
    fmt = draw(st.sampled_from(IMAGE_FORMATS))
    width, height = draw(st.integers(1, 48)), draw(st.integers(1, 48))
    mode = draw(st.sampled_from(("RGB", "RGBA", "L", "P", "1", "LA", "I;16")))
    if fmt == "JPEG" and mode not in ("RGB", "L"):
        mode = "RGB"
    if fmt in ("GIF", "BMP") and mode in ("RGBA", "LA", "I;16"):
        mode = "RGB"
    if fmt == "WEBP" and mode not in ("RGB", "RGBA"):
        mode = "RGB"
    image = PILImage.new(mode, (width, height), draw(st.integers(0, 255)))
    buffer = io.BytesIO()
    options: dict[str, Any] = {}
    if fmt in ("JPEG", "PNG", "WEBP", "TIFF") and draw(st.booleans()):
        exif = PILImage.Exif()
        exif[0x0112] = draw(st.integers(1, 8))  # Orientation
        options["exif"] = exif.tobytes()
    image.save(buffer, format=fmt, **options)
    data = buffer.getvalue()
    if draw(st.integers(0, 9)) == 0:
        data = data[: draw(st.integers(0, max(0, len(data) - 1)))]
    extension = {"JPEG": "jpg", "TIFF": "tif"}.get(fmt, fmt.lower())
    return extension, data


FILE_NAMES = ("pic", "sub/pic", "Bild ü", "图片", "a b", "x" * 120, ".hidden", "dir/../pic")


# --------------------------------------------------------------------------- storyboard structure
class Files:
    """Collects the data files a storyboard being drawn refers to."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def add(self, stem: str, extension: str, data: bytes) -> str:
        name = f"{stem}-{len(self.files)}.{extension}"
        self.files[name] = data
        return name


def _maybe(draw: st.DrawFn, value: st.SearchStrategy[Any], chance: int = 2) -> Any:
    """``value`` drawn in about one case out of ``chance`` (shrinks to absent)."""
    return draw(value) if draw(st.integers(0, chance - 1)) == chance - 1 else None


def _put(tree: dict[str, Any], name: str, value: Any) -> None:
    if value is not None:
        tree[name] = value


def _text_list(min_size: int = 1, max_size: int = 4) -> st.SearchStrategy[list[Raw]]:
    return st.lists(title_value(), min_size=min_size, max_size=max_size)


@st.composite
def bullets_body(draw: st.DrawFn) -> list[Any]:
    items: list[Any] = []
    for _ in range(draw(st.integers(1, 7))):
        if draw(st.integers(0, 3)) == 0:
            items.append({"text": draw(title_value()), "bullets": draw(_text_list(0, 3))})
        else:
            items.append(draw(title_value()))
    return items


@st.composite
def stats_body(draw: st.DrawFn) -> list[Any]:
    stats = []
    for _ in range(draw(st.integers(1, 4))):
        stat: dict[str, Any] = {"value": draw(number_value()), "label": draw(title_value())}
        _put(
            stat,
            "unit",
            _maybe(
                draw,
                st.one_of(
                    st.sampled_from(('" km²"', '"%"', "bn", '"+"', '"\\""', '" \\"in\\""')).map(Raw),
                    text_value(),
                ),
            ),
        )
        _put(
            stat,
            "prefix",
            _maybe(draw, st.one_of(st.sampled_from(('"$"', '"€"', '"="', '"-"')).map(Raw), text_value())),
        )
        _put(stat, "decimals", _maybe(draw, decimals_value(), 3))
        stats.append(stat)
    return stats


@st.composite
def quote_body(draw: st.DrawFn) -> dict[str, Any]:
    quote = {"text": draw(title_value()), "who": draw(title_value())}
    _put(quote, "role", _maybe(draw, title_value()))
    return quote


@st.composite
def compare_body(draw: st.DrawFn) -> dict[str, Any]:
    def column() -> dict[str, Any]:
        col: dict[str, Any] = {"title": draw(title_value())}
        _put(col, "bullets", _maybe(draw, _text_list(0, 5), 1))
        return col

    return {"left": column(), "right": column()}


@st.composite
def image_body(draw: st.DrawFn, files: Files) -> dict[str, Any]:
    extension, data = draw(image_file())
    name = files.add(draw(st.sampled_from(FILE_NAMES)), extension, data)
    path = draw(
        st.sampled_from((name,) * 8 + ("./" + name, "missing.png", "../outside.png", "/etc/hostname"))
    )
    image: dict[str, Any] = {"path": double_quoted(path), "alt": draw(title_value())}
    _put(image, "caption", _maybe(draw, title_value()))
    return image


@st.composite
def chart_body(draw: st.DrawFn, files: Files) -> dict[str, Any]:
    chart_type = draw(st.sampled_from(CHART_TYPES))
    scatter = chart_type == "scatter"
    chart: dict[str, Any] = {"type": Raw(chart_type)}
    if draw(st.integers(0, 3)) == 0:
        chart["csv"] = double_quoted(files.add("data", "csv", draw(csv_file(scatter))))
    else:
        count = draw(st.sampled_from((1, 2, 3, 4, 5, 6, 0)))
        category = number_value() if scatter else title_value()
        chart["categories"] = [draw(category) for _ in range(count)]
        series = []
        for _ in range(draw(st.integers(1, 3))):
            length = draw(mostly(st.just(count), st.just(count + 1), 20))
            one: dict[str, Any] = {
                "name": draw(title_value()),
                "values": [draw(number_value()) for _ in range(length)],
            }
            _put(one, "color", _maybe(draw, colour_value(), 4))
            series.append(one)
        chart["series"] = series
    for key, strategy in (("unit", text_value()), ("prefix", text_value()), ("x_title", title_value()),
                          ("y_title", title_value()), ("caption", title_value()),
                          ("decimals", decimals_value()),
                          ("labels", boolean_value()), ("legend", boolean_value())):  # fmt: skip
        _put(chart, key, _maybe(draw, strategy, 4))
    return chart


def id_value() -> st.SearchStrategy[Raw]:
    slug = st.from_regex(r"[a-z][a-z0-9-]{0,20}", fullmatch=True).map(Raw)
    return mostly(slug, text_value(), 20)


@st.composite
def slide(draw: st.DrawFn, files: Files, source_ids: list[str]) -> dict[str, Any]:
    kind = draw(st.sampled_from(("bullets", "stats", "chart", "chart", "quote", "compare", "image")))
    tree: dict[str, Any] = {"title": draw(title_value())}
    bodies = {
        "bullets": bullets_body(),
        "stats": stats_body(),
        "chart": chart_body(files),
        "quote": quote_body(),
        "compare": compare_body(),
        "image": image_body(files),
    }
    tree[kind] = draw(bodies[kind])
    if kind == "bullets":
        _put(tree, "build", _maybe(draw, boolean_value(), 3))
    _put(tree, "id", _maybe(draw, id_value(), 8))
    _put(tree, "duration", _maybe(draw, duration_value(), 3))
    _put(tree, "notes", _maybe(draw, text_value()))
    if source_ids and draw(st.booleans()):
        refs = []
        for ref in draw(st.lists(st.sampled_from(source_ids), min_size=1, max_size=3)):
            one: dict[str, Any] = {"ref": double_quoted(ref)}
            _put(one, "phrase", _maybe(draw, text_value()))
            _put(one, "note", _maybe(draw, text_value(), 3))
            refs.append(one)
        tree["sources"] = refs
    return tree


@st.composite
def theme_value(draw: st.DrawFn) -> Tree:
    if draw(st.booleans()):
        return Raw(draw(st.sampled_from(("dark", "light"))))
    theme: dict[str, Any] = {}
    _put(theme, "base", _maybe(draw, st.sampled_from(("dark", "light")).map(Raw)))
    _put(theme, "accent", _maybe(draw, colour_value()))
    _put(theme, "palette", _maybe(draw, st.lists(colour_value(), min_size=0, max_size=4)))
    _put(
        theme,
        "fonts",
        _maybe(draw, st.fixed_dictionaries({}, optional={"heading": text_value(), "body": text_value()}), 3),
    )
    return theme


LANGUAGES = ("en", "en", "de", "zh", "zh-Hans", "ar", "he", "ja")


@st.composite
def storyboard_case(draw: st.DrawFn) -> Case:
    """A storyboard that follows the format, with odd values in some of its leaves."""
    files = Files()
    tree: dict[str, Any] = {"title": draw(title_value())}
    for key in ("subtitle", "author"):
        _put(tree, key, _maybe(draw, title_value()))
    _put(
        tree,
        "date",
        _maybe(
            draw,
            st.one_of(
                st.sampled_from(("2026-11-29", "29 November 2026", "2026-13-45")).map(Raw), title_value()
            ),
        ),
    )
    _put(tree, "language", _maybe(draw, st.sampled_from(LANGUAGES).map(Raw), 3))
    _put(tree, "duration", _maybe(draw, duration_value(), 3))
    _put(tree, "notes", _maybe(draw, text_value()))
    _put(tree, "theme", _maybe(draw, theme_value(), 3))
    _put(tree, "sources_slide", _maybe(draw, boolean_value(), 4))
    few = st.lists(st.sampled_from(("report", "web", "src-2", "Ü")), unique=True, max_size=3)
    many = st.integers(8, 24).map(lambda count: [f"source-{n}" for n in range(count)])  # a long Sources slide
    source_ids = draw(mostly(few, many, 10))
    if source_ids:
        sources = {}
        for ref in source_ids:
            source: dict[str, Any] = {"title": draw(title_value())}
            for key in ("publisher", "url", "date"):
                _put(source, key, _maybe(draw, text_value(), 3))
            sources[ref] = source
        tree["sources"] = sources
    sections = []
    for _ in range(draw(st.integers(1, 3))):
        section: dict[str, Any] = {"title": draw(title_value())}
        _put(section, "duration", _maybe(draw, duration_value(), 4))
        _put(section, "notes", _maybe(draw, text_value(), 3))
        section["slides"] = [draw(slide(files, source_ids)) for _ in range(draw(st.integers(1, 3)))]
        sections.append(section)
    tree["sections"] = sections
    if draw(mostly(st.just(False), st.just(True), 8)):  # now and then one text leaf holds a lone surrogate
        _poison_one_text(draw, tree)
    return Case(tree, files.files)


LONE_SURROGATES = ("\\ud800", "\\udfff", "\\ud83d")


def _poison_one_text(draw: st.DrawFn, tree: dict[str, Any]) -> None:
    """A lone surrogate (only a YAML escape can write one) in one double-quoted text leaf."""
    leaves = [path for path in _paths(tree) if _is_quoted(_parent(tree, path)[path[-1]])]
    if not leaves:
        return
    path = draw(st.sampled_from(leaves))
    parent = _parent(tree, path)
    token = parent[path[-1]].token
    parent[path[-1]] = Raw(token[:-1] + draw(st.sampled_from(LONE_SURROGATES)) + token[-1])


def _is_quoted(value: Any) -> bool:
    return isinstance(value, Raw) and value.token.startswith('"') and len(value.token) > 1


# --------------------------------------------------------------------------- broken storyboards
WRONG_VALUES = (
    Raw("[]"), Raw("{}"), Raw("~"), Raw("[1, [2, {a: b}]]"), Raw("{title: x}"),
    Raw("!!python/object:os.system x"),
    Raw("!custom x"), Raw("*undefined"), Raw("&a [*a]"), Raw('"\\ud800"'), Raw("12"), Raw("true"),
    Raw('""'), Raw('"  "'), Raw('"\\u200b"'),  # text that shows nothing: an error where text is required
)  # fmt: skip


def _paths(tree: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix] if prefix else []
    if isinstance(tree, dict):
        for name, value in tree.items():
            found.extend(_paths(value, (*prefix, name)))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            found.extend(_paths(value, (*prefix, index)))
    return found


def _parent(tree: Any, path: tuple) -> Any:
    for step in path[:-1]:
        tree = tree[step]
    return tree


@st.composite
def broken_case(draw: st.DrawFn) -> Case:
    """A storyboard with mistakes: changed, dropped or unknown keys, or damaged text."""
    case = draw(storyboard_case())
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(case.tree)
        path = draw(st.sampled_from(paths))
        parent = _parent(case.tree, path)
        action = draw(st.sampled_from(("replace", "drop", "unknown", "replace")))
        if action == "replace":
            parent[path[-1]] = draw(st.one_of(st.sampled_from(WRONG_VALUES), number_value(), text_value()))
        elif action == "drop":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(("titel", "Title", "x-anchor", "bulets", "<<", "1", "values")))] = (
                Raw("1")
            )
    text = to_yaml(case.tree)
    damage = draw(st.integers(0, 5))
    if damage == 1:  # cut off mid-file
        text = text[: draw(st.integers(0, len(text)))]
    elif damage == 2:  # a raw character YAML refuses, or a tab
        at = draw(st.integers(0, len(text)))
        text = (
            text[:at]
            + draw(st.sampled_from(("\x00", "\x07", "\ufffe", "\t", "\x1b", "\u2028", "\ud800")))
            + text[at:]
        )
    elif damage == 3:  # indentation slip
        lines = text.split("\n")
        at = draw(st.integers(0, len(lines) - 1))
        lines[at] = " " + lines[at]
        text = "\n".join(lines)
    elif damage == 4:
        text = (
            draw(st.sampled_from(("", "---\n", "- a\n", "title: x\n---\ntitle: y\n", "\ufefftitle: x\n")))
            + text
        )
    case.text = text
    return case


def yaml_of(case: Case) -> str:
    """For failure reports: the storyboard as written."""
    return textwrap.indent(case.yaml(), "    ")


# ------------------------------------------------------------------- the same storyboard, saved otherwise
#: Line breaks editors write: Unix, Windows, classic Mac OS.
NEWLINES = ("\n", "\r\n", "\r")
#: Lines YAML reads as nothing, wherever a top-level key may follow: blank lines of spaces and
#: tabs (editors that indent with tabs leave them), comments, comments indented with a tab.
NOTHING_LINES = ("", " ", "\t", " \t ", "\t\t", "# a comment", "\t# a tab, then a comment", "  # indented")


@st.composite
def same_storyboard_otherwise(draw: st.DrawFn, text: str) -> tuple[str, bool]:
    """``text`` written as another editor would save it, meaning the same: another line break,
    a BOM, document markers, lines of nothing before top-level keys. Also whether its lines
    moved (then only the messages of ``check`` can be compared, not their places)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    moved = False
    out: list[str] = []
    for number, line in enumerate(lines):
        starts_key = number > 0 and line[:1] not in ("", " ", "-", "#")
        if starts_key and draw(st.integers(0, 3)) == 0:
            out.extend(draw(st.lists(st.sampled_from(NOTHING_LINES), min_size=1, max_size=2)))
            moved = True
        out.append(line)
    if draw(st.booleans()):
        out = ["---", *out, "..."]
        moved = True
    newline = draw(st.sampled_from(NEWLINES))
    bom = draw(st.sampled_from(("", "", "\ufeff")))
    return bom + newline.join(out) + newline, moved
