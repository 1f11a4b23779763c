"""Fixtures for the translation-memory tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from tm_helpers import CountingEngine, write_report


@pytest.fixture
def engine() -> CountingEngine:
    return CountingEngine()


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    docs, translations = tmp_path / "docs", tmp_path / "translations"
    write_report(
        docs,
        "demo",
        "## 一、工作回顾\n\n"
        "新设企业4655户。新增充电接口1.23万个。\n\n"
        "完成区级一般公共预算收入195亿元。城镇登记失业率为3.36%。\n\n"
        "- 深化改革。\n- 扩大开放。\n",
    )
    return docs, translations
