"""WGS-84 ↔ GCJ-02 for whole arrays of points (boundary outlines have hundreds of thousands).

The same published transform prcoords applies point by point (tests compare the two), written with
numpy so a county outline converts in microseconds, not seconds. GCJ-02 → WGS-84 has no closed form:
two fixed-point steps bring it within centimetres, far below what a map can show.
"""

from __future__ import annotations

import numpy as np

_A = 6378245.0                 # Krasovsky 1940 semi-major axis, as the GCJ-02 definition uses
_EE = 0.00669342162296594323   # its first eccentricity squared


def _shift(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The offset (dlon, dlat) in degrees GCJ-02 adds at WGS-84 (lon, lat)."""
    x, y = lon - 105.0, lat - 35.0
    wave = 20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)
    dlat = (-100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
            + (wave + 20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
            + (160.0 * np.sin(y / 12.0 * np.pi) + 320.0 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0)
    dlon = (300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
            + (wave + 20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
            + (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0)
    rad = lat / 180.0 * np.pi
    magic = 1 - _EE * np.sin(rad) ** 2
    dlat = dlat * 180.0 / ((_A * (1 - _EE)) / (magic * np.sqrt(magic)) * np.pi)
    dlon = dlon * 180.0 / (_A / np.sqrt(magic) * np.cos(rad) * np.pi)
    return dlon, dlat


def _in_china(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """GCJ-02 leaves points outside this box unchanged (as prcoords' sanity check does)."""
    return (lon >= 72.004) & (lon <= 137.8347) & (lat >= 0.8293) & (lat <= 55.8271)


def wgs_to_gcj(lonlat: np.ndarray) -> np.ndarray:
    """(n, 2) array of lon, lat in WGS-84 → GCJ-02."""
    lon, lat = lonlat[:, 0], lonlat[:, 1]
    dlon, dlat = _shift(lon, lat)
    inside = _in_china(lon, lat)
    return np.column_stack((np.where(inside, lon + dlon, lon), np.where(inside, lat + dlat, lat)))


def gcj_to_wgs(lonlat: np.ndarray) -> np.ndarray:
    """(n, 2) array of lon, lat in GCJ-02 → WGS-84 (inverse by fixed-point steps)."""
    wgs = lonlat.copy()
    for _ in range(2):
        wgs = wgs - (wgs_to_gcj(wgs) - lonlat)
    return wgs
