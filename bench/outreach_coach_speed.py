"""How fast the outreach and thank-you coaches run in process, on the labelled corpus.

    python bench/outreach_coach_speed.py [--rounds 20]

Needs no database. Prints emails/s and thank-you notes/s after a warm-up (the spelling
dictionary loads once per process, about 0.2 s, and is not counted).
"""

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from coffeechat.outreach.coach import check_email, check_thanks  # noqa: E402


def rate(fn, items, rounds: int) -> float:
    for item in items[:5]:
        fn(item)  # warm-up: dictionary and word list loaded once
    started = time.process_time()
    for _ in range(rounds):
        for item in items:
            fn(item)
    return rounds * len(items) / (time.process_time() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    rounds = parser.parse_args().rounds
    corpus = ROOT / "bench" / "corpus"
    emails = [json.loads(line)["text"] for line in (corpus / "emails.jsonl").read_text(encoding="utf-8").splitlines()]
    notes = [json.loads(line) for line in (corpus / "thanks.jsonl").read_text(encoding="utf-8").splitlines()]
    print(f"check_email:  {rate(check_email, emails, rounds):,.0f} emails/s ({len(emails)} emails x {rounds})")
    thanks = rate(lambda r: check_thanks(r["text"], notes=r["notes"], referrals=r["referrals"]), notes, rounds)
    print(f"check_thanks: {thanks:,.0f} notes/s ({len(notes)} notes x {rounds})")


if __name__ == "__main__":
    main()
