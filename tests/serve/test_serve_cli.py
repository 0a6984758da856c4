"""`reader serve` without a browser: what it prints, and its one-line refusals (exit 2)."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

from reader.serve.server import TabCommand, bind, is_loopback
from tests.conftest import SEED
from tests.serve.browser import reader_serve


def run_reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", *args], capture_output=True, text=True, timeout=60
    )


def test_a_port_in_use_is_one_line_and_exit_2() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_reader("serve", str(SEED), "--port", str(port))
    assert result.returncode == 2
    assert (
        result.stderr
        == f"reader: port {port} on 127.0.0.1 is already in use (choose another with --port, or --port 0)\n"
    )


def test_bad_inputs_are_refused_before_anything_listens() -> None:
    for args, says in (
        (("serve", "-"), "cannot read stdin"),
        (("serve", "/no/such/article.txt"), "no/such/article.txt"),
        (("serve", "--port", "70000"), "--port must be between 0 and 65535"),
        (("serve", "--host", "no-such-host.invalid", "--port", "0"), "unknown host"),
    ):
        result = run_reader(*args)
        assert result.returncode == 2, args
        assert result.stderr.count("\n") == 1 and says in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


def test_port_0_prints_the_url_and_ctrl_c_stops_it(tmp_path: Path) -> None:
    served = reader_serve("--data-dir", str(tmp_path / "data"), "serve", "--host", "localhost", "--port", "0")
    status, err = served.stop()
    assert served.url.startswith("http://127.0.0.1:") and not served.url.endswith(":0/")
    assert status == 0
    assert "warning" not in err  # localhost is loopback: nothing to warn about
    assert "server stopped (0 open tab(s) closed)" in err


def test_only_loopback_addresses_are_private() -> None:
    for host, private in (("127.0.0.1", True), ("localhost", True)):
        with bind(host, 0) as sock:
            assert is_loopback(sock) is private
    with socket.socket() as sock:  # bound, never listening: the warning's test without opening a port
        sock.bind(("0.0.0.0", 0))
        assert not is_loopback(sock)


def test_each_tab_runs_this_reader_on_the_servers_store(tmp_path: Path) -> None:
    command = TabCommand(str(SEED), tmp_path / "my data", "20M").shell()
    assert command.startswith(f"exec {sys.executable} -m reader.cli --data-dir ")
    assert f"'{tmp_path / 'my data'}' --max-size 20M {SEED}" in command
