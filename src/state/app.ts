/**
 * The app's singletons and its start. Importing this module creates only plain
 * in-memory objects (store, result buffers, playhead); the worker, the engine
 * connection and the test hooks start when main.tsx calls startApp().
 *
 * Scene and UI import from here:
 *   useAppStore(selector)  human-speed state (setup, playing, notices, status)
 *   appStore               the same store outside React (getState() in useFrame, actions)
 *   appResults             trajectory buffers and height fields, read per frame
 *   appMaps                basin and hyper-parameter map cells (appMaps.results), read per frame
 *   appPlayhead            animate-mode position: appPlayhead.stepAt(performance.now())
 */
import { useStore } from 'zustand';
import { createEngineClient, defaultHelperCount, type EngineClient } from '../worker/client.ts';
import type { Request } from '../worker/protocol.ts';
import type { WorkerLike } from '../worker/threads.ts';
import { guardCustomPanes } from './customSurface.ts';
import { connectEngine, connectSlices, engineCallbacks, fieldKey } from './engine.ts';
import { connectInspections, Inspections } from './inspections.ts';
import { Playhead } from './playhead.ts';
import { Results } from './results.ts';
import type { Setup } from './setup.ts';
import { createAppStore, type AppState, type AppStore } from './store/store.ts';
import { createMapRunner, type MapRunner } from './maps/runner.ts';

export const appPlayhead = new Playhead();
export const appResults = new Results();
/** The engine's inspections of every shown run at the timeline's step (the update inspector and the overlays read them). */
export const appInspections = new Inspections();
/** Basin and hyper-parameter maps: their cells and pool (their status is in the store's `maps`); the pool starts at the first map request. */
export const appMaps: MapRunner = createMapRunner({ fieldResults: appResults });
export const appStore: AppStore = createAppStore({ playhead: appPlayhead, maps: appMaps });

/** Select one slice of app state; re-renders only when that slice changes (use useShallow for objects built in the selector). */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}

/** What e2e tests and the console can reach as `window.__descentLab`. */
export interface DescentLabHooks {
  readonly store: AppStore;
  readonly results: Results;
  readonly playhead: Playhead;
  /** The engine's inspections at the timeline's step (the update inspector, the overlays). */
  readonly inspections: Inspections;
  readonly client: EngineClient;
  /** Kill the worker as a crash would: the app says so, restarts it and recomputes. */
  killWorker(): void;
  /** Replace the worker and re-send the setup, without a crash message. */
  restartWorker(): void;
  /** True when every run and every pane's height field of the current setup has arrived. */
  isIdle(): boolean;
  /** Basin and hyper-parameter maps: their cells and pool (their status: store.getState().maps). */
  readonly maps: MapRunner;
}

declare global {
  interface Window {
    __descentLab?: DescentLabHooks;
  }
}

export interface StartOptions {
  /** Setup to start with (a link or a restored session), already validated. */
  readonly setup?: Setup;
  /** For tests: a fake worker. */
  readonly workerFactory?: () => WorkerLike<Request>;
}

let running: { readonly client: EngineClient; readonly disconnect: () => void } | null = null;

/** Start the engine: create the worker client, connect it to the store, install the test hooks. Idempotent. */
export function startApp(options: StartOptions = {}): EngineClient {
  if (running) return running.client;
  if (options.setup) appStore.getState().replaceSetup(options.setup);
  // Large requests share their runs with helper workers (one per spare core); tests with a fake worker get none.
  const helpers = options.workerFactory ? 0 : defaultHelperCount();
  const client = createEngineClient({ results: appResults, ...engineCallbacks(appStore), workerFactory: options.workerFactory, helpers });
  // Slices first: a slice built before the engine connects is registered before the runs on it are sent.
  const disconnectSlices = connectSlices(client);
  const disconnectEngine = connectEngine(appStore, client, appResults);
  const unguard = guardCustomPanes(appStore);
  const disconnectInspections = connectInspections(appStore, client, appResults, appInspections);
  const disconnect = () => {
    disconnectInspections();
    disconnectEngine();
    disconnectSlices();
    unguard();
  };
  running = { client, disconnect };
  if (typeof window !== 'undefined') {
    window.__descentLab = {
      store: appStore,
      results: appResults,
      playhead: appPlayhead,
      inspections: appInspections,
      client,
      maps: appMaps,
      killWorker: () => client.terminateForTest(),
      restartWorker: () => client.restart(),
      isIdle: () => {
        const { setup, workerStatus } = appStore.getState();
        if (workerStatus !== 'ready') return false;
        const runsArrived = setup.runs.every((run) => {
          const result = appResults.runs.get(run.id);
          return result !== undefined && result.status !== 'computing';
        });
        return runsArrived && setup.panes.every((_, pane) => appResults.fields.has(fieldKey(pane)));
      },
    };
  }
  return client;
}

/** Stop the engine (tests, hot reload). */
export function stopApp(): void {
  if (!running) return;
  running.disconnect();
  running.client.dispose();
  running = null;
  if (typeof window !== 'undefined') delete window.__descentLab;
}
