"""Coffeechat's own CSV export (formats/export.py), read back without losing anything."""

import re

from coffeechat.people.formats import addressbook

LAYOUT = addressbook.Layout(
    format="coffeechat",
    label="Coffeechat",
    aliases={
        "first_name": {"first name"},
        "middle_name": {"middle name"},
        "last_name": {"last name"},
        "organization": {"organization"},
        "title": {"title"},
        "notes": {"notes"},
        "tags": {"tags"},
        "location": {"location"},
        "connected_on": {"connected on"},
    },
    email=re.compile(r"emails"),
    phone=re.compile(r"phones"),
    website=re.compile(r"linkedin|links"),
    location=("location",),
    tag_separator=";",
    multi="; ",
    formula_guard=True,
)
ANCHORS = {"emails", "phones", "links", "linkedin"}


def parse(text: str):
    return addressbook.parse(LAYOUT, ANCHORS, text)
