from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from coffeechat.accounts.forms import RestoreForm, SettingsForm, SignupForm
from coffeechat.accounts.models import LoginToken
from coffeechat.backup import BackupError, restore_backup


class LoginView(auth_views.LoginView):
    """Password sign-in in hosted mode; locally, how to get a sign-in link."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        if settings.LOCAL_MODE:
            raise Http404("Local Coffeechat signs in with one-time links.")
        return super().post(request, *args, **kwargs)


def token_login(request, token):
    user = LoginToken.redeem(token)
    if user is None or not user.is_active:
        return render(request, "accounts/link_invalid.html", status=410)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect("home")


def signup(request):
    if not settings.ALLOW_SIGNUP or settings.LOCAL_MODE:
        raise Http404("Sign-up is closed.")
    if request.user.is_authenticated:
        return redirect("home")
    form = SignupForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            user = form.save()
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, "Welcome to Coffeechat.")
            return redirect("home")
        return render(request, "accounts/signup.html", {"form": form}, status=422)
    return render(request, "accounts/signup.html", {"form": form})


def _settings_page(request, form, status=200, **extra):
    return render(request, "accounts/settings.html", {"form": form, "restore_form": RestoreForm(), **extra}, status=status)


@login_required
def user_settings(request):
    form = SettingsForm(request.POST or None, request.FILES or None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, "Settings saved.")
            return redirect("settings")
        return _settings_page(request, form, status=422)
    return _settings_page(request, form)


@login_required
@require_POST
def restore(request):
    """Restore a JSON backup into this account, which must be empty (as `coffeechat restore`)."""
    form = RestoreForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            counts = restore_backup(request.user, form.cleaned_data["document"])
        except BackupError as exc:
            form.add_error("file", str(exc))
        else:
            total = sum(counts.values())
            messages.success(request, f"Backup restored: {total} records, and your settings.")
            return redirect("settings")
    return _settings_page(request, SettingsForm(instance=request.user), status=422, restore_form=form)
