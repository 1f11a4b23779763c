"""Whole builds: reproducibility, `mkdocs build` equivalence, options, errors."""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sitehtml import page
from siteproject import REPORTS, run_build, translate_all, write_project

from zhpress.site.plugin import OVERRIDES_DIR


def _tree(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def _one_line_error(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


@pytest.mark.slow
def test_two_builds_are_byte_identical(project: Path) -> None:
    assert run_build(project, "-d", str(project / "one")).exit_code == 0
    # touch every input: mtimes must not leak into the output
    for path in (project / "docs").iterdir():
        os.utime(path, (1, 1))
    assert run_build(project, "-d", str(project / "two")).exit_code == 0
    one, two = _tree(project / "one"), _tree(project / "two")
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
    assert str(project) not in "".join(
        data.decode("utf-8", "replace")
        for name, data in one.items()
        if name.endswith((".html", ".json", ".xml"))
    )


def test_sitemap_date_comes_from_the_newest_report(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {"2025-01-08"}
    assert "SOURCE_DATE_EPOCH" not in os.environ  # restored after the build


@pytest.mark.slow
def test_mkdocs_build_gives_the_same_site_as_zhpress_build(project: Path) -> None:
    assert run_build(project).exit_code == 0
    mkdocs = Path(sys.executable).with_name("mkdocs")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    subprocess.run(
        [str(mkdocs), "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(project / "mk")],
        check=True,
        env=env,
        capture_output=True,
    )
    cmp = filecmp.dircmp(project / "build" / "site", project / "mk")
    assert _tree(project / "build" / "site") == _tree(project / "mk"), cmp.report()


def test_traditional_variant_option_changes_the_traditional_pages(tmp_path: Path) -> None:
    hk = write_project(tmp_path / "hk", traditional_variant="hk")
    assert run_build(hk).exit_code == 0
    text = page(hk / "build" / "site", "zh-Hant/2022-01-06-tongzhou/").text
    assert "頭髮和幹部都在發展" in text
    twp = write_project(tmp_path / "twp", traditional_variant="twp")
    assert run_build(twp).exit_code == 0
    text = page(twp / "build" / "site", "zh-Hant/2024-01-23-bianmin/").text
    assert "軟體和資訊服務業" in text  # Taiwan phrases


def test_untrusted_title_is_escaped(tmp_path: Path) -> None:
    report = REPORTS["2022-01-06-tongzhou"].replace(
        "title: 通州区政府工作报告", "title: '<script>alert(1)</script> *报告* [x](y)'"
    )
    root = write_project(tmp_path / "p", reports={"2022-01-06-tongzhou": report})
    assert run_build(root).exit_code == 0
    site = root / "build" / "site"
    for url in (
        "",
        "2022-01-06-tongzhou/",
        "zh-Hant/2022-01-06-tongzhou/",
        "en/",
        "en/2022-01-06-tongzhou/",
    ):
        html = page(site, url).html
        assert "<script>alert(1)" not in html, url
        assert "&lt;script&gt;alert(1)" in html, url


def test_bad_variant_is_one_line_and_nonzero(project: Path) -> None:
    write_project(project, traditional_variant="xx")
    result = run_build(project)
    assert result.exit_code == 3
    line = _one_line_error(result)
    assert "traditional_variant" in line and "'xx'" in line and "tw, hk, t, twp" in line


def test_bad_strict_value_is_one_line(project: Path) -> None:
    write_project(project, strict="yes")
    result = run_build(project)
    assert result.exit_code == 3
    assert "strict" in _one_line_error(result)


def test_missing_sources_dir_is_one_line_and_nothing_is_lost(project: Path) -> None:
    (project / "sources").rmdir()
    before = {p.name: p.read_bytes() for p in (project / "docs").iterdir()}
    result = run_build(project)
    assert result.exit_code == 3
    line = _one_line_error(result)
    assert "sources" in line and "not found" in line
    assert {p.name: p.read_bytes() for p in (project / "docs").iterdir()} == before


def test_missing_config_file_is_one_line(tmp_path: Path) -> None:
    result = run_build(tmp_path)
    assert result.exit_code == 3
    assert "configuration file not found" in _one_line_error(result)


def test_broken_report_front_matter_names_the_file(project: Path) -> None:
    (project / "docs" / "2022-01-06-tongzhou.md").write_text(
        "---\ntitle: [\n---\n\n正文\n", "utf-8"
    )
    result = run_build(project)
    assert result.exit_code == 4
    line = _one_line_error(result)
    assert line.startswith("zhpress: error: docs/2022-01-06-tongzhou.md:2: ") and "YAML" in line


def test_unsafe_report_file_name_is_refused(project: Path) -> None:
    (project / "docs" / "zh-hant.md").write_text(REPORTS["2022-01-06-tongzhou"], "utf-8")
    result = run_build(project)
    assert result.exit_code == 4
    assert "clashes" in _one_line_error(result)


def test_strict_fails_on_a_broken_link(project: Path) -> None:
    report = REPORTS["2022-01-06-tongzhou"] + "\n见[附件](missing.md)。\n"
    (project / "docs" / "2022-01-06-tongzhou.md").write_text(report, "utf-8")
    translate_all(project)
    assert run_build(project).exit_code == 0
    result = run_build(project, "--strict")
    assert result.exit_code == 9
    assert "missing.md" in result.stderr
    assert "strict" in result.stderr.splitlines()[-1]


def test_sources_are_ingested_by_the_build(project: Path) -> None:
    pytest.importorskip("zhpress.ingest", reason="the ingest stage has not landed yet")
    (project / "sources" / "report.txt").write_text(
        "北京市推进城市更新\n北京日报客户端 2024-03-01 08:00\n\n今年将推进老旧小区综合整治。\n",
        encoding="utf-8",
    )
    assert run_build(project).exit_code == 0
    new_docs = sorted(set(p.stem for p in (project / "docs").glob("*.md")) - set(REPORTS))
    assert len(new_docs) == 1
    slug = new_docs[0]
    site = project / "build" / "site"
    for prefix in ("", "zh-Hant/", "en/"):
        assert (site / prefix / slug / "index.html").is_file()
    assert "今年將推進老舊小區綜合整治" in page(site, f"zh-Hant/{slug}/").text


def test_theme_overrides_ship_with_the_package() -> None:
    assert (OVERRIDES_DIR / "partials" / "language.html").is_file()


def test_report_images_resolve_from_every_language_tree(project: Path) -> None:
    (project / "docs" / "images").mkdir()
    (project / "docs" / "images" / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    report = REPORTS["2022-01-06-tongzhou"] + "\n![副中心规划图](images/map.png)\n"
    (project / "docs" / "2022-01-06-tongzhou.md").write_text(report, "utf-8")
    translate_all(project)
    result = run_build(project, "--strict")
    assert result.exit_code == 0, result.stderr
    site = project / "build" / "site"
    for prefix in ("", "zh-Hant/", "en/"):
        here = page(site, f"{prefix}2022-01-06-tongzhou/")
        src = re.search(r'<img alt="[^"]*" src="([^"]+)"', here.html)
        assert src, prefix
        assert (site / here.resolve(src.group(1))).is_file(), (prefix, src.group(1))


def test_site_dir_option_is_relative_to_the_current_directory(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "elsewhere"
    work.mkdir()
    monkeypatch.chdir(work)
    result = run_build(project, "-d", "out")
    assert result.exit_code == 0, result.stderr
    assert (work / "out" / "zh-Hant" / "index.html").is_file()
    assert not (project / "build").exists()
