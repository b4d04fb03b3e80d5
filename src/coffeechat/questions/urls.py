from django.urls import path

from coffeechat.questions import answers_views, live_views, views

app_name = "questions"
urlpatterns = [
    path("conversations/<int:pk>/plan/", views.plan_editor, name="plan"),
    path("conversations/<int:pk>/plan/add/", views.plan_add, name="plan-add"),
    path("conversations/<int:pk>/plan/preset/", views.plan_preset, name="plan-preset"),
    path("conversations/<int:pk>/answers/", answers_views.email_answers, name="email-answers"),
    path("plan-items/<int:pk>/", views.plan_item, name="plan-item"),
    path("plan-items/<int:pk>/live/", live_views.save_item, name="save-item"),
    path("people/<int:person_pk>/talk-now/", live_views.talk_now, name="talk-now"),
    path("questions/", views.bank, name="bank"),
    path("questions/<str:ref>/edit/", views.bank_edit, name="bank-edit"),
]
