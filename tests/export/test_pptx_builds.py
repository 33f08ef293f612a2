"""Builds and chart entrances in the deck, read back from the slide XML and compared with the app."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from briefing.app.presenting.deck_state import DeckState
from briefing.export.pptx import export_deck
from briefing.export.pptx.animations import BUILD_FADE_MS, CHART_INTRO_MS
from briefing.render.chart_style import INTRO_MS
from briefing.render.text_item import FADE_MS
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Bullets, Chart, Storyboard

NS = {
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}


def slide_roots(deck: Path) -> list[etree._Element]:
    """Each slide's XML, in deck order (slideN.xml is the N-th slide)."""
    with zipfile.ZipFile(deck) as package:
        names = [n for n in package.namelist() if n.startswith("ppt/slides/slide") and n.endswith(".xml")]
        names.sort(key=lambda n: int(n.rsplit("slide", 1)[1].split(".")[0]))
        return [etree.fromstring(package.read(n)) for n in names]


def effects(root: etree._Element, node_type: str) -> list[etree._Element]:
    return root.xpath(f".//p:timing//p:cTn[@nodeType='{node_type}']", namespaces=NS)


def app_clicks(storyboard: Storyboard) -> list[int]:
    """Presses of "next" the app spends on each slide before moving to the next one."""
    state = DeckState(storyboard)
    clicks = [0] * state.count
    while True:
        before = state.current
        state.next()
        if state.current == before:
            if before == state.count - 1 and state.step == storyboard.slides[before].steps - 1:
                break
            clicks[before] += 1
    return clicks


def paragraph_texts(root: etree._Element, shape_id: str) -> list[str]:
    shape = root.xpath(f".//p:sp[p:nvSpPr/p:cNvPr/@id='{shape_id}']", namespaces=NS)[0]
    return ["".join(p.xpath(".//a:t/text()", namespaces=NS)) for p in shape.xpath(".//a:p", namespaces=NS)]


def target(effect: etree._Element) -> tuple[str, int | None]:
    shape = effect.xpath(".//p:spTgt", namespaces=NS)[0]
    paragraph = shape.xpath("./p:txEl/p:pRg/@st", namespaces=NS)
    return shape.get("spid"), int(paragraph[0]) if paragraph else None


@pytest.fixture
def rich_deck(rich_storyboard: Storyboard, tmp_path: Path) -> list[etree._Element]:
    deck = tmp_path / "rich.pptx"
    export_deck(rich_storyboard, deck)
    return slide_roots(deck)


@pytest.mark.parametrize("which", ["bundled", "rich"])
def test_clicks_per_slide_equal_the_apps_build_steps(
    which: str, rich_storyboard: Storyboard, tmp_path
) -> None:
    storyboard = load_storyboard(None) if which == "bundled" else rich_storyboard
    deck = tmp_path / f"{which}.pptx"
    export_deck(storyboard, deck)
    roots = slide_roots(deck)
    deck_clicks = [len(effects(root, "clickEffect")) for root in roots[: len(storyboard.slides)]]
    assert deck_clicks == app_clicks(storyboard)
    assert sum(deck_clicks) > 0, "the storyboard has a build to compare"
    assert all(not effects(root, "clickEffect") for root in roots[len(storyboard.slides) :])


def test_each_click_reveals_one_bullet_with_its_sub_bullets(
    rich_storyboard: Storyboard, rich_deck: list[etree._Element]
) -> None:
    index = next(i for i, s in enumerate(rich_storyboard.slides) if s.title == "Bullets with a build")
    body = rich_storyboard.slides[index].body
    assert isinstance(body, Bullets)
    root = rich_deck[index]
    steps = root.xpath(".//p:cTn[@nodeType='mainSeq']/p:childTnLst/p:par", namespaces=NS)
    assert len(steps) == len(body.items) - 1, "the first bullet shows at once, as in the app"
    for step, item in zip(steps, body.items[1:], strict=True):
        assert step.xpath("./p:cTn/p:stCondLst/p:cond/@delay", namespaces=NS) == ["indefinite"]
        clicked = step.xpath(".//p:cTn[@nodeType='clickEffect']", namespaces=NS)
        with_it = step.xpath(".//p:cTn[@nodeType='withEffect']", namespaces=NS)
        assert len(clicked) == 1
        shape_id, first = target(clicked[0])
        texts = paragraph_texts(root, shape_id)
        assert texts[first] == item.text
        assert [texts[target(e)[1]] for e in with_it] == list(item.children)
    shown_at_once = paragraph_texts(root, shape_id)[0]
    animated = {target(e)[1] for e in root.xpath(".//p:timing//p:spTgt/..", namespaces=NS)}
    assert shown_at_once == body.items[0].text and 0 not in animated
    build = root.xpath(".//p:bldLst/p:bldP", namespaces=NS)
    assert [(b.get("spid"), b.get("build")) for b in build] == [(shape_id, "p")]


def test_build_fades_in_as_the_app_does(rich_deck: list[etree._Element]) -> None:
    fades = [f for root in rich_deck for f in root.xpath(".//p:animEffect", namespaces=NS)]
    text_fades = [f for f in fades if f.xpath(".//p:txEl", namespaces=NS)]
    assert text_fades and {f.get("filter") for f in text_fades} == {"fade"}
    durations = {f.xpath("./p:cBhvr/p:cTn/@dur", namespaces=NS)[0] for f in text_fades}
    assert durations == {str(BUILD_FADE_MS)} == {str(FADE_MS)}
    assert CHART_INTRO_MS == INTRO_MS


def test_charts_grow_in_by_themselves(rich_storyboard: Storyboard, rich_deck: list[etree._Element]) -> None:
    wanted = {
        "bar": "wipe(down)",
        "stacked": "wipe(down)",
        "hbar": "wipe(left)",
        "line": "wipe(left)",
        "area": "wipe(left)",
        "scatter": "wipe(left)",
        "pie": "wheel(1)",
        "donut": "wheel(1)",
    }
    seen = set()
    for slide, root in zip(rich_storyboard.slides, rich_deck, strict=False):
        if not isinstance(slide.body, Chart):
            continue
        assert not effects(root, "clickEffect"), "a chart never waits for a click the app does not need"
        (entrance,) = effects(root, "afterEffect")
        outer = entrance.xpath(
            "ancestor::p:par[parent::p:childTnLst/parent::p:cTn[@nodeType='mainSeq']]", namespaces=NS
        )[0]
        assert outer.xpath("./p:cTn/p:stCondLst/p:cond/@evt", namespaces=NS) == ["onBegin"]
        frame_id = root.xpath(".//p:graphicFrame/p:nvGraphicFramePr/p:cNvPr/@id", namespaces=NS)[0]
        shape_ids = root.xpath(".//p:cNvPr/@id", namespaces=NS)
        assert shape_ids.count(frame_id) == 1, "the entrance targets the chart and nothing else"
        assert target(entrance) == (frame_id, None)
        assert entrance.xpath(".//p:animEffect/@filter", namespaces=NS) == [wanted[slide.body.type]]
        assert root.xpath(".//p:bldLst/p:bldGraphic/@spid", namespaces=NS) == [frame_id]
        seen.add(slide.body.type)
    assert seen == set(wanted)


def test_slides_without_builds_or_charts_have_no_timing(
    rich_storyboard: Storyboard, rich_deck: list[etree._Element]
) -> None:
    for slide, root in zip(rich_storyboard.slides, rich_deck, strict=False):
        moving = isinstance(slide.body, Chart) or slide.steps > 1
        assert bool(root.xpath("./p:timing", namespaces=NS)) == moving, slide.title


def test_time_node_ids_are_unique_and_timing_sits_before_ext_list(rich_deck: list[etree._Element]) -> None:
    for root in rich_deck:
        ids = root.xpath(".//p:timing//p:cTn/@id", namespaces=NS)
        assert len(ids) == len(set(ids))
        children = [etree.QName(child).localname for child in root]
        if "timing" in children:
            assert children.index("timing") > children.index("clrMapOvr")
            assert children[-1] in ("timing", "extLst")
