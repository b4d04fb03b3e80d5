"""The coaches over the API: the same check ids and JSON as `coffeechat coach … --json`."""

from ninja import Field, Router, Schema

from coffeechat.api.errors import DOCUMENTED

router = Router(tags=["coach"])
MAX_TEXT = 20_000


class CoachIn(Schema):
    text: str


class ThanksIn(Schema):
    text: str = Field(description="The thank-you note (an optional first line 'Subject: …').")
    notes: str = Field("", description="Your private live-mode notes of that conversation (as `--notes FILE`).")
    referrals: list[str] = Field([], max_length=50, description="Names they gave you (as `--referral NAME`, repeated).")


@router.post("/coach/email", summary="The outreach coach: the same JSON as `coffeechat coach email --json`", openapi_extra=DOCUMENTED)
def coach_email(request, payload: CoachIn):
    from coffeechat.outreach.coach import check_email

    return check_email(payload.text[:MAX_TEXT]).as_json()


@router.post("/coach/thanks", openapi_extra=DOCUMENTED,
             summary="The thank-you coach: the same JSON as `coffeechat coach thanks --json [--notes FILE] [--referral NAME]…`")
def coach_thanks(request, payload: ThanksIn):
    from coffeechat.outreach.coach import check_thanks

    referrals = [name[:300] for name in payload.referrals]
    return check_thanks(payload.text[:MAX_TEXT], notes=payload.notes[:MAX_TEXT], referrals=referrals).as_json()


@router.post("/coach/questions", summary="The question coach, one question a line: the same JSON as `coffeechat coach questions --json`",
             openapi_extra=DOCUMENTED)
def coach_questions(request, payload: CoachIn):
    from coffeechat.questions.coach import coach_questions_json

    return coach_questions_json(payload.text[:MAX_TEXT].splitlines())
