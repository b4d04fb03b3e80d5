"""The words Coffeechat's own texts use, so spelling advice never flags one of them.

The texts are the page and e-mail templates and the strings in the code (the question bank, the
message templates, the coaches' own messages). `python -m coffeechat.outreach.coach.appwords`
rewrites `app_words.txt` beside this file; a test checks the shipped list is still complete.
Only words the dictionary (with its British and Canadian variants) does not already know are kept.
"""

import ast
import re
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]  # src/coffeechat
WORD_LIST = Path(__file__).with_name("app_words.txt")
_TAGS = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}|<[^>]*>|&\w+;", re.S)
_WORD = re.compile(r"\b[^\W\d_]+(?:['’][^\W\d_]+)?\b")
_PATTERN = re.compile(r"\\[a-zA-Z]|\(\?|\||\[[^\]\s]*\]|\$$")  # a regular expression, not prose


def _strings(source: str) -> list[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and not _PATTERN.search(node.value)]


def app_texts(root: Path = PACKAGE) -> list[str]:
    texts = []
    for path in sorted(root.rglob("*")):
        if "migrations" in path.parts or "static" in path.parts or not path.is_file():
            continue
        if path.suffix in {".html", ".txt"} and path != WORD_LIST:
            texts.append(_TAGS.sub(" ", path.read_text(encoding="utf-8")))
        elif path.suffix == ".py":
            texts.extend(_strings(path.read_text(encoding="utf-8")))
    return texts


def app_words(root: Path = PACKAGE) -> set[str]:
    """Every lower-case word (three letters or more) in the app's own texts."""
    return {w.replace("’", "'") for text in app_texts(root) for w in _WORD.findall(text) if w.islower() and len(w) > 2}


def main() -> None:
    from coffeechat.outreach.coach.spelling import dictionary_knows

    words = sorted(w for w in app_words() if not dictionary_knows(w))
    WORD_LIST.write_text("\n".join(words) + "\n", encoding="utf-8")
    sys.stdout.write(f"{len(words)} words the dictionary lacks written to {WORD_LIST}\n")


if __name__ == "__main__":
    main()
