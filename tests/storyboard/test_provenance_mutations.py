"""Mutation testing of ``check --source``: one doubting stakeholder's change at a time must be caught.

The storyboards are the bundled one (against the shared report), a hand-written
one on a test report (``provenance_data/``), and the drafts
of every test report (drafted here by ``briefing draft``; the Word report's
blocks also printed as a PDF) and of the shared report. Each mutant makes
one change (see ``provenance_mutants``); the check must report an error at a
line the change touched, for at least 95 of 100 mutants (fixed seed). The
unchanged storyboards and neutral edits (typography inside phrases and quotes,
notes reflowed, keys reordered) must check without an error or a provenance
warning.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from briefing.commands.check import check_file
from briefing.draft import draft_report
from briefing.errors import Diagnostic
from tests.draft.pdf_report import build_pdf
from tests.draft.word_report import build_docx
from tests.shared_report import REPO_ROOT, shared_report
from tests.storyboard.provenance_mutants import KINDS, Deck, Mutant, mutants

SEED = 16
MUTANTS = 100
REPORTS = sorted((REPO_ROOT / "tests" / "draft" / "reports").iterdir())
PROVENANCE_WARNINGS = {"uncited-figure", "source-file"}


@pytest.fixture(scope="module")
def decks(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> list[tuple[Deck, dict[str | None, Path]]]:
    folder = tmp_path_factory.mktemp("decks")
    bundled = folder / "bundled"
    shutil.copytree(REPO_ROOT / "slides", bundled)
    found = [(Deck.read(bundled / "shanghai-innovation.yaml"), {"report": shared_report()})]
    hand = folder / "hand"
    shutil.copytree(Path(__file__).parent / "provenance_data", hand)
    harbour = REPO_ROOT / "tests" / "draft" / "reports" / "harbour-towns.txt"
    bees = REPO_ROOT / "tests" / "draft" / "reports" / "city-bees.md"
    found.append((Deck.read(hand / "harbour-briefing.yaml"), {"report": harbour, "bees": bees}))
    request.getfixturevalue("qapp")  # the PDF report is printed by Qt
    reports = [_report(path, folder) for path in REPORTS]
    reports += [_pdf(path, folder) for path in REPORTS if path.name.endswith(".blocks.yaml")]
    for report in [*reports, shared_report()]:
        output = folder / f"{report.stem}-draft.yaml"
        output.write_text(draft_report(report, output).yaml, encoding="utf-8")
        found.append((Deck.read(output), {}))
    return found


def _report(path: Path, folder: Path) -> Path:
    """A test report as ``briefing draft`` takes it: a Word report is built from its blocks."""
    if not path.name.endswith(".blocks.yaml"):
        return path
    blocks = yaml.safe_load(path.read_text(encoding="utf-8"))
    return build_docx(folder / path.name.replace(".blocks.yaml", ".docx"), [tuple(b) for b in blocks])


def _pdf(path: Path, folder: Path) -> Path:
    """The Word report's blocks printed as a PDF, as the drafter's ground-truth tests do."""
    blocks = yaml.safe_load(path.read_text(encoding="utf-8"))
    return build_pdf(folder / path.name.replace(".blocks.yaml", ".pdf"), [tuple(b) for b in blocks])


def _check(deck: Deck, given: dict[str | None, Path]) -> list[Diagnostic]:
    return check_file(deck.path, given)


def _alarms(found: list[Diagnostic]) -> list[str]:
    return [d.format() for d in found if d.severity == "error" or d.code in PROVENANCE_WARNINGS]


def _caught(mutant: Mutant, found: list[Diagnostic]) -> bool:
    places = {(path.resolve(), line) for path, line in mutant.places}
    return any(d.severity == "error" and d.path and (Path(d.path).resolve(), d.line) in places for d in found)


def _run(deck: Deck, given: dict[str | None, Path], mutant: Mutant) -> list[Diagnostic]:
    originals = {path: path.read_text(encoding="utf-8") for path in mutant.files}
    try:
        for path, text in mutant.files.items():
            path.write_text(text, encoding="utf-8")
        return _check(deck, given)
    finally:
        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")


def test_unchanged_storyboards_check_clean(decks) -> None:
    for deck, given in decks:
        assert _alarms(_check(deck, given)) == [], deck.path.name


@pytest.mark.parametrize(
    ("kinds", "count"),
    [(KINDS, MUTANTS), (("same-label-swap", "derived-swap", "arithmetic"), MUTANTS)],
    ids=["every-kind", "what-labels-cannot-reveal"],
)
def test_mutants_are_caught_at_the_changed_line(decks, capsys, kinds, count) -> None:
    by_path = {deck.path: (deck, given) for deck, given in decks}
    chosen = mutants([deck for deck, _ in decks], count, SEED, kinds)
    missed = []
    kinds: dict[str, list[int]] = {}
    for mutant in chosen:
        deck, given = by_path[mutant.deck]
        caught_one = _caught(mutant, _run(deck, given, mutant))
        kinds.setdefault(mutant.kind, [0, 0])[0] += caught_one
        kinds[mutant.kind][1] += 1
        if not caught_one:
            missed.append(f"{mutant.kind}: {mutant.description}")
    caught = len(chosen) - len(missed)
    by_kind = ", ".join(f"{kind} {n}/{total}" for kind, (n, total) in sorted(kinds.items()))
    with capsys.disabled():
        print(
            f"\nprovenance mutation score ({len(kinds)} kinds): {caught}/{len(chosen)} caught "
            f"({by_kind}); missed: {missed}"
        )
    assert caught >= 95, missed


def _typography(text: str) -> str:
    return text.replace("'", "\u2019").replace(" - ", " \u2013 ").replace(" ", "  ", 1)


def _neutral(data: object) -> object:
    """Typography changed inside every phrase and quote (curly apostrophes, en dashes, doubled spaces)."""
    if isinstance(data, dict):
        out = {}
        for key, value in data.items():
            if key == "phrase" and isinstance(value, str):
                out[key] = _typography(value)
            elif key == "quote" and isinstance(value, dict):
                out[key] = {**value, "text": _typography(str(value.get("text", "")))}
            else:
                out[key] = _neutral(value)
        return out
    if isinstance(data, list):
        return [_neutral(item) for item in data]
    return data


@pytest.mark.parametrize("edit", ["typography", "keys-sorted-notes-reflowed", "notes-unwrapped"])
def test_neutral_edits_raise_no_alarm(decks, edit) -> None:
    for deck, given in decks:
        data = yaml.safe_load(deck.text)
        if edit == "typography":
            text = yaml.safe_dump(_neutral(data), allow_unicode=True, sort_keys=False, width=1000)
        elif edit == "keys-sorted-notes-reflowed":
            text = yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=50)
        else:
            text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100_000)
        edited = deck.path.with_name(f"{deck.path.stem}-{edit}.yaml")
        edited.write_text(text, encoding="utf-8")
        assert _alarms(check_file(edited, given)) == [], f"{edit}: {deck.path.name}"
