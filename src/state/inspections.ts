/**
 * The update inspector's answers, kept outside the store (like Results): every
 * visible run inspected by the engine at the timeline's step, while the inspector
 * is open or an overlay is shown. The inspector panel subscribes; the scene's
 * overlays read `byRun` each frame and compare `version`.
 *
 * Requests are coalesced: one batch (every run at one step) is in flight at a
 * time; moves of the timeline meanwhile leave only the newest step to ask next,
 * so dragging the timeline never builds a queue in the worker.
 */
import type { StepInspection } from '../core/index.ts';
import type { EngineClient } from '../worker/client.ts';
import { wireRunSpec } from './engine.ts';
import type { Results } from './results.ts';
import type { Setup } from './setup.ts';
import type { AppState, AppStore } from './store/store.ts';

/** One run's answer: the step asked for on the timeline, and the engine's inspection (or why there is none). */
export interface RunInspection {
  /** The timeline step shown; the inspection is of step min(timelineStep, last point − 1). */
  readonly timelineStep: number;
  readonly inspection: StepInspection | null;
  readonly message: string | null;
}

type Listener = () => void;

export class Inspections {
  readonly byRun = new Map<string, RunInspection>();
  /** Increments whenever `byRun` changes. */
  version = 0;
  private readonly listeners = new Set<Listener>();

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /** Replace every answer at once (one batch). */
  replace(answers: ReadonlyMap<string, RunInspection>): void {
    this.byRun.clear();
    for (const [runId, answer] of answers) this.byRun.set(runId, answer);
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

/** The step whose update is inspected for timeline step `step` on a run of `points` points, or null when it has no step. */
export function inspectedStep(step: number, points: number): number | null {
  if (points < 2) return null;
  return Math.max(0, Math.min(step, points - 2));
}

/** Which runs to inspect: the visible ones and the selected one; none while nothing shows the answers. */
function wanted(state: AppState): readonly string[] {
  const { overlays } = state.setup.view;
  if (!state.inspectorOpen && !overlays.gradient && !overlays.velocity && !overlays.effectiveStep) return [];
  return state.setup.runs.filter((run) => run.visible || run.id === state.selectedRunId).map((run) => run.id);
}

/** Keep `inspections` answering for the store's timeline step; returns the unsubscribe. */
export function connectInspections(store: AppStore, client: Pick<EngineClient, 'inspect'>, results: Results, inspections: Inspections): () => void {
  let inFlight = false;
  let dirty = false;
  let lastKey = '';

  const ask = (): void => {
    const state = store.getState();
    const setup: Setup = state.setup;
    const step = state.timelineStep;
    const runIds = wanted(state);
    const plan = runIds.map((runId) => {
      const run = setup.runs.find((candidate) => candidate.id === runId);
      const result = results.runs.get(runId);
      const ready = result !== undefined && result.status !== 'computing' && result.status !== 'error';
      return { runId, run, t: ready && run ? inspectedStep(step, result.length) : null };
    });
    const key = JSON.stringify([step, plan.map((entry) => [entry.runId, entry.t, entry.run ? wireRunSpec(setup, entry.run) : null])]);
    if (key === lastKey) return;
    lastKey = key;
    const answers = new Map<string, RunInspection>();
    const toAsk = plan.filter((entry) => entry.run !== undefined && entry.t !== null);
    if (toAsk.length === 0) {
      inspections.replace(answers);
      return;
    }
    inFlight = true;
    const asked = toAsk.map(async ({ runId, run, t }) => {
      if (!run || t === null) return;
      try {
        answers.set(runId, { timelineStep: step, inspection: await client.inspect(wireRunSpec(setup, run), t), message: null });
      } catch (error) {
        answers.set(runId, { timelineStep: step, inspection: null, message: error instanceof Error ? error.message : String(error) });
      }
    });
    void Promise.all(asked).then(() => {
      inFlight = false;
      inspections.replace(answers);
      if (dirty) {
        dirty = false;
        ask();
      }
    });
  };

  const request = (): void => {
    if (inFlight) dirty = true;
    else ask();
  };

  request();
  return store.subscribe((state, previous) => {
    if (
      state.timelineStep !== previous.timelineStep ||
      state.setup !== previous.setup ||
      state.resultsVersion !== previous.resultsVersion ||
      state.inspectorOpen !== previous.inspectorOpen ||
      state.selectedRunId !== previous.selectedRunId
    ) {
      request();
    }
  });
}
