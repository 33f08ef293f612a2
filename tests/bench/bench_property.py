"""The property tests' long run (Hypothesis profile ``deep``), as one benchmark step.

CI runs ``tests/property`` with the bounded, derandomized ``ci`` profile; the
benchmark runs the same properties with random seeds and ten times the
examples, so each benchmark run explores storyboards CI never saw. A failure
is a FAIL row whose note names the failing test; Hypothesis prints the
shrunk storyboard in the log (``[bench] property`` output).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

from tests.bench.common import REPO, Context, Row

TIMEOUT_S = 3600


def measure(ctx: Context) -> list[Row]:
    profile = "ci" if ctx.quick else "deep"
    env = dict(os.environ, HYPOTHESIS_PROFILE=profile, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--timeout={TIMEOUT_S}",
            "tests/property",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-20000:] + done.stderr[-5000:])
    failed = re.findall(r"^FAILED (\S+)", done.stdout, flags=re.MULTILINE)
    summary = (done.stdout.strip().splitlines() or ["no output"])[-1]
    note = f"profile {profile}: {summary}" + (f"; failing: {', '.join(failed)}" if failed else "")
    return [
        Row(
            "property",
            f"generated storyboards, tests/property (HYPOTHESIS_PROFILE={profile})",
            value=seconds,
            unit="s",
            target="all pass",
            ok=done.returncode == 0,
            note=note,
        )
    ]
