"""Opening a catalogue's files for reading, refusing anything that is not a regular file.

A named pipe, socket or device put where a catalogue file belongs would block a reader for ever
(or feed it endless bytes); it is refused with an OSError at once instead.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO


def open_regular_file(path: Path) -> BinaryIO:
    """Open path for binary reading; OSError (strerror "not a regular file") if it is not one.

    Opened without blocking, so that a named pipe with no writer cannot hang the call.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
