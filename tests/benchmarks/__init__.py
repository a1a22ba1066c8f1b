"""Speed benchmarks, run by `make bench` (not by `make test`).

Each bench_*.py module here has a `run()` that prints its own table: the measured numbers beside
a baseline measured in the same run, medians over repeats (the machine is shared and noisy).
"""
