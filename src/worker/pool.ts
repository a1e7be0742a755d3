/**
 * The map pool: a few map workers sharing one map, tile by tile.
 *
 * Scheduling. A job is a list of tiles. Each worker holds at most `queueDepth`
 * tiles (default 2: one computing, one waiting in its message queue); whenever it
 * answers, it gets the next tile still waiting, so fast and slow tiles even out
 * across workers (dynamic hand-out, not a fixed split). The second tile matters
 * in the browser: the main thread may be busy drawing a frame (software WebGL
 * takes 100+ ms) when a worker answers, and the worker should not sit idle until
 * the main thread hands it more. Tiles are small (tileSideFor keeps each near
 * 600k steps, ~50 ms), so the message traffic costs well under 1% of a worker's time.
 *
 * Cancel. `run` supersedes the current job and `cancel` ends it: waiting tiles are
 * dropped at once and nothing of the old job is reported again. Workers are told
 * to drop the old tiles they hold but have not started (mapHandler.ts checks
 * between tiles), finish the one they are computing, and are then free for the
 * new job; one still busy `cancelGraceMs` after the cancel is terminated and
 * replaced, so a slow tile never holds the pool.
 *
 * Failures. A tile the worker reports as an error (bad spec, unknown surface)
 * fails the job with that message. A worker that crashes is replaced and its
 * tile retried once on the new worker; a second crash fails the job.
 *
 * Without `Worker` (Node, a blocked script) the same handler runs on this thread,
 * one tile per task, behind the same interface.
 */
import type { GridTile } from '../core/index.ts';
import { createMapHandler } from './mapHandler.ts';
import type { MapRequest, MapResponse, PoolJob } from './mapProtocol.ts';
import type { MapJobCallbacks, MapPool, MapPoolOptions, MapProgress, MapWorker } from './poolTypes.ts';
import { hasWorker, inThreadWorker, mapModuleWorker } from './threads.ts';

const MAX_POOL_SIZE = 8;
const DEFAULT_CANCEL_GRACE_MS = 500;

/** navigator.hardwareConcurrency, clamped to [2, 8]. */
export function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' && Number.isFinite(navigator.hardwareConcurrency) ? navigator.hardwareConcurrency : 2;
  return Math.max(2, Math.min(MAX_POOL_SIZE, cores));
}

/** The map handler on this thread, one tile per macrotask. */
function inThreadMapWorker(): MapWorker {
  return inThreadWorker<MapRequest, MapResponse>(createMapHandler, { deliver: (task) => void setTimeout(task, 0) });
}

interface Assignment {
  readonly jobId: number;
  readonly tile: GridTile;
  readonly retried: boolean;
}

interface Slot {
  worker: MapWorker | null;
  /** The tiles it holds, in the order sent (it answers in that order); empty when idle. */
  readonly held: Assignment[];
}

interface ActiveJob {
  readonly id: number;
  readonly job: PoolJob;
  readonly tiles: readonly GridTile[];
  readonly callbacks: MapJobCallbacks;
  /** Tiles not yet handed out, with whether each is a retry after a crash. */
  readonly waiting: { readonly tile: GridTile; readonly retried: boolean }[];
  tilesDone: number;
  stepsComputed: number;
  workerMs: number;
  readonly startedAt: number;
}

export function createMapPool(options: MapPoolOptions = {}): MapPool {
  const size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
  let factory = options.workerFactory ?? (hasWorker() ? mapModuleWorker : inThreadMapWorker);
  const cancelGraceMs = options.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS;
  const now = options.now ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));
  const setTimer = options.setTimer ?? ((task, ms) => setTimeout(task, ms));
  const clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));

  const queueDepth = Math.max(1, Math.floor(options.queueDepth ?? 2));
  const slots: Slot[] = Array.from({ length: size }, () => ({ worker: null, held: [] }));
  /** True when some worker holds a tile of a job that is no longer active. */
  const holdsStale = () => slots.some((slot) => slot.held.some((assignment) => assignment.jobId !== active?.id));
  let nextJobId = 1;
  let active: ActiveJob | null = null;
  let graceTimer: unknown = null;
  let terminations = 0;
  let disposed = false;

  function spawn(slot: Slot): MapWorker {
    let worker: MapWorker;
    try {
      worker = factory();
    } catch {
      // A worker that cannot start (blocked script): compute on this thread from now on.
      factory = inThreadMapWorker;
      worker = factory();
    }
    worker.onmessage = (event) => {
      if (slot.worker === worker) receive(slot, event.data as MapResponse);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (slot.worker === worker) crashed(slot, event.message || 'a map worker stopped unexpectedly');
    };
    slot.worker = worker;
    return worker;
  }

  if (options.eager) for (const slot of slots) spawn(slot);

  function retire(slot: Slot): void {
    slot.worker?.terminate();
    slot.worker = null;
    slot.held.length = 0;
    terminations++;
  }

  function progressOf(job: ActiveJob): MapProgress {
    return {
      jobId: job.id,
      tilesDone: job.tilesDone,
      tilesTotal: job.tiles.length,
      stepsComputed: job.stepsComputed,
      workerMs: job.workerMs,
      elapsedMs: now() - job.startedAt,
    };
  }

  /** Hand waiting tiles of the active job to workers with room, round by round so each gets one before any gets two. */
  function dispatch(): void {
    const job = active;
    if (!job || disposed) return;
    for (let depth = 1; depth <= queueDepth; depth++) {
      for (const slot of slots) {
        if (job.waiting.length === 0) return;
        if (slot.held.length >= depth) continue;
        const next = job.waiting.shift()!;
        slot.held.push({ jobId: job.id, tile: next.tile, retried: next.retried });
        const worker = slot.worker ?? spawn(slot);
        try {
          worker.postMessage({ type: 'tile', jobId: job.id, job: job.job, tile: next.tile }, []);
        } catch (error) {
          fail(job, `A map tile could not be sent to a worker: ${error instanceof Error ? error.message : String(error)}`);
          return;
        }
      }
    }
  }

  function finishJob(job: ActiveJob): void {
    if (active === job) active = null;
  }

  function fail(job: ActiveJob, message: string): void {
    if (active !== job) return;
    finishJob(job);
    stopStale();
    job.callbacks.onError?.(message);
  }

  function receive(slot: Slot, message: MapResponse): void {
    const busy = slot.held.shift() ?? null;
    const job = active;
    if (job && busy && message.type !== 'dropped' && message.jobId === job.id && busy.jobId === job.id) {
      if (message.type === 'error') {
        fail(job, message.message);
      } else {
        job.tilesDone++;
        job.stepsComputed += message.stepsComputed;
        job.workerMs += message.elapsedMs;
        job.callbacks.onTile?.(busy.tile, message);
        const progress = progressOf(job);
        // A callback may have started a new job or cancelled this one.
        if (active === job) {
          job.callbacks.onProgress?.(progress);
          if (job.tilesDone === job.tiles.length) {
            finishJob(job);
            job.callbacks.onDone?.(progress);
          }
        }
      }
    }
    if (!holdsStale()) clearGrace();
    dispatch();
  }

  function crashed(slot: Slot, reason: string): void {
    const lost = slot.held.slice();
    retire(slot);
    const job = active;
    // The first tile held is the one it was computing: retried once; the others go back as they were.
    const mine = lost.filter((assignment) => job && assignment.jobId === job.id);
    if (job && mine.length > 0) {
      if (mine[0].retried) {
        fail(job, `A map worker stopped twice on the same tile (${reason}).`);
        return;
      }
      job.waiting.unshift({ tile: mine[0].tile, retried: true }, ...mine.slice(1).map((assignment) => ({ tile: assignment.tile, retried: assignment.retried })));
    }
    dispatch();
  }

  function clearGrace(): void {
    if (graceTimer !== null) clearTimer(graceTimer);
    graceTimer = null;
  }

  /**
   * After a cancel: tell workers holding stale tiles to drop those not started yet;
   * the one each is computing gets cancelGraceMs to finish, then the worker is replaced.
   */
  function stopStale(): void {
    clearGrace();
    if (!holdsStale()) return;
    for (const slot of slots) {
      const stale = slot.held.filter((assignment) => assignment.jobId !== active?.id);
      if (stale.length === 0 || !slot.worker) continue;
      try {
        slot.worker.postMessage({ type: 'cancel', jobId: Math.max(...stale.map((assignment) => assignment.jobId)) }, []);
      } catch {
        // The grace timer replaces a worker that cannot be reached.
      }
    }
    graceTimer = setTimer(() => {
      graceTimer = null;
      for (const slot of slots) {
        if (slot.held.some((assignment) => assignment.jobId !== active?.id)) {
          // Tiles of the active job it also held go back to the queue.
          const job = active;
          const keep = slot.held.filter((assignment) => job && assignment.jobId === job.id);
          retire(slot);
          if (job) job.waiting.unshift(...keep.map((assignment) => ({ tile: assignment.tile, retried: assignment.retried })));
        }
      }
      dispatch();
    }, cancelGraceMs);
  }

  return {
    run(job, tiles, callbacks) {
      const id = nextJobId++;
      if (disposed) return id;
      active = {
        id,
        job,
        tiles,
        callbacks,
        waiting: tiles.map((tile) => ({ tile, retried: false })),
        tilesDone: 0,
        stepsComputed: 0,
        workerMs: 0,
        startedAt: now(),
      };
      stopStale();
      if (tiles.length === 0) {
        const done = active;
        finishJob(done);
        callbacks.onDone?.(progressOf(done));
        return id;
      }
      dispatch();
      return id;
    },
    cancel() {
      if (!active) return;
      active = null;
      stopStale();
    },
    get activeJob() {
      return active?.id ?? null;
    },
    size,
    get busyWorkers() {
      return slots.filter((slot) => slot.held.length > 0).length;
    },
    get terminations() {
      return terminations;
    },
    dispose() {
      disposed = true;
      active = null;
      clearGrace();
      for (const slot of slots) {
        slot.worker?.terminate();
        slot.worker = null;
        slot.held.length = 0;
      }
    },
  };
}
