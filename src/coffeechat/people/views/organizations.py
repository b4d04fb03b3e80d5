from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import Lower
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from coffeechat.people.access import get_organization_for_user
from coffeechat.people.forms import OrganizationForm
from coffeechat.people.models import Organization, Person
from coffeechat.people.research import search_links
from coffeechat.people.services import people_page
from coffeechat.people.views.people import PAGE_SIZE


@login_required
def organization_list(request):
    # Paged in the order of the unique (owner, lower(name)) index, then people counted for the page's 50
    # only: counting them for every organisation grouped and sorted thousands of rows for each page.
    organizations = Organization.objects.for_user(request.user).order_by(Lower("name"), "pk")
    page = Paginator(organizations, 50).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    counts = dict(Person.objects.for_user(request.user).filter(organization__in=page.object_list)
                  .values("organization").annotate(n=Count("pk")).values_list("organization", "n"))
    for organization in page.object_list:
        organization.people_count = counts.get(organization.pk, 0)
    return render(request, "people/organization_list.html", {"page": page})


@login_required
def organization_detail(request, pk):
    organization = get_organization_for_user(request, pk)
    # A page at a time: a LinkedIn export can hold hundreds of people at one large employer.
    people = people_page(request.user, request.GET.get("page"), PAGE_SIZE, organization=organization.pk)
    return render(request, "people/organization_detail.html", {
        "organization": organization, "people": people, "searches": search_links(organization.name),
    })


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
