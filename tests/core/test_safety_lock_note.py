"""A refused writer names the one holding the catalogue: its pid and host, read whole, never
a half-written note or the note of a holder that has since died."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from museum.core import lock
from museum.core.catalogue import Catalogue
from museum.core.errors import LockedError

REPO = Path(__file__).resolve().parents[2]
ROUNDS = 16

_TAKE_THE_LOCK_AS_SOON_AS_FREE = """
    import sys, time
    from pathlib import Path
    from museum.core import lock
    from museum.core.errors import LockedError
    root = Path(sys.argv[1])
    print("trying", flush=True)
    while True:
        try:
            lock.acquire(root)
            break
        except LockedError:
            pass
    print("held", flush=True)
    time.sleep(60)
"""


def _refusal_while_another_takes_the_lock(root: Path) -> tuple[str, int]:
    code = textwrap.dedent(_TAKE_THE_LOCK_AS_SOON_AS_FREE)
    holder = subprocess.Popen([sys.executable, "-c", code, str(root)], stdout=subprocess.PIPE,
                              text=True, cwd=REPO)
    try:
        assert holder.stdout.readline().strip() == "trying"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:  # take and give back, until the other one wins
            try:
                lock.acquire(root)
            except LockedError as refused:
                return str(refused), holder.pid
            lock.release(root)
        pytest.fail("the other process never took the lock")
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        holder.stdout.close()


def test_every_refusal_names_the_live_holder_pid_and_host(tmp_path):
    root = tmp_path / "cat"
    Catalogue.open(root, create=True).close()
    root = root.resolve()
    host = socket.gethostname()
    for _ in range(ROUNDS):
        message, pid = _refusal_while_another_takes_the_lock(root)
        assert f"(pid {pid} on {host})" in message
