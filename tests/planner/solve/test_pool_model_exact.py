"""A plan request on a tour instance: which pool copies, limits, topic covers and balance terms it adds."""

from __future__ import annotations

import datetime as dt

from planner.solve.model import Cover, Limit
from planner.solve.pool_model import (BALANCE_VISITS_WEIGHT, BALANCE_WEIGHT, PRIORITY_SCORE, SHARED_TOPIC_WEIGHT,
                                      extend)
from planner.solve.request import PlanRequest, PoolSite
from planner.solve.tour_model import TRAVEL_WEIGHT, build
from tests.builders import day, group, site, tour, visit

R24, R25, G24 = "g1@2025-02-24", "g1@2025-02-25", "g2@2025-02-24"


def _tour():
    return tour(group("g1", day("2025-02-24", visit("farm", id="f1")), day("2025-02-25", visit("farm", id="f2"))),
                group("g2", day("2025-02-24", visit("museum", id="m1")), headcount=20),
                sites=[site("farm", topics=["生态"]), site("museum", topics=["文化"]),
                       site("zoo", topics=["生态", "科技"], closed_weekdays=[2], visit_minutes=90),
                       site("park", topics=["文化"])])


def _extend(req: PlanRequest, **build_args):
    t = _tour()
    ti = build(t, **build_args)
    extend(ti, t, req)
    return ti


def test_the_weights_keep_their_meaning_in_driving_minutes():
    assert (PRIORITY_SCORE, BALANCE_WEIGHT, BALANCE_VISITS_WEIGHT, SHARED_TOPIC_WEIGHT) == (
        30 * TRAVEL_WEIGHT, 2 * TRAVEL_WEIGHT, 30 * TRAVEL_WEIGHT, 60 * TRAVEL_WEIGHT) == (300, 20, 300, 600)


def test_each_group_that_may_take_a_pool_site_gets_its_own_optional_copy_on_its_open_days():
    ti = _extend(PlanRequest(pool=[PoolSite(site="zoo", priority=2), PoolSite(site="farm", groups=["g1", "g2"]),
                                   PoolSite(site="park", groups=["g2"], max_groups=1)]))
    pool = [s for s in ti.instance.stops if s.id in ti.optional]
    assert [(s.id, ti.activities[s.id].site, s.routes, s.score, s.required, s.duration, s.resource, s.people)
            for s in pool] == [
        ("p1", "zoo", (R24,), 600, False, 90, "zoo", 30),        # the zoo shuts on Tuesdays
        ("p2", "zoo", (G24,), 600, False, 90, "zoo", 20),
        ("p3", "farm", (G24,), 300, False, 60, "farm", 20),      # g1 already goes to the farm
        ("p4", "park", (G24,), 300, False, 60, "park", 20)]
    assert ti.optional == {"p1", "p2", "p3", "p4"}
    assert {sid: ti.home[sid] for sid in ti.optional} == {"p1": R24, "p2": G24, "p3": G24, "p4": G24}
    assert ti.instance.limits == [Limit(("p1", "p2"), 1)]    # two copies of the zoo, one may be used
    zoo = ti.instance.stops[-4].location
    assert zoo == ti.locate("zoo") and zoo not in (ti.locate("farm"), ti.locate("museum"))


def test_a_shared_site_for_as_many_groups_as_may_take_it_needs_no_limit():
    ti = _extend(PlanRequest(pool=[PoolSite(site="zoo", max_groups=2)]))
    assert sorted(ti.optional) == ["p1", "p2"] and ti.instance.limits == []


def test_pool_ids_skip_those_of_groups_not_planned():
    t = _tour()
    t.group("g2").days[0].activities[0].id = "p1"
    ti = build(t, ["g1"])
    extend(ti, t, PlanRequest(pool=[PoolSite(site="zoo")]))
    assert ti.optional == {"p2"} and ti.activities["p2"].site == "zoo"


def test_a_group_with_no_open_day_for_a_pool_site_is_skipped_not_the_rest():
    ti = _extend(PlanRequest(pool=[PoolSite(site="zoo", groups=["g2", "g1"])]))
    assert [s.id for s in ti.instance.stops if s.id in ti.optional] == ["p1", "p2"]
    t = _tour()
    t.site("zoo").closed_weekdays = [1]                    # shut on Monday, g2's only day
    ti = build(t)
    extend(ti, t, PlanRequest(pool=[PoolSite(site="zoo", groups=["g2", "g1"])]))
    assert [(s.id, s.routes) for s in ti.instance.stops if s.id in ti.optional] == [("p1", (R25,))]


def test_topics_of_a_group_not_planned_are_left_to_it():
    ti = _extend(PlanRequest(topics={"g2": ["文化"], "g1": ["科技"]}), group_ids=["g1"])
    assert ti.instance.covers == [Cover("g1:科技", (R24, R25), ())]


def test_a_required_topic_becomes_a_cover_over_the_sites_that_give_it_unless_a_fixed_day_has_it():
    ti = _extend(PlanRequest(pool=[PoolSite(site="zoo")], topics={"g1": ["生态", "科技", "党建"], "g2": ["文化"]}))
    # g2's museum is on a planned day: its topic still needs covering by a planned visit
    assert ti.instance.covers == [Cover("g1:生态", (R24, R25), ("f1", "f2", "p1")),
                                  Cover("g1:科技", (R24, R25), ("p1",)),
                                  Cover("g1:党建", (R24, R25), ()),
                                  Cover("g2:文化", (G24,), ("m1",))]
    only_tuesday = _extend(PlanRequest(topics={"g1": ["生态"], "g2": ["文化"]}), dates={dt.date(2025, 2, 25)})
    assert only_tuesday.instance.covers == []   # Monday's farm visit already gives g1 its topic; g2 is not planned


def test_balance_weighs_each_groups_days_and_offers_topics_the_other_group_studies():
    ti = _extend(PlanRequest(pool=[PoolSite(site="zoo", max_groups=2), PoolSite(site="park", groups=["g1"])],
                             balance=True))
    inst = ti.instance
    assert inst.balance == [(R24, R25), (G24,)]
    assert (inst.balance_weight, inst.balance_visits_weight) == (20, 300)
    # g1 lacks g2's 文化: the park copy for g1 gives it; g2 lacks g1's 生态: its zoo copy gives it
    assert inst.covers == [Cover("g1:文化", (R24, R25), ("p3",), 600), Cover("g2:生态", (G24,), ("p2",), 600)]
    asked = _extend(PlanRequest(pool=[PoolSite(site="park", groups=["g1"])], topics={"g1": ["文化"]}, balance=True))
    assert asked.instance.covers == [Cover("g1:文化", (R24, R25), ("p1",))]   # asked for: a full-weight cover only


def test_balance_needs_two_planned_groups():
    ti = _extend(PlanRequest(balance=True), group_ids=["g1"])
    assert ti.instance.balance == [] and ti.instance.balance_weight == 0 and ti.instance.covers == []
