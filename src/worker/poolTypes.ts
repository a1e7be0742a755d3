/**
 * What the map pool (pool.ts) offers its caller: run a job over its tiles and
 * hear of each tile, the progress and the end; cancel; the options it is built with.
 */
import type { GridTile } from '../core/index.ts';
import type { MapRequest, MapTileResponse, PoolJob } from './mapProtocol.ts';
import type { WorkerLike } from './threads.ts';

/** A map worker, or a stand-in for it (tests pass fakes). */
export type MapWorker = WorkerLike<MapRequest>;

/** How far a job has got. */
export interface MapProgress {
  readonly jobId: number;
  readonly tilesDone: number;
  readonly tilesTotal: number;
  /** Optimizer steps computed so far, summed over workers. */
  readonly stepsComputed: number;
  /** Worker time spent on this job's tiles, summed over workers (ms). */
  readonly workerMs: number;
  /** Wall time since the job started (ms). */
  readonly elapsedMs: number;
}

export interface MapJobCallbacks {
  /** One tile's cells (the arrays are the worker's, transferred: keep or copy them). */
  onTile?(tile: GridTile, result: MapTileResponse): void;
  onProgress?(progress: MapProgress): void;
  /** Every tile arrived. */
  onDone?(progress: MapProgress): void;
  /** The job failed; no more callbacks follow. Plain words. */
  onError?(message: string): void;
}

export interface MapPoolOptions {
  /** Number of workers; default navigator.hardwareConcurrency, at least 2, at most 8. */
  readonly size?: number;
  /** Defaults to the module worker, or the in-thread handler when `Worker` is missing. */
  readonly workerFactory?: () => MapWorker;
  /** Start every worker when the pool is made, not at its first tile (a job run on one worker, then on all, finds the others loaded). */
  readonly eager?: boolean;
  /** Tiles a worker may hold at once (computing + queued). Default 2. */
  readonly queueDepth?: number;
  /** A worker still busy with a stale tile this long after a cancel is terminated and replaced. Default 500 ms (a tile takes ~50–150 ms). */
  readonly cancelGraceMs?: number;
  readonly now?: () => number;
  readonly setTimer?: (task: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

export interface MapPool {
  /** Start `job` over `tiles`, superseding any job in progress; returns its id. */
  run(job: PoolJob, tiles: readonly GridTile[], callbacks: MapJobCallbacks): number;
  /** Stop the current job (if any); no callback of it fires afterwards. */
  cancel(): void;
  /** The id of the job in progress, or null. */
  readonly activeJob: number | null;
  readonly size: number;
  /** Workers currently computing a tile (of any job). */
  readonly busyWorkers: number;
  /** Workers terminated so far (crashes and slow cancels), for tests. */
  readonly terminations: number;
  dispose(): void;
}
