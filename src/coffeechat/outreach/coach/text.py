"""Splitting an email into subject, greeting, body and sign-off, and into sentences."""

import re

GREETING = re.compile(r"^(dear|hi|hiya|hello|hey|howdy|g'day|hola|olá|bonjour|good (morning|afternoon|evening|day)|"
                      r"greetings|respected|to whom it may concern)\b", re.I)
# "Hi Priya, Dev suggested I write…": the salutation alone, when the body follows on the same line.
INLINE_GREETING = re.compile(r"^(?:dear|hi|hiya|hello|hey|howdy|g'day|hola)\b[^,!—–:\n]{0,40}[,!—–:]\s+", re.I)
SIGN_OFF = re.compile(
    r"^(best|best regards|best wishes|kind regards|warm regards|warmly|regards|sincerely|yours( sincerely| truly)?|"
    r"thanks|thank you|thanks again|many thanks|thank you for (your time|considering (this|it|my request))|"
    r"cheers|all the best|with (thanks|gratitude|best wishes|many thanks|warm regards|kind regards)|gratefully|"
    r"respectfully|take care|warm wishes|warmest (thanks|regards|wishes)|many thanks|thanking you|"
    r"(yours )?faithfully|cordialement|saludos|merci|obrigad[ao]|danke|ngā mihi|semper fi|gig 'em|speak soon)"
    r"\b[^.?]{0,30}[,!.]?$",
    re.I,
)
PLACEHOLDER = re.compile(r"\[[^\]\n]{2,200}\]")
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])[ \t]+|\s*\n\s*")
# A sentence does not end after a title ("Ms. Haddad") or an initial ("J. Smith").
_NOT_AN_END = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|Prof|St|Mt|[A-Z])\.)$")


def parse_email(text: str) -> tuple[str, str]:
    """(subject, body): an optional first line "Subject: …", then the body."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    first, sep, rest = text.partition("\n")
    if first.lower().startswith("subject:"):
        return first[len("subject:"):].strip(), rest.strip("\n")
    return "", text.strip("\n")


def main_body(body: str) -> str:
    """The part between the greeting line and the sign-off: what the reader has to get through."""
    lines = body.split("\n")
    start = 0
    for index, line in enumerate(lines):
        if line.strip():
            words = line.split()
            if len(words) <= 6 and (GREETING.match(line.strip()) or line.rstrip().endswith((",", "—", "–"))):
                start = index + 1
            elif GREETING.match(line.strip()):
                lines[index] = INLINE_GREETING.sub("", line.strip(), count=1)
                start = index
            break
    end = len(lines)
    tail = [index for index in range(start, len(lines)) if lines[index].strip()][-4:]  # sign-off, name, a line or two
    for index in tail:
        if SIGN_OFF.match(lines[index].strip()) and len(lines[index].split()) <= 8:
            end = index
            break
    return "\n".join(lines[start:end]).strip()


def without_placeholders(text: str) -> str:
    """Bracketed prompts ("[something specific about them]") are not yet the user's words."""
    return PLACEHOLDER.sub(" ", text)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def sentences(text: str) -> list[str]:
    result = []
    for line in text.split("\n"):
        pieces = SENTENCE_END.split(line)
        for piece in pieces:
            if result and result[-1][1] and _NOT_AN_END.search(result[-1][0]):
                result[-1] = (f"{result[-1][0]} {piece}", True)
            elif piece.strip():
                result.append((piece, True))
        if result:
            result[-1] = (result[-1][0], False)  # a line break always ends a sentence
    return [s.strip() for s, _ in result if s.strip()]
