from django.urls import path

from coffeechat.followups import views

app_name = "followups"
urlpatterns = [
    path("today/", views.today, name="today"),
    path("today/item/", views.item_action, name="item"),
    path("today/task/", views.add_task, name="task"),
    path("today/<slug:group>/", views.today_group, name="group"),
    path("conversations/<int:pk>/follow-up/", views.conversation_followup, name="conversation"),
    path("conversations/<int:pk>/follow-up/thank-you/", views.thank_you, name="thank-you"),
    path("conversations/<int:pk>/follow-up/reflection/", views.reflection, name="reflection"),
    path("conversations/<int:pk>/follow-up/task/", views.step_task, name="step-task"),
    path("conversations/<int:pk>/follow-up/linkedin/", views.linkedin_connected, name="linkedin"),
    path("conversations/<int:pk>/missed/", views.mark_missed, name="missed"),
    path("people/<int:person_pk>/keep-in-touch/", views.keep_in_touch, name="touch"),
    path("settings/calendar-feed/", views.feed_settings, name="feed-settings"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="feed"),
]
