/**
 * The setup slice: every choice a person makes, as plain data. Each action
 * produces a new `setup` object (the engine connector recomputes when the parts
 * that decide a path change) and clamps what it is given with the setup schema's
 * own rules (repair.ts's conform), so the store never holds a value a shared
 * link could not: a number past a bound is clamped, anything the schema refuses
 * (NaN, an unknown optimizer, a color outside the palette) leaves the field as it was.
 */
import * as v from 'valibot';
import type { StateCreator } from 'zustand/vanilla';
import { isOptimizerId, MAX_PANES, MAX_RUNS, type OptimizerId, type Point } from '../../core/index.ts';
import { defaultRun, nextOptimizer, optimizerParams } from '../defaults.ts';
import { conform } from '../repair.ts';
import {
  CameraModeSchema,
  ChartXAxisSchema,
  LogHeightModeSchema,
  PlaybackModeSchema,
  PointSchema,
  RUN_PALETTE,
  RunSchema,
  SetupSchema,
  type CameraMode,
  type ChartXAxis,
  type CustomSurface,
  type LogHeightMode,
  type PlaybackMode,
  type RunColor,
  type RunConfig,
  type Setup,
} from '../setup.ts';
import { surfaceById } from '../surfaceOf.ts';
import { clampIntoDomain, paneStart, startBox } from '../startDomain.ts';
import type { AppState } from './store.ts';
import { createSurfaceActions } from './surfaceActions.ts';

type RunPatch = Partial<Omit<RunConfig, 'id'>>;

export interface SetupSlice {
  readonly setup: Setup;
  /**
   * Show a surface in a pane (default pane 0). With `carry` (a person's choice), the settings are kept and
   * clamped only where the new surface needs it (surfaceChange.ts), and a notice names what changed, with an
   * undo; without it only the surface changes. Unknown ids are ignored.
   */
  setSurface(surfaceId: string, pane?: number, carry?: boolean): void;
  /**
   * Set the user's own f(x, y) (already checked to parse) and, when `pane` is given, show it there.
   * The panes showing it keep their settings as with setSurface (a notice when one had to change, or when `pane` is given).
   * Domain bounds are clamped to ±MAX_COORDINATE; a text too long or a range that is not increasing is ignored.
   */
  setCustomSurface(custom: CustomSurface, pane?: number): void;
  /** The last surface change a notice offers to undo: the setup before it and the one it made. */
  readonly surfaceUndo: { readonly noticeId: number; readonly before: Setup; readonly after: Setup } | null;
  /** Put back the setup from before the last surface change, if nothing changed since. */
  undoSurfaceChange(): void;
  setBowlCondition(condition: number): void;
  setStart(start: Point): void;
  setSteps(steps: number): void;
  setDatasetSize(size: number): void;
  /** Adds a run with the optimizer's torch defaults and the next palette color, then `patch` (clamped); returns its id. */
  addRun(optimizer?: OptimizerId, patch?: RunPatch): string;
  duplicateRun(runId: string): string | null;
  removeRun(runId: string): void;
  /** Patch a run (clamped). Changing `optimizer` keeps lr and fills that optimizer's defaults. */
  updateRun(runId: string, patch: RunPatch): void;
  setPaneCount(count: number): void;
  setPlaybackMode(mode: PlaybackMode): void;
  setStepsPerSecond(stepsPerSecond: number): void;
  setCamera(camera: CameraMode): void;
  setLogHeight(mode: LogHeightMode): void;
  setOverlay(name: keyof Setup['view']['overlays'], on: boolean): void;
  setChartX(axis: ChartXAxis): void;
  /** Replace the whole setup (lesson, shared link, restored session). Already validated. */
  replaceSetup(setup: Setup): void;
}

const FIELDS = SetupSchema.entries;

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

/** `candidate` as the schema allows it (`previous` supplies what cannot be clamped), its batch within N and its pane among the panes. */
function clampRun(candidate: RunConfig, previous: RunConfig, setup: Setup): RunConfig {
  const run = conform(RunSchema, candidate, previous);
  const batchSize = Math.min(run.batchSize, setup.datasetSize);
  const pane = Math.min(run.pane, setup.panes.length - 1);
  // A run's own start lies in its pane's plot.
  const start = run.start === null ? null : paneStart(setup, pane, run.start);
  return batchSize === run.batchSize && pane === run.pane && start === run.start ? run : { ...run, batchSize, pane, start };
}

function sameRun(a: RunConfig, b: RunConfig): boolean {
  return (Object.keys(a) as (keyof RunConfig)[]).every((key) => Object.is(a[key], b[key]) || JSON.stringify(a[key]) === JSON.stringify(b[key]));
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
    /** A number of the setup through its schema: clamped, or left as it was when it is no number at all. */
    const setNumber = (key: 'bowlCondition' | 'steps' | 'datasetSize', value: number, apply: (setup: Setup, value: number) => Setup) =>
      setSetup((setup) => {
        const clamped = conform(FIELDS[key], value, setup[key]);
        return clamped === setup[key] ? setup : apply(setup, clamped);
      });

    return {
      setup: initial,

      ...createSurfaceActions(set, get),

      setBowlCondition(condition) {
        setNumber('bowlCondition', condition, (setup, bowlCondition) => ({ ...setup, bowlCondition }));
      },

      setStart(start) {
        setSetup((setup) => {
          // Inside some pane's plot (each pane then keeps its runs' start inside its own: startDomain.ts).
          const box = startBox(setup);
          const conformed = conform(PointSchema, start, setup.start);
          const next = box ? clampIntoDomain(conformed, box) : conformed;
          return next[0] === setup.start[0] && next[1] === setup.start[1] ? setup : { ...setup, start: next };
        });
      },

      setSteps(steps) {
        setNumber('steps', steps, (setup, value) => ({ ...setup, steps: value }));
      },

      setDatasetSize(size) {
        setNumber('datasetSize', size, (setup, value) => {
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
        const chosen: OptimizerId = isOptimizerId(optimizer) ? optimizer : nextOptimizer(setup.runs.map((run) => run.optimizer));
        const clean = defined(patch);
        const pane = typeof clean.pane === 'number' && setup.panes[clean.pane] ? clean.pane : 0;
        const surface = surfaceById(setup.panes[pane].surface, setup);
        const base = { ...defaultRun(chosen, setup.runs.length, { surface: surface ?? undefined, datasetSize: setup.datasetSize }), id: nextRunId(setup.runs), color: nextColor(setup.runs) };
        const run = clampRun({ ...base, ...clean, optimizer: chosen, id: base.id }, base, setup);
        set({ setup: { ...setup, runs: [...setup.runs, run] } });
        return run.id;
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
            // Switching optimizer keeps lr (and anything patched) and fills that optimizer's own defaults.
            const switching = isOptimizerId(clean.optimizer) && clean.optimizer !== run.optimizer;
            const base = switching ? { ...run, ...optimizerParams(clean.optimizer as OptimizerId) } : run;
            const next = clampRun({ ...base, ...clean, id: run.id }, base, setup);
            return sameRun(next, run) ? run : next;
          }),
        );
      },

      setPaneCount(count) {
        if (!Number.isFinite(count)) return;
        const value = Math.min(MAX_PANES, Math.max(1, Math.round(count)));
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
        if (!v.is(PlaybackModeSchema, mode)) return;
        setSetup((setup) => (setup.playback.mode === mode ? setup : { ...setup, playback: { ...setup.playback, mode } }));
      },

      setStepsPerSecond(stepsPerSecond) {
        setSetup((setup) => {
          const value = conform(FIELDS.playback.entries.stepsPerSecond, stepsPerSecond, setup.playback.stepsPerSecond);
          return setup.playback.stepsPerSecond === value ? setup : { ...setup, playback: { ...setup.playback, stepsPerSecond: value } };
        });
      },

      setCamera(camera) {
        if (!v.is(CameraModeSchema, camera)) return;
        setSetup((setup) => (setup.view.camera === camera ? setup : { ...setup, view: { ...setup.view, camera } }));
      },

      setLogHeight(logHeight) {
        if (!v.is(LogHeightModeSchema, logHeight)) return;
        setSetup((setup) => (setup.view.logHeight === logHeight ? setup : { ...setup, view: { ...setup.view, logHeight } }));
      },

      setChartX(chartX) {
        if (!v.is(ChartXAxisSchema, chartX)) return;
        setSetup((setup) => (setup.view.chartX === chartX ? setup : { ...setup, view: { ...setup.view, chartX } }));
      },

      setOverlay(name, on) {
        if (!Object.hasOwn(FIELDS.view.entries.overlays.entries, name) || typeof on !== 'boolean') return;
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
