"""Cut a drawing's rings to the drawn rectangle (Sutherland–Hodgman, one side at a time, in numpy).

A route map shows a few counties, but the provinces and cities around them are whole outlines: three
quarters of their vertices lay outside the picture, and every one was formatted, parsed and painted.
Cut with a margin, the edges a cut adds run outside the picture and never show.
"""

from __future__ import annotations

import numpy as np

Box = tuple[float, float, float, float]  # left, top, right, bottom


def clip_rings(points: np.ndarray, sizes: list[int], box: Box) -> list[np.ndarray]:
    """Rings given end to end (`points`, `sizes` rows each), cut to `box`; those wholly outside left out.
    Most rings are wholly inside or outside: that is found for all at once, only the others are cut, and a
    ring wholly inside comes back as it is (a view, not a copy)."""
    starts = np.cumsum([0] + sizes[:-1])
    outside, inside = _placed(np.minimum.reduceat(points, starts), np.maximum.reduceat(points, starts), box)
    out = []
    for start, size, gone, whole in zip(starts.tolist(), sizes, outside.tolist(), inside.tolist()):
        if size and not gone:
            ring = points[start:start + size]
            out.append(ring if whole else clip_ring(ring, box))
    return [ring for ring in out if len(ring)]


def clip_ring(ring: np.ndarray, box: Box) -> np.ndarray:
    """The part of closed ring `ring` ((n, 2) x, y rows) inside `box`, as a ring (possibly empty)."""
    if not len(ring):
        return ring
    outside, inside = _placed(ring.min(axis=0), ring.max(axis=0), box)
    if outside:
        return ring[:0]
    if inside:
        return ring  # as it was
    out = ring[:-1] if len(ring) > 1 and np.array_equal(ring[0], ring[-1]) else ring
    left, top, right, bottom = box
    for axis, bound, keep_above in ((0, left, True), (0, right, False), (1, top, True), (1, bottom, False)):
        out = _clip_side(out, axis, bound, keep_above)
        if not len(out):
            return out
    return np.vstack((out, out[:1]))


def _placed(low: np.ndarray, high: np.ndarray, box: Box) -> tuple:
    """(wholly outside, wholly inside) for rings of these bounds (one ring's, or one row per ring). A ring that
    only touches the box from outside has nothing in it; one that touches its sides from inside is inside."""
    left, top, right, bottom = box
    outside = (high[..., 0] <= left) | (high[..., 1] <= top) | (low[..., 0] >= right) | (low[..., 1] >= bottom)
    inside = (low[..., 0] >= left) & (low[..., 1] >= top) & (high[..., 0] <= right) & (high[..., 1] <= bottom)
    return outside, inside & ~outside


def _clip_side(points: np.ndarray, axis: int, bound: float, keep_above: bool) -> np.ndarray:
    """Each edge p → q gives its crossing with the side (if it crosses) and then q (if q is kept)."""
    values = points[:, axis]
    kept = values >= bound if keep_above else values <= bound
    if kept.all():
        return points
    following = np.roll(points, -1, axis=0)
    kept_next = np.roll(kept, -1)
    crosses = kept != kept_next
    run = following[:, axis] - values
    t = np.divide(bound - values, run, out=np.zeros_like(values), where=crosses)
    emitted = np.empty((len(points), 2, 2))
    emitted[:, 0] = points + t[:, None] * (following - points)
    emitted[:, 0, axis] = bound  # exactly on the side, whatever the rounding
    emitted[:, 1] = following
    return emitted[np.stack((crosses, kept_next), axis=1)]
