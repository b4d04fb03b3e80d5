from django.urls import path

from coffeechat.events import views

app_name = "events"
urlpatterns = [
    path("events/", views.event_list, name="list"),
    path("events/add/", views.event_add, name="add"),
    path("events/<int:pk>/", views.event_detail, name="event"),
    path("events/<int:pk>/edit/", views.event_edit, name="edit"),
    path("events/<int:pk>/delete/", views.event_delete, name="delete"),
    path("events/<int:pk>/met/", views.event_met, name="met"),
]
