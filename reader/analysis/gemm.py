"""The models' matrix products through numpy's OpenBLAS, on one thread, instead of thinc's BLIS.

Most of a parse is matrix products: the shared tok2vec, the NER's own tok2vec and the first layer
of the parser and the NER spend most of their time in thinc's ``gemm``, which calls the BLIS
bundled with thinc. numpy's OpenBLAS picks a kernel for the CPU it runs on and did the same
products in about half the CPU time (on the two-core AMD EPYC with AVX-512 this project is
benchmarked on, the parse of the 100k-word bench text took 10.6 s of CPU instead of 15.7 s). Its
sums are added in another order, so a score may differ from BLIS's in its last bits; the model's
decisions (every tag, arc, lemma, entity and sentence start) and the analysis were the same on
every text checked (the seed, the dev articles, PolNeAR dev and train, the FactBank and Wikipedia
hedge sets: 5,569 texts, 1.1 million words), and tests/analysis/test_speedups.py keeps comparing
them with the model as shipped.

OpenBLAS is pinned to one thread: with its default thread per core the same parse, on a busy
two-core machine, took more CPU time than with BLIS (21.6 s against 17.6 s), and its threads would
compete with ``--jobs`` workers. The pin is process-wide; nothing else in reader multiplies large
matrices. Where numpy's OpenBLAS cannot be found (another BLAS, another platform's layout), the
pipeline keeps thinc's BLIS.
"""

from __future__ import annotations

import ctypes
from pathlib import Path
from typing import Any

# Names of OpenBLAS's thread setter: numpy's own build (64-bit integers, prefixed), then plain builds.
THREAD_SETTERS = (
    "scipy_openblas_set_num_threads64_",
    "openblas_set_num_threads64_",
    "openblas_set_num_threads",
)


def numpy_openblas() -> Any | None:
    """numpy's OpenBLAS (the library numpy loaded: same file, same handle), or None."""
    import numpy

    package = Path(numpy.__file__).parent
    for folder in (package.parent / "numpy.libs", package / ".dylibs"):
        for path in sorted(folder.glob("*openblas*")):
            try:
                return ctypes.CDLL(str(path))
            except OSError:
                continue
    return None


def pin_one_thread(library: Any) -> bool:
    for name in THREAD_SETTERS:
        setter = getattr(library, name, None)
        if setter is not None:
            setter(1)
            return True
    return False


def use_openblas(nlp: Any) -> bool:
    """Give the models of ``nlp``'s components numpy's gemm; False (BLIS kept) when OpenBLAS is not found."""
    from thinc.api import Model, NumpyOps

    library = numpy_openblas()
    if library is None or not pin_one_thread(library):
        return False
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                node.ops = ops
    return True
