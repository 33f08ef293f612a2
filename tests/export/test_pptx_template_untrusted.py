"""A company template is untrusted input: nothing active or remote reaches the deck, bombs and
damage are refused quickly with a sentence naming the template, never a traceback."""

from __future__ import annotations

import textwrap
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pptx import Presentation

from briefing.cli import main
from briefing.errors import ExportError
from briefing.export.pptx import export_deck
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Storyboard
from tests.export import template_damage as damage
from tests.export.template_harness import URL, corporate_entries, export_on, save_template
from tests.export.template_hazards import deck_hazards

STORY = f"""
title: On a template from elsewhere
sources:
  report: {{title: A report, url: "{URL}"}}
sections:
  - title: Findings
    slides:
      - title: What we found
        notes: Notes.
        sources: [{{ref: report}}]
        bullets: [One, Two]
      - title: In numbers
        notes: Chart notes.
        chart: {{type: bar, categories: [a, b], series: [{{name: S, values: [1, 2]}}]}}
"""
TAIL = (
    "a deck never carries macros, ActiveX controls, embedded objects or links to outside files "
    "from a template"
)


@pytest.fixture
def story(tmp_path: Path) -> Storyboard:
    path = tmp_path / "story.yaml"
    path.write_text(textwrap.dedent(STORY).lstrip(), encoding="utf-8")
    return load_storyboard(path)


@pytest.fixture
def entries(tmp_path: Path) -> dict[str, bytes]:
    return corporate_entries(tmp_path)


_save = save_template


_export = export_on


@pytest.mark.parametrize(
    ("name", "main_type"),
    [
        ("corporate.pptm", damage.MACRO_MAIN),
        ("corporate.potm", damage.TEMPLATE_MACRO_MAIN),
        ("corporate.pptx", damage.PLAIN_MAIN),  # a .pptx holding a VBA project anyway
    ],
)
def test_macros_never_reach_the_deck(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path, name: str, main_type: str
) -> None:
    damage.add_macros(entries, main_type)
    deck, warnings = _export(story, _save(tmp_path, name, entries))
    assert warnings[0] == f"template {name}: left out macros (ppt/vbaProject.bin); {TAIL}"
    with zipfile.ZipFile(deck) as package:
        assert "ppt/vbaProject.bin" not in package.namelist()
        assert damage.PLAIN_MAIN.encode() in package.read("[Content_Types].xml")
        assert b"macroEnabled" not in package.read("[Content_Types].xml")
    prs = Presentation(str(deck))
    assert prs.slides[0].slide_layout.name == "Corporate Cover", "the template's layouts are still used"


def test_activex_controls_are_left_out_of_the_master(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path
) -> None:
    damage.add_activex(entries)
    deck, warnings = _export(story, _save(tmp_path, "buttons.pptx", entries))
    assert (
        warnings[0] == f"template buttons.pptx: left out ActiveX controls (ppt/activeX/activeX1.xml); {TAIL}"
    )
    master = Presentation(str(deck)).slide_master.element
    assert master.xpath(".//p:control") == []
    assert master.xpath("./p:cSld/p:spTree"), "the master itself is kept"


def test_an_ole_object_on_a_layout_is_left_out(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path
) -> None:
    layouts = [
        layout.name for layout in Presentation(str(_save(tmp_path, "plain.pptx", entries))).slide_layouts
    ]
    damage.add_ole(entries)
    deck, warnings = _export(story, _save(tmp_path, "ole.pptx", entries))
    assert (
        warnings[0] == f"template ole.pptx: left out embedded objects (ppt/embeddings/oleObject1.bin); {TAIL}"
    )
    kept = Presentation(str(deck)).slide_layouts
    assert [layout.name for layout in kept] == layouts, "the layout holding it is kept"
    assert "Object 1" not in [shape.name for shape in kept[0].shapes]


def test_an_ole_object_stored_as_a_picture_is_left_out(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path
) -> None:
    damage.add_disguised_ole(entries)
    deck, warnings = _export(story, _save(tmp_path, "disguised.pptx", entries))
    name = "ppt/slideLayouts/slideLayout1.xml (Worksheet)"
    assert warnings[0] == f"template disguised.pptx: left out embedded objects ({name}); {TAIL}"
    assert "Object 1" not in [shape.name for shape in Presentation(str(deck)).slide_layouts[0].shapes]


def test_links_to_a_server_are_left_out(story: Storyboard, entries: dict[str, bytes], tmp_path: Path) -> None:
    damage.add_external_image(entries)
    deck, warnings = _export(story, _save(tmp_path, "beacon.pptx", entries))
    assert warnings[0] == (
        "template beacon.pptx: left out links to outside files "
        f"(https://tracker.example/logo.png, https://phish.example/login); {TAIL}"
    )
    assert "Linked logo" not in [s.name for s in Presentation(str(deck)).slide_master.shapes]
    with zipfile.ZipFile(deck) as package:
        rels = b"".join(package.read(n) for n in package.namelist() if n.endswith(".rels"))
    assert rels.count(b'TargetMode="External"') == rels.count(URL.encode()) > 0, "only the source's url"


@pytest.mark.parametrize(
    "action", ["ppaction://macro?name=AutoRun", "PPAction://Program", "ppaction://ole?verb=0"]
)
def test_a_button_that_runs_something_loses_its_action(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path, action: str
) -> None:
    damage.add_macro_button(entries, action)
    deck, warnings = _export(story, _save(tmp_path, "button.pptx", entries))
    label = "click actions that run a macro, program or object"
    assert warnings[0] == f"template button.pptx: left out {label} ({action}); {TAIL}"
    button = next(s for s in Presentation(str(deck)).slide_master.shapes if s.name == "Run me")
    assert button.click_action.hyperlink.address is None, "the shape stays, without its action"


def test_everything_dropped_is_said_in_one_warning(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path
) -> None:
    for add in (damage.add_macros, damage.add_activex, damage.add_ole, damage.add_external_image):
        add(entries)
    template = _save(tmp_path, "everything.pptm", entries)
    deck, warnings = _export(story, template)
    dropped = [w for w in warnings if "left out" in w]
    assert dropped == [
        "template everything.pptm: left out macros (ppt/vbaProject.bin), ActiveX controls "
        "(ppt/activeX/activeX1.xml), embedded objects (ppt/embeddings/oleObject1.bin) and links to outside "
        f"files (https://tracker.example/logo.png, https://phish.example/login); {TAIL}"
    ]
    again = export_deck(story, tmp_path / "again.pptx", template=template)
    assert again.path.read_bytes() == deck.read_bytes(), "re-export stays byte-identical"


def test_duplicate_core_properties_give_a_deck(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path
) -> None:
    """As python-pptx's own ``tests/test_files/test_slides.pptx``: python-pptx alone raises ValueError."""
    damage.add_rel(
        entries,
        "",
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        "docProps/core.xml",
    )
    template = _save(tmp_path, "twice.pptx", entries)
    with pytest.raises(ValueError, match="multiple relationships"):
        Presentation(str(template)).core_properties  # noqa: B018
    deck, warnings = _export(story, template)
    assert not [w for w in warnings if "left out" in w]
    assert Presentation(str(deck)).core_properties.title == "On a template from elsewhere"


def _replace(part: str, blob: bytes) -> Callable[[dict[str, bytes]], bytes]:
    return lambda entries: damage.zip_bytes({**entries, part: blob})


def _without_rel(part: str, kind: str) -> Callable[[dict[str, bytes]], bytes]:
    def change(entries: dict[str, bytes]) -> bytes:
        rels = damage.rels_name(part)
        text = entries[rels].decode()
        start = text.index(f'Type="{kind}"')
        entries[rels] = (
            text[: text.rindex("<Relationship ", 0, start)] + text[text.index("/>", start) + 2 :]
        ).encode()
        return damage.zip_bytes(entries)

    return change


WIDE = b"<a>" + b"".join(b'<b i="%d"/>' % i for i in range(600_000)) + b"</a>"  # 9 MB, deflated about 6:1
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]><a:theme xmlns:a="http://schemas.openxmlformats.org/'
    b'drawingml/2006/main" name="&lol3;"/>'
)
DAMAGE = {
    "truncated master XML": (
        lambda e: _replace(damage.MASTER, e[damage.MASTER][: len(e[damage.MASTER]) // 2])(e),
        "ppt/slideMasters/slideMaster1.xml is not well-formed XML",
    ),
    "a layout relationship missing": (
        _without_rel(damage.MASTER, damage.RT + "slideLayout"),
        "ppt/slideMasters/slideMaster1.xml refers to relationship rId",
    ),
    "bare content types": (
        _replace(damage.CONTENT_TYPES, f'<Types xmlns="{damage.CT_NS}"/>'.encode()),
        "ppt/presentation.xml has no content type in [Content_Types].xml",
    ),
    "no content types at all": (
        lambda e: damage.zip_bytes({k: v for k, v in e.items() if k != damage.CONTENT_TYPES}),
        "not a PowerPoint .pptx or .potx file (it has no [Content_Types].xml)",
    ),
    "a master without its theme": (
        _without_rel(damage.MASTER, damage.RT + "theme"),
        "ppt/slideMasters/slideMaster1.xml has no theme (a slide master needs one)",
    ),
    "a master that is gone": (
        lambda e: damage.zip_bytes({k: v for k, v in e.items() if k != damage.MASTER}),
        "ppt/presentation.xml refers to ppt/slideMasters/slideMaster1.xml, which is not in the template",
    ),
    "entity expansion (billion laughs)": (
        _replace("ppt/theme/theme1.xml", LAUGHS),
        "ppt/theme/theme1.xml declares a DTD",
    ),
    "XML nested 10000 deep": (
        _replace("ppt/presProps.xml", b"<a>" * 10000 + b"</a>" * 10000),
        "ppt/presProps.xml is not well-formed XML (Excessive depth in document: 256 elements,",
    ),
    "a Word document": (
        lambda e: damage.zip_bytes(
            {
                "[Content_Types].xml": f'<Types xmlns="{damage.CT_NS}">'
                '<Override PartName="/word/document.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                "</Types>".encode(),
                "_rels/.rels": f'<Relationships xmlns="{damage.REL_NS}"><Relationship Id="rId1" Type="'
                f'{damage.RT}officeDocument" Target="word/document.xml"/></Relationships>'.encode(),
                "word/document.xml": b"<w:document xmlns:w='urn:w'/>",
            }
        ),
        "not a PowerPoint file (its main part word/document.xml is application/vnd.openxmlformats-"
        "officedocument.wordprocessingml.document.main+xml)",
    ),
    "600,000 tiny XML elements": (
        _replace("ppt/presProps.xml", WIDE),
        "ppt/presProps.xml holds over 500,000 XML elements",
    ),
    "the core properties related as something else": (
        lambda e: damage.zip_bytes(
            {**e, "_rels/.rels": e["_rels/.rels"].replace(b"metadata/core-properties", b"x")}
        ),
        "docProps/core.xml is reached as a x, not as a core-properties",
    ),
    "a password-protected file": (
        lambda e: damage.VBA.replace(b"\xcc\x61", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
        "it is password-protected or an old binary .ppt file",
    ),
    "a directory that lies about a part's size": (
        lambda e: damage.lying_zip(e, damage.MASTER),
        "ppt/slideMasters/slideMaster1.xml is damaged: it does not inflate as its zip directory says",
    ),
    "a part compressed 1000 to 1": (
        lambda e: damage.raw_zip(e, "ppt/media/big.png", *damage.zeros_deflated(32), 32 << 20),
        "ppt/media/big.png inflates 1011 times its stored size (a zip bomb?); at most 100 times",
    ),
}


@pytest.mark.parametrize("case", list(DAMAGE))
def test_damage_is_an_error_naming_the_template_and_the_part(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path, case: str
) -> None:
    change, expected = DAMAGE[case]
    template = _save(tmp_path, "damaged.pptx", change(entries))
    with pytest.raises(ExportError) as raised:
        export_deck(story, tmp_path / "deck.pptx", template=template)
    assert str(raised.value).startswith(f"cannot use template damaged.pptx: {expected}")
    assert not (tmp_path / "deck.pptx").exists()


def test_a_zip_bomb_is_refused_before_it_is_inflated(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path
) -> None:
    template = _save(tmp_path, "bomb.pptx", damage.bomb(entries, 1024))
    assert template.stat().st_size < 1.2e6  # 1 MB on disk, 1 GiB inflated
    started = time.perf_counter()
    with pytest.raises(ExportError) as raised:
        export_deck(story, tmp_path / "deck.pptx", template=template)
    assert time.perf_counter() - started < 0.5
    assert str(raised.value) == (
        "cannot use template bomb.pptx: ppt/media/image99.png inflates to 1024.0 MB; "
        "a template part may be at most 64.0 MB"
    )


def test_check_and_export_say_the_same_and_exit_1(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = _save(tmp_path, "damaged.pptx", DAMAGE["truncated master XML"][0](entries))
    out = tmp_path / "deck.pptx"
    assert main(["export", str(story.path), "-o", str(out), "--template", str(template)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("briefing export: error: cannot use template damaged.pptx: ppt/slideMasters/")
    assert "Traceback" not in err and not out.exists()
    assert main(["check", str(story.path), "--template", str(template)]) == 1
    said = capsys.readouterr().out.splitlines()
    at = said.index(f"{template}:1:1: error: {err.removeprefix('briefing export: error: ').strip()}")
    assert said[at + 1].startswith("  hint: open it in PowerPoint and save it again")


def test_check_reports_what_export_leaves_out(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damage.add_macros(entries)
    template = _save(tmp_path, "corporate.pptm", entries)
    assert main(["check", str(story.path), "--template", str(template)]) == 0
    warning = (
        f"{template}:1:1: warning: template corporate.pptm: left out macros (ppt/vbaProject.bin); {TAIL}"
    )
    assert warning in capsys.readouterr().out.splitlines()
    assert main(["check", str(story.path), "--template", str(tmp_path / "nope.pptx")]) == 2
    assert "template" in capsys.readouterr().err


def test_a_chart_on_a_layout_keeps_its_values_without_its_workbook(story: Storyboard, tmp_path: Path) -> None:
    template = damage.build_charted_template(tmp_path / "charted.pptx")
    deck, warnings = _export(story, template)
    assert warnings[0].startswith("template charted.pptx: left out embedded objects (ppt/embeddings/")
    chart_frame = next(s for s in Presentation(str(deck)).slide_layouts[0].shapes if s.has_chart)
    assert chart_frame.chart.plots[0].series[0].values == (19.2, 21.4), "the chart still shows its values"
    assert chart_frame.chart.part.chart_workbook.xlsx_part is None


def test_the_hazard_check_finds_every_hazard(entries: dict[str, bytes]) -> None:
    """``deck_hazards`` is not vacuous: on the raw hazardous template it finds each kind."""
    for add in (
        damage.add_macros,
        damage.add_activex,
        damage.add_ole,
        damage.add_external_image,
        damage.add_macro_button,
    ):
        add(entries)
    found = "\n".join(deck_hazards(damage.zip_bytes(entries), {URL}))
    for expected in (
        "part ppt/vbaProject.bin",
        "macroEnabled",
        "part ppt/activeX/activeX1.xml",
        "oleObject",
        "external relationship to https://tracker.example/logo.png",
        "a click action that runs something",
    ):
        assert expected in found


def test_check_says_what_the_template_lacks_once_for_several_files(
    story: Storyboard, entries: dict[str, bytes], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damage.add_macros(entries)
    template = _save(tmp_path, "corporate.pptm", entries)
    second = tmp_path / "second.yaml"
    second.write_text(story.path.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["check", str(story.path), str(second), "--template", str(template)]) == 0
    out = capsys.readouterr().out
    assert out.count("left out macros (ppt/vbaProject.bin)") == 1


def test_check_reports_a_damaged_template_even_when_the_storyboard_has_errors(
    entries: dict[str, bytes], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = _save(tmp_path, "damaged.pptx", DAMAGE["bare content types"][0](entries))
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: T\nsections: 5\n", encoding="utf-8")
    assert main(["check", str(broken), "--template", str(template)]) == 1
    out = capsys.readouterr().out
    expected = "error: cannot use template damaged.pptx: ppt/presentation.xml has no content type"
    assert f"{template}:1:1: {expected}" in out


def test_the_corpus_script_sorts_templates_into_decks_and_errors(
    entries: dict[str, bytes], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``python -m tests.export.template_corpus FOLDER``, as run on python-pptx's 68 test files."""
    from tests.export.template_corpus import main as corpus

    folder = tmp_path / "templates"
    folder.mkdir()
    damage.add_macros(entries)
    _save(folder, "macros.pptm", entries)
    _save(folder, "damaged.pptx", DAMAGE["truncated master XML"][0](entries))
    assert corpus([str(folder)]) == 0
    out, err = capsys.readouterr()
    assert err.strip() == "2 templates: 1 good decks, 1 clear errors, 0 bad"
    assert out.startswith("error damaged.pptx: briefing export: error: cannot use template damaged.pptx:")
    assert "good  macros.pptm: briefing export: warning: template macros.pptm: left out macros" in out
