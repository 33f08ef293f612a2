"""How deck text and fills are styled: our theme, or the company template's.

Without a template every run names ``theme.deck_font`` (Arial, metric-
compatible with the Liberation Sans the layout measured with) and every colour
comes from the :class:`~briefing.layout.theme.Theme`, so the deck looks like the talk.
With a template, font names and text colours are left unset so the template's
theme fonts and colours apply; chart series use its accent colours unless a
series sets its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.util import Emu

from briefing.layout import EMU_PER_UNIT, Rect, SlideLayout, TextBox
from briefing.layout.accessibility import recolour_message
from briefing.layout.legibility import Backdrop, Surface, TextColor, box_color, text_color
from briefing.layout.theme import Theme, hex_to_rgb

_ACCENTS = (
    MSO_THEME_COLOR.ACCENT_1,
    MSO_THEME_COLOR.ACCENT_2,
    MSO_THEME_COLOR.ACCENT_3,
    MSO_THEME_COLOR.ACCENT_4,
    MSO_THEME_COLOR.ACCENT_5,
    MSO_THEME_COLOR.ACCENT_6,
)


def rgb(color: str) -> RGBColor:
    return RGBColor(*hex_to_rgb(color))


def emu(units: float) -> Emu:
    """Canvas units (1920x1080) to EMU."""
    return Emu(round(units * EMU_PER_UNIT))


def _srgb(color: str) -> str:
    return f'<a:srgbClr val="{color.lstrip("#").upper()}"/>'


def _scheme(name: str) -> str:
    return f'<a:schemeClr val="{name}"/>'


def rect_emu(rect: Rect) -> tuple[Emu, Emu, Emu, Emu]:
    return emu(rect.x), emu(rect.y), emu(rect.w), emu(rect.h)


@dataclass(frozen=True)
class DeckStyle:
    theme: Theme
    templated: bool = False  # built on a company template
    language: str = "en"  # BCP-47, written on every run for spelling and screen readers
    chart_text: str = ""  # the text of the chart being styled: which script fonts it needs
    backdrop: Backdrop | None = None  # the template's surfaces (template_colors.py)
    slide: SlideLayout | None = None  # the slide being written (see on_slide)
    notices: dict[tuple[str, str, str], str] = field(default_factory=dict)  # shared: recoloured text

    def on_slide(self, layout: SlideLayout) -> DeckStyle:
        """This style for one slide: text colours are judged against its template surface."""
        return replace(self, slide=layout)

    @property
    def surface(self) -> Surface | None:
        if self.backdrop is None or self.slide is None:
            return None
        return self.backdrop.surface(self.slide.kind)

    def text_fill_xml(self, box: TextBox) -> str:
        """A text box's colour: ours, the template's, or on a template a readable one where its own is not."""
        surface = self.surface
        if not self.templated or surface is None or self.slide is None:
            return self.text_color_xml(box.color)
        return self._chosen(box_color(box, self.slide, self.theme, surface), box.color, surface)

    def chart_text_xml(self, color: str, size_pt: float, bold: bool, role: str) -> str:
        """Chart text (axes, legend, labels) as :meth:`text_fill_xml` decides text box colours."""
        surface = self.surface
        if not self.templated or surface is None or self.slide is None or self.slide.chart is None:
            return self.text_color_xml(color)
        found = text_color(role, color, self.slide.chart, size_pt, bold, self.slide, self.theme, surface)
        return self._chosen(found, color, surface)

    def _chosen(self, found: TextColor, ours: str, surface: Surface) -> str:
        if not found.changed:
            return self.text_color_xml(ours)
        key = (surface.layout, found.inherited, found.chosen)
        self.notices.setdefault(key, recolour_message(self.backdrop, surface, found))
        return _scheme(found.scheme) if found.scheme else _srgb(found.chosen)

    @staticmethod
    def set_color(color_format: Any, color_xml: str) -> None:
        """Give a python-pptx ``ColorFormat`` a colour this style wrote as XML (``srgbClr``/``schemeClr``)."""
        value = color_xml.split('val="', 1)[1].split('"', 1)[0]
        if color_xml.startswith("<a:srgbClr"):
            color_format.rgb = RGBColor.from_string(value)
        else:
            color_format.theme_color = MSO_THEME_COLOR.from_xml(value)

    def fill_label_xml(self, index: int, override: str | None) -> str:
        """A value label on a slice or stacked bar: black or white, whichever reads on its fill."""
        return _srgb(self.theme.on_color(self.fill_hex(index, override)))

    def fill_hex(self, index: int, override: str | None) -> str:
        """The colour a series or slice shows (a template's accents resolved by ``template_colors``)."""
        surface = self.surface
        if override or not self.templated or surface is None or not surface.accents:
            return self.theme.series_color(index, override)
        return surface.accents[index % len(surface.accents)]

    def font_name(self, heading: bool = False) -> str | None:
        if self.templated:
            return None
        return self.theme.deck_heading_font if heading else self.theme.deck_font

    def apply_color(self, color_format: Any, color: str) -> None:
        """Set ``color_format`` to ``color``, or leave it to the template."""
        if not self.templated:
            color_format.rgb = rgb(color)

    def text_color_xml(self, color: str) -> str:
        """Text: our colour; on a template its accent for accent text, else its own text colour."""
        if not self.templated:
            return _srgb(color)
        return _scheme("accent1") if color == self.theme.accent else ""

    def bullet_color_xml(self) -> str:
        """Bullets in the accent colour, as the app draws them."""
        return _scheme("accent1") if self.templated else _srgb(self.theme.accent)

    def fill_color_xml(self, color: str) -> str:
        """Decoration fills: our colour, or the template's accent / second background."""
        if not self.templated:
            return _srgb(color)
        return _scheme("accent1") if color == self.theme.accent else _scheme("bg2")

    def series_color_xml(self, index: int, override: str | None) -> str:
        """Series/slice colour as XML: its own, else the theme palette (or the template's accents)."""
        if override or not self.templated:
            return _srgb(self.theme.series_color(index, override))
        return _scheme(f"accent{index % len(_ACCENTS) + 1}")

    def color_xml(self, color: str) -> str:
        """``color`` as XML, or nothing on a template (its own colour applies)."""
        return "" if self.templated else _srgb(color)

    def series_fill(self, color_format: Any, index: int, override: str | None) -> None:
        """Series/slice colour: its own, else the theme palette (or the template's accents)."""
        if override or not self.templated:
            color_format.rgb = rgb(self.theme.series_color(index, override))
        else:
            color_format.theme_color = _ACCENTS[index % len(_ACCENTS)]
