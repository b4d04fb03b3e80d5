from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from coffeechat.accounts.pagecache import cached_page
from coffeechat.insights.data import load_conversations, load_people
from coffeechat.insights.forms import PasteForm, RatingForm
from coffeechat.insights.network import warm_paths
from coffeechat.insights.targets import FIRST, LIST_AIM, add_targets, rank, target_list
from coffeechat.people.access import get_organization_for_user


def _targets_page(request, form=None, status=200):
    targets = target_list(request.user)
    return render(request, "insights/target_list.html", {
        "targets": targets, "aim": LIST_AIM, "first": FIRST, "count": len(targets),
        "form": form or PasteForm(), "ratings": RatingForm.base_fields,
    }, status=status)


@login_required
@cached_page
def target_list_view(request):
    return _targets_page(request)


@login_required
@require_POST
def paste_targets(request):
    form = PasteForm(request.POST)
    if not form.is_valid():
        return _targets_page(request, form, status=422)
    added, new = add_targets(request.user, form.cleaned_data["names"])
    messages.success(request, f"{new} new target{'s' if new != 1 else ''}; {len(added) - new} already on your list.")
    return redirect("insights:targets")


@login_required
@require_POST
def rate_target(request, pk):
    organization = get_organization_for_user(request, pk)
    if request.POST.get("action") == "remove":
        organization.is_target = False
        organization.save()
        messages.success(request, f"{organization.name} is no longer a target; it stays in your organisations.")
        return redirect("insights:targets")
    form = RatingForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Pick a motivation from 0 to 3 and postings from 1 to 3.")
        return redirect("insights:targets")  # nothing was changed
    organization.is_target = True
    organization.motivation, organization.postings = form.cleaned_data["motivation"], form.cleaned_data["postings"]
    organization.save()
    messages.success(request, f"Rated {organization.name}.")
    if request.POST.get("next") == "detail":
        return redirect("insights:target", pk=organization.pk)
    return redirect(f"{reverse('insights:targets')}#target-{organization.pk}")


@login_required
def target_detail(request, pk):
    organization = get_organization_for_user(request, pk)
    people = load_people(request.user, organizations=[organization])
    target = rank([organization], people, load_conversations(request.user, of=people))[0]
    paths = [p for p in warm_paths([target], people) if len(p.via) > 1]
    form = RatingForm(initial={"motivation": organization.motivation, "postings": organization.postings})
    return render(request, "insights/target_detail.html", {"target": target, "organization": organization, "paths": paths, "form": form})
