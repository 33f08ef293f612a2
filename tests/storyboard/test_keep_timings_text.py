"""Keep timings: the rehearsal's seconds become each slide's duration, and nothing else changes."""

from __future__ import annotations

import difflib
import textwrap
from pathlib import Path

import pytest

from briefing.storyboard import load_text
from briefing.storyboard.keep_timings import TimingsNotWritten, duration_text, with_durations

COMMENTED = textwrap.dedent(
    """\
    # Rehearsal copy: keep the comments!
    title: "Quarterly briefing"   # quoted on purpose
    duration: 10min

    sections:
      - title: Opening
        slides:
          - title: Why we are here  # the hook
            notes: |
              Say hello.

              Then the point.
            bullets: [One, Two]

          - id: money
            duration: '1:30'   # planned
            title: Where the money went
            stats: [{value: 48, prefix: "$", unit: bn, label: VC}]
      - title: Close
        slides:
          - {title: Thank you, bullets: [Questions]}
    """
)


def changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.ndiff(before.splitlines(), after.splitlines())
    return [line for line in diff if line[:1] in "+-"]


def test_only_duration_lines_change_and_comments_stay() -> None:
    after = with_durations(COMMENTED, {(0, 0): 52.4, (0, 1): 125, (1, 0): 30})
    assert changed_lines(COMMENTED, after) == [
        "+         duration: 52s",
        "-         duration: '1:30'   # planned",
        "+         duration: 2m05s   # planned",
        "-       - {title: Thank you, bullets: [Questions]}",
        "+       - {title: Thank you, bullets: [Questions], duration: 30s}",
    ]
    storyboard = load_text(after)
    durations = [slide.duration for section in storyboard.sections for slide in section.slides]
    assert durations == [52, 125, 30]


def test_new_duration_goes_under_the_title_at_the_keys_indentation() -> None:
    after = with_durations(COMMENTED, {(0, 0): 52})
    lines = after.splitlines()
    title_at = lines.index("      - title: Why we are here  # the hook")
    assert lines[title_at + 1] == "        duration: 52s"
    assert lines[title_at + 2] == "        notes: |"


def test_title_with_a_block_scalar_value() -> None:
    text = (
        "title: T\nsections:\n  - title: S\n    slides:\n"
        "      - title: >\n          Long\n          title\n        bullets: [a]\n"
    )
    after = with_durations(text, {(0, 0): 61})
    assert after.endswith("          title\n        duration: 1m01s\n        bullets: [a]\n")
    assert load_text(after).sections[0].slides[0].duration == 61


def test_crlf_files_keep_their_line_endings() -> None:
    text = "title: T\nsections:\n  - title: S\n    slides:\n      - title: A\n        bullets: [a]\n"
    text = text.replace("\n", "\r\n")
    after = with_durations(text, {(0, 0): 90})
    assert after == text.replace("title: A\r\n", "title: A\r\n        duration: 1m30s\r\n")


def test_last_line_without_newline() -> None:
    text = "title: T\nsections:\n  - title: S\n    slides:\n      - bullets: [a]\n        title: A"
    after = with_durations(text, {(0, 0): 5})
    assert after == text + "\n        duration: 5s\n"
    assert load_text(after).sections[0].slides[0].duration == 5


@pytest.mark.parametrize(
    ("seconds", "text"), [(0.2, "1s"), (45, "45s"), (60, "1min"), (95, "1m35s"), (3600, "60min")]
)
def test_duration_text_reads_back_as_the_same_seconds(seconds: float, text: str) -> None:
    from briefing.storyboard.durations import parse_duration

    assert duration_text(seconds) == text
    assert parse_duration(text) == max(1, round(seconds))


def test_a_slide_that_is_not_there_writes_nothing() -> None:
    with pytest.raises(TimingsNotWritten, match="no slide 9 in section 1"):
        with_durations(COMMENTED, {(0, 8): 10})


def test_text_that_does_not_parse_writes_nothing() -> None:
    with pytest.raises(TimingsNotWritten):
        with_durations("title: [unclosed\n", {(0, 0): 10})


def test_bundled_storyboard_keeps_every_byte_but_durations(bundled_storyboard: Path) -> None:
    text = bundled_storyboard.read_text(encoding="utf-8")
    storyboard = load_text(text, bundled_storyboard)
    positions = {
        (s, i): 40 + i for s, section in enumerate(storyboard.sections) for i in range(len(section.slides))
    }
    after = with_durations(text, positions)
    for line in changed_lines(text, after):
        assert line.lstrip("+- ").startswith("duration:"), line
    reloaded = load_text(after, bundled_storyboard)
    assert [sl.duration for se in reloaded.sections for sl in se.slides] == [
        40 + i for se in storyboard.sections for i in range(len(se.slides))
    ]
