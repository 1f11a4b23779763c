"""Argos model packages: install from the index or a file, list, locate."""

from zhpress.translate.models.install import (
    ENV_MODELS_DIR,
    broken_packages,
    default_models_dir,
    find_model,
    install_file,
    install_from_index,
    list_installed,
)
from zhpress.translate.models.package import ModelPackage, load_package

__all__ = [
    "ENV_MODELS_DIR",
    "ModelPackage",
    "broken_packages",
    "default_models_dir",
    "find_model",
    "install_file",
    "install_from_index",
    "list_installed",
    "load_package",
]
