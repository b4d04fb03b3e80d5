from django.utils.functional import SimpleLazyObject


def due_count(request):
    """The navigation's count of what is due; computed only if a page shows it."""
    return {"due_now": SimpleLazyObject(lambda: _due_now(request))}


def _due_now(request) -> int:
    """How many items are overdue or due today: counted, keep-in-touch by the stored clock (see today.py)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    from django.utils import timezone

    from coffeechat.accounts.pagecache import kept_value
    from coffeechat.followups.today import due_now, navigation_count

    summary = getattr(request, "_coffeechat_due", None)
    if summary is not None:  # the Today page computed it already
        return due_now(summary)
    return kept_value(user, "due_now", lambda: navigation_count(user, timezone.now()))
