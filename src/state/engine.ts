/**
 * The connector between the store and the engine client: builds one compute
 * request from the setup whenever the parts that decide a path change, and
 * turns the client's status and errors into store state and notices.
 *
 * "Exactly one request per change": each setup change is reduced to a spec key
 * (the JSON of the wire request); a change that leaves it equal (a color, a
 * visibility toggle, the camera, playback) sends nothing.
 */
import { OPTIMIZERS, sliceParts, type HyperParameterKey, type HyperParameterValues, type RunSpec } from '../core/index.ts';
import type { ComputeInput, EngineClient, EngineClientOptions } from '../worker/client.ts';
import { DEFAULT_FIELD_RESOLUTION, type FieldRequest, type RunRequest, type WireRunSpec } from '../worker/protocol.ts';
import { builtSlice, builtSlices, NEURAL_NET_SURFACE, neuralNetIdOf, subscribeSliceCache } from './maps/sliceCache.ts';
import type { Results } from './results.ts';
import type { RunConfig, Setup } from './setup.ts';
import type { AppStore } from './store/store.ts';
import { paneStart } from './startDomain.ts';
import { exampleRowsOf, paneIndexOf, surfaceRefOf } from './surfaceOf.ts';

/** The key of the height field drawn in `pane` (Results.fields.get(fieldKey(pane))). */
export function fieldKey(pane: number): string {
  return `pane${pane}`;
}

/** How a run's optimizer moves: what a path and a map of it share. */
export type OptimizerSpec = Pick<RunSpec, 'optimizer' | 'lr' | 'schedule' | HyperParameterKey>;

/**
 * The optimizer part of a run's spec: its optimizer, learning rate, only the
 * hyper-parameters that optimizer uses (so editing an unused one sends
 * nothing) and its schedule unless constant. Paths and maps both use it.
 */
export function optimizerSpec(run: RunConfig): OptimizerSpec {
  const hyperParameters: Record<string, unknown> = {};
  for (const parameter of OPTIMIZERS[run.optimizer].hyperParameters) hyperParameters[parameter.key] = run[parameter.key];
  return { optimizer: run.optimizer, lr: run.lr, ...(hyperParameters as Partial<HyperParameterValues>), ...(run.schedule.type === 'constant' ? {} : { schedule: run.schedule }) };
}

/**
 * One run as the worker sees it: its pane's surface, its own start or the global
 * one, and only the settings that change its path (optimizerSpec; noise and seed
 * only for mini-batches), so that editing an unused value sends nothing.
 */
export function wireRunSpec(setup: Setup, run: RunConfig): WireRunSpec {
  const pane = paneIndexOf(setup, run.pane);
  // A data-driven surface fixes N to its rows; full batch stays full batch.
  const datasetSize = exampleRowsOf(setup, pane) ?? setup.datasetSize;
  const batchSize = run.batchSize >= setup.datasetSize ? datasetSize : Math.min(run.batchSize, datasetSize);
  // The seed also draws the gradient-free methods' candidates, batch or not.
  const miniBatch = batchSize < datasetSize ? { noise: run.noise, seed: run.seed } : OPTIMIZERS[run.optimizer].usesGradient ? {} : { seed: run.seed };
  return {
    surface: surfaceRefOf(setup, pane),
    ...optimizerSpec(run),
    // Inside the pane's own plot: a shared start outside it is moved to its nearest point (startDomain.ts).
    start: paneStart(setup, pane, run.start ?? setup.start),
    steps: setup.steps,
    batchSize,
    datasetSize,
    ...miniBatch,
  };
}

/**
 * Whether `setup`'s neural-net runs wait for the slice the pool is building: while it
 * builds, the engine would otherwise train its own copy of the network at the same time,
 * on a core the pool's field needs. Once built, the engine gets the pool's slice
 * (app.ts registers it); after a failed or cancelled build it trains one itself.
 */
export function waitsForSlice(setup: Setup, building: string | null): boolean {
  if (building === null || !setup.panes.some((pane) => pane.surface === NEURAL_NET_SURFACE)) return false;
  const id = neuralNetIdOf(setup.neuralNet);
  return building === id && builtSlice(id) === null;
}

/**
 * Everything the engine must compute for `setup`: every run (visible or not, so toggling is
 * instant) and every pane's field; with `holdSlice`, not the runs on neural-net panes (waitsForSlice).
 */
export function buildComputeInput(setup: Setup, resolution = DEFAULT_FIELD_RESOLUTION, holdSlice = false): ComputeInput {
  const held = (run: RunConfig) => holdSlice && setup.panes[paneIndexOf(setup, run.pane)]?.surface === NEURAL_NET_SURFACE;
  const runs: RunRequest[] = setup.runs.filter((run) => !held(run)).map((run) => ({ runId: run.id, spec: wireRunSpec(setup, run) }));
  // A neural-net slice's field is computed on the worker pool as it is trained (maps/sliceBuilder.ts).
  const fields: FieldRequest[] = setup.panes.flatMap((config, pane) => (config.surface === NEURAL_NET_SURFACE ? [] : [{ key: fieldKey(pane), surface: surfaceRefOf(setup, pane), resolution }]));
  return { runs, fields };
}

/** Equal keys mean equal paths and fields: nothing to recompute. */
export function specKey(input: ComputeInput): string {
  return JSON.stringify(input);
}

/** The part of the client the connector needs (tests pass a recorder). */
export type ComputeTarget = Pick<EngineClient, 'compute'>;

/**
 * Send the current setup now, then one request per spec-relevant setup change;
 * results of removed runs and panes are dropped. Returns the unsubscribe.
 */
export function connectEngine(store: AppStore, client: ComputeTarget, results: Results, resolution = DEFAULT_FIELD_RESOLUTION): () => void {
  let lastKey = '';
  const sync = (setup: Setup): void => {
    const state = store.getState();
    const hold = waitsForSlice(setup, state.neuralSlice.status === 'building' ? state.neuralSlice.id : null);
    const input = buildComputeInput(setup, resolution, hold);
    // Runs held for the slice say "waiting…" rather than show paths of another surface.
    results.retainRuns(new Set(input.runs.map((run) => run.runId)));
    results.retainFields(new Set(setup.panes.map((_, pane) => fieldKey(pane))));
    const key = specKey(input);
    if (key === lastKey) return;
    lastKey = key;
    client.compute(input);
  };
  sync(store.getState().setup);
  return store.subscribe((state, previous) => {
    if (state.setup !== previous.setup || state.neuralSlice.status !== previous.neuralSlice.status || state.neuralSlice.id !== previous.neuralSlice.id) sync(state.setup);
  });
}

/**
 * Give the engine every neural-net slice the pool builds, as it arrives (and those built
 * before): its runs on the slice then start from the pool's network, never a second
 * training of their own. Returns the unsubscribe.
 */
export function connectSlices(client: Pick<EngineClient, 'registerSlice'>): () => void {
  const registered = new Set<string>();
  const register = () => {
    for (const [id, entry] of builtSlices()) {
      if (registered.has(id)) continue;
      registered.add(id);
      client.registerSlice(id, sliceParts(entry.slice));
    }
  };
  register();
  return subscribeSliceCache(register);
}

/** "Run 2" for a run id, or the id itself when the run is gone. */
function runName(store: AppStore, runId: string): string {
  const index = store.getState().setup.runs.findIndex((run) => run.id === runId);
  return index < 0 ? runId : `Run ${index + 1}`;
}

/** Client callbacks that report into the store: status, plain-words notices, the results version. */
export function engineCallbacks(store: AppStore): Required<Pick<EngineClientOptions, 'onStatus' | 'onError' | 'onDone'>> {
  return {
    onStatus(status, message) {
      const state = store.getState();
      if (state.workerStatus !== status || state.workerMessage !== message) store.setState({ workerStatus: status, workerMessage: message });
      if (message !== null && message !== state.workerMessage) {
        state.pushNotice(status === 'failed' ? 'error' : 'warning', message);
      }
    },
    onError({ runId, message }) {
      store.getState().pushNotice('error', runId === null ? message : `${runName(store, runId)}: ${message}`);
    },
    onDone() {
      store.setState({ resultsVersion: store.getState().resultsVersion + 1 });
    },
  };
}
