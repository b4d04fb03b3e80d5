"""Outreach settings: the user's mail server and their own templates."""

import smtplib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.mail.models import MailAccount
from coffeechat.mail.transport import encrypt_password, send_smtp
from coffeechat.outreach.access import get_template_for_user
from coffeechat.outreach.forms import MailAccountForm, TemplateForm
from coffeechat.outreach.models import MessageTemplate


@login_required
@require_http_methods(["GET", "POST"])
def mail_settings(request):
    account = MailAccount.objects.for_user(request.user).first()
    form = MailAccountForm(request.POST or None, instance=account)
    if request.method == "POST":
        if request.POST.get("remove") and account:
            account.delete()
            messages.success(request, "Mail server removed. Coffeechat will not send mail for you.")
            return redirect("outreach:mail-settings")
        if form.is_valid():
            saved = form.save(commit=False)
            saved.owner = request.user
            if form.cleaned_data["password"]:
                saved.password_encrypted = encrypt_password(form.cleaned_data["password"])
            saved.save()
            messages.success(request, "Mail server saved. Send yourself a test to check it.")
            return redirect("outreach:mail-settings")
        return render(request, "outreach/mail_settings.html", {"form": form, "account": account}, status=422)
    return render(request, "outreach/mail_settings.html", {"form": form, "account": account})


@login_required
@require_POST
def mail_test(request):
    account = MailAccount.objects.for_user(request.user).first()
    if account is None:
        messages.error(request, "Save a mail server first.")
        return redirect("outreach:mail-settings")
    try:
        send_smtp(account, to=[account.from_address], subject="Coffeechat test message",
                  body="This test shows Coffeechat can send mail through your server. Nothing else to do.")
    except (OSError, smtplib.SMTPException) as exc:
        messages.error(request, f"The test failed: {exc}. Check the server name, port, security and password.")
    else:
        messages.success(request, f"Test sent to {account.from_address}. Check your inbox.")
    return redirect("outreach:mail-settings")


@login_required
@require_http_methods(["GET", "POST"])
def template_list(request):
    form = TemplateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        template = form.save(commit=False)
        template.owner = request.user
        template.save()
        messages.success(request, f"Template “{template.name}” saved.")
        return redirect("outreach:templates")
    templates = MessageTemplate.objects.for_user(request.user)
    return render(request, "outreach/template_list.html", {"form": form, "templates": templates}, status=422 if form.is_bound else 200)


@login_required
@require_http_methods(["GET", "POST"])
def template_edit(request, pk):
    template = get_template_for_user(request, pk)
    form = TemplateForm(request.POST or None, instance=template)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Template saved.")
        return redirect("outreach:templates")
    return render(request, "outreach/template_form.html", {"form": form, "template": template}, status=422 if form.is_bound else 200)


@login_required
@require_POST
def template_delete(request, pk):
    template = get_template_for_user(request, pk)
    template.delete()
    messages.success(request, f"Template “{template.name}” deleted.")
    return redirect("outreach:templates")
