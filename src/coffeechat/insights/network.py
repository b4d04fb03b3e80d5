"""Who led to whom: the referral tree from the seeker, and warm paths to target organisations."""

from dataclasses import dataclass, field
from operator import attrgetter

from coffeechat.insights.data import is_asked
from coffeechat.links import url_with_id

ROW = 30          # px between rows of the tree picture
INDENT = 26       # px per level
ROOT_ID = 0


@dataclass
class Node:
    id: int
    name: str
    state: str                     # "me", "met", "asked", "not_yet"
    parent: int | None = None
    parent_name: str = ""
    depth: int = 0
    children: list = field(default_factory=list)
    x: int = 0
    y: int = 0
    order: tuple = ()              # by name, then id: the tree's reading order among siblings

    @property
    def url(self) -> str:
        """The person's page (the seeker's node has none): only the drawn few are ever asked for theirs."""
        return url_with_id("people:person", self.id) if self.id != ROOT_ID else ""


def person_states(people: dict, conversations: list) -> dict:
    """met (a conversation held), asked (a request out or answered), else not_yet; per person id."""
    states = {}
    for c in conversations:
        if c.person_id not in people:
            continue
        now = "met" if c.state == "held" else "asked" if is_asked(c) else None
        if now == "met" or (now == "asked" and states.get(c.person_id) != "met"):
            states[c.person_id] = now
    return states


def referral_tree(people: dict, conversations: list, me: str = "Me") -> list[Node]:
    """Nodes in reading order (depth first): the seeker, then the people conversations or referrals touched.

    A person is in the tree when I have asked them, or they referred someone, or someone referred them.
    """
    states = person_states(people, conversations)
    referrers = {p.referred_by_id for p in people.values() if p.referred_by_id in people}
    shown = {pid for pid, p in people.items() if pid in states or pid in referrers or p.referred_by_id in people}
    nodes = {ROOT_ID: Node(ROOT_ID, me, "me")}
    for pid in shown:
        name = people[pid].display_name
        nodes[pid] = Node(pid, name, states.get(pid, "not_yet"), order=(name.casefold(), pid))
    for pid in shown:
        parent = people[pid].referred_by_id
        parent = parent if parent in nodes and parent != pid else ROOT_ID
        nodes[pid].parent = parent
        nodes[parent].children.append(nodes[pid])
    ordered, seen = [], set()
    by_order = attrgetter("order")

    def visit(start, depth):
        stack = [(start, depth)]
        while stack:
            node, level = stack.pop()
            if node.id in seen:
                continue
            seen.add(node.id)
            node.depth = level
            node.x, node.y = 12 + level * INDENT, 18 + len(ordered) * ROW
            ordered.append(node)
            if node.children:  # most people referred nobody
                stack.extend((child, level + 1) for child in sorted(node.children, key=by_order, reverse=True))

    visit(nodes[ROOT_ID], 0)
    # A referral loop (A referred B, B referred A) leaves people unreached: hang them from the root.
    if len(seen) < len(nodes):
        for node in sorted(nodes.values(), key=lambda n: n.order):
            if node.id not in seen:
                node.parent = ROOT_ID
                visit(node, 1)
    for node in ordered:
        node.parent_name = nodes[node.parent].name if node.parent is not None else ""
    return ordered


def tree_edges(nodes: list[Node]) -> list[dict]:
    by_id = {n.id: n for n in nodes}
    return [{"from": n.parent, "to": n.id, "x1": by_id[n.parent].x, "y1": by_id[n.parent].y, "x2": n.x, "y2": n.y}
            for n in nodes if n.parent is not None]


@dataclass
class Path:
    organization: object
    via: list           # people, from the one I know best to the one at the organisation
    state: str = "not_yet"  # how far I got with the first of them: met, asked, not_yet

    @property
    def names(self) -> list[str]:
        return [p.display_name for p in self.via]

    @property
    def ask_url(self) -> str:
        """Ask the first person for an introduction to the next, or (one step) for a conversation."""
        if len(self.via) > 1:
            return f"{url_with_id('outreach:compose-introductions', self.via[0].pk)}?introduction={self.via[1].pk}"
        return url_with_id("outreach:compose", self.via[0].pk)


def warm_paths(targets, people: dict, states: dict | None = None) -> list[Path]:
    """For each target: people there; people who referred me to someone there; two-step referral paths.

    Per target, people I met there come first, then people I asked, then names; then the
    one-step and two-step referral paths.
    """
    states = states or {}
    warmth = {"met": 0, "asked": 1}
    paths = []
    by_org = {}
    for p in people.values():
        by_org.setdefault(p.organization_id, []).append(p)
    for target in targets:
        org_id = target.organization.pk
        there = by_org.get(org_id, [])
        found = [[p] for p in there]
        for p in there:
            first = people.get(p.referred_by_id)
            if first is None or first.organization_id == org_id:
                continue
            found.append([first, p])
            second = people.get(first.referred_by_id)
            if second is not None and second.pk not in (p.pk, first.pk) and second.organization_id != org_id:
                found.append([second, first, p])
        found.sort(key=lambda via: (len(via), warmth.get(states.get(via[0].pk), 2), [q.display_name.casefold() for q in via]))
        paths.extend(Path(target.organization, via, states.get(via[0].pk, "not_yet")) for via in found)
    return paths
