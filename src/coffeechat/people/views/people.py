from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods

from coffeechat.accounts.pagecache import cached_page
from coffeechat.people.access import get_person_for_user
from coffeechat.people.forms import PersonForm
from coffeechat.people.models import Organization, Person, Source, Tag
from coffeechat.people.picker import PICK_LIMIT, people_matching, person_label
from coffeechat.people.search import words
from coffeechat.people.services import SORT_LABELS, SORTS, organization_named, people_page, set_tags

PAGE_SIZE = 25


@login_required
@cached_page
def person_list(request):
    params = {
        "q": request.GET.get("q", "").strip()[:200],
        "source": request.GET.get("source", "") if request.GET.get("source") in Source.values else "",
        "tag": request.GET.get("tag", "").strip()[:60],
        "sort": request.GET.get("sort") if request.GET.get("sort") in SORTS else "name",
        "batch": request.GET.get("batch", "") if request.GET.get("batch", "").isdigit() else "",
    }
    page = people_page(
        request.user, request.GET.get("page"), PAGE_SIZE, query=params["q"], source=params["source"], tag=params["tag"],
        sort=params["sort"], batch=int(params["batch"]) if params["batch"] else None,
    )
    context = {
        "page": page,
        "params": params,
        # The filters again on the other pages' links (_pagination.html), the search and the import batch only when set.
        "query": urlencode([*([("q", params["q"])] if params["q"] else []), ("source", params["source"]), ("tag", params["tag"]),
                            ("sort", params["sort"]), *([("batch", params["batch"])] if params["batch"] else [])]) + "&",
        "filtered": bool(params["q"] or params["source"] or params["tag"] or params["batch"]),
        "has_anyone": page.paginator.count > 0 or Person.objects.for_user(request.user).exists(),
        "sources": Source.choices,
        "sort_labels": SORT_LABELS,
        "tags": Tag.objects.for_user(request.user).values_list("name", flat=True),
    }
    if request.headers.get("HX-Request") and request.headers.get("HX-Target") == "people-results":
        return render(request, "people/_people_results.html", context)
    return render(request, "people/person_list.html", context)


@login_required
def person_pick(request):
    """Suggestions for a person picker: up to ten of the user's own people whose names start as typed."""
    text = request.GET.get("q", request.GET.get("referred_by", ""))[:200]
    exclude = request.GET.get("exclude", "")
    found = people_matching(request.user, text, exclude=int(exclude) if exclude.isdigit() else None)
    return render(request, "people/_person_options.html", {"labels": [person_label(p) for p in found]})


@login_required
def organization_pick(request):
    """Suggestions for the organisation field: up to ten of the user's own organisations, by the words typed."""
    found = []
    for word in words(request.GET.get("organization_name", request.GET.get("q", ""))[:200])[:1]:
        found = Organization.objects.for_user(request.user).filter(search_text__regex=rf"(^|[\W_]){word}")[:PICK_LIMIT]
    return render(request, "people/_person_options.html", {"labels": [o.name for o in found]})


@login_required
def person_detail(request, pk):
    person = get_person_for_user(request, pk)
    referrals = person.referrals.all().select_related("organization")
    conversations = person.conversations.select_related("goal")
    timeline = person.messages.select_related("conversation").order_by("-created_at", "-pk")
    return render(request, "people/person_detail.html", {
        "person": person, "referrals": referrals, "conversations": conversations, "timeline": timeline,
    })


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
        },
        status=422 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_add(request):
    form = PersonForm(request.POST or None, owner=request.user, initial={
        "source": request.GET.get("source", Source.OTHER), "organization_name": request.GET.get("organization", "")[:200]})
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
