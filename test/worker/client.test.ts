import { afterEach, describe, expect, it, vi } from 'vitest';
import { simulate } from '../../src/core/index.ts';
import { Results } from '../../src/state/results.ts';
import { createEngineClient, type ComputeInput, type EngineStatus } from '../../src/worker/client.ts';
import { FakeWorker } from './fakeEngineWorker.ts';
import type { Request, Response, WireRunSpec } from '../../src/worker/protocol.ts';
import type { NeuralNetSliceParts } from '../../src/core/index.ts';

const spec: WireRunSpec = { surface: { kind: 'builtin', id: 'bowl' }, optimizer: 'sgd', lr: 0.1, start: [-2.5, 2], steps: 50 };
const input: ComputeInput = {
  runs: [{ runId: 'r1', spec }],
  fields: [{ key: 'pane0', surface: { kind: 'builtin', id: 'bowl' }, resolution: 16 }],
};

function withFakes() {
  const workers: FakeWorker[] = [];
  const statuses: [EngineStatus, string | null][] = [];
  const results = new Results();
  const client = createEngineClient({
    results,
    workerFactory: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    onStatus: (status, message) => statuses.push([status, message]),
  });
  return { client, workers, statuses, results };
}

function chunk(generation: number, runId = 'r1'): Response {
  const one = () => new Float64Array([1, 2]);
  return { type: 'chunk', generation, runId, capacity: 2, offset: 0, x: one(), y: one(), loss: one(), gradNorm: one(), counts: { lossEvaluations: one(), gradientEvaluations: one() }, done: true, diverged: false, divergedAt: -1, stopReason: 'none', leftDomainAt: -1, startLoss: 0 };
}

function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (check()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error('timed out'));
      else setTimeout(poll, 1);
    };
    poll();
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('engine client', () => {
  it('computes on this thread when Worker is missing, and the paths equal core simulate', async () => {
    expect(typeof Worker).toBe('undefined');
    const results = new Results();
    let done = 0;
    const client = createEngineClient({ results, onDone: () => done++ });
    expect(client.inThread).toBe(true);
    client.compute(input);
    await waitFor(() => done === 1);
    const expected = simulate({ ...spec, surface: 'bowl' });
    const run = results.runs.get('r1')!;
    expect(run.status).toBe('done');
    expect(Array.from(run.x.subarray(0, run.length))).toEqual(Array.from(expected.x.subarray(0, expected.length)));
    expect(results.fields.get('pane0')!.heights).toHaveLength(16 * 16);
    client.dispose();
  });

  it('numbers generations and ignores messages of stale ones', () => {
    const { client, workers, results } = withFakes();
    expect(client.compute(input)).toBe(1);
    expect(client.compute(input)).toBe(2);
    const worker = workers[0];
    expect(worker.received.map((request) => ('generation' in request ? request.generation : null))).toEqual([1, 2]);
    worker.reply(chunk(1));
    expect(results.runs.has('r1')).toBe(false);
    worker.reply(chunk(2));
    expect(results.runs.get('r1')!.length).toBe(2);
  });

  it('sends a field only until it is delivered, and again when its surface changes', () => {
    const { client, workers } = withFakes();
    client.compute(input);
    const worker = workers[0];
    const fieldsOf = (index: number) => (worker.received[index] as Extract<Request, { type: 'compute' }>).fields.map((field) => field.key);
    // Not delivered yet (a slider moved right after a surface change): sent again.
    client.compute(input);
    expect(fieldsOf(1)).toEqual(['pane0']);
    worker.reply({ type: 'field', generation: 2, key: 'pane0', resolution: 16, domain: { x: [-1, 1], y: [-1, 1] }, heights: new Float32Array(256), min: 0, max: 1 });
    client.compute(input);
    expect(fieldsOf(2)).toEqual([]);
    client.compute({ ...input, fields: [{ ...input.fields[0], surface: { kind: 'bowl', condition: 50 } }] });
    expect(fieldsOf(3)).toEqual(['pane0']);
  });

  it('restarts a worker that fails, re-sends the latest setup with its fields and says so in plain words', () => {
    const { client, workers, statuses } = withFakes();
    client.compute({ ...input, runs: [] });
    client.compute(input);
    workers[0].reply({ type: 'field', generation: 2, key: 'pane0', resolution: 16, domain: { x: [-1, 1], y: [-1, 1] }, heights: new Float32Array(256), min: 0, max: 1 });
    workers[0].fail('boom');
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    const resent = workers[1].received[0] as Extract<Request, { type: 'compute' }>;
    expect(resent.type).toBe('compute');
    expect(resent.runs).toEqual(input.runs);
    expect(resent.fields).toEqual(input.fields);
    expect(resent.generation).toBeGreaterThan(2);
    expect(statuses).toContainEqual(['restarting', 'The engine stopped unexpectedly (boom). Restarted it and recomputed your setup.']);
    // Late messages from the dead worker are ignored.
    workers[0].reply(chunk(resent.generation));
    workers[1].reply({ type: 'done', generation: resent.generation, steps: 50, elapsedMs: 1 });
    expect(statuses.at(-1)).toEqual(['ready', null]);
  });

  it('gives every worker it starts the slices registered with it, before the setup', () => {
    const { client, workers } = withFakes();
    const parts = { center: new Float64Array([1, 2, 3]) } as unknown as NeuralNetSliceParts;
    // Before any worker: kept, and sent first to the worker the first request starts.
    client.registerSlice('net-a', parts);
    client.compute(input);
    expect(workers[0].received.map((request) => request.type)).toEqual(['slice', 'compute']);
    // While one runs: sent to it at once.
    client.registerSlice('net-b', parts);
    expect(workers[0].received.at(-1)).toMatchObject({ type: 'slice', id: 'net-b' });
    // A restarted worker learns both again, then gets the setup.
    workers[0].fail('boom');
    expect(workers[1].received.map((request) => (request.type === 'slice' ? `slice ${request.id}` : request.type))).toEqual(['slice net-a', 'slice net-b', 'compute']);
    client.dispose();
  });

  it('restarts on a fatal message, a message error and a test kill', () => {
    const { client, workers } = withFakes();
    client.compute(input);
    workers[0].reply({ type: 'fatal', message: 'out of memory' });
    expect(workers).toHaveLength(2);
    workers[1].onmessageerror?.({} as MessageEvent);
    expect(workers).toHaveLength(3);
    workers[2].reply({ type: 'done', generation: client.generation, steps: 1, elapsedMs: 1 });
    client.terminateForTest();
    expect(workers).toHaveLength(4);
    expect(workers[2].terminated).toBe(true);
    expect(workers[3].received).toHaveLength(1);
  });

  it('gives up after repeated crashes in a row and tells the person to reload', () => {
    const { client, workers, statuses } = withFakes();
    client.compute(input);
    for (let i = 0; i < 4; i++) workers.at(-1)!.fail('boom');
    expect(workers).toHaveLength(4);
    expect(statuses.at(-1)![0]).toBe('failed');
    expect(statuses.at(-1)![1]).toMatch(/Reload the page/);
  });

  it('falls back to this thread when the worker cannot be created', async () => {
    const results = new Results();
    const statuses: (string | null)[] = [];
    let done = 0;
    const client = createEngineClient({
      results,
      workerFactory: () => {
        throw new Error('blocked by policy');
      },
      onStatus: (_status, message) => statuses.push(message),
      onDone: () => done++,
    });
    client.compute(input);
    expect(client.inThread).toBe(true);
    expect(statuses.some((message) => message?.includes('blocked by policy'))).toBe(true);
    await waitFor(() => done === 1);
    expect(results.runs.get('r1')!.status).toBe('done');
    client.dispose();
  });

  it('computes on the page when the real worker keeps failing to load', async () => {
    const created: FakeWorker[] = [];
    vi.stubGlobal(
      'Worker',
      class extends FakeWorker {
        constructor(url: URL, options: { type: string }) {
          super();
          expect(url.pathname).toMatch(/engine\.worker\.ts$/);
          expect(options.type).toBe('module');
          created.push(this);
          // A script that cannot load reports an error event right after creation.
          queueMicrotask(() => this.fail('the script could not be loaded'));
        }
      },
    );
    const results = new Results();
    const statuses: [EngineStatus, string | null][] = [];
    let done = 0;
    const client = createEngineClient({ results, onStatus: (status, message) => statuses.push([status, message]), onDone: () => done++ });
    client.compute(input);
    await waitFor(() => done === 1);
    expect(created).toHaveLength(4);
    expect(client.inThread).toBe(true);
    expect(statuses.some(([, message]) => message?.includes('computing on the page instead'))).toBe(true);
    expect(results.runs.get('r1')!.status).toBe('done');
    client.dispose();
  });

  it('recovers in-thread too: a killed in-thread engine restarts and recomputes', async () => {
    const results = new Results();
    let done = 0;
    const messages: (string | null)[] = [];
    const client = createEngineClient({ results, onDone: () => done++, onStatus: (_s, message) => messages.push(message) });
    client.compute(input);
    await waitFor(() => done === 1);
    client.terminateForTest();
    await waitFor(() => done === 2);
    expect(messages.some((message) => message?.startsWith('The engine stopped unexpectedly'))).toBe(true);
    expect(results.runs.get('r1')!.status).toBe('done');
    client.dispose();
  });
});
