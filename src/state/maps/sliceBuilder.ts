/**
 * Builds the neural-net slice a setup shows on the worker pool, with progress
 * and cancel, once per session (maps/sliceCache.ts keeps it).
 *
 * Two jobs on a pool of its own: one worker trains the network once
 * ('slice-train': θ*, d₁, d₂, domain, training path — the slice's basis); then
 * every worker computes bands of the height field from that basis without
 * training ('slice-field'), and band 0 also brings the landscape's minima and
 * lesson. This thread rebuilds the slice from basis and landscape (no training
 * here) and puts the field in Results under every neural-net pane's key; the
 * engine worker, which trains its own copy for the runs, is not asked for it.
 * The progress bar counts the training as one part and each band as one.
 */
import { heightFieldRange, neuralNetChoiceOptions, neuralNetSliceFromParts, rowBands, type GridTile } from '../../core/index.ts';
import type { SliceBasis, SliceLandscape } from '../../core/surfaces/neuralNet/slice.ts';
import { createMapPool } from '../../worker/pool.ts';
import type { MapPool } from '../../worker/poolTypes.ts';
import { fieldKey } from '../engine.ts';
import type { Results } from '../results.ts';
import type { Setup } from '../setup.ts';
import type { AppStore } from '../store/store.ts';
import { builtSlice, NEURAL_NET_SURFACE, neuralNetIdOf, setCurrentNeuralNet, storeBuiltSlice, DEFAULT_NEURAL_NET_SETUP } from './sliceCache.ts';
import type { SliceBuildState } from './types.ts';

/**
 * Samples per side of a slice's height field. Screenshots of the default slice with 80², 96² and
 * 128² fields differ in 0.1–0.2% of the scene's pixels (1440 × 900, and full HD in presentation);
 * zoomed in, 80² shows facets on the sharpest peak's silhouette and 96² does not, at 56% of 128²'s
 * cost (each loss is a forward pass over the 200 rows).
 */
export const SLICE_FIELD_RESOLUTION = 96;
/** Bands the field is cut into (the progress bar's steps; a band of 6 rows is 576 losses). */
const SLICE_BANDS = 16;
/** Workers of the slice pool (one trains, then all compute the field): two, the cores this app is built for. */
const SLICE_WORKERS = 2;
/** Bands a worker holds (one computing, one waiting): none idles while this thread draws a frame before handing out the next. */
const SLICE_QUEUE_DEPTH = 2;

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export const IDLE_SLICE_BUILD: SliceBuildState = { id: null, status: 'idle', bandsDone: 0, bandsTotal: 0, elapsedMs: 0, workerMs: 0, message: null };

export interface SliceBuilder {
  /** Follow `store`'s setup: build the slice its neural-net panes show. Returns the unsubscribe. */
  connect(store: AppStore): () => void;
  /** Stop the build in progress (the panes then say so and offer to build again). */
  cancel(): void;
  /** Build the current setup's slice again after a cancel or an error. */
  retry(): void;
  /**
   * Start the pool's workers now (the surface menu was opened): a build that follows
   * finds them loaded instead of waiting ≈ 0.3 s for fresh workers. Nothing is trained.
   */
  prewarm(): void;
  dispose(): void;
}

export interface SliceBuilderOptions {
  /** Where height fields go; without it the builder does not follow the setup (unit tests of the store). */
  readonly results?: Results;
  readonly createPool?: () => MapPool;
}

/** The neural-net panes of a setup. */
function neuralPanes(setup: Setup): number[] {
  return setup.panes.flatMap((pane, index) => (pane.surface === NEURAL_NET_SURFACE ? [index] : []));
}

export function createSliceBuilder(options: SliceBuilderOptions = {}): SliceBuilder {
  const createPool = options.createPool ?? (() => createMapPool({ size: SLICE_WORKERS, queueDepth: SLICE_QUEUE_DEPTH, eager: true }));
  let pool: MapPool | null = null;
  let store: AppStore | null = null;
  let building: string | null = null;
  let unsubscribe: () => void = () => {};

  const report = (change: Partial<SliceBuildState>) => {
    if (store) store.setState({ neuralSlice: { ...store.getState().neuralSlice, ...change } });
  };
  const fail = (message: string) => {
    building = null;
    report({ status: 'error', message });
  };

  /** Put a built slice's field under each neural-net pane's key (once per pane and field). */
  function place(setup: Setup, id: string): void {
    const entry = builtSlice(id);
    const results = options.results;
    if (!entry || !results) return;
    for (const pane of neuralPanes(setup)) {
      const key = fieldKey(pane);
      if (results.fields.get(key)?.heights === entry.field.heights) continue;
      results.setField({ key, ...entry.field });
    }
  }

  function start(id: string, setup: Setup): void {
    const target = (pool ??= createPool());
    building = id;
    const resolution = SLICE_FIELD_RESOLUTION;
    const tiles: GridTile[] = rowBands(resolution, SLICE_BANDS).map(([row, end], index) => ({ index, column: 0, row, columns: resolution, rows: end - row }));
    const startedAt = now();
    let basis: SliceBasis | null = null;
    let trainMs = 0;
    report({ id, status: 'building', bandsDone: 0, bandsTotal: tiles.length + 1, elapsedMs: 0, workerMs: 0, message: null });
    // First one worker trains; then every worker computes bands of the field from what it found.
    // (The engine's runs on the slice wait for it and then get it registered: engine.ts, connectSlices.)
    target.run({ kind: 'slice-train', spec: { options: neuralNetChoiceOptions(setup.neuralNet ?? DEFAULT_NEURAL_NET_SETUP) } }, [{ index: 0, column: 0, row: 0, columns: 0, rows: 0 }], {
      onTile(_tile, result) {
        basis = result.basis ?? null;
        trainMs = result.elapsedMs;
      },
      onDone() {
        // A cancel or another slice may have come while this one trained.
        if (building !== id) return;
        if (basis) computeField(id, setup, basis, tiles, startedAt, trainMs);
        else fail('The network was trained, but its weights did not arrive.');
      },
      onError: fail,
    });
  }

  /** The second stage: the field's bands on every worker, the landscape with band 0; then the slice is kept and shown. */
  function computeField(id: string, setup: Setup, basis: SliceBasis, tiles: GridTile[], startedAt: number, trainMs: number): void {
    const resolution = SLICE_FIELD_RESOLUTION;
    const heights = new Float32Array(resolution * resolution);
    let landscape: SliceLandscape | null = null;
    const bandsTotal = tiles.length + 1;
    report({ bandsDone: 1, elapsedMs: now() - startedAt, workerMs: trainMs });
    pool?.run({ kind: 'slice-field', spec: { basis, resolution } }, tiles, {
      onTile(tile, result) {
        if (result.heights) heights.set(result.heights, tile.row * resolution);
        if (result.landscape) landscape = result.landscape;
      },
      onProgress(progress) {
        report({ bandsDone: 1 + progress.tilesDone, elapsedMs: now() - startedAt, workerMs: trainMs + progress.workerMs });
      },
      onDone(progress) {
        if (!landscape) {
          fail('The network was trained, but the search of its landscape did not arrive.');
          return;
        }
        building = null;
        const slice = neuralNetSliceFromParts({ ...basis, ...landscape });
        const { min, max } = heightFieldRange(heights);
        const elapsedMs = now() - startedAt;
        storeBuiltSlice(id, { slice, field: { resolution, domain: slice.domain, heights, min, max }, buildMs: elapsedMs });
        report({ status: 'done', bandsDone: bandsTotal, elapsedMs, workerMs: trainMs + progress.workerMs });
        place(store?.getState().setup ?? setup, id);
      },
      onError: fail,
    });
  }

  /** Build or place what the setup shows; cancel a build it no longer shows. */
  function sync(setup: Setup, force = false): void {
    const panes = neuralPanes(setup);
    const id = neuralNetIdOf(setup.neuralNet);
    setCurrentNeuralNet(setup.neuralNet ?? DEFAULT_NEURAL_NET_SETUP);
    if (panes.length === 0) {
      if (building !== null) {
        pool?.cancel();
        building = null;
        report({ status: 'cancelled' });
      }
      return;
    }
    if (builtSlice(id)) {
      if (building !== null) pool?.cancel();
      building = null;
      const state = store?.getState().neuralSlice;
      if (state && (state.id !== id || state.status !== 'done')) report({ id, status: 'done', message: null });
      place(setup, id);
      return;
    }
    // Until this slice's field arrives, its panes show none (not the surface they showed before).
    const stale = new Set(panes.map(fieldKey));
    const results = options.results;
    if (results && [...stale].some((key) => results.fields.has(key))) results.retainFields(new Set([...results.fields.keys()].filter((key) => !stale.has(key))));
    if (building === id) return;
    const state = store?.getState().neuralSlice;
    // After a cancel or a failure of this slice, wait to be asked again.
    if (!force && state && state.id === id && (state.status === 'cancelled' || state.status === 'error')) return;
    start(id, setup);
  }

  return {
    connect(target) {
      store = target;
      if (!options.results) return () => {};
      // Called while the store is being made: its first setup is looked at once the store exists.
      queueMicrotask(() => sync(target.getState().setup));
      unsubscribe = target.subscribe((state, previous) => {
        if (state.setup !== previous.setup) sync(state.setup);
      });
      return unsubscribe;
    },
    cancel() {
      if (building === null) return;
      pool?.cancel();
      building = null;
      report({ status: 'cancelled' });
    },
    retry() {
      if (store) sync(store.getState().setup, true);
    },
    prewarm() {
      // Only a builder that follows the setup builds slices (the app; not the store's unit tests).
      if (options.results) pool ??= createPool();
    },
    dispose() {
      unsubscribe();
      pool?.dispose();
      pool = null;
      building = null;
    },
  };
}
