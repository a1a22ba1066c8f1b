"""Run every benchmark module (or those named on the command line) and print their tables."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time

import tests.benchmarks as package


def main(names: list[str]) -> int:
    modules = sorted(info.name for info in pkgutil.iter_modules(package.__path__)
                     if info.name.startswith("bench_"))
    chosen = [name for name in modules if not names or any(part in name for part in names)]
    for name in chosen:
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        importlib.import_module(f"tests.benchmarks.{name}").run()
        print(f"({name} took {time.perf_counter() - started:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
