"""`list`, `search` and `show` start without loading the importer, the speech pipeline or
the audio layer (issue 7: the command line pays only for what a command uses)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
HEAVY = ("trafilatura", "requests", "gtts", "pydub", "reader.speech.normalize", "reader.audio.render")

PROBE = """
import sys
from reader import cli
code = cli.main(sys.argv[1:])
heavy = [name for name in {heavy!r} if name in sys.modules]
print("HEAVY:" + ",".join(heavy))
sys.exit(code)
"""


@pytest.mark.parametrize("argv", [["list"], ["list", "--json"], ["search", "an biên"]])
def test_light_commands_do_not_import_heavy_layers(settings, argv):
    env = {"READER_DATA_DIR": str(settings.data_dir), "READER_CACHE_DIR": str(settings.cache_dir),
           "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY), *argv],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "HEAVY:"
