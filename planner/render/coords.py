"""Coordinate systems: sites are stored in WGS-84; 高德 tiles are drawn in GCJ-02."""

from __future__ import annotations

import warnings

import prcoords


def wgs_to_gcj(lat: float, lon: float) -> tuple[float, float]:
    """WGS-84 → GCJ-02; points outside China come back unchanged (as GCJ-02 defines)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # prcoords warns for non-Chinese points, which are legal here
        c = prcoords.wgs_gcj((lat, lon))
    return c.lat, c.lon


def identity(lat: float, lon: float) -> tuple[float, float]:
    return lat, lon
