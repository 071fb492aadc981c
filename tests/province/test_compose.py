"""compose.yaml cannot run here (no Docker engine): check what can be checked without it."""

import dataclasses
import json
import re
from pathlib import Path

import jsonschema
import yaml

from reader.cli import _parser
from reader.config import Settings

REPO = Path(__file__).resolve().parents[2]
COMPOSE = (REPO / "compose.yaml").read_text(encoding="utf-8")


def test_every_service_of_a_province_is_there():
    services = re.findall(r"^  (\w+):$", COMPOSE, flags=re.MULTILINE)
    assert {"postgres", "redis", "migrate", "app1", "app2", "worker1", "worker2"} <= set(services)


def test_every_reader_command_in_compose_is_one_the_cli_knows():
    commands = [json.loads(m) for m in re.findall(r'command: (\["python", "-m", "reader".*\])', COMPOSE)]
    assert len(commands) == 3
    for command in commands:
        _parser().parse_args(command[3:])  # exits on an unknown command or option


def test_the_image_installs_what_packages_txt_names_for_running():
    dockerfile = (REPO / "Dockerfile").read_text(encoding="utf-8")
    for package in ("ffmpeg", "espeak-ng"):
        assert package in dockerfile and package in (REPO / "packages.txt").read_text()


def _compose() -> dict:
    return yaml.safe_load(COMPOSE)


def test_compose_yaml_follows_the_compose_specification():
    schema = json.loads((Path(__file__).parent / "data" / "compose-spec.json").read_text(encoding="utf-8"))
    errors = [f"{list(e.path)}: {e.message}" for e in jsonschema.Draft201909Validator(schema).iter_errors(_compose())]
    assert errors == []


def test_every_reader_setting_in_compose_and_the_image_is_one_the_reader_reads():
    known = {f"READER_{field.name.upper()}" for field in dataclasses.fields(Settings)}
    named = set(re.findall(r"\b(READER_[A-Z0-9_]+)", COMPOSE + (REPO / "Dockerfile").read_text(encoding="utf-8")))
    assert named and named <= known, named - known


def test_services_start_in_an_order_that_exists():
    services = _compose()["services"]
    for name, service in services.items():
        needs = service.get("depends_on", {})
        assert name not in needs and set(needs) <= set(services), name
    assert "migrate" not in services["migrate"].get("depends_on", {})  # the shared anchor is overridden there
    assert all("migrate" in services[s]["depends_on"] for s in ("app1", "app2", "worker1", "worker2"))
