from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count
from django.db.models.functions import Lower
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from coffeechat.people.access import get_organization_for_user, get_person_for_user
from coffeechat.people.forms import OrganizationForm, PersonForm
from coffeechat.people.models import Organization, Person, Source, Tag
from coffeechat.people.services import SORT_LABELS, SORTS, organization_named, people_list, set_tags

PAGE_SIZE = 25


@login_required
def person_list(request):
    params = {
        "q": request.GET.get("q", "").strip()[:200],
        "source": request.GET.get("source", "") if request.GET.get("source") in Source.values else "",
        "tag": request.GET.get("tag", "").strip()[:60],
        "sort": request.GET.get("sort") if request.GET.get("sort") in SORTS else "name",
    }
    people = people_list(request.user, query=params["q"], source=params["source"], tag=params["tag"], sort=params["sort"])
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "params": params,
        "filtered": bool(params["q"] or params["source"] or params["tag"]),
        "has_anyone": page.paginator.count > 0 or Person.objects.for_user(request.user).exists(),
        "sources": Source.choices,
        "sort_labels": SORT_LABELS,
        "tags": Tag.objects.for_user(request.user).values_list("name", flat=True),
    }
    if request.headers.get("HX-Request") and request.headers.get("HX-Target") == "people-results":
        return render(request, "people/_people_results.html", context)
    return render(request, "people/person_list.html", context)


@login_required
def person_detail(request, pk):
    person = get_person_for_user(request, pk)
    referrals = person.referrals.all().select_related("organization")
    return render(request, "people/person_detail.html", {"person": person, "referrals": referrals})


def _save_person(form: PersonForm) -> Person:
    with transaction.atomic():
        person = form.save(commit=False)
        if person.owner_id is None:
            person.owner = form.owner
        person.organization = organization_named(form.owner, form.cleaned_data["organization_name"])
        person.commonalities = form.cleaned_data["commonalities_text"]
        person.save()
        set_tags(person, form.cleaned_data["tags_text"])
    return person


def _person_form_page(request, form, person=None):
    return render(
        request,
        "people/person_form.html",
        {
            "form": form,
            "person": person,
            "organization_names": Organization.objects.for_user(request.user).values_list("name", flat=True),
        },
        status=422 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_add(request):
    form = PersonForm(request.POST or None, owner=request.user, initial={"source": request.GET.get("source", Source.OTHER)})
    if request.method == "POST" and form.is_valid():
        person = _save_person(form)
        messages.success(request, f"Added {person.display_name}.")
        return redirect(person)
    return _person_form_page(request, form)


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request, pk):
    person = get_person_for_user(request, pk)
    form = PersonForm(request.POST or None, owner=request.user, instance=person)
    if request.method == "POST" and form.is_valid():
        _save_person(form)
        messages.success(request, "Saved.")
        return redirect(person)
    return _person_form_page(request, form, person)


@login_required
@require_http_methods(["GET", "POST"])
def person_delete(request, pk):
    person = get_person_for_user(request, pk)
    if request.method == "POST":
        name = person.display_name
        # referred_by is SET_NULL: the people this person referred stay.
        person.delete()
        messages.success(request, f"Deleted {name}.")
        return redirect("people:list")
    return render(request, "people/person_confirm_delete.html", {"person": person, "referral_count": person.referrals.count()})


@login_required
def organization_list(request):
    organizations = (
        Organization.objects.for_user(request.user)
        .annotate(people_count=Count("people"))
        .order_by(Lower("name"), "pk")
    )
    page = Paginator(organizations, 50).get_page(request.GET.get("page"))
    return render(request, "people/organization_list.html", {"page": page})


@login_required
def organization_detail(request, pk):
    organization = get_organization_for_user(request, pk)
    people = organization.people.all().prefetch_related("tags")
    return render(request, "people/organization_detail.html", {"organization": organization, "people": people})


@login_required
@require_http_methods(["GET", "POST"])
def organization_add(request):
    return _organization_form(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def organization_edit(request, pk):
    return _organization_form(request, get_organization_for_user(request, pk))


def _organization_form(request, organization):
    form = OrganizationForm(request.POST or None, owner=request.user, instance=organization)
    if request.method == "POST":
        if form.is_valid():
            organization = form.save(commit=False)
            if organization.owner_id is None:
                organization.owner = request.user
            organization.save()
            messages.success(request, "Saved.")
            return redirect(organization)
        return render(request, "people/organization_form.html", {"form": form, "organization": organization}, status=422)
    return render(request, "people/organization_form.html", {"form": form, "organization": organization})


@login_required
@require_http_methods(["GET", "POST"])
def organization_delete(request, pk):
    organization = get_organization_for_user(request, pk)
    if request.method == "POST":
        organization.delete()
        messages.success(request, f"Deleted {organization.name}. Its people are kept.")
        return redirect("people:organizations")
    return render(request, "people/organization_confirm_delete.html", {"organization": organization, "people_count": organization.people.count()})
