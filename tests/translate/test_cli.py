"""`zhpress translate`, `zhpress translate import-bilingual` and `zhpress check`."""

from __future__ import annotations

from pathlib import Path

import polib
from click.testing import CliRunner
from tm_helpers import write_report

from zhpress.cli import cli


def _run(args: list[str], cwd: Path):
    """Run the CLI in ``cwd`` (the project root), as a user would."""
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, args, catch_exceptions=False)
    finally:
        os.chdir(old)


def _setup(tmp_path: Path) -> Path:
    write_report(tmp_path / "docs", "demo", "新设企业4655户。\n\n完成收入195亿元。")
    return tmp_path


def test_translate_without_model_writes_pending_and_strict_fails(tmp_path):
    root = _setup(tmp_path)
    models = tmp_path / "no-models"
    result = _run(["translate", "--models-dir", str(models)], root)
    assert result.exit_code == 0, result.output
    assert "3 pending" in result.output
    po = polib.pofile(str(root / "translations/en/demo.po"))
    assert len(po) == 3 and all(e.msgstr == "" for e in po)
    strict = _run(["translate", "--strict", "--models-dir", str(models)], root)
    assert strict.exit_code == 9
    assert "3 segment(s) pending" in strict.output
    assert "Traceback" not in strict.output


def test_named_engine_without_model_is_one_clear_error(tmp_path):
    root = _setup(tmp_path)
    result = _run(
        ["translate", "--engine", "ctranslate2", "--models-dir", str(tmp_path / "m")], root
    )
    assert result.exit_code == 7
    assert "no zh->en translation model is installed" in result.output
    assert not (root / "translations").exists()


def test_check_reports_findings_per_line_and_strict_exit(tmp_path):
    root = _setup(tmp_path)
    _run(["translate", "--engine", "none"], root)
    po_file = root / "translations/en/demo.po"
    po = polib.pofile(str(po_file))
    for e in po:
        if "4655" in e.msgid:
            e.msgstr = "4,665 new companies were set up."  # wrong number
        elif "195" in e.msgid:
            e.msgstr = "Revenue of 19.5 billion yuan was 完成."  # Chinese left
    po.save(str(po_file))
    result = _run(["check"], root)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert any(
        line.startswith("translations/en/demo.po:") and "[numbers]" in line and "4655" in line
        for line in lines
    ), lines
    assert any("[untranslated]" in line and "完成" in line for line in lines)
    assert any("[pending]" in line for line in lines)  # the title
    # 4655 missing + "4,665" matching nothing, untranslated, pending title
    assert lines[-1].startswith("check: 1 file(s), 3 segment(s): 4 error(s)")
    only = _run(["check", "--only", "numbers", "--strict", str(po_file)], root)
    assert only.exit_code == 9
    assert "[untranslated]" not in only.output and "[numbers]" in only.output


def test_check_reads_any_po_file(tmp_path):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgctxt="x", msgid="增长3.36%。", msgstr="Growth of 3.36 percent."))
    path = tmp_path / "other.po"
    po.save(str(path))
    result = _run(["check", "--strict", str(path)], tmp_path)
    assert result.exit_code == 0, result.output
    assert "0 error(s)" in result.output


def test_corrupt_po_is_one_line_error(tmp_path):
    path = tmp_path / "bad.po"
    path.write_text('msgid ""\nmsgstr ""\n\nmsgid "x"\nmsgid "y"\n', encoding="utf-8")
    result = _run(["check", str(path)], tmp_path)
    assert result.exit_code == 6
    assert "bad.po:5" in result.output and "Traceback" not in result.output


def test_import_bilingual_command(tmp_path):
    src = tmp_path / "edition.txt"
    src.write_text(
        "政府工作报告\nReport on the Work of the Government\n\n"
        "一、回顾\nI. Review\n\n"
        "粮食产量1.39万亿斤。再创历史新高。\nGrain output reached 695 million metric tons. It set a new record.\n",
        encoding="utf-8",
    )
    result = _run(["translate", "import-bilingual", str(src)], tmp_path)
    assert result.exit_code == 0, result.output
    assert "imported edition: 3 paragraph(s), 1 split into sentences" in result.output
    report = (tmp_path / "docs/edition.md").read_text(encoding="utf-8")
    assert "## 一、回顾" in report
    po = polib.pofile(str(tmp_path / "translations/en/edition.po"))
    assert [e.msgstr for e in po] == [
        "Report on the Work of the Government",
        "I. Review",
        "Grain output reached 695 million metric tons.",
        "It set a new record.",
    ]
    assert all("origin: official" in e.comment and "fuzzy" not in e.flags for e in po)
    check = _run(["check", "--strict"], tmp_path)
    assert check.exit_code == 0, check.output
