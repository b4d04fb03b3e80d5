"""Running the real `coffeechat` command in a child process, against its own data folder."""

import os
import subprocess
import sys
from pathlib import Path


def cli_env(data_dir: Path, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY", "COFFEECHAT_MODE"}}
    env.update({"COFFEECHAT_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"})
    env.update(extra)
    return env


def run_cli(data_dir: Path, *args: str, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "coffeechat", *args],
        env=cli_env(data_dir, **env), input=stdin, capture_output=True, text=True, timeout=120,
    )
