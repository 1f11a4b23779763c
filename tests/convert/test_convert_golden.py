"""Golden files in OpenCC style: cases/<name>.in.txt -> <name>.hant.txt / .hans.txt."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import yaml

from zhpress.convert import ScriptConverter

CASES = Path(__file__).parent / "cases"
MANIFEST = yaml.safe_load((CASES / "cases.yaml").read_text(encoding="utf-8")) or {}


def _cases() -> list[tuple[str, str]]:
    found = []
    for source in sorted(CASES.glob("*.in.txt")):
        name = source.name.removesuffix(".in.txt")
        for target in ("hant", "hans"):
            if (CASES / f"{name}.{target}.txt").exists():
                found.append((name, target))
    return found


def test_every_case_has_an_expected_file() -> None:
    names = {p.name.removesuffix(".in.txt") for p in CASES.glob("*.in.txt")}
    with_expected = {name for name, _ in _cases()}
    assert names == with_expected
    assert set(MANIFEST) <= names, "cases.yaml names a case without an input file"


@pytest.mark.parametrize(("name", "target"), _cases())
def test_golden(name: str, target: str) -> None:
    options = MANIFEST.get(name) or {}
    converter = ScriptConverter(
        options.get("variant", "tw"),
        s2t_overrides=options.get("s2t_overrides"),
        t2s_overrides=options.get("t2s_overrides"),
    )
    source = (CASES / f"{name}.in.txt").read_text(encoding="utf-8")
    expected = (CASES / f"{name}.{target}.txt").read_text(encoding="utf-8")
    if options.get("mode") == "markdown":
        actual = converter.convert_markdown(source, target)
    else:
        actual = converter.convert(source, target)
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=f"{name}.{target}.txt (expected)",
                tofile=f"{name}.{target} (actual)",
            )
        )
        pytest.fail(f"conversion differs from the golden file:\n{diff}", pytrace=False)
