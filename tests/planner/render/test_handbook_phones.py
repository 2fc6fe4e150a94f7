"""Participants' copies must not show phone numbers: mobiles written in groups or after +86 included."""

import pytest

from planner.render.handbook import strip_phones


@pytest.mark.parametrize(("text", "stripped"), [
    ("王 139-1234-5678", "王"), ("王 139 1234 5678", "王"), ("张 +86 13912345678", "张"),
    ("刘 +86-139-1234-5678，周 0571-88881234", "刘 ，周"), ("+86-571-88881234 钱", "钱"),
    ("+86 (0571) 8888 1234 吴", "吴")])
def test_a_mobile_written_in_groups_or_with_the_country_code_goes_entirely(text, stripped):
    assert strip_phones(text) == stripped
