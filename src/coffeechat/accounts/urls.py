from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from coffeechat.accounts import views

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("login/link/<str:token>/", views.token_login, name="token-login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("signup/", views.signup, name="signup"),
    path("settings/", views.user_settings, name="settings"),
    path("settings/restore/", views.restore, name="settings-restore"),
    path("settings/api-tokens/", views.api_tokens, name="api-tokens"),
    path("settings/api-tokens/<int:pk>/revoke/", views.api_token_revoke, name="api-token-revoke"),
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/form_page.html",
            success_url=reverse_lazy("password_change_done"),
            extra_context={"title": "Change password", "submit": "Change password"},
        ),
        name="password_change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/message_page.html",
            extra_context={"title": "Password changed", "message": "Your new password is in place."},
        ),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        views.PasswordResetView.as_view(
            template_name="accounts/form_page.html",
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
            extra_context={"title": "Reset your password", "submit": "Email me a reset link"},
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="accounts/message_page.html",
            extra_context={
                "title": "Check your email",
                "message": "If an account uses that address, a reset link is on its way.",
            },
        ),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(
            template_name="accounts/form_page.html",
            extra_context={"title": "Choose a new password", "submit": "Save password"},
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/message_page.html",
            extra_context={"title": "Password saved", "message": "You can sign in with it now."},
        ),
        name="password_reset_complete",
    ),
]
