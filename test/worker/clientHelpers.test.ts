/**
 * Helper workers: a large request's runs are shared with extra engine workers, so that it
 * uses more than one core; the generation, its `done`, restarts and cancellation behave as
 * with one worker.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { simulate } from '../../src/core/index.ts';
import { Results } from '../../src/state/results.ts';
import { createEngineClient, defaultHelperCount, HELPER_MIN_STEPS, splitRuns, type EngineDone } from '../../src/worker/client.ts';
import { createHandler } from '../../src/worker/handler.ts';
import { inThreadWorker } from '../../src/worker/threads.ts';
import { FakeWorker } from './fakeEngineWorker.ts';
import type { Request, Response, RunRequest, WireRunSpec } from '../../src/worker/protocol.ts';

const valleys = { kind: 'builtin', id: 'valleys' } as const;
const run = (runId: string, optimizer: WireRunSpec['optimizer'], steps: number): RunRequest => ({ runId, spec: { surface: valleys, optimizer, lr: 0.05, start: [3, -2.25], steps } });
const large = ['sgd', 'momentum', 'adam', 'rmsprop', 'nesterov'].map((optimizer, index) => run(`r${index}`, optimizer as WireRunSpec['optimizer'], 60_000));
const field = { key: 'pane0', surface: valleys, resolution: 16 };

function withFakes(helpers: number) {
  const workers: FakeWorker[] = [];
  const done: EngineDone[] = [];
  const results = new Results();
  const client = createEngineClient({
    results,
    helpers,
    onDone: (report) => done.push(report),
    workerFactory: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
  });
  return { client, workers, done, results };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('defaultHelperCount', () => {
  it('leaves the page one core and a worker another: none on two cores, one per further core, at most three', () => {
    const counts = [undefined, 1, 2, 3, 4, 6, 16].map((cores) => {
      vi.stubGlobal('navigator', cores === undefined ? {} : { hardwareConcurrency: cores });
      return defaultHelperCount();
    });
    expect(counts).toEqual([0, 0, 0, 1, 2, 3, 3]);
  });
});

describe('splitRuns', () => {
  it('balances the steps, keeps each share in the request order, and loses no run', () => {
    const runs = [run('a', 'sgd', 100), run('b', 'sgd', 400), run('c', 'sgd', 300), run('d', 'sgd', 200), run('e', 'sgd', 100)];
    const shares = splitRuns(runs, 2);
    // b (400) first; c and d onto the other (300, then 500); a and e onto the lighter in turn.
    expect(shares.map((share) => share.map((request) => request.runId))).toEqual([['a', 'b', 'e'], ['c', 'd']]);
    expect(shares.map((share) => share.reduce((sum, request) => sum + request.spec.steps, 0))).toEqual([600, 500]);
    expect(splitRuns(runs, 1)).toEqual([runs]);
    expect(splitRuns([runs[0]], 3)).toEqual([[runs[0]], [], []]);
  });
});

describe('engine client with helper workers', () => {
  it('leaves a small request to the first worker alone', () => {
    const { client, workers } = withFakes(1);
    client.compute({ runs: large.map((request) => ({ ...request, spec: { ...request.spec, steps: 2000 } })), fields: [field] });
    expect(workers).toHaveLength(1);
    expect(HELPER_MIN_STEPS).toBeGreaterThan(5 * 2000);
  });

  it('shares a large one: every run once, fields and inspections on the first worker, done when both are', async () => {
    const { client, workers, done } = withFakes(1);
    const generation = client.compute({ runs: large, fields: [field] });
    expect(workers).toHaveLength(2);
    const [first, helper] = workers.map((worker) => worker.computes()[0]);
    expect([...first.runs, ...helper.runs].map((request) => request.runId).sort()).toEqual(large.map((request) => request.runId));
    expect(first.runs.length).toBeGreaterThan(0);
    expect(helper.runs.length).toBeGreaterThan(0);
    expect(first.fields).toEqual([field]);
    expect(helper.fields).toEqual([]);
    expect(helper.generation).toBe(generation);
    void client.inspect(large[0].spec, 3).catch(() => undefined);
    expect(workers[0].received.some((request) => request.type === 'inspect')).toBe(true);
    expect(workers[1].received.some((request) => request.type === 'inspect')).toBe(false);
    workers[1].reply({ type: 'done', generation, steps: 120_000, elapsedMs: 30 });
    expect(done).toEqual([]);
    workers[0].reply({ type: 'done', generation, steps: 180_000, elapsedMs: 40 });
    expect(done).toEqual([{ generation, steps: 300_000, elapsedMs: 40 }]);
  });

  it('cancels a busy helper that the next, small request does not need', () => {
    const { client, workers } = withFakes(1);
    client.compute({ runs: large, fields: [] });
    const next = client.compute({ runs: [large[0]].map((request) => ({ ...request, spec: { ...request.spec, steps: 100 } })), fields: [] });
    expect(workers[1].received.at(-1)).toEqual({ type: 'cancel', generation: next });
    // Nothing more for it while it stays idle.
    client.compute({ runs: [large[1]], fields: [] });
    expect(workers[1].received).toHaveLength(2);
  });

  it('a helper that fails restarts the engine: the latest request is shared again by fresh workers', () => {
    const { client, workers } = withFakes(1);
    client.compute({ runs: large, fields: [field] });
    workers[1].fail('boom');
    expect(workers[0].terminated && workers[1].terminated).toBe(true);
    expect(workers).toHaveLength(4);
    const [first, helper] = workers.slice(2).map((worker) => worker.computes()[0]);
    expect([...first.runs, ...helper.runs].map((request) => request.runId).sort()).toEqual(large.map((request) => request.runId));
    expect(first.generation).toBe(helper.generation);
    // A late message from the dead helper is not applied.
    workers[1].reply({ type: 'done', generation: first.generation, steps: 1, elapsedMs: 1 });
  });

  it('computes the same paths as core simulate, with real handlers on both workers', async () => {
    const results = new Results();
    const done: EngineDone[] = [];
    const client = createEngineClient({
      results,
      helpers: 1,
      onDone: (report) => done.push(report),
      workerFactory: () => inThreadWorker<Request, Response>(createHandler, { deliver: (task) => void setTimeout(task, 0) }),
    });
    const generation = client.compute({ runs: large, fields: [field] });
    const started = Date.now();
    while (done.length === 0 && Date.now() - started < 60_000) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ generation, steps: 5 * 60_000 });
    for (const request of large) {
      const expected = simulate({ ...request.spec, surface: 'valleys' });
      const stored = results.runs.get(request.runId)!;
      expect(stored.length, request.runId).toBe(expected.length);
      expect(stored.x.subarray(0, stored.length), request.runId).toEqual(expected.x);
      expect(stored.loss.subarray(0, stored.length), request.runId).toEqual(expected.loss);
    }
    expect(results.fields.get('pane0')!.heights).toHaveLength(16 * 16);
    client.dispose();
  });
});
