"""The room at scale, as a user meets it: peak memory and tour frames of a scripted session of
the whole app over a large demo catalogue (see room_session), each in a process of its own.

Compared in the same run, on the same catalogue: the grid-only session (the app without the
room: the baseline) and the room session (room, Fit all, 4 s, the tour stepped by hand, Escape
posted mid-move). Targets: the room session's peak RSS at most 400 MB at 100,000 items; every
tour frame at most 16 ms (worst frame, median over the passes); Escape answered within 100 ms.

The catalogues are made once (`museum demo --items N`: 1.5 min for 10k, 13 min for 100k) and
kept in the temp folder for later runs; MUSEUM_BENCH_CATALOGUES names another folder holding
them, MUSEUM_BENCH_SIZES the sizes to run (default "10000,100000").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.timing import print_table

REPO = Path(__file__).resolve().parents[2]


def _catalogue(items: int) -> Path:
    folder = Path(os.environ.get("MUSEUM_BENCH_CATALOGUES",
                                 Path(tempfile.gettempdir()) / "museum-bench"))
    path = folder / f"demo-{items}"
    if not (path / "museum.db").exists():
        print(f"making the {items}-item demo catalogue in {path} (once)…", flush=True)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "museum", "--catalogue", str(path), "demo",
                        "--items", str(items)], check=True, cwd=REPO,
                       env={**os.environ, "PYTHONPATH": str(REPO)})
        print(f"  made in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def _session(path: Path, mode: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "tests.benchmarks.room_session", str(path),
                           mode], capture_output=True, text=True, cwd=REPO, env=env,
                          timeout=900)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"the {mode} session failed: {done.stderr[-2000:]}")
    return json.loads(lines[-1])


def run() -> None:
    sizes = [int(size) for size in
             os.environ.get("MUSEUM_BENCH_SIZES", "10000,100000").split(",") if size]
    memory, frames = [], []
    for items in sizes:
        path = _catalogue(items)
        grid = _session(path, "grid")
        room = _session(path, "room")
        memory.append((f"{items:,} items", grid["peak_rss_mb"], room["rss_fit_all_mb"],
                       room["peak_rss_mb"], room["peak_rss_mb"] / grid["peak_rss_mb"],
                       room["peak_rss_mb"] - grid["peak_rss_mb"],
                       " / ".join(f"{name} {mb:.0f}" for name, mb in room["caches_mb"].items())))
        frames.append((f"{items:,} items", room["frames"], room["frame_median_ms"],
                       room["frame_p95_median_of_passes_ms"],
                       room["frame_worst_median_of_passes_ms"], room["escape_ms"]))
    print_table(("catalogue", "grid only: peak RSS", "room: after Fit all", "room+tour: peak RSS",
                 "room / grid", "room − grid", "pictures held at the end (MB)"), memory)
    print("MB; target: room+tour peak ≤ 400 MB at 100,000 items")
    print()
    print_table(("catalogue", "tour frames", "median", "p95 (median of passes)",
                 "worst (median of passes)", "Escape → tour closed"), frames)
    print("ms; the tour's view 1600×1000, stepped by hand; targets: worst ≤ 16, Escape ≤ 100; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
