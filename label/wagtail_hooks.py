"""Admin screens of the label NEC."""

from . import stats_hooks  # noqa: F401  (the tracking dashboard)
