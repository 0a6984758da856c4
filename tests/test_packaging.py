"""The wheel carries the stylesheets: ``styles/*.tcss`` ship as ``reader/styles`` and are found at run time.

The editable install in the venv finds the checkout's ``styles/`` folder, so
only a real (non-editable) wheel, installed somewhere else, proves the
force-include mapping in pyproject.toml works.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow  # a few seconds; still part of make test

PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
import reader, reader.resources
folder = reader.resources.styles_dir()
print(json.dumps({"package": reader.__file__, "styles": str(folder),
                  "tcss": sorted(p.name for p in folder.glob("*.tcss"))}))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("hatchling", reason="the dev extras install hatchling for this test")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("*.whl")
    return built


def test_wheel_contains_every_stylesheet(wheel: Path) -> None:
    shipped = {p.name for p in (ROOT / "styles").glob("*.tcss")}
    assert shipped, "the checkout has no stylesheets to ship"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert {f"reader/styles/{name}" for name in shipped} <= names
    assert not any(name.startswith("styles/") for name in names)  # mapped into the package, not beside it


def test_installed_wheel_finds_its_styles(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(target)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        cwd=tmp_path,
    )
    found = json.loads(done.stdout)
    assert Path(found["package"]).is_relative_to(target)
    assert Path(found["styles"]) == target / "reader" / "styles"
    assert found["tcss"] == sorted(p.name for p in (ROOT / "styles").glob("*.tcss"))
