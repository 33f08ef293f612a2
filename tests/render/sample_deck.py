"""A storyboard with every slide kind, built in code (no loader needed)."""

from __future__ import annotations

from pathlib import Path

from briefing.storyboard.model import (
    Bullet,
    Bullets,
    Chart,
    Column,
    Compare,
    Image,
    Quote,
    Section,
    Series,
    Slide,
    Source,
    SourceRef,
    Stat,
    Stats,
    Storyboard,
    ThemeSpec,
)


def sample_storyboard(base: str = "dark", image: Path | None = None) -> Storyboard:
    report = SourceRef("report", phrase="spanning 25 square kilometers")
    slides_a = (
        Slide(
            title="A science city on former farmland",
            body=Stats(
                (
                    Stat(25, "Zhangjiang High-Tech Park", unit=" km²"),
                    Stat(16000, "tech firms", unit="+"),
                    Stat(48, "VC deployed in 2024", prefix="$", unit="bn"),
                )
            ),
            sources=(report,),
            section=0,
            notes="Start with scale.",
        ),
        Slide(
            title="Why talent comes to Shanghai",
            body=Bullets(
                (
                    Bullet("Four universities in the global top 100"),
                    Bullet("Over 300 multinational R&D centres", ("Microsoft Asia", "Tesla Gigafactory")),
                    Bullet("Fast-track visas for researchers and founders"),
                ),
                build=True,
            ),
            sources=(SourceRef("report", phrase="300 multinational R&D centres", note="count as of 2024"),),
            section=0,
        ),
        Slide(
            title="Monetizing innovation",
            body=Quote(
                "We're monetizing innovation itself.", "Wang Ying", "Chairwoman, Shanghai Technology Exchange"
            ),
            section=0,
        ),
    )
    slides_b = [
        Slide(
            title="Series A rounds are twice Berlin's",
            body=Chart(
                type="bar",
                categories=("Shanghai", "Berlin", "Paris"),
                series=(Series("Average Series A round", (25, 12, 14)),),
                prefix="$",
                unit="M",
                y_title="US$ million",
                caption="Averages of disclosed rounds, 2024",
            ),
            sources=(report,),
            section=1,
        ),
        Slide(
            title="Then and now",
            body=Compare(
                Column("Then", ("Manufacturing iPhones", "Low-cost assembly")),
                Column("Now", ("Quantum computing chips", "AI foundation models", "Biotech")),
            ),
            section=1,
        ),
    ]
    if image is not None:
        slides_b.append(
            Slide(
                title="Where it happens",
                body=Image(image, alt="Map of Zhangjiang", caption="Zhangjiang High-Tech Park, Pudong"),
                section=1,
            )
        )
    return Storyboard(
        title="Shanghai, Asia's new innovation hub",
        subtitle="What the investigative report found",
        author="Briefing team",
        date="2026-11-29",
        theme=ThemeSpec(base=base),  # type: ignore[arg-type]
        sources=(Source("report", "Shanghai as a technology innovation hub (investigative report)"),),
        sections=(
            Section("The rise of Zhangjiang", slides_a),
            Section("Money and momentum", tuple(slides_b)),
        ),
    )


def write_picture(folder: Path) -> Path:
    from PIL import Image as PILImage

    path = folder / "park.png"
    PILImage.new("RGB", (800, 450), (40, 90, 140)).save(path)
    return path


def index_of(storyboard: Storyboard, kind: str) -> int:
    return next(i for i, s in enumerate(storyboard.slides) if s.kind == kind)
