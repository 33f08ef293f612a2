"""Every slide of a draft gets its own title, as a screen reader needs (the check warns otherwise).

A section's divider, its first slide and the closing Sources slide can be
drafted with the same words (a section "Overview" whose first slide is its
paragraph, a heading repeated as a table's title). Section titles are the
report's headings and keep their words (a heading used twice gets a numeral);
a slide that repeats one, or an earlier slide, gives way. A bullets slide takes
its title from its first point, in the drafter's words, as other slides do;
anything else gets a Roman numeral, as continuation slides do (a digit would
read as a figure the report does not state). Titles compare as the
accessibility check compares them: ignoring case and spacing.
"""

from __future__ import annotations

from briefing.draft.planned import PlannedSection

__all__ = ["distinct_titles"]


def distinct_titles(title: str, sections: list[PlannedSection], reserved: tuple[str, ...] = ()) -> None:
    """Rename, in place, every section or slide whose title an earlier slide (or ``reserved``) has."""
    from briefing.draft.plan import roman
    from briefing.draft.points import clipped, title_from_sentence

    seen = {_key(t) for t in (title, *reserved)}

    def own(text: str, first_point: str = "") -> str:
        candidate, number = text, 1
        if _key(candidate) in seen and first_point:
            candidate = clipped(title_from_sentence(first_point), 90) or text
        while _key(candidate) in seen:
            number += 1
            candidate = f"{text} ({roman(number)})"
        seen.add(_key(candidate))
        return candidate

    for section in sections:  # the report's headings first: they name the sections, slides give way
        section.title = own(section.title)
    for section in sections:
        for slide in section.slides:
            points = slide.body.get("bullets")
            first = points[0] if isinstance(points, list) and points and isinstance(points[0], str) else ""
            slide.title = own(slide.title, first)


def _key(title: str) -> str:
    return " ".join(title.split()).casefold()
