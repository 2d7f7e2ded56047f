/**
 * The steps of the form's log-scale sliders (ε, queries).
 *
 * A log slider whose position is log10(value) in steps of 0.01, rounded to two significant digits,
 * could not leave a round value with the arrow keys: from ε = 1 one step is 10^0.01 = 1.023, which
 * rounds back to 1 (issue #19: stuck at ε 1, 2, 20 and queries 10k, 20k, 1M; only PageUp escaped).
 *
 * Here a step is a tenth of a decade, and the values are the rounded series of ISO 3 preferred
 * numbers, R″10: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 (× 10^k). Each is within 0.03 decade of
 * 10^(j/10), so the scale stays logarithmic while every position reads as a number worth typing,
 * and the study's defaults (ε = 8, 10,000 queries) are on it. A value typed off the grid (ε = 1.3)
 * moves to its neighbour on the grid (1.5 up, 1.2 down), never back to itself.
 *
 * No imports: this is part of the page's first-load bundle.
 */

/** ISO 3 rounded preferred numbers R″10, one decade. */
export const R10_ROUNDED = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8] as const;

/** Slider positions are log10(value) in steps of this: ten per decade. */
export const LOG_STEP = 0.1;

/** Relative tolerance when comparing a typed value with a grid value (1.2 typed as 1.2000000001). */
const REL = 1e-9;

/** 0.1 × 1.2 is 0.12000000000000001 in binary; twelve significant digits put it back to 0.12. */
const clean = (x: number) => Number(x.toPrecision(12));

/**
 * The values of the scale between min and max, ascending; min and max are on it when they are
 * R″10 numbers. With `integer`, values that are not whole numbers are left out (queries: 1, 2, 3,
 * 4, 5, 6, 8, 10, 12, 15, …).
 *
 * @example logGrid(0.1, 1) // → [0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 1]
 */
export function logGrid(min: number, max: number, integer = false): number[] {
  if (!(min > 0) || !(max >= min)) throw new RangeError(`logGrid needs 0 < min ≤ max, got ${min}, ${max}`);
  const out: number[] = [];
  for (let decade = Math.floor(Math.log10(min)); decade <= Math.ceil(Math.log10(max)); decade++) {
    for (const m of R10_ROUNDED) {
      const v = clean(m * 10 ** decade);
      if (v < min * (1 - REL) || v > max * (1 + REL)) continue;
      if (integer && !Number.isInteger(v)) continue;
      out.push(v);
    }
  }
  return out;
}

/**
 * One step up (direction 1) or down (−1) from any value: the nearest grid value strictly above or
 * below it. At an end it stays there; a value that is not a positive number starts from the bottom.
 *
 * @example stepFrom(logGrid(0.1, 100), 1, 1)    // → 1.2
 * @example stepFrom(logGrid(0.1, 100), 1.3, -1) // → 1.2 (off the grid: its lower neighbour)
 */
export function stepFrom(grid: readonly number[], x: number, direction: 1 | -1): number {
  const first = grid[0];
  const last = grid[grid.length - 1];
  if (first === undefined || last === undefined) throw new RangeError("stepFrom needs a non-empty grid");
  if (!Number.isFinite(x) || x <= 0) return first;
  if (direction === 1) return grid.find((v) => v > x * (1 + REL)) ?? last;
  for (let i = grid.length - 1; i >= 0; i--) {
    const v = grid[i]!;
    if (v < x * (1 - REL)) return v;
  }
  return first;
}

/**
 * A decade up or down (PageUp, PageDown): the first grid value at or above 10·x, or the last at or
 * below x/10, clamped to the ends. From 1: 10 up; from 1.3: 15 up (13 is not on the grid).
 */
export function decadeFrom(grid: readonly number[], x: number, direction: 1 | -1): number {
  const first = grid[0];
  const last = grid[grid.length - 1];
  if (first === undefined || last === undefined) throw new RangeError("decadeFrom needs a non-empty grid");
  if (!Number.isFinite(x) || x <= 0) return first;
  if (direction === 1) {
    const target = x * 10;
    return grid.find((v) => v >= target * (1 - REL)) ?? last;
  }
  const target = x / 10;
  for (let i = grid.length - 1; i >= 0; i--) {
    const v = grid[i]!;
    if (v <= target * (1 + REL)) return v;
  }
  return first;
}

/** The grid value whose log10 is nearest to a slider position (a pointer drag). */
export function nearestOnGrid(grid: readonly number[], position: number): number {
  let best = grid[0];
  if (best === undefined) throw new RangeError("nearestOnGrid needs a non-empty grid");
  for (const v of grid) if (Math.abs(Math.log10(v) - position) < Math.abs(Math.log10(best) - position)) best = v;
  return best;
}
