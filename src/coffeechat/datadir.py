"""Where a local installation keeps its files: the database, the secret key, uploads, the running server's address.

Everything there is private to the account running Coffeechat: the folder is 0700 and the
files in it 0600 (on systems with POSIX permissions)."""

import json
import os
import secrets
import socket
from pathlib import Path

import platformdirs

SECRET_FILE = "secret_key"
FOLDER_MODE = 0o700
FILE_MODE = 0o600


def data_dir() -> Path:
    """The data folder: COFFEECHAT_DATA_DIR, else the platform's user data dir."""
    configured = os.environ.get("COFFEECHAT_DATA_DIR", "").strip()
    if configured:
        return Path(configured).expanduser().resolve()
    return Path(platformdirs.user_data_dir("coffeechat", appauthor=False))


def load_or_create_secret(folder: Path) -> str:
    """Read the local secret key, generating it on first run (readable by the owner only)."""
    path = folder / SECRET_FILE
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    private_folder(folder)
    key = secrets.token_urlsafe(50)
    # O_EXCL: two processes starting at once must not write two different keys.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
    return key


SERVER_FILE = "server.json"


def write_server_address(folder: Path, host: str, port: int) -> Path:
    """Note where `coffeechat serve` listens, so `coffeechat login-link` can point at it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / SERVER_FILE
    path.write_text(json.dumps({"host": host, "port": port, "pid": os.getpid()}), encoding="utf-8")
    return path


def read_server_address(folder: Path) -> tuple[str, int] | None:
    """(host, port) of the server that said it is running, or None (no note, or an unreadable one)."""
    try:
        note = json.loads((folder / SERVER_FILE).read_text(encoding="utf-8"))
        return str(note["host"]), int(note["port"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def remove_server_address(folder: Path) -> None:
    """Remove the note on the way out, if it is still this process's own (a second server may have replaced it)."""
    path = folder / SERVER_FILE
    try:
        if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
            path.unlink()
    except (OSError, ValueError, AttributeError):
        pass


def is_listening(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _restrict(path: Path, mode: int) -> None:
    try:
        os.chmod(path, mode)
    except OSError:
        pass  # a file system without POSIX permissions: nothing more we can do


def private_folder(folder: Path) -> Path:
    """Create `folder` (0700) if needed, and take away others' access if it already exists."""
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    _restrict(folder, FOLDER_MODE)
    return folder


def private_database(path: Path) -> Path:
    """Make sure the SQLite database is created 0600. SQLite gives its -wal and -shm files the
    permissions of the database file, so creating the (empty) file first is enough; files left
    by an older version are tightened too."""
    private_folder(path.parent)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    except FileExistsError:
        pass
    for companion in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
                      path.parent / SECRET_FILE):
        if companion.exists():
            _restrict(companion, FILE_MODE)
    return path
