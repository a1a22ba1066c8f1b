"""Fixtures for the command-line tests: a real catalogue made with `museum init`."""

from __future__ import annotations

import pytest

from museum.cli import main


@pytest.fixture
def run(tmp_path, capsys):
    """Run `museum --catalogue <tmp> ARGS` in-process; returns (exit code, stdout, stderr)."""
    folder = tmp_path / "catalogue"
    assert main(["--catalogue", str(folder), "init"]) == 0  # only init (or demo) makes one
    capsys.readouterr()

    def _run(*args: object) -> tuple[int, str, str]:
        try:
            code = main(["--catalogue", str(folder), *map(str, args)])
        except SystemExit as exit_:
            code = exit_.code
        out, err = capsys.readouterr()
        return code, out, err

    _run.folder = folder
    return _run
