"""Google Contacts CSV: the current layout (First Name, …, E-mail 1 - Value) and the legacy one
(Name, Given Name, …, Group Membership). Both have as many numbered E-mail/Phone/Website
columns as the busiest contact needs."""

import re

from coffeechat.people.formats import addressbook

LAYOUT = addressbook.Layout(
    format="google",
    label="Google Contacts",
    aliases={
        "first_name": {"first name", "given name"},
        "last_name": {"last name", "family name"},
        "middle_name": {"middle name", "additional name"},
        "nickname": {"nickname"},
        "full_name": {"name"},
        "organization": {"organization name", "organization 1 - name"},
        "title": {"organization title", "organization 1 - title"},
        "notes": {"notes"},
        "tags": {"labels", "group membership"},
        "city": {"address 1 - city"},
        "region": {"address 1 - region"},
        "country": {"address 1 - country"},
        "location": {"location"},
    },
    email=re.compile(r"e-mail \d+ - value"),
    phone=re.compile(r"phone \d+ - value"),
    website=re.compile(r"website \d+ - value"),
    location=("city", "region", "country", "location"),
    tag_separator=":::",   # Google's own groups ("* myContacts", "* starred") are never tags: records.is_system_group
)
ANCHORS = {"e-mail 1 - value", "given name", "family name", "labels", "group membership", "organization name",
           "organization 1 - name", "phonetic first name", "name prefix", "file as"}


def parse(text: str):
    return addressbook.parse(LAYOUT, ANCHORS, text)
