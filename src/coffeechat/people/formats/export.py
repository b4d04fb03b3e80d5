"""Our own CSV of people: opens cleanly in Excel and LibreOffice, and cannot run formulas."""

import csv
import io

HEADER = ("First Name", "Last Name", "Emails", "Phones", "Organization", "Title", "LinkedIn", "Links",
          "Location", "Tags", "Connected On", "Notes",
          "Middle Name")  # added later, so at the end: columns people script against keep their places
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: str) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading apostrophe."""
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def write_csv(records) -> str:
    out = io.StringIO()
    out.write("\ufeff")  # Excel reads UTF-8 only with a byte-order mark
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for r in records:
        writer.writerow([csv_safe(v) for v in (
            r.first_name, r.last_name, "; ".join(r.emails), "; ".join(r.phones), r.organization, r.title,
            r.linkedin_url, "; ".join(r.links), r.location, "; ".join(r.tags),
            r.connected_on.isoformat() if r.connected_on else "", r.notes, r.middle_name,
        )])
    return out.getvalue()
