"""SlideView: the whole slide, letterboxed, and an audience mode that ignores the mouse."""

from __future__ import annotations

from sample_deck import index_of, sample_storyboard

from briefing.layout.theme import resolve_theme
from briefing.render.scene import SlideScene
from briefing.render.view import SlideView


def test_view_fits_the_slide_and_keeps_16_9(qtbot):
    storyboard = sample_storyboard()
    scene = SlideScene(storyboard, 0, resolve_theme(storyboard.theme), animate=False)
    view = SlideView()
    qtbot.addWidget(view)
    view.set_slide_scene(scene)
    for w, h in ((800, 450), (1000, 450), (600, 800)):
        view.resize(w, h)
        view.show()
        qtbot.waitExposed(view)
        mapped = view.mapFromScene(scene.sceneRect()).boundingRect()
        assert mapped.width() <= view.viewport().width() + 1
        assert mapped.height() <= view.viewport().height() + 1
        assert abs(mapped.width() / mapped.height() - 16 / 9) < 0.02
        assert (
            abs(mapped.width() - view.viewport().width()) <= 2
            or abs(mapped.height() - view.viewport().height()) <= 2
        )


def test_audience_view_keeps_the_mouse_out_of_the_scene(qtbot):
    storyboard = sample_storyboard()
    scene = SlideScene(storyboard, index_of(storyboard, "chart"), resolve_theme(storyboard.theme))
    view = SlideView(interactive=False)
    qtbot.addWidget(view)
    view.set_slide_scene(scene)
    view.resize(640, 360)
    view.show()
    qtbot.waitExposed(view)
    assert not view.is_interactive()
    assert view.horizontalScrollBar().isVisible() is False
    seen = []
    from PySide6.QtCore import QPoint, Qt

    original = scene.mousePressEvent
    scene.mousePressEvent = lambda event: seen.append(event)  # type: ignore[method-assign]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(320, 180))
    assert seen == []
    view.set_interactive(True)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(320, 180))
    assert len(seen) == 1
    scene.mousePressEvent = original  # type: ignore[method-assign]


def test_audience_clicks_go_to_the_parent_widget(qtbot):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    clicks = []

    class Window(QWidget):
        def mousePressEvent(self, event):
            clicks.append(event.button())

    window = Window()
    qtbot.addWidget(window)
    storyboard = sample_storyboard()
    view = SlideView(window, interactive=False)
    QVBoxLayout(window).addWidget(view)
    view.set_slide_scene(SlideScene(storyboard, 0, resolve_theme(storyboard.theme), animate=False))
    window.resize(640, 360)
    window.show()
    qtbot.waitExposed(window)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    assert clicks == [Qt.MouseButton.LeftButton]
