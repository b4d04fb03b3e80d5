"""Small responses that htmx swaps into pages, shared by the apps that autosave."""

from django.http import HttpResponse

MAX_NOTE = 100_000  # characters one autosaved note may hold


def autosaved(label: str = "Saved") -> HttpResponse:
    """The quiet mark an autosaving field shows once the server has the text."""
    return HttpResponse(f'<span class="saved">{label}</span>')
