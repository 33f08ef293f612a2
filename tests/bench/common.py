"""Shared helpers for the benchmark: summaries, result rows, child processes.

Every measurement module exposes ``measure(ctx) -> list[Row]`` and must never
raise for a missing piece of the app: it returns a row whose ``note`` says
``n/a (reason)``. Qt measurements run in child processes (``python -m
tests.bench.<module> --child ...``) so a crash in one cannot end the run.
"""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
READY_ENV = "BRIEFING_BENCH_READY_FILE"


def summary(samples: Sequence[float]) -> dict[str, float]:
    """Median, min, max and 95th percentile (nearest rank) of ``samples``."""
    values = sorted(samples)
    if not values:
        return {}
    rank = max(0, math.ceil(0.95 * len(values)) - 1)
    return {
        "median": statistics.median(values),
        "min": values[0],
        "max": values[-1],
        "p95": values[rank],
        "n": len(values),
    }


@dataclass
class Row:
    """One line of the table: a figure, its spread, its target and verdict."""

    group: str
    name: str
    value: float | None = None  # the figure compared with the target
    unit: str = ""
    stats: dict[str, float] = field(default_factory=dict)
    target: str = ""
    ok: bool | None = None  # None: no target, or not measured
    note: str = ""
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def verdict(self) -> str:
        if self.value is None:
            return "n/a"
        return {True: "PASS", False: "FAIL", None: ""}[self.ok]

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["verdict"] = self.verdict
        return data


def na(group: str, name: str, reason: str, target: str = "") -> Row:
    return Row(group, name, target=target, note=f"n/a ({_one_line(reason)})")


def _one_line(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def guarded(group: str, name: str, fn: Callable[[], list[Row]], target: str = "") -> list[Row]:
    """Run ``fn``; any failure becomes an ``n/a (reason)`` row."""
    try:
        return fn()
    except Exception as error:  # the benchmark reports failures, it never stops on one
        return [na(group, name, f"{type(error).__name__}: {error}", target)]


@dataclass
class Context:
    """What every measurement gets: repetitions, a temp folder, decks written on demand."""

    quick: bool = False
    workdir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="briefing-bench-")))
    _decks: dict[tuple[int, bool], Path] = field(default_factory=dict)

    def reps(self, full: int, quick: int) -> int:
        return quick if self.quick else full

    def deck(self, n: int | None, *, text_only: bool = False) -> Path:
        """The bundled storyboard (``n=None``) or a synthetic deck of ``n`` content slides."""
        if n is None:
            from briefing.resources import default_storyboard

            return default_storyboard()
        key = (n, text_only)
        if key not in self._decks:
            from tests.bench.synthetic import write_deck

            self._decks[key] = write_deck(self.workdir / "decks", n, text_only=text_only)
        return self._decks[key]

    def markdown(self, n: int) -> Path:
        from tests.bench.synthetic import write_markdown

        return write_markdown(self.workdir / "decks", n)


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    env.update(extra)
    return env


def run_child(module: str, args: Sequence[str], *, timeout: float = 300) -> dict[str, object]:
    """Run ``python -m tests.bench.<module> --child ARGS`` and return the JSON it prints last."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = Path(handle.name)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", f"tests.bench.{module}", "--child", "--out", str(out), *args],
            cwd=REPO,
            env=child_env(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        text = out.read_text(encoding="utf-8") if out.exists() else ""
        if not text:
            raise RuntimeError(f"child exited {proc.returncode}: {last_error(proc.stderr or proc.stdout)}")
        return json.loads(text)
    finally:
        out.unlink(missing_ok=True)


def last_error(output: str) -> str:
    """The line that says what went wrong: a fatal error if any, else the last line."""
    lines = [line for line in output.strip().splitlines() if "propagateSizeHints" not in line]
    fatal = [line for line in lines if line.startswith("Fatal Python error")]
    return (fatal or lines or ["no output"])[-1]


def write_child_result(path: str, data: dict[str, object]) -> None:
    Path(path).write_text(json.dumps(data), encoding="utf-8")


def rss_kib(pid: int | str = "self") -> dict[str, int]:
    """VmRSS and VmHWM (peak) of a process, in KiB, from /proc."""
    out: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            key, value = line.split(":", 1)
            out[key] = int(value.split()[0])
    return out


def wait_for_file(path: Path, proc: subprocess.Popen, timeout: float) -> float | None:
    """Poll for ``path``; return the time it appeared (perf_counter), None if the child died first."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if path.exists() and path.stat().st_size > 0:
            return time.perf_counter()
        if proc.poll() is not None:
            return None
        time.sleep(0.002)
    raise TimeoutError(f"no ready marker after {timeout:.0f} s")


def ratio_row(
    group: str, name: str, ours: Sequence[float], base: Sequence[float], limit: float, target: str
) -> Row:
    """``ours / base`` of the medians, with both spreads kept for the JSON."""
    s_ours, s_base = summary(ours), summary(base)
    value = s_ours["median"] / s_base["median"]
    return Row(
        group,
        name,
        value=value,
        unit="x",
        stats={"ours_" + k: v for k, v in s_ours.items()} | {"base_" + k: v for k, v in s_base.items()},
        target=target,
        ok=value <= limit,
    )


@dataclass
class Launch:
    ready_s: float  # from just before Popen to the ready marker's timestamp
    maxrss_kib: int  # peak RSS of the child (wait4)
    returncode: int


def launch_until_ready(cmd: Sequence[str], *, timeout: float = 60, exit_after: bool = True) -> Launch:
    """Start ``cmd`` with the ready-file protocol, wait for the marker, stop it, return timings.

    The child writes ``time.time()`` into ``$BRIEFING_BENCH_READY_FILE`` once it
    has painted (see ``tests/bench/floor.py``); we take the wall clock just
    before ``Popen`` so the figure includes interpreter start and imports.
    """
    with tempfile.TemporaryDirectory(prefix="bench-ready-") as folder:
        marker = Path(folder) / "ready"
        env = child_env(**{READY_ENV: str(marker), "BRIEFING_BENCH_EXIT": "1"})
        errors = Path(folder) / "stderr"
        with open(errors, "w") as err:
            t0_wall = time.time()
            t0 = time.perf_counter()
            proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=err)
            try:
                seen = wait_for_file(marker, proc, timeout)
            except TimeoutError:
                proc.kill()
                os.wait4(proc.pid, 0)
                raise TimeoutError(
                    f"no ready marker within {timeout:.0f} s (does the app write ${READY_ENV}?)"
                ) from None
            if seen is None:  # poll() has reaped it and set returncode
                tail = " | ".join(errors.read_text(errors="replace").strip().splitlines()[-2:])
                raise RuntimeError(f"exited {proc.returncode} before ready: {tail}")
            try:
                ready = float(marker.read_text()) - t0_wall
            except ValueError:
                ready = seen - t0
            if exit_after:
                try:
                    _, status, usage = _wait4(proc.pid, 5.0)
                except TimeoutError:
                    proc.terminate()
                    _, status, usage = os.wait4(proc.pid, 0)
            else:
                proc.terminate()
                _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            return Launch(ready, usage.ru_maxrss, proc.returncode)


def _wait4(pid: int, timeout: float):
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        got_pid, status, usage = os.wait4(pid, os.WNOHANG)
        if got_pid:
            return got_pid, status, usage
        time.sleep(0.01)
    raise TimeoutError


NONE_FIX_ENV = "BRIEFING_BENCH_NONE_FIX"
NONE_BALLAST = 1 << 40


def keep_none_alive() -> bool:
    """Opt-in (``BRIEFING_BENCH_NONE_FIX=1``): survive a PySide6 that drops references to None.

    PySide6 6.12.0 on Python < 3.12 drops one reference to None per void call,
    and the process aborts ("none_dealloc") after a few dozen slide switches.
    pyproject.toml excludes that release, so by default the benchmark measures
    the app exactly as installed; the "stability" row reports any such leak.
    Set the variable only to measure on an affected build. Returns whether
    the workaround was applied.
    """
    if sys.version_info >= (3, 12) or os.environ.get(NONE_FIX_ENV) != "1":
        return False
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += NONE_BALLAST
    return True
