"""An installed Argos model package: a directory with metadata, model, tokenizer.

Layout (the unpacked ``.argosmodel`` zip's top directory)::

    metadata.json          package_version, argos_version, from_code, to_code, ...
    model/                 CTranslate2 model: model.bin, config.json, *vocabulary*
    sentencepiece.model    the subword tokenizer shared by source and target
    stanza/  README.md     optional
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zhpress.errors import ModelError

REINSTALL_HINT = "reinstall it with `zhpress model install`"


@dataclass(frozen=True)
class ModelPackage:
    """Metadata and paths of one installed (or unpacked) package."""

    path: Path
    from_code: str
    to_code: str
    package_version: str
    argos_version: str = ""
    from_name: str = ""
    to_name: str = ""
    code: str = ""
    title: str = ""
    metadata: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def sentencepiece_model(self) -> Path:
        return self.path / "sentencepiece.model"

    @property
    def name(self) -> str:
        """Short stable name, e.g. ``translate-zh_en`` (recorded in PO files)."""
        return self.code or f"translate-{self.from_code}_{self.to_code}"

    @property
    def pair(self) -> str:
        return f"{self.from_code}->{self.to_code}"

    def version_key(self) -> tuple:
        return version_key(self.package_version)


def version_key(version: str) -> tuple:
    """Sort key so that 1.10 > 1.9 > 1.9b; non-numeric parts sort as text."""
    parts = re.split(r"[._-]", version)
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)


def install_dir_name(from_code: str, to_code: str, version: str) -> str:
    """Directory a package is installed to: ``zh_en-1.9``."""
    safe = re.sub(r"[^0-9A-Za-z.]+", "_", version) or "0"
    return f"{from_code}_{to_code}-{safe}"


def read_metadata(path: Path) -> dict[str, Any]:
    meta_path = path / "metadata.json"
    if not meta_path.is_file():
        raise ModelError("package has no metadata.json", path=path, hint=REINSTALL_HINT)
    try:
        data = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise ModelError(
            f"metadata.json is not valid JSON: {exc.__class__.__name__}",
            path=meta_path,
            line=line,
            hint=REINSTALL_HINT,
        ) from None
    if not isinstance(data, dict):
        raise ModelError("metadata.json must be a JSON object", path=meta_path, line=1)
    for key in ("from_code", "to_code"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise ModelError(f"metadata.json has no '{key}'", path=meta_path, hint=REINSTALL_HINT)
    return data


def load_package(path: str | Path) -> ModelPackage:
    """Read and validate a package directory; ``ModelError`` if anything is missing."""
    path = Path(path)
    data = read_metadata(path)
    model_dir = path / "model"
    for required in (model_dir / "model.bin", model_dir / "config.json"):
        if not required.is_file():
            raise ModelError(
                f"package has no model/{required.name} (not a CTranslate2 model)",
                path=path,
                hint=REINSTALL_HINT,
            )
    if not (path / "sentencepiece.model").is_file():
        raise ModelError(
            "package has no sentencepiece.model (BPE packages are not supported)",
            path=path,
            hint="use an Argos package with a sentencepiece tokenizer",
        )
    return ModelPackage(
        path=path,
        from_code=data["from_code"],
        to_code=data["to_code"],
        package_version=str(data.get("package_version", "")),
        argos_version=str(data.get("argos_version", "")),
        from_name=str(data.get("from_name", "")),
        to_name=str(data.get("to_name", "")),
        code=str(data.get("code") or ""),
        title=str(data.get("name") or ""),
        metadata=data,
    )
