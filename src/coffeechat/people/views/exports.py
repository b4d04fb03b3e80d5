import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils import timezone

from coffeechat.backup import export_backup
from coffeechat.people.exports import export_people

CONTENT_TYPES = {"json": "application/json", "csv": "text/csv; charset=utf-8", "vcard": "text/vcard; charset=utf-8"}
EXTENSIONS = {"json": "json", "csv": "csv", "vcard": "vcf"}


@login_required
def export_download(request, fmt):
    if fmt not in CONTENT_TYPES:
        raise Http404("Unknown export format.")
    if fmt == "json":
        body = json.dumps(export_backup(request.user), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    else:
        body = export_people(request.user, fmt)
    stamp = timezone.localdate().isoformat()
    name = f"coffeechat-{'backup' if fmt == 'json' else 'people'}-{stamp}.{EXTENSIONS[fmt]}"
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
