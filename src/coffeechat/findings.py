"""What every coach says about a text: a stable check id, a verdict, a plain message and a fix."""

from dataclasses import dataclass


@dataclass
class Finding:
    id: str
    ok: bool
    message: str
    fix: str
