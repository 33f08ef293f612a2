"""The storyboard's front matter besides its text: the theme and the declared sources."""

from __future__ import annotations

from typing import Literal

from yaml.nodes import MappingNode, Node, ScalarNode

from briefing.storyboard.model import Source, ThemeSpec
from briefing.storyboard.reader import Fields, KeyPath, Reader, each

THEME_KEYS = ("base", "accent", "palette", "fonts")
THEME_BASES: tuple[Literal["dark", "light"], ...] = ("dark", "light")
FONT_KEYS = ("heading", "body")
SOURCE_KEYS = ("title", "publisher", "url", "date", "file")
EXTENSION_PREFIX = "x-"


class AnyKey(tuple):
    """An ``allowed`` collection that admits every key (source ids are the user's)."""

    def __contains__(self, item: object) -> bool:
        return True


class WithExtensions(tuple):
    """Allowed keys plus any ``x-...`` key (a place for YAML anchors, ignored by the loader)."""

    def __contains__(self, item: object) -> bool:
        return (isinstance(item, str) and item.startswith(EXTENSION_PREFIX)) or super().__contains__(item)


def read_theme(reader: Reader, node: Node | None) -> ThemeSpec:
    if node is None:
        return ThemeSpec()
    if isinstance(node, ScalarNode):
        base = reader.choice(node, "theme", ("theme",), THEME_BASES, label="theme")
        return ThemeSpec() if base is None else ThemeSpec(base=base)
    fields = reader.mapping(node, "theme", ("theme",), THEME_KEYS)
    if fields is None:
        return ThemeSpec()
    base = fields.choice("base", THEME_BASES, "dark", label="theme base")
    palette: list[str] = []
    palette_node = fields.node("palette")
    if palette_node is not None:
        items = reader.sequence(palette_node, "palette", ("theme", "palette")) or []
        palette = [
            c
            for _, item, kp in each(items, ("theme", "palette"))
            if (c := reader.colour(item, "palette", kp))
        ]
    fonts: dict[str, str] = {}
    fonts_node = fields.node("fonts")
    if fonts_node is not None:
        font_fields = reader.mapping(fonts_node, "fonts", ("theme", "fonts"), FONT_KEYS)
        if font_fields is not None:
            fonts = {key: font_fields.text(key, display=False) for key in FONT_KEYS if key in font_fields}
    return ThemeSpec(
        base=base,
        accent=fields.colour("accent"),
        palette=tuple(palette),
        heading_font=fonts.get("heading") or None,
        body_font=fonts.get("body") or None,
    )


def read_sources(reader: Reader, fields: Fields) -> tuple[Source, ...]:
    node = fields.node("sources")
    if node is None:
        return ()
    table = reader.mapping(node, "sources", ("sources",), AnyKey())
    if table is None:
        return ()
    sources: list[Source] = []
    for name, (_, value) in table.items.items():
        kp: KeyPath = ("sources", name)
        source = reader.mapping(value, f"source '{name}'", kp, SOURCE_KEYS, ("title",))
        if source is None:
            continue
        title = source.required_text(
            "title", display=False, hint_if_blank="name the source: its title is the text of its citations"
        )
        if isinstance(title, str):
            extra = {key: source.text(key, display=False) for key in ("publisher", "url", "date", "file")}
            sources.append(Source(id=name, title=title, **extra))
    return tuple(sources)


def declared_source_ids(fields: Fields) -> tuple[str, ...]:
    """Every id under ``sources:``, a source with a mistake of its own included: a slide citing
    it is not also told the source is unknown (one mistake, one error)."""
    node = fields.node("sources")
    if not isinstance(node, MappingNode):
        return ()
    return tuple(key.value for key, _ in node.value if isinstance(key, ScalarNode) and key.value != "<<")
