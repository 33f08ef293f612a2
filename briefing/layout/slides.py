"""Each slide kind -> named boxes on the 1920x1080 canvas (``layout_slide``).

Both renderers take their boxes from here: the Qt scene draws them, the PPTX
writer places shapes at the same places. No Qt, no python-pptx here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Unpack

from briefing.i18n import Strings, is_rtl, strings_for
from briefing.layout.boxes import (
    CANVAS_H,
    CANVAS_W,
    Paragraph,
    Rect,
    ShapeBox,
    SlideLayout,
    TextBox,
    TextStyle,
)
from briefing.layout.citations import footer_paragraphs, sources_paragraphs
from briefing.layout.fit import (
    BODY_BOTTOM,
    BODY_TOP,
    CONTENT_W,
    FOOTER_RECT,
    MARGIN,
    NUMBER_RECT,
    RULE_RECT,
    SIZES,
    TITLE_RECT,
    accent_text,
    after_text,
    fit_box,
    mirrored,
    same_size,
)
from briefing.layout.theme import Theme
from briefing.storyboard.model import (
    Bullets,
    Chart,
    Compare,
    Image,
    Quote,
    SectionBody,
    Slide,
    SourcesBody,
    Stats,
    Storyboard,
    TitleBody,
)

__all__ = ["footer_paragraphs", "layout_slide"]


def _chrome(storyboard: Storyboard, index: int, slide: Slide, theme: Theme) -> list[TextBox | ShapeBox]:
    """Title, accent rule, footer with sources, slide number: shared by every content slide."""
    items: list[TextBox | ShapeBox] = [
        _heading(
            "title",
            TITLE_RECT,
            slide.title,
            theme.heading,
            line_spacing=1.1,
        ),
        ShapeBox("rule", after_text(RULE_RECT, TITLE_RECT, slide.title), theme.accent),
    ]
    footer = footer_paragraphs(storyboard, slide)
    if footer:
        items.append(fit_box("footer", FOOTER_RECT, footer, theme.muted, valign="bottom"))
    items.append(_slide_number(index, theme))
    return items


def _slide_number(index: int, theme: Theme) -> TextBox:
    return fit_box("slide-number", NUMBER_RECT, str(index + 1), theme.muted, align="right", valign="bottom")


def _heading(
    role: str,
    rect: Rect,
    text: tuple[Paragraph, ...] | str,
    color: str,
    *,
    sizes: tuple[int, int] | None = None,
    wrap: bool = True,
    **style: Unpack[TextStyle],
) -> TextBox:
    """Bold heading-font text sitting on the bottom of its box: titles and big numbers."""
    heading: TextStyle = {"font": "heading", "bold": True, "valign": "bottom"}
    return fit_box(role, rect, text, color, sizes=sizes, wrap=wrap, **(heading | style))


# --------------------------------------------------------------------------- kinds
def _title_slide(storyboard: Storyboard, slide: Slide, theme: Theme) -> list[TextBox | ShapeBox]:
    body = slide.body
    assert isinstance(body, TitleBody)
    left, width = 160, 1560
    items: list[TextBox | ShapeBox] = [
        ShapeBox("band", Rect(0, 0, 24, CANVAS_H), theme.accent),
        _heading(
            "title",
            Rect(left, 180, width, 420),
            slide.title,
            theme.heading,
            sizes=SIZES["deck-title"],
            line_spacing=1.05,
        ),
        ShapeBox(
            "rule", after_text(Rect(left, 640, 160, 10), Rect(left, 0, width, 0), slide.title), theme.accent
        ),
    ]
    if body.subtitle:
        items.append(fit_box("subtitle", Rect(left, 690, width, 150), body.subtitle, theme.text))
    date = strings_for(storyboard.language).format_date(body.date)
    byline = "  ·  ".join(part for part in (body.author, date) if part)
    if byline:
        items.append(
            fit_box("byline", Rect(left, 900, width, 60), byline, theme.muted, sizes=SIZES["byline"])
        )
    return items


def _section_slide(index: int, slide: Slide, theme: Theme, strings: Strings) -> list[TextBox | ShapeBox]:
    body = slide.body
    assert isinstance(body, SectionBody)
    right_x = 880
    right_w = CANVAS_W - MARGIN - right_x
    agenda = tuple(
        Paragraph(title, space_before=0.5 if n else 0.0) for n, title in enumerate(body.slide_titles)
    )
    items: list[TextBox | ShapeBox] = [
        ShapeBox("band", Rect(0, 0, 24, CANVAS_H), theme.accent),
        _heading(
            "section-number",
            Rect(MARGIN, 180, 700, 440),
            f"{body.number:02d}",
            accent_text(theme),
            line_spacing=1.0,
            wrap=False,
        ),
        fit_box(
            "section-label",
            Rect(MARGIN + 12, 640, 700, 60),
            strings.section_label(body.number, body.total),
            theme.muted,
        ),
        ShapeBox("divider", Rect(right_x - 64, 200, 4, 680), theme.grid),
        _heading(
            "title",
            Rect(right_x, 200, right_w, 300),
            slide.title,
            theme.heading,
            sizes=SIZES["section-title"],
            line_spacing=1.05,
        ),
        ShapeBox(
            "rule",
            after_text(Rect(right_x, 532, 120, 8), Rect(right_x, 0, right_w, 0), slide.title),
            theme.accent,
        ),
    ]
    if agenda:
        items.append(_agenda(agenda, Rect(right_x, 580, right_w, 360), theme, strings))
    items.append(_slide_number(index, theme))
    return items


AGENDA_LINE_SPACING = 1.15


def _agenda(agenda: tuple[Paragraph, ...], rect: Rect, theme: Theme, strings: Strings) -> TextBox:
    """The section's slide titles; a long list ends in "+ N more" rather than turning tiny."""
    shown = min(len(agenda), _most_agenda_lines(rect) + 1)  # more lines cannot fit: skip them
    box = _agenda_box(agenda, shown, rect, theme, strings)
    while (box.overflow and shown > 1) or (box.size < 28 and shown > 5):
        shown -= 1
        box = _agenda_box(agenda, shown, rect, theme, strings)
    return box


def _agenda_box(
    agenda: tuple[Paragraph, ...], shown: int, rect: Rect, theme: Theme, strings: Strings
) -> TextBox:
    """The first ``shown`` titles, then "+ N more" for the rest (if any)."""
    rest = len(agenda) - shown
    more = (Paragraph(strings.more_items(rest), space_before=0.5),) if rest > 0 else ()
    return fit_box("agenda", rect, (*agenda[:shown], *more), theme.text, line_spacing=AGENDA_LINE_SPACING)


def _most_agenda_lines(rect: Rect) -> int:
    """An upper bound on the agenda lines the box holds at its smallest size.

    Each paragraph takes at least one line, so a section of 3,000 slides is cut
    down to this many at once instead of one fitting per dropped title.
    """
    min_size = SIZES["agenda"][1]
    return int(rect.h / (min_size * AGENDA_LINE_SPACING)) + 1


def _bullets_body(body: Bullets, theme: Theme) -> list[TextBox | ShapeBox]:
    paragraphs: list[Paragraph] = []
    for number, item in enumerate(body.items):
        step = number if body.build else 0
        paragraphs.append(Paragraph(item.text, bullet=True, step=step, space_before=0.6 if number else 0))
        for child in item.children:
            paragraphs.append(
                Paragraph(child, level=1, bullet=True, step=step, scale=0.82, space_before=0.25)
            )
    rect = Rect(MARGIN, BODY_TOP, 1600, BODY_BOTTOM - BODY_TOP)
    return [fit_box("body", rect, tuple(paragraphs), theme.text)]


def _stats_body(body: Stats, theme: Theme) -> list[TextBox | ShapeBox]:
    count = max(1, len(body.items))
    gap = 48
    card_w = (CONTENT_W - gap * (count - 1)) / count
    top, height = BODY_TOP + 40, BODY_BOTTOM - BODY_TOP - 72
    cards, values, labels = [], [], []
    for number, stat in enumerate(body.items):
        x = MARGIN + number * (card_w + gap)
        pad = 48
        cards.append(ShapeBox("card", Rect(x, top, card_w, height), theme.surface, kind="rounded"))
        values.append(
            _heading(
                "stat-value",
                Rect(x + pad, top + 48, card_w - 2 * pad, 300),
                stat.display(),
                accent_text(theme),
                align="center",
                line_spacing=1.0,
                wrap=False,
                ref=number,
            )
        )
        labels.append(
            fit_box(
                "stat-label",
                Rect(x + pad, top + 380, card_w - 2 * pad, height - 420),
                stat.label,
                theme.text,
                align="center",
                ref=number,
            )
        )
    values, labels = same_size(values), same_size(labels)
    # centre number + label as one group in each card, the numbers on one baseline
    value_h = values[0].size * 1.0 + 8 if values else 0
    label_h = max((b.text_height() for b in labels), default=0) + 8
    group_top = top + (height - (value_h + 24 + label_h)) / 2
    values = [replace(b, rect=replace(b.rect, y=group_top, h=value_h)) for b in values]
    labels = [replace(b, rect=replace(b.rect, y=group_top + value_h + 24, h=label_h)) for b in labels]
    return [*cards, *_card_by_card(values, labels)]


def _card_by_card(*columns: list[TextBox]) -> list[TextBox]:
    """Texts in reading order, card after card (each card's number, then its label): the
    order a screen reader follows in the deck, where shape order is reading order."""
    by_card = sorted(
        ((box.ref, kind, box) for kind, boxes in enumerate(columns) for box in boxes), key=lambda t: t[:2]
    )
    return [box for _, _, box in by_card]


def _quote_body(body: Quote, theme: Theme, strings: Strings) -> list[TextBox | ShapeBox]:
    """Quote and attribution as one group, centred in the body area, the quote mark at its top
    (at its right, for a right-to-left quote)."""
    rtl = is_rtl(body.text)
    x = MARGIN + (96 if rtl else 160)
    width = CONTENT_W - 160 - 96
    attribution = strings.attribution_line(body.who, body.role)
    quote = fit_box("quote", Rect(x, BODY_TOP + 24, width, 500), body.text, theme.heading, line_spacing=1.2)
    credit = fit_box("attribution", Rect(x, 0, width, 96), attribution, theme.muted)
    quote_h = min(quote.rect.h, quote.text_height() + 8)
    credit_h = credit.text_height() + 8
    gap = 48
    top = BODY_TOP + (BODY_BOTTOM - BODY_TOP - (quote_h + gap + credit_h)) / 2
    quote = replace(quote, rect=Rect(x, top, width, quote_h))
    credit = replace(credit, rect=Rect(x, top + quote_h + gap, width, credit_h))
    mark_rect = Rect(MARGIN - 8, max(BODY_TOP, top - 64), 160, 240)
    mark = fit_box(
        "quote-mark",
        mirrored(mark_rect) if rtl else mark_rect,
        "”" if rtl else "“",
        accent_text(theme),
        font="heading",
        bold=True,
        line_spacing=1.0,
        wrap=False,
        align="right" if rtl else "left",
    )
    return [mark, quote, credit]


def _compare_body(body: Compare, theme: Theme) -> list[TextBox | ShapeBox]:
    gap = 64
    col_w = (CONTENT_W - gap) / 2
    pad = 48
    top, height = BODY_TOP + 8, BODY_BOTTOM - BODY_TOP - 8
    cards, titles, bodies, rules = [], [], [], []
    for number, column in enumerate((body.left, body.right)):
        x = MARGIN + number * (col_w + gap)
        cards.append(ShapeBox("card", Rect(x, top, col_w, height), theme.surface, kind="rounded"))
        titles.append(
            _heading(
                "column-title",
                Rect(x + pad, top + 32, col_w - 2 * pad, 104),
                column.title,
                theme.heading,
                line_spacing=1.1,
                ref=number,
            )
        )
        rules.append(ShapeBox("column-rule", Rect(x + pad, top + 156, col_w - 2 * pad, 2), theme.grid))
        paragraphs = tuple(
            Paragraph(text, bullet=True, space_before=0.5 if n else 0)
            for n, text in enumerate(column.bullets)
        )
        if paragraphs:
            rect = Rect(x + pad, top + 188, col_w - 2 * pad, height - 188 - pad)
            bodies.append(fit_box("body", rect, paragraphs, theme.text, sizes=(44, 28), ref=number))
    return [*cards, *rules, *_card_by_card(same_size(titles), same_size(bodies))]


def _image_size(image: Image) -> tuple[int, int] | None:
    """Upright size (EXIF orientation applied) from the loader's check (storyboard/images.py)."""
    from briefing.storyboard.images import picture_of

    picture = picture_of(image)
    return picture.size if picture is not None else None


def _fit_aspect(area: Rect, size: tuple[int, int] | None) -> Rect:
    """The largest rect of the image's aspect ratio inside ``area``, centred horizontally, at the top."""
    if not size or not size[0] or not size[1]:
        return area
    scale = min(area.w / size[0], area.h / size[1])
    w, h = size[0] * scale, size[1] * scale
    return Rect(area.x + (area.w - w) / 2, area.y, w, h)


def _media(caption: str, area_h: float, theme: Theme) -> tuple[Rect, list[TextBox | ShapeBox]]:
    """Area for a chart or an image, and its caption under it."""
    if not caption:
        return Rect(MARGIN, BODY_TOP, CONTENT_W, area_h), []
    area = Rect(MARGIN, BODY_TOP, CONTENT_W, area_h - 64)
    box = fit_box("caption", Rect(MARGIN, area.bottom + 20, CONTENT_W, 44), caption, theme.muted)
    return area, [box]


def _image_caption(caption: str, image: Rect, theme: Theme) -> list[TextBox | ShapeBox]:
    """The caption right under the picture, aligned with its left edge."""
    if not caption:
        return []
    x, w = (image.x, image.w) if image.w >= 640 else (MARGIN, CONTENT_W)
    return [fit_box("caption", Rect(x, image.bottom + 16, w, 48), caption, theme.muted)]


# --------------------------------------------------------------------------- entry
def layout_slide(storyboard: Storyboard, index: int, theme: Theme) -> SlideLayout:
    """Boxes for slide ``index`` of ``storyboard.slides``."""
    slide = storyboard.slides[index]
    body = slide.body
    items: list[TextBox | ShapeBox] = []
    chart = image = None
    if isinstance(body, TitleBody):
        items = _title_slide(storyboard, slide, theme)
    elif isinstance(body, SourcesBody):
        items = _chrome(storyboard, index, slide, theme) + _sources_body(body, theme)
    elif isinstance(body, SectionBody):
        items = _section_slide(index, slide, theme, strings_for(storyboard.language))
    else:
        items = _chrome(storyboard, index, slide, theme)
        if isinstance(body, Bullets):
            items += _bullets_body(body, theme)
        elif isinstance(body, Stats):
            items += _stats_body(body, theme)
        elif isinstance(body, Quote):
            items += _quote_body(body, theme, strings_for(storyboard.language))
        elif isinstance(body, Compare):
            items += _compare_body(body, theme)
        elif isinstance(body, Chart):
            chart, extra = _media(body.caption, BODY_BOTTOM - BODY_TOP, theme)
            items += extra
        elif isinstance(body, Image):
            area, extra = _media(body.caption, BODY_BOTTOM - BODY_TOP, theme)
            image = _fit_aspect(area, _image_size(body))
            items += _image_caption(body.caption, image, theme)
    return SlideLayout(
        index=index,
        kind=slide.kind,
        background=theme.background,
        shapes=tuple(i for i in items if isinstance(i, ShapeBox)),
        texts=tuple(i for i in items if isinstance(i, TextBox)),
        chart=chart,
        image=image,
        steps=slide.steps,
    )


def _sources_body(body: SourcesBody, theme: Theme) -> list[TextBox | ShapeBox]:
    """The closing slide's list of every cited source (the deck links each ``url``).

    A list too long for the slide (ten sources with their addresses) is set in two
    columns, the second starting with a source, rather than running off the slide.
    """
    paragraphs = sources_paragraphs(body.sources)
    height = BODY_BOTTOM - BODY_TOP
    whole = fit_box("body", Rect(MARGIN, BODY_TOP, CONTENT_W, height), paragraphs, theme.text)
    if not whole.overflow or len(body.sources) < 2:
        return [whole]
    gap = 64
    col_w = (CONTENT_W - gap) / 2
    columns = [
        fit_box(
            "body",
            Rect(MARGIN + number * (col_w + gap), BODY_TOP, col_w, height),
            part,
            theme.text,
            ref=number,
        )
        for number, part in enumerate(_two_halves(paragraphs))
    ]
    return list(same_size(columns))


def _two_halves(paragraphs: tuple[Paragraph, ...]) -> tuple[tuple[Paragraph, ...], tuple[Paragraph, ...]]:
    """The Sources list cut where a source begins, nearest the middle of its lines."""
    starts = [number for number, paragraph in enumerate(paragraphs) if paragraph.bullet and number]
    middle = min(starts, key=lambda number: abs(2 * number - len(paragraphs)))
    second = (replace(paragraphs[middle], space_before=0.0), *paragraphs[middle + 1 :])
    return paragraphs[:middle], second
