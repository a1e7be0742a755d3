import { describe, expect, it } from 'vitest';
import { simulate, surfaces } from '../../../src/core/index.ts';
import { defaultTolerance, hyperCellLr, hyperCellParam } from '../../../src/core/index.ts';
import type { HyperData } from '../../../src/state/maps/types.ts';
import { data, spec } from './hyperFixture.ts';
import { paintHyperCells, type HyperMetric } from '../../../src/ui/maps/hyperMapDraw.ts';
import { timelineCaption } from '../../../src/ui/maps/hyperTimeline.ts';
import { arrivalsAt, PENDING_ALPHA, pendingAt } from '../../../src/view/mapTimeline.ts';

function paint(d: HyperData, metric: HyperMetric, step: number): Uint8ClampedArray {
  const pixels = new Uint8ClampedArray(d.spec.lrCells * d.spec.paramCells * 4);
  paintHyperCells(d, metric, step, pixels);
  return pixels;
}

/** The pixel offset of a cell (row 0 is drawn at the bottom). */
const offsetOf = (d: HyperData, cell: number): number => {
  const row = Math.floor(cell / d.spec.lrCells);
  const column = cell % d.spec.lrCells;
  return ((d.spec.paramCells - 1 - row) * d.spec.lrCells + column) * 4;
};

describe('the hyper-parameter map follows the timeline', () => {
  it('at step t a cell whose run reaches its minimum after t is faded; at the last step the map is unchanged; cells that never arrive keep their colour', () => {
    const d = data();
    const reaching = Array.from(d.stepsToTolerance.keys()).filter((cell) => d.stepsToTolerance[cell] > 0);
    const never = Array.from(d.stepsToTolerance.keys()).filter((cell) => d.stepsToTolerance[cell] < 0);
    expect(reaching.length).toBeGreaterThan(10);
    expect(never.length).toBeGreaterThan(0);
    for (const metric of ['loss', 'steps', 'minimum'] as const) {
      const end = paint(d, metric, spec.steps);
      expect(paint(d, metric, Number.POSITIVE_INFINITY)).toEqual(end);
      for (const cell of reaching) {
        const s = d.stepsToTolerance[cell];
        const o = offsetOf(d, cell);
        // From its own step on, the cell is as at the end; one step earlier it is faded: same colour, PENDING_ALPHA opacity.
        expect(Array.from(paint(d, metric, s).subarray(o, o + 4))).toEqual(Array.from(end.subarray(o, o + 4)));
        const before = paint(d, metric, s - 1);
        expect(Array.from(before.subarray(o, o + 3))).toEqual(Array.from(end.subarray(o, o + 3)));
        expect(end[o + 3]).toBe(255);
        expect(before[o + 3]).toBe(PENDING_ALPHA);
      }
      const start = paint(d, metric, 0);
      for (const cell of never) expect(Array.from(start.subarray(offsetOf(d, cell), offsetOf(d, cell) + 4))).toEqual(Array.from(end.subarray(offsetOf(d, cell), offsetOf(d, cell) + 4)));
    }
  });

  it("a cell's arrival step is where its own run first comes within tolerance of the minimum (simulate agrees)", () => {
    const d = data();
    const tolerance = defaultTolerance(surfaces.bowl.domain);
    let checked = 0;
    for (let cell = 0; cell < d.stepsToTolerance.length && checked < 6; cell++) {
      const s = d.stepsToTolerance[cell];
      if (s <= 0) continue;
      const column = cell % spec.lrCells;
      const row = Math.floor(cell / spec.lrCells);
      const path = simulate({ surface: 'bowl', optimizer: 'momentum', lr: hyperCellLr(spec, column), momentum: hyperCellParam(spec, row), start: [-2.5, 2], steps: s });
      const distance = (t: number) => Math.hypot(path.x[t], path.y[t]);
      expect(distance(s)).toBeLessThanOrEqual(tolerance);
      expect(distance(s - 1)).toBeGreaterThan(tolerance);
      checked++;
    }
    expect(checked).toBe(6);
  });

  it('the caption counts the settings arrived by the step and reads the mapped run’s loss there', () => {
    const d = data();
    const { reached, reaching } = arrivalsAt(d.filled, d.stepsToTolerance, 40);
    expect(reached).toBe(Array.from(d.stepsToTolerance).filter((s) => s >= 0 && !pendingAt(s, 40)).length);
    expect(reached).toBeGreaterThan(0);
    expect(reached).toBeLessThan(reaching);
    expect(arrivalsAt(d.filled, d.stepsToTolerance, spec.steps).reached).toBe(reaching);
    expect(timelineCaption(d, 40, 0.01234)).toBe(`At step 40: ${reached} of the ${reaching} settings that reach a minimum have reached it; the others are faded and hatched until they do. This run (ring): loss 0.01234.`);
    expect(timelineCaption(d, spec.steps, null)).toBe(`At step 200: all ${reaching} settings that reach a minimum have reached it.`);
    expect(timelineCaption(d, 40, null)).not.toMatch(/This run/);
  });
});
