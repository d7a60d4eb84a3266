"""squawk over every SQL migration."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_squawk_migrations():
    squawk = shutil.which("squawk") or str(Path(sys.executable).parent / "squawk")
    files = sorted(str(p) for p in (ROOT / "db" / "migrations").glob("*.sql"))
    assert files
    proc = subprocess.run([squawk, "--config", str(ROOT / ".squawk.toml"), *files],
                          capture_output=True, text=True, env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
