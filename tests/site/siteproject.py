"""A small project (three reports, one in Traditional script) for the site tests."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner, Result

from zhpress.cli import cli

REPO = Path(__file__).resolve().parents[2]

HANT_REPORT = """\
---
title: 政府工作報告
date: '2025-01-08'
script: hant
venue: 北京市東城區第十七屆人民代表大會第五次會議
speaker: 北京市東城區人民政府代區長 陳獻森
source_file: archive/001_dongcheng.txt
---

各位代表：

現在，我代表東城區人民政府，向大會報告政府工作，請予審議。

## 一、2024年工作回顧

全區各項事業穩步發展，胡同裡的居民生活更加便利。

### （一）突出政治中心，首都功能承載力持續提升

推動政務功能與城市功能有機融合。
"""

NEWS_REPORT = """\
---
title: 今年将建80个一刻钟便民生活圈
date: '2024-01-23T07:40'
script: hans
outlet: 北京青年报客户端
authors:
- 张鑫
source_file: archive/003_news.txt
---

昨日下午，北京市十六届人大二次会议举行首场新闻发布会。

## 市发改委

### 围绕高质量发展重点提升“六力”

市发改委副主任张鑫介绍，2023年全市GDP超过4.37万亿元，软件和信息服务业快速发展。
详见 `zhpress build` 和 [发展规划](https://example.org/发展)。
"""

PLAIN_REPORT = """\
---
title: 通州区政府工作报告
date: '2022-01-06'
script: hans
source_file: archive/004_tongzhou.txt
---

## （一）基本建成城市框架

头发和干部都在发展。
"""

REPORTS = {
    "2025-01-08-dongcheng": HANT_REPORT,
    "2024-01-23-bianmin": NEWS_REPORT,
    "2022-01-06-tongzhou": PLAIN_REPORT,
}
NEWEST_FIRST = ["2025-01-08-dongcheng", "2024-01-23-bianmin", "2022-01-06-tongzhou"]


def write_project(root: Path, *, reports: dict[str, str] = REPORTS, **plugin: object) -> Path:
    """A project like the repo's: its mkdocs.yml, an empty sources/ and docs/ reports."""
    root.mkdir(parents=True, exist_ok=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    # site_url makes mkdocs write sitemap <lastmod> dates, which must be stable too.
    config = _set_option(config, "site_url", "https://example.org/zh/")
    for key, value in plugin.items():
        config = _set_option(config, key, value)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "sources").mkdir(exist_ok=True)
    docs = root / "docs"
    docs.mkdir(exist_ok=True)
    for slug, text in reports.items():
        (docs / f"{slug}.md").write_text(text, encoding="utf-8")
    return root


def _set_option(config: str, key: str, value: object) -> str:
    lines = config.splitlines()
    dumped = yaml.safe_dump(value, default_flow_style=True).strip().removesuffix("...").strip()
    for i, line in enumerate(lines):
        if line.strip().startswith(f"{key}:"):
            indent = line[: len(line) - len(line.lstrip())]
            lines[i] = f"{indent}{key}: {dumped}"
            return "\n".join(lines) + "\n"
    raise KeyError(key)


def run_build(root: Path, *args: str) -> Result:
    """`zhpress build -f root/mkdocs.yml ...`; the click result has stdout/stderr apart."""
    return CliRunner().invoke(
        cli, ["build", "-f", str(root / "mkdocs.yml"), *args], catch_exceptions=False
    )


def translate_all(root: Path) -> None:
    """Fill every English segment with (fake) machine output, so nothing is pending.

    `--strict` fails on pending translations; tests of other strict-mode
    failures need a project where the translation memory is complete.
    """
    from zhpress.translate.engines.fake import FakeEngine
    from zhpress.translate.project import translate_project

    translate_project(root / "docs", root / "translations", FakeEngine(latin=True))
