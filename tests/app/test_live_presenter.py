"""Live editing with the real presenter: saves reach the slides, the talk never notices.

Each test runs the real loader, watcher, controller and both windows
(offscreen) on a storyboard in a temp folder and saves it the way editors do.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from briefing.app.live import reload as live_module
from briefing.storyboard.load import load_storyboard

LONG_NOTES = "\n\n".join(f"Paragraph {n} of things to say about this slide." for n in range(40))
DECK = """\
title: Live talk
sections:
  - title: One
    id: one
    slides:
      - title: Alpha
        id: alpha
        bullets: [first point]
      - title: Growth
        id: growth
        chart: {type: bar, csv: data/growth.csv}
      - title: Omega
        id: omega
        notes: |
NOTES
        bullets: [last point]
""".replace("NOTES", "\n".join("          " + line for line in LONG_NOTES.split("\n")))
CSV = "Year,Firms\n2022,10\n2023,20\n"
ALPHA, GROWTH, OMEGA = 2, 3, 4  # deck indices: title, divider, then the slides


def save_atomically(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def save_in_place(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "growth.csv").write_text(CSV, encoding="utf-8")
    path = tmp_path / "deck.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


@pytest.fixture
def presenter(make_controller: Any, deck: Path) -> Any:
    controller = make_controller(load_storyboard(deck))
    assert controller.start_live_reload()  # reloads go through live.apply.apply_reload
    return controller


def reload_after(qtbot: QtBot, presenter: Any, save: Any, *args: Any) -> None:
    before = presenter.live_reload.reloads
    save(*args)
    qtbot.waitUntil(lambda: presenter.live_reload.reloads > before, timeout=3000)


def audience_text(presenter: Any) -> str:
    return presenter.audience.scene.visible_text()


def test_in_place_save_updates_the_audience_slide(qtbot: QtBot, presenter: Any, deck: Path) -> None:
    presenter.state.goto(ALPHA)
    reload_after(qtbot, presenter, save_in_place, deck, DECK.replace("first point", "edited in place"))
    assert "edited in place" in audience_text(presenter)


def test_atomic_save_updates_the_slide_and_keeps_watching(qtbot: QtBot, presenter: Any, deck: Path) -> None:
    presenter.state.goto(ALPHA)
    for number in range(3):
        reload_after(qtbot, presenter, save_atomically, deck, DECK.replace("first point", f"rename {number}"))
        assert f"rename {number}" in audience_text(presenter)


def test_rapid_saves_reload_once(qtbot: QtBot, presenter: Any, deck: Path) -> None:
    presenter.state.goto(ALPHA)
    for number in range(6):
        save_atomically(deck, DECK.replace("first point", f"quick {number}"))
    qtbot.waitUntil(lambda: presenter.live_reload.reloads == 1, timeout=3000)
    with qtbot.assertNotEmitted(presenter.live_reload.reloaded, wait=250):
        pass
    assert "quick 5" in audience_text(presenter)


def test_broken_save_shows_the_banner_then_the_fix_clears_it(
        qtbot: QtBot, presenter: Any, deck: Path) -> None:
    presenter.state.goto(ALPHA)
    presenter.timer.start()
    shown = presenter.audience.scene
    banner = presenter.console.problems
    save_atomically(deck, DECK.replace("bullets: [first point]", "bulets: [first point]"))
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=3000)
    text = banner.text()
    assert "deck.yaml:8:9" in text and "unknown key 'bulets'" in text
    assert presenter.audience.scene is shown  # the audience keeps the last good slide
    assert presenter.state.current == ALPHA and presenter.timer.running

    reload_after(qtbot, presenter, save_atomically, deck, DECK.replace("first point", "fixed"))
    assert banner.isHidden()
    assert "fixed" in audience_text(presenter)
    reload_after(qtbot, presenter, save_in_place, deck, DECK.replace("first point", "and again"))
    assert "and again" in audience_text(presenter)


def test_slide_inserted_before_the_current_one_keeps_the_position(
        qtbot: QtBot, presenter: Any, deck: Path) -> None:
    presenter.state.goto(OMEGA)
    presenter.timer.start()
    new_slide = "      - title: New\n        bullets: [new]\n"
    inserted = DECK.replace("      - title: Alpha", new_slide + "      - title: Alpha")
    reload_after(qtbot, presenter, save_atomically, deck, inserted)
    assert presenter.state.slide.id == "omega"
    assert presenter.state.current == OMEGA + 1
    assert presenter.timer.running
    assert presenter.audience.scene.texts("slide-number")[0].text() == str(OMEGA + 2)


def test_deleting_the_current_slide_moves_to_the_one_that_took_its_place(
        qtbot: QtBot, presenter: Any, deck: Path) -> None:
    presenter.state.goto(ALPHA)
    deleted = DECK.replace("      - title: Alpha\n        id: alpha\n        bullets: [first point]\n", "")
    reload_after(qtbot, presenter, save_atomically, deck, deleted)
    assert presenter.state.slide.id == "growth"


def test_editing_another_slide_rebuilds_nothing_on_screen(qtbot: QtBot, presenter: Any, deck: Path) -> None:
    presenter.state.goto(ALPHA)
    shown = presenter.audience.scene
    reload_after(qtbot, presenter, save_atomically, deck, DECK.replace("last point", "elsewhere"))
    assert presenter.audience.scene is shown


def test_csv_change_morphs_the_chart_in_place(qtbot: QtBot, presenter: Any, deck: Path) -> None:
    presenter.state.goto(GROWTH)
    chart = presenter.audience.scene.chart_item()
    assert chart.values() == {"Firms": (10.0, 20.0)}
    reload_after(qtbot, presenter, save_atomically, deck.parent / "data" / "growth.csv", CSV + "2024,35\n")
    assert presenter.audience.scene.chart_item() is chart  # the same item, not a rebuilt scene
    assert chart.is_animating()  # moving from the old values to the new ones
    qtbot.waitUntil(lambda: not chart.is_animating(), timeout=3000)
    assert chart.values() == {"Firms": (10.0, 20.0, 35.0)}
    reload_after(qtbot, presenter, save_in_place, deck.parent / "data" / "growth.csv", "Year,Firms\n2023,5\n")
    qtbot.waitUntil(lambda: not chart.is_animating(), timeout=3000)
    assert chart.values() == {"Firms": (5.0,)}


def test_notes_keep_their_scroll_position(qtbot: QtBot, presenter: Any, deck: Path) -> None:
    presenter.state.goto(OMEGA)
    bar = presenter.console.notes.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 100, timeout=3000)
    bar.setValue(100)
    reload_after(qtbot, presenter, save_atomically, deck, DECK.replace("last point", "edited"))
    qtbot.waitUntil(lambda: bar.value() == 100, timeout=3000)


def test_key_e_opens_the_editor_at_the_current_slide(
        qtbot: QtBot, presenter: Any, deck: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[tuple[Path, int]] = []
    monkeypatch.setattr(
        "briefing.app.files.editor.open_in_editor", lambda path, line: opened.append((path, line))
    )
    presenter.state.goto(OMEGA)
    presenter.perform("editor")
    assert opened == [(deck, 12)]
    assert live_module.watched_paths(presenter.state.storyboard)[0] == deck


def test_the_audience_never_paints_without_a_slide(qtbot: QtBot, presenter: Any, deck: Path) -> None:
    from PySide6.QtCore import QEvent, QObject

    presenter.state.goto(ALPHA)
    view = presenter.audience.view
    painted: list[object] = []

    class Spy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(view.scene())
            return False

    spy = Spy()
    view.viewport().installEventFilter(spy)
    old_scene = presenter.audience.scene
    reload_after(qtbot, presenter, save_atomically, deck, DECK.replace("first point", "no flash"))
    view.viewport().update()
    qtbot.waitUntil(lambda: presenter.audience.scene in painted, timeout=3000)
    view.viewport().removeEventFilter(spy)
    assert None not in painted
    assert set(map(id, painted)) <= {id(old_scene), id(presenter.audience.scene)}


def test_csv_rewritten_while_on_another_slide_is_ready_when_reached(
        qtbot: QtBot, presenter: Any, deck: Path) -> None:
    presenter.state.goto(ALPHA)
    reload_after(qtbot, presenter, save_atomically, deck.parent / "data" / "growth.csv", CSV + "2024,99\n")
    presenter.state.goto(GROWTH)
    chart = presenter.audience.scene.chart_item()
    qtbot.waitUntil(lambda: not chart.is_animating(), timeout=3000)
    assert chart.values() == {"Firms": (10.0, 20.0, 99.0)}


def test_slide_deleted_before_the_current_one_keeps_the_position(
        qtbot: QtBot, presenter: Any, deck: Path) -> None:
    presenter.state.goto(OMEGA)
    deleted = DECK.replace("      - title: Alpha\n        id: alpha\n        bullets: [first point]\n", "")
    reload_after(qtbot, presenter, save_atomically, deck, deleted)
    assert presenter.state.slide.id == "omega" and presenter.state.current == OMEGA - 1
    assert presenter.audience.scene.texts("slide-number")[0].text() == str(OMEGA)


def test_current_slide_deleted_while_another_is_inserted_before_it(
        qtbot: QtBot, presenter: Any, deck: Path) -> None:
    presenter.state.goto(GROWTH)
    growth = "      - title: Growth\n        id: growth\n        chart: {type: bar, csv: data/growth.csv}\n"
    new_slide = "      - title: New\n        bullets: [new]\n"
    edited = DECK.replace(growth, "").replace("      - title: Alpha", new_slide + "      - title: Alpha")
    reload_after(qtbot, presenter, save_atomically, deck, edited)
    assert presenter.state.slide.id == "omega"  # the slide after the deleted one, not an index
