from django.utils import timezone
from django.utils.functional import SimpleLazyObject


def due_count(request):
    """The navigation's count of what is due; computed only if a page shows it."""
    return {"due_now": SimpleLazyObject(lambda: _due_now(request))}


def _due_now(request) -> int:
    """How many items are overdue or due today, for the navigation; computed only if a page shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    from coffeechat.followups.rules import due_for_request

    now, items = due_for_request(request)
    today = timezone.localdate(now)
    return sum(1 for item in items if item.overdue or timezone.localdate(item.due) == today)
