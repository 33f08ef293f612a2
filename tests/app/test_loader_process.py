"""The loader process never outlives the app, even one that crashed or was killed."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

APP = """
import os
from briefing.app.live.load_job import loader_pool

print(loader_pool().submit(os.getpid).result(), flush=True)
os._exit(0)  # as a crash or a kill would: no shutdown of the pool
"""


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    return not (status.exists() and status.read_text().split()[2] == "Z")  # a zombie is gone


def test_the_loader_process_ends_when_the_app_dies_without_shutting_it_down() -> None:
    repo = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", APP], cwd=repo, capture_output=True, text=True, timeout=60, check=True
    )
    loader = int(result.stdout.strip())
    assert loader != os.getpid()
    deadline = time.monotonic() + 10
    while alive(loader) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive(loader), "the loader process outlived the app"
