"""Issue 10: the command line's start-up and `list` at 10k and 100k items, as a user runs it.

Every figure is a real `python -m museum` process: the median of several runs, its ratio to
`python -c pass` measured in the same run (the interpreter's own start-up), and the process's
peak resident memory (each run goes through a small launcher, the same for every row,
baseline included). Targets: `list --query` on 10k within 0.3 s; `list --json` on 100k
streaming within 150 MB.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from museum.core.catalogue import Catalogue
from museum.core.demo import fill_demo
from tests.benchmarks.timing import print_table

REPO = Path(__file__).resolve().parents[2]
SIZES = (10_000, 100_000)
REPEATS = 5


def run() -> None:
    folder = Path(tempfile.mkdtemp(prefix="museum-bench-cli-"))
    try:
        catalogues = {size: _demo(folder / f"{size}", size) for size in SIZES}
        baseline, baseline_cpu, baseline_rss = _measure([sys.executable, "-c", "pass"])
        rows = [("python -c pass (baseline)", baseline, 1.0, baseline_cpu, baseline_rss)]
        for label, argv in _commands(catalogues):
            seconds, cpu, rss = _measure(argv)
            rows.append((label, seconds, seconds / baseline, cpu, rss))
        # CPU seconds move less than wall time when other work shares the machine.
        print_table(("command", "median s", "× baseline", "cpu s", "peak MB"), rows)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _commands(catalogues: dict[int, Path]) -> list[tuple[str, list[str]]]:
    museum = [sys.executable, "-m", "museum"]
    commands = [("import museum.cli", [sys.executable, "-c", "import museum.cli"]),
                ("museum --help", [*museum, "--help"])]
    for size, root in catalogues.items():
        at = ["--catalogue", str(root)]
        commands += [
            (f"list --query medal ({size:,})", [*museum, *at, "list", "--query", "medal"]),
            (f"list --query 'final winner' ({size:,})",
             [*museum, *at, "list", "--query", "final winner"]),
            (f"list --json ({size:,})", [*museum, *at, "list", "--json"]),
        ]
    return commands


def _demo(root: Path, size: int) -> Path:
    with Catalogue.open(root, create=True) as catalogue:
        fill_demo(catalogue, items=size, photos=False)
    return root


# A small launcher runs each command, so that the fork's copy of this (large) benchmark process
# never counts as the command's memory; it reports the child's CPU seconds and peak RSS.
_LAUNCHER = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
"""


def _measure(argv: list[str]) -> tuple[float, float, float]:
    """Median wall-clock and CPU seconds over REPEATS runs, and the largest peak RSS in MB."""
    walls, cpus, peaks = [], [], []
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    for _ in range(REPEATS):
        started = time.perf_counter()
        report = subprocess.run([sys.executable, "-c", _LAUNCHER, *argv], capture_output=True,
                                text=True, cwd=REPO, env=environment, check=True)
        walls.append(time.perf_counter() - started)
        cpu, peak = map(float, report.stdout.split())
        cpus.append(cpu)
        peaks.append(peak)  # ru_maxrss is in kilobytes on Linux
    return statistics.median(walls), statistics.median(cpus), max(peaks)
