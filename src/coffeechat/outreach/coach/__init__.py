"""The outreach coach: deterministic, offline checks of a request for an informational interview."""

from coffeechat.outreach.coach.checks import (
    CHECK_IDS,
    CoachContext,
    EmailReport,
    Finding,
    check_email,
)
from coffeechat.outreach.coach.text import parse_email
from coffeechat.outreach.coach.thanks import THANKS_IDS, check_thanks

__all__ = ["CHECK_IDS", "THANKS_IDS", "CoachContext", "EmailReport", "Finding", "check_email", "check_thanks",
           "parse_email"]
