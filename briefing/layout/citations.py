"""How a source is cited, decided once for the app, the PDF handout and the deck.

A source's details (title, publisher, date, url) are written the same way
wherever they appear: in a slide's footer (the app, PNG/PDF and the deck draw
the same footer box), at the end of the speaker notes (deck notes pages and
the PDF handout's notes pages) and on the deck's closing Sources slide. A
footer or Sources-slide paragraph citing a source with a ``url`` carries it
as :attr:`Paragraph.link`, which the deck writes as a hyperlink.

No Qt, no python-pptx here.
"""

from __future__ import annotations

from briefing.i18n import LanguageTag, parse_tag, strings_for
from briefing.i18n.scripts import keep_order
from briefing.layout.boxes import Paragraph
from briefing.storyboard.model import SOURCES_TITLE, Slide, Source, SourceRef, SourcesBody, Storyboard


def source_label(source: Source) -> str:
    """'Title (Publisher, date)': the title with whichever details the storyboard gives."""
    details = ", ".join(part for part in (source.publisher, source.date) if part)
    return f"{source.title} ({details})" if details else source.title


def _source(storyboard: Storyboard, ref: str) -> Source:
    return storyboard.source(ref) or Source(id=ref, title=ref)


def _words(ref: SourceRef) -> str:
    """'“phrase” (note)': what a citation points at in its source."""
    part = f"“{ref.phrase}”" if ref.phrase else ""
    if ref.note:
        part = f"{part} ({ref.note})" if part else f"({ref.note})"
    return part


def _cited(storyboard: Storyboard, slide: Slide) -> dict[str, tuple[Source, list[str]]]:
    """Source id -> (source, the words cited from it), in citation order. In a right-to-left
    talk an English phrase keeps its closing quote at its end (``keep_order``)."""
    rtl = _rtl(storyboard)
    cited: dict[str, tuple[Source, list[str]]] = {}
    for ref in slide.sources:
        _, words = cited.setdefault(ref.ref, (_source(storyboard, ref.ref), []))
        if part := _words(ref):
            words.append(keep_order(part, rtl))
    return cited


def _rtl(storyboard: Storyboard) -> bool:
    tag = parse_tag(storyboard.language)
    return isinstance(tag, LanguageTag) and tag.rtl


def _label(storyboard: Storyboard, source: Source) -> str:
    return keep_order(source_label(source), _rtl(storyboard))


def footer_paragraphs(storyboard: Storyboard, slide: Slide) -> tuple[Paragraph, ...]:
    """'Source: label — “phrase” (note); “phrase”': one paragraph per cited source, linked to its url."""
    strings = strings_for(storyboard.language)
    return tuple(
        Paragraph(
            strings.source_line(_label(storyboard, source)) + (" — " + "; ".join(words) if words else ""),
            link=source.url,
        )
        for source, words in _cited(storyboard, slide).values()
    )


def citation_notes(storyboard: Storyboard, slide: Slide) -> tuple[str, ...]:
    """The slide's citations in full, one paragraph each, for the end of the speaker notes."""
    lines = []
    strings = strings_for(storyboard.language)
    for source, words in _cited(storyboard, slide).values():
        line = strings.source_line(_label(storyboard, source))
        if source.url:
            line += f", {source.url}"
        lines.append(line + (" — " + "; ".join(words) if words else ""))
    return tuple(lines)


def speaker_notes(storyboard: Storyboard, slide: Slide) -> str:
    """The slide's notes followed by its citations (blank lines between paragraphs); the Sources
    slide's notes list every source with its link."""
    if isinstance(slide.body, SourcesBody):
        entries = [source_label(s) + (f", {s.url}" if s.url else "") for s in slide.body.sources]
        return "\n\n".join([slide.notes.strip(), *entries]).strip()
    return "\n\n".join(part for part in (slide.notes.strip(), *citation_notes(storyboard, slide)) if part)


def cited_sources(storyboard: Storyboard) -> tuple[Source, ...]:
    """Every source a slide cites, once, in order of first citation."""
    return storyboard.cited_sources


def sources_paragraphs(sources: tuple[Source, ...]) -> tuple[Paragraph, ...]:
    """The Sources slide's list: each source as a bullet, its address on the line under it.

    The link is on the source's label, not on the address: a screen reader announces a
    link by its text, and an address read out character by character says nothing (WCAG
    2.4.4, PowerPoint's "unclear hyperlink text"). The address stays as plain text so a
    printed deck or handout still says where to find the source.
    """
    paragraphs: list[Paragraph] = []
    for number, source in enumerate(sources):
        paragraphs.append(
            Paragraph(source_label(source), bullet=True, space_before=0.6 if number else 0.0, link=source.url)
        )
        if source.url:
            paragraphs.append(Paragraph(source.url, level=1, scale=0.82, space_before=0.25))
    return tuple(paragraphs)


__all__ = ["SOURCES_TITLE", "cited_sources", "footer_paragraphs", "source_label", "speaker_notes"]
