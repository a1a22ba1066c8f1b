"""Files Museum writes where the user says (posters, exports): checking the place first, and
one sentence for every way the write can fail.

A destination that is a folder, that lies under a file, or that already exists (unless the
user asked to replace it) is refused before any work is done.
"""

from __future__ import annotations

import errno
from pathlib import Path

from museum.core.errors import ValidationError


def checked_output_path(path: Path, *, what: str, overwrite: bool) -> Path:
    """path, if a new `what` can be written there; otherwise ValidationError saying why."""
    target = Path(path).expanduser()
    if target.is_dir():
        raise ValidationError(f"{target} is a folder; give a file name for the {what}, "
                              f"such as {target / 'room.png'}.")
    blocking = _file_among_parents(target)
    if blocking is not None:
        raise ValidationError(f"{blocking} is a file, so the {what} cannot be saved under it; "
                              "choose another place.")
    if (target.exists() or target.is_symlink()) and not overwrite:
        raise ValidationError(f"{target} already exists; choose a new file name for the {what} "
                              "(or ask to overwrite it).")
    return target


def write_error_sentence(error: OSError, path: Path, *, what: str) -> str:
    """One sentence for a failed write of a `what` at path (disk full, no permission, ...)."""
    if error.errno in (errno.ENOTDIR, errno.EEXIST, errno.EISDIR):
        return f"The {what} cannot be saved as {path}: a file or folder is in the way."
    return failed_write_sentence(
        error,
        no_space=f"There is not enough disk space in {path.parent} for the {what}; "
                 "nothing was written.",
        not_allowed=f"Museum may not write to {path.parent}; "
                    f"choose another place for the {what}.",
        otherwise=f"The {what} could not be saved as {path}")


def failed_write_sentence(error: OSError, *, no_space: str, not_allowed: str,
                          otherwise: str) -> str:
    """The sentence for why a write failed: the disk (or quota) is full, writing there is not
    allowed, or otherwise (followed by the system's own reason)."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return no_space
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return not_allowed
    return f"{otherwise}: {error.strerror or error}."


def _file_among_parents(target: Path) -> Path | None:
    for parent in target.parents:
        if parent.exists():
            return None if parent.is_dir() else parent
    return None
