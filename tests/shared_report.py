"""Where the shared investigative report lives: ``shared/report/`` beside the repository.

CI runs in a fresh clone with a copy of ``shared/`` beside it; a git worktree
may sit one folder deeper, so every ancestor of the repository is tried.
The report is read, never copied into the project.
"""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
REPORT_NAME = "shanghai-innovation-report.txt"


def shared_report() -> Path:
    for folder in REPO_ROOT.parents:
        candidate = folder / "shared" / "report" / REPORT_NAME
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"shared/report/{REPORT_NAME} not found beside {REPO_ROOT} or above it")
