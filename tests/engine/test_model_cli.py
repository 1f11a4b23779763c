"""`zhpress model install/list`: what a user sees, including every failure."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from engine_helpers import closed_port, repack, serve_directory

import zhpress.cli.model_cmd  # noqa: F401 - registers `zhpress model`
from zhpress.cli import cli
from zhpress.translate.models import find_model, install_from_index, list_installed


@pytest.fixture()
def models_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "models"
    monkeypatch.setenv("ZHPRESS_MODELS_DIR", str(d))
    return d


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def assert_one_line_error(result, code: int, *needles: str) -> str:
    assert result.exit_code == code, result.output
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1, lines
    assert lines[0].startswith("zhpress: error: ")
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in lines[0]
    return lines[0]


def installed_names(models_dir: Path) -> list[str]:
    return sorted(p.name for p in models_dir.iterdir()) if models_dir.exists() else []


def test_install_from_file_then_list_and_find(models_dir: Path, synthetic_argos_package: Path):
    result = run("model", "install", "--file", str(synthetic_argos_package))
    assert result.exit_code == 0, result.output
    assert "installed zh->en model 1.9" in result.output
    # Unpacked atomically: only the final directory, no temp leftovers.
    assert installed_names(models_dir) == ["zh_en-1.9"]
    pkg_dir = models_dir / "zh_en-1.9"
    assert (pkg_dir / "metadata.json").is_file()
    assert (pkg_dir / "model" / "model.bin").is_file()
    assert (pkg_dir / "sentencepiece.model").is_file()

    listing = run("model", "list")
    assert listing.exit_code == 0
    row = next(ln for ln in listing.output.splitlines() if ln.startswith("zh->en"))
    assert "1.9" in row and str(pkg_dir) in row

    found = find_model("zh", "en")
    assert found is not None and found.path == pkg_dir
    assert find_model("en", "zh") is None


def test_reinstall_replaces_in_place(models_dir: Path, synthetic_argos_package: Path):
    for _ in range(2):
        assert run("model", "install", "--file", str(synthetic_argos_package)).exit_code == 0
    assert installed_names(models_dir) == ["zh_en-1.9"]
    assert len(list_installed(models_dir)) == 1


def test_newest_version_wins(models_dir: Path, synthetic_argos_package: Path, tmp_path: Path):
    newer = repack(
        synthetic_argos_package,
        tmp_path / "newer.argosmodel",
        metadata=lambda m: {**m, "package_version": "1.10"},
    )
    run("model", "install", "--file", str(synthetic_argos_package))
    run("model", "install", "--file", str(newer))
    assert installed_names(models_dir) == ["zh_en-1.10", "zh_en-1.9"]
    assert find_model().package_version == "1.10"


def test_list_when_nothing_installed(models_dir: Path):
    result = run("model", "list")
    assert result.exit_code == 0
    assert "no models installed" in result.output
    assert "zhpress model install" in result.output


def test_corrupt_zip_is_one_line_and_installs_nothing(models_dir: Path, tmp_path: Path):
    bad = tmp_path / "bad.argosmodel"
    bad.write_bytes(b"this is not a zip file at all" * 100)
    result = run("model", "install", "--file", str(bad))
    assert_one_line_error(result, 7, "not a valid .argosmodel", "bad.argosmodel")
    assert installed_names(models_dir) == []


def test_truncated_file_is_rejected_and_keeps_the_installed_model(
    models_dir: Path, tmp_path: Path, synthetic_argos_package: Path
):
    data = synthetic_argos_package.read_bytes()
    cut = tmp_path / "translate-zh_en-1_9.argosmodel"
    cut.write_bytes(data[: len(data) // 2])
    assert_one_line_error(run("model", "install", "--file", str(cut)), 7)
    assert installed_names(models_dir) == []
    # A failed reinstall leaves the working model untouched.
    assert run("model", "install", "--file", str(synthetic_argos_package)).exit_code == 0
    before = (models_dir / "zh_en-1.9" / "model" / "model.bin").read_bytes()
    assert_one_line_error(run("model", "install", "--file", str(cut)), 7)
    assert installed_names(models_dir) == ["zh_en-1.9"]
    assert (models_dir / "zh_en-1.9" / "model" / "model.bin").read_bytes() == before


def test_missing_metadata(models_dir: Path, tmp_path: Path, synthetic_argos_package: Path):
    no_meta = repack(
        synthetic_argos_package,
        tmp_path / "nometa.argosmodel",
        drop=lambda name: name.endswith("metadata.json"),
    )
    result = run("model", "install", "--file", str(no_meta))
    assert_one_line_error(result, 7, "no metadata.json")
    assert installed_names(models_dir) == []


def test_broken_metadata_json(models_dir: Path, tmp_path: Path, synthetic_argos_package: Path):
    broken = repack(synthetic_argos_package, tmp_path / "b.argosmodel", metadata=lambda m: "{oops")
    assert_one_line_error(run("model", "install", "--file", str(broken)), 7, "not valid JSON")
    assert installed_names(models_dir) == []


def test_missing_model_dir(models_dir: Path, tmp_path: Path, synthetic_argos_package: Path):
    no_model = repack(
        synthetic_argos_package, tmp_path / "nm.argosmodel", drop=lambda n: "/model/" in n
    )
    assert_one_line_error(run("model", "install", "--file", str(no_model)), 7, "model.bin")
    assert installed_names(models_dir) == []


def test_wrong_language_pair(models_dir: Path, tmp_path: Path, synthetic_argos_package: Path):
    en_de = repack(
        synthetic_argos_package,
        tmp_path / "en_de.argosmodel",
        metadata=lambda m: {**m, "from_code": "en", "to_code": "de"},
    )
    result = run("model", "install", "--file", str(en_de))
    assert_one_line_error(result, 7, "en->de", "expected zh->en")
    assert installed_names(models_dir) == []


def test_sha256_of_local_file(models_dir: Path, synthetic_argos_package: Path):
    good = hashlib.sha256(synthetic_argos_package.read_bytes()).hexdigest()
    bad = "0" * 64
    result = run("model", "install", "--file", str(synthetic_argos_package), "--sha256", bad)
    assert_one_line_error(result, 7, "SHA-256 mismatch")
    assert installed_names(models_dir) == []
    ok = run("model", "install", "--file", str(synthetic_argos_package), "--sha256", good.upper())
    assert ok.exit_code == 0, ok.output


def test_missing_file(models_dir: Path, tmp_path: Path):
    result = run("model", "install", "--file", str(tmp_path / "nope.argosmodel"))
    assert_one_line_error(result, 7, "not found")


def test_no_network_is_one_line(models_dir: Path):
    url = f"http://127.0.0.1:{closed_port()}/index.json"
    result = run("model", "install", "--index-url", url)
    line = assert_one_line_error(result, 8, "cannot connect", url)
    assert "--file" in line  # tells the user the offline way
    assert installed_names(models_dir) == []


def _index(root: Path, base: str, package: Path, **extra) -> None:
    (root / package.name).write_bytes(package.read_bytes())
    entries = [
        {"from_code": "en", "to_code": "zh", "package_version": "1.9", "links": [f"{base}/x"]},
        {
            "package_version": "1.9",
            "argos_version": "1.9.0",
            "from_code": "zh",
            "to_code": "en",
            "code": "translate-zh_en",
            # ipfs links cannot be fetched and are skipped, as argospm does.
            "links": ["ipfs://QmNothing", f"{base}/{package.name}"],
            **extra,
        },
    ]
    (root / "index.json").write_text(json.dumps(entries), "utf-8")


def test_download_from_index_with_progress_and_sha256(
    models_dir: Path, tmp_path: Path, synthetic_argos_package: Path
):
    root = tmp_path / "www"
    root.mkdir()
    digest = hashlib.sha256(synthetic_argos_package.read_bytes()).hexdigest()
    calls: list[tuple[int, int | None]] = []
    with serve_directory(root) as base:
        _index(root, base, synthetic_argos_package, sha256=digest)
        package = install_from_index(
            index_url=f"{base}/index.json", progress=lambda d, t: calls.append((d, t))
        )
        size = synthetic_argos_package.stat().st_size
        assert package.path == models_dir / "zh_en-1.9"
        assert calls[0] == (0, size) and calls[-1] == (size, size)
        assert len(calls) > 2  # streamed in chunks, not one read
        # The CLI path (with its rich progress bar) works the same way.
        result = run("model", "install", "--index-url", f"{base}/index.json")
        assert result.exit_code == 0, result.output
        assert "installed zh->en model 1.9" in result.output
    assert installed_names(models_dir) == ["zh_en-1.9"]


def test_download_sha256_mismatch_installs_nothing(
    models_dir: Path, tmp_path: Path, synthetic_argos_package: Path
):
    root = tmp_path / "www"
    root.mkdir()
    with serve_directory(root) as base:
        _index(root, base, synthetic_argos_package, sha256="ab" * 32)
        result = run("model", "install", "--index-url", f"{base}/index.json")
    assert_one_line_error(result, 7, "SHA-256 mismatch")
    assert installed_names(models_dir) == []  # temp download removed too


def test_index_link_404(models_dir: Path, tmp_path: Path, synthetic_argos_package: Path):
    root = tmp_path / "www"
    root.mkdir()
    with serve_directory(root) as base:
        _index(root, base, synthetic_argos_package)
        (root / synthetic_argos_package.name).unlink()
        result = run("model", "install", "--index-url", f"{base}/index.json")
    assert_one_line_error(result, 8, "404")
    assert installed_names(models_dir) == []


def test_index_without_pair_or_not_json(models_dir: Path, tmp_path: Path):
    root = tmp_path / "www"
    root.mkdir()
    (root / "index.json").write_text('[{"from_code": "en", "to_code": "de"}]', "utf-8")
    (root / "bad.json").write_text("<html>not json</html>", "utf-8")
    with serve_directory(root) as base:
        missing = run("model", "install", "--index-url", f"{base}/index.json")
        garbage = run("model", "install", "--index-url", f"{base}/bad.json")
    assert_one_line_error(missing, 7, "no zh->en package")
    assert_one_line_error(garbage, 7, "not valid JSON")


def test_model_commands_have_help():
    for args in (["model"], ["model", "install"], ["model", "list"], ["model", "synthetic"]):
        result = run(*args, "--help")
        assert result.exit_code == 0
        assert "Usage:" in result.output
    install_help = run("model", "install", "--help").output
    for option in ("--file", "--index-url", "--sha256", "--models-dir"):
        assert option in install_help


def test_list_warns_about_a_broken_install(models_dir: Path, synthetic_argos_package: Path):
    run("model", "install", "--file", str(synthetic_argos_package))
    (models_dir / "zh_en-0.1").mkdir()  # e.g. a package someone unpacked by hand, half-copied
    result = CliRunner().invoke(cli, ["model", "list"])
    assert result.exit_code == 0
    assert "zhpress: warning:" in result.output and "zh_en-0.1" in result.output
    assert "no metadata.json" in result.output
    assert find_model().package_version == "1.9"  # the broken one is never picked


def test_default_models_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    from zhpress.translate.models import default_models_dir

    monkeypatch.delenv("ZHPRESS_MODELS_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    if __import__("sys").platform.startswith("linux"):
        assert default_models_dir() == tmp_path / "xdg" / "zhpress" / "models"
    monkeypatch.setenv("ZHPRESS_MODELS_DIR", "~/somewhere")
    assert default_models_dir() == Path.home() / "somewhere"


def test_synthetic_command_writes_an_installable_package(models_dir: Path, tmp_path: Path):
    result = run("model", "synthetic", str(tmp_path / "out"), "--seed", "5")
    assert result.exit_code == 0, result.output
    path = Path(result.output.strip())
    assert path.name == "translate-zh_en-1_9.argosmodel" and path.is_file()
    assert run("model", "install", "--file", str(path)).exit_code == 0
    assert "seed 5" in find_model().title
