import { describe, expect, it } from 'vitest';
import { makeNeuralNetSlice, simulate, surfaces, validateSpec } from '../../src/core/index.ts';
import { appResults, appStore, startApp, stopApp } from '../../src/state/app.ts';
import { defaultSetup } from '../../src/state/defaults.ts';
import { buildComputeInput, connectEngine, connectSlices, engineCallbacks, fieldKey, wireRunSpec } from '../../src/state/engine.ts';
import { neuralNetIdOf, storeBuiltSlice } from '../../src/state/maps/sliceCache.ts';
import { Results } from '../../src/state/results.ts';
import { createAppStore } from '../../src/state/store/store.ts';
import { RUN_PALETTE } from '../../src/state/setup.ts';
import { createEngineClient, type ComputeInput } from '../../src/worker/client.ts';

function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (check()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error('timed out'));
      else setTimeout(poll, 1);
    };
    poll();
  });
}

/** A store connected to a recorder instead of a client. */
function connected() {
  const store = createAppStore();
  const results = new Results();
  const requests: ComputeInput[] = [];
  connectEngine(store, { compute: (input) => requests.push(input) }, results);
  return { store, results, requests };
}

describe('wire specs', () => {
  it('sends only the hyper-parameters the optimizer uses, and noise only for mini-batches', () => {
    const setup = defaultSetup();
    const [sgd, momentum, adam] = setup.runs;
    expect(Object.keys(wireRunSpec(setup, sgd)).sort()).toEqual(['batchSize', 'datasetSize', 'lr', 'optimizer', 'start', 'steps', 'surface', 'weightDecay']);
    expect(wireRunSpec(setup, momentum).momentum).toBe(0.9);
    expect(wireRunSpec(setup, adam)).toMatchObject({ beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    const mini = wireRunSpec(setup, { ...sgd, batchSize: 8 });
    expect(mini).toMatchObject({ batchSize: 8, noise: sgd.noise, seed: sgd.seed });
  });

  it('fixes N to the data rows on linear regression, keeping full batch full', () => {
    const setup = { ...defaultSetup(), panes: [{ surface: 'linear-regression' }] };
    const spec = wireRunSpec(setup, setup.runs[0]);
    expect(spec.datasetSize).toBe(surfaces['linear-regression'].examples!.size);
    expect(spec.batchSize).toBe(spec.datasetSize);
    expect(() => validateSpec({ ...spec, surface: 'linear-regression' })).not.toThrow();
  });
});

describe('store, client and worker handler together (in-thread)', () => {
  it('computes the default setup: every run equals core simulate, the field arrives, resultsVersion bumps once', async () => {
    const store = createAppStore();
    const results = new Results();
    const client = createEngineClient({ results, ...engineCallbacks(store) });
    connectEngine(store, client, results, 32);
    await waitFor(() => store.getState().resultsVersion === 1);
    const { setup } = store.getState();
    for (const run of setup.runs) {
      const result = results.runs.get(run.id)!;
      const spec = buildComputeInput(setup).runs.find((request) => request.runId === run.id)!.spec;
      const expected = simulate({ ...spec, surface: 'valleys' });
      expect(result.status).toBe('done');
      expect(Array.from(result.loss.subarray(0, result.length))).toEqual(Array.from(expected.loss.subarray(0, expected.length)));
    }
    expect(results.fields.get('pane0')!.resolution).toBe(32);
    expect(store.getState().workerStatus).toBe('ready');
    client.dispose();
  });

  it('tells the person in plain words when the engine is killed, and recomputes', async () => {
    const store = createAppStore();
    const results = new Results();
    const client = createEngineClient({ results, ...engineCallbacks(store) });
    connectEngine(store, client, results, 16);
    await waitFor(() => store.getState().resultsVersion === 1);
    client.terminateForTest();
    expect(store.getState().notices.at(-1)?.text).toMatch(/^The engine stopped unexpectedly \(.+\)\. Restarted it and recomputed your setup\.$/);
    await waitFor(() => store.getState().resultsVersion === 2);
    expect(store.getState().workerStatus).toBe('ready');
    expect(store.getState().workerMessage).toBeNull();
    client.dispose();
  });

  it('reports a bad run by its number and keeps the others', async () => {
    const store = createAppStore();
    const results = new Results();
    const client = createEngineClient({ results, ...engineCallbacks(store) });
    const { setup } = store.getState();
    const second = setup.runs[1];
    // The store's actions clamp lr; a setup built around them (here set directly) still reaches the worker's own check.
    store.setState({ setup: { ...setup, runs: setup.runs.map((run) => (run === second ? { ...run, lr: -1 } : run)) } });
    connectEngine(store, client, results, 16);
    await waitFor(() => store.getState().resultsVersion === 1);
    expect(results.runs.get(second.id)!.status).toBe('error');
    expect(store.getState().notices.at(-1)?.text).toBe('Run 2: The learning rate must be a positive finite number (got -1).');
    expect(results.runs.get(store.getState().setup.runs[0].id)!.status).toBe('done');
    client.dispose();
  });
});

describe('startApp', () => {
  it('starts once, connects the singletons and stops cleanly', async () => {
    const client = startApp();
    expect(startApp()).toBe(client);
    await waitFor(() => appStore.getState().resultsVersion >= 1);
    expect(appResults.runs.size).toBe(appStore.getState().setup.runs.length);
    stopApp();
  });
});

describe('recompute requests', () => {
  it('sends the setup once on connect, with every pane field', () => {
    const { store, requests } = connected();
    expect(requests).toHaveLength(1);
    expect(requests[0].runs.map((run) => run.runId)).toEqual(store.getState().setup.runs.map((run) => run.id));
    expect(requests[0].fields.map((field) => field.key)).toEqual([fieldKey(0)]);
  });

  it('sends exactly one request per change that alters a path', () => {
    const { store, requests } = connected();
    const run = store.getState().setup.runs[0];
    const actions: (() => void)[] = [
      () => store.getState().updateRun(run.id, { lr: run.lr * 2 }),
      () => store.getState().setStart([0.5, -0.5]),
      () => store.getState().setSteps(321),
      () => store.getState().addRun('nesterov'),
      () => store.getState().setSurface('bowl'),
      () => store.getState().setBowlCondition(50),
      () => store.getState().updateRun(run.id, { start: [1, 1] }),
      () => store.getState().replaceSetup({ ...defaultSetup(), steps: 77 }),
    ];
    for (const [index, action] of actions.entries()) {
      action();
      expect(requests, `action ${index}`).toHaveLength(index + 2);
    }
    expect(requests.at(-1)!.runs.every((request) => request.spec.steps === 77)).toBe(true);
  });

  it('sends nothing for color, visibility, selection, camera, overlays, playback or an unchanged value', () => {
    const { store, requests } = connected();
    const run = store.getState().setup.runs[0];
    const state = store.getState();
    state.updateRun(run.id, { color: RUN_PALETTE[7] });
    state.updateRun(run.id, { visible: false });
    state.selectRun(run.id);
    state.setCamera('top');
    state.setLogHeight('on');
    state.setOverlay('gradient', true);
    state.setPlaybackMode('animate');
    state.setStepsPerSecond(120);
    state.updateRun(run.id, { lr: run.lr });
    state.setSteps(store.getState().setup.steps);
    // No pane shows the bowl, so its condition number changes no path.
    state.setBowlCondition(99);
    expect(requests).toHaveLength(1);
  });

  it('gives each run its own start override and its pane surface', () => {
    const { store, requests } = connected();
    const [first, second] = store.getState().setup.runs;
    store.getState().updateRun(second.id, { start: [1.25, -0.75] });
    const last = requests.at(-1)!;
    expect(last.runs.find((r) => r.runId === second.id)!.spec.start).toEqual([1.25, -0.75]);
    expect(last.runs.find((r) => r.runId === first.id)!.spec.start).toEqual(store.getState().setup.start);

    store.getState().setPaneCount(2);
    store.getState().setSurface('saddle', 1);
    store.getState().updateRun(second.id, { pane: 1 });
    const split = requests.at(-1)!;
    expect(split.runs.find((r) => r.runId === second.id)!.spec.surface).toEqual({ kind: 'builtin', id: 'saddle' });
    expect(split.fields.map((field) => field.key)).toEqual([fieldKey(0), fieldKey(1)]);
  });

  it('drops results of removed runs', () => {
    const { store, results } = connected();
    const run = store.getState().setup.runs[1];
    const one = new Float64Array([1]);
    results.applyChunk({ generation: 1, runId: run.id, capacity: 1, offset: 0, x: one, y: one, loss: one, gradNorm: one, counts: { lossEvaluations: one, gradientEvaluations: one }, done: true, diverged: false, divergedAt: -1, stopReason: 'none', leftDomainAt: -1, startLoss: 0 });
    expect(results.runs.has(run.id)).toBe(true);
    store.getState().removeRun(run.id);
    expect(results.runs.has(run.id)).toBe(false);
  });
});

describe('runs on a neural-net slice the pool is building', () => {
  it('wait for it (no second training in the engine), say "waiting…", then start once it is registered with the engine', () => {
    const { store, results, requests } = connected();
    const registered: [string, Float64Array][] = [];
    const disconnect = connectSlices({ registerSlice: (id, parts) => registered.push([id, parts.center]) });
    const [first, second] = store.getState().setup.runs;
    const one = new Float64Array([1]);
    results.applyChunk({ generation: 1, runId: second.id, capacity: 1, offset: 0, x: one, y: one, loss: one, gradNorm: one, counts: { lossEvaluations: one, gradientEvaluations: one }, done: true, diverged: false, divergedAt: -1, stopReason: 'none', leftDomainAt: -1, startLoss: 0 });
    store.getState().setPaneCount(2);
    store.getState().setSurface('neural-net', 1);
    store.getState().updateRun(second.id, { pane: 1 });
    const id = neuralNetIdOf(store.getState().setup.neuralNet);
    // Not building (no pool, or after a cancel): the engine trains the slice itself.
    expect(requests.at(-1)!.runs.map((run) => run.runId)).toContain(second.id);
    // Building on the pool: the run waits, and shows no path of another surface meanwhile.
    store.setState({ neuralSlice: { ...store.getState().neuralSlice, id, status: 'building' } });
    const held = requests.at(-1)!;
    expect(held.runs.map((run) => run.runId)).toEqual(store.getState().setup.runs.filter((run) => run.id !== second.id).map((run) => run.id));
    expect(held.runs.map((run) => run.runId)).toContain(first.id);
    expect(results.runs.has(second.id)).toBe(false);
    // Built: registered with the engine first, then the run is sent.
    const sent = requests.length;
    // A small network stands for the pool's (the connector only passes its parts on).
    const slice = makeNeuralNetSlice({ hidden: 4, seed: 3 });
    storeBuiltSlice(id, { slice, field: { resolution: 2, domain: slice.domain, heights: new Float32Array(4), min: 0, max: 1 }, buildMs: 1 });
    expect(registered).toEqual([[id, slice.basis.center]]);
    store.setState({ neuralSlice: { ...store.getState().neuralSlice, status: 'done' } });
    expect(requests.length).toBe(sent + 1);
    expect(requests.at(-1)!.runs.find((run) => run.runId === second.id)!.spec.surface).toEqual({ kind: 'builtin', id });
    disconnect();
  });
});

describe('results stay outside React', () => {
  it('1,000 streamed chunks leave the store state untouched and its listeners silent', () => {
    const { store, results } = connected();
    const state = store.getState();
    let notified = 0;
    store.subscribe(() => notified++);
    const runId = state.setup.runs[0].id;
    const capacity = 1000 * 16;
    for (let chunk = 0; chunk < 1000; chunk++) {
      const points = new Float64Array(16).fill(chunk);
      results.applyChunk({ generation: 1, runId, capacity, offset: chunk * 16, x: points, y: points, loss: points, gradNorm: points, counts: { lossEvaluations: points, gradientEvaluations: points }, done: chunk === 999, diverged: false, divergedAt: -1, stopReason: 'none', leftDomainAt: -1, startLoss: 0 });
    }
    expect(results.runs.get(runId)!.length).toBe(capacity);
    expect(store.getState()).toBe(state);
    expect(notified).toBe(0);
  });
});
