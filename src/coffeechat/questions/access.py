from django.shortcuts import get_object_or_404

from coffeechat.questions.models import PlanItem, UserQuestion


def get_plan_item_for_user(request, pk) -> PlanItem:
    return get_object_or_404(PlanItem.objects.for_user(request.user).select_related("conversation"), pk=pk)


def get_user_question_for_user(request, pk) -> UserQuestion:
    return get_object_or_404(UserQuestion.objects.for_user(request.user), pk=pk)
