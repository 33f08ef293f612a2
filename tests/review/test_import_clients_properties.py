"""Generated edits through decks shaped as PowerPoint and Google Slides save them: whatever words a
stakeholder types into a title, a bullet or a stat, the storyboard says what the deck shows
afterwards (PowerPoint's AutoCorrect curls the quotes one types), still loads, and only those
lines change."""

from __future__ import annotations

import functools
import shutil
import tempfile
from pathlib import Path

from hypothesis import given, note, settings
from hypothesis import strategies as st
from pptx import Presentation

from briefing.review.importer import prepare_import, write_import
from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Bullets, Stats
from tests.property.property_settings import examples
from tests.review import google_slides as google
from tests.review import powerpoint as pp
from tests.review import stakeholder as sh
from tests.review.conftest import REPO
from tests.review.test_import_properties import WORDS, _deck_bytes

BULLETS = "Three forces pulling in one direction"


def _import(edit: object, client: str) -> tuple[str, str, Path]:
    folder = Path(tempfile.mkdtemp(prefix="review-client-"))
    shutil.copytree(REPO / "slides", folder / "talk")
    story = folder / "talk" / "shanghai-innovation.yaml"
    deck = folder / "deck.pptx"
    deck.write_bytes(_deck_bytes())
    prs = Presentation(str(deck))
    edit(prs)  # type: ignore[operator]
    prs.save(str(deck))
    shaped = folder / "client.pptx"
    (pp.resave if client == "powerpoint" else google.export)(deck, shaped)
    old = story.read_text(encoding="utf-8")
    write_import(prepare_import(shaped, story))
    return old, story.read_text(encoding="utf-8"), story


def _typed(paragraph: object, text: str, client: str) -> str:
    """Type ``text`` as the client would; what the deck then shows."""
    if client == "powerpoint":
        pp.type_paragraph(paragraph, text)
        return pp.smart_quotes(text)
    paragraph.runs[0].text = text  # type: ignore[attr-defined]
    for run in paragraph.runs[1:]:  # type: ignore[attr-defined]
        run.text = ""
    return text


@settings(max_examples=examples(0.1))
@given(client=st.sampled_from(["powerpoint", "google"]), bullet=WORDS, value=st.integers(0, 10**7))
def test_any_bullet_and_stat_typed_in_a_client_come_back_as_the_deck_shows_them(
    client: str, bullet: str, value: int
) -> None:
    shown: dict[str, str] = {}

    def edit(prs: object) -> None:
        body = sh.shape_named(sh.slide_with_title(prs, BULLETS), "Body")
        shown["bullet"] = _typed(body.text_frame.paragraphs[1], bullet, client)
        stat = sh.shape_named(sh.slide_with_title(prs, "From farmland to a science city"), "Stat Value", 1)
        shown["stat"] = _typed(stat.text_frame.paragraphs[0], f"{value:,}+", client)

    old, new, story = _import(edit, client)
    try:
        note(new)
        slides = {s.id: s for s in load_storyboard(story).slides}
        bullets, stats = slides["three-forces"].body, slides["park-scale"].body
        assert isinstance(bullets, Bullets) and bullets.items[1].text == shown["bullet"]
        assert isinstance(stats, Stats) and stats.items[1].display() == shown["stat"]
        changed = [line for line in new.splitlines() if line not in old.splitlines()]
        assert len(changed) == 2, changed
    finally:
        shutil.rmtree(story.parent.parent, ignore_errors=True)


@settings(max_examples=examples(0.1))
@given(client=st.sampled_from(["powerpoint", "google"]), title=WORDS)
def test_any_title_typed_in_a_client_comes_back_as_the_deck_shows_it(client: str, title: str) -> None:
    """In Google's download (no markers) a retitled slide is still that slide: by its words or place."""
    shown: dict[str, str] = {}

    def edit(prs: object) -> None:
        slide = sh.slide_with_title(prs, BULLETS)
        shown["title"] = _typed(slide.shapes.title.text_frame.paragraphs[0], title, client)

    old, new, story = _import(edit, client)
    try:
        note(new)
        slide = next(s for s in load_storyboard(story).slides if s.id == "three-forces")
        assert slide.title == " ".join(shown["title"].split())
        assert len([line for line in new.splitlines() if line not in old.splitlines()]) == 1
    finally:
        shutil.rmtree(story.parent.parent, ignore_errors=True)


@functools.cache
def _google_bytes() -> bytes:
    folder = Path(tempfile.mkdtemp(prefix="review-google-"))
    try:
        (folder / "deck.pptx").write_bytes(_deck_bytes())
        return google.export(folder / "deck.pptx", folder / "google.pptx").read_bytes()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@settings(max_examples=examples(0.2))
@given(
    part=st.sampled_from(["ppt/slides/slide3.xml", "ppt/slides/slide6.xml", "ppt/presentation.xml"]),
    at=st.floats(min_value=0, max_value=1),
    junk=st.binary(min_size=1, max_size=40),
)
def test_a_damaged_google_download_is_refused_or_read_never_a_traceback(
    part: str, at: float, junk: bytes
) -> None:
    """The places read for Google's renamed boxes, on damaged slides: exit 0 or 1, untouched on 1."""
    sh.import_damaged(_google_bytes(), part, at, junk)
