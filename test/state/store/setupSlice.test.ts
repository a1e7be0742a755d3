/**
 * The setup slice: run actions.
 */
import { describe, expect, it } from 'vitest';
import { optimizerDefaults } from '../../../src/core/index.ts';
import { RUN_PALETTE } from '../../../src/state/setup.ts';
import { createAppStore } from '../../../src/state/store/store.ts';

describe('runs', () => {
  it('adds a run with the next id, the next unused color and the optimizer defaults', () => {
    const store = createAppStore();
    const before = store.getState().setup.runs;
    const id = store.getState().addRun('rmsprop');
    const runs = store.getState().setup.runs;
    expect(runs).toHaveLength(before.length + 1);
    const added = runs.at(-1)!;
    expect(added.id).toBe(id);
    expect(new Set(runs.map((run) => run.id)).size).toBe(runs.length);
    expect(before.map((run) => run.color)).not.toContain(added.color);
    expect(added.color).toBe(RUN_PALETTE[before.length]);
    expect(added.optimizer).toBe('rmsprop');
    expect(added.alpha).toBe(optimizerDefaults('rmsprop').alpha);
    expect(added.batchSize).toBe(store.getState().setup.datasetSize);
    expect(added.visible).toBe(true);
  });

  it('duplicates a run: a new id and the next color, every parameter the same, placed after the original', () => {
    const store = createAppStore();
    const source = store.getState().setup.runs[0];
    store.getState().updateRun(source.id, { lr: 0.0123, seed: 7 });
    const copyId = store.getState().duplicateRun(source.id);
    const { runs } = store.getState().setup;
    const original = runs[0];
    const copy = runs[1];
    expect(copy.id).toBe(copyId);
    expect(copy.id).not.toBe(original.id);
    expect(runs.filter((run) => run.color === copy.color)).toHaveLength(1);
    const { id: _a, color: _b, ...copyParams } = copy;
    const { id: _c, color: _d, ...originalParams } = original;
    expect(copyParams).toEqual(originalParams);
    expect(copy.lr).toBe(0.0123);
    expect(store.getState().duplicateRun('nope')).toBeNull();
  });

  it('removes a run and clears its selection', () => {
    const store = createAppStore();
    const [first, second] = store.getState().setup.runs;
    store.getState().selectRun(second.id);
    store.getState().removeRun(second.id);
    expect(store.getState().setup.runs.map((run) => run.id)).not.toContain(second.id);
    expect(store.getState().setup.runs[0]).toBe(first);
    expect(store.getState().selectedRunId).toBeNull();
  });

  it('switching optimizer keeps lr and fills the new optimizer defaults', () => {
    const store = createAppStore();
    const run = store.getState().setup.runs[0];
    store.getState().updateRun(run.id, { lr: 0.042 });
    store.getState().updateRun(run.id, { optimizer: 'adam' });
    const updated = store.getState().setup.runs[0];
    expect(updated.optimizer).toBe('adam');
    expect(updated.lr).toBe(0.042);
    expect(updated.beta1).toBe(optimizerDefaults('adam').beta1);
    expect(updated.beta2).toBe(optimizerDefaults('adam').beta2);
    expect(updated.eps).toBe(optimizerDefaults('adam').eps);
  });

  it('keeps full-batch runs full batch when N changes and clamps mini-batches', () => {
    const store = createAppStore();
    const [a, b] = store.getState().setup.runs;
    store.getState().setDatasetSize(256);
    store.getState().updateRun(b.id, { batchSize: 100 });
    store.getState().setDatasetSize(64);
    const runs = store.getState().setup.runs;
    expect(runs.find((run) => run.id === a.id)!.batchSize).toBe(64);
    expect(runs.find((run) => run.id === b.id)!.batchSize).toBe(64);
    store.getState().setDatasetSize(512);
    expect(store.getState().setup.runs.find((run) => run.id === a.id)!.batchSize).toBe(512);
  });

  it('refuses a 17th run with a notice', () => {
    const store = createAppStore();
    while (store.getState().setup.runs.length < 16) store.getState().addRun('sgd');
    expect(store.getState().addRun('sgd')).toBe('');
    expect(store.getState().setup.runs).toHaveLength(16);
    expect(store.getState().notices.at(-1)?.text).toMatch(/at most 16 runs/);
  });
});
