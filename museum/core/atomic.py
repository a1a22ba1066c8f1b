"""Atomic file writes: a reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


@contextmanager
def atomic_writer(path: Path, *, private: bool = False,
                  temporary_prefix: str | None = None) -> Iterator[BinaryIO]:
    """Yield a binary file that becomes `path` only if the block ends without an exception.

    The data goes to a temporary file in the same folder, is fsynced, then renamed over `path`;
    the folder is fsynced too so the rename survives a power cut. On error the temporary file
    is removed and `path` is untouched. The file's permissions follow the umask, as any other
    program's new file would (0644 under the usual 022); `private` makes it owner-only (0600).
    `temporary_prefix` names the temporary (so that leftovers of a killed process can be
    recognised as ours); by default it is ".<name>.".
    """
    folder_is_new = not path.parent.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = _create_temporary(path, 0o600 if private else 0o666,
                                          prefix=temporary_prefix or f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)
    if folder_is_new:
        fsync_folder(path.parent.parent)  # so the new folder's own entry survives a power cut


def _create_temporary(path: Path, mode: int, *, prefix: str) -> tuple[int, str]:
    # Not tempfile.mkstemp: it always makes 0600, whatever the umask says.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _attempt in range(100):
        name = os.path.join(path.parent, f"{prefix}{secrets.token_hex(4)}.tmp")
        try:
            return os.open(name, flags, mode), name
        except FileExistsError:
            continue
    raise FileExistsError(f"No free temporary name beside {path}.")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write data to path atomically (see atomic_writer)."""
    with atomic_writer(path) as stream:
        stream.write(data)


def fsync_folder(folder: Path) -> None:
    """Make a rename or unlink inside folder durable (a no-op where folders cannot be opened)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
