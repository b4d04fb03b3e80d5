from datetime import timedelta

from axes.utils import reset as reset_axes_lock
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.accounts import throttle
from coffeechat.accounts.forms import ApiTokenForm, RestoreForm, SettingsForm, SignupForm
from coffeechat.accounts.models import ApiToken, LoginToken
from coffeechat.backup import BackupError, restore_backup

LINK_WINDOW = timedelta(minutes=15)
RESET_WINDOW = timedelta(hours=1)


def _paused(request, reason):
    return render(request, "accounts/locked.html", {"reason": reason}, status=429)


class LoginView(auth_views.LoginView):
    """Password sign-in in hosted mode; locally, how to get a sign-in link."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        if settings.LOCAL_MODE:
            raise Http404("Local Coffeechat signs in with one-time links.")
        return super().post(request, *args, **kwargs)


def token_login(request, token):
    address = throttle.client_key(request)
    if throttle.over_limit("login-link", address, settings.LOGIN_LINK_FAILURE_LIMIT, LINK_WINDOW):
        return _paused(request, "Too many sign-in links that did not work came from your network. "
                                "Wait a quarter of an hour, then use a fresh link.")
    user = LoginToken.redeem(token)
    if user is None or not user.is_active:
        throttle.record("login-link", address)
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


class PasswordResetView(auth_views.PasswordResetView):
    """Email a reset link, at most PASSWORD_RESET_LIMIT requests an hour from one client address
    and for one email address (past that, the address silently gets nothing more: the page must
    not tell who has an account)."""

    def post(self, request, *args, **kwargs):
        if not throttle.hit("password-reset-ip", throttle.client_key(request),
                            settings.PASSWORD_RESET_LIMIT, RESET_WINDOW):
            return _paused(request, "Too many password reset requests came from your network. "
                                    "Check your inbox for the links already sent, or try again in an hour.")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        if not throttle.hit("password-reset-email", email, settings.PASSWORD_RESET_LIMIT, RESET_WINDOW):
            return redirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Choosing a new password also lifts a sign-in lockout on the account."""

    def form_valid(self, form):
        response = super().form_valid(form)
        reset_axes_lock(username=form.user.get_username())
        return response


@login_required
@require_http_methods(["GET", "POST"])
def api_tokens(request):
    """Personal API tokens. A new token is shown in the answer to its POST, once, never again."""
    form = ApiTokenForm(request.POST or None)
    created = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                _, created = ApiToken.issue(request.user, form.cleaned_data["name"])
            except IntegrityError:
                form.add_error("name", "You already have a token with this name.")
        if created is None:
            status = 422
        else:
            form = ApiTokenForm()
    tokens = ApiToken.objects.for_user(request.user)
    return render(request, "accounts/api_tokens.html", {"form": form, "tokens": tokens, "created": created}, status=status)


@login_required
@require_POST
def api_token_revoke(request, pk):
    token = get_object_or_404(ApiToken.objects.for_user(request.user), pk=pk)
    token.delete()
    messages.success(request, f"Token “{token.name}” revoked: programs using it can no longer get in.")
    return redirect("api-tokens")
