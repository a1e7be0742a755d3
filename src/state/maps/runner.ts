/**
 * Runs the basin and hyper-parameter maps on the worker pool and reports into
 * the store's `maps` field (the maps slice calls it; cells go to MapResults).
 *
 * An open map follows the setup: when the settings it depends on change (the
 * run's optimizer or hyper-parameters, the steps, the surface, and for the
 * hyper map the start), the job in progress is cancelled and a new one starts.
 * The pool runs one job at a time; when both maps need computing, the basin map
 * (drawn on the surface) goes first and the hyper map waits as 'queued'.
 */
import { tileGrid, tileSideFor } from '../../core/index.ts';
import { createMapPool } from '../../worker/pool.ts';
import type { MapPool, MapProgress } from '../../worker/poolTypes.ts';
import type { Results } from '../results.ts';
import type { AppStore } from '../store/store.ts';
import { createSliceBuilder, type SliceBuilder } from './sliceBuilder.ts';
import { placeTile, MapResults } from './buffers.ts';
import { BASIN_RESOLUTIONS, planMap, targetRun, type PlannedMap } from './jobs.ts';
import type { MapKind, MapSlotState, MapStatus } from './types.ts';

export const IDLE_SLOT: MapSlotState = { open: false, runId: null, status: 'idle', tilesDone: 0, tilesTotal: 0, message: null, elapsedMs: 0, stepsComputed: 0, workerMs: 0, revision: 0 };

export interface MapRunner {
  /** The cells of each map (outside the store). */
  readonly results: MapResults;
  /** The neural-net slice's build on its own pool. */
  readonly slices: SliceBuilder;
  /** The pool, once the first map has been asked for (null before). */
  readonly pool: MapPool | null;
  /** Report into `store` and follow its setup; called once, by the maps slice. Returns the unsubscribe. */
  connect(store: AppStore): () => void;
  open(kind: MapKind, runId: string | null): void;
  cancel(kind: MapKind): void;
  close(kind: MapKind): void;
  setBasinResolution(resolution: number): void;
  /** Stop following the setup and end the pool's workers. */
  dispose(): void;
}

export interface MapRunnerOptions {
  /** Called once, at the first map request (workers start then, not at import). Default: createMapPool(). */
  readonly createPool?: () => MapPool;
  /** Where neural-net slices' height fields go; without it no slice is built (see sliceBuilder.ts). */
  readonly fieldResults?: Results;
}

export function createMapRunner(options: MapRunnerOptions = {}): MapRunner {
  const createPool = options.createPool ?? (() => createMapPool());
  const results = new MapResults();
  const slices = createSliceBuilder({ results: options.fieldResults });
  let pool: MapPool | null = null;
  let store: AppStore | null = null;
  let unsubscribe: () => void = () => {};
  /** The key each open map was last started with. */
  const startedKeys: Record<MapKind, string> = { basin: '', hyper: '' };
  /** Which kind the pool is computing, if any. */
  let running: MapKind | null = null;

  const connected = (): AppStore => {
    if (!store) throw new Error('The map runner is not connected to a store.');
    return store;
  };
  const slot = (kind: MapKind) => connected().getState().maps[kind];
  const patch = (kind: MapKind, change: Partial<MapSlotState>) => {
    const { maps } = connected().getState();
    connected().setState({ maps: { ...maps, [kind]: { ...maps[kind], ...change } } });
  };
  const stopRunning = (kind: MapKind) => {
    if (running !== kind) return;
    pool?.cancel();
    running = null;
  };

  /** The map `kind` needs now, or why it cannot be made; null when there is nothing to do. */
  function plan(kind: MapKind): PlannedMap | { error: string } {
    const { setup, selectedRunId, maps } = connected().getState();
    const run = targetRun(setup, maps[kind].runId, selectedRunId);
    if (!run) return { error: 'Add a run to map its optimizer.' };
    return planMap(kind, setup, run, maps.basinResolution);
  }

  /** Start the job `kind` needs now (cancelling whatever the pool was doing). */
  function start(kind: MapKind): void {
    const wanted = plan(kind);
    if ('error' in wanted) {
      stopRunning(kind);
      startedKeys[kind] = '';
      results[kind] = null;
      patch(kind, { status: 'error', message: wanted.error, tilesDone: 0, tilesTotal: 0, revision: slot(kind).revision + 1 });
      results.notify(kind);
      return;
    }
    pool ??= createPool();
    const data = wanted.emptyCells();
    if (data.kind === 'basin') results.basin = data;
    else results.hyper = data;
    startedKeys[kind] = wanted.key;
    running = kind;
    const { job, columns } = wanted;
    const rows = job.kind === 'basin' ? job.spec.resolution : job.spec.paramCells;
    const tiles = tileGrid(columns, rows, tileSideFor(Math.max(columns, rows), job.spec.steps));
    patch(kind, { status: 'computing', message: null, tilesDone: 0, tilesTotal: tiles.length, elapsedMs: 0, stepsComputed: 0, workerMs: 0, revision: slot(kind).revision + 1 });
    results.notify(kind);
    const report = (progress: MapProgress, status: MapStatus) =>
      patch(kind, { status, tilesDone: progress.tilesDone, elapsedMs: progress.elapsedMs, stepsComputed: progress.stepsComputed, workerMs: progress.workerMs, revision: slot(kind).revision + 1 });
    pool.run(job, tiles, {
      onTile(tile, result) {
        const cells = results[kind];
        if (cells) placeTile(cells, tile, result, columns);
      },
      onProgress(progress) {
        report(progress, 'computing');
        results.notify(kind);
      },
      onDone(progress) {
        running = null;
        report(progress, 'done');
        results.notify(kind);
        startNext();
      },
      onError(message) {
        running = null;
        patch(kind, { status: 'error', message });
        startNext();
      },
    });
  }

  /** Open maps whose job changed: restart them, `order` first; only one runs, the rest wait as queued. */
  function sync(order: readonly MapKind[]): void {
    const stale: MapKind[] = [];
    for (const kind of order) {
      if (!slot(kind).open) continue;
      const wanted = plan(kind);
      const key = 'error' in wanted ? `error:${wanted.error}` : wanted.key;
      if (key !== startedKeys[kind] || slot(kind).status === 'error') stale.push(kind);
    }
    if (stale.length === 0) return;
    if (running !== null && stale.includes(running)) stopRunning(running);
    for (const kind of stale) {
      startedKeys[kind] = '';
      patch(kind, { status: 'queued' });
    }
    startNext();
  }

  /** Start the first queued map when the pool is free. */
  function startNext(): void {
    if (running !== null) return;
    for (const kind of ['basin', 'hyper'] as const) {
      if (slot(kind).open && slot(kind).status === 'queued') {
        start(kind);
        if (running !== null) return;
      }
    }
  }

  return {
    results,
    slices,
    get pool() {
      return pool;
    },
    connect(target) {
      store = target;
      unsubscribe = target.subscribe((state, previous) => {
        if (state.setup !== previous.setup || state.selectedRunId !== previous.selectedRunId) sync(['basin', 'hyper']);
      });
      return unsubscribe;
    },
    open(kind, runId) {
      patch(kind, { open: true, runId: runId ?? slot(kind).runId, message: null });
      startedKeys[kind] = '';
      sync(kind === 'hyper' ? ['hyper', 'basin'] : ['basin', 'hyper']);
    },
    cancel(kind) {
      stopRunning(kind);
      const { status } = slot(kind);
      if (status === 'computing' || status === 'queued') patch(kind, { status: 'cancelled' });
      startNext();
    },
    close(kind) {
      stopRunning(kind);
      startedKeys[kind] = '';
      results[kind] = null;
      patch(kind, { ...IDLE_SLOT, revision: slot(kind).revision + 1 });
      results.notify(kind);
      startNext();
    },
    setBasinResolution(resolution) {
      const { maps } = connected().getState();
      if (!(BASIN_RESOLUTIONS as readonly number[]).includes(resolution) || resolution === maps.basinResolution) return;
      connected().setState({ maps: { ...maps, basinResolution: resolution } });
      if (slot('basin').open) sync(['basin']);
    },
    dispose() {
      unsubscribe();
      slices.dispose();
      pool?.dispose();
      pool = null;
    },
  };
}
