import { describe, expect, it } from 'vitest';
import { axisFor, axisFraction, axisTicks, extendExtent } from '../../../src/ui/chart/chartScale.ts';

describe('loss chart axes', () => {
  it('log axes snap to whole decades and ignore non-positive values', () => {
    const extent = extendExtent(null, [0.03, 5, 0, -1, Number.NaN, 120], 6, true);
    expect(extent).toEqual({ min: 0.03, max: 120 });
    const axis = axisFor(extent, true);
    expect(axis).toEqual({ log: true, min: 0.01, max: 1000 });
    expect(axisTicks(axis)).toEqual([0.01, 0.1, 1, 10, 100, 1000]);
    expect(axisFraction(axis, 1)).toBeCloseTo(0.4);
    expect(axisFraction(axis, 0)).toBeNaN();
  });

  it('a log axis spans at most 20 decades, and values above a cap (a diverging run) do not widen it', () => {
    const axis = axisFor({ min: 1e-40, max: 10 }, true);
    expect(axis).toEqual({ log: true, min: 1e-19, max: 10 });
    expect(extendExtent(null, [5, 50, 1e30, 1e300], 4, true, 5000)).toEqual({ min: 5, max: 50 });
  });

  it('a linear axis gets round ticks inside its padded range', () => {
    const axis = axisFor({ min: -0.27, max: 0.03 }, false);
    expect(axis.min).toBeCloseTo(-0.285, 12);
    expect(axis.max).toBeCloseTo(0.045, 12);
    expect(axisTicks(axis, 4)).toEqual([-0.2, -0.1, 0]);
  });
});
