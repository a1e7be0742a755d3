import { describe, expect, it } from 'vitest';
import { heightField, makeNeuralNetSlice, neuralNetSliceFromParts, sliceParts } from '../../../src/core/index.ts';
import { fieldKey } from '../../../src/state/engine.ts';
import { createMapRunner } from '../../../src/state/maps/runner.ts';
import { createSliceBuilder, SLICE_FIELD_RESOLUTION } from '../../../src/state/maps/sliceBuilder.ts';
import type { MapPool } from '../../../src/worker/poolTypes.ts';
import { builtSlice, neuralNetIdOf } from '../../../src/state/maps/sliceCache.ts';
import { Results } from '../../../src/state/results.ts';
import { createAppStore } from '../../../src/state/store/store.ts';
import { surfaceById } from '../../../src/state/surfaceOf.ts';

const until = async (condition: () => boolean, ms = 120_000) => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('neural-net slices built on the pool', () => {
  it('a slice rebuilt from its parts is the built slice, loss for loss, without training', () => {
    const slice = makeNeuralNetSlice({ dataset: 'moons', seed: 3, hidden: 4 });
    const again = neuralNetSliceFromParts(structuredClone(sliceParts(slice)));
    for (const [x, y] of [[0, 0], [0.3, -1.2], [1.7, 0.4]]) expect(again.loss(x, y)).toBe(slice.loss(x, y));
    expect(again.minima).toEqual(slice.minima);
    expect(again.suggestedStart).toEqual(slice.suggestedStart);
    expect(again.id).toBe(slice.id);
  }, 60_000);

  it('showing the neural-net surface builds its slice and field with progress; the field is heightField bit for bit', async () => {
    const results = new Results();
    const runner = createMapRunner({ fieldResults: results });
    const store = createAppStore({ maps: runner });
    store.getState().setNeuralNet({ dataset: 'moons', directions: 'random' });
    expect(surfaceById('neural-net', store.getState().setup)?.minima).toEqual([]); // the stand-in: nothing trained on this thread
    const progress: number[] = [];
    store.subscribe((state) => progress.push(state.neuralSlice.bandsDone));
    results.setField({ key: fieldKey(0), resolution: 2, domain: { x: [0, 1], y: [0, 1] }, heights: new Float32Array(4), min: 0, max: 0 });
    store.getState().setSurface('neural-net', 0, true);
    expect(store.getState().setup.start).toEqual([0, -1.5]);
    // The field of the surface the pane showed before is gone while the network trains.
    expect(results.fields.has(fieldKey(0))).toBe(false);
    await until(() => store.getState().neuralSlice.status === 'done');
    const state = store.getState().neuralSlice;
    expect(state.bandsDone).toBe(state.bandsTotal);
    expect(new Set(progress).size).toBeGreaterThan(2);
    const id = neuralNetIdOf(store.getState().setup.neuralNet);
    const entry = builtSlice(id);
    expect(entry).not.toBeNull();
    const field = results.fields.get(fieldKey(0));
    expect(field?.heights).toBe(entry?.field.heights);
    const reference = heightField(entry!.slice, SLICE_FIELD_RESOLUTION);
    expect(Array.from(field!.heights)).toEqual(Array.from(reference));
    // Now the surface the page looks up is the trained slice.
    const surface = surfaceById('neural-net', store.getState().setup);
    expect(surface?.minima.length).toBeGreaterThan(0);
    expect(surface?.loss(0, 0)).toBe(entry!.slice.trainedLoss);
    runner.dispose();
  }, 240_000);

  it('a cancelled build stops, says so and builds again when asked', async () => {
    const results = new Results();
    const runner = createMapRunner({ fieldResults: results });
    const store = createAppStore({ maps: runner });
    store.getState().setNeuralNet({ dataset: 'spirals', directions: 'random' });
    store.getState().setSurface('neural-net', 0, true);
    await until(() => store.getState().neuralSlice.status === 'building');
    store.getState().cancelSliceBuild();
    expect(store.getState().neuralSlice.status).toBe('cancelled');
    store.getState().setSteps(store.getState().setup.steps + 1);
    expect(store.getState().neuralSlice.status).toBe('cancelled');
    store.getState().retrySliceBuild();
    expect(store.getState().neuralSlice.status).toBe('building');
    runner.dispose();
  }, 60_000);

  it('a build cancelled after the training, while the field is computed, stops too and keeps nothing', async () => {
    const results = new Results();
    const runner = createMapRunner({ fieldResults: results });
    const store = createAppStore({ maps: runner });
    store.getState().setNeuralNet({ dataset: 'moons', directions: 'pca' });
    store.getState().setSurface('neural-net', 0, true);
    // Part 1 of the progress is the training; the bands follow.
    await until(() => store.getState().neuralSlice.bandsDone >= 1);
    const state = store.getState().neuralSlice;
    expect(state.status).toBe('building');
    expect(state.bandsTotal).toBe(17);
    store.getState().cancelSliceBuild();
    const bandsDone = store.getState().neuralSlice.bandsDone;
    // A band takes ~0.1 s: uncancelled, several would arrive meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(store.getState().neuralSlice.status).toBe('cancelled');
    expect(store.getState().neuralSlice.bandsDone).toBe(bandsDone);
    expect(builtSlice(neuralNetIdOf(store.getState().setup.neuralNet))).toBeNull();
    expect(results.fields.has(fieldKey(0))).toBe(false);
    runner.dispose();
  }, 120_000);

  it('opening the surface menu starts the pool once (nothing trained); a builder that follows no setup starts none', () => {
    let pools = 0;
    const pool = { run() {}, cancel() {}, dispose() {} } as unknown as MapPool;
    const builder = createSliceBuilder({ results: new Results(), createPool: () => (pools++, pool) });
    builder.prewarm();
    builder.prewarm();
    expect(pools).toBe(1);
    builder.dispose();
    const idle = createSliceBuilder({ createPool: () => (pools++, pool) });
    idle.prewarm();
    expect(pools).toBe(1);
  });
});
