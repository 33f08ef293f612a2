"""Loads the Hypothesis profile (see ``property_settings``) before any property test runs."""

from __future__ import annotations

import property_settings  # noqa: F401  (registers and loads the profiles)
