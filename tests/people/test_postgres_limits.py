"""PostgreSQL binds parameters itself in hosted mode (prepared statements): at most 65,535 a statement."""

import pytest
from django.db import connection

from coffeechat.people.models import Person

pytestmark = [pytest.mark.django_db,
              pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's parameter limit")]


def test_a_bulk_update_past_the_parameter_limit_is_split_into_statements_that_fit(owner):
    # As a restore puts back 30,000 people's timestamps: each row costs a parameter per field and two more.
    assert connection.features.uses_server_side_binding  # as hosted mode runs
    people = Person.objects.bulk_create(Person(owner=owner, first_name="Ada", last_name=f"Lovelace {n}")
                                        for n in range(10_000))
    for person in people:
        person.title, person.location, person.research = "Engineer", "Montréal", "Talks"
    Person.objects.bulk_update(people, ["title", "location", "research"])  # 70,000 parameters in all
    assert Person.objects.filter(owner=owner, location="Montréal").count() == 10_000
