from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from django_tasks import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

from coffeechat.people import previews
from coffeechat.people.formats import FORMATS, ImportFormatError, parse_contacts
from coffeechat.people.formats.records import clean
from coffeechat.people.imports import (
    FORMAT_LABELS,
    plan_import,
    undo_import,
    undoable_people,
)
from coffeechat.people.models import ImportBatch
from coffeechat.people.tasks import confirm_import, prune_previews

PREVIEW_ROWS = 100


class UploadForm(forms.Form):
    file = forms.FileField(label="Contacts file", help_text="LinkedIn Connections.csv, a Google, Outlook, Thunderbird or Coffeechat CSV, or a .vcf file.")
    format = forms.ChoiceField(
        choices=[("auto", "Recognise it for me")] + [(f, FORMAT_LABELS[f]) for f in FORMATS], initial="auto",
        label="Format",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"This file is over {limit / 1024 / 1024:g} MB, the largest this Coffeechat accepts "
                "(larger than any contacts export we know). Is it the right file?"
            )
        return upload


def _batch_for_user(request, pk) -> ImportBatch:
    return get_object_or_404(ImportBatch.objects.for_user(request.user), pk=pk)


def _history(user):
    return ImportBatch.objects.for_user(user).exclude(status=ImportBatch.Status.PREVIEW)[:20]


@login_required
@require_http_methods(["GET", "POST"])
def import_start(request):
    prune_previews()
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            result = parse_contacts(data, form.cleaned_data["format"])
        except ImportFormatError as exc:
            form.add_error("file", f"{exc} Nothing was imported.")
        except (ValueError, LookupError, UnicodeError):   # bad input no rule foresaw: refused, never a server error
            form.add_error("file", "This file could not be read as contacts. Nothing was imported.")
        else:
            batch = ImportBatch.objects.create(owner=request.user, filename=clean(upload.name)[:255], format=result.format, content=data)
            previews.keep_parse(batch, result)
            return redirect(batch)
    status = 422 if form.is_bound else 200
    return render(request, "people/import_start.html", {"form": form, "history": _history(request.user)}, status=status)


def _task_key(batch) -> str:
    return f"import-task-{batch.pk}"


def _running_task(request, batch):
    """The import task of this preview while it is queued or running, else None."""
    result_id = request.session.get(_task_key(batch))
    if result_id is None:
        return None
    try:
        result = confirm_import.get_result(result_id)
    except TaskResultDoesNotExist:
        result = None
    if result is not None and result.status in (TaskResultStatus.READY, TaskResultStatus.RUNNING):
        return result
    request.session.pop(_task_key(batch), None)
    if result is not None and result.status == TaskResultStatus.FAILED:
        messages.error(request, "The import failed; nothing was changed. Try again, or send us the file's first lines.")
    return None


def _finished(request, batch) -> None:
    messages.success(request, f"Imported {batch.created_count} new {'person' if batch.created_count == 1 else 'people'}.")


@login_required
def import_batch(request, pk):
    batch = _batch_for_user(request, pk)
    context = {"batch": batch, "format_label": FORMAT_LABELS.get(batch.format, batch.format)}
    if batch.status == ImportBatch.Status.PREVIEW and _running_task(request, batch):
        return render(request, "people/import_running.html", context)
    if batch.status == ImportBatch.Status.PREVIEW:
        version = previews.data_version(request.user)
        plan = plan_import(request.user, previews.take_parse(batch) or parse_contacts(bytes(batch.content), batch.format))
        previews.keep_plan(batch, plan, version)
        context.update(plan=plan, summary=plan.summary, new_rows=plan.new[:PREVIEW_ROWS], updates=plan.updates[:PREVIEW_ROWS])
        return render(request, "people/import_preview.html", context)
    if batch.status == ImportBatch.Status.DONE:
        context["undoable"] = undoable_people(batch).count()
    return render(request, "people/import_done.html", context)


@login_required
@require_POST
def import_confirm(request, pk):
    batch = _batch_for_user(request, pk)
    if batch.status != ImportBatch.Status.PREVIEW:
        messages.info(request, "This file was already imported.")
        return redirect(batch)
    if _running_task(request, batch) is None:
        # Hosted: queued for `coffeechat worker`, the page follows it; local: done already.
        result = confirm_import.enqueue(batch.pk)
        batch.refresh_from_db()
        if result.status == TaskResultStatus.FAILED:
            messages.error(request, "The import failed; nothing was changed.")
        elif batch.status == ImportBatch.Status.DONE:
            _finished(request, batch)
        else:
            request.session[_task_key(batch)] = result.id
    return redirect(batch)


@login_required
def import_progress(request, pk):
    """Polled by the running page (htmx): the same bar while the task runs, then the result page."""
    batch = _batch_for_user(request, pk)
    if batch.status == ImportBatch.Status.PREVIEW and _running_task(request, batch):
        return render(request, "people/_import_progress.html", {"batch": batch})
    if batch.status == ImportBatch.Status.DONE:
        _finished(request, batch)
    response = HttpResponse(status=204)
    response["HX-Redirect"] = batch.get_absolute_url()
    return response


@login_required
@require_POST
def import_cancel(request, pk):
    batch = _batch_for_user(request, pk)
    if batch.status == ImportBatch.Status.PREVIEW:
        batch.delete()
        messages.info(request, "Import cancelled; nothing was changed.")
    return redirect("people:import")


@login_required
@require_http_methods(["GET", "POST"])
def import_undo(request, pk):
    batch = _batch_for_user(request, pk)
    if batch.status != ImportBatch.Status.DONE:
        return redirect(batch)
    if request.method == "POST":
        removed, kept = undo_import(batch)
        note = f" Kept {kept} you have changed since." if kept else ""
        messages.success(request, f"Import undone: removed {removed} {'person' if removed == 1 else 'people'}.{note}")
        return redirect(batch)
    return render(request, "people/import_undo.html", {"batch": batch, "undoable": undoable_people(batch).count(), "total": batch.people.count()})
