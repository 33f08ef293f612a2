"""The console's menus: entries exist and do what the keys do; dialogs are stubbed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog


def menu_texts(controller) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    bar = controller.console.menuBar()
    return {
        action.text().replace("&", ""): [a.text().split("\t")[0] for a in action.menu().actions() if a.text()]
        for action in bar.actions()
    }


def test_menus_list_the_presenter_commands(controller) -> None:  # type: ignore[no-untyped-def]
    texts = menu_texts(controller)
    assert texts["File"] == [
        "Open…", "Open Recent", "Export PowerPoint…", "Render PNG…", "Import review…", "Quit",
    ]  # fmt: skip
    for entry in (
        "Overview",
        "Audience full screen",
        "Black screen",
        "Swap screens",
        "Larger notes",
        "Smaller notes",
        "Timing report",
    ):
        assert entry in texts["View"]
    assert texts["Help"] == ["Keys", "About briefing"]


def test_view_menu_actions_do_what_the_keys_do(controller) -> None:  # type: ignore[no-untyped-def]
    controller.menus["overview"].trigger()
    assert controller.console.overview_open
    controller.menus["overview"].trigger()
    controller.menus["black"].trigger()
    assert controller.state.blank == "black"
    controller.menus["help"].trigger()
    assert controller.console.help_open


def test_open_recent_lists_files_that_exist(controller, write_storyboard) -> None:  # type: ignore[no-untyped-def]
    from briefing.app import settings

    path = write_storyboard(
        "title: T\nsections:\n  - title: S\n    slides:\n      - {title: A, bullets: [x]}\n"
    )
    settings.add_recent_file(path)
    settings.add_recent_file(path.parent / "gone.yaml")
    menu = next(a.menu() for a in controller.console.menuBar().actions()[0].menu().actions() if a.menu())
    menu.aboutToShow.emit()  # what opening the submenu does
    assert [a.text() for a in menu.actions()] == [path.name]
    menu.actions()[0].trigger()
    assert controller.state.storyboard.title == "T"


def test_render_png_writes_one_file_per_slide(controller, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(tmp_path))
    controller.menus["render"].trigger()
    assert len(list(Path(tmp_path).glob("*.png"))) == controller.state.count
