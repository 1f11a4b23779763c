"""File writing that never leaves a half-written file behind."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from zhpress.errors import OutputError


def atomic_write_bytes(path: str | Path, data: bytes, *, durable: bool = True) -> bool:
    """Write ``data`` to ``path`` via a temp file and rename.

    Returns False (and touches nothing) when the file already holds exactly
    ``data``, so re-running a stage on unchanged input changes nothing on disk.
    ``durable=False`` skips the fsync: for generated files (the site) that the
    next build writes again anyway, where a sync per file costs more than the write.
    """
    path = Path(path)
    try:
        if path.exists() and path.read_bytes() == data:
            return False
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _output_error(path, exc) from None
    try:
        # mkstemp creates 0600; the file should get the mode a plain open()
        # would give it (or keep the one it had), so others can read the site.
        os.chmod(tmp, _target_mode(path))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise _output_error(path, exc) from None
    return True


def _target_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write_text(path: str | Path, text: str, *, durable: bool = True) -> bool:
    """Text variant of :func:`atomic_write_bytes` (UTF-8, ``\\n`` line ends)."""
    return atomic_write_bytes(path, text.encode("utf-8"), durable=durable)


def _output_error(path: Path, exc: OSError) -> OutputError:
    if exc.errno == errno.ENOSPC:
        hint = "free some disk space and run again"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        hint = "check that the directory is writable"
    else:
        hint = None
    reason = exc.strerror or exc.__class__.__name__
    return OutputError(f"cannot write file: {reason}", path=path, hint=hint)
