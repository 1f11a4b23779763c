"""The GitHub Pages workflow builds with the Quickstart command and deploys officially."""

from __future__ import annotations

from pathlib import Path

import yaml

WORKFLOW = Path(__file__).resolve().parents[2] / ".github" / "workflows" / "pages.yml"


def _steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def test_pages_workflow_builds_and_deploys_build_site() -> None:
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = flow[True]  # YAML 1.1 reads the key `on` as a boolean
    assert "main" in triggers["push"]["branches"]
    jobs = flow["jobs"]
    build = _steps(jobs["build"])
    assert any(s.get("run") == "make site" for s in build)
    python = next(s for s in build if str(s.get("uses", "")).startswith("actions/setup-python"))
    assert str(python["with"]["python-version"]) == "3.11"
    upload = next(
        s for s in build if str(s.get("uses", "")).startswith("actions/upload-pages-artifact")
    )
    assert upload["with"]["path"] == "build/site"
    deploy = jobs["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert any(str(s.get("uses", "")).startswith("actions/deploy-pages") for s in _steps(deploy))
    assert any(s.get("run") == "make test" for s in _steps(jobs["test"]))
    assert set(deploy["needs"]) == {"build", "test"}
