import { describe, expect, it } from 'vitest';
import { axisFor, axisFraction, axisTicks, extendExtent, linearTicks } from '../../src/ui/chart/chartScale.ts';
import { parseNumberInput } from '../../src/ui/widgets/NumberField.tsx';
import { convergedAt, summarizeRun } from '../../src/ui/runs/runStatus.ts';
import type { RunResult } from '../../src/state/results.ts';

describe('numeric fields', () => {
  it('accept finite numbers in range, including a typographic minus', () => {
    expect(parseNumberInput(' 0.05 ', 0, 1)).toEqual({ ok: true, value: 0.05 });
    expect(parseNumberInput('\u22121.5', -2, 2)).toEqual({ ok: true, value: -1.5 });
    expect(parseNumberInput('1e-3', 0, 1)).toEqual({ ok: true, value: 0.001 });
  });

  it('reject empty, non-numeric, non-finite, out-of-range and fractional-when-whole input with a reason', () => {
    for (const [text, integer] of [['', false], ['abc', false], ['NaN', false], ['Infinity', false], ['2', false], ['-0.1', false], ['1.5', true]] as const) {
      const result = parseNumberInput(text, 0, 1.9, integer);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/between 0 and 1\.9/);
    }
  });
});

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

  it('linear ticks are round numbers', () => {
    expect(linearTicks(0, 200, 5)).toEqual([0, 50, 100, 150, 200]);
    expect(linearTicks(-0.27, 0.03, 4)).toEqual([-0.2, -0.1, 0]);
  });
});

function result(loss: number[], gradNorm: number[], status: RunResult['status'] = 'done', divergedAt = -1): RunResult {
  const n = loss.length;
  return { runId: 'r1', generation: 1, x: new Float64Array(n), y: new Float64Array(n), loss: Float64Array.from(loss), gradNorm: Float64Array.from(gradNorm), capacity: n, length: n, status, divergedAt, message: null };
}

describe('run status in the legend', () => {
  it('converged at the first step from which every point is stationary', () => {
    const run = result([4, 1, 0.1, 1e-9, 1e-12], [3, 1, 0.5, 1e-5, 1e-6]);
    expect(convergedAt(run, [0])).toBe(3);
    expect(summarizeRun(run, [0]).text).toBe('converged at step 3');
  });

  it('a point close to a known minimum’s loss counts even with a larger gradient', () => {
    const run = result([2, -0.2499999999, -0.25], [1, 0.01, 0.01]);
    expect(summarizeRun(run, [-0.25]).kind).toBe('converged');
  });

  it('a path that leaves the stationary region again is still moving', () => {
    const run = result([1, 1e-9, 0.5], [1, 1e-6, 0.3]);
    expect(summarizeRun(run, [0]).text).toBe('still moving');
  });

  it('reports divergence with its step, and the final loss', () => {
    const summary = summarizeRun(result([1, 10, 1000], [1, 10, 100], 'diverged', 3), [0]);
    expect(summary.text).toBe('diverged at step 3');
    expect(summary.finalLoss).toBe(1000);
  });
});
