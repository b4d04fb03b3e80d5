"""Small contact files written for these tests."""

LINKEDIN = (
    "\ufeffNotes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing."\r\n'
    "\r\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    "Hélène,Béland,https://www.linkedin.com/in/helene-beland,helene@northwind.example,Northwind Health,Nurse Practitioner,09 Oct 2024\r\n"
    'Omar,Haddad,https://www.linkedin.com/in/omar-haddad,,"Haddad, Fares & Co",Architect,12 Jan 2023\r\n'
    "Zoë,Kowalczyk,https://www.linkedin.com/in/zoe-k,,Fabrikam,Data Analyst,01 Feb 2022\r\n"
    ",,https://www.linkedin.com/in/nobody,,,,03 Mar 2021\r\n"
)


def linkedin_rows(n: int) -> bytes:
    lines = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    lines += [f"Given{i},Family{i},https://www.linkedin.com/in/person-{i},,Company {i % 50},Engineer,09 Oct 2024" for i in range(n)]
    return ("\r\n".join(lines) + "\r\n").encode()


VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Okafor;Nia;;;\r\nFN:Nia Okafor\r\nORG:Contoso Labs\r\nTITLE:Research Lead\r\n"
    "EMAIL;TYPE=INTERNET:nia@contoso.example\r\nTEL;TYPE=CELL:+1 416 555 0199\r\nCATEGORIES:mentors,science\r\nEND:VCARD\r\n"
)
