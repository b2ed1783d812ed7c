"""The package stays ruff- and mypy-clean (the style the project promises)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_nothing() -> None:
    result = run("ruff", "check", "scholargraph", "tests", "notebooks")
    assert result.returncode == 0, result.stdout


def test_ruff_format_is_applied() -> None:
    result = run("ruff", "format", "--check", "scholargraph", "tests", "notebooks")
    assert result.returncode == 0, result.stdout


def test_mypy_strict_is_clean() -> None:
    result = run("mypy")
    assert result.returncode == 0, result.stdout
