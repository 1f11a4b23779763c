"""A real (random-weight) Argos zh->en package, built once per test session.

Use from any test folder's ``conftest.py``::

    from support.model_fixtures import (  # noqa: F401
        _synthetic_install_root,
        synthetic_argos_package,
        synthetic_model,
        synthetic_models_dir,
    )

(``_synthetic_install_root`` too: pytest looks fixtures up by name, and the
other three depend on it.)

``synthetic_argos_package`` is the ``.argosmodel`` file (Path);
``synthetic_model`` the installed ``ModelPackage`` (in a session-wide models
directory); ``synthetic_models_dir`` points ``ZHPRESS_MODELS_DIR`` at that
directory for one test, so ``find_model()`` and the CLI see the model.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from zhpress.translate.models import ENV_MODELS_DIR, ModelPackage, install_file
from zhpress.translate.synthetic_model import build_synthetic_package


@pytest.fixture(scope="session")
def synthetic_argos_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_synthetic_package(tmp_path_factory.mktemp("argos-package"), size="tiny", seed=0)


@pytest.fixture(scope="session")
def _synthetic_install_root(
    synthetic_argos_package: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    root = tmp_path_factory.mktemp("zhpress-models")
    install_file(synthetic_argos_package, models_dir=root)
    return root


@pytest.fixture(scope="session")
def synthetic_model(_synthetic_install_root: Path) -> ModelPackage:
    from zhpress.translate.models import find_model

    package = find_model("zh", "en", models_dir=_synthetic_install_root)
    assert package is not None
    return package


@pytest.fixture()
def synthetic_models_dir(_synthetic_install_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(ENV_MODELS_DIR, str(_synthetic_install_root))
    return _synthetic_install_root
