"""Console behaviour: preview without the projector, overview clicks, notes, reloads, quitting."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from app_storyboards import bullets_slide, make_storyboard
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from briefing.app import settings
from briefing.app.console.notes import NotesPanel
from briefing.errors import Diagnostic

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def test_preview_does_not_move_the_projector_until_enter(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    console = controller.console
    qtbot.keyClick(console, K.Key_Right, CTRL)
    qtbot.keyClick(console, K.Key_Right, CTRL)
    assert controller.state.preview == 2
    assert controller.state.current == 0
    assert controller.audience.scene.index == 0  # the audience still sees the title
    assert console.current_scene.index == 2
    assert console.preview_banner.isVisibleTo(console)
    assert "audience still sees slide 1" in console.preview_banner.text()
    qtbot.keyClick(console, K.Key_Return)
    assert controller.state.current == 2 and controller.state.preview is None
    assert controller.audience.scene.index == 2
    assert not console.preview_banner.isVisibleTo(console)


def test_escape_returns_from_preview(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(controller.console, K.Key_Left, CTRL)  # at slide 0: stays
    assert controller.state.preview is None
    controller.state.goto(3)
    qtbot.keyClick(controller.console, K.Key_Left, CTRL)
    assert controller.state.preview == 2
    qtbot.keyClick(controller.console, K.Key_Escape)
    assert controller.state.preview is None
    assert controller.console.current_scene.index == 3


def test_click_on_next_slide_previews_it(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    console = controller.console
    qtbot.mouseClick(console.next_view.viewport(), Qt.MouseButton.LeftButton)
    assert controller.state.preview == 1
    assert controller.state.current == 0
    qtbot.mouseClick(console.next_view.viewport(), Qt.MouseButton.LeftButton)
    assert controller.state.preview == 2


def test_overview_click_jumps(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    console = controller.console
    controller.perform("overview")
    grid = console.overview
    grid.load_all_now()
    item = grid.item(5)
    rect = grid.visualItemRect(item)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert controller.state.current == 5
    assert not console.overview_open


def test_overview_thumbnails_render(controller) -> None:  # type: ignore[no-untyped-def]
    controller.perform("overview")
    grid = controller.console.overview
    grid.load_all_now()
    assert grid.count() == controller.state.count
    icon = grid.item(4).icon()
    assert not icon.isNull()
    controller.perform("overview")
    assert not grid._loader.isActive()


def test_notes_font_size_changes_and_is_remembered(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    notes = controller.console.notes
    start = notes.font_size
    qtbot.keyClick(controller.console, K.Key_Plus)
    qtbot.keyClick(controller.console, K.Key_Equal, CTRL)
    assert notes.font_size == start + 4
    assert notes.text.font().pixelSize() == start + 4
    assert settings.notes_font_size() == start + 4
    qtbot.keyClick(controller.audience, K.Key_Minus)
    assert notes.font_size == start + 2
    fresh = NotesPanel()
    qtbot.addWidget(fresh)
    assert fresh.font_size == start + 2


def test_notes_follow_the_slide(controller) -> None:  # type: ignore[no-untyped-def]
    controller.state.goto(2)
    assert "Notes for One." in controller.console.notes.text.text()
    controller.state.goto(6)  # quote slide has no notes
    assert "No notes" in controller.console.notes.text.text()


def test_counter_section_and_pacing_show_in_the_timer_panel(controller, clock) -> None:  # type: ignore[no-untyped-def]
    controller.perform("next")
    controller.perform("next")  # slide 3 "One": planned 28 s .. 88 s; clock started at slide 2
    clock.advance(200)
    controller.console.timer_panel.refresh()
    panel = controller.console.timer_panel
    assert panel.counter.text() == "3 / 8"
    assert panel.section.text() == "Section 1 of 2: Alpha"
    assert panel.slide_pace.text() == "Slide: behind by 1:52"
    assert "#F85149" in panel.slide_pace.styleSheet()  # way behind: red


def test_apply_storyboard_follows_the_slide_when_one_is_inserted(controller, clock) -> None:  # type: ignore[no-untyped-def]
    controller.perform("next")  # starts the timer
    controller.state.goto(4)  # "Chart"
    clock.advance(30)
    edited = make_storyboard(extra_first=bullets_slide("Inserted", section=0))
    controller.apply_storyboard(edited)
    assert controller.state.current == 5
    assert controller.audience.scene.index == 5
    assert controller.audience.scene.storyboard is edited
    assert controller.console.current_scene.slide.id == "chart"
    assert controller.timer.running and controller.timer.elapsed == 30
    assert controller.console.timer_panel.counter.text() == "6 / 9"


def test_show_problems_banner_and_clear(controller) -> None:  # type: ignore[no-untyped-def]
    console = controller.console
    problem = Diagnostic(Path("/tmp/deck.yaml"), 12, 3, "unknown key 'titel'", hint="did you mean 'title'?")
    console.show_problems([problem])
    assert console.problems.isVisibleTo(console)
    assert "deck.yaml:12:3" in console.problems.text()
    assert controller.audience.findChildren(type(console.problems)) == []  # never on the projector
    console.clear_problems()
    assert not console.problems.isVisibleTo(console)


def test_timing_report_saves_csv(controller, clock, tmp_path) -> None:  # type: ignore[no-untyped-def]
    controller.perform("next")
    clock.advance(40)
    controller.perform("next")
    clock.advance(70)
    dialog = controller.show_timing_report()
    assert dialog.table.rowCount() == 8 + 2 + 1
    path = dialog.save(tmp_path / "timing.csv")
    text = path.read_text(encoding="utf-8")
    assert "slide,2,Alpha,Alpha,8,40,+32" in text
    assert "slide,3,Alpha,One,60,70,+10" in text
    dialog.close()


def test_quitting_without_a_running_timer_does_not_ask(controller, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def fail(*args: object) -> None:
        raise AssertionError("asked for confirmation")

    monkeypatch.setattr(QMessageBox, "question", fail)
    assert controller.console.close()
    assert not controller.console.isVisible()
    assert not controller.audience.isVisible()
    assert not controller.console.timer_panel.tick.isActive()


def test_quitting_with_a_running_timer_asks(controller, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def answer_no(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[1]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer_no)
    controller.perform("next")
    assert not controller.audience.close()
    assert asked and controller.console.isVisible()


def test_window_titles_name_the_storyboard(make_controller, tmp_path) -> None:  # type: ignore[no-untyped-def]
    controller = make_controller(replace(make_storyboard(), path=tmp_path / "talk.yaml"))
    assert "Test talk" in controller.console.windowTitle()
    assert "talk.yaml" in controller.console.windowTitle()
    assert "Test talk" in controller.audience.windowTitle()


STORYBOARD = """
title: Dropped talk
sections:
  - title: Only section
    slides:
      - title: Only slide
        bullets: [one, two]
"""


def _drop(widget, path: Path) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)


@pytest.mark.parametrize("target", ["console", "audience"])
def test_dropping_a_yaml_opens_it(controller, write_storyboard, target) -> None:  # type: ignore[no-untyped-def]
    path = write_storyboard(STORYBOARD, "dropped.yaml")
    controller.state.goto(3)
    _drop(getattr(controller, target), path)
    assert controller.state.storyboard.title == "Dropped talk"
    assert controller.state.current == 0
    assert settings.recent_files()[0] == path.resolve()
    assert "dropped.yaml" in controller.console.windowTitle()


def test_opening_an_invalid_storyboard_keeps_the_talk(controller, write_storyboard, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    path = write_storyboard("title: x\nsections: 3\n", "bad.yaml")
    assert not controller.open_path(path)
    assert shown and "bad.yaml" in shown[0]
    assert controller.state.storyboard.title == "Test talk"


def test_scene_cache_reuses_and_builds_ahead(controller) -> None:  # type: ignore[no-untyped-def]
    cache = controller.scenes
    controller.console.build_ahead_now()
    assert ("audience", 1) in cache
    built = cache.built
    controller.perform("next")
    assert cache.built == built  # the audience, console and next-panel scenes were all built ahead
    assert len(cache) <= cache.capacity


def test_scenes_ahead_are_built_one_per_turn_of_the_event_loop_audience_first(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    cache, console = controller.scenes, controller.console
    controller.perform("next")  # slide 1 shown: slide 2 is the one to build ahead
    console._prefetch.stop()
    console._build_ahead()
    assert ("audience", 2) in cache and ("console", 2) not in cache and ("next", 3) not in cache
    assert console._prefetch.isActive()  # the rest come on the next turns
    qtbot.waitUntil(lambda: ("next", 3) in cache and not console._prefetch.isActive(), timeout=2000)
    assert ("console", 2) in cache
    built = cache.built
    controller.perform("next")
    assert cache.built == built


def test_scenes_built_ahead_are_painted_once_off_screen_in_the_view_that_will_show_them(
    controller, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from briefing.render.view import SlideView

    warmed: list[tuple[SlideView, object]] = []
    real_warm = SlideView.warm
    monkeypatch.setattr(
        SlideView, "warm", lambda view, scene: (warmed.append((view, scene)), real_warm(view, scene))
    )
    controller.console.build_ahead_now()
    cache, console = controller.scenes, controller.console
    assert warmed == [
        (controller.audience.view, cache.get("audience", 1)),
        (console.current_view, cache.get("console", 1)),
        (console.next_view, cache.get("next", 2)),
    ]
    warmed.clear()
    controller.perform("next")
    assert warmed == []  # a scene the switch itself needs is never painted twice


def test_live_reload_is_wired_to_the_hooks(qtbot, make_controller, write_storyboard) -> None:  # type: ignore[no-untyped-def]
    from briefing.storyboard.load import load_storyboard

    path = write_storyboard(STORYBOARD, "live.yaml")
    controller = make_controller(load_storyboard(path))
    assert controller.start_live_reload()
    controller.perform("last")
    assert controller.state.slide.title == "Only slide"
    path.write_text(
        STORYBOARD.replace(
            "- title: Only slide", "- title: New first\n        bullets: [x]\n      - title: Only slide"
        ),
        encoding="utf-8",
    )
    live = controller.live_reload
    with qtbot.waitSignal(live.reloaded, timeout=3000):  # the load runs on a worker thread
        live.reload()
    assert controller.state.slide.title == "Only slide"
    assert controller.state.current == 3
    path.write_text("title: [broken\n", encoding="utf-8")
    with qtbot.waitSignal(live.failed, timeout=3000):
        live.reload()
    assert controller.console.problems.isVisibleTo(controller.console)
    assert "live.yaml" in controller.console.problems.text()
    path.write_text(STORYBOARD, encoding="utf-8")
    with qtbot.waitSignals([live.recovered, live.reloaded], timeout=3000):
        live.reload()
    assert not controller.console.problems.isVisibleTo(controller.console)
    assert controller.state.current == 2  # same slide, now one earlier


def test_export_runs_in_a_thread_and_reports(qtbot, controller, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import threading

    import briefing.export.pptx as pptx
    from briefing.app.files.export_job import ExportJob

    threads: list[bool] = []

    def fake_export(storyboard, out_path, *, template=None, progress=None, ink=None):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread() is threading.main_thread())
        for done in range(1, 4):
            progress(done, 3)
        Path(out_path).write_bytes(b"pptx")
        return Path(out_path)

    monkeypatch.setattr(pptx, "export_deck", fake_export)
    job = ExportJob(controller.state.storyboard, tmp_path / "deck.pptx", controller.console)
    finished_on_gui_thread: list[bool] = []
    job.finished.connect(
        lambda *_: finished_on_gui_thread.append(threading.current_thread() is threading.main_thread())
    )
    with qtbot.waitSignal(job.finished, timeout=5000) as blocker:
        job.start()
    assert blocker.args[0] is True and "deck.pptx" in blocker.args[1]
    assert threads == [False]  # the export ran off the GUI thread
    assert finished_on_gui_thread == [True]  # the dialog is closed on the GUI thread
    assert (tmp_path / "deck.pptx").read_bytes() == b"pptx"
    assert not job.worker_thread.isRunning()


def test_an_unexpected_export_error_is_reported(qtbot, controller, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import briefing.export.pptx as pptx
    from briefing.app.files.export_job import ExportJob

    def broken_export(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise TypeError("a bug")

    monkeypatch.setattr(pptx, "export_deck", broken_export)
    job = ExportJob(controller.state.storyboard, tmp_path / "deck.pptx", controller.console)
    with qtbot.waitSignal(job.finished, timeout=5000) as blocker:
        job.start()
    assert blocker.args == [False, "The export failed unexpectedly (TypeError: a bug); no file was written"]
    assert not (tmp_path / "deck.pptx").exists()
    qtbot.waitUntil(lambda: not job.worker_thread.isRunning(), timeout=3000)


def test_enter_after_preview_starts_the_clock(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(controller.console, K.Key_Right, CTRL)
    qtbot.keyClick(controller.console, K.Key_Return)
    assert controller.state.current == 1
    assert controller.timer.running


def test_notes_keep_their_scroll_position_through_build_steps(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = NotesPanel()
    qtbot.addWidget(panel)
    panel.resize(300, 120)
    panel.show()
    slide = replace(bullets_slide("Long", build=True), notes="\n\n".join(["A long paragraph of notes."] * 30))
    panel.show_slide(slide)
    bar = panel.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)
    bar.setValue(bar.maximum() // 2)
    kept = bar.value()
    panel.show_slide(slide)  # the next build step of the same slide
    assert bar.value() == kept
    panel.show_slide(bullets_slide("Other"))
    assert bar.value() == 0


def test_audience_is_refreshed_before_the_console(controller) -> None:  # type: ignore[no-untyped-def]
    order: list[str] = []
    audience_refresh, console_refresh = controller.audience.refresh, controller.console.refresh
    controller.audience.refresh = lambda **kw: (order.append("audience"), audience_refresh(**kw))
    controller.console.refresh = lambda: (order.append("console"), console_refresh())
    controller.perform("next")
    assert order[:2] == ["audience", "console"]
