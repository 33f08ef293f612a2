"""Generated stakeholder edits: whatever words they type into a title, a bullet or a stat, the
storyboard says exactly that afterwards, still loads, and only the edited lines change."""

from __future__ import annotations

import shutil
import tempfile
from functools import cache
from pathlib import Path

from hypothesis import given, note, settings
from hypothesis import strategies as st
from pptx import Presentation

from briefing.export.pptx import build_deck
from briefing.review.importer import prepare_import, write_import
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Bullets, Stats
from tests.property.property_settings import examples
from tests.review import stakeholder as sh
from tests.review.conftest import REPO

WORDS = (
    st.text(
        alphabet=st.characters(categories=["L", "N", "P", "S"], exclude_characters="\u00ad") | st.just(" "),
        min_size=1,
        max_size=60,
    )
    .map(lambda text: " ".join(text.split()))
    .filter(bool)
)


@cache
def _deck_bytes() -> bytes:
    return build_deck(load_storyboard(REPO / "slides" / "shanghai-innovation.yaml"))[0]


def _import(edit: object) -> tuple[str, str, Path]:
    folder = Path(tempfile.mkdtemp(prefix="review-prop-"))
    try:
        shutil.copytree(REPO / "slides", folder / "talk")
        story = folder / "talk" / "shanghai-innovation.yaml"
        deck = folder / "deck.pptx"
        deck.write_bytes(_deck_bytes())
        prs = Presentation(str(deck))
        edit(prs)  # type: ignore[operator]
        prs.save(str(deck))
        old = story.read_text(encoding="utf-8")
        write_import(prepare_import(deck, story))
        return old, story.read_text(encoding="utf-8"), story
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


@settings(max_examples=examples(0.15))
@given(title=WORDS, bullet=WORDS)
def test_any_retyped_title_and_bullet_come_back_exactly(title: str, bullet: str) -> None:
    def edit(prs: object) -> None:
        slide = sh.slide_with_title(prs, "Three forces pulling in one direction")
        sh.set_paragraph(slide.shapes.title, 0, title)
        sh.set_paragraph(sh.shape_named(slide, "Body"), 1, bullet)

    old, new, story = _import(edit)
    note(new)
    storyboard = load_storyboard(story)
    slide = next(s for s in storyboard.slides if s.id == "three-forces")
    assert slide.title == title
    assert isinstance(slide.body, Bullets) and slide.body.items[1].text == bullet
    changed = [line for line in new.splitlines() if line not in old.splitlines()]
    assert len(changed) == 2, changed
    shutil.rmtree(story.parent.parent, ignore_errors=True)


@settings(max_examples=examples(0.15))
@given(value=st.integers(min_value=0, max_value=10**9), unit=st.sampled_from(["+", "%", " km²", "bn", ""]))
def test_any_retyped_stat_comes_back_as_that_number(value: int, unit: str) -> None:
    shown = f"{value:,}{unit}"

    def edit(prs: object) -> None:
        slide = sh.slide_with_title(prs, "From farmland to a science city")
        sh.set_paragraph(sh.shape_named(slide, "Stat Value", 1), 0, shown)

    _, _, story = _import(edit)
    storyboard = load_storyboard(story)
    stats = next(s for s in storyboard.slides if s.id == "park-scale").body
    assert isinstance(stats, Stats) and stats.items[1].display() == shown
    shutil.rmtree(story.parent.parent, ignore_errors=True)


@settings(max_examples=examples(0.1))
@given(data=st.data())
def test_any_reorder_and_deletion_of_slides_comes_back_as_the_decks_order(data: st.DataObject) -> None:
    storyboard = load_storyboard(REPO / "slides" / "shanghai-innovation.yaml")
    content = [s for s in storyboard.slides[:13] if s.kind not in ("title", "section")]  # sections 1-3
    order = data.draw(st.permutations(content))
    kept = data.draw(st.lists(st.booleans(), min_size=len(order), max_size=len(order)))
    kept[0] = True  # keep one so every section cannot vanish at once

    def edit(prs: object) -> None:
        first = 1  # after the title slide and the first divider
        slides = [sh.slide_with_title(prs, s.title) for s in order]
        for offset, slide in enumerate(slides):
            sh.move_slide(prs, slide, first + 1 + offset)
        for slide, keep in zip(slides, kept, strict=True):
            if not keep:
                sh.delete_slide(prs, slide)

    _, _, story = _import(edit)
    note(story.read_text(encoding="utf-8"))
    after = load_storyboard(story)
    wanted = [s.id for s, keep in zip(order, kept, strict=True) if keep]
    ids = [s.id for s in after.slides if s.id in {c.id for c in content}]
    assert ids == wanted
    assert [s.id for s in after.sections[0].slides] == wanted
    shutil.rmtree(story.parent.parent, ignore_errors=True)


@settings(max_examples=examples(0.2))
@given(
    part=st.sampled_from(
        [
            "ppt/slides/slide3.xml",
            "ppt/notesSlides/notesSlide3.xml",
            "ppt/charts/chart1.xml",
            "docProps/custom.xml",
        ]
    ),
    at=st.floats(min_value=0, max_value=1),
    junk=st.binary(min_size=1, max_size=40),
)
def test_a_deck_damaged_inside_its_parts_is_refused_or_read_never_a_traceback(
    part: str, at: float, junk: bytes
) -> None:
    sh.import_damaged(_deck_bytes(), part, at, junk)
