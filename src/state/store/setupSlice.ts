/**
 * The setup slice: every choice a person makes, as plain data. Each action
 * produces a new `setup` object (the engine connector recomputes when the parts
 * that decide a path change) and clamps what it is given, so the store never
 * holds a value a shared link could not.
 */
import type { StateCreator } from 'zustand/vanilla';
import { MAX_APP_DATASET_SIZE, MAX_BOWL_CONDITION, MAX_PANES, MAX_RUNS, MAX_STEPS, MAX_STEPS_PER_SECOND, MIN_BOWL_CONDITION, type OptimizerId, type Point } from '../../core/index.ts';
import { defaultLr, defaultRun, nextOptimizer, optimizerParams } from '../defaults.ts';
import { RUN_PALETTE, type CameraMode, type CustomSurface, type LogHeightMode, type PlaybackMode, type RunColor, type RunConfig, type Setup } from '../setup.ts';
import { surfaceById } from '../surfaceOf.ts';
import type { AppState } from './store.ts';

type RunPatch = Partial<Omit<RunConfig, 'id'>>;

export interface SetupSlice {
  readonly setup: Setup;
  /** Set the surface of a pane (default pane 0); resets the start to the surface's suggested start when `resetStart`. */
  setSurface(surfaceId: string, pane?: number, resetStart?: boolean): void;
  /**
   * Set the user's own f(x, y) (already checked to parse) and, when `pane` is given, show it there.
   * Panes showing it get its suggested start and learning rates, as with setSurface.
   */
  setCustomSurface(custom: CustomSurface, pane?: number): void;
  setBowlCondition(condition: number): void;
  setStart(start: Point): void;
  setSteps(steps: number): void;
  setDatasetSize(size: number): void;
  /** Adds a run with the optimizer's torch defaults and the next palette color; returns its id. */
  addRun(optimizer?: OptimizerId, patch?: RunPatch): string;
  duplicateRun(runId: string): string | null;
  removeRun(runId: string): void;
  /** Patch a run. Changing `optimizer` keeps lr and fills that optimizer's defaults. */
  updateRun(runId: string, patch: RunPatch): void;
  setPaneCount(count: number): void;
  setPlaybackMode(mode: PlaybackMode): void;
  setStepsPerSecond(stepsPerSecond: number): void;
  setCamera(camera: CameraMode): void;
  setLogHeight(mode: LogHeightMode): void;
  setOverlay(name: keyof Setup['view']['overlays'], on: boolean): void;
  /** Replace the whole setup (scenario, shared link, restored session). Already validated. */
  replaceSetup(setup: Setup): void;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** A whole number in [min, max], or null when not a finite number. */
function whole(value: number, min: number, max: number): number | null {
  return Number.isFinite(value) ? clamp(Math.round(value), min, max) : null;
}

/** The next free id: r1, r2, … */
export function nextRunId(runs: readonly RunConfig[]): string {
  let highest = 0;
  for (const run of runs) {
    const n = Number(run.id.slice(1));
    if (Number.isInteger(n) && n > highest) highest = n;
  }
  return `r${highest + 1}`;
}

/** The first palette color no run uses; when all are used, cycle by count. */
export function nextColor(runs: readonly RunConfig[]): RunColor {
  const used = new Set<string>(runs.map((run) => run.color));
  return RUN_PALETTE.find((color) => !used.has(color)) ?? RUN_PALETTE[runs.length % RUN_PALETTE.length];
}

/** Drop patch keys whose value is undefined, so `{ lr: undefined }` never erases a field. */
function defined(patch: RunPatch): RunPatch {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as RunPatch;
}

export function createSetupSlice(initial: Setup): StateCreator<AppState, [], [], SetupSlice> {
  return (set, get) => {
    const setSetup = (next: (setup: Setup) => Setup): void => {
      const previous = get().setup;
      const setup = next(previous);
      if (setup !== previous) set({ setup });
    };
    const mapRuns = (setup: Setup, runId: string, fn: (run: RunConfig) => RunConfig): Setup => {
      const index = setup.runs.findIndex((run) => run.id === runId);
      if (index < 0) return setup;
      const updated = fn(setup.runs[index]);
      if (updated === setup.runs[index]) return setup;
      const runs = setup.runs.slice();
      runs[index] = updated;
      return { ...setup, runs };
    };

    return {
      setup: initial,

      setSurface(surfaceId, pane = 0, resetStart = true) {
        setSetup((setup) => {
          if (pane < 0 || pane >= setup.panes.length) return setup;
          const panes = setup.panes.map((config, index) => (index === pane ? { surface: surfaceId } : config));
          const changed = { ...setup, panes };
          if (!resetStart) return changed;
          const surface = surfaceById(surfaceId, setup);
          if (!surface) return changed;
          // A fresh start on the new landscape: its suggested start, and learning rates that suit it.
          const runs = setup.runs.map((run) => (run.pane === pane ? { ...run, start: null, lr: defaultLr(run.optimizer, surface) } : run));
          return { ...changed, start: pane === 0 ? surface.suggestedStart : setup.start, runs };
        });
      },

      setCustomSurface(custom, pane) {
        setSetup((setup) => {
          if (pane !== undefined && (pane < 0 || pane >= setup.panes.length)) return setup;
          const { x, y } = custom.domain;
          const next = { expression: custom.expression, domain: { x: [x[0], x[1]], y: [y[0], y[1]] } } as const;
          const panes = setup.panes.map((config, index) => (index === pane ? { surface: 'custom' } : config));
          const changed: Setup = { ...setup, custom: next, panes };
          // Null while the parser has not loaded (callers load it first): then only the text changes.
          const surface = surfaceById('custom', changed);
          if (!surface) return changed;
          const showing = (index: number) => panes[index]?.surface === 'custom';
          const runs = setup.runs.map((run) => (showing(run.pane) ? { ...run, start: null, lr: defaultLr(run.optimizer, surface) } : run));
          return { ...changed, start: showing(0) ? surface.suggestedStart : setup.start, runs };
        });
      },

      setBowlCondition(condition) {
        if (!Number.isFinite(condition)) return;
        setSetup((setup) => ({ ...setup, bowlCondition: clamp(condition, MIN_BOWL_CONDITION, MAX_BOWL_CONDITION) }));
      },

      setStart(start) {
        if (!Number.isFinite(start[0]) || !Number.isFinite(start[1])) return;
        setSetup((setup) => ({ ...setup, start: [start[0], start[1]] }));
      },

      setSteps(steps) {
        const value = whole(steps, 1, MAX_STEPS);
        if (value === null) return;
        setSetup((setup) => (setup.steps === value ? setup : { ...setup, steps: value }));
      },

      setDatasetSize(size) {
        const value = whole(size, 1, MAX_APP_DATASET_SIZE);
        if (value === null) return;
        setSetup((setup) => {
          if (setup.datasetSize === value) return setup;
          // Full-batch runs stay full batch; mini-batches never exceed the new N.
          const runs = setup.runs.map((run) => {
            const batchSize = run.batchSize >= setup.datasetSize ? value : Math.min(run.batchSize, value);
            return batchSize === run.batchSize ? run : { ...run, batchSize };
          });
          return { ...setup, datasetSize: value, runs };
        });
      },

      addRun(optimizer, patch = {}) {
        const { setup } = get();
        if (setup.runs.length >= MAX_RUNS) {
          get().pushNotice('warning', `A setup holds at most ${MAX_RUNS} runs; remove one to add another.`);
          return '';
        }
        const chosen: OptimizerId = optimizer ?? nextOptimizer(setup.runs.map((run) => run.optimizer));
        const pane = patch.pane ?? 0;
        const surface = surfaceById(setup.panes[pane]?.surface ?? setup.panes[0].surface, setup);
        const base = defaultRun(chosen, setup.runs.length, { surface: surface ?? undefined, datasetSize: setup.datasetSize });
        const id = nextRunId(setup.runs);
        const run: RunConfig = { ...base, ...defined(patch), id, color: patch.color ?? nextColor(setup.runs) };
        set({ setup: { ...setup, runs: [...setup.runs, run] } });
        return id;
      },

      duplicateRun(runId) {
        const { setup } = get();
        const source = setup.runs.find((run) => run.id === runId);
        if (!source) return null;
        if (setup.runs.length >= MAX_RUNS) {
          get().pushNotice('warning', `A setup holds at most ${MAX_RUNS} runs; remove one to duplicate another.`);
          return null;
        }
        const id = nextRunId(setup.runs);
        const copy: RunConfig = { ...source, id, color: nextColor(setup.runs), visible: true };
        const index = setup.runs.indexOf(source);
        const runs = [...setup.runs.slice(0, index + 1), copy, ...setup.runs.slice(index + 1)];
        set({ setup: { ...setup, runs } });
        return id;
      },

      removeRun(runId) {
        setSetup((setup) => {
          const runs = setup.runs.filter((run) => run.id !== runId);
          return runs.length === setup.runs.length ? setup : { ...setup, runs };
        });
        if (get().selectedRunId === runId) set({ selectedRunId: null });
      },

      updateRun(runId, patch) {
        setSetup((setup) =>
          mapRuns(setup, runId, (run) => {
            const clean = defined(patch);
            const same = (Object.keys(clean) as (keyof RunPatch)[]).every((key) => Object.is(clean[key], run[key]));
            if (same) return run;
            if (clean.optimizer !== undefined && clean.optimizer !== run.optimizer) {
              // Switching optimizer keeps lr (and anything patched) and fills that optimizer's own defaults.
              return { ...run, ...optimizerParams(clean.optimizer), lr: run.lr, ...clean };
            }
            const next = { ...run, ...clean };
            return {
              ...next,
              batchSize: clamp(Math.round(next.batchSize), 1, setup.datasetSize),
              pane: clamp(Math.round(next.pane), 0, setup.panes.length - 1),
            };
          }),
        );
      },

      setPaneCount(count) {
        const value = whole(count, 1, MAX_PANES);
        if (value === null) return;
        setSetup((setup) => {
          if (value === setup.panes.length) return setup;
          const last = setup.panes[setup.panes.length - 1];
          const panes = Array.from({ length: value }, (_, index) => setup.panes[index] ?? last);
          // Runs of a removed pane move to the main one.
          const runs = setup.runs.map((run) => (run.pane < value ? run : { ...run, pane: 0 }));
          return { ...setup, panes, runs };
        });
      },

      setPlaybackMode(mode) {
        setSetup((setup) => (setup.playback.mode === mode ? setup : { ...setup, playback: { ...setup.playback, mode } }));
      },

      setStepsPerSecond(stepsPerSecond) {
        if (!Number.isFinite(stepsPerSecond)) return;
        const value = clamp(stepsPerSecond, 1, MAX_STEPS_PER_SECOND);
        setSetup((setup) => (setup.playback.stepsPerSecond === value ? setup : { ...setup, playback: { ...setup.playback, stepsPerSecond: value } }));
      },

      setCamera(camera) {
        setSetup((setup) => (setup.view.camera === camera ? setup : { ...setup, view: { ...setup.view, camera } }));
      },

      setLogHeight(logHeight) {
        setSetup((setup) => (setup.view.logHeight === logHeight ? setup : { ...setup, view: { ...setup.view, logHeight } }));
      },

      setOverlay(name, on) {
        setSetup((setup) =>
          setup.view.overlays[name] === on ? setup : { ...setup, view: { ...setup.view, overlays: { ...setup.view.overlays, [name]: on } } },
        );
      },

      replaceSetup(setup) {
        const { selectedRunId } = get();
        set({ setup, selectedRunId: setup.runs.some((run) => run.id === selectedRunId) ? selectedRunId : null });
      },
    };
  };
}
