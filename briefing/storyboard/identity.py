"""Stable identities for sections and slides: explicit ``id`` keys, else slugs of titles."""

from __future__ import annotations

import dataclasses
import re

from yaml.nodes import Node

from briefing.storyboard.model import Section, slugify
from briefing.storyboard.reader import Fields, KeyPath, Reader

ID = re.compile(r"^[\w][\w.:-]*$")


def assign_ids(reader: Reader, sections: list[Section], nodes: list[Node]) -> tuple[Section, ...]:
    """Explicit ids stay (duplicates are errors); others come from titles, made unique with -2, -3."""
    taken_sections = _unique([s.id for s in sections], [s.title for s in sections])
    slides = [slide for section in sections for slide in section.slides]
    slide_ids = iter(_unique([s.id for s in slides], [s.title for s in slides]))
    result = []
    for section, section_id in zip(sections, taken_sections, strict=True):
        new_slides = tuple(dataclasses.replace(slide, id=next(slide_ids)) for slide in section.slides)
        result.append(dataclasses.replace(section, id=section_id, slides=new_slides))
    return tuple(result)


def _unique(explicit: list[str], titles: list[str]) -> list[str]:
    taken = {i for i in explicit if i}
    ids: list[str] = []
    for given, title in zip(explicit, titles, strict=True):
        if given:
            ids.append(given)
            continue
        base = slugify(title)
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        taken.add(candidate)
        ids.append(candidate)
    return ids


def claim_id(reader: Reader, fields: Fields, what: str, kp: KeyPath, taken: dict[str, Node]) -> str:
    """The explicit ``id`` of a section or slide, checked for form and uniqueness ("" if none)."""
    value = fields.text("id", display=False)
    if not value or not isinstance(value, str):
        return ""
    node = fields.items["id"][1]
    if not ID.match(value):
        reader.error(
            node,
            f"'{value}' is not a usable {what} id",
            kp=(*kp, "id"),
            code="bad-id",
            hint="use letters, digits, '-', '_', '.' or ':', e.g. park-scale",
        )
    elif value in taken:
        first = taken[value].start_mark.line + 1
        hint = f"line {first} already uses it; ids must be unique"
        if taken[value] is node:  # `- *slide`: an alias repeats the whole mapping, its id too
            hint = (
                f"an alias (*name) repeats the {what} of line {first}, id and all; give the copy an id "
                f"of its own with a merge key: {{<<: *name, id: {value}-again}}"
            )
        reader.error(node, f"duplicate {what} id '{value}'", kp=(*kp, "id"), code="duplicate-id", hint=hint)
    else:
        taken[value] = node
    return value
