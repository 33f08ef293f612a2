"""Scoring a draft against a report's ground truth (tests/draft/truth/*.yaml), as a reader would.

A heading is reached when a section carries its words; a figure when a slide
shows one of its values and cites words of the report that hold it; a
quotation when a quote slide gives its words to the right speaker; an
injected line is warned when a warning names its words, and leaked when any
of its words reach the draft.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from briefing.sources import normalised
from tests.draft import draft_summary as summary

TRUTH = Path(__file__).parent / "truth"


@dataclass
class Score:
    sections: list[str]  # expected headings not reached
    figures: tuple[int, int]  # (reached, expected)
    missed_figures: list[str]
    quotes: tuple[int, int]
    missed_quotes: list[str]
    unwarned: list[str]
    leaked: list[str]

    def line(self, name: str) -> str:
        return (
            f"{name}: sections missing {self.sections}, figures {self.figures[0]}/{self.figures[1]}, "
            f"quotes {self.quotes[0]}/{self.quotes[1]}, "
            f"injected unwarned {self.unwarned}, leaked {self.leaked}"
        )


def truth(name: str) -> dict:
    return yaml.safe_load((TRUTH / name).read_text(encoding="utf-8"))


def _shown(slide: dict) -> list[float]:
    values = [float(stat["value"]) for stat in slide.get("stats", [])]
    chart = slide.get("chart")
    if chart:
        values += [float(v) for series in chart["series"] for v in series["values"]]
    return values


def _reached_figure(figure: dict, slides: list[dict]) -> bool:
    number = normalised(figure["number"])
    for slide in slides:
        cited = [normalised(ref["phrase"]) for ref in slide.get("sources", [])]
        shown = _shown(slide)
        if any(abs(v - float(w)) < 1e-9 for v in shown for w in figure["values"]) and any(
            number in phrase for phrase in cited
        ):
            return True
    return False


def _reached_quote(quote: dict, slides: list[dict]) -> bool:
    words = normalised(quote["words"])
    return any(
        s["quote"]["who"] == quote["speaker"] and words in normalised(s["quote"]["text"])
        for s in slides
        if "quote" in s
    )


def score(truth_data: dict, doc: dict, yaml_text: str, warnings: list[str]) -> Score:
    slides = summary.slides(doc)
    titles = summary.section_titles(doc)
    figures = [f["number"] for f in truth_data["figures"] if not _reached_figure(f, slides)]
    quotes = [q["speaker"] for q in truth_data["quotes"] if not _reached_quote(q, slides)]
    unwarned = []
    for injected in truth_data["injected"]:
        where = f":{injected['line']}:" if "line" in injected else ""
        if not any(injected["marker"] in w and where in w for w in warnings):
            unwarned.append(injected["marker"])
    words = [i["marker"] for i in truth_data["injected"]] + truth_data.get("never", [])
    return Score(
        [s for s in truth_data["sections"] if s not in titles],
        (len(truth_data["figures"]) - len(figures), len(truth_data["figures"])),
        figures,
        (len(truth_data["quotes"]) - len(quotes), len(truth_data["quotes"])),
        quotes,
        unwarned,
        [w for w in words if w in yaml_text],
    )
