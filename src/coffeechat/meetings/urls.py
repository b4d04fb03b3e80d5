from django.urls import path

from coffeechat.meetings import brief_views, live_views, schedule_views, views

app_name = "meetings"
urlpatterns = [
    path("conversations/", views.conversation_list, name="list"),
    path("conversations/<int:pk>/", views.conversation_detail, name="conversation"),
    path("conversations/<int:pk>/state/", views.conversation_state, name="state"),
    path("conversations/<int:pk>/goal/", views.conversation_goal, name="goal"),
    path("conversations/<int:pk>/checklist/<slug:key>/", views.checklist_tick, name="checklist"),
    path("conversations/<int:pk>/schedule/", schedule_views.schedule_conversation, name="schedule"),
    path("conversations/<int:pk>/cancel/", schedule_views.cancel_conversation, name="cancel"),
    path("conversations/<int:pk>/invitation.ics", schedule_views.invitation, name="ics"),
    path("conversations/<int:pk>/invitation/email/", schedule_views.email_invitation, name="email-invitation"),
    path("conversations/<int:pk>/live/", live_views.live_mode, name="live"),
    path("conversations/<int:pk>/live/start/", live_views.start, name="start"),
    path("conversations/<int:pk>/live/save/<slug:field>/", live_views.save_field, name="save-field"),
    path("conversations/<int:pk>/live/referral/", live_views.add_referral, name="referral"),
    path("conversations/<int:pk>/live/contact-again/", live_views.contact_again, name="contact-again"),
    path("conversations/<int:pk>/live/end/", live_views.end, name="end"),
    path("conversations/<int:pk>/brief/", brief_views.brief, name="brief"),
    path("people/<int:person_pk>/schedule/", schedule_views.schedule_for_person, name="schedule-person"),
]
