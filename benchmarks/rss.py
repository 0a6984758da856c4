"""A process's own peak resident set size, for the memory rows measured in child processes.

``ru_maxrss`` cannot be used in a child: on Linux a process started by fork/vfork + exec (every
``subprocess.run``) carries its parent's high-water RSS into ``ru_maxrss`` (exec records the old,
inherited address space's peak there), so a probe started from a bench that already holds two
pipelines read 307 MB as "the model loaded" where a fresh process holds ~150 MB. ``VmHWM`` in
/proc/self/status is the high-water mark of the exec'd image's own address space. Where /proc is
absent (macOS) ``ru_maxrss`` is the fallback and ``METHOD`` says so, for the row's note.
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path

STATUS = Path("/proc/self/status")
METHOD = "VmHWM" if STATUS.exists() else "ru_maxrss (no /proc: may include the parent's peak)"


def peak_kb() -> int:
    """This process's peak resident set size in KiB."""
    if STATUS.exists():
        for line in STATUS.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # macOS counts bytes
