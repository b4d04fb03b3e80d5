"""People and organisations over the API. Writes go through the person form, so they validate
exactly as the web pages do."""

from datetime import datetime

from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from coffeechat.api.errors import DOCUMENTED, ErrorOut, error, form_errors
from coffeechat.api.pagination import Pages
from coffeechat.people.forms import PersonForm
from coffeechat.people.models import Organization, Person
from coffeechat.people.services import (
    format_commonalities,
    organization_named,
    people_list,
    set_tags,
)

router = Router(tags=["people"])
FORM_NAMES = {"organization_name": "organization", "tags_text": "tags", "commonalities_text": "commonalities"}


class PersonOut(Schema):
    id: int
    name: str
    first_name: str
    last_name: str
    title: str
    organization: str | None
    organization_id: int | None
    emails: list[str]
    phones: list[str]
    linkedin_url: str
    links: list[str]
    location: str
    time_zone: str
    source: str
    source_detail: str
    research: str
    tags: list[str]
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_name(obj):
        return obj.display_name

    @staticmethod
    def resolve_organization(obj):
        return obj.organization.name if obj.organization_id else None

    @staticmethod
    def resolve_tags(obj):
        return sorted(t.name for t in obj.tags.all())


class PersonIn(Schema):
    first_name: str | None = None
    last_name: str | None = None
    title: str | None = None
    organization: str | None = None
    emails: list[str] | None = None
    phones: list[str] | None = None
    linkedin_url: str | None = None
    links: list[str] | None = None
    location: str | None = None
    time_zone: str | None = None
    source: str | None = None
    source_detail: str | None = None
    research: str | None = None
    tags: list[str] | None = None


class OrganizationOut(Schema):
    id: int
    name: str
    website: str
    industry: str
    notes: str
    people: int

    @staticmethod
    def resolve_people(obj):
        counted = getattr(obj, "people_count", None)  # the list counts its page's in its own query
        return obj.people.count() if counted is None else counted


def _current(person: Person | None) -> dict:
    if person is None:
        return {"source": Person._meta.get_field("source").default}
    return {
        "first_name": person.first_name, "last_name": person.last_name, "title": person.title,
        "organization": person.organization.name if person.organization_id else "",
        "emails": person.emails, "phones": person.phones, "linkedin_url": person.linkedin_url,
        "links": person.links, "location": person.location, "time_zone": person.time_zone,
        "source": person.source, "source_detail": person.source_detail, "research": person.research,
        "tags": [t.name for t in person.tags.all()],
    }


def _save(request, person: Person | None, payload: PersonIn, status: int):
    values = {**_current(person), **payload.dict(exclude_unset=True)}
    for name, value in list(values.items()):
        if value is None:
            values[name] = [] if name in ("emails", "phones", "links", "tags") else ""
    data = {name: values.get(name, "") for name in ("first_name", "last_name", "title", "linkedin_url", "location",
                                                    "time_zone", "source", "source_detail", "research")}
    for name in ("emails", "phones", "links"):
        data[name] = "\n".join(values.get(name) or [])
    data["organization_name"] = values.get("organization") or ""
    data["tags_text"] = ", ".join(values.get("tags") or [])
    if person is not None:
        data["commonalities_text"] = format_commonalities(person.commonalities)
        data["referred_by"] = person.referred_by_id or ""
        if person.may_use_referrer_name:
            data["may_use_referrer_name"] = "on"
    form = PersonForm(data, owner=request.user, instance=person)
    if not form.is_valid():
        return error(422, "Some fields are not valid.", form_errors(form, FORM_NAMES))
    with transaction.atomic():
        saved = form.save(commit=False)
        if saved.owner_id is None:
            saved.owner = request.user
        saved.organization = organization_named(request.user, form.cleaned_data["organization_name"])
        saved.commonalities = form.cleaned_data["commonalities_text"]
        saved.save()
        set_tags(saved, form.cleaned_data["tags_text"])
    return Status(status, Person.objects.select_related("organization").prefetch_related("tags").get(pk=saved.pk))


def _person(request, person_id: int) -> Person:
    return get_object_or_404(Person.objects.for_user(request.user).select_related("organization"), pk=person_id)


@router.get("/people", response=list[PersonOut], summary="List or search your people (by name, A–Z)", openapi_extra=DOCUMENTED)
@paginate(Pages)
def list_people(request, q: str = ""):
    return people_list(request.user, query=q[:200])


@router.get("/people/{person_id}", response={200: PersonOut, 404: ErrorOut}, openapi_extra=DOCUMENTED)
def get_person(request, person_id: int):
    return _person(request, person_id)


@router.post("/people", response={201: PersonOut, 422: ErrorOut}, openapi_extra=DOCUMENTED)
def create_person(request, payload: PersonIn):
    return _save(request, None, payload, 201)


@router.patch("/people/{person_id}", response={200: PersonOut, 404: ErrorOut, 422: ErrorOut},
              summary="Change some fields of a person (the others stay)", openapi_extra=DOCUMENTED)
def update_person(request, person_id: int, payload: PersonIn):
    return _save(request, _person(request, person_id), payload, 200)


@router.delete("/people/{person_id}", response={204: None, 404: ErrorOut}, openapi_extra=DOCUMENTED)
def delete_person(request, person_id: int):
    _person(request, person_id).delete()
    return Status(204, None)


@router.get("/organizations", response=list[OrganizationOut], tags=["organizations"], openapi_extra=DOCUMENTED)
@paginate(Pages)
def list_organizations(request):
    # Counted per organisation of the page, not prefetched: a big employer's thousands of people were read to be
    # counted (a join and GROUP BY counted every organisation's before the page was cut).
    people = Person.objects.filter(organization=OuterRef("pk")).order_by().values("organization").annotate(n=Count("pk")).values("n")
    return Organization.objects.for_user(request.user).annotate(
        people_count=Coalesce(Subquery(people, output_field=IntegerField()), 0)).order_by("name", "pk")


@router.get("/organizations/{organization_id}", response={200: OrganizationOut, 404: ErrorOut}, tags=["organizations"], openapi_extra=DOCUMENTED)
def get_organization(request, organization_id: int):
    return get_object_or_404(Organization.objects.for_user(request.user), pk=organization_id)
