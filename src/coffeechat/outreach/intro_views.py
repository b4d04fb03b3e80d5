"""Recording the names an introducer gave, several at once."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from coffeechat.outreach.introductions import record_names
from coffeechat.people.access import get_person_for_user

ROWS = 3  # most people give one to three names; the page can be used again for more


class NameForm(forms.Form):
    name = forms.CharField(max_length=300, required=False, label="Name")
    organization = forms.CharField(max_length=200, required=False, label="Organisation")
    email = forms.EmailField(required=False, label="Email")
    may_use_name = forms.BooleanField(required=False, label="I may mention who introduced us")

    def clean(self):
        data = super().clean()
        data["name"] = " ".join(data.get("name", "").split())
        if not data["name"] and (data.get("organization") or data.get("email")):
            self.add_error("name", "A name is needed for this row.")
        return data


NameFormSet = forms.formset_factory(NameForm, extra=ROWS, max_num=ROWS, absolute_max=ROWS)


@login_required
@require_http_methods(["GET", "POST"])
def names_given(request, person_pk):
    introducer = get_person_for_user(request, person_pk)
    formset = NameFormSet(request.POST if request.method == "POST" else None, prefix="names")
    if request.method == "POST" and formset.is_valid():
        names = [f.cleaned_data for f in formset if f.cleaned_data.get("name")]
        if names:
            people = record_names(introducer, names)
            messages.success(request, f"Added {len(people)} {'person' if len(people) == 1 else 'people'} from "
                                      f"{introducer.display_name}. Thank them, and write to each soon.")
            return redirect(introducer)
        formset_error = "Type at least one name."
    else:
        formset_error = ""
    return render(request, "outreach/introductions.html", {
        "person": introducer, "formset": formset, "formset_error": formset_error,
        "introduced": introducer.referrals.filter(source="introduction").order_by("pk"),
    }, status=422 if request.method == "POST" else 200)
