"""scholargraph as a user gets it: a wheel built from this checkout, installed into a
fresh venv, where the demo and both notebooks run from the installed package (the
example profiles are package data), never from the checkout.

Offline: the wheel is built without build isolation (setuptools from the test
extra), and the fresh venv takes the dependencies from this environment's
site-packages through a ``.pth`` line instead of downloading them.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
PIP = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]


def run(command: list[str | Path], cwd: Path, **env: str) -> str:
    """Run ``command`` in ``cwd`` with no store named; its stdout (fails on an error)."""
    environ = {k: v for k, v in os.environ.items() if k != "SCHOLARGRAPH_STORE"}
    done = subprocess.run(
        [str(c) for c in command], cwd=cwd, env=environ | env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh venv holding the wheel of this checkout."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"  # a copy: the build leaves build/ and *.egg-info behind
    shutil.copytree(
        ROOT / "scholargraph", source / "scholargraph", ignore=shutil.ignore_patterns("__pycache__")
    )
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    run(
        [*PIP, "wheel", "--no-build-isolation", "--no-deps", "--no-index", "-w", "dist", source],
        work,
    )
    (wheel,) = (work / "dist").glob("scholargraph-*.whl")
    venv.create(work / "venv", with_pip=False)
    python = work / "venv" / "bin" / "python"
    run([*PIP, "--python", python, "install", "--no-index", "--no-deps", wheel], work)
    packages = run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], work)
    (Path(packages.strip()) / "dependencies.pth").write_text("\n".join(site.getsitepackages()))
    return python.parent


def files(package: Path) -> set[str]:
    return {
        p.relative_to(package).as_posix()
        for p in package.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_the_installed_package_holds_every_file_of_the_source_one(
    installed: Path, tmp_path: Path
) -> None:
    code = "import scholargraph; print(scholargraph.__file__); print(scholargraph.EXAMPLES)"
    module, examples = map(Path, run([installed / "python", "-c", code], tmp_path).splitlines())
    assert module.is_relative_to(installed.parent)  # the venv's copy, not the checkout
    assert examples == module.parent / "examples"
    # every module, query, template, word list and example profile (package data)
    assert files(ROOT / "scholargraph") - files(module.parent) == set()


def test_the_demo_runs_from_the_installed_wheel(installed: Path, tmp_path: Path) -> None:
    out = run([installed / "scholargraph", "demo", "--output", "pages"], tmp_path)
    assert "5 file(s)" in out and "0 file(s) failed" in out and "Person 105" in out
    assert (tmp_path / "pages" / "index.html").is_file()
    assert (tmp_path / "scholargraph-data").exists()  # the default store, in the cwd


@pytest.mark.parametrize(
    ("notebook", "shown"),
    [("explore.ipynb", "Person 105"), ("neo4j.ipynb", "ladybug store")],
)
def test_the_notebooks_run_from_the_installed_wheel(
    installed: Path, tmp_path: Path, notebook: str, shown: str
) -> None:
    # test_notebooks.execute, run by the venv's python: its kernel is that python
    code = (
        "import sys; from pathlib import Path; from test_notebooks import execute; "
        "print(execute(sys.argv[1], Path(sys.argv[2])))"
    )
    out = run(
        [installed / "python", "-c", code, notebook, tmp_path], tmp_path, PYTHONPATH=str(TESTS)
    )
    assert shown in out
