"""The build cache (.cache/zhpress): a rebuild renders only what changed, and
whatever it reuses, the site is byte-identical to a fresh build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from siteproject import run_build, translate_all


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _differences(one: Path, two: Path) -> list[str]:
    a, b = _tree(one), _tree(two)
    return sorted(set(a) ^ set(b)) + [n for n in sorted(set(a) & set(b)) if a[n] != b[n]]


def _build(project: Path, out: str, *args: str) -> dict[str, tuple[int, int]]:
    """Build into project/<out>; returns {namespace: (hits, misses)} of the cache."""
    result = run_build(project, "-v", "-d", str(project / out), *args)
    assert result.exit_code == 0, result.output + result.stderr
    line = next((ln for ln in result.stderr.splitlines() if "build cache:" in ln), "")
    return {m[0]: (int(m[1]), int(m[2])) for m in re.findall(r"(\w+) (\d+) hit/(\d+) miss", line)}


def _fresh(project: Path, out: str) -> Path:
    result = run_build(project, "--no-cache", "-d", str(project / out))
    assert result.exit_code == 0, result.output + result.stderr
    return project / out


def test_a_rebuild_with_nothing_changed_renders_no_page(project: Path) -> None:
    first = _build(project, "one")
    assert first["page"][0] == 0 and first["page"][1] > 20
    second = _build(project, "two")
    pages = first["page"][1]
    assert second["page"] == (pages, 0)
    assert second["content"] == (pages, 0)
    assert second["markdown"] == (3, 0)  # one entry per report
    assert second["translate"] == (3, 0)
    assert _differences(project / "one", project / "two") == []
    # and a cold cache gives the same bytes as no cache at all
    assert _differences(project / "one", _fresh(project, "fresh")) == []


def test_an_edited_paragraph_rerenders_only_its_report(project: Path) -> None:
    _build(project, "one")
    doc = project / "docs" / "2024-01-23-bianmin.md"
    text = doc.read_text(encoding="utf-8")
    doc.write_text(text.replace("举行首场新闻发布会。", "举行第二场新闻发布会。"), encoding="utf-8")
    stats = _build(project, "two")
    # the report's 3 pages and 3 side-by-side views, and the 3 reports
    # indexes whose excerpt is this paragraph; nothing else
    assert stats["page"][1] == 9
    assert stats["markdown"] == (2, 1)
    assert stats["translate"] == (2, 1)
    page = (project / "two" / "2024-01-23-bianmin" / "index.html").read_text(encoding="utf-8")
    assert "第二场新闻发布会" in page
    assert _differences(project / "two", _fresh(project, "fresh")) == []


def test_new_translations_and_glossary_edits_reach_the_cached_pages(project: Path) -> None:
    _build(project, "one")
    translate_all(project)  # every English segment gets (fake) machine output
    stats = _build(project, "two")
    assert stats["translate"][1] == 3 and stats["markdown"][1] == 3
    assert _differences(project / "two", _fresh(project, "fresh")) == []
    glossary = project / "glossary"
    glossary.mkdir(exist_ok=True)
    (glossary / "terms.yaml").write_text(
        "terms:\n- zh: 新闻发布会\n  en: press conference\n  status: approved\n  source: test\n",
        encoding="utf-8",
    )
    stats = _build(project, "three")
    assert stats["page"][0] == 0  # the glossary marks terms on every page
    fresh = _fresh(project, "fresh2")
    assert _differences(project / "three", fresh) == []
    assert 'class="zh-term"' in (fresh / "2024-01-23-bianmin" / "index.html").read_text("utf-8")


def test_a_damaged_cache_is_read_as_a_miss(project: Path) -> None:
    _build(project, "one")
    entries = [p for p in (project / ".cache" / "zhpress").rglob("*") if p.is_file()]
    assert entries
    for path in entries[::2]:
        path.write_bytes(path.read_bytes()[:10])
    for path in entries[1::2]:
        path.write_bytes(b"not zlib")
    stats = _build(project, "two")
    assert stats["page"][0] == 0
    assert _differences(project / "one", project / "two") == []


def test_an_unwritable_cache_is_switched_off_with_a_warning(project: Path) -> None:
    (project / ".cache").write_text("a file where the cache directory should be")
    result = run_build(project, "-d", str(project / "one"))
    assert result.exit_code == 0, result.output + result.stderr
    assert "build cache switched off" in result.stderr
    assert _differences(project / "one", _fresh(project, "fresh")) == []


def test_entries_the_last_build_did_not_use_are_removed(project: Path) -> None:
    _build(project, "one")
    cache = project / ".cache" / "zhpress"
    before = {p for p in cache.rglob("*") if p.is_file()}
    (project / "docs" / "2022-01-06-tongzhou.md").unlink()
    _build(project, "two")
    after = {p for p in cache.rglob("*") if p.is_file()}
    # the removed report's entries are gone and the old ones did not pile up
    assert len(after) < len(before)
    assert not list(cache.rglob("*.tmp"))
    _build(project, "three")
    assert {p for p in cache.rglob("*") if p.is_file()} == after


@pytest.mark.parametrize("flag", ["--no-cache"])
def test_no_cache_writes_no_cache(project: Path, flag: str) -> None:
    result = run_build(project, flag, "-d", str(project / "one"))
    assert result.exit_code == 0, result.output + result.stderr
    assert not (project / ".cache").exists()


def test_a_new_report_leaves_the_other_pages_markdown_rendering_cached(project: Path) -> None:
    first = _build(project, "one")
    (project / "docs" / "2023-03-01-new.md").write_text(
        "---\ntitle: 新的报告\ndate: '2023-03-01'\nscript: hans\n---\n\n新增一篇报告。\n",
        encoding="utf-8",
    )
    stats = _build(project, "two")
    # every page's navigation changed (templates run again), but only the new
    # report's six pages and the three reports indexes are Markdown-rendered
    assert stats["page"][0] == 0
    assert stats["content"] == (first["content"][1] - 3, 9)
    assert _differences(project / "two", _fresh(project, "fresh")) == []


def test_a_link_to_a_removed_report_is_rendered_again(project: Path) -> None:
    doc = project / "docs" / "2024-01-23-bianmin.md"
    doc.write_text(
        doc.read_text(encoding="utf-8") + "\n另见[通州报告](2022-01-06-tongzhou.md#p-x)。\n",
        encoding="utf-8",
    )
    _build(project, "one")
    linked = (project / "one" / "2024-01-23-bianmin" / "index.html").read_text("utf-8")
    assert 'href="../2022-01-06-tongzhou/#p-x"' in linked
    (project / "docs" / "2022-01-06-tongzhou.md").unlink()
    _build(project, "two")
    page = (project / "two" / "2024-01-23-bianmin" / "index.html").read_text("utf-8")
    assert 'href="../2022-01-06-tongzhou/#p-x"' not in page
    assert _differences(project / "two", _fresh(project, "fresh")) == []


def test_no_page_is_cached_when_an_extension_includes_other_files(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("markdown_extensions:\n", "markdown_extensions:\n  - pymdownx.snippets\n", 1),
        encoding="utf-8",
    )
    result = run_build(project, "-v", "-d", str(project / "one"))
    assert result.exit_code == 0, result.output + result.stderr
    assert "build cache not used: pymdownx.snippets" in result.stderr
    assert not (project / ".cache" / "zhpress" / "page").exists()
