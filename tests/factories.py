import unicodedata

import factory

from coffeechat.accounts.models import User
from coffeechat.people.models import Organization, Person, Source, Tag


def ascii_address(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    time_zone = "America/Toronto"
    password = factory.django.Password("a-long-enough-pass-9")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Organisation {n}")


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"tag{n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    owner = factory.SubFactory(UserFactory)
    first_name = factory.Sequence(lambda n: f"Given{n}")
    last_name = factory.Sequence(lambda n: f"Family{n}")
    # An address the person form accepts (ASCII before the @), as every stored address must be.
    emails = factory.LazyAttribute(lambda p: [ascii_address(f"{p.first_name}.{p.last_name}@example.com")])
    source = Source.FRIEND
    organization = factory.Maybe(
        "with_organization",
        yes_declaration=factory.SubFactory(OrganizationFactory, owner=factory.SelfAttribute("..owner")),
        no_declaration=None,
    )

    class Params:
        with_organization = False


class ConversationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "conversations.Conversation"

    owner = factory.SubFactory(UserFactory)
    person = factory.SubFactory(PersonFactory, owner=factory.SelfAttribute("..owner"))


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "outreach.Message"

    owner = factory.SubFactory(UserFactory)
    person = factory.SubFactory(PersonFactory, owner=factory.SelfAttribute("..owner"))
    subject = "Learning about your work"
    body = "Dear Sam,\n\nCould you spare 20 minutes?\n\nBest,\nMe"


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "insights.Goal"

    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Field {n}")
