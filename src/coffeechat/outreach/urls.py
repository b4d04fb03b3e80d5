from django.urls import path

from coffeechat.outreach import call_views, intro_views, reply_views, settings_views, views
from coffeechat.outreach.models import MessageKind

app_name = "outreach"
urlpatterns = [
    path("people/<int:person_pk>/ask/", views.compose, name="compose"),
    path("people/<int:person_pk>/follow-up/", views.compose, {"kind": MessageKind.FOLLOW_UP}, name="compose-follow-up"),
    path("people/<int:person_pk>/introductions/write/", views.compose, {"kind": MessageKind.INTRODUCTIONS}, name="compose-introductions"),
    path("people/<int:person_pk>/introductions/", intro_views.names_given, name="introductions"),
    path("people/<int:person_pk>/thank/", views.compose, {"kind": MessageKind.THANK_YOU}, name="compose-thanks"),
    path("people/<int:person_pk>/keep-in-touch/write/", views.compose, {"kind": MessageKind.KEEP_IN_TOUCH}, name="compose-keep-in-touch"),
    path("people/<int:person_pk>/coach/", views.coach_fragment, name="coach"),
    path("people/<int:person_pk>/call/", call_views.call, name="call"),
    path("conversations/<int:pk>/reply/", reply_views.conversation_reply, name="reply"),
    path("messages/<int:pk>/", views.message_detail, name="message"),
    path("messages/<int:pk>/edit/", views.edit_draft, name="edit"),
    path("messages/<int:pk>/delete/", views.delete_draft, name="delete"),
    path("messages/<int:pk>/draft.eml", views.download_eml, name="eml"),
    path("messages/<int:pk>/send/", views.send_now, name="send"),
    path("messages/<int:pk>/sent/", views.mark_message_sent, name="mark-sent"),
    path("settings/mail/", settings_views.mail_settings, name="mail-settings"),
    path("settings/mail/test/", settings_views.mail_test, name="mail-test"),
    path("settings/templates/", settings_views.template_list, name="templates"),
    path("settings/templates/<int:pk>/", settings_views.template_edit, name="template-edit"),
    path("settings/templates/<int:pk>/delete/", settings_views.template_delete, name="template-delete"),
]
