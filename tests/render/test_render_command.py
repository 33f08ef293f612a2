"""`briefing render`: option parsing, PNGs and PDF from a storyboard file, errors."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtGui import QImage

from briefing.cli import main
from briefing.commands.render import parse_size, parse_slides, select_slides

DECK = """
title: Render test
sources:
  report: {title: The report}
sections:
  - title: Part one
    slides:
      - title: Numbers
        sources: [{ref: report, phrase: "25 square kilometers"}]
        stats: [{value: 25, unit: " km²", label: park}]
      - title: Points
        bullets: [one, two]
      - title: Voice
        quote: {text: "Hello.", who: Someone}
"""


def test_slides_lists_and_ranges():
    assert parse_slides("1-3,7") == [(1, 3), (7, 7)]
    assert parse_slides(" 2 , 5- ") == [(2, 2), (5, None)]
    assert select_slides([(1, 3), (7, 7)], 10) == [0, 1, 2, 6]
    assert select_slides([(2, 3), (1, 2)], 5) == [1, 2, 0]
    assert select_slides([(4, None)], 5) == [3, 4]
    with pytest.raises(ValueError, match="no slide 9"):
        select_slides([(1, 9)], 5)


@pytest.mark.parametrize("bad", ["", "a", "0", "3-1", "1,,2", "1-2-3", "-2"])
def test_bad_slide_lists_are_rejected(bad):
    with pytest.raises(argparse.ArgumentTypeError):
        parse_slides(bad)


def test_sizes():
    assert parse_size("1280x720") == (1280, 720)
    assert parse_size("640X360") == (640, 360)
    for bad in ("1280", "x720", "0x0", "99999x10", "12.5x3"):
        with pytest.raises(argparse.ArgumentTypeError):
            parse_size(bad)


def test_render_writes_chosen_pngs_and_a_pdf(qtbot, tmp_path, write_storyboard, capsys):
    path = write_storyboard(DECK)
    out = tmp_path / "png"
    pdf = tmp_path / "deck.pdf"
    code = main(
        ["render", str(path), "-o", str(out), "--size", "480x270", "--slides", "1,3-4", "--pdf", str(pdf)]
    )
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["slide-001.png", "slide-003.png", "slide-004.png"]
    assert QImage(str(out / "slide-003.png")).size().toTuple() == (480, 270)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "wrote 3 PNGs" in capsys.readouterr().err


def test_invalid_storyboard_prints_errors_and_exits_1(qtbot, tmp_path, write_storyboard, capsys):
    path = write_storyboard("title: Broken\nsections: []\nbogus: 1\n")
    assert main(["render", str(path), "-o", str(tmp_path / "png")]) == 1
    err = capsys.readouterr().err
    assert f"{path}:" in err and "error" in err
    assert not (tmp_path / "png").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["--slides", "x"],
        ["--size", "big"],
        ["--slides", "99"],
        [],  # nothing to write
        ["--notes"],  # notes without --pdf
    ],
)
def test_usage_errors_exit_2(qtbot, tmp_path, write_storyboard, args):
    path = write_storyboard(DECK)
    extra = ["-o", str(tmp_path / "png")] if args and args[0] != "--notes" else []
    with pytest.raises(SystemExit) as exit_info:
        main(["render", str(path), *extra, *args])
    assert exit_info.value.code == 2


def _pixel(path):
    return QImage(str(path)).pixelColor(5, 5).name()


def test_a_full_render_removes_only_the_pngs_it_wrote_for_a_longer_deck(
    qtbot, tmp_path, write_storyboard, capsys
):
    long_deck = DECK + "      - {title: Six, bullets: [a]}\n      - {title: Seven, bullets: [b]}\n"
    out = tmp_path / "png"
    assert main(["render", str(write_storyboard(long_deck)), "-o", str(out), "--size", "160x90"]) == 0
    (out / "slide-012.png").write_bytes(b"a picture of the user's, with our naming")
    (out / "slide-7.png").write_bytes(b"not our naming")
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    capsys.readouterr()
    assert main(["render", str(write_storyboard(DECK)), "-o", str(out), "--size", "160x90"]) == 0
    names = sorted(p.name for p in out.iterdir())
    # 6 slides now (title, divider, three, Sources), 8 before
    assert names == ["notes.txt", *(f"slide-00{n}.png" for n in range(1, 7)), "slide-012.png", "slide-7.png"]
    err = capsys.readouterr().err
    removed = "removed 2 PNGs (slide-007.png, slide-008.png) that an earlier render wrote for a longer deck"
    assert removed in err
    assert "kept 1 PNG (slide-012.png) beyond the deck: not written by briefing render" in err


def test_a_full_render_never_removes_a_png_it_did_not_write(qtbot, tmp_path, write_storyboard, capsys):
    path = write_storyboard(DECK)  # 6 slides: title, divider, three, Sources
    out = tmp_path / "png"
    out.mkdir()
    (out / "slide-050.png").write_bytes(b"the user's own picture")
    assert main(["render", str(path), "-o", str(out), "--size", "160x90"]) == 0
    assert (out / "slide-050.png").read_bytes() == b"the user's own picture"
    err = capsys.readouterr().err
    assert "removed" not in err
    assert "kept 1 PNG (slide-050.png) beyond the deck: not written by briefing render" in err


def test_a_png_of_ours_changed_since_is_kept(qtbot, tmp_path, write_storyboard, capsys):
    long_deck = DECK + "      - title: Six\n        bullets: [a]\n"
    out = tmp_path / "png"
    assert main(["render", str(write_storyboard(long_deck)), "-o", str(out), "--size", "160x90"]) == 0
    from PIL import Image as PILImage
    from PIL.PngImagePlugin import PngInfo

    with PILImage.open(out / "slide-007.png") as picture:  # touched up in an editor that keeps text chunks
        picture.load()
        info = PngInfo()
        for key, value in picture.text.items():
            info.add_text(key, value)
        picture.putpixel((3, 3), (255, 0, 0))
        picture.save(out / "slide-007.png", pnginfo=info)
    edited = (out / "slide-007.png").read_bytes()
    assert main(["render", str(write_storyboard(DECK)), "-o", str(out), "--size", "160x90"]) == 0
    assert (out / "slide-007.png").read_bytes() == edited
    assert "kept 1 PNG (slide-007.png) beyond the deck: changed since briefing render wrote them" in (
        capsys.readouterr().err
    )


def test_a_png_of_ours_copied_under_another_number_is_still_ours(qtbot, tmp_path, write_storyboard, capsys):
    out = tmp_path / "png"
    assert main(["render", str(write_storyboard(DECK)), "-o", str(out), "--size", "160x90"]) == 0
    (out / "slide-009.png").write_bytes((out / "slide-002.png").read_bytes())
    assert main(["render", str(write_storyboard(DECK)), "-o", str(out), "--size", "160x90"]) == 0
    assert not (out / "slide-009.png").exists()
    assert "removed 1 PNG (slide-009.png)" in capsys.readouterr().err


def test_a_partial_render_leaves_other_pngs(qtbot, tmp_path, write_storyboard):
    path = write_storyboard(DECK)
    out = tmp_path / "png"
    out.mkdir()
    (out / "slide-009.png").write_bytes(b"old")
    assert main(["render", str(path), "-o", str(out), "--size", "160x90", "--slides", "1"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["slide-001.png", "slide-009.png"]


def test_a_png_set_never_replaces_an_image_the_storyboard_uses(qtbot, tmp_path, write_storyboard, capsys):
    from PIL import Image as PILImage

    PILImage.new("RGB", (32, 18), "red").save(tmp_path / "slide-002.png")
    path = write_storyboard(DECK.replace("      - title: Voice", "      - title: Picture\n"
                                        "        image: {path: slide-002.png, alt: red}\n"
                                        "      - title: Voice"))
    before = (tmp_path / "slide-002.png").read_bytes()
    assert main(["render", str(path), "-o", str(tmp_path), "--size", "160x90"]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"briefing render: error: cannot write {tmp_path / 'slide-002.png'}: it is an image the storyboard "
        f"uses ({tmp_path / 'slide-002.png'}); choose another output name\n"
    )
    assert (tmp_path / "slide-002.png").read_bytes() == before
    assert not (tmp_path / "slide-001.png").exists()


def test_the_pdf_never_replaces_the_storyboard(qtbot, tmp_path, write_storyboard, capsys):
    path = write_storyboard(DECK)
    before = path.read_bytes()
    assert main(["render", str(path), "--pdf", str(path)]) == 1
    assert "it is the storyboard" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_pdf_into_a_new_folder_and_read_only_targets(qtbot, tmp_path, write_storyboard, capsys):
    path = write_storyboard(DECK)
    assert main(["render", str(path), "--pdf", f"{tmp_path}/handouts/", "--slides", "1"]) == 0
    assert (tmp_path / "handouts" / "deck.pdf").read_bytes().startswith(b"%PDF")
    locked = tmp_path / "handouts" / "deck.pdf"
    locked.chmod(0o444)
    before = locked.read_bytes()
    assert main(["render", str(path), "--pdf", str(locked)]) == 1
    assert f"cannot write {locked}: the file is read-only" in capsys.readouterr().err
    assert locked.read_bytes() == before
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    assert main(["render", str(path), "-o", str(tmp_path / "a-file")]) == 1
    assert capsys.readouterr().err == (
        f"briefing render: error: cannot write into {tmp_path / 'a-file'}: it is a file, not a folder\n"
    )


def test_a_failed_pdf_keeps_the_previous_one(qtbot, tmp_path, write_storyboard, monkeypatch):
    import briefing.export.images as images
    from briefing.errors import ExportError

    path = write_storyboard(DECK)
    pdf = tmp_path / "deck.pdf"
    pdf.write_bytes(b"%PDF previous handout")

    def broken_page(*args):
        raise ExportError("stopped mid-way")

    monkeypatch.setattr(images, "_slide_page", broken_page)
    assert main(["render", str(path), "--pdf", str(pdf)]) == 1
    assert pdf.read_bytes() == b"%PDF previous handout"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pdf", "deck.yaml"]


def test_a_failed_png_keeps_the_previous_one(qtbot, tmp_path, write_storyboard, monkeypatch):
    import PIL.Image

    path = write_storyboard(DECK)
    out = tmp_path / "png"
    out.mkdir()
    (out / "slide-001.png").write_bytes(b"previous")

    def full_disk(self, fp, *args, **kwargs):
        fp.write(b"half a png")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(PIL.Image.Image, "save", full_disk)
    assert main(["render", str(path), "-o", str(out), "--slides", "1"]) == 1
    assert (out / "slide-001.png").read_bytes() == b"previous"
    assert sorted(p.name for p in out.iterdir()) == ["slide-001.png"]
