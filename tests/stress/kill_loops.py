"""Kill loops: SIGKILL `museum` at random moments of its work, then see what is left.

    python -m tests.stress.kill_loops [--runs 30] [--only demo,import,...] [--seed N]

For each operation the script first times one run to the end, then starts it again and again
on a fresh copy of a small catalogue and kills it at a random moment between the end of the
interpreter's start-up (timed once) and the end of that time, until it has killed it --runs
times. After each kill it opens the catalogue with the CLI and counts the
items and photo originals saved before the run that are gone (see verify.py). A last loop runs
operations on a 20 MB tmpfs filled to a few hundred kilobytes of free space (needs root for
`mount`), letting some finish and killing others.

It prints a table (operation, runs, opened afterwards, items lost, originals lost, and the
temporary files left behind) and exits 1 if any catalogue failed to open or lost anything.
Not collected by pytest (pyproject ignores tests/stress); a stress run, not a unit test.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.stress.templates import Templates, fresh_copy, make_templates
from tests.stress.verify import (
    EMPTY,
    REPO,
    Baseline,
    Verdict,
    cli_environment,
    count_temporaries,
    museum_command,
    read_baseline,
    run_cli,
    verdict,
)

DISK_MB = 20
# Kill between these fractions of the time an undisturbed run takes: the first part is the
# interpreter starting (0.5-2 s here, with the machine's load), where a kill proves little.
KILL_WINDOW = (0.25, 0.95)


@dataclass
class Tally:
    operation: str
    runs: int = 0
    killed: int = 0
    opened: int = 0
    items_lost: int = 0
    originals_lost: int = 0
    temporaries: int = 0
    messages: list[str] = field(default_factory=list)
    one_run_seconds: float = 0.0

    def add(self, result: Verdict, *, was_killed: bool) -> None:
        self.runs += 1
        self.killed += was_killed
        self.opened += result.opened
        self.items_lost += result.items_lost
        self.originals_lost += result.originals_lost
        self.temporaries += result.temporaries
        self.messages.extend(message for message in result.messages
                             if message not in self.messages)

    @property
    def failed(self) -> bool:
        return self.opened < self.runs or self.items_lost > 0 or self.originals_lost > 0


@dataclass(frozen=True)
class Operation:
    """One command to kill: make_run(run folder) -> (catalogue to check, baseline, command)."""

    name: str
    make_run: Callable[[Path], tuple[Path, Baseline, list[str]]]
    judge: Callable[[Path, Baseline], Verdict] = verdict


def operations(templates: Templates, archive: Path) -> list[Operation]:
    small = read_baseline(templates.small)
    photographed = read_baseline(templates.photographed)
    large = read_baseline(templates.large)
    old = read_baseline(templates.old)
    repairable = read_baseline(templates.repairable)

    def on_copy(template: Path, baseline: Baseline, *args: str | Path):
        def make(run: Path) -> tuple[Path, Baseline, list[str]]:
            root = fresh_copy(template, run / "catalogue")
            return root, baseline, museum_command(root, *[
                str(arg).replace("{run}", str(run)) for arg in args])
        return make

    def demo(run: Path) -> tuple[Path, Baseline, list[str]]:
        # Without photos: drawing the demo's large photos takes ~15 s a run here, and killed
        # photo imports have their own loop.
        return run / "catalogue", EMPTY, museum_command(run / "catalogue", "demo", "--items",
                                                        "2000", "--no-photos")

    def restore(run: Path) -> tuple[Path, Baseline, list[str]]:
        target = run / "restored"
        return target, photographed, museum_command(None, "restore-backup", archive, "--to",
                                                    target)

    return [
        Operation("demo", demo, judge=_judge_demo),
        Operation("photo import", on_copy(templates.small, small, "photo", "add", "1",
                                          *templates.sources)),
        Operation("backup", on_copy(templates.photographed, photographed, "backup", "--to",
                                    "{run}/backup.zip")),
        Operation("restore-backup", restore, judge=_judge_restore),
        Operation("check --repair", on_copy(templates.repairable, repairable, "check",
                                            "--repair")),
        Operation("room arrange", on_copy(templates.large, large, "room", "arrange", "--by",
                                          "competition")),
        Operation("upgrade (0002 -> head)", on_copy(templates.old, old, "trash")),
    ]


def _judge_restore(target: Path, baseline: Baseline) -> Verdict:
    # A restore promises all or nothing: no folder, or a whole catalogue that opens.
    if not (target / "museum.db").exists():
        return Verdict(opened=True)
    return verdict(target, baseline)


def _judge_demo(root: Path, baseline: Baseline) -> Verdict:
    # Killed before its database existed, a demo has saved nothing; the folder must still take
    # a new catalogue (what it left is not "someone else's files").
    if not (root / "museum.db").exists():
        again = subprocess.run(museum_command(root, "demo", "--items", "5", "--no-photos"),
                               cwd=REPO, capture_output=True, text=True, env=cli_environment())
        if again.returncode != 0:
            return Verdict(opened=False, messages=[again.stderr.strip()])
    return verdict(root, baseline)


def kill_loop(operation: Operation, work: Path, *, kills: int, rng: random.Random,
              start_up: float) -> Tally:
    tally = Tally(operation.name)
    duration = _time_one_run(operation, work / "timing")
    tally.one_run_seconds = duration
    attempts = 0
    while tally.killed < kills and attempts < kills * 2:
        attempts += 1
        run = work / f"run-{attempts}"
        run.mkdir()
        root, baseline, command = operation.make_run(run)
        started = time.perf_counter()
        earliest = max(KILL_WINDOW[0] * duration, min(0.8 * start_up, 0.8 * duration))
        delay = rng.uniform(earliest, KILL_WINDOW[1] * duration)
        was_killed = _run_and_kill(command, delay=delay)
        if not was_killed:  # the timing run was slow; aim within what a run really takes
            duration = min(duration, time.perf_counter() - started)
        result = operation.judge(root, baseline)
        result.temporaries = count_temporaries(run)  # beside the catalogue too (backup, restore)
        tally.add(result, was_killed=was_killed)
        shutil.rmtree(run, ignore_errors=True)
    return tally


def start_up_seconds() -> float:
    """How long `museum` takes to start (imports, parsing) before it does any work."""
    times = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(museum_command(None, "restore-backup", "missing.zip", "--to", "nowhere"),
                       cwd=REPO, capture_output=True, env=cli_environment())
        times.append(time.perf_counter() - started)
    return sorted(times)[1]


def _time_one_run(operation: Operation, run: Path) -> float:
    run.mkdir()
    root, baseline, command = operation.make_run(run)
    started = time.perf_counter()
    finished = subprocess.run(command, cwd=REPO, capture_output=True, text=True,
                              env=cli_environment())
    duration = time.perf_counter() - started
    if finished.returncode != 0:
        raise SystemExit(f"{operation.name} failed without a kill: {finished.stderr.strip()}")
    result = operation.judge(root, baseline)
    if not result.opened or result.items_lost or result.originals_lost:
        raise SystemExit(f"{operation.name}: the catalogue is not whole after a clean run: "
                         f"{result}")
    shutil.rmtree(run, ignore_errors=True)
    return duration


def _run_and_kill(command: list[str], *, delay: float, errors: list[str] | None = None
                  ) -> bool:
    """Start command, SIGKILL it after delay seconds; whether it was still running then.
    If it ended by itself with an error, its last line on stderr is added to errors."""
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=stderr,
                                   env=cli_environment())
        try:
            process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            return True
        if process.returncode != 0 and errors is not None:
            stderr.seek(0)
            lines = stderr.read().decode("utf-8", "replace").strip().splitlines()
            errors.append(lines[-1] if lines else f"exit {process.returncode}")
        return False


def full_disk_loop(templates: Templates, work: Path, *, runs: int, rng: random.Random,
                   start_up: float) -> Tally:
    """Operations on a nearly full 20 MB tmpfs; some finish (or fail for want of space),
    some are killed. Afterwards the ballast is removed and the catalogue must be whole."""
    tally = Tally(f"full disk ({DISK_MB} MB tmpfs)")
    disk = work / "tmpfs"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={DISK_MB}m", "tmpfs",
                              str(disk)], capture_output=True, text=True)
    if mounted.returncode != 0:
        tally.messages.append(f"skipped: cannot mount a tmpfs ({mounted.stderr.strip()})")
        return tally
    baseline = read_baseline(templates.small)
    refusals: list[str] = []
    try:
        for number in range(runs):
            root = fresh_copy(templates.small, disk / "catalogue")
            ballast = _fill_leaving(disk, free_bytes=rng.randrange(0, 400_000))
            command = museum_command(root, *_disk_command(rng, templates, disk, number))
            kill = rng.random() < 0.5
            delay = 0.8 * start_up + rng.uniform(0, 2.5) if kill else 300
            was_killed = _run_and_kill(command, delay=delay,
                                       errors=refusals)
            ballast.unlink()
            for leftover in disk.glob("backup*.zip"):
                leftover.unlink()
            tally.add(verdict(root, baseline), was_killed=was_killed)
            shutil.rmtree(root, ignore_errors=True)
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)
    # Evidence that the disk really was full: what the runs that ended by themselves said.
    for sentence in sorted(set(refusals), key=refusals.count, reverse=True):
        tally.messages.append(f"{refusals.count(sentence)} run(s) refused: {sentence[:150]}")
    return tally


def _disk_command(rng: random.Random, templates: Templates, disk: Path, number: int
                  ) -> list[str | Path]:
    choices: list[list[str | Path]] = [
        ["photo", "add", str(1 + number % 6), *rng.sample(templates.sources, 8)],
        ["add", "--title", f"Added on a full disk {number}", "--kind", "medal",
         "--photo", rng.choice(templates.sources)],
        ["backup", "--to", disk / f"backup-{number}.zip"],
        ["check", "--repair"],
        ["room", "arrange", "--by", "season"],
        ["edit", "2", "--notes", "x" * 100_000],
    ]
    return rng.choice(choices)


def _fill_leaving(disk: Path, *, free_bytes: int) -> Path:
    ballast = disk / "ballast"
    free = shutil.disk_usage(disk).free
    with ballast.open("wb") as stream:
        remaining = max(0, free - free_bytes)
        chunk = b"\0" * (1 << 20)
        while remaining > 0:
            remaining -= stream.write(chunk[:remaining])
    return ballast


def print_table(tallies: list[Tally]) -> None:
    headers = ("operation", "runs", "killed", "opened afterwards", "items lost",
               "originals lost", "temporaries left")
    rows = [(t.operation, t.runs, t.killed, t.opened, t.items_lost, t.originals_lost,
             t.temporaries) for t in tallies]
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    for row in [headers, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip())
    for tally in tallies:
        for message in tally.messages[:5]:
            print(f"  {tally.operation}: {message}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.stress.kill_loops")
    parser.add_argument("--runs", type=int, default=30, help="kills per operation")
    parser.add_argument("--only", default="", help="comma-separated operation names "
                        "(a prefix is enough, e.g. demo,backup,full)")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    wanted = [name.strip() for name in args.only.split(",") if name.strip()]
    chosen = lambda name: not wanted or any(name.startswith(w) for w in wanted)  # noqa: E731
    print(f"kill loops: {args.runs} kills per operation, seed {seed}", flush=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="museum-kill-loops-") as folder:
        work = Path(folder)
        templates = make_templates(work / "templates")
        archive = work / "photographed.zip"
        if run_cli(templates.photographed, "backup", "--to", archive).returncode != 0:
            raise SystemExit("could not make the backup to restore")
        start_up = start_up_seconds()
        print(f"  `museum` starts in {start_up:.1f} s", flush=True)
        tallies = []
        for operation in operations(templates, archive):
            if chosen(operation.name):
                folder = work / "".join(c if c.isalnum() else "-" for c in operation.name)
                folder.mkdir()
                loop_started = time.perf_counter()
                tally = kill_loop(operation, folder, kills=args.runs, rng=rng,
                                  start_up=start_up)
                tallies.append(tally)
                print(f"  {operation.name}: one undisturbed run {tally.one_run_seconds:.1f} s; "
                      f"{tally.runs} runs in {time.perf_counter() - loop_started:.0f} s",
                      flush=True)
        if chosen("full disk"):
            tallies.append(full_disk_loop(templates, work, runs=args.runs, rng=rng,
                                          start_up=start_up))
    print()
    print_table(tallies)
    print(f"\n{time.perf_counter() - started:.0f} s")
    return 1 if any(tally.failed for tally in tallies) else 0


if __name__ == "__main__":
    sys.exit(main())
