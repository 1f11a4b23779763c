"""Fixtures for the model/engine tests: the session-wide synthetic package."""

from __future__ import annotations

from support.model_fixtures import (  # noqa: F401
    _synthetic_install_root,
    synthetic_argos_package,
    synthetic_model,
    synthetic_models_dir,
)
