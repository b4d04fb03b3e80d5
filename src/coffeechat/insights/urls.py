from django.urls import path

from coffeechat.insights import views

app_name = "insights"
urlpatterns = [
    path("goals/", views.goal_list, name="goals"),
    path("goals/add/", views.goal_add, name="goal-add"),
    path("goals/<int:pk>/edit/", views.goal_edit, name="goal-edit"),
]
