"""Click builds and chart entrances: the slide's ``p:timing``, which python-pptx has no API for.

The deck presents like the app (``briefing show``):

* A bullets slide with ``build: true`` shows its first bullet at once and
  reveals each further top-level bullet on a click, fading it in as the app
  does (``BUILD_FADE_MS``, the app's ``text_item.FADE_MS``). A bullet's
  sub-bullets come with it, on the same click. So a slide takes as many
  clicks as the app has build steps after the first.
* A chart grows in when the slide appears, as the app's chart intro does
  (``CHART_INTRO_MS``, the app's ``chart_style.INTRO_MS``): bars wipe up from
  the axis, horizontal bars and lines wipe in from the left, pies sweep round
  like a wheel. The effect starts by itself ("after previous", first in the
  sequence), so it never holds data back for a click the app does not need.

The XML follows ECMA-376 Part 1, 19.5 (animation): a ``tmRoot`` time node
holding the ``mainSeq`` sequence; each click is one ``p:par`` whose start
condition is ``indefinite`` (wait for the next click); inside it, one
``p:par`` per group of effects starting together, and one ``p:par`` per
effect (``clickEffect`` first, then ``withEffect``, or ``afterEffect`` for
one that starts by itself when the slide begins). An entrance effect makes
its target visible (``p:set`` of ``style.visibility``) and then plays a
filter (``p:animEffect``). ``p:bldLst`` declares how each animated shape is
built: text by paragraph (``p:bldP build="p"``), the chart as one object.
Time node ids are numbered per slide in document order, so the XML is
deterministic.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from pptx.oxml.ns import qn

from briefing.export.pptx import xml
from briefing.layout import TextBox

BUILD_FADE_MS = 280  # the app's bullet fade (briefing.render.text_item.FADE_MS)
CHART_INTRO_MS = 500  # the app's chart intro (briefing.render.chart_style.INTRO_MS)


@dataclass(frozen=True)
class Entrance:
    """One of PowerPoint's entrance presets: its id and subtype, and the filter that draws it."""

    preset: int
    subtype: int
    filter: str


FADE = Entrance(10, 0, "fade")
WIPE_FROM_BOTTOM = Entrance(22, 4, "wipe(down)")  # the filter names the edge it starts from
WIPE_FROM_LEFT = Entrance(22, 8, "wipe(left)")
WHEEL = Entrance(21, 1, "wheel(1)")

#: Chart type -> the entrance closest to how the app's chart grows in.
CHART_ENTRANCES: dict[str, Entrance] = {
    "bar": WIPE_FROM_BOTTOM,
    "stacked": WIPE_FROM_BOTTOM,
    "hbar": WIPE_FROM_LEFT,
    "line": WIPE_FROM_LEFT,
    "area": WIPE_FROM_LEFT,
    "scatter": WIPE_FROM_LEFT,
    "pie": WHEEL,
    "donut": WHEEL,
}


def build_clicks(box: TextBox) -> list[list[int]]:
    """Paragraph indexes revealed by each click: build step 1, 2, ... (step 0 shows at once)."""
    last = max((p.step for p in box.paragraphs), default=0)
    return [[n for n, p in enumerate(box.paragraphs) if p.step == step] for step in range(1, last + 1)]


class _TimeNodes:
    """Numbers the time nodes of one slide, in document order."""

    def __init__(self) -> None:
        self.last = 0

    def __call__(self) -> int:
        self.last += 1
        return self.last


def _target(shape_id: int, paragraph: int | None) -> str:
    text = "" if paragraph is None else f'<p:txEl><p:pRg st="{paragraph}" end="{paragraph}"/></p:txEl>'
    return f'<p:tgtEl><p:spTgt spid="{shape_id}">{text}</p:spTgt></p:tgtEl>'


def _effect(ids: _TimeNodes, entrance: Entrance, node: str, target: str, duration_ms: int) -> str:
    """One entrance effect (``node``: clickEffect, withEffect or afterEffect) on ``target``."""
    return (
        f'<p:par><p:cTn id="{ids()}" presetID="{entrance.preset}" presetClass="entr" '
        f'presetSubtype="{entrance.subtype}" fill="hold" grpId="0" nodeType="{node}">'
        '<p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>'
        f'<p:set><p:cBhvr><p:cTn id="{ids()}" dur="1" fill="hold"><p:stCondLst><p:cond delay="0"/>'
        f"</p:stCondLst></p:cTn>{target}<p:attrNameLst><p:attrName>style.visibility</p:attrName>"
        '</p:attrNameLst></p:cBhvr><p:to><p:strVal val="visible"/></p:to></p:set>'
        f'<p:animEffect transition="in" filter="{entrance.filter}"><p:cBhvr>'
        f'<p:cTn id="{ids()}" dur="{duration_ms}"/>{target}</p:cBhvr></p:animEffect>'
        "</p:childTnLst></p:cTn></p:par>"
    )


def _step(ids: _TimeNodes, effects: Callable[[], list[str]], *, on_click: bool, main_seq: int) -> str:
    """One step of the main sequence: on the next click, or (``on_click=False``) as the slide begins."""
    outer, inner = ids(), ids()
    start = '<p:cond delay="indefinite"/>'
    if not on_click:
        start += f'<p:cond evt="onBegin" delay="0"><p:tn val="{main_seq}"/></p:cond>'
    return (
        f'<p:par><p:cTn id="{outer}" fill="hold"><p:stCondLst>{start}</p:stCondLst><p:childTnLst>'
        f'<p:par><p:cTn id="{inner}" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst>'
        "<p:childTnLst>" + "".join(effects()) + "</p:childTnLst></p:cTn></p:par>"
        "</p:childTnLst></p:cTn></p:par>"
    )


def timing_xml(
    *,
    text_id: int | None = None,
    clicks: Sequence[Sequence[int]] = (),
    chart_id: int | None = None,
    chart_type: str = "",
) -> str:
    """``p:timing`` for one slide: the chart's entrance (if any), then one click per entry of ``clicks``.

    Empty string when nothing on the slide moves.
    """
    clicks = [c for c in clicks if c] if text_id is not None else []
    if chart_id is None and not clicks:
        return ""
    ids = _TimeNodes()
    root, main_seq = ids(), ids()
    steps, builds = [], []
    if chart_id is not None:
        grow_in = partial(_grow_in, ids, chart_id, chart_type)
        steps.append(_step(ids, grow_in, on_click=False, main_seq=main_seq))
        builds.append(f'<p:bldGraphic spid="{chart_id}" grpId="0"><p:bldAsOne/></p:bldGraphic>')
    if text_id is not None and clicks:
        for paragraphs in clicks:
            click = partial(_click, ids, text_id, paragraphs)
            steps.append(_step(ids, click, on_click=True, main_seq=main_seq))
        builds.append(f'<p:bldP spid="{text_id}" grpId="0" build="p"/>')
    slide_target = "<p:tgtEl><p:sldTgt/></p:tgtEl>"
    return (
        f'<p:timing><p:tnLst><p:par><p:cTn id="{root}" dur="indefinite" restart="never" nodeType="tmRoot">'
        f'<p:childTnLst><p:seq concurrent="1" nextAc="seek"><p:cTn id="{main_seq}" dur="indefinite" '
        f'nodeType="mainSeq"><p:childTnLst>{"".join(steps)}</p:childTnLst></p:cTn>'
        f'<p:prevCondLst><p:cond evt="onPrev" delay="0">{slide_target}</p:cond></p:prevCondLst>'
        f'<p:nextCondLst><p:cond evt="onNext" delay="0">{slide_target}</p:cond></p:nextCondLst>'
        f"</p:seq></p:childTnLst></p:cTn></p:par></p:tnLst><p:bldLst>{''.join(builds)}</p:bldLst></p:timing>"
    )


def _grow_in(ids: _TimeNodes, chart_id: int, chart_type: str) -> list[str]:
    """The chart's entrance, starting by itself as the slide begins."""
    entrance = CHART_ENTRANCES.get(chart_type, FADE)
    return [_effect(ids, entrance, "afterEffect", _target(chart_id, None), CHART_INTRO_MS)]


def _click(ids: _TimeNodes, text_id: int, paragraphs: Sequence[int]) -> list[str]:
    """A bullet fading in on a click, its sub-bullets with it."""
    return [
        _effect(ids, FADE, "withEffect" if n else "clickEffect", _target(text_id, p), BUILD_FADE_MS)
        for n, p in enumerate(paragraphs)
    ]


def add_timing(slide_element: Any, timing: str) -> None:
    """Put ``timing`` into ``p:sld`` where the schema wants it: after any transition, before extLst."""
    if not timing:
        return
    for old in slide_element.findall(qn("p:timing")):
        slide_element.remove(old)
    element = xml.parse(timing)
    ext_list = slide_element.find(qn("p:extLst"))
    if ext_list is not None:
        ext_list.addprevious(element)
    else:
        slide_element.append(element)
