"""SlideScene draws the layout: the storyboard's text, build steps, count-ups, charts."""

from __future__ import annotations

import pytest
from sample_deck import index_of, sample_storyboard, write_picture

from briefing.layout.theme import resolve_theme
from briefing.render.scene import SlideScene
from briefing.storyboard.model import Bullets, Stats


@pytest.fixture
def storyboard(tmp_path):
    return sample_storyboard("dark", image=write_picture(tmp_path))


def make(qtbot, storyboard, kind, *, animate=False, base=None):
    theme = resolve_theme(storyboard.theme)
    scene = SlideScene(storyboard, index_of(storyboard, kind), theme, animate=animate)
    return scene


def test_scene_is_the_full_canvas_for_every_slide(qtbot, storyboard):
    theme = resolve_theme(storyboard.theme)
    for index in range(len(storyboard.slides)):
        scene = SlideScene(storyboard, index, theme, animate=False)
        rect = scene.sceneRect()
        assert (rect.width(), rect.height()) == (1920, 1080)
        assert scene.slide is storyboard.slides[index]
        assert scene.texts("slide-number") or scene.slide.kind == "title"


def test_text_on_the_slide_is_the_storyboards_text(qtbot, storyboard):
    scene = make(qtbot, storyboard, "quote")
    text = scene.visible_text()
    slide = scene.slide
    assert slide.title in text
    assert "We're monetizing innovation itself." in text
    assert "— Wang Ying, Chairwoman, Shanghai Technology Exchange" in text
    assert scene.texts("title")[0].text() == slide.title


def test_drawn_lines_join_back_into_the_text(qtbot, storyboard):
    scene = make(qtbot, storyboard, "bullets")
    scene.set_step(scene.steps - 1)
    body = scene.texts("body")[0]
    joined = " ".join(line.text for line in body.lines())
    assert joined == " ".join(p.text for p in body.box.paragraphs)


def test_build_steps_reveal_one_bullet_at_a_time(qtbot, storyboard):
    scene = make(qtbot, storyboard, "bullets", animate=True)
    body = scene.slide.body
    assert isinstance(body, Bullets)
    assert scene.steps == 3
    assert scene.step == 0
    text = scene.visible_text()
    assert body.items[0].text in text
    assert body.items[1].text not in text and "Microsoft Asia" not in text
    scene.set_step(1)
    text = scene.visible_text()
    assert body.items[1].text in text and "Microsoft Asia" in text
    assert body.items[2].text not in text
    scene.set_step(99)  # clamped
    assert scene.step == 2
    assert body.items[2].text in scene.visible_text()
    scene.set_step(0)
    assert body.items[1].text not in scene.visible_text()


def test_stats_count_up_from_zero_to_the_exact_value(qtbot, storyboard):
    scene = make(qtbot, storyboard, "stats", animate=True)
    stats = scene.slide.body
    assert isinstance(stats, Stats)
    values = scene.texts("stat-value")
    assert [v.text() for v in values] == [s.display(0.0) for s in stats.items]
    scene.start()
    assert scene.is_animating()
    qtbot.waitUntil(lambda: not scene.is_animating(), timeout=3000)
    assert [v.text() for v in values] == ["25 km²", "16,000+", "$48bn"]


def test_finish_jumps_to_the_final_state(qtbot, storyboard):
    scene = make(qtbot, storyboard, "stats", animate=True)
    scene.start()
    scene.finish()
    assert not scene.is_animating()
    assert [v.text() for v in scene.texts("stat-value")] == ["25 km²", "16,000+", "$48bn"]


def test_animations_disabled_start_shows_the_final_state(qtbot, storyboard):
    scene = make(qtbot, storyboard, "stats", animate=True)
    scene.set_animations_enabled(False)
    scene.start()
    assert not scene.is_animating()
    assert scene.texts("stat-value")[1].text() == "16,000+"


def test_chart_slide_has_a_chart_item_or_placeholder(qtbot, storyboard):
    scene = make(qtbot, storyboard, "chart")
    chart = scene.chart_item()
    if chart is not None:
        assert hasattr(chart, "play_intro") and hasattr(chart, "finish_intro")
        geometry = chart.geometry()
        assert geometry.width() > 1000 and geometry.height() > 300
    assert make(qtbot, storyboard, "bullets").chart_item() is None


def test_image_slide_draws_the_picture(qtbot, storyboard):
    from PySide6.QtWidgets import QGraphicsPixmapItem

    scene = make(qtbot, storyboard, "image")
    pixmaps = [i for i in scene.items() if isinstance(i, QGraphicsPixmapItem)]
    assert len(pixmaps) == 1
    bounds = pixmaps[0].sceneBoundingRect()
    layout_rect = scene.layout.image
    assert bounds.width() == pytest.approx(layout_rect.w, abs=1)
    assert bounds.height() == pytest.approx(layout_rect.h, abs=1)


def test_chart_intro_plays_on_start_and_finish_shows_the_data(qtbot, storyboard):
    scene = make(qtbot, storyboard, "chart", animate=True)
    chart = scene.chart_item()
    assert chart is not None, "briefing.render.charts.make_chart_item should be wired in"
    scene.start()
    assert scene.is_animating()
    scene.finish()
    assert not scene.is_animating()
    assert chart.values() == {"Average Series A round": (25, 12, 14)}
    scene.set_interactive(True)
    assert chart.interactive
