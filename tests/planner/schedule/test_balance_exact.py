"""Balance notes across groups: topics one group misses, which groups take part, exact thresholds."""

from planner.schedule.scheduler import schedule
from tests.builders import day, group, site, tour, visit

MON = "2025-02-24"


def found(t, code):
    return [p for p in schedule(t).problems if p.code == code]


def test_a_group_missing_topics_others_saw_is_told_which_in_the_catalogues_order():
    t = tour(group("a", day(MON, visit("lab"), {"kind": "lecture", "site": "hall"}), name="一组"),
             group("b", day(MON, visit("farm")), name="二组"),
             sites=[site("lab", topics=["数字经济", "科技创新", "其他话题"]), site("hall", kind="venue", topics=["产业发展"]),
                    site("farm", topics=["乡村振兴", "数字经济"])])
    notes = [(p.group_id, p.date, p.activity_id, p.values()) for p in found(t, "balance-topics")]
    assert notes == [("a", None, None, {"group": "一组", "topics": "乡村振兴"}),
                     ("b", None, None, {"group": "二组", "topics": "产业发展、科技创新"})]


def test_a_meal_at_a_site_does_not_count_as_seeing_its_topics():
    t = tour(group("a", day(MON, visit("lab"))), group("b", day(MON, visit("farm"), {"kind": "meal", "site": "lab"})),
             sites=[site("lab", topics=["科技创新"]), site("farm")])
    assert [(p.group_id, p.values()["topics"]) for p in found(t, "balance-topics")] == [("b", "科技创新")]


def test_groups_without_visits_take_no_part_in_balance():
    idle = group("c", day(MON, {"kind": "lecture", "site": "hall"}), name="三组")
    t = tour(group("a", day(MON, *[visit(f"s{i}") for i in range(5)]), name="一组"),
             group("b", day(MON, visit("s0"), visit("s1")), name="二组"), idle,
             sites=[site(f"s{i}", topics=["数字经济"] if i == 4 else []) for i in range(5)]
             + [site("hall", kind="venue", topics=["开放合作"])])
    (visits,) = found(t, "balance-visits")
    assert (visits.group_id, visits.groups, visits.values()) == (None, ("a", "b"), {"counts": "一组 5、二组 2"})
    assert [(p.group_id, p.values()["topics"]) for p in found(t, "balance-topics")] == [("b", "数字经济")]


def test_one_group_or_one_active_group_is_never_unbalanced():
    sites = [site("lab", topics=["科技创新"]), site("farm", topics=["乡村振兴"])]
    alone = tour(group("a", day(MON, *[visit("lab")] * 1, visit("farm"))), sites=sites)
    assert [p.code for p in schedule(alone).problems if p.code.startswith("balance")] == []
    one_active = tour(group("a", day(MON, visit("lab"), visit("farm"), visit("lab"), visit("farm"))),
                      group("b", day(MON)), sites=sites)
    assert [p.code for p in schedule(one_active).problems if p.code.startswith("balance")] == []
