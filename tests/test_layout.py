"""layout_slide: every slide kind becomes measured boxes inside the canvas."""

from __future__ import annotations

import time

import pytest

from briefing.layout import CANVAS_H, CANVAS_W, Rect, SlideLayout, layout_slide
from briefing.layout.textfit import text_width, wrap_lines
from briefing.layout.theme import resolve_theme
from briefing.storyboard.model import (
    Bullet,
    Bullets,
    Chart,
    Column,
    Compare,
    Image,
    Quote,
    Section,
    Series,
    Slide,
    Source,
    SourceRef,
    Stat,
    Stats,
    Storyboard,
    ThemeSpec,
)

THEME = resolve_theme()


def deck(*slides: Slide, sources: tuple[Source, ...] = (), base: str = "dark") -> Storyboard:
    slides = tuple(Slide(s.title, s.body, sources=s.sources, section=0) for s in slides)
    return Storyboard(
        title="Shanghai, Asia's new innovation hub",
        subtitle="What the investigative report found",
        author="Briefing team",
        date="2026-11-29",
        sections=(Section("The rise of Zhangjiang", slides),),
        sources=sources,
        theme=ThemeSpec(base=base),  # type: ignore[arg-type]
    )


def every_kind(tmp_path=None) -> Storyboard:
    report = Source("report", "Shanghai as a technology innovation hub (investigative report)")
    cite = (SourceRef("report", phrase="spanning 25 square kilometers", note="derived: 5 x 5"),)
    return deck(
        Slide(
            "Scale",
            Stats((Stat(25, "Zhangjiang High-Tech Park", unit=" km²"), Stat(16000, "firms"))),
            sources=cite,
        ),
        Slide("Talent", Bullets((Bullet("Top universities", ("Fudan", "Jiao Tong")), Bullet("R&D")), True)),
        Slide("Voice", Quote("We're monetizing innovation itself.", "Wang Ying", "Chairwoman")),
        Slide("Shift", Compare(Column("Then", ("iPhones",)), Column("Now", ("Quantum chips", "AI")))),
        Slide("Money", Chart("bar", ("A", "B"), (Series("s", (1.0, 2.0)),), caption="How derived")),
        Slide("Map", Image(Path_missing(), alt="map", caption="The park")),
        sources=(report,),
    )


def Path_missing():
    from pathlib import Path

    return Path("/nonexistent/image.png")


def inside(rect: Rect) -> bool:
    return rect.x >= 0 and rect.y >= 0 and rect.right <= CANVAS_W and rect.bottom <= CANVAS_H


def all_layouts(storyboard: Storyboard) -> list[SlideLayout]:
    theme = resolve_theme(storyboard.theme)
    return [layout_slide(storyboard, i, theme) for i in range(len(storyboard.slides))]


def test_every_kind_lays_out_inside_the_canvas():
    layouts = all_layouts(every_kind())
    assert [lay.kind for lay in layouts] == [
        "title", "section", "stats", "bullets", "quote", "compare", "chart", "image", "sources",
    ]  # fmt: skip
    for lay in layouts:
        for box in lay.texts:
            assert inside(box.rect), (lay.kind, box.role)
            assert not box.overflow, (lay.kind, box.role)
        for shape in lay.shapes:
            assert inside(shape.rect)
        for media in (lay.chart, lay.image):
            assert media is None or inside(media)


def test_nothing_overlaps_the_footer():
    for lay in all_layouts(every_kind()):
        footer_top = min((b.rect.y for b in lay.texts if b.role in ("footer", "slide-number")), default=None)
        if footer_top is None:
            continue
        others = [b.rect for b in lay.texts if b.role not in ("footer", "slide-number")]
        others += [s.rect for s in lay.shapes if s.role != "band"] + [r for r in (lay.chart, lay.image) if r]
        for rect in others:
            assert rect.bottom <= footer_top, lay.kind


def test_long_titles_get_smaller_but_stay_readable():
    short = layout_slide(deck(Slide("Scale", Bullets((Bullet("x"),)))), 2, THEME).text("title")[0]
    long_title = (
        "A science city on former farmland that grew, in only twenty years, into the largest"
        " research park in all of Asia"
    )
    long = layout_slide(deck(Slide(long_title, Bullets((Bullet("x"),)))), 2, THEME).text("title")[0]
    assert short.size == 72
    assert 44 <= long.size < 72
    assert not long.overflow
    assert len(long.lines()) <= 2


def test_absurd_text_is_flagged_as_overflow_at_the_minimum_size():
    lay = layout_slide(
        deck(Slide("Too much", Bullets(tuple(Bullet("word " * 60) for _ in range(12))))), 2, THEME
    )
    body = lay.text("body")[0]
    assert body.overflow
    assert body.size == 28


def test_build_steps_number_top_level_bullets_and_their_children():
    bullets = Bullets((Bullet("one", ("a", "b")), Bullet("two"), Bullet("three")), build=True)
    lay = layout_slide(deck(Slide("Build", bullets)), 2, THEME)
    body = lay.text("body")[0]
    assert [(p.text, p.step, p.level) for p in body.paragraphs] == [
        ("one", 0, 0), ("a", 0, 1), ("b", 0, 1), ("two", 1, 0), ("three", 2, 0),
    ]  # fmt: skip
    assert lay.steps == 3
    plain = layout_slide(deck(Slide("Plain", Bullets(bullets.items))), 2, THEME)
    assert {p.step for p in plain.text("body")[0].paragraphs} == {0}


def test_footer_cites_source_title_phrase_and_note():
    lay = all_layouts(every_kind())[2]
    footer = lay.text("footer")[0]
    assert footer.text == (
        "Source: Shanghai as a technology innovation hub (investigative report)"
        " — “spanning 25 square kilometers” (derived: 5 x 5)"
    )
    assert lay.text("slide-number")[0].text == "3"


def test_stats_share_one_size_and_carry_their_index():
    lay = all_layouts(every_kind())[2]
    values = lay.text("stat-value")
    assert [v.text for v in values] == ["25 km²", "16,000"]
    assert [v.ref for v in values] == [0, 1]
    assert len({v.size for v in values}) == 1
    for value in values:
        assert text_width(value.text, value.size, bold=True) <= value.rect.w
    assert [b.text for b in lay.text("stat-label")] == ["Zhangjiang High-Tech Park", "firms"]


def test_quote_compare_section_and_title_slides_carry_their_text():
    layouts = all_layouts(every_kind())
    assert layouts[0].text("title")[0].text == "Shanghai, Asia's new innovation hub"
    assert layouts[0].text("subtitle")[0].text == "What the investigative report found"
    assert layouts[1].text("section-number")[0].text == "01"
    assert layouts[1].text("agenda")[0].text.split("\n") == [
        "Scale",
        "Talent",
        "Voice",
        "Shift",
        "Money",
        "Map",
    ]
    assert layouts[4].text("attribution")[0].text == "— Wang Ying, Chairwoman"
    assert [b.text for b in layouts[5].text("column-title")] == ["Then", "Now"]
    assert layouts[6].chart is not None and layouts[6].text("caption")[0].text == "How derived"


def test_image_keeps_its_aspect_ratio(tmp_path):
    from PIL import Image as PILImage

    path = tmp_path / "wide.png"
    PILImage.new("RGB", (400, 100), "red").save(path)
    lay = layout_slide(deck(Slide("Map", Image(path, alt="map", caption="The park"))), 2, THEME)
    assert lay.image is not None
    assert lay.image.w / lay.image.h == pytest.approx(4.0)
    assert lay.text("caption")[0].rect.y >= lay.image.bottom


def test_lines_stay_inside_their_box():
    for lay in all_layouts(every_kind()):
        for box in lay.texts:
            for line in box.lines():
                assert line.x >= box.rect.x - 0.01
                assert line.x + text_width(line.text, line.size, box.bold) <= box.rect.right + 0.01


def test_layout_is_fast():
    storyboard = every_kind()
    all_layouts(storyboard)  # warm the font caches
    count = 20
    start = time.process_time()  # CPU time, not wall time: a loaded machine does not fail it
    for n in range(count):
        fresh = deck(Slide(f"Title number {n}", Bullets((Bullet(f"Bullet {n} with some words"),))))
        layout_slide(fresh, 2, THEME)
    assert (time.process_time() - start) / count < 0.002


def test_long_agendas_end_in_a_count_instead_of_overflowing():
    slides = tuple(
        Slide(f"Slide number {n} with a longer title than most", Bullets((Bullet("x"),))) for n in range(20)
    )
    agenda = layout_slide(deck(*slides), 1, THEME).text("agenda")[0]
    assert not agenda.overflow
    texts = agenda.text.split("\n")
    assert texts[0] == "Slide number 0 with a longer title than most"
    assert texts[-1] == f"+ {20 - (len(texts) - 1)} more"


def test_cjk_text_is_measured_one_em_per_ideograph():
    assert text_width("上海", 40) == 80
    assert text_width("上海 AI", 40) > 80
    lines = wrap_lines("张江高科技园区是中国的硅谷" * 4, 40, False, 400)
    assert len(lines) > 1 and all(text_width(line, 40) <= 400 for line in lines)


@pytest.mark.parametrize("base", ["dark", "light"])
def test_the_bundled_briefing_fits_everywhere(base):
    from dataclasses import replace

    from briefing.storyboard.load import load_storyboard

    storyboard = load_storyboard()
    storyboard = replace(storyboard, theme=replace(storyboard.theme, base=base))
    for lay in all_layouts(storyboard):
        for box in lay.texts:
            assert inside(box.rect), (lay.index + 1, box.role)
            assert not box.overflow, (lay.index + 1, box.role, box.text)


def test_pale_accents_are_darkened_for_text_on_light_slides():
    from briefing.layout.fit import accent_text
    from briefing.layout.theme import contrast_ratio

    light = resolve_theme(ThemeSpec(base="light", accent="#E69F00"))
    assert contrast_ratio(accent_text(light), light.background) >= 3.0
    dark = resolve_theme(ThemeSpec(base="dark", accent="#E69F00"))
    assert accent_text(dark) == "#E69F00"  # already readable: untouched
    stats = deck(Slide("S", Stats((Stat(1, "one"),))), base="light")
    lay = layout_slide(stats, 2, resolve_theme(ThemeSpec(base="light", accent="#E69F00")))
    assert lay.text("stat-value")[0].color == accent_text(light)
    assert lay.shapes[0].fill == "#E69F00"  # decorations keep the accent itself


def _section_of(count: int, title: str = "Slide number {n} with a longer title than most") -> Storyboard:
    storyboard = deck(*(Slide(title.format(n=n), Bullets((Bullet("x"),))) for n in range(count)))
    assert storyboard.slides  # built here, not while a test times the layout
    return storyboard


def _agenda_of(count: int, title: str = "Slide number {n} with a longer title than most"):
    return layout_slide(_section_of(count, title), 1, THEME).text("agenda")[0]


def _agenda_one_by_one(count: int, title: str) -> tuple[str, int]:
    """The agenda as the divider showed it before the shortcut: drop one title per fitting."""
    from briefing.layout.boxes import Paragraph
    from briefing.layout.fit import fit_box

    titles = [title.format(n=n) for n in range(count)]
    agenda = tuple(Paragraph(t, space_before=0.5 if n else 0.0) for n, t in enumerate(titles))
    rect = _agenda_of(1).rect
    box = fit_box("agenda", rect, agenda, THEME.text)
    shown = count
    while (box.overflow and shown > 1) or (box.size < 28 and shown > 5):
        shown -= 1
        more = Paragraph(f"+ {count - shown} more", space_before=0.5)
        box = fit_box("agenda", rect, (*agenda[:shown], more), THEME.text)
    return box.text, box.size


@pytest.mark.parametrize("title", ["S{n}", "Slide number {n} with a longer title than most"])
@pytest.mark.parametrize("count", [1, 5, 6, 9, 12, 13, 14, 15, 30])
def test_the_agenda_shortcut_shows_what_fitting_one_by_one_showed(count, title):
    box = _agenda_of(count, title)
    assert (box.text, box.size) == _agenda_one_by_one(count, title)


def test_a_section_of_3000_slides_lays_out_its_divider_quickly():
    _agenda_of(3)  # warm the font caches
    storyboard = _section_of(3000)
    start = time.process_time()
    box = layout_slide(storyboard, 1, THEME).text("agenda")[0]
    elapsed = time.process_time() - start
    lines = box.text.split("\n")
    assert lines[-1] == f"+ {3000 - (len(lines) - 1)} more"
    assert elapsed < 1.0  # 25 s before the agenda stopped refitting once per dropped title
