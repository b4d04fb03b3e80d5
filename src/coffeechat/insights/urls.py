from django.urls import path

from coffeechat.insights import target_views, views

app_name = "insights"
urlpatterns = [
    path("goals/", views.goal_list, name="goals"),
    path("goals/add/", views.goal_add, name="goal-add"),
    path("goals/<int:pk>/edit/", views.goal_edit, name="goal-edit"),
    path("targets/", target_views.target_list_view, name="targets"),
    path("targets/paste/", target_views.paste_targets, name="targets-paste"),
    path("targets/<int:pk>/", target_views.target_detail, name="target"),
    path("targets/<int:pk>/rate/", target_views.rate_target, name="target-rate"),
]
