import { describe, expect, it, vi } from 'vitest';
import { basinMap, surfaces, tileGrid, type GridTile } from '../../src/core/index.ts';
import { createMapHandler } from '../../src/worker/mapHandler.ts';
import type { MapJob, MapRequest, MapResponse, MapTileRequest, MapTileResponse } from '../../src/worker/mapProtocol.ts';
import { createMapPool } from '../../src/worker/pool.ts';
import type { MapWorker } from '../../src/worker/poolTypes.ts';

const job: MapJob = {
  kind: 'basin',
  spec: { surface: { kind: 'builtin', id: 'valleys' }, optimizer: 'momentum', lr: 0.1, momentum: 0.9, steps: 200, resolution: 16 },
};

/** Runs scheduled tasks at once, so a handler answers inside onMessage. */
const now = (task: () => void) => task();

/** A fake worker that keeps what it was sent; the test answers tiles by hand. */
class FakeWorker implements MapWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  /** Tile requests, in order. */
  readonly received: MapTileRequest[] = [];
  /** Job ids of cancel requests, in order. */
  readonly cancels: number[] = [];
  terminated = false;
  postMessage(message: MapRequest): void {
    if (message.type === 'tile') this.received.push(message);
    else this.cancels.push(message.jobId);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Answer the last request the way the real handler would. */
  answer(): void {
    const request = this.received.at(-1)!;
    const handler = createMapHandler((message) => this.onmessage?.({ data: message } as MessageEvent), now);
    handler.onMessage(request);
  }
  fail(message: string): void {
    const request = this.received.at(-1)!;
    this.onmessage?.({ data: { type: 'error', jobId: request.jobId, tileIndex: request.tile.index, message } satisfies MapResponse } as MessageEvent);
  }
  crash(): void {
    this.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
  }
}

function harness(size = 2, queueDepth = 1) {
  const workers: FakeWorker[] = [];
  const timers: { task: () => void; ms: number; cleared: boolean }[] = [];
  const pool = createMapPool({
    size,
    queueDepth,
    workerFactory: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    setTimer: (task, ms) => {
      const timer = { task, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle) => {
      (handle as { cleared: boolean }).cleared = true;
    },
  });
  return { pool, workers, timers };
}

function record() {
  const tiles: { tile: GridTile; result: MapTileResponse }[] = [];
  const progress: number[] = [];
  const errors: string[] = [];
  let done = 0;
  return {
    tiles,
    progress,
    errors,
    get done() {
      return done;
    },
    callbacks: {
      onTile: (tile: GridTile, result: MapTileResponse) => tiles.push({ tile, result }),
      onProgress: (p: { tilesDone: number }) => progress.push(p.tilesDone),
      onDone: () => done++,
      onError: (message: string) => errors.push(message),
    },
  };
}

describe('map pool', () => {
  it('hands out one tile per worker, then the next tile to whichever worker answers first, until every tile is done once', () => {
    const { pool, workers } = harness(2);
    const tiles = tileGrid(16, 16, 8);
    const r = record();
    pool.run(job, tiles, r.callbacks);
    expect(workers).toHaveLength(2);
    expect(workers.map((w) => w.received.map((m) => m.tile.index))).toEqual([[0], [1]]);
    // Worker 2 is faster: it gets tile 2, then tile 3.
    workers[1].answer();
    expect(workers[1].received.at(-1)!.tile.index).toBe(2);
    workers[1].answer();
    expect(workers[1].received.at(-1)!.tile.index).toBe(3);
    workers[0].answer();
    expect(workers[0].received).toHaveLength(1); // nothing left to hand out
    workers[1].answer();
    expect(r.done).toBe(1);
    expect(r.progress).toEqual([1, 2, 3, 4]);
    expect(r.tiles.map((t) => t.tile.index).sort()).toEqual([0, 1, 2, 3]);
    expect(pool.activeJob).toBeNull();
    expect(pool.busyWorkers).toBe(0);
  });

  it('with queue depth 2, gives each worker a second tile so it never waits for the main thread, and answers are matched in order', () => {
    const { pool, workers } = harness(2, 2);
    const tiles = tileGrid(16, 16, 4);
    const r = record();
    pool.run(job, tiles, r.callbacks);
    expect(workers.map((w) => w.received.map((m) => m.tile.index))).toEqual([[0, 2], [1, 3]]);
    // A worker answers its requests in order (the fake answers the last one; answer the first by hand).
    const handler = (worker: FakeWorker, index: number) =>
      createMapHandler((message) => worker.onmessage?.({ data: message } as MessageEvent), now).onMessage(worker.received[index]);
    handler(workers[0], 0);
    expect(r.tiles.map((t) => t.tile.index)).toEqual([0]);
    expect(workers[0].received.map((m) => m.tile.index)).toEqual([0, 2, 4]);
  });

  it('on cancel, tells each worker to drop the old tiles it has not started; a dropped answer frees it for the next job', () => {
    const { pool, workers } = harness(2, 2);
    const first = record();
    const firstId = pool.run(job, tileGrid(16, 16, 4), first.callbacks);
    const second = record();
    const secondId = pool.run(job, tileGrid(16, 16, 8), second.callbacks);
    expect(workers.map((w) => w.cancels)).toEqual([[firstId], [firstId]]);
    // Worker 1 finishes its running tile of job 1 and drops its queued one: then it takes job 2's tiles.
    workers[0].answer();
    workers[0].onmessage?.({ data: { type: 'dropped', jobId: firstId, tileIndex: 2 } satisfies MapResponse } as MessageEvent);
    expect(first.tiles).toHaveLength(0);
    expect(workers[0].received.slice(2).map((m) => [m.jobId, m.tile.index])).toEqual([
      [secondId, 0],
      [secondId, 1],
    ]);
  });

  it('delivers the same cells as basinMap computed directly', () => {
    const { pool, workers } = harness(3);
    const tiles = tileGrid(16, 16, 8, 4);
    const r = record();
    pool.run(job, tiles, r.callbacks);
    for (let guard = 0; guard < 100 && r.done === 0; guard++) {
      for (const worker of workers) if (pool.busyWorkers > 0 && worker.received.length > 0) worker.answer();
    }
    expect(r.done).toBe(1);
    const direct = basinMap({ ...job.spec, surface: surfaces.valleys } as Parameters<typeof basinMap>[0]);
    for (const { tile, result } of r.tiles) {
      for (let row = 0; row < tile.rows; row++) {
        for (let column = 0; column < tile.columns; column++) {
          expect(result.outcome[row * tile.columns + column]).toBe(direct.outcome[(tile.row + row) * 16 + tile.column + column]);
        }
      }
    }
  });

  it('cancel stops handing out tiles, ignores late answers, and frees the workers for the next job', () => {
    const { pool, workers, timers } = harness(2);
    const r = record();
    pool.run(job, tileGrid(16, 16, 4), r.callbacks);
    pool.cancel();
    expect(pool.activeJob).toBeNull();
    workers[0].answer();
    workers[1].answer();
    expect(r.tiles).toHaveLength(0);
    expect(r.progress).toHaveLength(0);
    expect(workers.map((w) => w.received.length)).toEqual([1, 1]); // no new tile after the cancel
    expect(timers.at(-1)!.cleared).toBe(true); // both finished within the grace period
    expect(pool.terminations).toBe(0);
  });

  it('a newer job supersedes the old one: old answers are dropped and the freed worker takes a new tile', () => {
    const { pool, workers } = harness(2);
    const first = record();
    const second = record();
    pool.run(job, tileGrid(16, 16, 4), first.callbacks);
    const id = pool.run({ ...job, spec: { ...job.spec, lr: 0.05 } }, tileGrid(16, 16, 8), second.callbacks);
    expect(pool.activeJob).toBe(id);
    workers[0].answer(); // an answer of job 1
    expect(first.tiles).toHaveLength(0);
    expect(workers[0].received.at(-1)!.jobId).toBe(id);
    expect(workers[0].received.at(-1)!.tile.index).toBe(0);
  });

  it('terminates a worker still busy after the grace period and replaces it', () => {
    const { pool, workers, timers } = harness(2);
    const r = record();
    pool.run(job, tileGrid(16, 16, 4), r.callbacks);
    pool.cancel();
    workers[0].answer();
    const grace = timers.at(-1)!;
    expect(grace.cleared).toBe(false);
    expect(grace.ms).toBe(500);
    grace.task();
    expect(workers[1].terminated).toBe(true);
    expect(pool.terminations).toBe(1);
    const next = record();
    pool.run(job, tileGrid(16, 16, 8), next.callbacks);
    expect(workers).toHaveLength(3); // a fresh worker in the retired one's place
    expect(pool.busyWorkers).toBe(2);
  });

  it('reports a tile error once and stops the job', () => {
    const { pool, workers } = harness(2);
    const r = record();
    pool.run(job, tileGrid(16, 16, 4), r.callbacks);
    workers[0].fail('The learning rate must be a positive finite number (got -1).');
    workers[1].answer();
    expect(r.errors).toEqual(['The learning rate must be a positive finite number (got -1).']);
    expect(r.tiles).toHaveLength(0);
    expect(pool.activeJob).toBeNull();
  });

  it('retries a crashed worker\'s tile once on a fresh worker, and fails the job on a second crash', () => {
    const { pool, workers } = harness(1);
    const r = record();
    pool.run(job, tileGrid(16, 16, 8), r.callbacks);
    workers[0].crash();
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1].received[0].tile.index).toBe(0);
    workers[1].crash();
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/stopped twice/);
  });

  it('completes an empty job at once', () => {
    const { pool } = harness(2);
    const r = record();
    pool.run(job, [], r.callbacks);
    expect(r.done).toBe(1);
  });
});

describe('map handler', () => {
  function handle(request: MapRequest) {
    const posted: { message: MapResponse; transfer: Transferable[] }[] = [];
    createMapHandler((message, transfer) => posted.push({ message, transfer }), now).onMessage(request);
    return posted;
  }

  it('answers a basin tile with its cells, transferring the buffers', () => {
    const tile = tileGrid(16, 16, 8)[3];
    const posted = handle({ type: 'tile', jobId: 7, job, tile });
    expect(posted).toHaveLength(1);
    const { message, transfer } = posted[0];
    expect(message.type).toBe('tile');
    if (message.type !== 'tile') return;
    expect(message.jobId).toBe(7);
    expect(message.tileIndex).toBe(3);
    expect(message.outcome).toHaveLength(64);
    expect(message.finalLoss).toBeNull();
    expect(transfer).toEqual([message.outcome.buffer, message.stepsToTolerance.buffer]);
    const direct = basinMap({ ...job.spec, surface: surfaces.valleys } as Parameters<typeof basinMap>[0], tile);
    expect(message.outcome).toEqual(direct.outcome);
    expect(message.stepsComputed).toBe(direct.stepsComputed);
  });

  it('answers a hyper tile with final losses', () => {
    const hyper: MapJob = {
      kind: 'hyper',
      spec: {
        surface: { kind: 'bowl', condition: 20 }, optimizer: 'momentum', axis: 'momentum', lr: 0.1, steps: 100, start: [-2.5, 2],
        lrMin: 0.01, lrMax: 2, lrCells: 8, paramMin: 0, paramMax: 0.9, paramCells: 8,
      },
    };
    const [{ message, transfer }] = handle({ type: 'tile', jobId: 1, job: hyper, tile: tileGrid(8, 8, 4)[0] });
    expect(message.type === 'tile' && message.finalLoss?.length).toBe(16);
    expect(transfer).toHaveLength(3);
  });

  it('starts each tile as its own task, so a cancel that arrives meanwhile drops the tiles not started, answering each as dropped', () => {
    const tasks: (() => void)[] = [];
    const posted: MapResponse[] = [];
    const handler = createMapHandler((message) => posted.push(message), (task) => tasks.push(task));
    const tiles = tileGrid(16, 16, 8);
    handler.onMessage({ type: 'tile', jobId: 1, job, tile: tiles[0] });
    handler.onMessage({ type: 'tile', jobId: 1, job, tile: tiles[1] });
    handler.onMessage({ type: 'tile', jobId: 2, job, tile: tiles[2] });
    expect(posted).toHaveLength(0); // nothing computed inside onMessage
    tasks.shift()!(); // tile 0 of job 1
    handler.onMessage({ type: 'cancel', jobId: 1 });
    for (let guard = 0; guard < 10 && tasks.length > 0; guard++) tasks.shift()!();
    expect(posted.map((m) => [m.type, m.jobId, m.tileIndex])).toEqual([
      ['tile', 1, 0],
      ['dropped', 1, 1],
      ['tile', 2, 2],
    ]);
  });

  it('answers a tile on a typed-in surface once the lazily loaded parser has arrived', async () => {
    const posted: MapResponse[] = [];
    const handler = createMapHandler((message) => posted.push(message), now);
    const surface = { kind: 'custom', expression: 'x^2 + 10*y^2', domain: { x: [-3, 3], y: [-3, 3] } } as const;
    handler.onMessage({ type: 'tile', jobId: 4, job: { ...job, spec: { ...job.spec, surface } } as MapJob, tile: tileGrid(16, 16, 8)[0] });
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0].type).toBe('tile');
    if (posted[0].type === 'tile') expect(posted[0].outcome).toHaveLength(64);
  });

  it('reports a bad spec and an unknown surface in plain words', () => {
    const bad = handle({ type: 'tile', jobId: 2, job: { ...job, spec: { ...job.spec, lr: -1 } } as MapJob, tile: tileGrid(16, 16, 8)[0] });
    expect(bad[0].message).toEqual({ type: 'error', jobId: 2, tileIndex: 0, message: 'The learning rate must be a positive finite number (got -1).' });
    const unknown = handle({ type: 'tile', jobId: 3, job: { ...job, spec: { ...job.spec, surface: { kind: 'builtin', id: 'nope' } } } as MapJob, tile: tileGrid(16, 16, 8)[0] });
    expect(unknown[0].message.type).toBe('error');
    expect(unknown[0].message.type === 'error' && unknown[0].message.message).toMatch(/no surface called "nope"/);
  });
});
