"""``check`` clean implies every output succeeds, and the deck shows what the app shows.

For each generated storyboard that ``briefing check`` accepts: the PowerPoint
export, the PNG render and a slide scene for every slide (offscreen) all
succeed; read back with python-pptx, the deck's texts (titles, bullets, stat
values, quotes, captions, footers), chart categories, series values, value
labels (the deck's number format applied the way PowerPoint applies it),
legends and notes equal what the presenter's scenes show.
"""

from __future__ import annotations

import math
import re
import tempfile
import zipfile
from pathlib import Path

import pytest
from deck_readback import (
    ChartView,
    SlideView,
    app_views,
    deck_views,
    labels_shown_in_deck,
)
from gen_storyboards import Case, storyboard_case, write_case
from hypothesis import event, given, note, settings
from property_settings import examples

from briefing.commands.check import check_file
from briefing.export.images import render_pngs
from briefing.export.pptx import export_deck
from briefing.layout.theme import resolve_theme
from briefing.storyboard import load_storyboard

#: Characters XML 1.0 cannot hold, plus the raw line breaks a deck must write as <a:br/>.
NOT_IN_DECK_TEXT = re.compile("[\x00-\x08\x0a-\x1f\ud800-\udfff\ufffe\uffff]")
PNG_SIZE = (384, 216)


def _same_numbers(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    if len(a) != len(b):
        return False
    return all(x == y or (math.isnan(x) and math.isnan(y)) for x, y in zip(a, b, strict=True))


def assert_charts_agree(index: int, app: ChartView, deck: ChartView) -> None:
    where = f"slide {index + 1} chart"
    assert deck.categories == app.categories, f"{where}: categories"
    assert [n for n, _ in deck.series] == [n for n, _ in app.series], f"{where}: series names"
    for (name, deck_values), (_, app_values) in zip(deck.series, app.series, strict=True):
        assert _same_numbers(deck_values, app_values), f"{where}: values of {name!r}"
    missing = labels_shown_in_deck(app.labels, deck.labels)
    assert not missing, f"{where}: app labels {missing} are not in the deck's labels {deck.labels}"
    if app.legend is not None:
        assert deck.legend == app.legend, f"{where}: legend"


def _by_role(texts: list[tuple[str, list[str]]]) -> dict[str, list[list[str]]]:
    """Texts grouped by layout role, in order (the deck puts the title first for screen readers)."""
    grouped: dict[str, list[list[str]]] = {}
    for role, paragraphs in texts:
        grouped.setdefault(role, []).append(paragraphs)
    return grouped


def assert_slides_agree(index: int, app: SlideView, deck: SlideView) -> None:
    where = f"slide {index + 1}"
    assert _by_role(deck.texts) == _by_role(app.texts), f"{where}: texts"
    assert (deck.chart is None) == (app.chart is None), f"{where}: chart present in one only"
    if app.chart is not None and deck.chart is not None:
        assert_charts_agree(index, app.chart, deck.chart)
    assert deck.notes.split() == app.notes.split(), f"{where}: notes"


def assert_deck_text_is_clean(deck: Path) -> None:
    """Slide text runs hold no raw line feed or character XML forbids (line breaks are <a:br/>)."""
    with zipfile.ZipFile(deck) as package:
        for name in package.namelist():
            if not re.fullmatch(r"ppt/(slides|notesSlides)/\w+\.xml", name):
                continue
            xml = package.read(name).decode("utf-8")
            for run_text in re.findall(r"<a:t>([^<]*)</a:t>", xml):
                bad = NOT_IN_DECK_TEXT.search(run_text)
                assert bad is None, f"{name}: {bad.group()!r} in a text run {run_text[:60]!r}"


def outputs_agree(case: Case) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = write_case(case, folder)
        note(f"storyboard:\n{path.read_text('utf-8', 'surrogateescape')}")
        errors = [d for d in check_file(path) if d.severity == "error"]
        if errors:
            event("check found errors")
            return
        event("check clean")
        storyboard = load_storyboard(path)
        theme = resolve_theme(storyboard.theme)
        deck = folder / "out" / "deck.pptx"
        deck.parent.mkdir()
        export_deck(storyboard, deck)
        pngs = render_pngs(storyboard, folder / "png", size=PNG_SIZE)
        assert len(pngs) == len(storyboard.slides) and all(p.stat().st_size for p in pngs)
        app = app_views(storyboard, theme)
        shown = deck_views(deck)
        assert len(shown) == len(app)  # the same slides, the closing Sources slide included
        for index, (app_slide, deck_slide) in enumerate(zip(app, shown, strict=True)):
            assert_slides_agree(index, app_slide, deck_slide)
        assert_deck_text_is_clean(deck)


@pytest.mark.usefixtures("qapp")
@settings(max_examples=examples(0.3))
@given(storyboard_case())
def test_check_clean_means_every_output_succeeds_and_agrees(case: Case) -> None:
    outputs_agree(case)
