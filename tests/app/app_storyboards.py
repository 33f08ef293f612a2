"""Storyboards built in code for app tests (no YAML, no loader needed)."""

from __future__ import annotations

from briefing.storyboard.model import (
    Bullet,
    Bullets,
    Chart,
    Quote,
    Section,
    Series,
    Slide,
    Stat,
    Stats,
    Storyboard,
)


def bullets_slide(title: str, *, build: bool = False, items: int = 3, **extra: object) -> Slide:
    body = Bullets(tuple(Bullet(f"{title} point {n}") for n in range(1, items + 1)), build=build)
    return Slide(
        title=title, body=body, notes=f"Notes for {title}.", id=extra.pop("id", title.lower()), **extra
    )  # type: ignore[arg-type]


def make_storyboard(*, extra_first: Slide | None = None, duration: float | None = 600) -> Storyboard:
    """Deck: 0 title, 1 divider A, 2 one, 3 build (3 steps), 4 chart, 5 divider B, 6 quote, 7 stats."""
    chart = Chart(type="bar", categories=("a", "b"), series=(Series("s", (1.0, 2.0)),))
    section_a = [
        bullets_slide("One", section=0, line=10, duration=60),
        bullets_slide("Build", build=True, section=0, line=20),
        Slide(title="Chart", body=chart, notes="Chart notes", section=0, line=30, id="chart"),
    ]
    if extra_first is not None:
        section_a.insert(0, extra_first)
    section_b = [
        Slide(title="Quote", body=Quote("Words", "Someone"), section=1, line=40, id="quote"),
        Slide(title="Stats", body=Stats((Stat(25, "km"),)), section=1, line=50, id="stats"),
    ]
    return Storyboard(
        title="Test talk",
        sections=(
            Section("Alpha", tuple(section_a), duration=240, id="alpha", line=5),
            Section("Beta", tuple(section_b), id="beta", line=35),
        ),
        duration=duration,
        notes="Title notes",
    )
