import { describe, expect, it } from 'vitest';
import { simulate, surfaces, validateSpec } from '../../src/core/index.ts';
import { appResults, appStore, startApp, stopApp } from '../../src/state/app.ts';
import { defaultSetup } from '../../src/state/defaults.ts';
import { buildComputeInput, connectEngine, engineCallbacks, wireRunSpec } from '../../src/state/engine.ts';
import { Results } from '../../src/state/results.ts';
import { createAppStore } from '../../src/state/store.ts';
import { createEngineClient } from '../../src/worker/client.ts';

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

describe('wire specs', () => {
  it('sends only the hyper-parameters the optimizer uses, and noise only for mini-batches', () => {
    const setup = defaultSetup();
    const [sgd, momentum, adam] = setup.runs;
    expect(Object.keys(wireRunSpec(setup, sgd)).sort()).toEqual(['batchSize', 'datasetSize', 'lr', 'optimizer', 'start', 'steps', 'surface']);
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
    const second = store.getState().setup.runs[1];
    store.getState().updateRun(second.id, { lr: -1 });
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
