"""What a user sees of a draft, as plain lists the tests compare exactly."""

from __future__ import annotations

from pathlib import Path

import yaml


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def slides(doc: dict) -> list[dict]:
    return [slide for section in doc["sections"] for slide in section["slides"]]


def section_titles(doc: dict) -> list[str]:
    return [section["title"] for section in doc["sections"]]


def figures(doc: dict) -> list[tuple[str, float, str, str]]:
    """(kind, value, prefix, unit) of every number shown, in deck order."""
    shown: list[tuple[str, float, str, str]] = []
    for slide in slides(doc):
        for stat in slide.get("stats", []):
            shown.append(("stat", stat["value"], stat.get("prefix", ""), stat.get("unit", "")))
        chart = slide.get("chart")
        if chart:
            for series in chart["series"]:
                for value in series["values"]:
                    shown.append(("chart", value, chart.get("prefix", ""), chart.get("unit", "")))
    return shown


def charts(doc: dict) -> list[tuple[str, list[str], list[float]]]:
    return [
        (slide["title"], slide["chart"]["categories"], slide["chart"]["series"][0]["values"])
        for slide in slides(doc)
        if "chart" in slide
    ]


def quotes(doc: dict) -> list[tuple[str, str, str]]:
    return [
        (s["quote"]["who"], s["quote"].get("role", ""), s["quote"]["text"])
        for s in slides(doc)
        if "quote" in s
    ]


def phrases(doc: dict) -> list[str]:
    return [ref["phrase"] for slide in slides(doc) for ref in slide.get("sources", [])]
