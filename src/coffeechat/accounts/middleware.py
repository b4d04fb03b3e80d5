import zoneinfo

from django.conf import settings
from django.utils import timezone


def user_time_zone(get_response):
    """Show every date in the signed-in user's own time zone."""

    def middleware(request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return get_response(request)

    return middleware


def permissions_policy(get_response):
    """Send the Permissions-Policy header (settings.PERMISSIONS_POLICY) with every response."""

    def middleware(request):
        response = get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    return middleware
