"""Start-up and slide switches of this checkout against an earlier commit, in one run, alternating.

    python -m tests.bench.against REV [--quick] [--only start,switch] [--markdown FILE]

``REV`` is checked out into a temporary git worktree. Each repetition launches
the floor, then ``briefing show`` of ``REV``, then of this checkout (start), or
runs one switch child of each in turn (switch), so a machine that slows down
mid-run slows both sides alike. Both sides run the same benchmark code (this
checkout's ``show_ready.py`` and ``app_driver.py``) against their own
``briefing`` package (first on ``PYTHONPATH``), without bytecode caches when
``PYTHONDONTWRITEBYTECODE`` is set (compiled from source each launch, as the
issue measured) unless ``--compiled`` is given (byte-compiled first, as an
installed package is).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bench.common import REPO, launch_until_ready, summary

BENCH = REPO / "tests" / "bench"
START_HEAD = (
    "| start (to both windows painted) | floor | previous | now "
    "| previous / floor | now / floor | now / previous |"
)
SWITCH_HEAD = (
    "| switch p95 (key to audience painted) | previous | now | previous, chart slides | now, chart slides |"
)


def worktree(rev: str, folder: Path) -> Path:
    tree = folder / "previous"
    subprocess.run(
        ["git", "-C", str(REPO), "worktree", "add", "--detach", str(tree), rev],
        check=True,
        capture_output=True,
    )
    return tree


def remove_worktree(tree: Path) -> None:
    subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], capture_output=True)


def _env_for(tree: Path) -> dict[str, str]:
    import os

    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(tree)  # its own briefing (and tests.bench.common) first
    return env


def start_samples(trees: dict[str, Path], deck_for: dict[str, Path], reps: int) -> dict[str, list[float]]:
    samples: dict[str, list[float]] = {"floor": [], **{name: [] for name in trees}}
    floor = [sys.executable, str(BENCH / "floor.py")]
    launch_until_ready(floor, exit_after=False)  # warm the page cache
    for _ in range(reps):
        samples["floor"].append(launch_until_ready(floor, exit_after=False).ready_s)
        for name, tree in trees.items():
            cmd = [sys.executable, str(BENCH / "show_ready.py"), str(deck_for[name])]
            samples[name].append(_launch_in(tree, cmd))
    return samples


def _launch_in(tree: Path, cmd: list[str]) -> float:
    import tests.bench.common as common

    real = common.child_env
    common.child_env = lambda **extra: {**_env_for(tree), **extra}  # type: ignore[assignment]
    try:
        launch = launch_until_ready(cmd, timeout=60, exit_after=False)
    finally:
        common.child_env = real  # type: ignore[assignment]
    return launch.ready_s


def switch_samples(
    trees: dict[str, Path], deck: Path, switches: int, rounds: int
) -> dict[str, dict[str, list[float]]]:
    out: dict[str, dict[str, list[float]]] = {name: {"all": [], "chart": []} for name in trees}
    with tempfile.TemporaryDirectory(prefix="bench-against-") as folder:
        for round_ in range(rounds):
            for name, tree in trees.items():
                result = Path(folder) / f"{name}-{round_}.json"
                subprocess.run(
                    [
                        sys.executable,
                        str(BENCH / "app_driver.py"),
                        "--child",
                        "--out",
                        str(result),
                        "switch",
                        str(deck),
                        str(switches),
                    ],
                    env=_env_for(tree),
                    cwd=tree,
                    check=True,
                    capture_output=True,
                    timeout=600,
                )
                data = json.loads(result.read_text())
                data = data.get("result", data)
                samples = data["samples"]
                out[name]["all"] += samples
                kinds = _kinds(deck)
                from tests.bench.app_driver import talk_plan

                out[name]["chart"] += [
                    ms
                    for ms, (_key, index) in zip(samples, talk_plan(len(kinds), switches), strict=False)
                    if kinds[index] == "chart"
                ]
    return out


def _kinds(deck: Path) -> list[str]:
    from briefing.storyboard.load import load_storyboard

    return [slide.kind for slide in load_storyboard(deck).slides]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("rev", help="the earlier commit, e.g. HEAD~3 or a hash")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", default="start,switch")
    parser.add_argument("--compiled", action="store_true", help="byte-compile both packages first")
    parser.add_argument("--markdown", type=Path)
    args = parser.parse_args(argv)
    from tests.bench.synthetic import write_deck

    lines = [f"# This checkout against {args.rev}, alternating in one run", ""]
    with tempfile.TemporaryDirectory(prefix="bench-against-") as folder:
        base = Path(folder)
        previous = worktree(args.rev, base)
        try:
            trees = {"previous": previous, "now": REPO}
            if args.compiled:
                for tree in trees.values():
                    subprocess.run(
                        [sys.executable, "-m", "compileall", "-q", str(tree / "briefing")], check=True
                    )
            decks = {"bundled": None, "50 slides": 50, "300 slides": 300}
            paths: dict[str, dict[str, Path]] = {}
            for label, n in decks.items():
                paths[label] = {
                    name: (tree / "slides" / "shanghai-innovation.yaml")
                    if n is None
                    else write_deck(base / f"decks-{name}", n)
                    for name, tree in trees.items()
                }
            if "start" in args.only:
                lines += [
                    START_HEAD,
                    "| --- | --- | --- | --- | --- | --- | --- |",
                ]
                for label in ("bundled", "300 slides"):
                    s = start_samples(trees, paths[label], 3 if args.quick else 7)
                    med = {k: summary(v)["median"] * 1000 for k, v in s.items()}
                    floor, before, now = med["floor"], med["previous"], med["now"]
                    lines.append(
                        f"| {label} | {floor:.0f} ms | {before:.0f} ms | {now:.0f} ms | "
                        f"{before / floor:.2f}x | {now / floor:.2f}x | {now / before:.2f}x |"
                    )
                    print(lines[-1], flush=True)
                lines.append("")
            if "switch" in args.only:
                lines += [
                    SWITCH_HEAD,
                    "| --- | --- | --- | --- | --- |",
                ]
                for label in decks:
                    deck = paths[label]["now"]
                    s = switch_samples(trees, deck, 120 if args.quick else 400, 2)
                    p = {
                        name: (summary(v["all"])["p95"], summary(v["chart"])["p95"]) for name, v in s.items()
                    }
                    lines.append(
                        f"| {label} | {p['previous'][0]:.1f} ms | {p['now'][0]:.1f} ms | "
                        f"{p['previous'][1]:.1f} ms | {p['now'][1]:.1f} ms |"
                    )
                    print(lines[-1], flush=True)
        finally:
            remove_worktree(previous)
    text = "\n".join(lines) + "\n"
    print(text)
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
