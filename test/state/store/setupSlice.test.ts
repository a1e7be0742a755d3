/**
 * The setup slice: run actions, and every action's clamping, so the store never
 * holds a setup a link could not carry.
 */
import { describe, expect, it } from 'vitest';
import { HYPER_PARAMETERS, LR_LIMITS, MAX_APP_DATASET_SIZE, MAX_BOWL_CONDITION, MAX_COORDINATE, MAX_NOISE, MAX_SEED, MAX_STEPS, MAX_STEPS_PER_SECOND, optimizerDefaults } from '../../../src/core/index.ts';
import { createRandom } from '../../../src/core/random.ts';
import { isValidSetup } from '../../../src/state/repair.ts';
import { RUN_PALETTE, type CustomSurface, type RunConfig } from '../../../src/state/setup.ts';
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

describe('every action clamps what it is given', () => {
  const firstRun = (store: ReturnType<typeof createAppStore>) => store.getState().setup.runs[0];

  it('updateRun clamps the learning rate to what a link may hold, and ignores one that is no number', () => {
    const store = createAppStore();
    const { id } = firstRun(store);
    store.getState().updateRun(id, { lr: 1e9 });
    expect(firstRun(store).lr).toBe(LR_LIMITS[1]);
    store.getState().updateRun(id, { lr: -3 });
    expect(firstRun(store).lr).toBe(LR_LIMITS[0]);
    store.getState().updateRun(id, { lr: 0.02 });
    store.getState().updateRun(id, { lr: Number.NaN });
    expect(firstRun(store).lr).toBe(0.02);
  });

  it('updateRun clamps hyper-parameters to their controls’ range, noise, seed and an own start (into its pane’s plot)', () => {
    const store = createAppStore();
    const { id } = firstRun(store);
    store.getState().updateRun(id, { momentum: 5, eps: 0, noise: 1e6, seed: -2.6, start: [1e9, -1e9] });
    const run = firstRun(store);
    expect(run.momentum).toBe(HYPER_PARAMETERS.momentum.control.max);
    expect(run.eps).toBe(HYPER_PARAMETERS.eps.control.min);
    expect(run.noise).toBe(MAX_NOISE);
    expect(run.seed).toBe(0);
    // Valleys' plot is [−4, 4]²: the nearest point to (10⁹, −10⁹) is its corner.
    expect(run.start).toEqual([4, -4]);
    store.getState().updateRun(id, { seed: 2 ** 40 });
    expect(firstRun(store).seed).toBe(MAX_SEED);
  });

  it('switching optimizer clamps what comes with it, and keeps lr within range', () => {
    const store = createAppStore();
    const { id } = firstRun(store);
    store.getState().updateRun(id, { optimizer: 'adam', lr: 500, beta1: 2 });
    const run = firstRun(store);
    expect(run.optimizer).toBe('adam');
    expect(run.lr).toBe(LR_LIMITS[1]);
    expect(run.beta1).toBe(HYPER_PARAMETERS.beta1.control.max);
    expect(run.beta2).toBe(optimizerDefaults('adam').beta2);
  });

  it('refuses what no clamp can mend: an unknown optimizer, a color outside the palette, a schedule that is no schedule', () => {
    const store = createAppStore();
    const before = firstRun(store);
    store.getState().updateRun(before.id, { optimizer: 'constructor' as RunConfig['optimizer'] });
    store.getState().updateRun(before.id, { color: 'red' as RunConfig['color'] });
    store.getState().updateRun(before.id, { schedule: { type: 'nope' } as unknown as RunConfig['schedule'] });
    expect(firstRun(store)).toBe(before);
  });

  it('addRun clamps its patch the same way', () => {
    const store = createAppStore();
    const id = store.getState().addRun('momentum', { lr: 1e9, momentum: -1, batchSize: 1e9, pane: 7 });
    const run = store.getState().setup.runs.find((candidate) => candidate.id === id)!;
    expect(run.lr).toBe(LR_LIMITS[1]);
    expect(run.momentum).toBe(0);
    expect(run.batchSize).toBe(store.getState().setup.datasetSize);
    expect(run.pane).toBe(0);
  });

  it('setup-level setters clamp to core’s limits, and an unknown surface is ignored', () => {
    const store = createAppStore();
    const state = store.getState();
    state.setStart([1e9, Number.NaN]);
    // Into the plot (Valleys, [−4, 4]²); NaN leaves y as it was.
    expect(store.getState().setup.start).toEqual([4, state.setup.start[1]]);
    state.setSteps(1e9);
    expect(store.getState().setup.steps).toBe(MAX_STEPS);
    state.setDatasetSize(1e9);
    expect(store.getState().setup.datasetSize).toBe(MAX_APP_DATASET_SIZE);
    state.setBowlCondition(1e9);
    expect(store.getState().setup.bowlCondition).toBe(MAX_BOWL_CONDITION);
    state.setStepsPerSecond(1e9);
    expect(store.getState().setup.playback.stepsPerSecond).toBe(MAX_STEPS_PER_SECOND);
    const panes = store.getState().setup.panes;
    state.setSurface('atlantis');
    expect(store.getState().setup.panes).toBe(panes);
  });

  it('setCustomSurface brings its domain within ±MAX_COORDINATE, and ignores a range that is not increasing', () => {
    const store = createAppStore();
    const wide: CustomSurface = { expression: 'x^2 + y^2', domain: { x: [-1e6, 1e6], y: [-1, 1] } };
    store.getState().setCustomSurface(wide);
    expect(store.getState().setup.custom?.domain.x).toEqual([-MAX_COORDINATE, MAX_COORDINATE]);
    store.getState().setCustomSurface({ expression: 'x', domain: { x: [1, -1], y: [-1, 1] } });
    expect(store.getState().setup.custom?.expression).toBe('x^2 + y^2');
  });

  it('after any sequence of hostile actions the setup is one a link could carry', () => {
    const random = createRandom(20261202);
    const hostile = [Number.NaN, Infinity, -Infinity, -1e12, 1e12, -1, 0, 0.5, 2.5, 1e-300];
    const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const store = createAppStore();
    const actions: ((value: number) => void)[] = [
      (value) => store.getState().updateRun(pick(store.getState().setup.runs).id, { [pick(['lr', 'momentum', 'alpha', 'beta1', 'beta2', 'eps', 'noise', 'seed', 'batchSize', 'pane'])]: value }),
      (value) => store.getState().updateRun(pick(store.getState().setup.runs).id, { optimizer: pick(['sgd', 'adam', 'rmsprop']), lr: value }),
      (value) => store.getState().updateRun(pick(store.getState().setup.runs).id, { start: [value, pick(hostile)] }),
      (value) => store.getState().setStart([value, pick(hostile)]),
      (value) => store.getState().setSteps(value),
      (value) => store.getState().setDatasetSize(value),
      (value) => store.getState().setBowlCondition(value),
      (value) => store.getState().setStepsPerSecond(value),
      (value) => store.getState().setPaneCount(value),
      (value) => store.getState().addRun(undefined, { lr: value, noise: pick(hostile) }),
    ];
    for (let i = 0; i < 2000; i++) {
      if (store.getState().setup.runs.length === 0) store.getState().addRun('sgd');
      pick(actions)(pick(hostile));
      if (store.getState().setup.runs.length >= 12) store.getState().removeRun(store.getState().setup.runs[0].id);
      expect(isValidSetup(store.getState().setup), `after action ${i}`).toBe(true);
    }
  });
});
