import { describe, expect, it } from 'vitest';
import { inspectStep, simulate, surfaces } from '../../../src/core/index.ts';
import { wireRunSpec } from '../../../src/state/engine.ts';
import { createAppStore } from '../../../src/state/store/store.ts';
import { batchRowsAt, modelPointAt, modelTarget, pointIndexAt } from '../../../src/ui/model/modelTarget.ts';

function regressionSetup() {
  const store = createAppStore();
  store.getState().setSurface('linear-regression', 0, true);
  const run = store.getState().setup.runs[0];
  store.getState().updateRun(run.id, { batchSize: 8 });
  return store.getState().setup;
}

describe('the Model view follows the run and the step', () => {
  it("the line drawn is the run's (w, b) at the playhead's step", () => {
    const setup = regressionSetup();
    const target = modelTarget(setup, null)!;
    expect(target.kind).toBe('regression');
    const path = simulate({ ...wireRunSpec(setup, target.run), surface: surfaces['linear-regression'] });
    const result = { x: path.x, y: path.y, length: path.length };
    for (const step of [0, 1, 7.6, 42, 150]) {
      const k = Math.floor(step);
      expect(modelPointAt(result, step)).toEqual([path.x[k], path.y[k]]);
    }
    // Instant mode shows the whole path: the last point.
    expect(modelPointAt(result, Number.POSITIVE_INFINITY)).toEqual([path.x[path.length - 1], path.y[path.length - 1]]);
    expect(modelPointAt(undefined, 3)).toBeNull();
    expect(pointIndexAt(5, 0)).toBe(-1);
  });

  it("the highlighted rows are the mini-batch the step drew", () => {
    const setup = regressionSetup();
    const target = modelTarget(setup, null)!;
    const spec = { ...wireRunSpec(setup, target.run), surface: surfaces['linear-regression'] };
    for (const step of [0, 13, 99]) {
      const rows = batchRowsAt(setup, target.run, step);
      expect(rows).toHaveLength(8);
      expect(rows).toEqual(inspectStep(spec, step).batch?.rows);
    }
    expect(batchRowsAt(setup, setup.runs[1], 5)).toEqual([]); // full batch
  });

  it('the selected run is drawn when it is on a data-driven surface; otherwise the first visible one', () => {
    const setup = regressionSetup();
    expect(modelTarget(setup, setup.runs[2].id)?.run.id).toBe(setup.runs[2].id);
    expect(modelTarget(setup, 'r999')?.run.id).toBe(setup.runs[0].id);
    const store = createAppStore();
    expect(modelTarget(store.getState().setup, null)).toBeNull();
  });
});
