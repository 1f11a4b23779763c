"""The optional engine built on the argostranslate library."""

from __future__ import annotations

import sys

import pytest

from zhpress.errors import ModelError
from zhpress.translate.models import ModelPackage


def test_missing_library_is_a_model_error_with_install_hint(
    synthetic_model: ModelPackage, monkeypatch: pytest.MonkeyPatch
):
    from zhpress.translate.engines.argos_engine import ArgosEngine

    for name in [m for m in sys.modules if m.startswith("argostranslate")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "argostranslate", None)
    with pytest.raises(ModelError) as err:
        ArgosEngine(synthetic_model)
    assert "pip install 'zhpress[argos]'" in str(err.value)


@pytest.mark.slow
def test_argos_engine_translates_with_the_library(
    synthetic_model: ModelPackage, tmp_path, monkeypatch: pytest.MonkeyPatch
):
    # argostranslate creates its data directories on import; keep them out of $HOME.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    pytest.importorskip("argostranslate.translate", reason="argostranslate not installed")
    from zhpress.translate.engines.argos_engine import ArgosEngine

    eng = ArgosEngine(synthetic_model, threads=1)
    assert eng.version.startswith("argostranslate-") and eng.version.endswith("translate-zh_en-1.9")
    src = ["坚持稳中求进工作总基调。", "", "城镇新增就业26.1万人。"]
    out = eng.translate_batch(src)
    assert len(out) == 3 and out[1] == "" and out[0] and out[2]
    assert eng.translate_batch(src[::-1]) == out[::-1]
