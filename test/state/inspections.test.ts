import { describe, expect, it } from 'vitest';
import { inspectStep, surfaces, type StepInspection } from '../../src/core/index.ts';
import { connectInspections, inspectedStep, Inspections } from '../../src/state/inspections.ts';
import type { Results } from '../../src/state/results.ts';
import { createAppStore } from '../../src/state/store/store.ts';
import type { WireRunSpec } from '../../src/worker/protocol.ts';

/** Results whose every run has finished with `points` points. */
function finished(runIds: readonly string[], points: number): Results {
  return { runs: new Map(runIds.map((runId) => [runId, { runId, length: points, status: 'done' }])) } as unknown as Results;
}

describe('inspections follow the timeline', () => {
  it('inspect the last step for a cursor at (or past) a run’s last point', () => {
    expect(inspectedStep(37, 201)).toBe(37);
    expect(inspectedStep(200, 201)).toBe(199);
    expect(inspectedStep(200, 15)).toBe(13);
    expect(inspectedStep(3, 1)).toBeNull();
  });

  it("ask the engine for every visible run at the timeline's step, one batch at a time, only while something shows them", async () => {
    const store = createAppStore();
    const runIds = store.getState().setup.runs.map((run) => run.id);
    const asked: { spec: WireRunSpec; step: number; answer: (inspection: StepInspection) => void }[] = [];
    const client = { inspect: (spec: WireRunSpec, step: number) => new Promise<StepInspection>((answer) => asked.push({ spec, step, answer })) };
    const inspections = new Inspections();
    connectInspections(store, client, finished(runIds, 201), inspections);
    store.getState().seekStep(40);
    expect(asked).toHaveLength(0);
    store.getState().setInspectorOpen(true);
    expect(asked.map((request) => request.step)).toEqual(runIds.map(() => 40));
    // Moves while a batch is in flight leave only the newest step to ask next.
    store.getState().seekStep(41);
    store.getState().seekStep(42);
    expect(asked).toHaveLength(runIds.length);
    for (const request of asked.splice(0)) request.answer(inspectStep({ ...request.spec, surface: surfaces.valleys }, request.step));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(inspections.byRun.get(runIds[0])?.inspection?.step).toBe(40);
    expect(asked.map((request) => request.step)).toEqual(runIds.map(() => 42));
  });
});
