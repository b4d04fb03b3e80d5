"""Thunderbird's address book exported as CSV (comma- or tab-separated, English header)."""

import re

from coffeechat.people.formats import addressbook

LAYOUT = addressbook.Layout(
    format="thunderbird",
    label="Thunderbird address book",
    aliases={
        "first_name": {"first name"},
        "last_name": {"last name"},
        "full_name": {"display name"},
        "nickname": {"nickname", "nick name"},
        "organization": {"organization", "organisation"},
        "title": {"job title"},
        "notes": {"notes"},
        "city": {"work city"},
        "region": {"work state"},
        "country": {"work country"},
        "home_city": {"home city"},
    },
    email=re.compile(r"(primary|secondary) email"),
    phone=re.compile(r"(work phone|home phone|mobile number|pager number)"),
    website=re.compile(r"web page( \d)?"),
    location=("city", "region", "country", "home_city"),
)
ANCHORS = {"primary email", "secondary email", "display name", "screen name", "mobile number", "web page 1",
           "work phone", "birth year"}


def parse(text: str):
    return addressbook.parse(LAYOUT, ANCHORS, text)
