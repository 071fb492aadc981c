"""compose.yaml cannot run here (no Docker engine): check what can be checked without it."""

import json
import re
from pathlib import Path

from reader.cli import _parser

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
