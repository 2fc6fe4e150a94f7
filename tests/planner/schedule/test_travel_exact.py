"""Distances and coach minutes for known pairs, to the metre and minute; known legs both ways."""

import math

import pytest
from geopy.distance import EARTH_RADIUS, great_circle

from planner.model.site import Site
from planner.model.tour import TravelModel
from planner.schedule.travel import STAY, Leg, TravelEstimator, drive_minutes, straight_km


def at(sid, lat, lon):
    return Site(id=sid, name=sid, kind="enterprise", lat=lat, lon=lon)


HANGZHOU, SHANGHAI = at("hz", 30.27, 120.15), at("sh", 31.23, 121.47)


def test_the_straight_distance_of_a_known_pair_is_the_great_circle():
    expected = great_circle((30.27, 120.15), (31.23, 121.47), radius=EARTH_RADIUS).km
    assert straight_km(HANGZHOU, SHANGHAI) == pytest.approx(expected, abs=1e-6)
    assert round(straight_km(HANGZHOU, SHANGHAI), 1) == 165.2


def test_east_west_and_north_south_parts_both_count():
    # one degree of longitude on the equator and one of latitude: R·π/180 each
    one_degree = EARTH_RADIUS * math.pi / 180
    assert straight_km(at("a", 0, 100), at("b", 0, 101)) == pytest.approx(one_degree, rel=1e-9)
    assert straight_km(at("a", 30, 100), at("b", 31, 100)) == pytest.approx(one_degree, rel=1e-9)
    assert straight_km(at("a", 60, 100), at("b", 60, 101)) == pytest.approx(
        great_circle((60, 100), (60, 101), radius=EARTH_RADIUS).km, rel=1e-9)
    assert straight_km(at("a", 0, 0), at("b", 0, 180)) == pytest.approx(EARTH_RADIUS * math.pi, rel=1e-9)


@pytest.mark.parametrize(("km", "minutes"), [(0, 0), (-1, 0), (0.49, 5), (0.5, 11), (12, 34), (13, 35),
                                             (42, 58), (87, 94)])
def test_coach_minutes_town_speed_first_then_coach_speed(km, minutes):
    # defaults: boarding 10, first 12 km at 30 km/h (24 min), then 75 km/h; rounded up to the minute
    assert drive_minutes(km, TravelModel()) == minutes


def test_the_estimator_turns_straight_km_into_road_km_and_minutes():
    leg = TravelEstimator(TravelModel()).leg(HANGZHOU, SHANGHAI)
    road = straight_km(HANGZHOU, SHANGHAI) * 1.3
    assert leg == Leg(round(road, 1), drive_minutes(road, TravelModel()), known=False)
    # 165.24 km × 1.3 = 214.8 road km; 10 + 24 + ⌈202.8 km at 75 km/h = 162.3⌉ = 197 min
    assert (leg.km, leg.minutes) == (214.8, 197)


def test_no_place_or_the_same_place_is_no_journey():
    est = TravelEstimator(TravelModel())
    assert est.leg(None, HANGZHOU) is STAY and est.leg(HANGZHOU, None) is STAY
    assert est.leg(HANGZHOU, at("hz", 31, 121)) is STAY
    assert not STAY.moves and Leg(0.0, 5).moves and Leg(0.3, 0).moves


def test_a_known_leg_serves_both_ways_unless_the_way_back_is_given():
    model = TravelModel(overrides=[{"origin": "hz", "destination": "sh", "minutes": 100, "km": 180},
                                   {"origin": "sh", "destination": "nb", "minutes": 150},
                                   {"origin": "nb", "destination": "sh", "minutes": 170}])
    est = TravelEstimator(model)
    ningbo = at("nb", 29.87, 121.55)
    assert est.leg(HANGZHOU, SHANGHAI) == Leg(180.0, 100, known=True)
    assert est.leg(SHANGHAI, HANGZHOU) == Leg(180.0, 100, known=True)
    assert est.leg(SHANGHAI, ningbo).minutes == 150 and est.leg(ningbo, SHANGHAI).minutes == 170
    # without km, a known leg keeps the model's road km
    assert est.leg(SHANGHAI, ningbo).km == round(straight_km(SHANGHAI, ningbo) * 1.3, 1)
    assert est.leg(SHANGHAI, ningbo).known and not est.leg(HANGZHOU, ningbo).known
    assert est.leg(HANGZHOU, SHANGHAI) is est.leg(HANGZHOU, SHANGHAI)  # cached
