"""An unedited export comes back as no change, whatever the deck carries beyond the storyboard's data:
a stacked chart's totals (a hidden series) and citations in the talk's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.cli import main

STORYBOARD = """\
title: سوق
language: {language}
sources:
  r: {{title: Report, url: "https://example.org/report"}}
sections:
  - title: قسم
    slides:
      - title: أرباح وخسائر
        notes: "سطر\\nline two"
        sources: [{{ref: r, phrase: "x"}}]
        chart:
          type: stacked
          categories: ["2022", "2023"]
          series:
            - {{name: Gains, values: [30, 50]}}
            - {{name: Losses, values: [-17, -12]}}
"""


@pytest.mark.parametrize("language", ["ar", "zh-CN", "de", "en"])
def test_an_unedited_export_imports_nothing_and_diffs_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str
) -> None:
    story = tmp_path / "talk.yaml"
    story.write_text(STORYBOARD.format(language=language), encoding="utf-8")
    deck = tmp_path / "talk.pptx"
    assert main(["export", str(story), "-o", str(deck)]) == 0
    capsys.readouterr()
    assert main(["import", str(deck), "--into", str(story)]) == 0
    assert "would import 0 edits" in capsys.readouterr().err
    assert main(["diff", str(story), str(deck)]) == 0
    assert "no slide changed" in capsys.readouterr().out
