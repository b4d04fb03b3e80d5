"""Outlook's CSV export (desktop Outlook and Outlook.com). Desktop Outlook translates the header
into the language it runs in: English, French, German, Spanish and Chinese (simplified and
traditional) are recognised here."""

import re

from coffeechat.people.formats import addressbook

LAYOUT = addressbook.Layout(
    format="outlook",
    label="Outlook contacts",
    aliases={
        # Outlook's "Title" is Mr/Ms; the job title is "Job Title".
        "first_name": {"first name", "prenom", "vorname", "nombre", "名", "名字"},
        "last_name": {"last name", "nom", "nachname", "apellidos", "姓", "姓氏"},
        "middle_name": {"middle name", "deuxieme prenom", "weitere vornamen", "segundo nombre", "中间名", "中間名"},
        "organization": {"company", "societe", "firma", "organizacion", "compania", "empresa", "公司"},
        "title": {"job title", "fonction", "position", "puesto", "cargo", "职务", "職稱"},
        "notes": {"notes", "notizen", "notas", "附注", "备注", "記事"},
        "tags": {"categories", "categorie", "categories (cat.)", "kategorien", "categorias", "类别", "類別"},
        "city": {"business city", "ville (bureau)", "ort geschaftlich", "ciudad de trabajo", "商务地址 市/县", "商務 市/鎮"},
        "region": {"business state", "dep/region (bureau)", "bundesland/kanton geschaftlich", "region geschaftlich",
                   "provincia o estado de trabajo", "商务地址 省/市/自治区", "商務 縣/市"},
        "country": {"business country/region", "pays/region (bureau)", "land/region geschaftlich",
                    "pais o region del trabajo", "商务地址 国家/地区", "商務 國家/地區"},
        "home_city": {"home city", "ville (domicile)", "ort privat", "ciudad particular", "住宅地址 市/县", "住家 市/鎮"},
    },
    email=re.compile(
        r"e-mail( \d)? address|adresse (de messagerie|e-mail)( \d)?|e-mail-adresse( \d)?|e-mail \d: adresse"
        r"|direccion( de correo electronico| de correo-e)( \d)?|correo electronico( \d)?"
        r"|电子邮件( ?\d)? ?地址|電子郵件( ?\d)? ?地址"
    ),
    phone=re.compile(
        r"(business|home|mobile|primary|other|car|company main) phone( \d)?|telephone.*|mobiltelefon|telefon.*"
        r"|telefono.*|movil|(移动|商务|住宅|主要)电话.*|(行動|商務|住家|代表)電話.*"
    ),
    website=re.compile(r"web page|personal web page|page web|webseite|pagina web|网页|網頁"),
    location=("city", "region", "country", "home_city"),
    tag_separator=";",
)
ANCHORS = {"job title", "business phone", "mobile phone", "company", "e-mail address", "e-mail 2 address",
           "fonction", "societe", "adresse de messagerie", "e-mail-adresse", "firma", "mobiltelefon",
           "puesto", "organizacion", "compania", "direccion de correo electronico", "telefono movil",
           "公司", "职务", "电子邮件地址", "移动电话", "職稱", "電子郵件地址", "行動電話"}


def parse(text: str):
    return addressbook.parse(LAYOUT, ANCHORS, text)
