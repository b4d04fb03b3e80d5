"""The user's weekly free hours, as stored on the user and as the settings form shows them."""

from dataclasses import dataclass
from datetime import time


@dataclass(frozen=True)
class Window:
    weekday: int   # 0 = Monday
    start: time
    end: time


def parse_availability(data: dict) -> list[Window]:
    """{"0": [["09:00", "12:00"]], …} as stored on the user -> windows; bad entries are ignored."""
    windows = []
    for day, ranges in (data or {}).items():
        try:
            weekday = int(day)
        except (TypeError, ValueError):
            continue
        for pair in ranges or []:
            try:
                start, end = time.fromisoformat(pair[0]), time.fromisoformat(pair[1])
            except (TypeError, ValueError, IndexError):
                continue
            if 0 <= weekday <= 6 and start < end:
                windows.append(Window(weekday, start, end))
    return sorted(windows, key=lambda w: (w.weekday, w.start))


def format_availability(data: dict) -> dict[int, str]:
    """Per weekday, the text the settings form shows: "09:00-12:00, 14:00-17:00"."""
    text = {}
    for window in parse_availability(data):
        part = f"{window.start:%H:%M}-{window.end:%H:%M}"
        text[window.weekday] = f"{text[window.weekday]}, {part}" if window.weekday in text else part
    return text
