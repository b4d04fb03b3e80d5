from django.shortcuts import get_object_or_404

from coffeechat.events.models import Event


def get_event_for_user(request, pk) -> Event:
    return get_object_or_404(Event.objects.for_user(request.user), pk=pk)
