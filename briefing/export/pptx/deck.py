"""``export_deck``: a storyboard as an editable PowerPoint deck.

The deck is built in memory, normalized for byte-identical output, and only
then written (atomically) to ``out_path``: a failure anywhere, including an
exception raised by the ``progress`` callback, leaves no partial file and any
previous deck untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing.errors import BriefingError
from briefing.export.pptx.identity import mark_slide, slide_records, storyboard_digest, write_identity
from briefing.export.pptx.ink import Ink, add_ink
from briefing.export.pptx.notes import NotesWriter
from briefing.export.pptx.part_names import fast_part_names
from briefing.export.pptx.properties import set_properties
from briefing.export.pptx.reproducible import package_bytes
from briefing.export.pptx.safe_write import write_atomically
from briefing.export.pptx.sections import write_sections
from briefing.export.pptx.slide_parts import SlideAdder
from briefing.export.pptx.slides import build_slide
from briefing.export.pptx.style import DeckStyle
from briefing.export.pptx.template import Base, open_base, template_error
from briefing.export.pptx.template_colors import backdrop_of
from briefing.export.pptx.theme_fonts import set_theme_fonts
from briefing.layout import layout_slide
from briefing.layout.citations import speaker_notes
from briefing.layout.theme import resolve_theme
from briefing.outputs import refuse_inputs, storyboard_inputs
from briefing.progress import Progress
from briefing.review.views import fingerprints, slide_view
from briefing.storyboard.model import Storyboard


@dataclass(frozen=True)
class ExportReport:
    """What was written: where, how many slides, and anything the user should know."""

    path: Path
    slides: int
    warnings: tuple[str, ...] = ()


def export_deck(
    storyboard: Storyboard,
    out_path: Path,
    *,
    template: Path | None = None,
    progress: Progress | None = None,
    ink: Ink | None = None,
) -> ExportReport:
    """Write ``storyboard`` to ``out_path`` as a 16:9 deck: one slide per slide of the storyboard's deck
    (title, dividers, content, and the closing Sources slide), as the app shows them.

    ``ink``: strokes drawn during the talk, by slide index, drawn on their slides (``ink.py``).
    """
    out_path = Path(out_path)
    refuse_inputs(out_path, storyboard_inputs(storyboard, template))  # never the storyboard, its files
    data, warnings = build_deck(storyboard, template=template, progress=progress, ink=ink)
    write_atomically(out_path, lambda handle: handle.write(data))
    return ExportReport(out_path, len(storyboard.slides), tuple(warnings))


def build_deck(
    storyboard: Storyboard,
    *,
    template: Path | None = None,
    progress: Progress | None = None,
    ink: Ink | None = None,
) -> tuple[bytes, list[str]]:
    """The deck's bytes (deterministic) and the warnings raised while building it.

    On a template, whatever goes wrong while building on it (well-formed XML that python-pptx
    or our code cannot use) is an :class:`ExportError` naming the template, never a traceback.
    """
    base = open_base(template)
    try:
        data, notices = _build(storyboard, base, progress, ink, template)
        return data, [*base.warnings, *notices]
    except BriefingError:
        raise
    except Exception as error:
        if template is None:
            raise
        reason = f"building the deck on it failed ({type(error).__name__}: {error})"
        raise template_error(Path(template), reason) from error


def _build(
    storyboard: Storyboard, base: Base, progress: Progress | None, ink: Ink | None, template: Path | None
) -> tuple[bytes, list[str]]:
    """The deck's bytes, and what was done to make text readable on the template."""
    theme = resolve_theme(storyboard.theme)
    backdrop = backdrop_of(base, Path(template).name) if template is not None else None
    language = storyboard.language or "en"
    style = DeckStyle(theme, templated=base.templated, language=language, backdrop=backdrop)
    presentation = base.presentation
    if not base.templated:
        presentation.slide_master.background.fill.solid()
        style.apply_color(presentation.slide_master.background.fill.fore_color, theme.background)
    total = len(storyboard.slides)
    notes = NotesWriter(style.language)
    adder = SlideAdder(presentation)
    with fast_part_names(presentation.part.package):
        for index, slide in enumerate(storyboard.slides):
            layout = layout_slide(storyboard, index, theme)
            deck_slide = build_slide(
                adder, base.layouts, slide, layout, style, notes, speaker_notes(storyboard, slide)
            )
            mark_slide(deck_slide, slide.id)
            if ink and ink.get(index):
                add_ink(deck_slide, ink[index], presentation.slide_width)
            if progress is not None:
                progress(index + 1, total)
    write_sections(presentation, storyboard)
    set_properties(presentation, storyboard)
    records = slide_records([(slide.id, fingerprints(slide_view(slide))) for slide in storyboard.slides])
    write_identity(presentation, storyboard_digest(storyboard.path), records)
    set_theme_fonts(presentation.part.package, style.language, templated=base.templated)
    return package_bytes(presentation.part.package), list(style.notices.values())
