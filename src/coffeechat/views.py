from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render

from coffeechat.people.models import Person


@login_required
def home(request):
    """Today. The due-items list is not built yet; until then, where to start."""
    people = Person.objects.for_user(request.user)
    return render(request, "home.html", {"people_count": people.count(), "recent": people.order_by("-created_at")[:5]})


@login_required
def coming_soon(request, feature):
    return render(request, "coming_soon.html", {"feature": feature})


def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
