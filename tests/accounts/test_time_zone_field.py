"""The time-zone field: common zones first, a searchable list of places, no "Factory" or "localtime"."""

import pytest
from django import forms

from coffeechat.timezones import (
    COMMON_ZONES,
    TimeZoneField,
    all_time_zones,
    offered_time_zones,
    resolve_time_zone,
)


class ZoneForm(forms.Form):
    zone = TimeZoneField()


def test_common_zones_come_first_and_odd_names_are_not_offered():
    offered = offered_time_zones()
    assert offered[:len(COMMON_ZONES)] == list(COMMON_ZONES)
    assert len(offered) == len(set(offered))
    for odd in ("Factory", "localtime", "posixrules", "US/Eastern", "Etc/GMT+5", "EST5EDT"):
        assert odd not in all_time_zones()


def test_the_field_renders_a_search_list_not_600_options():
    html = str(ZoneForm()["zone"])
    assert 'list="id_zone-zones"' in html and '<datalist id="id_zone-zones">' in html
    assert html.count("<option") == len(offered_time_zones()) < 500
    assert "Factory" not in html and "localtime" not in html


@pytest.mark.parametrize(("typed", "zone"), [
    ("America/Toronto", "America/Toronto"), ("toronto", "America/Toronto"), ("America/New York", "America/New_York"),
    (" st johns ", "America/St_Johns"), ("US/Eastern", "US/Eastern"),  # an old name already stored still validates
])
def test_what_a_user_types_resolves(typed, zone):
    assert resolve_time_zone(typed) == zone
    form = ZoneForm({"zone": typed})
    assert form.is_valid() and form.cleaned_data["zone"] == zone


@pytest.mark.parametrize("typed", ["Factory", "localtime", "Mars/Olympus", "posixrules", "../etc/passwd"])
def test_what_is_no_place_is_refused(typed):
    form = ZoneForm({"zone": typed})
    assert not form.is_valid() and "not a time zone we know" in str(form.errors)
