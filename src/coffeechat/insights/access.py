from django.shortcuts import get_object_or_404

from coffeechat.insights.models import Goal


def get_goal_for_user(request, pk) -> Goal:
    return get_object_or_404(Goal.objects.for_user(request.user), pk=pk)
