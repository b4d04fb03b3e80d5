from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from coffeechat import views
from coffeechat.api.api import api
from coffeechat.followups import views as followup_views
from coffeechat.insights import insights_views

urlpatterns = [
    path("", followup_views.today, name="home"),
    path("insights/", insights_views.insights, name="insights"),
    path("", include("coffeechat.insights.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("api/v1/", api.urls),
    path("", include("coffeechat.accounts.urls")),
    path("", include("coffeechat.people.urls")),
    path("", include("coffeechat.outreach.urls")),
    path("", include("coffeechat.meetings.urls")),
    path("", include("coffeechat.questions.urls")),
    path("", include("coffeechat.events.urls")),
    path("", include("coffeechat.followups.urls")),
]
if settings.DEBUG or settings.LOCAL_MODE:
    urlpatterns.append(path("admin/", admin.site.urls))
