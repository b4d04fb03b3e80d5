"""The question coach: deterministic checks of interview questions and of a whole plan."""

from coffeechat.questions.coach.checks import (
    PlanReport,
    QuestionReport,
    check_plan,
    check_question,
    classify,
    clean_lines,
    coach_questions_json,
    is_closing_question,
    is_referral_question,
    parse_lines,
)

__all__ = ["PlanReport", "QuestionReport", "check_plan", "check_question", "classify", "clean_lines",
           "coach_questions_json", "is_closing_question", "is_referral_question", "parse_lines"]
