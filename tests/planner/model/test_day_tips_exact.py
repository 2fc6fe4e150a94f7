"""每日提示: empty or not, and the printed lines in their order with the meeting time first."""

from planner.model.day_tips import DayTips


def test_empty_tips_print_nothing():
    assert DayTips().is_empty() and DayTips().lines() == []
    assert not DayTips(other="带伞").is_empty()


def test_filled_tips_print_in_order_with_the_meeting_time_before_the_place():
    tips = DayTips(meet_time="7:45", meet_at="酒店大堂", dress="正装", bring="身份证", other="带伞")
    assert tips.lines() == [("集合", "07:45 酒店大堂"), ("着装", "正装"), ("携带", "身份证"), ("提示", "带伞")]


def test_a_meeting_time_or_place_alone_and_gaps_are_skipped():
    assert DayTips(meet_time="08:00").lines() == [("集合", "08:00")]
    assert DayTips(meet_at="大堂", bring="水").lines() == [("集合", "大堂"), ("携带", "水")]
