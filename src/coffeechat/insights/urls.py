from django.urls import path

from coffeechat.insights import lead_views, target_views, views

app_name = "insights"
urlpatterns = [
    path("goals/", views.goal_list, name="goals"),
    path("goals/add/", views.goal_add, name="goal-add"),
    path("goals/<int:pk>/edit/", views.goal_edit, name="goal-edit"),
    path("goals/<int:pk>/resources/", lead_views.goal_resource_add, name="goal-resource-add"),
    path("targets/", target_views.target_list_view, name="targets"),
    path("targets/paste/", target_views.paste_targets, name="targets-paste"),
    path("targets/<int:pk>/", target_views.target_detail, name="target"),
    path("targets/<int:pk>/rate/", target_views.rate_target, name="target-rate"),
    path("conversations/<int:pk>/leads/", lead_views.lead_add, name="lead-add"),
    path("leads/<int:pk>/target/", lead_views.lead_target, name="lead-target"),
    path("leads/<int:pk>/goal/", lead_views.lead_goal, name="lead-goal"),
    path("leads/<int:pk>/resources/", lead_views.lead_resources, name="lead-resources"),
    path("leads/<int:pk>/edit/", lead_views.lead_edit, name="lead-edit"),
    path("leads/<int:pk>/delete/", lead_views.lead_delete, name="lead-delete"),
]
