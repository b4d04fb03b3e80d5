"""The seeker's 30-second introduction: written once in Settings, shown before and during calls."""

import re

WORDS_PER_MINUTE = 150  # an unhurried speaking pace: about 75 words fill 30 seconds
TARGET_SECONDS = 30


def suggested_pitch(user, goal: str = "") -> str:
    """A first draft from the profile, for the user to make their own (never saved on its own)."""
    name = user.get_full_name() or "[your name]"
    who = f"I'm {name}, {user.intro_line.rstrip('.')}." if user.intro_line else f"I'm {name}."
    if user.affiliation and user.affiliation.lower() not in who.lower():
        who += f" I'm at {user.affiliation}."
    exploring = goal or "[the field or role you are exploring]"
    return (f"{who} I'm exploring {exploring}, and before I decide on my next step I'd like to hear from people who do "
            "the work: how they got there, what a normal week looks like, and what they wish they had known. "
            "[One sentence on why this field draws you.]")


def pitch_for(user, goal: str = "") -> str:
    """The user's own pitch when they have written one; otherwise the draft from their profile."""
    return user.pitch.strip() or suggested_pitch(user, goal)


def speaking_seconds(text: str) -> int:
    words = len(re.findall(r"[\w'’-]+", text))
    return round(words * 60 / WORDS_PER_MINUTE)
