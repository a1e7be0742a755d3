/**
 * Basin and hyper-parameter maps: what is asked for, how far it has got, and the
 * cells (issue 6).
 *
 * - A small zustand store of its own (`MapsState`) holds what changes at human
 *   speed: per map kind whether it is open, for which run, its status, progress
 *   and a revision number bumped as tiles arrive.
 * - The cells themselves live outside the store in `MapResults` (one typed array
 *   per quantity for the whole grid), written tile by tile and read by the scene
 *   and the heatmap, which listen with `subscribe`.
 * - An open map follows the setup: when the settings it depends on change (the
 *   run's optimizer or hyper-parameters, the steps, the surface, and for the
 *   hyper map the start), the job in progress is cancelled and a new one starts.
 *
 * The pool runs one job at a time; when both maps need computing, the basin map
 * (drawn on the surface) goes first and the hyper map waits as 'queued'.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import {
  defaultTolerance,
  hyperAxisOf,
  MAP_MAX_MINIMA,
  OPTIMIZERS,
  tileGrid,
  tileSideFor,
  type Domain,
  type GridTile,
  type HyperAxis,
  type OptimizerId,
} from '../core/index.ts';
import type { MapJob, MapKind, WireBasinSpec, WireHyperSpec } from '../worker/mapProtocol.ts';
import type { MapPool, MapProgress } from '../worker/pool.ts';
import type { RunConfig, Setup } from './setup.ts';
import type { AppStore } from './store.ts';
import { paneIndexOf, surfaceById, surfaceRefOf } from './surfaceOf.ts';

/** Maps never run longer than this many steps per cell, whatever the setup's step count. */
export const MAP_STEP_LIMIT = 5000;
export const BASIN_RESOLUTIONS = [64, 128, 256] as const;
export const DEFAULT_BASIN_RESOLUTION = 128;
/** Cells per side of the hyper-parameter map. */
export const HYPER_CELLS = 64;
/** The hyper map's momentum / β₁ axis. */
export const HYPER_PARAM_RANGE = [0, 0.99] as const;

export type MapStatus = 'idle' | 'queued' | 'computing' | 'done' | 'cancelled' | 'error';

export interface MapSlotState {
  /** True while the map is wanted: it is shown and follows setup changes. */
  readonly open: boolean;
  /** The run whose optimizer and settings it maps (null: the selected or first run). */
  readonly runId: string | null;
  readonly status: MapStatus;
  readonly tilesDone: number;
  readonly tilesTotal: number;
  /** Plain words when something went wrong or the map cannot be made for this run. */
  readonly message: string | null;
  /** Wall time, steps and summed worker time of the job so far (ms). */
  readonly elapsedMs: number;
  readonly stepsComputed: number;
  readonly workerMs: number;
  /** Bumped whenever MapResults for this kind changes (new job, tile, clear). */
  readonly revision: number;
}

export interface MapsActions {
  /** Open (or recompute) a map for `runId` (default: the selected run, else the first). */
  openMap(kind: MapKind, runId?: string | null): void;
  /** Stop computing; keeps the cells computed so far. The map stays open: the next relevant setup change computes it again. */
  cancelMap(kind: MapKind): void;
  /** Close a map: cancel it and forget its cells. */
  closeMap(kind: MapKind): void;
  setBasinResolution(resolution: number): void;
}

export interface MapsState extends MapsActions {
  readonly basin: MapSlotState;
  readonly hyper: MapSlotState;
  readonly basinResolution: number;
}

export type MapsStore = StoreApi<MapsState>;

/** A whole basin map's cells, row-major (row = y index from y.min). */
export interface BasinData {
  readonly kind: 'basin';
  readonly spec: WireBasinSpec;
  readonly pane: number;
  readonly domain: Domain;
  readonly resolution: number;
  /** Known minima of the surface (the outcome codes index them). */
  readonly minima: readonly (readonly [number, number])[];
  /** Whether each minimum is as low as the lowest (global), for the legend. */
  readonly global: readonly boolean[];
  readonly outcome: Uint8Array;
  readonly stepsToTolerance: Int32Array;
  /** 1 where a cell has arrived. */
  readonly filled: Uint8Array;
}

/** A whole hyper-parameter map's cells, row-major (row = axis index from paramMin, column = lr index from lrMin). */
export interface HyperData {
  readonly kind: 'hyper';
  readonly spec: WireHyperSpec;
  /** The optimizer the person picked (SGD is mapped as momentum). */
  readonly sourceOptimizer: OptimizerId;
  readonly runId: string;
  readonly outcome: Uint8Array;
  readonly stepsToTolerance: Int32Array;
  readonly finalLoss: Float64Array;
  /** The global minimum's loss, to show the gap above it. */
  readonly bestLoss: number;
  /** The loss at the start: cells that end no lower are the worst color. */
  readonly startLoss: number;
  readonly filled: Uint8Array;
}

/** Map cells outside the store: read by the scene and the heatmap, announced with subscribe. */
export class MapResults {
  basin: BasinData | null = null;
  hyper: HyperData | null = null;
  private readonly listeners = new Set<(kind: MapKind) => void>();

  subscribe(listener: (kind: MapKind) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(kind: MapKind): void {
    for (const listener of this.listeners) listener(kind);
  }
}

/** Copies a tile's cells into the whole grid. */
function place<T extends Uint8Array | Int32Array | Float64Array>(target: T, source: T, tile: GridTile, columns: number): void {
  for (let row = 0; row < tile.rows; row++) {
    target.set(source.subarray(row * tile.columns, (row + 1) * tile.columns), (tile.row + row) * columns + tile.column);
  }
}

function fill(target: Uint8Array, tile: GridTile, columns: number): void {
  for (let row = 0; row < tile.rows; row++) target.fill(1, (tile.row + row) * columns + tile.column, (tile.row + row) * columns + tile.column + tile.columns);
}

const idleSlot: MapSlotState = { open: false, runId: null, status: 'idle', tilesDone: 0, tilesTotal: 0, message: null, elapsedMs: 0, stepsComputed: 0, workerMs: 0, revision: 0 };

/** The run a map is for: the requested one if it still exists, else the selected, else the first. */
function targetRun(setup: Setup, runId: string | null, selectedRunId: string | null): RunConfig | null {
  return setup.runs.find((run) => run.id === runId) ?? setup.runs.find((run) => run.id === selectedRunId) ?? setup.runs[0] ?? null;
}

/** The optimizer settings of a run that a map uses (only the hyper-parameters its optimizer has). */
function optimizerSettings(run: RunConfig) {
  const settings: Record<string, number | boolean> = {};
  for (const parameter of OPTIMIZERS[run.optimizer].hyperParameters) {
    const value = (run as unknown as Partial<Record<string, number | boolean>>)[parameter.key];
    if (value !== undefined) settings[parameter.key] = value;
  }
  return { optimizer: run.optimizer, lr: run.lr, ...settings, ...(run.schedule.type === 'constant' ? {} : { schedule: run.schedule }) };
}

/** The basin-map job for a run, or a reason there is none. */
export function basinJobFor(setup: Setup, run: RunConfig, resolution: number): { job: MapJob; pane: number; domain: Domain } | { error: string } {
  const pane = paneIndexOf(setup, run.pane);
  const surface = surfaceById(setup.panes[pane].surface, setup);
  if (!surface) return { error: 'This surface cannot be mapped until its function is valid.' };
  const spec: WireBasinSpec = {
    ...optimizerSettings(run),
    surface: surfaceRefOf(setup, pane),
    steps: Math.min(setup.steps, MAP_STEP_LIMIT),
    resolution,
    tolerance: defaultTolerance(surface.domain),
  };
  return { job: { kind: 'basin', spec }, pane, domain: surface.domain };
}

/** The learning-rate span of a hyper map: the surface's SGD range, reaching 4× past its top so the edge of divergence shows. */
export function hyperLrRange(lrRange: readonly [number, number]): [number, number] {
  return [lrRange[0], lrRange[1] * 4];
}

/** The hyper-parameter-map job for a run, or a reason there is none. */
export function hyperJobFor(setup: Setup, run: RunConfig): { job: MapJob; axis: HyperAxis; bestLoss: number; startLoss: number } | { error: string } {
  const mapped = hyperAxisOf(run.optimizer);
  if (!mapped) return { error: `${OPTIMIZERS[run.optimizer].label} has no momentum or β₁ to map; pick a run with SGD, momentum, Nesterov, RMSprop or Adam.` };
  const pane = paneIndexOf(setup, run.pane);
  const surface = surfaceById(setup.panes[pane].surface, setup);
  if (!surface) return { error: 'This surface cannot be mapped until its function is valid.' };
  const [lrMin, lrMax] = hyperLrRange(surface.lrRange);
  const spec: WireHyperSpec = {
    ...optimizerSettings(run),
    optimizer: mapped.optimizer,
    surface: surfaceRefOf(setup, pane),
    steps: Math.min(setup.steps, MAP_STEP_LIMIT),
    start: run.start ?? setup.start,
    lrMin,
    lrMax,
    lrCells: HYPER_CELLS,
    axis: mapped.axis,
    paramMin: HYPER_PARAM_RANGE[0],
    paramMax: HYPER_PARAM_RANGE[1],
    paramCells: HYPER_CELLS,
    tolerance: defaultTolerance(surface.domain),
  };
  const best = surface.minima[0];
  return { job: { kind: 'hyper', spec }, axis: mapped.axis, bestLoss: best ? surface.loss(best[0], best[1]) : 0, startLoss: surface.loss(spec.start[0], spec.start[1]) };
}

export interface Maps {
  readonly store: MapsStore;
  readonly results: MapResults;
  /** The pool, once the first map has been asked for (null before). */
  readonly pool: MapPool | null;
  dispose(): void;
}

export interface MapsDeps {
  readonly app: AppStore;
  /** Called once, at the first map request (workers start then, not at import). */
  readonly createPool: () => MapPool;
}

/** Build the maps store and connect it to the app store and a (lazily created) pool. */
export function createMaps({ app, createPool }: MapsDeps): Maps {
  const results = new MapResults();
  let pool: MapPool | null = null;
  /** The spec key each open map was last started with. */
  const startedKeys: Record<MapKind, string> = { basin: '', hyper: '' };
  /** Which kind the pool is computing, if any. */
  let running: MapKind | null = null;

  const store = createStore<MapsState>()((set, get) => {
    const patch = (kind: MapKind, change: Partial<MapSlotState>) => set({ [kind]: { ...get()[kind], ...change } } as Partial<MapsState>);
    return {
      basin: idleSlot,
      hyper: idleSlot,
      basinResolution: DEFAULT_BASIN_RESOLUTION,
      openMap(kind, runId = null) {
        patch(kind, { open: true, runId: runId ?? get()[kind].runId, message: null });
        startedKeys[kind] = '';
        sync(kind === 'hyper' ? ['hyper', 'basin'] : ['basin', 'hyper']);
      },
      cancelMap(kind) {
        if (running === kind) {
          pool?.cancel();
          running = null;
        }
        const slot = get()[kind];
        if (slot.status === 'computing' || slot.status === 'queued') patch(kind, { status: 'cancelled' });
        startNext();
      },
      closeMap(kind) {
        if (running === kind) {
          pool?.cancel();
          running = null;
        }
        startedKeys[kind] = '';
        results[kind] = null;
        patch(kind, { ...idleSlot, revision: get()[kind].revision + 1 });
        results.notify(kind);
        startNext();
      },
      setBasinResolution(resolution) {
        if (!(BASIN_RESOLUTIONS as readonly number[]).includes(resolution) || resolution === get().basinResolution) return;
        set({ basinResolution: resolution });
        if (get().basin.open) sync(['basin']);
      },
    };
  });

  const slot = (kind: MapKind) => store.getState()[kind];
  const patch = (kind: MapKind, change: Partial<MapSlotState>) => store.setState({ [kind]: { ...slot(kind), ...change } } as Partial<MapsState>);

  /** The job an open map needs now, with what its results need to know. */
  function jobOf(kind: MapKind): { job: MapJob; key: string; prepare: () => void } | { error: string } | null {
    const state = store.getState();
    const { setup, selectedRunId } = app.getState();
    const run = targetRun(setup, state[kind].runId, selectedRunId);
    if (!run) return { error: 'Add a run to map its optimizer.' };
    if (kind === 'basin') {
      const made = basinJobFor(setup, run, state.basinResolution);
      if ('error' in made) return made;
      const { job, pane, domain } = made;
      const spec = job.spec as WireBasinSpec;
      const surface = surfaceById(setup.panes[pane].surface, setup);
      const minima = (surface?.minima ?? []).slice(0, MAP_MAX_MINIMA);
      const losses = minima.map(([x, y]) => surface?.loss(x, y) ?? Number.NaN);
      const lowest = Math.min(...losses);
      const global = losses.map((loss) => Math.abs(loss - lowest) <= 1e-6 * (1 + Math.abs(lowest)));
      const cells = spec.resolution * spec.resolution;
      return {
        job,
        key: JSON.stringify([job, pane]),
        prepare: () => {
          results.basin = { kind: 'basin', spec, pane, domain, resolution: spec.resolution, minima, global, outcome: new Uint8Array(cells), stepsToTolerance: new Int32Array(cells), filled: new Uint8Array(cells) };
        },
      };
    }
    const made = hyperJobFor(setup, run);
    if ('error' in made) return made;
    const spec = made.job.spec as WireHyperSpec;
    const cells = spec.lrCells * spec.paramCells;
    return {
      job: made.job,
      key: JSON.stringify(made.job),
      prepare: () => {
        results.hyper = {
          kind: 'hyper',
          spec,
          sourceOptimizer: run.optimizer,
          runId: run.id,
          outcome: new Uint8Array(cells),
          stepsToTolerance: new Int32Array(cells),
          finalLoss: new Float64Array(cells).fill(Number.NaN),
          bestLoss: made.bestLoss,
          startLoss: made.startLoss,
          filled: new Uint8Array(cells),
        };
      },
    };
  }

  /** Start the job `kind` needs now (cancelling whatever the pool was doing). */
  function start(kind: MapKind): void {
    const wanted = jobOf(kind);
    if (!wanted) return;
    if ('error' in wanted) {
      if (running === kind) {
        pool?.cancel();
        running = null;
      }
      startedKeys[kind] = '';
      results[kind] = null;
      patch(kind, { status: 'error', message: wanted.error, tilesDone: 0, tilesTotal: 0, revision: slot(kind).revision + 1 });
      results.notify(kind);
      return;
    }
    pool ??= createPool();
    wanted.prepare();
    startedKeys[kind] = wanted.key;
    running = kind;
    const { job } = wanted;
    const columns = job.kind === 'basin' ? job.spec.resolution : job.spec.lrCells;
    const rows = job.kind === 'basin' ? job.spec.resolution : job.spec.paramCells;
    const side = tileSideFor(Math.max(columns, rows), job.spec.steps);
    const tiles = tileGrid(columns, rows, side);
    patch(kind, { status: 'computing', message: null, tilesDone: 0, tilesTotal: tiles.length, elapsedMs: 0, stepsComputed: 0, workerMs: 0, revision: slot(kind).revision + 1 });
    results.notify(kind);
    const report = (progress: MapProgress, status: MapStatus) =>
      patch(kind, { status, tilesDone: progress.tilesDone, elapsedMs: progress.elapsedMs, stepsComputed: progress.stepsComputed, workerMs: progress.workerMs, revision: slot(kind).revision + 1 });
    pool.run(job, tiles, {
      onTile(tile, result) {
        const data = results[kind];
        if (!data) return;
        place(data.outcome, result.outcome, tile, columns);
        place(data.stepsToTolerance, result.stepsToTolerance, tile, columns);
        if (data.kind === 'hyper' && result.finalLoss) place(data.finalLoss, result.finalLoss, tile, columns);
        fill(data.filled, tile, columns);
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
      const wanted = jobOf(kind);
      const key = wanted && !('error' in wanted) ? wanted.key : `error:${wanted && 'error' in wanted ? wanted.error : ''}`;
      if (key !== startedKeys[kind] || slot(kind).status === 'error') stale.push(kind);
    }
    if (stale.length === 0) return;
    if (running !== null && stale.includes(running)) {
      pool?.cancel();
      running = null;
    }
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

  const unsubscribe = app.subscribe((state, previous) => {
    if (state.setup !== previous.setup || state.selectedRunId !== previous.selectedRunId) sync(['basin', 'hyper']);
  });

  return {
    store,
    results,
    get pool() {
      return pool;
    },
    dispose() {
      unsubscribe();
      pool?.dispose();
      pool = null;
    },
  };
}

/** React hook: one field of a maps store. */
export function useMapsStore<T>(maps: Maps, selector: (state: MapsState) => T): T {
  return useStore(maps.store, selector);
}
