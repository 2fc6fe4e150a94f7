"""The wording of every problem code, Chinese and English (severities: planner.schedule.problems).

Kept apart so mutation testing can leave user-facing wording alone (pyproject [tool.mutmut]); tests check
the numbers, names and times that go into a message.
"""

# code -> (zh template, en template)
MESSAGES: dict[str, tuple[str, str]] = {
    "day-overflow": ("{group} {date}：行程到 {day_end} 结束，超出日程窗口 {over} 分钟（应在 {window_end} 前结束）",
        "{group} {date}: the day ends at {day_end}, {over} min past the window end {window_end}"),
    "early-start": ("{group} {date}：{activity} 定于 {start}，须在 {depart} 出发，早于日程窗口 {window_start}",
        "{group} {date}: {activity} at {start} means setting off at {depart}, before the day window "
        "opens at {window_start}"),
    "closed-weekday": ("{group} {date}：{site} 逢{weekday}闭馆，不能安排",
        "{group} {date}: {site} is closed on {weekday}s"),
    "closed-holiday": ("{group} {date}：{site} 法定节假日（{holiday}）不开放",
        "{group} {date}: {site} is closed on public holidays ({holiday})"),
    "outside-hours": ("{group} {date}：{site} 开放时间 {hours}，安排在 {start}–{end} 不在开放时间内",
        "{group} {date}: {site} opens {hours}; {start}–{end} is outside its hours"),
    "over-capacity-groups": ("{date} {start}–{end}：{site} 同时接待 {count} 个组（{groups}），最多 {limit} 个",
        "{date} {start}–{end}: {site} receives {count} groups at once ({groups}); "
        "it takes {limit}"),
    "over-capacity-people": ("{date} {start}–{end}：{site} 同时接待 {people} 人（{groups}），最多 {limit} 人",
        "{date} {start}–{end}: {site} receives {people} people at once ({groups}); "
        "it takes {limit}"),
    "pinned-unreachable": ("{group} {date}：{activity} 定于 {pinned}，最早 {arrive} 才能到达，晚 {late} 分钟",
        "{group} {date}: {activity} is pinned at {pinned} but the group arrives at {arrive}, "
        "{late} min late"),
    "boarding-margin": ("{group} {date}：{activity} {start} 出发，{arrive} 才到达，只剩 {left} 分钟，少于检票候车所需 {margin} 分钟",
        "{group} {date}: {activity} leaves at {start} but the group only gets there at {arrive}: "
        "{left} min, less than the {margin} min boarding takes"),
    "joint-mismatch": ("{date}：联合活动“{joint}”不一致：{group} {time} 在 {site}，{other} {other_time} 在 {other_site}",
        "{date}: joint session \"{joint}\" differs: {group} {time} at {site}, {other} {other_time} "
        "at {other_site}"),
    "long-leg": ("{group} {date}：前往 {site} 的车程约 {minutes} 分钟（{km} km），超过 {limit} 分钟",
        "{group} {date}: the coach leg to {site} takes about {minutes} min ({km} km), over {limit} min"),
    "no-lunch": ("{group} {date}：{window} 之间没有安排午餐，也没有 {minutes} 分钟的空档",
        "{group} {date}: no lunch and no {minutes}-minute break between {window}"),
    "meal-outside-lunch": ("{group} {date}：{activity} {start}–{end} 落在午餐时段 {window} 内不足 {minutes} 分钟",
        "{group} {date}: {activity} {start}–{end} has less than {minutes} min inside the lunch "
        "window {window}"),
    "too-many-visits": ("{group} {date}：安排了 {count} 场现场教学，超过每日上限 {limit} 场",
        "{group} {date}: {count} site visits, more than the daily limit of {limit}"),
    "site-revisited": ("{group} {date}：{site} 已于 {first} 参观过",
        "{group} {date}: {site} was already visited on {first}"),
    "start-mismatch": ("{group} {date}：从 {start} 出发，但前一晚住在 {previous}",
        "{group} {date}: the day starts at {start} but the group spent the night at {previous}"),
    "no-hotel": ("{group} {date}：未指定当晚住宿",
        "{group} {date}: no hotel for the night"),
    "holidays-unknown": ("{year} 年的法定节假日和调休安排未知，未检查节假日闭馆",
        "public holidays of {year} are not known yet; holiday closures were not checked"),
    "balance-driving": ("各组车程不均：{most} {most_km} km，比 {least} {least_km} km 多 {diff} km{ratio}",
        "driving is unbalanced: {most} {most_km} km, {diff} km more than {least} {least_km} km"
        "{ratio}"),
    "balance-visits": ("各组现场教学场次不均：{counts}",
        "site visits are unbalanced across groups: {counts}"),
    "balance-topics": ("{group} 未涉及其他组学习的专题：{topics}",
        "{group} misses topics other groups cover: {topics}"),
    # people (planner/schedule/people_checks.py)
    "roster-headcount": ("{group}：名单 {roster} 人，与计划人数 {headcount} 人不符",
        "{group}: the roster lists {roster} people but the headcount is {headcount}"),
    "vehicle-seats": ("{group}：车辆 {vehicles} 共 {seats} 座，坐不下 {people} 人（学员 {participants}、工作人员 {staff}）",
        "{group}: vehicle(s) {vehicles} have {seats} seats for {people} people "
        "({participants} participants, {staff} staff)"),
    "person-in-two-groups": ("{name} 同时列在 {groups}",
        "{name} is listed in two groups: {groups}"),
    "room-over-beds": ("{group} {date}：{room} 房 {beds} 张床，安排了 {count} 人（{names}）",
        "{group} {date}: room {room} has {beds} beds for {count} people ({names})"),
    "participant-no-group": ("{count} 名学员未分组：{names}",
        "{count} participants are in no group: {names}"),
    "person-two-rooms": ("{date}：{name} 同时排在 {rooms} 房",
        "{date}: {name} is in more than one room: {rooms}"),
}
