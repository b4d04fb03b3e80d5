"""`coffeechat serve` started for real, as a user would, in a child process."""

import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.clirun import cli_env

LINK = re.compile(r"(http://\S+/login/link/\S+)")


class Server:
    def __init__(self, data_dir: Path, *extra_args: str, **env: str):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "coffeechat", "serve", "--no-browser", "--port", "0", *extra_args],
            env=cli_env(data_dir, **env), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self.output: list[str] = []
        self.link = self._wait_for_link()
        self.base_url = self.link.split("/login/")[0]

    def _wait_for_link(self, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            self.output.append(line)
            match = LINK.search(line)
            if match:
                return match.group(1)
        self.process.kill()
        raise AssertionError("serve printed no sign-in link:\n" + "".join(self.output))

    def stop(self) -> int:
        """Ctrl-C, as a user would; returns the exit code and keeps the rest of the output."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            rest, _ = self.process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise AssertionError("serve did not stop on Ctrl-C") from None
        self.output.append(rest)
        return self.process.returncode

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.process.poll() is None:
            self.stop()
