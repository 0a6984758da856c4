"""Give a Dask worker the memory allocator that ``reader analyze`` runs with.

Dask's nanny starts every worker with ``MALLOC_TRIM_THRESHOLD_=65536``. Setting
any of glibc's malloc thresholds also freezes its mmap threshold at 128 KiB, so
each array the parser allocates above that size is mapped afresh and unmapped
when freed, page faults and all: measured on the engine alone, a quarter more
CPU (6.2 s against 4.9 s for 100 articles, mostly system time). Raising both
thresholds to the ceiling glibc's own adjustment reaches (32 MiB for mmap, twice
that for trimming) lets freed blocks be reused as in one process; memory is still
returned past that, so a worker stays flat over a long run.
"""

from __future__ import annotations

import ctypes
import os

TRIGGER = "MALLOC_TRIM_THRESHOLD_"
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
MMAP_CEILING = 32 << 20


def reuse_freed_memory() -> bool:
    """Raise glibc's thresholds when the environment froze them; True when it did."""
    if TRIGGER not in os.environ:
        return False  # glibc adjusts the thresholds itself
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):
        return False  # not glibc: the variable means nothing there
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_CEILING)) and bool(mallopt(M_TRIM_THRESHOLD, 2 * MMAP_CEILING))
