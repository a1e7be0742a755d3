import { describe, expect, it } from 'vitest';
import { makeBowl, surfaces, lowestKnownLoss } from '../../../src/core/index.ts';
import { firstIndexAtLeast, indexAtX, lossScale, xAxisMax, xAxisTitle } from '../../../src/ui/chart/chartAxes.ts';
import { planChart, type ChartRun } from '../../../src/ui/chart/chartData.ts';
import { defaultRun } from '../../../src/state/defaults.ts';
import { Results } from '../../../src/state/results.ts';

describe('the loss chart’s scale', () => {
  it('a log scale plots L − L* where every run’s surface has a known minimum, even when the loss goes below zero', () => {
    const camel = lowestKnownLoss(surfaces['six-hump-camel'])!;
    expect(camel).toBeLessThan(0);
    const scale = lossScale(true, [camel, camel], true);
    expect(scale).toMatchObject({ log: true, offsets: [camel, camel], floorAtZero: true, why: null });
    expect(scale.title).toBe('loss − L* (L* = lowest known minimum)');
    expect(lossScale(true, [camel], true, true).title).toBe('loss − L* (L* = lowest minimum found)');
  });

  it('x² + y² reaches 0 exactly: still log, titled plainly, its zeros on the floor (not "the loss goes below zero")', () => {
    const scale = lossScale(true, [lowestKnownLoss(makeBowl(1))], true);
    expect(scale).toMatchObject({ log: true, offsets: [0], floorAtZero: true, title: 'loss', why: null });
  });

  it('without a known minimum, log plots the loss while it stays positive, and otherwise says why it is linear', () => {
    expect(lossScale(true, [null], false)).toMatchObject({ log: true, offsets: [0], floorAtZero: false, why: null });
    const linear = lossScale(true, [0, null], true);
    expect(linear.log).toBe(false);
    expect(linear.why).toMatch(/below zero/);
    expect(lossScale(false, [-1.03], true)).toMatchObject({ log: false, offsets: [0], why: null, title: 'loss' });
  });

  it('the chart model plots the gap on the log axis: a run at L* sits on the floor, and the axis spans the gaps', () => {
    const results = new Results();
    const loss = Float64Array.from([2, 0.5, -1, -1.0000000001]);
    const counts = Float64Array.from([0, 1, 2, 3]);
    results.applyChunk({ generation: 1, runId: 'r1', capacity: 4, offset: 0, x: loss, y: loss, loss, gradNorm: loss, counts: { lossEvaluations: new Float64Array(4), gradientEvaluations: counts }, done: true, diverged: false, divergedAt: -1, stopReason: 'none', leftDomainAt: -1, startLoss: 2 });
    const run: ChartRun = { config: defaultRun('sgd', 0), result: results.runs.get('r1'), lowest: -1 };
    const plan = planChart([run], { logY: true, gradNorm: false, learningRate: false, xAxis: 'steps', steps: 3, found: false });
    expect(plan.left).toEqual({ log: true, min: 1, max: 10 });
    expect(plan.model.series[0]).toMatchObject({ offset: -1, floorAtZero: true });
    expect(plan.model.leftTitle).toBe('loss − L* (L* = lowest known minimum)');
  });
});

describe('the loss chart’s x axis', () => {
  it('steps span the setup’s steps; evaluations and epochs span the most any run reached', () => {
    expect(xAxisMax('steps', 200, [{ xs: Float64Array.from([0, 5]), length: 2 }])).toBe(200);
    expect(xAxisMax('gradients', 200, [{ xs: Float64Array.from([0, 5, 7.5]), length: 3 }, { xs: Float64Array.from([0, 12]), length: 2 }])).toBe(12);
    // Gradient-free runs count no gradients: the axis still has a width.
    expect(xAxisMax('gradients', 200, [{ xs: Float64Array.from([0, 0, 0]), length: 3 }])).toBe(1);
    expect(xAxisTitle('epochs')).toMatch(/examples seen ÷ N/);
  });

  it('finds the point at or before an x, and the first point at or after one, on non-decreasing counts', () => {
    const xs = Float64Array.from([0, 0.25, 0.25, 0.5, 2, 2, 3]);
    expect(indexAtX(xs, xs.length, 0.25)).toBe(2);
    expect(indexAtX(xs, xs.length, 1.9)).toBe(3);
    expect(indexAtX(xs, xs.length, 10)).toBe(6);
    expect(indexAtX(xs, xs.length, -1)).toBe(-1);
    expect(indexAtX(null, 10, 4.7)).toBe(4);
    expect(indexAtX(null, 10, 40)).toBe(9);
    expect(firstIndexAtLeast(xs, 0, xs.length, 0.25)).toBe(1);
    expect(firstIndexAtLeast(xs, 3, xs.length, 1)).toBe(4);
    expect(firstIndexAtLeast(xs, 0, xs.length, 99)).toBe(xs.length);
    expect(firstIndexAtLeast(null, 2, 10, 5.5)).toBe(6);
  });
});
