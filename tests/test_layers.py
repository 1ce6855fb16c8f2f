"""The apps' layers (README, code map) hold: an import from a lower app into a higher one fails
`make test`. The contract lives in pyproject.toml and runs through import-linter."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
PACKAGES = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"][
    "root_packages"
]


def lint(root):
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=root,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )


def test_the_code_keeps_its_layers():
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_an_upward_import_breaks_the_contract(tmp_path):
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    # The bottom layer reaching for the resources (two layers up): a newcomer's shortcut.
    models = tmp_path / "organisations" / "models.py"
    models.write_text(models.read_text() + "\nfrom ressources.models import ResourcePage  # noqa\n")

    result = lint(tmp_path)

    assert result.returncode != 0
    assert "organisations is not allowed to import ressources" in result.stdout
    assert "organisations.models -> ressources.models" in result.stdout
