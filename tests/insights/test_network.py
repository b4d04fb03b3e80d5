import pytest

from coffeechat.insights.data import load_conversations, load_people
from coffeechat.insights.network import referral_tree, tree_edges
from tests.factories import ConversationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_the_tree_reads_depth_first_and_survives_a_referral_loop(owner):
    ana = PersonFactory(owner=owner, first_name="Ana", last_name="A")
    ben = PersonFactory(owner=owner, first_name="Ben", last_name="B", referred_by=ana)
    PersonFactory(owner=owner, first_name="Cy", last_name="C", referred_by=ben)
    ConversationFactory(owner=owner, person=ana, state="held")
    loop_one = PersonFactory(owner=owner, first_name="Loop", last_name="One")
    loop_two = PersonFactory(owner=owner, first_name="Loop", last_name="Two", referred_by=loop_one)
    loop_one.referred_by = loop_two
    loop_one.save()
    PersonFactory(owner=owner, first_name="Untouched")  # never asked, no referral: not in the picture
    nodes = referral_tree(load_people(owner, in_touch=True), load_conversations(owner))
    assert [(n.name, n.depth) for n in nodes][:4] == [("Me", 0), ("Ana A", 1), ("Ben B", 2), ("Cy C", 3)]
    assert {n.name for n in nodes} == {"Me", "Ana A", "Ben B", "Cy C", "Loop One", "Loop Two"}
    assert [n.y for n in nodes] == sorted(n.y for n in nodes)
    edges = tree_edges(nodes)
    assert len(edges) == len(nodes) - 1 and all(e["from"] != e["to"] for e in edges)
