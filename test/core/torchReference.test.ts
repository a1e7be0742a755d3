import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeBowl, OPTIMIZERS, simulate, type OptimizerId, type RunSpec, type Schedule } from '../../src/core/index.ts';

/**
 * Paths from real torch.optim (torch 1.13, float64, single-tensor code paths), written by
 * scripts/torch-reference.py into test/fixtures/torch/, one file per optimizer. Ours must agree
 * to 1e-9 for the first 50 steps and 1e-7 after, relative to max(1, |coordinate|): autograd
 * adds terms in another order than our hand-written gradients and torch's kernels fuse
 * multiply-adds, so last bits differ and adaptive methods can amplify them over many steps.
 */
interface TorchCase {
  readonly optimizer: OptimizerId;
  readonly surface: string;
  readonly lr: number;
  readonly start: [number, number];
  readonly settings?: Partial<RunSpec>;
  readonly schedule?: Schedule;
  readonly x: readonly number[];
  readonly y: readonly number[];
}

const EARLY_STEPS = 50;
const EARLY_TOLERANCE = 1e-9;
const LATE_TOLERANCE = 1e-7;

const directory = fileURLToPath(new URL('../fixtures/torch/', import.meta.url));
const fixtures = readdirSync(directory)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(directory + name, 'utf8')) as { readonly optimizer: OptimizerId; readonly torch: string; readonly cases: readonly TorchCase[] });

/** Largest relative difference of our path from torch's: over the first EARLY_STEPS steps, and after. */
function difference(torch: TorchCase): { early: number; late: number; length: number } {
  const spec: RunSpec = {
    surface: torch.surface === 'bowl5' ? makeBowl(5) : torch.surface,
    optimizer: torch.optimizer,
    lr: torch.lr,
    start: torch.start,
    steps: torch.x.length - 1,
    schedule: torch.schedule,
    ...torch.settings,
  };
  const ours = simulate(spec);
  let early = 0;
  let late = 0;
  for (let k = 0; k < Math.min(ours.length, torch.x.length); k++) {
    const error = Math.max(Math.abs(ours.x[k] - torch.x[k]) / Math.max(1, Math.abs(torch.x[k])), Math.abs(ours.y[k] - torch.y[k]) / Math.max(1, Math.abs(torch.y[k])));
    if (k <= EARLY_STEPS) early = Math.max(early, error);
    else late = Math.max(late, error);
  }
  return { early, late, length: ours.length };
}

describe('paths match real torch.optim', () => {
  it('has a fixture for every torch-backed optimizer, both L-BFGS line searches, schedules, weight decay and AMSGrad', () => {
    const torchBacked = Object.entries(OPTIMIZERS).filter(([, info]) => info.torch !== null).map(([id]) => id);
    expect(fixtures.map((fixture) => fixture.optimizer).sort()).toEqual(torchBacked.sort());
    const cases = fixtures.flatMap((fixture) => fixture.cases);
    expect(new Set(cases.map((c) => c.schedule?.type ?? 'constant'))).toEqual(new Set(['constant', 'step', 'exponential', 'cosine']));
    expect(cases.some((c) => c.settings?.lineSearch === 'strong-wolfe')).toBe(true);
    expect(cases.some((c) => c.settings?.amsgrad === true)).toBe(true);
    expect(cases.filter((c) => (c.settings?.weightDecay ?? 0) > 0).length).toBeGreaterThan(20);
    expect(new Set(cases.map((c) => c.surface))).toEqual(new Set(['bowl', 'bowl5', 'rosenbrock', 'saddle', 'valleys', 'himmelblau']));
  });

  for (const fixture of fixtures) {
    it(`${fixture.optimizer}: ${fixture.cases.length} paths from torch ${fixture.torch}, 1e-9 for ${EARLY_STEPS} steps`, () => {
      for (const torch of fixture.cases) {
        const { early, late, length } = difference(torch);
        const name = `${torch.optimizer} on ${torch.surface} ${JSON.stringify(torch.settings ?? {})} ${JSON.stringify(torch.schedule ?? {})}`;
        expect(length, name).toBe(torch.x.length);
        expect(early, name).toBeLessThanOrEqual(EARLY_TOLERANCE);
        expect(late, name).toBeLessThanOrEqual(LATE_TOLERANCE);
      }
    });
  }
});
