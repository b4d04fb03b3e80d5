from django.shortcuts import get_object_or_404

from coffeechat.insights.models import Goal, Lead


def get_goal_for_user(request, pk) -> Goal:
    return get_object_or_404(Goal.objects.for_user(request.user), pk=pk)


def get_lead_for_user(request, pk) -> Lead:
    return get_object_or_404(Lead.objects.for_user(request.user).select_related("conversation__person", "goal", "saved_to", "target"), pk=pk)
