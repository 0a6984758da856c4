"""The example budget shared by every hypothesis fuzz test: small in CI, large under `make fuzz`."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

EXAMPLES = int(os.environ.get("READER_FUZZ_EXAMPLES", "60"))

fuzz_settings = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=os.environ.get("READER_FUZZ_EXAMPLES") is None,  # CI runs the same examples every time
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
