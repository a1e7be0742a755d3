import { describe, expect, it, vi } from 'vitest';
import { heightField, heightFieldRange, makeBowl, makeNeuralNetSlice, neuralNetSliceFromParts, simulate, sliceParts, surfaces } from '../../src/core/index.ts';
import { createHandler, MAX_CHUNK_POINTS } from '../../src/worker/handler.ts';
import { surfaceRefsReady } from '../../src/worker/surfaceRef.ts';
import type { Request, Response, RunRequest, WireRunSpec } from '../../src/worker/protocol.ts';

type Chunk = Extract<Response, { type: 'chunk' }>;
type Field = Extract<Response, { type: 'field' }>;

interface Posted {
  readonly message: Response;
  readonly transfer: Transferable[];
}

/** A handler whose scheduled tasks the test runs by hand. */
function manual(options: { now?: () => number } = {}) {
  const posted: Posted[] = [];
  const tasks: (() => void)[] = [];
  const handler = createHandler((message, transfer) => posted.push({ message, transfer }), (task) => tasks.push(task), options);
  return {
    posted,
    tasks,
    send: (request: Request) => handler.onMessage(request),
    runTask: () => tasks.shift()?.(),
    drain: () => {
      for (let guard = 0; tasks.length > 0 && guard < 100_000; guard++) tasks.shift()!();
    },
    messages: () => posted.map((entry) => entry.message),
  };
}

const sgdBowl: WireRunSpec = { surface: { kind: 'builtin', id: 'bowl' }, optimizer: 'sgd', lr: 0.1, start: [-2.5, 2], steps: 2000 };

function runs(count: number, steps: number): RunRequest[] {
  const optimizers = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'] as const;
  return Array.from({ length: count }, (_, index) => ({
    runId: `r${index + 1}`,
    spec: { ...sgdBowl, optimizer: optimizers[index % optimizers.length], lr: 0.01 + index * 0.01, steps },
  }));
}

function chunksOf(messages: readonly Response[], runId: string, generation?: number): Chunk[] {
  return messages.filter((m): m is Chunk => m.type === 'chunk' && m.runId === runId && (generation === undefined || m.generation === generation));
}

function concat(chunks: readonly Chunk[], key: 'x' | 'y' | 'loss' | 'gradNorm'): number[] {
  const out: number[] = [];
  for (const chunk of chunks) {
    expect(chunk.offset).toBe(out.length);
    out.push(...chunk[key]);
  }
  return out;
}

describe('engine handler', () => {
  it('computes 8 runs × 2,000 steps in the first slice, each as one chunk, then says done', () => {
    const h = manual();
    h.send({ type: 'compute', generation: 1, runs: runs(8, 2000), fields: [] });
    expect(h.posted).toHaveLength(0); // started as a task, never inside onMessage
    const before = performance.now();
    h.runTask();
    const wallMs = performance.now() - before;
    const messages = h.messages();
    for (let i = 1; i <= 8; i++) {
      const chunks = chunksOf(messages, `r${i}`);
      expect(chunks).toHaveLength(1);
      expect(chunks[0].x).toHaveLength(2001);
      expect(chunks[0].done).toBe(true);
    }
    const done = messages.at(-1)!;
    expect(done.type).toBe('done');
    if (done.type === 'done') {
      expect(done.generation).toBe(1);
      expect(done.steps).toBe(8 * 2000);
      // The worker time of the generation: some of the wall time of the task that computed it, never more.
      expect(done.elapsedMs).toBeGreaterThan(0);
      expect(done.elapsedMs).toBeLessThanOrEqual(wallMs);
    }
    expect(h.tasks).toHaveLength(0);
  });

  it('streams a 100,000-step run as several chunks whose concatenation equals core simulate', () => {
    const h = manual();
    const spec: WireRunSpec = { ...sgdBowl, optimizer: 'adam', lr: 0.001, steps: 100_000 };
    h.send({ type: 'compute', generation: 1, runs: [{ runId: 'long', spec }], fields: [] });
    h.drain();
    const chunks = chunksOf(h.messages(), 'long');
    expect(chunks.length).toBeGreaterThanOrEqual(Math.floor(100_001 / MAX_CHUNK_POINTS));
    expect(chunks.slice(0, -1).every((chunk) => !chunk.done)).toBe(true);
    expect(chunks.at(-1)!.done).toBe(true);
    expect(chunks.every((chunk) => chunk.capacity === 100_001)).toBe(true);
    const expected = simulate({ ...spec, surface: 'bowl' });
    expect(concat(chunks, 'x')).toEqual(Array.from(expected.x.subarray(0, expected.length)));
    expect(concat(chunks, 'y')).toEqual(Array.from(expected.y.subarray(0, expected.length)));
    expect(concat(chunks, 'loss')).toEqual(Array.from(expected.loss.subarray(0, expected.length)));
    // gradNorm is the full-batch ‖∇L‖ at each point.
    const bowl = surfaces.bowl;
    const gradNorm = concat(chunks, 'gradNorm');
    const g = new Float64Array(2);
    for (const index of [0, 1, 5_000, 100_000]) {
      bowl.gradient(expected.x[index], expected.y[index], g);
      expect(gradNorm[index]).toBe(Math.hypot(g[0], g[1]));
    }
  });

  it('drops a superseded generation at once: no old chunk after the new request, and the new one completes', () => {
    // A clock that runs 1 ms per reading makes every slice short, so generation 1 is mid-way.
    let t = 0;
    const h = manual({ now: () => (t += 1) });
    h.send({ type: 'compute', generation: 1, runs: runs(4, 100_000), fields: [] });
    h.runTask();
    h.runTask();
    expect(chunksOf(h.messages(), 'r1', 1).length).toBeGreaterThan(0);
    expect(h.messages().some((m) => m.type === 'done')).toBe(false);
    const cut = h.posted.length;
    h.send({ type: 'compute', generation: 2, runs: runs(3, 3000), fields: [] });
    h.drain();
    const after = h.messages().slice(cut);
    expect(after.every((m) => m.type !== 'fatal' && m.generation === 2)).toBe(true);
    for (const id of ['r1', 'r2', 'r3']) {
      const chunks = chunksOf(after, id, 2);
      expect(concat(chunks, 'x')).toHaveLength(3001);
      expect(chunks.at(-1)!.done).toBe(true);
    }
    expect(h.messages().filter((m) => m.type === 'done')).toEqual([expect.objectContaining({ generation: 2 })]);
  });

  it('starts only the newest of requests that queued up while it was busy', () => {
    const h = manual();
    for (let generation = 1; generation <= 50; generation++) {
      h.send({ type: 'compute', generation, runs: runs(2, 500), fields: [] });
    }
    h.drain();
    expect(new Set(h.messages().map((m) => (m.type === 'fatal' ? -1 : m.generation)))).toEqual(new Set([50]));
  });

  it('ignores a request older than one already seen, and a cancel stops the current one', () => {
    const h = manual();
    h.send({ type: 'compute', generation: 5, runs: runs(1, 100), fields: [] });
    h.send({ type: 'compute', generation: 4, runs: runs(1, 100), fields: [] });
    h.drain();
    expect(h.messages().every((m) => m.type !== 'fatal' && m.generation === 5)).toBe(true);
  });

  it('stops at a cancel between slices', () => {
    let t = 0;
    const h = manual({ now: () => (t += 1) });
    h.send({ type: 'compute', generation: 6, runs: runs(2, 100_000), fields: [] });
    h.runTask();
    // One slice in: both runs have posted the start of their paths, neither has finished.
    expect(chunksOf(h.messages(), 'r1', 6)[0]).toMatchObject({ offset: 0, done: false });
    expect(chunksOf(h.messages(), 'r2', 6)[0]).toMatchObject({ offset: 0, done: false });
    expect(h.messages().every((m) => m.type === 'chunk' && !m.done)).toBe(true);
    expect(h.tasks).toHaveLength(1);
    h.send({ type: 'cancel', generation: 6 });
    const afterCancel = h.posted.length;
    h.drain();
    expect(h.posted.length).toBe(afterCancel);
    expect(h.messages().some((m) => m.type === 'done')).toBe(false);
  });

  it('reports a bad spec in plain words naming the field, while the other runs still finish', () => {
    const h = manual();
    const bad: RunRequest = { runId: 'bad', spec: { ...sgdBowl, lr: -1 } };
    const nowhere: RunRequest = { runId: 'nowhere', spec: { ...sgdBowl, surface: { kind: 'builtin', id: 'atlantis' } } };
    h.send({ type: 'compute', generation: 1, runs: [runs(1, 100)[0], bad, nowhere], fields: [] });
    h.drain();
    const errors = h.messages().filter((m) => m.type === 'error');
    expect(errors).toHaveLength(2);
    const badError = errors.find((m) => m.type === 'error' && m.runId === 'bad');
    expect(badError && badError.type === 'error' && badError.message).toBe('The learning rate must be a positive finite number (got -1).');
    const nowhereError = errors.find((m) => m.type === 'error' && m.runId === 'nowhere');
    expect(nowhereError && nowhereError.type === 'error' && nowhereError.message).toMatch(/atlantis/);
    expect(chunksOf(h.messages(), 'r1').at(-1)!.done).toBe(true);
    expect(h.messages().at(-1)!.type).toBe('done');
  });

  it('starts a request with a custom surface once the lazily loaded parser is here, and then only the newest request', async () => {
    const h = manual();
    const custom = { kind: 'custom', expression: '(1 - x)^2 + 100 (y - x^2)^2', domain: { x: [-2, 2], y: [-1, 3] } } as const;
    const spec: WireRunSpec = { surface: custom, optimizer: 'adam', lr: 0.05, start: [-1.5, 2], steps: 50 };
    h.send({ type: 'compute', generation: 1, runs: [{ runId: 'old', spec }], fields: [] });
    h.drain();
    // Nothing yet: the parser is loading. A newer request arriving meanwhile replaces the waiting one.
    expect(h.posted).toHaveLength(0);
    h.send({ type: 'compute', generation: 2, runs: [{ runId: 'new', spec }], fields: [{ key: 'pane0', surface: custom, resolution: 8 }] });
    await vi.waitFor(() => expect(h.messages().some((m) => m.type === 'done')).toBe(true));
    h.drain();
    const messages = h.messages();
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    expect(chunksOf(messages, 'old')).toEqual([]);
    expect(chunksOf(messages, 'new').at(-1)!.done).toBe(true);
    expect(messages.filter((m) => m.type === 'field')).toHaveLength(1);
  });

  it('reports a custom function that does not parse, and a broken bowl, without stopping', async () => {
    // The parser loads on first use; have it here so the rest runs synchronously.
    await surfaceRefsReady([{ kind: 'custom', expression: 'x', domain: { x: [-1, 1], y: [-1, 1] } }]);
    const h = manual();
    h.send({
      type: 'compute',
      generation: 1,
      runs: [runs(1, 10)[0]],
      fields: [
        { key: 'custom', surface: { kind: 'custom', expression: 'x^2 +* y', domain: { x: [-1, 1], y: [-1, 1] } }, resolution: 8 },
        { key: 'bowl', surface: { kind: 'bowl', condition: 0 }, resolution: 8 },
      ],
    });
    h.drain();
    const errors = h.messages().filter((m): m is Extract<Response, { type: 'error' }> => m.type === 'error');
    expect(errors.map((error) => error.fieldKey)).toEqual(['custom', 'bowl']);
    expect(errors.map((error) => error.runId)).toEqual([null, null]);
    expect(errors[0].message).toBe("Your function could not be used. Unexpected '*' at character 6. Expected a number, x, y, pi, e, a function or '('.");
    expect(errors[1].message).toBe("The bowl's condition number must be a number of at least 1 (it was 0).");
    expect(h.messages().at(-1)!.type).toBe('done');
  });

  it('sends height fields equal to core heightField', () => {
    const h = manual();
    h.send({
      type: 'compute',
      generation: 1,
      runs: [],
      fields: [
        { key: 'pane0', surface: { kind: 'builtin', id: 'valleys' }, resolution: 256 },
        { key: 'pane1', surface: { kind: 'bowl', condition: 50 }, resolution: 32 },
      ],
    });
    h.drain();
    const fields = h.messages().filter((m): m is Field => m.type === 'field');
    expect(fields.map((field) => field.key)).toEqual(['pane0', 'pane1']);
    const valleys = heightField(surfaces.valleys, 256);
    expect(fields[0].heights).toEqual(valleys);
    const range = heightFieldRange(valleys);
    expect([fields[0].min, fields[0].max]).toEqual([range.min, range.max]);
    expect(fields[0].domain).toEqual(surfaces.valleys.domain);
    expect(fields[1].heights).toEqual(heightField(makeBowl(50), 32));
    expect(fields[1].resolution).toBe(32);
  });

  it('transfers the chunk and field buffers, which are detached after a real MessageChannel post', async () => {
    const h = manual();
    h.send({ type: 'compute', generation: 1, runs: runs(1, 100), fields: [{ key: 'pane0', surface: { kind: 'builtin', id: 'bowl' }, resolution: 8 }] });
    h.drain();
    const chunkEntry = h.posted.find((entry) => entry.message.type === 'chunk')!;
    const chunk = chunkEntry.message as Chunk;
    // SGD's cost per step is fixed: its counts travel as that cost, not as two arrays.
    expect(chunk.counts).toEqual({ perStep: { lossAtStart: 0, lossPerStep: 0, gradientPerStep: 1 } });
    expect(chunkEntry.transfer).toEqual([chunk.x.buffer, chunk.y.buffer, chunk.loss.buffer, chunk.gradNorm.buffer]);
    const fieldEntry = h.posted.find((entry) => entry.message.type === 'field')!;
    expect(fieldEntry.transfer).toEqual([(fieldEntry.message as Field).heights.buffer]);

    const { port1, port2 } = new MessageChannel();
    const received = new Promise<Chunk>((resolve) => {
      port1.onmessage = (event: MessageEvent<Chunk>) => resolve(event.data);
    });
    const x = Array.from(chunk.x);
    port2.postMessage(chunk, chunkEntry.transfer);
    expect(chunk.x.buffer.byteLength).toBe(0);
    expect(chunk.gradNorm.buffer.byteLength).toBe(0);
    const arrived = await received;
    expect(Array.from(arrived.x)).toEqual(x);
    port1.close();
    port2.close();
  });

  it('runs with its default scheduler in Node, yielding between slices', async () => {
    const posted: Response[] = [];
    const handler = createHandler((message) => posted.push(message));
    handler.onMessage({ type: 'compute', generation: 1, runs: runs(2, 50_000), fields: [] });
    expect(posted).toHaveLength(0);
    await new Promise<void>((resolve) => {
      const poll = () => (posted.some((m) => m.type === 'done') ? resolve() : setTimeout(poll, 1));
      poll();
    });
    expect(concat(chunksOf(posted, 'r2'), 'x')).toHaveLength(50_001);
  });
});

describe('neural-net slices built on the pool', () => {
  it('are rebuilt from the parts registered with the engine, not trained again: the run follows the registered network', () => {
    const slice = makeNeuralNetSlice({ hidden: 4, seed: 5 });
    const parts = sliceParts(slice);
    // An id no training could resolve: only the registration makes it a surface.
    const id = 'neural-net:registered-for-a-test';
    const spec: WireRunSpec = { surface: { kind: 'builtin', id }, optimizer: 'adam', lr: 0.05, start: slice.suggestedStart, steps: 40 };
    const before = manual();
    before.send({ type: 'compute', generation: 1, runs: [{ runId: 'r1', spec }], fields: [] });
    before.drain();
    expect(before.messages().find((m) => m.type === 'error')).toMatchObject({ runId: 'r1' });

    const h = manual();
    h.send({ type: 'slice', id, parts });
    h.send({ type: 'compute', generation: 1, runs: [{ runId: 'r1', spec }], fields: [] });
    h.drain();
    const chunks = chunksOf(h.messages(), 'r1');
    const expected = simulate({ ...spec, surface: neuralNetSliceFromParts(parts) });
    expect(concat(chunks, 'loss')).toEqual(Array.from(expected.loss.subarray(0, expected.length)));
    expect(concat(chunks, 'x')).toEqual(Array.from(expected.x.subarray(0, expected.length)));
  });
});

