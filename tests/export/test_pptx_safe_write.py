"""A deck is written completely or not at all; OS errors become messages, not tracebacks."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.errors import ExportError
from briefing.export.pptx import export_deck, safe_write
from briefing.storyboard.model import Storyboard


class Boom(RuntimeError):
    pass


def _explode_at(slide: int):
    def progress(done: int, total: int) -> None:
        if done == slide:
            raise Boom(f"stopped at slide {done} of {total}")

    return progress


def test_failure_mid_export_leaves_no_partial_file(rich_storyboard: Storyboard, tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    with pytest.raises(Boom):
        export_deck(rich_storyboard, out, progress=_explode_at(5))
    assert list(tmp_path.iterdir()) == [tmp_path / "story"], "no deck, no temp file"


def test_failure_mid_export_keeps_the_previous_deck(rich_storyboard: Storyboard, tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    export_deck(rich_storyboard, out)
    before = out.read_bytes()
    with pytest.raises(Boom):
        export_deck(rich_storyboard, out, progress=_explode_at(3))
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pptx", "story"]


def test_failure_while_writing_keeps_the_previous_deck(
    rich_storyboard: Storyboard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "deck.pptx"
    out.write_bytes(b"previous deck")

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safe_write.os, "fsync", no_space)
    with pytest.raises(ExportError, match=r"cannot write deck\.pptx: disk full"):
        export_deck(rich_storyboard, out)
    assert out.read_bytes() == b"previous deck"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pptx", "story"]


def test_read_only_folder_is_a_clear_error(
    rich_storyboard: Storyboard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(safe_write.tempfile, "NamedTemporaryFile", refuse)
    with pytest.raises(ExportError) as caught:
        export_deck(rich_storyboard, tmp_path / "deck.pptx")
    assert str(caught.value).startswith("cannot write deck.pptx: folder is read-only")


def test_a_folder_that_refuses_files_is_read_only(rich_storyboard: Storyboard) -> None:
    with pytest.raises(ExportError, match=r"cannot write deck\.pptx: folder is read-only"):
        export_deck(rich_storyboard, Path("/proc/deck.pptx"))


def test_missing_folder_is_a_clear_error(rich_storyboard: Storyboard, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="folder does not exist"):
        export_deck(rich_storyboard, tmp_path / "no" / "such" / "deck.pptx")


def test_cli_disk_full_exits_1_without_traceback(
    rich_storyboard: Storyboard,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def no_space(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safe_write.os, "replace", no_space)
    out = tmp_path / "deck.pptx"
    code = main(["export", str(rich_storyboard.path), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert "cannot write deck.pptx: disk full" in err
    assert "Traceback" not in err
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".deck.pptx")]


def test_new_decks_get_ordinary_permissions(rich_storyboard: Storyboard, tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    export_deck(rich_storyboard, out)
    assert os.stat(out).st_mode & 0o777 == 0o644
