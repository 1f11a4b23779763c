"""ingest_path and `zhpress ingest`: idempotency, --force, errors, collisions."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhpress.cli import cli
from zhpress.errors import MultipleErrors, SourceError
from zhpress.ingest import ingest_path
from zhpress.report import load_report

REPO = Path(__file__).resolve().parents[2]
GOV = (
    "政 府 工 作 报 告\n——2024年1月10日在北京市西城区第十七届\n人民代表大会第三次会议上\n"
    "北京市西城区人民政府区长 刘东伟\n各位代表：\n一、2023年工作回顾\n"
    "过去一年，我们坚持稳中求进工作总基调，各项工作取得新成效，全区经济社会发展稳中向好。\n"
)
NEWS = "新闻标题一则\n某报客户端 2024-02-01 08:00\n正文第一段，介绍了相关情况。\n"


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "gov.txt").write_text(GOV, encoding="utf-8")
    (tmp_path / "sources" / "news.txt").write_bytes(NEWS.encode("gbk"))
    return tmp_path


def _docs(project: Path) -> list[str]:
    return sorted(p.name for p in (project / "docs").glob("*.md"))


def test_ingest_writes_reports_with_relative_source_paths(project: Path) -> None:
    summary = ingest_path(project / "sources", project / "docs", repo_root=project)
    assert summary.ok and len(summary.written) == 2
    assert _docs(project) == [
        "2024-01-10-xicheng-zhengfu-gongzuo-baogao.md",
        "2024-02-01-xinwenbiaoti-yize.md",
    ]
    report = load_report(project / "docs" / "2024-01-10-xicheng-zhengfu-gongzuo-baogao.md")
    assert report.meta["source_file"] == "sources/gov.txt"
    assert report.meta["speaker"] == "刘东伟"
    assert report.body.startswith("各位代表：\n\n## 一、2023年工作回顾")
    text = (project / "docs" / "2024-02-01-xinwenbiaoti-yize.md").read_text("utf-8")
    assert str(project) not in text


def test_second_run_writes_nothing(project: Path) -> None:
    ingest_path(project / "sources", project / "docs", repo_root=project)
    doc = project / "docs" / "2024-02-01-xinwenbiaoti-yize.md"
    os.utime(doc, (1_000_000, 1_000_000))
    summary = ingest_path(project / "sources", project / "docs", repo_root=project)
    assert summary.written == [] and len(summary.skipped) == 2
    assert doc.stat().st_mtime == 1_000_000
    # --force re-runs the rules but leaves identical output untouched on disk.
    forced = ingest_path(project / "sources", project / "docs", repo_root=project, force=True)
    assert forced.written == [] and len(forced.unchanged) == 2
    assert doc.stat().st_mtime == 1_000_000


def test_hand_fix_survives_until_force(project: Path) -> None:
    ingest_path(project / "sources", project / "docs", repo_root=project)
    doc = project / "docs" / "2024-02-01-xinwenbiaoti-yize.md"
    doc.write_text(doc.read_text("utf-8").replace("正文第一段", "手工修订"), "utf-8")
    ingest_path(project / "sources", project / "docs", repo_root=project)
    assert "手工修订" in doc.read_text("utf-8")
    summary = ingest_path(project / "sources", project / "docs", repo_root=project, force=True)
    assert summary.written == [doc]
    assert "正文第一段" in doc.read_text("utf-8")


def test_changed_source_is_reingested_and_renamed_doc_replaces_old(project: Path) -> None:
    ingest_path(project / "sources", project / "docs", repo_root=project)
    (project / "sources" / "news.txt").write_text(
        NEWS.replace("新闻标题一则", "另一个标题"), "utf-8"
    )
    summary = ingest_path(project / "sources", project / "docs", repo_root=project)
    assert [p.name for p in summary.written] == ["2024-02-01-ling-yige-biaoti.md"]
    assert "2024-02-01-xinwenbiaoti-yize.md" not in _docs(project)


def test_bad_file_reported_others_still_ingested(project: Path) -> None:
    (project / "sources" / "empty.txt").write_bytes(b"")
    (project / "sources" / "blob.txt").write_bytes(bytes(range(256)) * 8)
    (project / "sources" / "notes.xyz").write_text("ignored", "utf-8")
    (project / "sources" / "gov.meta.yaml").write_text("title: 西城区政府工作报告\n", "utf-8")
    summary = ingest_path(project / "sources", project / "docs", repo_root=project)
    assert len(summary.written) == 2
    assert [e.path for e in summary.errors] == ["sources/blob.txt", "sources/empty.txt"]
    assert [p.name for p in summary.ignored] == ["notes.xyz"]
    with pytest.raises(MultipleErrors) as info:
        summary.raise_for_errors()
    assert info.value.exit_code == SourceError.exit_code


def test_sidecar_overrides_and_change_triggers_reingest(project: Path) -> None:
    side = project / "sources" / "news.meta.yaml"
    side.write_text("title: 维护者标题\nslug: ../../escape\n", "utf-8")
    ingest_path(project / "sources", project / "docs", repo_root=project)
    report = load_report(project / "docs" / "escape.md")
    assert report.meta["title"] == "维护者标题"
    assert report.meta["title_source"] == "sidecar"
    side.write_text("title: 维护者标题\nslug: news-2024\n", "utf-8")
    summary = ingest_path(project / "sources", project / "docs", repo_root=project)
    assert [p.name for p in summary.written] == ["news-2024.md"]
    assert "escape.md" not in _docs(project)
    assert not (project / "escape.md").exists()


def test_bad_sidecar_is_an_error_for_that_file(project: Path) -> None:
    (project / "sources" / "news.meta.yaml").write_text("title: x\nauthor: y\n", "utf-8")
    summary = ingest_path(project / "sources", project / "docs", repo_root=project)
    assert len(summary.written) == 1
    (error,) = summary.errors
    assert error.line == 2 and "unknown key 'author'" in str(error)


def test_slug_collision_gets_stable_suffix(project: Path) -> None:
    shutil.copy(project / "sources" / "news.txt", project / "sources" / "news2.txt")
    ingest_path(project / "sources", project / "docs", repo_root=project)
    names = _docs(project)
    assert "2024-02-01-xinwenbiaoti-yize.md" in names
    suffixed = [n for n in names if n.startswith("2024-02-01-xinwenbiaoti-yize-")]
    assert len(suffixed) == 1
    # Same name on a second, forced run: the suffix depends only on the source path.
    ingest_path(project / "sources", project / "docs", repo_root=project, force=True)
    assert _docs(project) == names


def test_single_file_path(project: Path) -> None:
    summary = ingest_path(project / "sources" / "gov.txt", project / "docs", repo_root=project)
    assert len(summary.written) == 1


def test_missing_sources_dir(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as info:
        ingest_path(tmp_path / "sources", tmp_path / "docs")
    assert "sources directory not found" in str(info.value)


def test_cli_ingest_summary_and_quiet_second_run(project: Path, monkeypatch) -> None:
    monkeypatch.chdir(project)
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest"])
    assert first.exit_code == 0, first.output
    assert first.output.splitlines() == [
        "wrote docs/2024-01-10-xicheng-zhengfu-gongzuo-baogao.md",
        "wrote docs/2024-02-01-xinwenbiaoti-yize.md",
    ]
    second = runner.invoke(cli, ["ingest", "sources", "--docs", "docs"])
    assert second.exit_code == 0 and second.output == ""
    forced = runner.invoke(cli, ["ingest", "--force"])
    assert forced.exit_code == 0 and forced.output == ""


def test_cli_error_lines_and_exit_code(project: Path, monkeypatch) -> None:
    monkeypatch.chdir(project)
    (project / "sources" / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(cli, ["ingest"])
    assert result.exit_code == SourceError.exit_code
    problems = [line for line in result.output.splitlines() if line.startswith("zhpress:")]
    assert problems == [
        "zhpress: error: sources/empty.txt: file is empty (remove it or add the report text)"
    ]
    assert "Traceback" not in result.output
    assert len(_docs(project)) == 2
    (project / "sources" / "blob.txt").write_bytes(bytes(range(256)) * 8)
    result = CliRunner().invoke(cli, ["ingest"])
    assert result.exit_code == SourceError.exit_code
    problems = [line for line in result.output.splitlines() if line.startswith("zhpress:")]
    assert problems == [
        "zhpress: error: sources/blob.txt: cannot decode file as text "
        "(expected UTF-8, UTF-16, GB18030/GBK or Big5 text)",
        "zhpress: error: sources/empty.txt: file is empty (remove it or add the report text)",
        "zhpress: 2 of 4 sources could not be ingested",
    ]


def test_cli_missing_sources_one_line(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "keep.md").write_text("---\ntitle: x\n---\n\n正文\n", "utf-8")
    result = CliRunner().invoke(cli, ["ingest"])
    assert result.exit_code == SourceError.exit_code
    assert result.output.strip().splitlines() == [
        "zhpress: error: sources: sources directory not found "
        "(put the raw reports in sources/ or pass a file or directory)"
    ]
    assert (tmp_path / "docs" / "keep.md").read_text("utf-8").endswith("正文\n")


def test_traditional_source_stays_traditional(project: Path) -> None:
    text = "政 府 工 作 報 告\n——2025年1月8日在北京市東城區第十七屆人民代表大會第五次會議上\n各位代表：\n現在，我代表東城區人民政府，向大會報告政府工作，請予審議。\n"
    (project / "sources" / "trad.txt").write_bytes(text.encode("big5"))
    ingest_path(project / "sources" / "trad.txt", project / "docs", repo_root=project)
    report = load_report(project / "docs" / "2025-01-08-dongcheng-zhengfu-gongzuo-baogao.md")
    assert report.meta["script"] == "hant"
    assert report.meta["title"] == "政府工作報告"
    assert "東城區人民政府" in report.body


def test_cli_help_texts() -> None:
    result = CliRunner().invoke(cli, ["ingest", "--help"])
    assert result.exit_code == 0
    assert "--force" in result.output and "--docs" in result.output


def test_garbled_source_gives_warning_but_still_ingests(project: Path, monkeypatch) -> None:
    (project / "sources" / "gov.txt").write_text(
        GOV + "重點工程項目有序?qū)嵤H消費體驗區建設穩步推進。\n", "utf-8"
    )
    monkeypatch.chdir(project)
    result = CliRunner().invoke(cli, ["ingest"])
    assert result.exit_code == 0
    assert (
        "zhpress: warning: sources/gov.txt: garbled text in the source near “工程項目有序?qū)嵤H消費體驗”"
        in result.output
    )
    assert "有序嵤H消費" in (
        project / "docs" / "2024-01-10-xicheng-zhengfu-gongzuo-baogao.md"
    ).read_text("utf-8")


def test_source_paths_are_relative_to_project_root_from_a_subdirectory(
    project: Path, monkeypatch
) -> None:
    (project / "mkdocs.yml").write_text("site_name: x\n", "utf-8")
    (project / "sub").mkdir()
    monkeypatch.chdir(project / "sub")
    result = CliRunner().invoke(cli, ["ingest", "../sources", "--docs", "../docs"])
    assert result.exit_code == 0, result.output
    report = load_report(project / "docs" / "2024-02-01-xinwenbiaoti-yize.md")
    assert report.meta["source_file"] == "sources/news.txt"
    monkeypatch.chdir(project)
    again = CliRunner().invoke(cli, ["ingest"])
    assert again.output == "" and len(_docs(project)) == 2


def test_reader_crash_on_a_broken_file_is_one_error(project: Path, monkeypatch) -> None:
    from zhpress.ingest.readers import READERS

    monkeypatch.setitem(READERS, ".bad", "zhpress.ingest.readers.text:read_markdown")
    (project / "sources" / "x.bad").write_text("---\n: : :\n---\n正文\n", "utf-8")

    def boom(path: Path):
        raise ValueError("zip file is truncated")

    monkeypatch.setattr("zhpress.ingest.readers.text.read_markdown", boom)
    summary = ingest_path(project / "sources", project / "docs", repo_root=project)
    assert len(summary.written) == 2
    (error,) = summary.errors
    assert str(error) == "sources/x.bad: cannot read bad file: ValueError: zip file is truncated"


def test_orphan_sidecar_is_a_warning(project: Path) -> None:
    (project / "sources" / "old-name.meta.yaml").write_text("title: 旧标题\n", "utf-8")
    summary = ingest_path(project / "sources", project / "docs", repo_root=project)
    assert summary.ok and len(summary.written) == 2
    assert summary.warnings == [
        "sources/old-name.meta.yaml: no source file for this sidecar "
        "(expected old-name.<txt|md|html|docx|pdf>)"
    ]


def test_doc_of_a_removed_source_is_kept_and_named(project: Path) -> None:
    ingest_path(project / "sources", project / "docs", repo_root=project)
    (project / "sources" / "news.txt").unlink()
    summary = ingest_path(project / "sources", project / "docs", repo_root=project)
    assert summary.ok
    assert summary.warnings == [
        "docs/2024-02-01-xinwenbiaoti-yize.md: its source sources/news.txt no longer exists "
        "(delete the doc if the report was withdrawn)"
    ]
    assert "2024-02-01-xinwenbiaoti-yize.md" in _docs(project)
