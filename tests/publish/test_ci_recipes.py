"""deploy/gitlab-ci.yml and deploy/forgejo-actions.yml: valid YAML with the keys each CI needs,
`make check` on merge requests, `make test` then the upload on main, and only real targets."""

import re

import pytest
import yaml

from site_support import REPO

DEPLOY = REPO / "deploy"


def load(name):
    return yaml.safe_load((DEPLOY / name).read_text(encoding="utf-8"))


def make_targets():
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z_-]+):", text, flags=re.M))


def commands(lines):
    """The make targets called in a list of shell lines."""
    return [match for line in lines for match in re.findall(r"\bmake ([a-z_-]+)", line)]


def test_gitlab_checks_merge_requests_and_tests_then_uploads_main():
    ci = load("gitlab-ci.yml")
    assert ci["stages"] == ["check", "test", "publish"] and ci["image"].startswith("python:3.11")
    jobs = {name: job for name, job in ci.items() if isinstance(job, dict) and "script" in job}
    assert set(jobs) == {"check", "test", "publish"}
    for name, job in jobs.items():
        assert job["stage"] in ci["stages"] and isinstance(job["script"], list), name
        assert set(commands(job["script"])) <= make_targets(), name
    assert jobs["check"]["script"] == ["make check"]
    assert jobs["check"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    main = [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert jobs["test"]["rules"] == main and jobs["test"]["script"] == ["make test"]
    publish = jobs["publish"]
    assert publish["rules"] == main and publish["needs"] == ["test"] and publish["resource_group"]
    assert commands(publish["script"]) == ["rsync_upload"]  # make publish, then the release upload
    assert any("known_hosts" in line for line in publish["before_script"])


def test_forgejo_checks_pull_requests_and_tests_then_uploads_main():
    flow = load("forgejo-actions.yml")
    on = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in on and on["push"]["branches"] == ["main"]
    jobs = flow["jobs"]
    assert set(jobs) == {"check", "test", "publish"}
    for name, job in jobs.items():
        assert job["runs-on"] and job["container"]["image"].endswith("bookworm"), name
        assert all(("uses" in step) != ("run" in step) for step in job["steps"]), name
        assert job["steps"][0]["uses"].startswith("actions/checkout@"), name
        assert set(commands(step["run"] for step in job["steps"] if "run" in step)) <= make_targets(), name
    runs = {name: commands(step["run"] for step in job["steps"] if "run" in step) for name, job in jobs.items()}
    assert runs == {"check": ["check"], "test": ["test"], "publish": ["rsync_upload"]}
    assert jobs["check"]["if"] == "github.event_name == 'pull_request'"
    assert jobs["test"]["if"] == jobs["publish"]["if"] == "github.event_name == 'push'"
    assert jobs["publish"]["needs"] == ["test"]
    key_step = next(step for step in jobs["publish"]["steps"] if "SSH_PRIVATE_KEY" in step.get("env", {}))
    assert key_step["env"]["SSH_PRIVATE_KEY"] == "${{ secrets.SSH_PRIVATE_KEY }}"


@pytest.mark.parametrize("name", ["gitlab-ci.yml", "forgejo-actions.yml"])
def test_no_secret_is_written_in_the_recipe(name):
    text = (DEPLOY / name).read_text(encoding="utf-8")
    assert "PRIVATE KEY-----" not in text and "password" not in text.lower()
