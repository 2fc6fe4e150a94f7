"""Edits refused with a message naming what is missing: the activity, the group, the day."""

import datetime as dt
import re

import pytest

from planner.model.edits import EditError, day_of, find_activity, remove_activity
from tests.builders import day, group, site, tour, visit


@pytest.fixture
def t():
    return tour(group("a", day("2025-02-24", visit("x", id="v1"))), sites=[site("x")])


def test_a_missing_activity_group_or_day_is_named(t):
    with pytest.raises(EditError, match=r"^activity 'zz' is not in the tour$"):
        find_activity(t, "zz")
    with pytest.raises(EditError, match=r"^activity 'zz' is not in the tour$"):
        remove_activity(t, "zz")
    with pytest.raises(EditError, match=r"^group 'nope' is not in the tour$"):
        day_of(t, "nope", dt.date(2025, 2, 24))
    with pytest.raises(EditError, match=re.escape("2025-02-25 is not a day of group 'a'")):
        day_of(t, "a", dt.date(2025, 2, 25), create=False)
    with pytest.raises(EditError, match=re.escape("2025-03-01 is not a day of group 'a'")):
        day_of(t, "a", dt.date(2025, 3, 1))
    assert [d.date for d in t.group("a").days] == [dt.date(2025, 2, 24)]


def test_removing_the_last_activity_of_a_day_keeps_the_day_unless_asked(t):
    slot, act = remove_activity(t, "v1")
    assert (slot.group_id, slot.date, slot.index, act.id) == ("a", dt.date(2025, 2, 24), 0, "v1")
    assert [(d.date, d.activities) for d in t.group("a").days] == [(dt.date(2025, 2, 24), [])]
