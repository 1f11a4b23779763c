"""The generated Argos package, for end-to-end tests of the CLI."""

from support.model_fixtures import (  # noqa: F401
    _synthetic_install_root,
    synthetic_argos_package,
    synthetic_model,
    synthetic_models_dir,
)
