import { describe, expect, it } from 'vitest';
import { createRun, makeBowl, surfaces, type RunSpec, type Surface } from '../../../src/core/index.ts';
import { Results, type RunResult } from '../../../src/state/results.ts';
import { summarizeRun } from '../../../src/ui/runs/runStatus.ts';

/** The run as the legend sees it: computed by core, handed over as the worker's chunk, stored in Results. */
function stored(spec: RunSpec & { surface: Surface }): RunResult {
  const run = createRun(spec);
  run.advance(run.capacity);
  const results = new Results();
  const slice = (values: Float64Array) => values.slice(0, run.length);
  results.applyChunk({
    generation: 1,
    runId: 'r1',
    capacity: run.capacity,
    offset: 0,
    x: slice(run.x),
    y: slice(run.y),
    loss: slice(run.loss),
    gradNorm: new Float64Array(run.length),
    counts: { lossEvaluations: slice(run.lossEvaluations), gradientEvaluations: slice(run.gradientEvaluations) },
    done: true,
    diverged: run.diverged,
    divergedAt: run.divergedAt,
    stopReason: run.stopReason,
    leftDomainAt: run.leftDomainAt,
    startLoss: run.startLoss,
  });
  return results.runs.get('r1')!;
}

const bowl5 = makeBowl(5);
const onBowl = (lr: number) => stored({ surface: bowl5, optimizer: 'sgd', lr, start: [-2.5, 2], steps: 100 });

describe('run status in the legend', () => {
  it('on the κ = 5 bowl, η = 1.05 and η = 1.1 both diverged and left the plot at step 1; η = 0.99 did not diverge', () => {
    const fast = summarizeRun(onBowl(1.1), bowl5);
    expect(fast.kind).toBe('diverged');
    expect(fast.text).toMatch(/^diverged at step \d+ · left the plot at step 1$/);
    const over = summarizeRun(onBowl(1.05), bowl5);
    expect(over.kind).toBe('diverged');
    expect(over.text).toMatch(/^diverged at step \d+ · left the plot at step 1$/);
    const edge = summarizeRun(onBowl(0.99), bowl5);
    expect(edge.kind).toBe('moving');
    expect(edge.text).not.toMatch(/diverged/);
  });

  it('a run that settles at the global minimum is green and says which minimum', () => {
    const summary = summarizeRun(onBowl(0.45), bowl5);
    expect(summary.kind).toBe('converged');
    expect(summary.text).toMatch(/^converged at step \d+ · reached minimum 1 \(a global minimum\)$/);
    expect(summary.finalLoss).toBeLessThan(1e-10);
  });

  it('a run stuck in a local minimum of Rastrigin is not green like the global one', () => {
    const rastrigin = surfaces.rastrigin;
    const local = summarizeRun(stored({ surface: rastrigin, optimizer: 'sgd', lr: 0.001, start: [2.1, 2.1], steps: 2000 }), rastrigin);
    const global = summarizeRun(stored({ surface: rastrigin, optimizer: 'sgd', lr: 0.001, start: [0.3, 0.2], steps: 2000 }), rastrigin);
    expect(global.kind).toBe('converged');
    expect(local.kind).toBe('local');
    expect(local.finalLoss).toBeGreaterThan(1);
    expect(local.text).toMatch(/^converged at step \d+ · /);
    expect(local.text).not.toMatch(/global/);
  });

  it('the status does not depend on the step count: Adam on Valleys says the same after 1,000 and 20,000 steps', () => {
    const valleys = surfaces.valleys;
    const spec = { surface: valleys, optimizer: 'adam', lr: valleys.suggestedLr, start: valleys.suggestedStart } as const;
    const short = summarizeRun(stored({ ...spec, steps: 1000 }), valleys);
    const long = summarizeRun(stored({ ...spec, steps: 20_000 }), valleys);
    const convergedStep = (text: string) => /converged at step (\d+)/.exec(text)?.[1] ?? null;
    expect(convergedStep(short.text)).not.toBeNull();
    expect(convergedStep(long.text)).toBe(convergedStep(short.text));
    expect(long.kind).toBe(short.kind);
  });

  it('a run whose loss is undefined at the start says so instead of "diverged at step 0"', () => {
    const nowhere: Surface = { ...bowl5, id: 'nowhere', loss: () => Number.NaN };
    const summary = summarizeRun(stored({ surface: nowhere, optimizer: 'sgd', lr: 0.1, start: [1, 1], steps: 10 }), nowhere);
    expect(summary.kind).toBe('undefined');
    expect(summary.text).toBe('the loss is undefined at the start');
  });

  it('while the run computes, says how far it got; before the surface is known, waits', () => {
    const result = onBowl(0.45);
    expect(summarizeRun(result, null)).toMatchObject({ kind: 'pending', text: 'waiting…' });
    result.status = 'computing';
    expect(summarizeRun(result, bowl5)).toMatchObject({ kind: 'computing', text: 'computing… 100 steps' });
    expect(summarizeRun(undefined, bowl5).kind).toBe('pending');
  });
});
