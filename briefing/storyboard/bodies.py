"""Slide bodies from YAML nodes: bullets, stats, quote, compare, image, chart.

Each reader returns the model object, or ``None`` after reporting what is
wrong through the :class:`~briefing.storyboard.reader.Reader`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode

from briefing.storyboard.chart_checks import chart_problems, report_csv, report_inline
from briefing.storyboard.csv_data import read_chart_csv
from briefing.storyboard.model import (
    CHART_TYPES,
    Body,
    Bullet,
    Bullets,
    Chart,
    Column,
    Compare,
    Image,
    Quote,
    Series,
    Stat,
    Stats,
)
from briefing.storyboard.numbers import DECIMAL_MARKS, x_value_text
from briefing.storyboard.reader import Fields, KeyPath, Reader, each

BULLET_KEYS = ("text", "bullets")
STAT_KEYS = ("value", "label", "unit", "prefix", "decimals")
QUOTE_KEYS = ("text", "who", "role")
COMPARE_KEYS = ("left", "right")
COLUMN_KEYS = ("title", "bullets")
IMAGE_KEYS = ("path", "alt", "caption")
SERIES_KEYS = ("name", "values", "color")
CHART_KEYS = (
    "type",
    "categories",
    "series",
    "csv",
    "unit",
    "prefix",
    "decimals",
    "x_title",
    "y_title",
    "labels",
    "legend",
    "caption",
    "decimal",
)
MAX_STATS = 4
MAX_DECIMALS = 6


def text_list(reader: Reader, node: Node, what: str, kp: KeyPath) -> tuple[str, ...] | None:
    items = reader.sequence(node, what, kp)
    if items is None:
        return None
    texts = [reader.text(item, what, item_kp) for _, item, item_kp in each(items, kp)]
    return None if any(t is None for t in texts) else tuple(t for t in texts if t is not None)


def read_bullets(reader: Reader, node: Node, kp: KeyPath, build: bool) -> Bullets | None:
    items = reader.sequence(node, "bullets", kp)
    if items is None:
        return None
    if not items:
        reader.error(node, "'bullets' is empty", hint="add at least one bullet", kp=kp, code="empty")
        return None
    bullets: list[Bullet | None] = [_bullet(reader, item, item_kp) for _, item, item_kp in each(items, kp)]
    if any(b is None for b in bullets):
        return None
    return Bullets(items=tuple(b for b in bullets if b is not None), build=build)


def _bullet(reader: Reader, node: Node, kp: KeyPath) -> Bullet | None:
    if isinstance(node, ScalarNode):
        text = reader.text(node, "bullet", kp)
        return None if text is None else Bullet(text)
    if not isinstance(node, MappingNode):
        reader.error(
            node, "a bullet must be text or a mapping with 'text' and 'bullets'", kp=kp, code="wrong-type"
        )
        return None
    fields = reader.mapping(node, "bullet", kp, BULLET_KEYS, ("text",))
    if fields is None:
        return None
    text = fields.required_text("text")
    children: tuple[str, ...] | None = ()
    sub = fields.node("bullets")
    if sub is not None:
        children = text_list(reader, sub, "bullets", (*kp, "bullets"))
    if not isinstance(text, str) or children is None:
        return None
    return Bullet(text, children)


def read_stats(reader: Reader, node: Node, kp: KeyPath) -> Stats | None:
    items = reader.sequence(node, "stats", kp)
    if items is None:
        return None
    if not 1 <= len(items) <= MAX_STATS:
        reader.error(
            node,
            f"'stats' must have 1 to {MAX_STATS} items, not {len(items)}",
            kp=kp,
            hint="split the numbers over two slides" if items else "add a number",
            code="stats-count",
        )
    stats = [_stat(reader, item, item_kp) for _, item, item_kp in each(items, kp)]
    if not 1 <= len(items) <= MAX_STATS or any(s is None for s in stats):
        return None
    return Stats(items=tuple(s for s in stats if s is not None))


def _stat(reader: Reader, node: Node, kp: KeyPath) -> Stat | None:
    fields = reader.mapping(node, "stat", kp, STAT_KEYS, ("value", "label"))
    if fields is None:
        return None
    value = fields.required_number("value")
    label = fields.required_text("label")
    decimals = fields.integer("decimals", 0, MAX_DECIMALS)
    if not isinstance(value, float) or not isinstance(label, str):
        return None
    return Stat(
        value=value,
        label=label,
        unit=fields.text("unit", display=False, strip=False, one_line=True),
        prefix=fields.text("prefix", display=False, strip=False, one_line=True),
        decimals=decimals if isinstance(decimals, int) else None,
    )


def read_quote(reader: Reader, node: Node, kp: KeyPath) -> Quote | None:
    fields = reader.mapping(node, "quote", kp, QUOTE_KEYS, ("text", "who"))
    if fields is None:
        return None
    text = fields.required_text("text", hint_if_blank="write the words quoted")
    who = fields.required_text("who", hint_if_blank="name who said it")
    if not isinstance(text, str) or not isinstance(who, str):
        return None
    return Quote(text=text, who=who, role=fields.text("role"))


def read_compare(reader: Reader, node: Node, kp: KeyPath) -> Compare | None:
    fields = reader.mapping(node, "compare", kp, COMPARE_KEYS, COMPARE_KEYS)
    if fields is None:
        return None
    for side in COMPARE_KEYS:  # `left: ~` is a key with no column: say so, or check passes and load fails
        if side in fields and fields.node(side) is None:
            reader.error(fields.items[side][1], f"'{side}' is empty", kp=(*kp, side), code="empty")
    columns = [
        _column(reader, fields.node(side), (*kp, side)) if side in fields else None for side in COMPARE_KEYS
    ]
    left, right = columns
    if left is None or right is None:
        return None
    return Compare(left=left, right=right)


def _column(reader: Reader, node: Node | None, kp: KeyPath) -> Column | None:
    if node is None:
        return None
    fields = reader.mapping(node, "column", kp, COLUMN_KEYS, ("title",))
    if fields is None:
        return None
    title = fields.required_text("title")
    bullets: tuple[str, ...] | None = ()
    sub = fields.node("bullets")
    if sub is not None:
        bullets = text_list(reader, sub, "bullets", (*kp, "bullets"))
    if not isinstance(title, str) or bullets is None:
        return None
    return Column(title=title, bullets=bullets)


def read_image(reader: Reader, node: Node, kp: KeyPath) -> Image | None:
    fields = reader.mapping(node, "image", kp, IMAGE_KEYS, ("path", "alt"))
    if fields is None:
        return None
    path, path_node = fields.required_file("path", label="image"), fields.node("path")
    alt = fields.required_text(
        "alt", hint_if_blank="describe the picture for those who cannot see it (screen readers read it)"
    )
    if path is None or path_node is None or alt is None:
        return None
    from briefing.storyboard.images import read_picture  # Pillow: imported only for image slides

    picture = read_picture(reader, path_node, path, (*kp, "path"))
    if picture is None:
        return None
    return Image(path=path, alt=alt, caption=fields.text("caption"), picture=picture)


def read_chart(reader: Reader, node: Node, kp: KeyPath) -> Chart | None:
    fields = reader.mapping(node, "chart", kp, CHART_KEYS, ("type",))
    if fields is None:
        return None
    chart_type = fields.required_choice("type", CHART_TYPES, label="chart type")
    decimal = fields.choice("decimal", DECIMAL_MARKS, ".", label="decimal mark")
    data = _chart_data(reader, fields, kp, str(chart_type), decimal)
    unit = fields.text("unit", display=False, strip=False, one_line=True)
    prefix = fields.text("prefix", display=False, strip=False, one_line=True)
    x_title, y_title, caption = fields.text("x_title"), fields.text("y_title"), fields.text("caption")
    decimals = fields.integer("decimals", 0, MAX_DECIMALS)
    labels, legend = fields.boolean("labels", True), fields.optional_boolean("legend")
    if chart_type is None or data is None:
        return None
    categories, series, csv_path = data
    return Chart(
        type=chart_type,
        categories=categories,
        series=series,
        unit=unit,
        prefix=prefix,
        decimals=decimals,
        x_title=x_title,
        y_title=y_title,
        labels=labels,
        legend=legend,
        caption=caption,
        csv=csv_path,
        decimal=decimal,
    )


ChartData = tuple[tuple[str, ...], tuple[Series, ...], Path | None]


def _chart_data(
    reader: Reader, fields: Fields, kp: KeyPath, chart_type: str, decimal: str
) -> ChartData | None:
    scatter = chart_type == "scatter"
    if "csv" in fields:
        for other in ("categories", "series"):
            if other in fields:
                reader.error(
                    fields.key_node(other),
                    f"'{other}' cannot be used together with 'csv'",
                    hint="give the data either in the CSV file or inline",
                    kp=(*kp, other),
                    code="csv-and-inline",
                )
        csv_path = fields.required_file("csv")
        if csv_path is None:
            return None
        assert isinstance(csv_path, Path)
        data = read_chart_csv(csv_path, scatter=scatter, decimal=decimal)
        reader.diagnostics.extend([*data.errors, *data.warnings])
        if data.errors:
            return None
        problems = chart_problems(chart_type, data.categories, data.series)
        report_csv(reader, csv_path, data, problems)
        return None if problems else (data.categories, data.series, csv_path)
    missing = [key for key in ("categories", "series") if key not in fields]
    for key in missing:
        reader.error(
            fields.mapping_node,
            f"missing required key '{key}' in chart",
            hint="give 'categories' and 'series', or a 'csv' file",
            kp=kp,
            code="missing-key",
        )
    if missing:
        return None
    categories = _categories(reader, fields.node("categories"), (*kp, "categories"), scatter)
    series = _all_series(reader, fields.node("series"), (*kp, "series"), categories)
    if categories is None or series is None:
        return None
    problems = chart_problems(chart_type, categories, series)
    report_inline(reader, fields, kp, problems)
    return None if problems else (categories, series, None)


def _categories(reader: Reader, node: Node | None, kp: KeyPath, scatter: bool) -> tuple[str, ...] | None:
    if node is None:
        return None
    if not scatter:
        return text_list(reader, node, "categories", kp)
    items = reader.sequence(node, "categories", kp)
    if items is None:
        return None
    values = [reader.number(item, "categories", item_kp) for _, item, item_kp in each(items, kp)]
    if any(v is None for v in values):
        return None
    numbers = [v for v in values if v is not None]
    return tuple(x_value_text(v) for v in numbers)


def _all_series(
    reader: Reader, node: Node | None, kp: KeyPath, categories: tuple[str, ...] | None
) -> tuple[Series, ...] | None:
    if node is None:
        return None
    items = reader.sequence(node, "series", kp)
    if items is None:
        return None
    if not items:
        reader.error(node, "'series' is empty", hint="add at least one series", kp=kp, code="empty")
        return None
    series = [_series(reader, item, item_kp, categories) for _, item, item_kp in each(items, kp)]
    if any(s is None for s in series):
        return None
    return tuple(s for s in series if s is not None)


def _series(reader: Reader, node: Node, kp: KeyPath, categories: tuple[str, ...] | None) -> Series | None:
    fields = reader.mapping(node, "series", kp, SERIES_KEYS, ("name", "values"))
    if fields is None:
        return None
    name = fields.required_text("name")
    color = fields.colour("color")
    values_node = fields.node("values")
    values = None
    if values_node is not None:
        items = reader.sequence(values_node, "values", (*kp, "values"))
        if items is not None:
            numbers = [
                reader.number(item, "values", item_kp) for _, item, item_kp in each(items, (*kp, "values"))
            ]
            values = None if any(v is None for v in numbers) else tuple(v for v in numbers if v is not None)
            if categories is not None and len(items) != len(categories):
                reader.error(
                    values_node,
                    f"series '{name or '?'}' has {len(items)} values but there are "
                    f"{len(categories)} categories",
                    hint="give one value per category",
                    kp=(*kp, "values"),
                    code="series-length",
                )
                values = None
    if not isinstance(name, str) or values is None:
        return None
    return Series(name=name, values=values, color=color if isinstance(color, str) else None)


BODY_READERS: dict[str, Callable[[Reader, Node, KeyPath], Body | None]] = {
    "stats": read_stats,
    "quote": read_quote,
    "compare": read_compare,
    "image": read_image,
    "chart": read_chart,
}
