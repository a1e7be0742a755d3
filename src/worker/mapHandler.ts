/**
 * The map worker's message handler: plain TypeScript with no worker globals, so
 * it runs under Node in tests and on the main thread when `Worker` is missing.
 *
 * Tiles queue up and each starts as its own task (`schedule`), so messages that
 * arrived while a tile was computing are handled before the next one starts: a
 * cancel drops the tiles of its job that have not started (answering each as
 * 'dropped'), which is how the pool's cancel reaches the worker between tiles.
 * Every tile request gets exactly one answer, in the order the tiles were sent.
 */
import { basinMap, evaluateLearningRates, hyperMap, learningRateBudget } from '../core/index.ts';
import { sliceFieldRows } from '../core/surfaces/neuralNet/parts.ts';
import { sliceLandscape, trainSliceBasis } from '../core/surfaces/neuralNet/slice.ts';
import type { MapRequest, MapResponse, MapTileRequest, PoolJob } from './mapProtocol.ts';
import type { SurfaceRef } from './protocol.ts';
import { defaultSchedule, type TaskScheduler } from './handler.ts';
import { describeError, plainSpecError } from './plainWords.ts';
import { resolveSurfaceRef, surfaceRefsReady } from './surfaceRef.ts';
import type { MessageHandler, Post } from './threads.ts';

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Compute one tile and post its cells (or why not). */
function computeTile(request: MapTileRequest, post: Post<MapResponse>): void {
  const { jobId, job, tile } = request;
  const fail = (message: string) => post({ type: 'error', jobId, tileIndex: tile.index, message }, []);
  const started = now();
  const empty = { outcome: new Uint8Array(0), stepsToTolerance: new Int32Array(0), finalLoss: null, stepsComputed: 0 };
  try {
    if (job.kind === 'slice-train') {
      const basis = trainSliceBasis(job.spec.options);
      post({ type: 'tile', jobId, tileIndex: tile.index, ...empty, basis, elapsedMs: now() - started }, []);
      return;
    }
    if (job.kind === 'slice-field') {
      const { basis, resolution } = job.spec;
      const heights = sliceFieldRows(basis, resolution, tile.row, tile.row + tile.rows);
      const landscape = tile.index === 0 ? sliceLandscape(basis) : undefined;
      post({ type: 'tile', jobId, tileIndex: tile.index, ...empty, heights, landscape, elapsedMs: now() - started }, [heights.buffer]);
      return;
    }
  } catch (error) {
    fail(plainSpecError(describeError(error)));
    return;
  }
  const resolved = resolveSurfaceRef(job.spec.surface);
  if (!resolved.ok) return fail(resolved.message);
  try {
    if (job.kind === 'tune') {
      const spec = { ...job.spec, surface: resolved.surface };
      const trials = evaluateLearningRates(spec, job.lrs.slice(tile.index, tile.index + 1), job.budget ?? learningRateBudget(spec));
      post({ type: 'tile', jobId, tileIndex: tile.index, ...empty, trials, stepsComputed: trials[0]?.steps ?? 0, elapsedMs: now() - started }, []);
    } else if (job.kind === 'basin') {
      const result = basinMap({ ...job.spec, surface: resolved.surface }, tile);
      const elapsedMs = now() - started;
      post(
        { type: 'tile', jobId, tileIndex: tile.index, outcome: result.outcome, stepsToTolerance: result.stepsToTolerance, finalLoss: null, stepsComputed: result.stepsComputed, elapsedMs },
        [result.outcome.buffer, result.stepsToTolerance.buffer],
      );
    } else {
      const result = hyperMap({ ...job.spec, surface: resolved.surface }, tile);
      const elapsedMs = now() - started;
      post(
        { type: 'tile', jobId, tileIndex: tile.index, outcome: result.outcome, stepsToTolerance: result.stepsToTolerance, finalLoss: result.finalLoss, stepsComputed: result.stepsComputed, elapsedMs },
        [result.outcome.buffer, result.stepsToTolerance.buffer, result.finalLoss.buffer],
      );
    }
  } catch (error) {
    fail(plainSpecError(describeError(error)));
  }
}

/** The surface a queued tile waits for (a custom one needs the parser first); slice jobs carry their own numbers. */
const surfaceOf = (job: PoolJob): SurfaceRef | null => (job.kind === 'slice-train' || job.kind === 'slice-field' ? null : job.spec.surface);

export function createMapHandler(post: Post<MapResponse>, schedule: TaskScheduler = defaultSchedule()): MessageHandler<MapRequest> {
  const queue: MapTileRequest[] = [];
  let scheduled = false;
  const runNext = (): void => {
    scheduled = false;
    const next = queue[0];
    if (!next) return;
    // A custom surface needs the lazily loaded parser first: the tile waits at the head of
    // the queue (a cancel can still drop it) and the queue resumes once it has arrived.
    const ref = surfaceOf(next.job);
    const loading = ref && surfaceRefsReady([ref]);
    if (loading) {
      scheduled = true;
      void loading.then(runNext, runNext);
      return;
    }
    queue.shift();
    computeTile(next, post);
    if (queue.length > 0) {
      scheduled = true;
      schedule(runNext);
    }
  };
  return {
    onMessage(request) {
      if (request.type === 'cancel') {
        for (let index = 0; index < queue.length; ) {
          const queued = queue[index];
          if (queued.jobId <= request.jobId) {
            queue.splice(index, 1);
            post({ type: 'dropped', jobId: queued.jobId, tileIndex: queued.tile.index }, []);
          } else {
            index++;
          }
        }
        return;
      }
      queue.push(request);
      if (!scheduled) {
        scheduled = true;
        schedule(runNext);
      }
    },
  };
}
