"""One writer per catalogue: an OS-level lock on museum.lock, held for the life of the process.

The operating system releases an flock when the process that holds it dies, however it dies, so
a lock left by a crashed Museum clears itself: the next process simply takes it and overwrites
the stale pid/host note. Read-only opens take no lock — SQLite's WAL lets readers run safely
beside one writer. Inside one process, opening the same catalogue twice shares the lock.
"""

from __future__ import annotations

import errno
import os
import re
import socket
import stat
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from museum.core.errors import LockedError

LOCK_NAME = "museum.lock"

try:
    import fcntl
except ImportError:  # Windows: no flock; one-writer protection is then SQLite's own locking.
    fcntl = None  # type: ignore[assignment]


@dataclass
class _Held:
    descriptor: int
    users: int


_held: dict[Path, _Held] = {}
_guard = threading.Lock()


def acquire(root: Path) -> None:
    """Take the writer lock on the catalogue at root, or raise LockedError naming the holder."""
    with _guard:
        held = _held.get(root)
        if held is not None:
            held.users += 1
            return
        descriptor = _open_lock_file(root)
        if fcntl is not None:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                holder = _read_holder_note(descriptor)
                os.close(descriptor)
                raise LockedError(_locked_message(root, holder)) from None
        _write_note(descriptor)
        _held[root] = _Held(descriptor, 1)


def release(root: Path) -> None:
    """Give back one use of the lock; the last user of this process unlocks the file."""
    with _guard:
        held = _held.get(root)
        if held is None:
            return
        held.users -= 1
        if held.users == 0:
            del _held[root]
            _write_note(held.descriptor, "")  # a lock given back names nobody
            os.close(held.descriptor)  # closing the descriptor drops the flock


def holds(root: Path) -> bool:
    """Whether this process holds the writer lock on root."""
    with _guard:
        return root in _held


def _open_lock_file(root: Path) -> int:
    # Never through a link: the note would be written into whatever file the link points at.
    # A hard link is the same file under two names: refused too, as is anything but a file
    # (O_NONBLOCK: opening a FIFO must not wait for a writer that never comes).
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(root / LOCK_NAME, flags, 0o644)
    except OSError as error:
        if error.errno == errno.ELOOP or (root / LOCK_NAME).is_symlink():
            raise LockedError(_link_message(root)) from None
        raise LockedError(
            f"Cannot lock the catalogue at {root}: {error.strerror}."
        ) from None
    facts = os.fstat(descriptor)
    if not stat.S_ISREG(facts.st_mode) or facts.st_nlink > 1:
        os.close(descriptor)
        raise LockedError(_link_message(root))
    return descriptor


def _link_message(root: Path) -> str:
    return (f"The catalogue's {LOCK_NAME} at {root} is a link to another file (or not a plain "
            f"file), which Museum refuses to write through; remove {root / LOCK_NAME} and try "
            "again.")


NOTE_BYTES = 256  # every note is written whole, padded to this size, in one write
NOTE_PATIENCE_SECONDS = 1.0


def _read_holder_note(descriptor: int) -> str:
    # The holder writes its note just after taking the lock, and blanks it before giving the
    # lock back: a note that is empty, or names a process of this host that has died (and so
    # could not blank it), is about to be replaced.
    deadline = time.monotonic() + NOTE_PATIENCE_SECONDS
    while True:
        note = _read_note(descriptor)
        if _is_current(note) or time.monotonic() > deadline:
            return note
        time.sleep(0.005)


def _read_note(descriptor: int) -> str:
    try:
        return os.pread(descriptor, NOTE_BYTES, 0).decode("utf-8", "replace").strip()
    except OSError:
        return ""


def _is_current(note: str) -> bool:
    match = re.fullmatch(r"pid (\d+) on (.*)", note)
    if match is None:
        return False
    if match.group(2) != socket.gethostname():
        return True  # another machine's process: nothing to ask
    if int(match.group(1)) == os.getpid():
        return False  # we were refused, so a note naming us is an old one
    try:
        os.kill(int(match.group(1)), 0)
    except ProcessLookupError:
        return False
    except OSError:
        pass  # alive, though not ours to signal
    return True


def _write_note(descriptor: int, text: str | None = None) -> None:
    if text is None:
        text = f"pid {os.getpid()} on {socket.gethostname()}\n"
    note = text.encode()[:NOTE_BYTES]
    try:
        # One write of the whole note over the old one (no truncating first), so that a reader
        # sees the old note or the new one, never an empty or a half-written file.
        os.pwrite(descriptor, note.ljust(NOTE_BYTES), 0)
        os.ftruncate(descriptor, NOTE_BYTES)
    except OSError:
        pass  # the note is only for the message; the lock itself is what matters


def _locked_message(root: Path, holder: str) -> str:
    who = f" ({holder})" if holder else ""
    return f"The catalogue at {root} is open in another Museum{who}. Close it there first."
