"""Sample charts for the chart tests and the PNG preview script (built in code, no loader)."""

from __future__ import annotations

from briefing.storyboard.model import Chart, Series

CITIES = ("Shanghai", "Berlin", "London", "Singapore", "San Francisco Bay Area")


def sample_chart(chart_type: str, **options: object) -> Chart:
    if chart_type in ("pie", "donut"):
        return Chart(
            type=chart_type,
            categories=("Semiconductors", "AI", "Biotech", "Fintech", "Other"),
            series=(Series("Share of VC", (38, 27, 18, 12, 5)),),
            unit="%",
            **options,
        )
    if chart_type == "scatter":
        return Chart(
            type="scatter",
            categories=("1", "3", "4.5", "7", "9", "12"),
            series=(Series("Firms", (3, 8, 11, 14, 22, 25)), Series("Patents", (5, 6, 9, 18, 17, 30))),
            x_title="Years since founding",
            y_title="Count",
            **options,
        )
    if chart_type in ("line", "area"):
        years = tuple(str(y) for y in range(2016, 2025))
        return Chart(
            type=chart_type,
            categories=years,
            series=(
                Series("Shanghai", (12, 15, 19, 24, 22, 30, 38, 41, 48)),
                Series("Shenzhen", (10, 11, 14, 16, 18, 21, 25, 26, 30)),
            ),
            prefix="$",
            unit="bn",
            y_title="VC deployed, US$ bn",
            **options,
        )
    return Chart(
        type=chart_type,
        categories=CITIES[:4],
        series=(
            Series("Average Series A", (25, 12, 15, 18)),
            Series("Median seed", (4, 3.5, 5, 4.2)),
        ),
        prefix="$",
        unit="M",
        y_title="US$ million",
        **options,
    )
