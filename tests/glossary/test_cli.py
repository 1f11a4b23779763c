"""`zhpress glossary ...` as a user runs it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from zhpress.cli import cli


def run(*args: str, cwd: Path | None = None):
    runner = CliRunner()
    return runner.invoke(cli, list(args), catch_exceptions=False)


def test_check_passes_on_shipped_glossary(repo_root: Path) -> None:
    result = run("glossary", "check", str(repo_root / "glossary"))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("glossary OK: ")
    assert int(result.output.split()[2]) >= 150


def test_check_lists_every_problem_then_fails(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "terms:\n  - zh: 胡同\n    colour: red\n  - zh: 两区\n", encoding="utf-8"
    )
    (tmp_path / "b.yaml").write_text("terms:\n  - zh: 胡同\n    en: [alley\n", encoding="utf-8")
    result = run("glossary", "check", str(tmp_path))
    assert result.exit_code == 5
    errors = [line for line in result.stderr.splitlines() if line.startswith("zhpress: error: ")]
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert [e.split(" ")[2] for e in errors] == [f"{a}:2:", f"{a}:3:", f"{a}:4:", f"{b}:3:"]
    assert "Traceback" not in result.output
    assert result.stderr.splitlines()[-1] == "zhpress: glossary check failed: 4 problem(s)"


def test_check_missing_directory(tmp_path: Path) -> None:
    result = run("glossary", "check", str(tmp_path / "nope"))
    assert result.exit_code == 5
    assert "glossary directory not found" in result.stderr


def test_suggest_and_append(tmp_path: Path) -> None:
    corpus = tmp_path / "docs"
    corpus.mkdir()
    (corpus / "r.md").write_text(
        "---\ntitle: t\n---\n\n推进“小院议事厅”建设。物业服务管理。\n物业服务管理，物业服务管理。\n",
        encoding="utf-8",
    )
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    target = glossary / "new.yaml"
    original = "# mine\nterms:\n  - zh: 胡同\n    en: hutong  # keep\n"
    target.write_text(original, encoding="utf-8")
    result = run(
        "glossary", "suggest", "--corpus", str(corpus), "--glossary", str(glossary),
        "--min-count", "3", "--append", str(target),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any(
        "物业服务管理" in line and "[frequent]" in line and line.split()[0] == "3" for line in lines
    )
    assert any("小院议事厅" in line and "[quoted]" in line and "r.md:5" in line for line in lines)
    text = target.read_text("utf-8")
    assert text.startswith(original)
    assert "  - zh: 小院议事厅\n    status: proposed\n" in text
    assert run("glossary", "check", str(glossary)).exit_code == 0


def test_ambiguities_pages_and_jieba_dict(tmp_path: Path, repo_root: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "r.md").write_text(
        "---\ntitle: 测试\nscript: hans\n---\n\n## 一、环境\n\n完成停车设施改造，施划停车位。\n",
        encoding="utf-8",
    )
    result = run("glossary", "ambiguities", str(docs), "--glossary", str(repo_root / "glossary"))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{docs / 'r.md'}:8: '划' became '劃' by default")
    out = tmp_path / "pages"
    result = run("glossary", "pages", str(out), "--glossary", str(repo_root / "glossary"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["en.md", "hans.md", "hant.md"]
    hans = (out / "hans.md").read_text("utf-8")
    assert '<span id="bei-jing-cheng-shi-fu-zhong-xin"></span>北京城市副中心 |' in hans
    dict_path = tmp_path / "user.dict"
    result = run(
        "glossary", "jieba-dict", str(dict_path), "--glossary", str(repo_root / "glossary")
    )
    assert result.exit_code == 0, result.output
    words = {line.split()[0] for line in dict_path.read_text("utf-8").splitlines()}
    assert {"京津冀协同发展", "京津冀協同發展", "胡同", "衚衕"} <= words
