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
import { basinMap, evaluateLearningRates, heightFieldRows, hyperMap, isNeuralNetSlice, learningRateBudget, sliceParts } from '../core/index.ts';
import type { MapRequest, MapResponse, MapTileRequest } from './mapProtocol.ts';
import { defaultSchedule, type TaskScheduler } from './handler.ts';
import { describeError, plainSpecError } from './plainWords.ts';
import { resolveSurfaceRef, surfaceRefsReady } from './surfaceRef.ts';
import type { MessageHandler, Post } from './threads.ts';

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Compute one tile and post its cells (or why not). */
function computeTile(request: MapTileRequest, post: Post<MapResponse>): void {
  const { jobId, job, tile } = request;
  const fail = (message: string) => post({ type: 'error', jobId, tileIndex: tile.index, message }, []);
  const resolved = resolveSurfaceRef(job.spec.surface);
  if (!resolved.ok) return fail(resolved.message);
  const started = now();
  try {
    if (job.kind === 'tune') {
      const spec = { ...job.spec, surface: resolved.surface };
      const trials = evaluateLearningRates(spec, job.lrs.slice(tile.index, tile.index + 1), job.budget ?? learningRateBudget(spec));
      const empty = { outcome: new Uint8Array(0), stepsToTolerance: new Int32Array(0), finalLoss: null };
      post({ type: 'tile', jobId, tileIndex: tile.index, ...empty, trials, stepsComputed: trials[0]?.steps ?? 0, elapsedMs: now() - started }, []);
    } else if (job.kind === 'slice-field') {
      const surface = resolved.surface;
      const heights = heightFieldRows(surface, job.spec.resolution, tile.row, tile.row + tile.rows);
      const slice = tile.index === 0 && isNeuralNetSlice(surface) ? sliceParts(surface) : undefined;
      const empty = { outcome: new Uint8Array(0), stepsToTolerance: new Int32Array(0) };
      post({ type: 'tile', jobId, tileIndex: tile.index, ...empty, finalLoss: null, heights, slice, stepsComputed: 0, elapsedMs: now() - started }, [heights.buffer]);
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

export function createMapHandler(post: Post<MapResponse>, schedule: TaskScheduler = defaultSchedule()): MessageHandler<MapRequest> {
  const queue: MapTileRequest[] = [];
  let scheduled = false;
  const runNext = (): void => {
    scheduled = false;
    const next = queue[0];
    if (!next) return;
    // A custom surface needs the lazily loaded parser first: the tile waits at the head of
    // the queue (a cancel can still drop it) and the queue resumes once it has arrived.
    const loading = surfaceRefsReady([next.job.spec.surface]);
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
