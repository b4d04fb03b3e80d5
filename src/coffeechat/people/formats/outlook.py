"""Outlook's CSV export (desktop Outlook and Outlook.com), English headers, plus French and German."""

import re

from coffeechat.people.formats import addressbook

LAYOUT = addressbook.Layout(
    format="outlook",
    label="Outlook contacts",
    aliases={
        # Outlook's "Title" is Mr/Ms; the job title is "Job Title".
        "first_name": {"first name", "prenom", "vorname"},
        "last_name": {"last name", "nom", "nachname"},
        "organization": {"company", "societe", "firma"},
        "title": {"job title", "fonction", "position"},
        "notes": {"notes", "notizen"},
        "tags": {"categories", "categorie", "categories (cat.)", "kategorien"},
        "city": {"business city", "ville (bureau)", "ort geschaftlich"},
        "region": {"business state", "dep/region (bureau)", "bundesland/kanton geschaftlich"},
        "country": {"business country/region", "pays/region (bureau)", "land/region geschaftlich"},
        "home_city": {"home city", "ville (domicile)", "ort privat"},
    },
    email=re.compile(r"e-mail( \d)? address|adresse (de messagerie|e-mail)( \d)?|e-mail-adresse( \d)?|e-mail \d: adresse"),
    phone=re.compile(r"(business|home|mobile|primary|other|car|company main) phone( \d)?|telephone.*|mobiltelefon|telefon.*"),
    website=re.compile(r"web page|personal web page|page web|webseite"),
    location=("city", "region", "country", "home_city"),
    tag_separator=";",
)
ANCHORS = {"job title", "business phone", "mobile phone", "company", "e-mail address", "e-mail 2 address",
           "fonction", "societe", "adresse de messagerie", "e-mail-adresse", "firma", "mobiltelefon"}


def parse(text: str):
    return addressbook.parse(LAYOUT, ANCHORS, text)
