"""The catalogue of bad inputs, through the real CLI.

Each case: the exit status, ONE `zhpress: error:` line naming the file, no
traceback, and every file that existed before (docs/, translations/,
glossary/) byte-identical afterwards with no temp files left behind.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from .reliability_helpers import (
    assert_one_line_error,
    run_cli,
    snapshot,
    temp_leftovers,
)

KEPT = ("docs", "translations", "glossary", "sources")
DONGCHENG_PO = "translations/en/2024-dongcheng-zhengfu-gongzuo-baogao-jiexuan.po"


@dataclass(frozen=True)
class Case:
    name: str
    setup: Callable[[Path], None]  # breaks something in the project
    args: tuple[str, ...]
    code: int
    needles: tuple[str, ...]  # all must appear in the one error line


def _write(rel: str, data: bytes | str) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)

    return setup


def _break_po(root: Path) -> None:
    path = root / DONGCHENG_PO
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(25, 'msgstr "unterminated')  # line 26: a string that never closes
    path.write_text("\n".join(lines), encoding="utf-8")


MALFORMED_YAML = "terms:\n  - zh: 东城区\n    en: [Dongcheng\n"
WRONG_TYPES = "terms:\n  - zh: 123\n    en: {text: Dongcheng}\n"
CONFLICT = "terms:\n  - zh: 东城区\n    en: East City District\n"
NOT_A_MAPPING = "- just\n- a list\n"

CASES = [
    Case("glossary-malformed", _write("glossary/bad.yaml", MALFORMED_YAML),
         ("glossary", "check"), 5, ("glossary/bad.yaml:3", "YAML syntax error")),
    Case("glossary-malformed-translate", _write("glossary/bad.yaml", MALFORMED_YAML),
         ("translate", "--engine", "none"), 5, ("glossary/bad.yaml:3", "YAML syntax error")),
    Case("glossary-not-mapping", _write("glossary/bad.yaml", NOT_A_MAPPING),
         ("glossary", "check"), 5, ("glossary/bad.yaml",)),
    Case("glossary-conflict", _write("glossary/bad.yaml", CONFLICT),
         ("glossary", "check"), 5,
         ("glossary/bad.yaml:2", "two English renderings", "glossary/places.yaml")),
    Case("source-invalid-utf8",
         _write("sources/bad.txt", "政府工作报告".encode() + b"\xff\xfe\x80" + "今年经济".encode()),
         ("ingest", "sources/bad.txt"), 4, ("sources/bad.txt", "cannot decode")),
    Case("source-empty", _write("sources/empty.txt", b""),
         ("ingest", "sources/empty.txt"), 4, ("sources/empty.txt", "empty")),
    Case("source-whitespace-only", _write("sources/blank.txt", " \n\u3000\n\n"),
         ("ingest", "sources/blank.txt"), 4, ("sources/blank.txt",)),
    Case("source-binary", _write("sources/image.txt", bytes(range(256)) * 64),
         ("ingest", "sources/image.txt"), 4, ("sources/image.txt", "cannot decode")),
    Case("source-markdown-bad-front-matter",
         _write("sources/bad.md", "---\ntitle: [未闭合\n---\n\n正文。\n"),
         ("ingest", "sources/bad.md"), 4, ("sources/bad.md", "front matter")),
    Case("docs-bad-front-matter",
         _write("docs/broken.md", "---\ntitle: [未闭合\n---\n\n正文。\n"),
         ("translate", "--engine", "none"), 4, ("broken.md", "front matter")),
    Case("po-syntax-error", _break_po, ("translate", "--engine", "none"), 6,
         (f"{DONGCHENG_PO}:26", "cannot parse PO file")),
    Case("po-syntax-error-check", _break_po, ("check",), 6, (f"{DONGCHENG_PO}:26",)),
    Case("model-missing", lambda root: (root / "models").mkdir(),
         ("translate", "--engine", "ctranslate2", "--models-dir", "models"), 7,
         ("no zh->en translation model",)),
    Case("model-package-corrupt", _write("corrupt.argosmodel", b"PK\x03\x04" + b"\x00" * 500),
         ("model", "install", "--file", "corrupt.argosmodel", "--models-dir", "models"), 7,
         ("corrupt.argosmodel", "not a valid .argosmodel")),
    Case("model-package-missing-file", lambda root: None,
         ("model", "install", "--file", "nowhere.argosmodel", "--models-dir", "models"), 7,
         ("nowhere.argosmodel", "not found")),
    Case("build-no-config", lambda root: (root / "mkdocs.yml").unlink(),
         ("build",), 3, ("mkdocs.yml", "configuration file not found")),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_one_line_and_nothing_lost(project: Path, case: Case) -> None:
    case.setup(project)
    before = {part: snapshot(project / part) for part in KEPT}
    result = run_cli(list(case.args), project)
    assert_one_line_error(result, case.code, *case.needles)
    for part in KEPT:
        assert snapshot(project / part) == before[part], f"{part}/ changed"
    assert temp_leftovers(project) == []


def test_wrongly_typed_glossary_lists_each_field(project: Path) -> None:
    """Several problems in one file: one line each, all reported in one run."""
    (project / "glossary" / "bad.yaml").write_text(WRONG_TYPES, encoding="utf-8")
    result = run_cli(["glossary", "check"], project)
    assert result.exit_code == 5
    lines = result.error_lines()
    assert lines == [
        "zhpress: error: glossary/bad.yaml:2: field 'zh': Input should be a valid string",
        "zhpress: error: glossary/bad.yaml:3: field 'en': Input should be a valid string",
    ]
    assert "Traceback" not in result.stderr


def test_build_refuses_a_malformed_glossary(project: Path) -> None:
    (project / "glossary" / "bad.yaml").write_text(MALFORMED_YAML, encoding="utf-8")
    result = run_cli(["build"], project)
    assert_one_line_error(result, 5, "glossary/bad.yaml:3")


def test_build_refuses_a_broken_po_file(project: Path) -> None:
    _break_po(project)
    before = snapshot(project / "translations")
    result = run_cli(["build"], project)
    assert_one_line_error(result, 6, f"{DONGCHENG_PO}:26", "cannot parse PO file")
    assert snapshot(project / "translations") == before


def test_build_names_a_broken_po_file_relative_to_the_project(project: Path) -> None:
    _break_po(project)
    result = run_cli(["build"], project)
    assert result.error_lines()[0].startswith(f"zhpress: error: {DONGCHENG_PO}:26")


# --- sources in legacy encodings are read, not rejected ----------------------

REPORT_HANS = "北京市通州区政府工作报告\n\n各位代表：\n\n今年经济运行总体平稳，地区生产总值增长5.2%。\n"
REPORT_HANT = "北京市通州區政府工作報告\n\n各位代表：\n\n今年經濟運行總體平穩，地區生產總值增長5.2%。\n"


@pytest.mark.parametrize(
    ("codec", "text"),
    [("gbk", REPORT_HANS), ("gb18030", REPORT_HANS), ("big5", REPORT_HANT),
     ("utf-16", REPORT_HANS), ("utf-8-sig", REPORT_HANS)],
)
def test_legacy_encodings_ingest_to_the_same_text(project: Path, codec: str, text: str) -> None:
    source = project / "sources" / f"legacy-{codec}.txt"
    data = text.encode(codec)
    if codec == "utf-16":
        assert data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    source.write_bytes(data)
    result = run_cli(["ingest", str(source.relative_to(project))], project)
    assert result.exit_code == 0, result.stderr
    written = [line.removeprefix("wrote ") for line in result.stdout.splitlines()]
    assert len(written) == 1
    doc = (project / written[0]).read_text(encoding="utf-8")
    assert "地区生产总值增长5.2%" in doc or "地區生產總值增長5.2%" in doc
    assert ("script: hant" in doc) == (codec == "big5")


# --- huge and odd files ------------------------------------------------------

def test_extremely_long_line_ingests(project: Path) -> None:
    """One 600,000-character line with no newline: read, split, written."""
    sentence = "全区经济持续恢复向好，发展质量稳步提升。"
    (project / "sources" / "long.txt").write_text(
        "东城区经济运行情况\n" + sentence * 30_000, encoding="utf-8"
    )
    result = run_cli(["ingest", "sources/long.txt"], project)
    assert result.exit_code == 0, result.stderr
    doc = project / result.stdout.split()[1]
    body = doc.read_text(encoding="utf-8")
    assert body.count("发展质量稳步提升") == 30_000


def test_html_scripts_and_handlers_are_dropped(project: Path) -> None:
    page = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于防汛工作的通知</title>
<script>alert('head')</script></head>
<body onload="alert('body')"><article><h1>关于防汛工作的通知</h1>
<p>各街道、各部门要压实防汛责任，<img src="x.png" onerror="alert('img')">做好应急准备。</p>
<p onclick="alert('p')">汛期为6月1日至9月15日。<script>document.write('<b>注入</b>')</script></p>
<p>请认真<a href="javascript:alert('a')">贯彻落实</a>。</p></article></body></html>"""
    (project / "sources" / "notice.html").write_text(page, encoding="utf-8")
    result = run_cli(["ingest", "sources/notice.html"], project)
    assert result.exit_code == 0, result.stderr
    doc = (project / result.stdout.split()[1]).read_text(encoding="utf-8")
    assert "压实防汛责任" in doc and "汛期为6月1日至9月15日" in doc
    for payload in ("alert(", "<script", "onerror", "onload", "onclick", "javascript:", "注入"):
        assert payload not in doc, payload


@pytest.mark.parametrize("slug", ["../../etc", "/etc/passwd", "..", "a/../../b", "docs/../../x"])
def test_sidecar_slug_cannot_leave_docs(project: Path, slug: str) -> None:
    (project / "sources" / "trip.txt").write_text(REPORT_HANS, encoding="utf-8")
    (project / "sources" / "trip.meta.yaml").write_text(f"slug: '{slug}'\n", encoding="utf-8")
    outside = snapshot(project.parent)
    result = run_cli(["ingest", "sources/trip.txt"], project)
    assert result.exit_code == 0, result.stderr
    changed = {k for k, v in snapshot(project.parent).items() if outside.get(k) != v}
    assert len(changed) == 1, changed
    (target,) = changed
    assert target.startswith("proj/docs/") and target.count("/") == 2
    assert ".." not in target


def test_front_matter_slug_cannot_leave_docs(project: Path) -> None:
    text = "---\ntitle: 穿越\nslug: ../../../etc/zhpress\n---\n\n今年经济运行总体平稳。\n"
    (project / "sources" / "trip.md").write_text(text, encoding="utf-8")
    outside = snapshot(project.parent)
    result = run_cli(["ingest", "sources/trip.md"], project)
    assert result.exit_code == 0, result.stderr
    changed = {k for k, v in snapshot(project.parent).items() if outside.get(k) != v}
    assert [c for c in changed if not c.startswith("proj/docs/")] == []
    assert all(".." not in c for c in changed)
    assert not Path("/etc/zhpress.md").exists()


def test_50mb_source_fails_fast_in_little_memory(project: Path) -> None:
    """Decision: text sources over 8 MB are refused (a real report is < 1 MB;
    cleaning costs ~30x the file size in memory). The other sources of the
    same run are still ingested, and the refusal costs no memory."""
    import subprocess
    import sys
    import time

    from .reliability_helpers import ZHPRESS

    paragraph = "全区经济持续恢复向好，地区生产总值增长5.2%，发展质量稳步提升。\n".encode()
    with (project / "sources" / "huge.txt").open("wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(paragraph) + 1):
            fh.write(paragraph)
    assert (project / "sources" / "huge.txt").stat().st_size >= 50 * 1024 * 1024
    docs_before = snapshot(project / "docs")
    # Measure through a small wrapper process: a child forked straight from
    # this (large) pytest process inherits its peak RSS in ru_maxrss.
    probe = (
        "import resource, subprocess, sys\n"
        "code = subprocess.run(sys.argv[1:]).returncode\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "sys.stderr.write(f'PEAK-RSS-KIB {peak}\\n')\n"
        "sys.exit(code)\n"
    )
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", probe, str(ZHPRESS), "ingest", "--force"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    seconds = time.monotonic() - start
    lines = proc.stderr.splitlines()
    peak = int(next(line for line in lines if line.startswith("PEAK-RSS-KIB")).split()[1])
    stderr = "\n".join(line for line in lines if not line.startswith("PEAK-RSS-KIB"))
    assert proc.returncode == 4, stderr
    errors = [line for line in stderr.splitlines() if line.startswith("zhpress: error:")]
    assert len(errors) == 1 and "sources/huge.txt: file is too large (50.0 MB" in errors[0]
    assert "Traceback" not in stderr
    assert peak < 400 * 1024, f"peak RSS {peak} KiB"
    assert seconds < 60
    # The five real reports were re-ingested to the same bytes.
    assert snapshot(project / "docs") == docs_before


@pytest.mark.parametrize("damage", ["truncated-weights", "no-sentencepiece"])
def test_corrupt_installed_model(
    project: Path, synthetic_argos_package: Path, damage: str
) -> None:
    """An installed package damaged on disk: exit 7, one line, PO files untouched."""
    from zhpress.translate.models import install_file

    models = project / "models"
    package = install_file(synthetic_argos_package, models_dir=models)
    if damage == "truncated-weights":
        weights = package.model_dir / "model.bin"
        weights.write_bytes(weights.read_bytes()[:1000])
        needles = ("models/zh_en-", "cannot load CTranslate2 model")
    else:
        package.sentencepiece_model.unlink()
        needles = ("zh->en",)
    before = snapshot(project / "translations")
    result = run_cli(
        ["translate", "--engine", "ctranslate2", "--models-dir", "models", "--force"], project
    )
    assert_one_line_error(result, 7, *needles)
    assert snapshot(project / "translations") == before
    assert temp_leftovers(project) == []
