"""The one way people views load a private row: the signed-in user's, or 404."""

from django.shortcuts import get_object_or_404

from coffeechat.people.models import Organization, Person


def get_person_for_user(request, pk) -> Person:
    return get_object_or_404(Person.objects.for_user(request.user).select_related("organization", "referred_by", "event"), pk=pk)


def get_organization_for_user(request, pk) -> Organization:
    return get_object_or_404(Organization.objects.for_user(request.user), pk=pk)
