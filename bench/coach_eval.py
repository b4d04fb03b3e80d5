"""Agreement of the coaches with the labelled corpus in bench/corpus, and their speed.

    python bench/coach_eval.py [--split heldout|tune|all] [--json]

By default only the held-out part is scored: no rule or model was tuned on it. Each part of
the corpus (questions, request emails, thank-yous) is skipped, with a line saying so, when its
file or its coach does not exist yet.
"""

import argparse
import importlib
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
CORPUS = ROOT / "bench" / "corpus"
QUESTION_FLAGS = ("open_ended", "googleable", "asks_for_job")


def load(name: str, split: str) -> list[dict] | None:
    path = CORPUS / name
    if not path.exists():
        return None
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split == "all" or r["split"] == split]


def coach_function(module: str, name: str):
    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None


def per_second(function, inputs: list, budget: float = 1.0) -> float:
    """Calls per second of this process's CPU time over the inputs, repeated for about `budget` seconds.

    CPU time rather than the wall clock, so that other work on a shared machine does not count.
    """
    done, start = 0, time.process_time()
    while True:
        for item in inputs:
            function(item)
        done += len(inputs)
        elapsed = time.process_time() - start
        if elapsed >= budget:
            return done / elapsed


def agreement(pairs: list[tuple]) -> float | None:
    return round(sum(1 for a, b in pairs if a == b) / len(pairs), 4) if pairs else None


def evaluate_questions(split: str, timing: float) -> dict:
    rows = load("questions.jsonl", split)
    check = coach_function("coffeechat.questions.coach", "check_question")
    if rows is None or check is None:
        return {"skipped": "bench/corpus/questions.jsonl is missing" if rows is None else "no check_question yet"}
    from coffeechat.questions.bank import CATEGORIES

    predicted = [check(r["text"]) for r in rows]
    checks = {flag: agreement([(getattr(p, flag), r["labels"][flag]) for p, r in zip(predicted, rows, strict=False)]) for flag in QUESTION_FLAGS}
    checks["category"] = agreement([(p.category, r["labels"]["category"]) for p, r in zip(predicted, rows, strict=False)])
    confusion = Counter((r["labels"]["category"], p.category) for p, r in zip(predicted, rows, strict=False))
    by_category = {}
    for category in CATEGORIES:
        true = [(p.category, category) for p, r in zip(predicted, rows, strict=False) if r["labels"]["category"] == category]
        if true:
            by_category[category] = {"n": len(true), "agreement": agreement(true)}
    clear = [p for p, r in zip(predicted, rows, strict=False) if r["labels"]["category"] != "other"]
    misses = [{"id": r["id"], "text": r["text"], "expected": {k: r["labels"][k] for k in r["labels"]},
               "got": {k: getattr(p, k) for k in (*QUESTION_FLAGS, "category")}}
              for p, r in zip(predicted, rows, strict=False) if any(getattr(p, k) != r["labels"][k] for k in (*QUESTION_FLAGS, "category"))]
    all_texts = [r["text"] for r in load("questions.jsonl", "all")]
    return {
        "n": len(rows), "checks": checks, "categories": by_category,
        "confusion": {f"{t}→{g}": n for (t, g), n in sorted(confusion.items()) if t != g},
        "confusion_matrix": [[confusion[(t, g)] for g in CATEGORIES] for t in CATEGORIES],
        "other_share_of_clear": round(sum(1 for p in clear if p.category == "other") / len(clear), 4) if clear else None,
        "questions_per_second": round(per_second(check, all_texts, timing)) if timing else None,
        "misses": misses,
    }


def finding_values(report) -> dict[str, bool]:
    """A coach report's findings as predicted labels: True means the thing is present.

    `asks_for_job` is the one check whose ok=True means the bad thing is absent.
    """
    return {f.id: (not f.ok if f.id == "asks_for_job" else f.ok) for f in report.findings}


def evaluate_labelled(file: str, module: str, name: str, call, split: str, timing: float, unit: str) -> dict:
    rows = load(file, split)
    function = coach_function(module, name)
    if rows is None or function is None:
        return {"skipped": f"bench/corpus/{file} is missing" if rows is None else f"no {module}.{name} yet"}
    predicted = [finding_values(call(function, r)) for r in rows]
    ids = sorted({k for r in rows for k in r["labels"]})
    checks = {i: agreement([(p.get(i), r["labels"][i]) for p, r in zip(predicted, rows, strict=False) if i in r["labels"]]) for i in ids}
    misses = [{"id": r["id"], "check": i, "expected": r["labels"][i], "got": p.get(i)}
              for p, r in zip(predicted, rows, strict=False) for i in r["labels"] if p.get(i) != r["labels"][i]]
    all_rows = load(file, "all")
    speed = round(per_second(lambda row: call(function, row), all_rows, timing)) if timing else None
    return {"n": len(rows), "checks": checks, f"{unit}_per_second": speed, "misses": misses}


def evaluate_emails(split: str, timing: float) -> dict:
    return evaluate_labelled("emails.jsonl", "coffeechat.outreach.coach", "check_email",
                             lambda f, r: f(r["text"]), split, timing, "emails")


def evaluate_thanks(split: str, timing: float) -> dict:
    return evaluate_labelled("thanks.jsonl", "coffeechat.outreach.coach", "check_thanks",
                             lambda f, r: f(r["text"], notes=r.get("notes", ""), referrals=r.get("referrals", [])),
                             split, timing, "thanks")


def show_checks(title: str, result: dict) -> None:
    if "skipped" in result:
        print(f"{title}: skipped ({result['skipped']}).")
        return
    print(f"{title}: {result['n']} items")
    for check, value in result["checks"].items():
        print(f"  {check:<22} {value:.3f}" if value is not None else f"  {check:<22} —")


def show_questions(result: dict, show_misses: bool) -> None:
    show_checks("Questions", result)
    if "skipped" in result:
        return
    print("  per category (agreement on questions labelled with it):")
    for category, row in result["categories"].items():
        print(f"    {category:<14} {row['agreement']:.3f}  (n={row['n']})")
    share = result["other_share_of_clear"]
    print(f"  'other' given to questions with a clear category: {share:.1%}" if share is not None else "")
    from coffeechat.questions.bank import CATEGORIES

    short = [c[:5] for c in CATEGORIES]
    print("  confusion (rows: label, columns: coach):")
    print("    " + " " * 13 + " ".join(f"{s:>5}" for s in short))
    for category, row in zip(CATEGORIES, result["confusion_matrix"], strict=False):
        print(f"    {category:<13}" + " ".join(f"{n:>5}" if n else "    ·" for n in row))
    if show_misses:
        for miss in result["misses"]:
            wrong = {k: v for k, v in miss["got"].items() if v != miss["expected"][k]}
            print(f"  ✗ {miss['id']} {miss['text']}  {wrong} (label: {({k: miss['expected'][k] for k in wrong})})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("heldout", "tune", "all"), default="heldout")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--misses", action="store_true", help="list every disagreement")
    parser.add_argument("--timing", type=float, default=1.0, help="seconds spent measuring each coach's speed (0: skip)")
    args = parser.parse_args(argv)
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")
    django.setup()
    result = {"split": args.split, "questions": evaluate_questions(args.split, args.timing),
              "emails": evaluate_emails(args.split, args.timing), "thanks": evaluate_thanks(args.split, args.timing)}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"Split: {args.split}")
    show_questions(result["questions"], args.misses)
    show_checks("Request emails", result["emails"])
    show_checks("Thank-yous", result["thanks"])
    if args.misses:
        for part in ("emails", "thanks"):
            for miss in result[part].get("misses", []):
                print(f"  ✗ {part} {miss['id']} {miss['check']}: label {miss['expected']}, coach {miss['got']}")
    speeds = [(result["questions"].get("questions_per_second"), "questions/s"),
              (result["emails"].get("emails_per_second"), "emails/s"), (result["thanks"].get("thanks_per_second"), "thank-yous/s")]
    shown = [f"{value:,} {unit}" for value, unit in speeds if value]
    if shown:
        print("Speed (one process, CPU time): " + ", ".join(shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
