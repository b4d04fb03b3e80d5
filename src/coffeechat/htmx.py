"""Small responses that htmx swaps into pages, shared by the apps that autosave."""

from django.http import HttpResponse


def autosaved(label: str = "Saved") -> HttpResponse:
    """The quiet mark an autosaving field shows once the server has the text."""
    return HttpResponse(f'<span class="saved">{label}</span>')
