"""Install, list and find Argos model packages in the zhpress models directory.

Packages are unpacked to ``<models dir>/<from>_<to>-<version>/``. Installing
unpacks into a temporary directory next to the target and renames it into
place only after the package validated, so an interrupted or rejected install
never leaves a half-written model that later looks installed.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from zhpress.errors import ModelError
from zhpress.translate.models.index import (
    DEFAULT_INDEX_URL,
    Progress,
    download,
    fetch_index,
    file_sha256,
    select_entry,
)
from zhpress.translate.models.package import (
    ModelPackage,
    install_dir_name,
    load_package,
)

ENV_MODELS_DIR = "ZHPRESS_MODELS_DIR"


def default_models_dir() -> Path:
    """Per-user data dir, following each platform's convention (no extra deps)."""
    override = os.environ.get(ENV_MODELS_DIR)
    if override:
        return Path(override).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / "zhpress" / "models"


def _resolve(models_dir: str | Path | None) -> Path:
    return Path(models_dir) if models_dir is not None else default_models_dir()


def install_file(
    archive: str | Path,
    *,
    models_dir: str | Path | None = None,
    from_code: str = "zh",
    to_code: str = "en",
    sha256: str | None = None,
) -> ModelPackage:
    """Install a local ``.argosmodel`` file; return the installed package."""
    archive = Path(archive)
    if not archive.is_file():
        raise ModelError("model file not found", path=archive, hint="check the --file path")
    if sha256:
        actual = file_sha256(archive)
        if actual != sha256.lower():
            raise ModelError(
                f"SHA-256 mismatch: expected {sha256.lower()}, got {actual}",
                path=archive,
                hint="the file is corrupt or not the expected package; nothing was installed",
            )
    target_root = _resolve(models_dir)
    try:
        target_root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".install-", dir=target_root))
    except OSError as exc:
        raise ModelError(
            f"cannot create models directory: {exc.strerror}",
            path=target_root,
            hint=f"set {ENV_MODELS_DIR} to a writable directory",
        ) from None
    try:
        top = _extract(archive, staging)
        package = load_package(top)
        if (package.from_code, package.to_code) != (from_code, to_code):
            raise ModelError(
                f"package translates {package.pair}, expected {from_code}->{to_code}",
                path=archive,
                hint=f"download the {from_code}->{to_code} package",
            )
        final = target_root / install_dir_name(
            package.from_code, package.to_code, package.package_version
        )
        _replace_dir(top, final)
        return load_package(final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def install_from_index(
    *,
    index_url: str = DEFAULT_INDEX_URL,
    models_dir: str | Path | None = None,
    from_code: str = "zh",
    to_code: str = "en",
    sha256: str | None = None,
    progress: Progress | None = None,
) -> ModelPackage:
    """Download the newest ``from->to`` package listed in the index and install it."""
    entry = select_entry(fetch_index(index_url), from_code, to_code, index_url)
    target_root = _resolve(models_dir)
    expected = sha256 or entry.sha256
    path = download(entry.links, target_root, sha256=expected, progress=progress)
    try:
        # The digest was checked while downloading.
        return install_file(path, models_dir=target_root, from_code=from_code, to_code=to_code)
    finally:
        path.unlink(missing_ok=True)


def _extract(archive: Path, staging: Path) -> Path:
    """Unzip safely into ``staging``; return the package's top directory."""
    try:
        with zipfile.ZipFile(archive) as zf:
            names = zf.namelist()
            for name in names:
                p = PurePosixPath(name)
                if p.is_absolute() or ".." in p.parts or "\\" in name:
                    raise ModelError(
                        f"unsafe path in archive: {name}", path=archive, hint="not a valid package"
                    )
            bad = zf.testzip()
            if bad is not None:
                raise ModelError(
                    f"archive member {bad} is corrupt", path=archive, hint="download it again"
                )
            zf.extractall(staging)
    except zipfile.BadZipFile:
        raise ModelError(
            "not a valid .argosmodel (zip) file",
            path=archive,
            hint="download the package again",
        ) from None
    except OSError as exc:
        raise ModelError(f"cannot unpack: {exc.strerror or exc}", path=archive) from None
    if (staging / "metadata.json").is_file():
        return staging
    tops = [p for p in staging.iterdir() if p.is_dir() and (p / "metadata.json").is_file()]
    if len(tops) != 1:
        raise ModelError(
            "archive has no metadata.json (not an Argos model package)",
            path=archive,
            hint="use an .argosmodel file from the Argos package index",
        )
    return tops[0]


def _replace_dir(src: Path, final: Path) -> None:
    """Move ``src`` to ``final``, swapping out an older copy only at the end."""
    old = None
    if final.exists():
        old = final.with_name(f".old-{final.name}-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        final.rename(old)
    try:
        src.rename(final)
    except OSError:
        if old is not None:
            old.rename(final)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def list_installed(models_dir: str | Path | None = None) -> list[ModelPackage]:
    """Valid installed packages, by language pair then newest version first.

    Broken directories are left out; :func:`broken_packages` says why.
    """
    found = _scan(_resolve(models_dir))[0]
    found.sort(key=lambda p: p.version_key(), reverse=True)
    found.sort(key=lambda p: (p.from_code, p.to_code))
    return found


def broken_packages(models_dir: str | Path | None = None) -> list[ModelError]:
    """One error per directory in the models dir that is not a usable package."""
    return _scan(_resolve(models_dir))[1]


def _scan(root: Path) -> tuple[list[ModelPackage], list[ModelError]]:
    good: list[ModelPackage] = []
    bad: list[ModelError] = []
    if not root.is_dir():
        return good, bad
    for path in sorted(root.iterdir()):
        # Dot-directories are installs in progress (or interrupted ones).
        if path.name.startswith(".") or not path.is_dir():
            continue
        try:
            good.append(load_package(path))
        except ModelError as exc:
            bad.append(exc)
    return good, bad


def find_model(
    from_code: str = "zh", to_code: str = "en", *, models_dir: str | Path | None = None
) -> ModelPackage | None:
    """The newest installed package for the pair, or None when there is none."""
    for package in list_installed(models_dir):
        if (package.from_code, package.to_code) == (from_code, to_code):
            return package
    return None
