"""Where a local installation keeps its files: the database and the secret key."""

import os
import secrets
from pathlib import Path

import platformdirs

SECRET_FILE = "secret_key"


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
    folder.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    # O_EXCL: two processes starting at once must not write two different keys.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
    return key
