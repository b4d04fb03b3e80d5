"""Target organisations over the API, ranked as the Targets page ranks them (insights.targets):
motivation, postings, then advocacy, which comes from the people you have there and is never typed.
Names validate as the paste form does, ratings as the rating form does."""

from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from coffeechat.api.errors import DOCUMENTED, ErrorOut, error, form_errors
from coffeechat.api.pagination import Pages
from coffeechat.insights.forms import PasteForm, RatingForm
from coffeechat.insights.targets import Target, add_targets, target_list
from coffeechat.people.models import Organization

router = Router(tags=["targets"])


class TargetOut(Schema):
    id: int
    name: str
    motivation: int
    postings: int
    advocacy: int
    advocacy_label: str
    people: int
    rank: int
    first_five: bool

    @staticmethod
    def resolve_id(obj: Target):
        return obj.organization.pk

    @staticmethod
    def resolve_name(obj: Target):
        return obj.organization.name

    @staticmethod
    def resolve_motivation(obj: Target):
        return obj.organization.motivation

    @staticmethod
    def resolve_postings(obj: Target):
        return obj.organization.postings

    @staticmethod
    def resolve_people(obj: Target):
        return len(obj.people)


class TargetIn(Schema):
    name: str
    motivation: int | None = None
    postings: int | None = None


class RatingIn(Schema):
    motivation: int | None = None
    postings: int | None = None


def _target(request, organization_id: int) -> Target:
    found = next((t for t in target_list(request.user) if t.organization.pk == organization_id), None)
    if found is None:
        raise Http404("No such target.")
    return found


def _rating(payload, organization: Organization):
    """The rating form; a value not sent stays as it is."""
    given = payload.dict(exclude_unset=True)
    data = {name: given.get(name, getattr(organization, name)) for name in ("motivation", "postings")}
    return RatingForm({k: "" if v is None else v for k, v in data.items()})


@router.get("/targets", response=list[TargetOut], summary="Your target organisations, best first (the first five to work on now)",
            openapi_extra=DOCUMENTED)
@paginate(Pages)
def list_targets(request):
    return target_list(request.user)


@router.get("/targets/{organization_id}", response={200: TargetOut, 404: ErrorOut}, openapi_extra=DOCUMENTED)
def get_target(request, organization_id: int):
    return _target(request, organization_id)


@router.post("/targets", response={200: TargetOut, 201: TargetOut, 422: ErrorOut}, openapi_extra=DOCUMENTED,
             summary="Make an organisation a target (matched by name, created when new); 201 when it was not one before")
def add_target(request, payload: TargetIn):
    names = PasteForm({"names": payload.name})
    if not names.is_valid():
        return error(422, "Some fields are not valid.", form_errors(names, {"names": "name"}))
    if len(names.cleaned_data["names"]) != 1:
        return error(422, "Some fields are not valid.", {"name": ["One organisation name a request, on one line."]})
    with transaction.atomic():
        added, new = add_targets(request.user, names.cleaned_data["names"])
        organization = added[0]
        rating = _rating(payload, organization)
        if not rating.is_valid():
            transaction.set_rollback(True)  # nothing is added when the rating is wrong
            return error(422, "Some fields are not valid.", form_errors(rating, {}))
        organization.motivation, organization.postings = rating.cleaned_data["motivation"], rating.cleaned_data["postings"]
        organization.save()
    return Status(201 if new else 200, _target(request, added[0].pk))


@router.patch("/targets/{organization_id}", response={200: TargetOut, 404: ErrorOut, 422: ErrorOut}, openapi_extra=DOCUMENTED,
              summary="Rate one of your organisations (motivation 0–3, postings 1–3); it becomes a target")
def rate_target(request, organization_id: int, payload: RatingIn):
    organization = get_object_or_404(Organization.objects.for_user(request.user), pk=organization_id)
    rating = _rating(payload, organization)
    if not rating.is_valid():
        return error(422, "Some fields are not valid.", form_errors(rating, {}))
    organization.is_target = True
    organization.motivation, organization.postings = rating.cleaned_data["motivation"], rating.cleaned_data["postings"]
    organization.save()
    return _target(request, organization.pk)


@router.delete("/targets/{organization_id}", response={204: None, 404: ErrorOut}, openapi_extra=DOCUMENTED,
               summary="No longer a target; the organisation stays in your organisations")
def remove_target(request, organization_id: int):
    organization = get_object_or_404(Organization.objects.for_user(request.user), pk=organization_id, is_target=True)
    organization.is_target = False
    organization.save()
    return Status(204, None)
