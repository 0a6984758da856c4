"""What a worker of the cluster a run starts is set up with, beyond the model."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from reader.corpus.run import local_cluster
from reader.corpus.work import PipelinePlugin

BLOCKS = 200
PAGES_PER_BLOCK = (1 << 20) // 4096


@pytest.fixture(scope="module")
def client() -> Iterator:
    from distributed import Client

    with local_cluster(1) as cluster, Client(cluster) as client:
        yield client


def only(answers: dict) -> object:
    (answer,) = answers.values()
    return answer


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc thresholds are Linux's")
def test_a_worker_reuses_freed_blocks_instead_of_mapping_each_anew(client):  # noqa: ANN001
    def page_faults_of_freed_and_reallocated_blocks() -> int:
        import resource

        before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        for _ in range(BLOCKS):
            block = bytearray(1 << 20)  # above the 128 KiB the nanny's setting freezes the mmap threshold at
            del block
        return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before

    before = only(client.run(page_faults_of_freed_and_reallocated_blocks))
    client.register_plugin(PipelinePlugin(packages=("no_such_model_package",)))  # the rules-only pipeline
    after = only(client.run(page_faults_of_freed_and_reallocated_blocks))
    assert before > BLOCKS * PAGES_PER_BLOCK // 2  # each block was mapped and faulted in afresh
    assert after < BLOCKS * PAGES_PER_BLOCK // 20


def test_a_worker_runs_no_statistical_profiler(client):  # noqa: ANN001
    def periodic(dask_worker) -> set[str]:  # noqa: ANN001
        return set(dask_worker.periodic_callbacks)

    callbacks = only(client.run(periodic))
    assert "heartbeat" in callbacks  # the worker's own timers are listed here
    assert not {"profile", "profile-cycle"} & callbacks


def test_a_local_cluster_wakes_its_event_loops_at_most_once_a_second(client):  # noqa: ANN001
    def timers(dask_worker) -> dict[str, float]:  # noqa: ANN001
        return {name: callback.callback_time for name, callback in dask_worker.periodic_callbacks.items()}

    def scheduler_timers(dask_scheduler) -> dict[str, float]:  # noqa: ANN001
        return {"stealing": "stealing" in dask_scheduler.extensions, **timers(dask_scheduler)}

    worker, nanny = only(client.run(timers)), only(client.run(timers, nanny=True))
    scheduler = client.run_on_scheduler(scheduler_timers)
    for process in (worker, nanny, scheduler):
        assert process["tick"] >= 1000  # Dask's default checks the event loop every 20 ms
        assert process["monitor"] >= 5000  # and samples the system every 500 ms
    assert worker["memory_monitor"] >= 1000 and nanny["memory_monitor"] >= 1000  # every 100 ms
    assert worker["heartbeat"] <= 5000  # the scheduler still hears from the worker
    assert not scheduler["stealing"]


def test_the_dashboard_a_run_prints_serves_the_cluster_status_page(client):  # noqa: ANN001
    """The address printed at the start of a run must lead to Dask's live page, not to "install bokeh"."""
    from urllib.request import urlopen

    with urlopen(client.dashboard_link, timeout=30) as response:
        page = response.read().decode("utf-8", "replace")
    assert response.status == 200
    assert "bokeh" in page.lower() and "pip install" not in page.lower()
