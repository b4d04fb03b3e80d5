"""The 3 / 7 business-day routine, moved through time."""

from datetime import UTC, date, datetime

import pytest

from coffeechat.conversations.routine import add_business_days, request_nudge

# Friday 6 November 2026, 16:00 in Toronto (21:00 UTC).
FRIDAY = datetime(2026, 11, 6, 21, 0, tzinfo=UTC)


def nudge(now, **overrides):
    kwargs = dict(requested_at=FRIDAY, answered=False, follow_up_sent_at=None, second_contact_days=3,
                  follow_up_days=7, now=now, time_zone="America/Toronto", organization="Northwind Health")
    kwargs.update(overrides)
    return request_nudge(**kwargs)


def test_business_days_skip_the_weekend():
    assert add_business_days(FRIDAY, 3).date() == date(2026, 11, 11)   # Wednesday
    assert add_business_days(FRIDAY, 7).date() == date(2026, 11, 17)   # Tuesday after next


def test_holidays_are_skipped_too():
    assert add_business_days(FRIDAY, 3, frozenset({date(2026, 11, 9)})).date() == date(2026, 11, 12)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2026, 11, 9, 15, tzinfo=UTC), None),                       # Monday: too early
        (datetime(2026, 11, 11, 20, 59, tzinfo=UTC), None),                  # Wednesday, a minute before
        (datetime(2026, 11, 11, 21, 0, tzinfo=UTC), "second_contact"),       # Wednesday 16:00 Toronto
        (datetime(2026, 11, 16, 12, tzinfo=UTC), "second_contact"),
        (datetime(2026, 11, 17, 21, 0, tzinfo=UTC), "follow_up"),            # 7 business days
    ],
)
def test_second_contact_after_3_then_follow_up_after_7_business_days(now, expected):
    found = nudge(now)
    assert (found.kind if found else None) == expected


def test_the_second_contact_message_names_the_organisation():
    assert "someone else at Northwind Health" in nudge(datetime(2026, 11, 12, tzinfo=UTC)).message


def test_nothing_once_they_answered():
    assert nudge(datetime(2026, 12, 1, tzinfo=UTC), answered=True) is None


def test_after_the_follow_up_wait_again_then_let_go():
    sent = datetime(2026, 11, 17, 22, tzinfo=UTC)
    assert nudge(datetime(2026, 11, 20, tzinfo=UTC), follow_up_sent_at=sent) is None
    assert nudge(datetime(2026, 11, 27, 0, tzinfo=UTC), follow_up_sent_at=sent).kind == "let_go"


def test_a_late_friday_evening_request_counts_from_friday_in_the_users_zone():
    # 23:30 Friday in Toronto is already Saturday in UTC; the count must start from Friday.
    late = datetime(2026, 11, 7, 4, 30, tzinfo=UTC)
    assert nudge(datetime(2026, 11, 12, 4, 30, tzinfo=UTC), requested_at=late).kind == "second_contact"
