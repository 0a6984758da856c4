"""A Dask worker reuses freed memory the way one process does (the nanny's setting made it map afresh)."""

from __future__ import annotations

import sys

import pytest

from reader.corpus.work import PipelinePlugin

BLOCKS = 200
PAGES_PER_BLOCK = (1 << 20) // 4096


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc thresholds are Linux's")
def test_a_worker_of_a_local_cluster_reuses_freed_blocks_instead_of_mapping_each_anew():
    from distributed import Client, LocalCluster

    def page_faults_of_freed_and_reallocated_blocks() -> int:
        import resource

        before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        for _ in range(BLOCKS):
            block = bytearray(1 << 20)  # above the 128 KiB the nanny's setting freezes the mmap threshold at
            del block
        return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before

    with (
        LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=":0", silence_logs=40) as cluster,
        Client(cluster) as client,
    ):
        before = next(iter(client.run(page_faults_of_freed_and_reallocated_blocks).values()))
        client.register_plugin(PipelinePlugin(packages=("no_such_model_package",)))  # the rules-only pipeline
        after = next(iter(client.run(page_faults_of_freed_and_reallocated_blocks).values()))
    assert before > BLOCKS * PAGES_PER_BLOCK // 2  # each block was mapped and faulted in afresh
    assert after < BLOCKS * PAGES_PER_BLOCK // 20
