import { describe, expect, it } from 'vitest';
import { createRun, makeBowl, simulate, writeStepCounts } from '../../src/core/index.ts';
import { createHandler } from '../../src/worker/handler.ts';
import type { Request, Response, WireRunSpec } from '../../src/worker/protocol.ts';
import { Results } from '../../src/state/results.ts';

type Chunk = Extract<Response, { type: 'chunk' }>;

/** Runs one compute request to the end, by hand, and returns every chunk of each run in order. */
function compute(runs: readonly { runId: string; spec: WireRunSpec }[], slicing = false): Map<string, Chunk[]> {
  const posted: Response[] = [];
  const tasks: (() => void)[] = [];
  let t = 0;
  // A clock that runs 1 ms per reading ends every slice after one round, so long runs stream in many chunks.
  const handler = createHandler((message) => posted.push(message), (task) => tasks.push(task), slicing ? { now: () => (t += 1) } : {});
  handler.onMessage({ type: 'compute', generation: 1, runs, fields: [] } satisfies Request);
  for (let guard = 0; tasks.length > 0 && guard < 100_000; guard++) tasks.shift()!();
  const byRun = new Map<string, Chunk[]>();
  for (const message of posted) {
    if (message.type !== 'chunk') continue;
    byRun.set(message.runId, [...(byRun.get(message.runId) ?? []), message]);
  }
  return byRun;
}

/** A run's counts from its chunks, listed or by their cost per step (as the receiver writes them). */
function joined(chunks: readonly Chunk[], key: 'lossEvaluations' | 'gradientEvaluations'): number[] {
  return chunks.flatMap((chunk) => {
    if (!('perStep' in chunk.counts)) return Array.from(chunk.counts[key]);
    const losses = new Float64Array(chunk.offset + chunk.x.length);
    const gradients = new Float64Array(losses.length);
    writeStepCounts(chunk.counts.perStep, chunk.offset, losses.length, losses, gradients);
    return Array.from((key === 'lossEvaluations' ? losses : gradients).subarray(chunk.offset));
  });
}

const bowl5 = { kind: 'bowl', condition: 5 } as const;

describe('engine handler: the facts each run carries', () => {
  it('streams cumulative loss and gradient evaluations equal to core’s, chunk after chunk', () => {
    const sgd: WireRunSpec = { surface: { kind: 'builtin', id: 'rosenbrock' }, optimizer: 'sgd', lr: 1e-3, start: [-1.2, 1], steps: 40_000, batchSize: 16, datasetSize: 256 };
    const lbfgs: WireRunSpec = { surface: { kind: 'builtin', id: 'rosenbrock' }, optimizer: 'lbfgs', lr: 1, lineSearch: 'strong-wolfe', start: [-1.2, 1], steps: 30 };
    const search: WireRunSpec = { surface: { kind: 'builtin', id: 'himmelblau' }, optimizer: 'random-search', lr: 1, start: [0, 0], steps: 200 };
    const chunks = compute(
      [
        { runId: 'sgd', spec: sgd },
        { runId: 'lbfgs', spec: lbfgs },
        { runId: 'search', spec: search },
      ],
      true,
    );
    expect(chunks.get('sgd')!.length).toBeGreaterThan(1);
    for (const [runId, spec, surface] of [
      ['sgd', sgd, 'rosenbrock'],
      ['lbfgs', lbfgs, 'rosenbrock'],
      ['search', search, 'himmelblau'],
    ] as const) {
      const expected = simulate({ ...spec, surface });
      expect(joined(chunks.get(runId)!, 'lossEvaluations')).toEqual(Array.from(expected.lossEvaluations));
      expect(joined(chunks.get(runId)!, 'gradientEvaluations')).toEqual(Array.from(expected.gradientEvaluations));
    }
    // A mini-batch of 16 out of 256 counts 1/16 of a gradient per step; random search counts losses only.
    expect(joined(chunks.get('sgd')!, 'gradientEvaluations').at(-1)).toBeCloseTo(40_000 / 16, 9);
    expect(joined(chunks.get('search')!, 'gradientEvaluations').every((count) => count === 0)).toBe(true);
    expect(joined(chunks.get('search')!, 'lossEvaluations').at(-1)).toBeGreaterThan(200);
  });

  it('says where a run left the plot and why it stopped: the κ = 5 bowl at η = 1.1 leaves at step 1 and runs away', () => {
    const spec: WireRunSpec = { surface: bowl5, optimizer: 'sgd', lr: 1.1, start: [-2.5, 2], steps: 100 };
    const last = compute([{ runId: 'fast', spec }]).get('fast')!.at(-1)!;
    const run = createRun({ ...spec, surface: makeBowl(5) });
    expect(last).toMatchObject({ done: true, diverged: true, stopReason: 'bound', leftDomainAt: 1 });
    expect(last.divergedAt).toBeGreaterThan(1);
    expect(last.startLoss).toBe(run.startLoss);
  });

  it('a run that takes every step says it did not stop, and that it never left the plot', () => {
    const spec: WireRunSpec = { surface: bowl5, optimizer: 'sgd', lr: 0.1, start: [-2.5, 2], steps: 100 };
    const last = compute([{ runId: 'calm', spec }]).get('calm')!.at(-1)!;
    expect(last).toMatchObject({ done: true, diverged: false, divergedAt: -1, stopReason: 'none', leftDomainAt: -1 });
  });

  it('a start where the loss is undefined arrives as an empty, finished run whose start loss is not finite', async () => {
    const { surfaceRefsReady } = await import('../../src/worker/surfaceRef.ts');
    const custom = { kind: 'custom', expression: 'x^2 + y^2 + log(-1)', domain: { x: [-2, 2], y: [-2, 2] } } as const;
    await surfaceRefsReady([custom]);
    const chunks = compute([{ runId: 'nowhere', spec: { surface: custom, optimizer: 'adam', lr: 0.05, start: [1, 1], steps: 50 } }]).get('nowhere')!;
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ done: true, diverged: true, stopReason: 'non-finite', offset: 0 });
    expect(chunks[0].x).toHaveLength(0);
    expect(Number.isFinite(chunks[0].startLoss)).toBe(false);
  });

  it('the result buffers keep every fact of the chunks, across chunks', () => {
    const spec: WireRunSpec = { surface: { kind: 'builtin', id: 'rosenbrock' }, optimizer: 'lbfgs', lr: 1, lineSearch: 'strong-wolfe', start: [-1.2, 1], steps: 5000 };
    const results = new Results();
    for (const chunk of compute([{ runId: 'r1', spec }], true).get('r1')!) results.applyChunk(chunk);
    const stored = results.runs.get('r1')!;
    const expected = simulate({ ...spec, surface: 'rosenbrock' });
    expect(stored.length).toBe(expected.length);
    expect(Array.from(stored.gradientEvaluations.subarray(0, stored.length))).toEqual(Array.from(expected.gradientEvaluations));
    expect(Array.from(stored.lossEvaluations.subarray(0, stored.length))).toEqual(Array.from(expected.lossEvaluations));
    expect(stored).toMatchObject({ diverged: expected.diverged, divergedAt: expected.divergedAt, stopReason: expected.stopReason, leftDomainAt: expected.leftDomainAt, startLoss: expected.startLoss });
  });

  it('counts sent by their cost per step read as core’s, read during streaming or after, through changes of optimizer', () => {
    const rosenbrock = { kind: 'builtin', id: 'rosenbrock' } as const;
    const specs: WireRunSpec[] = [
      { surface: rosenbrock, optimizer: 'sgd', lr: 1e-3, start: [-1.2, 1], steps: 40_000, batchSize: 16, datasetSize: 256 },
      { surface: rosenbrock, optimizer: 'lbfgs', lr: 1, lineSearch: 'strong-wolfe', start: [-1.2, 1], steps: 5000 },
      { surface: rosenbrock, optimizer: 'random-search', lr: 1, start: [-1.2, 1], steps: 30_000 },
      { surface: rosenbrock, optimizer: 'adam', lr: 0.02, start: [-1.2, 1], steps: 20_000 },
    ];
    const results = new Results();
    // The same run id through each optimizer in turn (a new generation each, from offset 0).
    for (const [index, spec] of specs.entries()) {
      const chunks = compute([{ runId: 'r1', spec }], true).get('r1')!;
      expect(chunks.length, spec.optimizer).toBeGreaterThan(1);
      expect('perStep' in chunks[0].counts, spec.optimizer).toBe(spec.optimizer !== 'lbfgs');
      for (const [k, chunk] of chunks.entries()) {
        results.applyChunk(chunk);
        // Reading mid-stream (every other run) must not spoil what later chunks add.
        if (index % 2 === 0 && k === 1) void results.runs.get('r1')!.epochs;
      }
      const stored = results.runs.get('r1')!;
      const expected = simulate({ ...spec, surface: 'rosenbrock' });
      expect(stored.length, spec.optimizer).toBe(expected.length);
      const read = (values: Float64Array) => Array.from(values.subarray(0, stored.length));
      expect(read(stored.lossEvaluations), spec.optimizer).toEqual(Array.from(expected.lossEvaluations));
      expect(read(stored.gradientEvaluations), spec.optimizer).toEqual(Array.from(expected.gradientEvaluations));
      expect(read(stored.epochs), spec.optimizer).toEqual(Array.from(expected.lossEvaluations, (losses, k) => losses + expected.gradientEvaluations[k]));
    }
  });
});
