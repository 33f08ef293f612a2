"""Hypothesis profiles for the property tests, chosen with ``HYPOTHESIS_PROFILE``.

* ``ci`` (default): a bounded, reproducible run: derandomized, no example
  database, small example counts, so the whole folder takes well under a
  minute on two cores and fails the same way every time.
* ``deep``: the benchmark's long run (``python -m tests.bench.run --only property``):
  random seeds and many more examples.
* ``dev``: like ``deep`` but keeps Hypothesis's example database, for hunting.

Each test sets its example count relative to the profile's with :func:`examples`.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

settings.register_profile(
    "ci", max_examples=100, derandomize=True, database=None, deadline=None,
    suppress_health_check=_SLOW_OK, print_blob=True,
)  # fmt: skip
settings.register_profile(
    "deep", max_examples=1000, derandomize=False, database=None, deadline=None,
    suppress_health_check=_SLOW_OK, print_blob=True,
)  # fmt: skip
settings.register_profile(
    "dev", max_examples=1000, derandomize=False, deadline=None,
    suppress_health_check=_SLOW_OK, print_blob=True,
)  # fmt: skip
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def examples(share: float) -> int:
    """``share`` of the active profile's ``max_examples`` (at least 1)."""
    return max(1, round(settings.default.max_examples * share))
