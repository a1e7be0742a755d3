import { describe, expect, it } from 'vitest';
import { inspectStep } from '../../../src/core/index.ts';
import { defaultSetup } from '../../../src/state/defaults.ts';
import type { RunConfig } from '../../../src/state/setup.ts';
import { stabilityLimit } from '../../../src/state/stability.ts';
import { stepView } from '../../../src/ui/inspector/stepView.ts';

const base = defaultSetup().runs[0];
const run = (patch: Partial<RunConfig>): RunConfig => ({ ...base, weightDecay: 0, ...patch }) as RunConfig;
// On the saddle L = x² + y⁴/4 − y²/2 from θ₀ = (1, 2), as in test/core/optimizers.test.ts: g₀ = (2, 6).
const saddle = { surface: 'saddle', start: [1, 2], steps: 5 } as const;

describe("the update inspector's data", () => {
  it('momentum, hand-worked: b₁ = (2, 6), g₁ = (1.6, 1.344), b₂ = 0.9·b₁ + g₁ = (3.4, 6.744), Δθ = −0.1·b₂ = (−0.34, −0.6744)', () => {
    const momentum = run({ optimizer: 'momentum', lr: 0.1, momentum: 0.9 });
    const view = stepView(momentum, inspectStep({ ...saddle, optimizer: 'momentum', lr: 0.1, momentum: 0.9 }, 1), null);
    expect(view.rows.find((row) => row.label === 'θ₁')?.value).toBe('(0.8, 1.4)');
    expect(view.rows.find((row) => row.label.startsWith('g₁'))?.value).toMatch(/^\(1\.6, 1\.344\)/);
    const buffer = view.state.find((row) => row.symbol === 'b');
    expect(buffer).toMatchObject({ before: '(2, 6)', after: '(3.4, 6.744)' });
    expect(view.ruleTex).toContain('0.9\\cdot (2,\\ 6) + (1.6,\\ 1.344) = (3.4,\\ 6.744)');
    expect(view.ruleTex).toContain('= (-0.34,\\ -0.6744)');
    expect(view.result.find((row) => row.label === 'Δθ')?.value).toBe('(−0.34, −0.6744)');
    expect(view.sentence).toMatch(/momentum keeps 0\.9 of the last step/);
  });

  it('adam, hand-worked: before step 1, m = (0.2, 0.6), v = (0.004, 0.036), m̂ = (2, 6), v̂ = (4, 36); after it m = (0.36, 1.036)', () => {
    const adam = run({ optimizer: 'adam', lr: 0.1, beta1: 0.9, beta2: 0.999 });
    const view = stepView(adam, inspectStep({ ...saddle, optimizer: 'adam', lr: 0.1 }, 1), null);
    const state = Object.fromEntries(view.state.map((row) => [row.symbol, row]));
    expect(state.m).toMatchObject({ before: '(0.2, 0.6)', after: '(0.36, 1.036)' });
    expect(state.v.before).toBe('(0.004, 0.036)');
    expect(state.v.after).toBe('(0.007236, 0.06056)');
    expect(state['\\hat m'].before).toBe('(2, 6)');
    expect(state['\\hat v'].before).toBe('(4, 36)');
    expect(view.result.find((row) => row.label === 'Δθ')?.value).toBe('(−0.09959, −0.09906)');
    expect(view.ruleTex).toContain('\\hat m');
  });

  it('says when η is past the stability limit 2/λmax of gradient descent on the bowl', () => {
    const setup = defaultSetup();
    const bowl = { ...setup, panes: [{ surface: 'bowl' }] };
    const gd = run({ optimizer: 'sgd', lr: 1.05, pane: 0 });
    const limit = stabilityLimit(bowl, gd);
    // The bowl's curvatures are 2/κ and 2: λmax = 2, so 2/λmax = 1.
    expect(limit?.lrLimit).toBeCloseTo(1, 12);
    const view = stepView(gd, inspectStep({ surface: 'bowl', optimizer: 'sgd', lr: 1.05, start: [-2.5, 2], steps: 5 }, 2), limit);
    expect(view.stability).toEqual({ past: true, text: 'η = 1.05 > 2/λmax = 1: the steep direction grows by |1 − ηλ| = 1.1 each step.' });
    expect(stabilityLimit(bowl, run({ optimizer: 'adam', pane: 0 }))).toBeNull();
    expect(stabilityLimit({ ...setup, panes: [{ surface: 'valleys' }] }, gd)).toBeNull();
  });

  it('with mini-batches: the rows drawn and the distance to the full gradient', () => {
    const sgd = run({ optimizer: 'sgd', lr: 0.1 });
    const view = stepView(sgd, inspectStep({ surface: 'bowl', optimizer: 'sgd', lr: 0.1, start: [-2.5, 2], steps: 10, batchSize: 8, seed: 4 }, 3), null);
    expect(view.rows.find((row) => row.label === 'Mini-batch rows')?.value.split(', ')).toHaveLength(8);
    expect(Number(view.rows.find((row) => row.label === '|g − full gradient|')?.value)).toBeGreaterThan(0);
    expect(view.sentence).toMatch(/the mini-batch of 8 rows misses the full gradient by/);
  });
});
