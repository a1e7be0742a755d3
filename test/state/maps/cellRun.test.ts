import { describe, expect, it } from 'vitest';
import { describeOutcome, hyperMap, simulate, surfaces } from '../../../src/core/index.ts';
import { wireRunSpec } from '../../../src/state/engine.ts';
import { cellOutcome, cellRun, cellRunConfig } from '../../../src/state/maps/cellRun.ts';
import { hyperJobFor } from '../../../src/state/maps/jobs.ts';
import type { HyperData } from '../../../src/state/maps/types.ts';
import { createAppStore } from '../../../src/state/store/store.ts';
import { describeCell } from '../../../src/ui/maps/hyperMapDraw.ts';

/** A store on Himmelblau (four minima) with one momentum run, and its hyper map computed in-thread. */
function himmelblau() {
  const store = createAppStore();
  store.getState().setSurface('himmelblau');
  store.getState().setSteps(400);
  const sourceId = store.getState().addRun('momentum');
  const setup = store.getState().setup;
  const source = setup.runs.find((run) => run.id === sourceId)!;
  const made = hyperJobFor(setup, source);
  if ('error' in made) throw new Error(made.error);
  const { surface: _ref, ...wire } = made.job.spec;
  const cells = hyperMap({ ...wire, surface: surfaces.himmelblau });
  const data: HyperData = {
    kind: 'hyper',
    spec: made.job.spec,
    sourceOptimizer: 'momentum',
    runId: sourceId,
    outcome: cells.outcome,
    stepsToTolerance: cells.stepsToTolerance,
    finalLoss: cells.finalLoss,
    bestLoss: made.bestLoss,
    startLoss: made.startLoss,
    filled: new Uint8Array(cells.outcome.length).fill(1),
  };
  return { store, data };
}

/** The label core gives the run a store holds (what the runs legend shows). */
function labelOf(store: ReturnType<typeof createAppStore>, runId: string): string {
  const setup = store.getState().setup;
  const run = setup.runs.find((r) => r.id === runId)!;
  return describeOutcome(simulate({ ...wireRunSpec(setup, run), surface: surfaces.himmelblau }), surfaces.himmelblau).text;
}

describe('a hyper map cell and the run a click on it adds', () => {
  it('the read-out says what the added run is labelled, cell after cell', () => {
    const { store, data } = himmelblau();
    const setup = store.getState().setup;
    let disagreedBefore = 0;
    for (const [column, row] of [[10, 40], [20, 54], [30, 60], [40, 20], [45, 55], [50, 62], [55, 30], [60, 10]] as const) {
      const before = store.getState().setup;
      const expected = cellRunConfig(before, data, column, row)!;
      const { optimizer, patch } = cellRun(before, data, column, row);
      const added = store.getState().addRun(optimizer, patch);
      const run = store.getState().setup.runs.find((r) => r.id === added)!;
      // The hover's run is the run the store adds (only id and colour are the store's to choose).
      expect({ ...run, id: '', color: '' }).toEqual({ ...expected, id: '', color: '' });
      const outcome = cellOutcome(setup, data, column, row)!;
      const label = labelOf(store, added);
      expect(outcome.text).toBe(label);
      const hover = describeCell(data, column, row, outcome);
      expect(hover).toContain(`: ${label}`);
      // The map's own words (steps to a tolerance within the map's steps) are not the run's label.
      if (!describeCell(data, column, row).includes(label)) disagreedBefore++;
      store.getState().removeRun(added);
    }
    expect(disagreedBefore).toBeGreaterThan(0);
  });
});
