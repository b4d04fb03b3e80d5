from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from coffeechat.accounts.pagecache import cached_page
from coffeechat.insights.data import load
from coffeechat.insights.network import ROW
from coffeechat.insights.report import PERIODS, TOO_FEW, build

MAX_DRAWN = 200  # people in the picture and its table; the JSON has them all
PATHS_SHOWN = 3  # per target; the target's page has them all


def seeker_name(user) -> str:
    return user.get_full_name() or "Me"


def paths_by_target(paths: list) -> list[tuple]:
    """(organisation, its first paths, how many more) per target, in the paths' order."""
    grouped = {}
    for path in paths:
        grouped.setdefault(path.organization.pk, (path.organization, []))[1].append(path)
    return [(organization, found[:PATHS_SHOWN], len(found) - PATHS_SHOWN) for organization, found in grouped.values()]


@login_required
@cached_page
def insights(request):
    account = load(request.user)
    goal_ids = {g.pk for g in account.goals}
    goal_id = int(request.GET["goal"]) if request.GET.get("goal", "").isdigit() and int(request.GET["goal"]) in goal_ids else None
    period = request.GET.get("period") if request.GET.get("period") in PERIODS else "all"
    report = build(account, goal_id=goal_id, period=period, me=seeker_name(request.user))
    drawn = report["nodes"][:MAX_DRAWN]
    drawn_ids = {n.id for n in drawn}
    activity = report["activity"]
    slot = 320 / max(len(activity), 1)
    bar = max(int(slot / 2) - 1, 1)
    for n, week in enumerate(activity):
        week["x"] = round(n * slot)
    return render(request, "insights/insights.html", {
        **report,
        "goals": account.goals, "goal_id": goal_id, "period": period, "periods": PERIODS.items(), "too_few": TOO_FEW,
        "has_data": bool(account.conversations),
        "drawn": drawn, "drawn_edges": [e for e in report["edges"] if e["to"] in drawn_ids and e["from"] in drawn_ids],
        "network_height": ROW * len(drawn) + 8, "hidden_nodes": len(report["nodes"]) - len(drawn),
        "activity_bar": bar,
        "funnel_height": 44 * len(report["funnel"]),
        "paths_by_target": paths_by_target(report["warm_paths"]),
    })
